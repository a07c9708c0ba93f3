// A generator of realistic disclosure case histories, for demo data, property tests and the
// million-case benchmark. Deterministic: the same calendar and options give the same cases, on
// every platform (its own PRNG, no std::distribution). Every history it returns is legal by
// CheckHistory (cases/case_state.h). Pure; safe from any thread.
//
// The mix follows what published reports show: mostly natural persons and internet
// applications; about one case in eight needs a 补正 (some twice, some never answered); some
// consultations (a few running over holidays or timing out), extensions, fees (some unpaid),
// withdrawals; answers spread over every table B row with 予以公开 and 不掌握 most common; a few
// late replies and late 补正 notices; reconsiderations and lawsuits, some still pending. Names
// are fictional and masked ("张某某"): never real personal data.

#ifndef GONGKAI_CASES_SAMPLE_H_
#define GONGKAI_CASES_SAMPLE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "cases/event.h"
#include "util/date.h"

namespace gongkai {

struct SampleOptions {
  // Same seed, same cases.
  uint64_t seed = 1;
  // Receipt dates are working days in [first_receipt, last_receipt].
  Date first_receipt{std::chrono::year(2023), std::chrono::January, std::chrono::day(1)};
  Date last_receipt{std::chrono::year(2024), std::chrono::December, std::chrono::day(31)};
  // Number of cases.
  int count = 1000;
  // Events after this day are not generated, so cases still running on it stay open (and
  // proceedings pending). Also capped at the calendar's last covered day.
  Date as_of{std::chrono::year(2025), std::chrono::June, std::chrono::day(30)};
  // The `agency` of every event; empty for single-agency files.
  std::string agency;
  // Case numbers are "<prefix><receipt year>-<6-digit sequence within the year>".
  std::string case_prefix;
};

// Returns `options.count` case histories in order of receipt. Cases whose receipt date lies
// outside the calendar are not generated (the result is then shorter); a history that would run
// past the calendar's last day stops there, still legal.
std::vector<std::vector<Event>> GenerateSampleCases(const Calendar& calendar,
                                                    const SampleOptions& options);

// The same cases, handed to `sink` one at a time in the same order, for callers that stream
// (a million cases into a database or a fold) without holding them all.
void GenerateSampleCases(const Calendar& calendar, const SampleOptions& options,
                         const std::function<void(std::vector<Event>&&)>& sink);

}  // namespace gongkai

#endif  // GONGKAI_CASES_SAMPLE_H_
