// The ratings' JSON Lines interchange format (../shared/spec/services.md §9, `gongkai ratings
// import`): one object a line, UTF-8; a line is a rating (`"type": "rating"`) or a step of a 差评
// ticket (`"type"` one of the TicketStepKind keys). Unknown fields are kept (Rating::extra,
// TicketStep::extra). Reading is all or nothing: every bad line is reported as `source:LINE:
// 字段 FIELD：problem（可选值：…）`, and nothing is returned unless every line is good.
//
// Beyond §9 a step may carry `note` (what was found, done or explained) and an extension `days`
// (its length; without it one more period) — **(design)**. Imported steps are the platform's
// record of what was done and approved, so they are taken as approved.
//
// Pure functions; safe from any thread.

#ifndef GONGKAI_SERVICES_RATING_JSONL_H_
#define GONGKAI_SERVICES_RATING_JSONL_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "services/rating.h"
#include "util/status.h"

namespace gongkai {

constexpr std::size_t kMaxRatingLineBytes = 64 * 1024;

struct RatingLine {
  int line = 0;
  Rating rating;
};
struct StepLine {
  int line = 0;
  TicketStep step;
};
struct RatingsFile {
  std::vector<RatingLine> ratings;  // file order
  std::vector<StepLine> steps;      // file order
};

// Parses a file. Blank lines are skipped; a byte order mark is ignored. Besides each line's
// own checks, rating ids are unique within the file. kInvalidInput listing every bad line (at
// most 20, then the count of the rest).
Result<RatingsFile> ParseRatingsJsonl(std::string_view text, std::string_view source);

// What the store already holds for a rating a step names: the rating and its stored steps.
struct StoredTicket {
  Rating rating;
  std::vector<TicketStep> steps;
};

// Checks the file against the catalogue and the store, then every step in file order against
// its ticket (CheckNextStep): each rating's item must satisfy `item_known`, each step name a
// rating in the file or in `stored`. Returns the problems as `source:LINE: …`, empty when the
// file may be imported.
std::vector<std::string> CheckRatingsFile(const RatingsFile& file, std::string_view source,
                                          const std::function<bool(const std::string&)>& item_known,
                                          const std::map<std::string, StoredTicket>& stored);

// Joins problems into one kInvalidInput (at most 20 listed, then the count of the rest) with a
// closing line saying nothing was imported.
Status RatingsProblems(const std::vector<std::string>& problems);

// One rating / one step as a JSON line (no newline), known fields first, then the unknown ones.
std::string RatingToJsonLine(const Rating& rating);
std::string TicketStepToJsonLine(const TicketStep& step);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_RATING_JSONL_H_
