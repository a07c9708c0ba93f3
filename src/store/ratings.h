// 好差评 of an agency (../shared/spec/services.md §7, §9): the ratings of its catalogue's items and
// the ticket of every 差评, stored as its steps (migration 19). Imports are all or nothing; every
// write is covered by the keyed audit ledger (store/ledger.h) in its own transaction. A ticket's
// state and deadline are never stored: they are services/rating_ticket.h ComputeTicket over the
// steps, the agency's rectification setting and the region's calendar, at each read.
//
// Roles: a clerk imports and records steps; the head approves the steps that need it
// (services/rating.h NeedsApproval). Ratings from the public (一事一评) are taken without a user.
// Plain functions over a Database; thread safety is the Database's.

#ifndef GONGKAI_STORE_RATINGS_H_
#define GONGKAI_STORE_RATINGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.h"
#include "services/rating.h"
#include "services/rating_jsonl.h"
#include "services/rating_stats.h"
#include "services/rating_ticket.h"
#include "store/agencies.h"
#include "store/database.h"
#include "store/users.h"
#include "util/status.h"

namespace gongkai {

struct RatingImportResult {
  int ratings = 0;    // new ratings stored
  int steps = 0;      // new steps stored
  int unchanged = 0;  // lines already stored with the same content (a re-import): skipped
};

// Imports a parsed file (services/rating_jsonl.h) in one transaction. Each rating's item must be
// in the catalogue (any version), its case, when given, not rated yet (一事一评), each step fit
// its ticket (CheckNextStep) after the steps already stored. A rating id already stored with the
// same content, and a step equal to a stored one of its rating, are skipped; a rating id stored
// with other content is an error. kInvalidInput listing every problem as `source:LINE: …`; then
// nothing is stored. Imported steps are recorded as approved by `actor`.
Result<RatingImportResult> ImportRatings(Database& db, int64_t agency_id, const RatingsFile& file,
                                         std::string_view source, std::string_view actor);

// The ratings whose local date lies in `year` (every year when nullopt), by time then id, each
// with its ticket's steps in order (rejected steps left out).
Result<std::vector<RatedService>> LoadRatings(Database& db, int64_t agency_id,
                                              std::optional<int> year);

// ComputeRatingStats over the period's year, departments taken from the catalogue's current rows.
// kInvalidInput for a bad period (CheckRatingPeriod).
Result<RatingStats> RatingStatsFor(Database& db, int64_t agency_id, const RatingPeriod& period,
                                   const std::optional<std::string>& department = std::nullopt);

// The agency's rectification period (agency settings; defaults when unset).
Result<RectificationSettings> AgencyRectificationSettings(Database& db, int64_t agency_id);

// Sets it. kInvalidInput when days is outside 1 … 60.
Status SetRectificationSettings(Database& db, int64_t agency_id,
                                const RectificationSettings& settings, const User& user);

// ---- The bureau's queue of 差评 tickets ---------------------------------------------------

struct TicketStepRow {
  int64_t seq = 0;  // the step's number within the agency (for approval)
  TicketStep step;
  std::string decision;  // "" awaiting approval | approved | rejected
  std::string recorded_by, decided_by, decision_note;
};

struct TicketRow {
  Rating rating;
  std::string item_name, department;  // "" when the code left the catalogue
  TicketStatus status;
  std::vector<TicketStepRow> steps;  // every step, rejected ones included, in order
};

// Every 差评's ticket on `as_of`: the overdue unanswered first (oldest due first), then the rest
// unanswered by due date, then the answered ones, newest first. `open_only` leaves out tickets
// answered or declared invalid. The calendar's error when a due date falls outside it.
Result<std::vector<TicketRow>> RatingTickets(Database& db, int64_t agency_id,
                                             const Calendar& calendar, Date as_of,
                                             bool open_only = false);

// One ticket. kNotFound naming the id; kInvalidInput when the rating is not a 差评.
Result<TicketRow> GetRatingTicket(Database& db, int64_t agency_id, const std::string& rating_id,
                                  const Calendar& calendar, Date as_of);

// Records a step (CheckNextStep against the steps not rejected). A step that NeedsApproval
// waits for the head; 核实 and 回访 are approved as recorded. Action::kRecordRatingStep;
// kPermissionDenied otherwise. Returns the step's seq.
Result<int64_t> RecordTicketStep(Database& db, int64_t agency_id, TicketStep step,
                                 const User& user);

// Approves or rejects (with a note) a step awaiting approval. Action::kApproveRatingStep;
// kNotFound for an unknown seq, kConflict when it was decided already.
Status DecideTicketStep(Database& db, int64_t agency_id, int64_t seq, bool approve,
                        const std::string& note, const User& user);

// ---- 一事一评 from the public ----------------------------------------------------------------

// Stores a rating given on the public site: its id is assigned ("W" and the agency's seq), its
// item must be in the catalogue, its case (optional) must exist in the agency's register and not
// be rated yet. kInvalidInput / kConflict saying which. Returns the id.
Result<std::string> SubmitRating(Database& db, int64_t agency_id, Rating rating);

// The catalogue item a case of the register is rated as (一事一评 from the tracking page): the
// agency setting `rating_case_item` (e.g. the 实施编码 of 政府信息公开申请), "" when unset — then
// the tracking page offers no rating.
std::string CaseRatingItem(const Agency& agency);

}  // namespace gongkai

#endif  // GONGKAI_STORE_RATINGS_H_
