// Internal to cases/: the running summary of a case's events that both the sequence rule
// (CheckNextEvent) and the state (ComputeCaseState) are built on, so the rule is written once.
// A CaseFold is advanced one event at a time; Check says whether an event may come next. Plain
// value; not part of the public API.

#ifndef GONGKAI_CASES_CASE_FOLD_H_
#define GONGKAI_CASES_CASE_FOLD_H_

#include <optional>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "cases/case_state.h"
#include "cases/event.h"
#include "util/status.h"

namespace gongkai::internal {

struct CaseFold {
  const Event* received = nullptr;  // points into the caller's event list
  Date last_date;
  const Event* closing = nullptr;
  std::optional<Date> delivered;
  CaseSteps steps;
  // Open requests: index into steps.corrections / steps.stops, or nullopt.
  std::optional<std::size_t> open_correction;
  std::optional<std::size_t> open_stop;
  std::optional<Date> open_reasons;
  std::optional<Date> restart;  // the last correction_received: a later 补正 notice counts from it
  int64_t fee_notice_fen = 0;   // of the open fee notice
  int64_t fee_charged_fen = 0;  // of paid notices
  bool late_correction_notice = false;
  std::vector<Remedy> remedies;

  bool open_stop_is(ClockStop::Reason r) const {
    return open_stop && steps.stops[*open_stop].reason == r;
  }

  // Returns OK when `e` may follow the events folded so far (see CheckNextEvent).
  Status Check(const Event& e, const Calendar& calendar, const CaseSettings& settings) const;

  // Folds `e` in. REQUIRES: Check(e) was OK, and `e` outlives the fold. Returns the calendar's
  // error when a flag cannot be computed (the event is folded in regardless).
  Status Apply(const Event& e, const Calendar& calendar, const CaseSettings& settings);
};

}  // namespace gongkai::internal

#endif  // GONGKAI_CASES_CASE_FOLD_H_
