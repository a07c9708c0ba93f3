// The ticket a 差评 opens (国办发〔2019〕51号: every 差评 is verified, rectified and answered; a
// 申诉复核 removes a mistaken one; ../shared/spec/services.md §7). The ticket is its steps: its
// state, due date and overdue flag are a pure function of (rating, steps, settings, calendar,
// as-of date), never stored.
//
// Counting convention: the period runs from the rating's local date (day 0) — N working days on
// the calendar with its 调休 (Calendar::AddWorkingDays), or N calendar days with an end on a rest
// day moved to the next working day (Calendar::AddCalendarDays). Each approved 延期 adds its own
// length (or one more period) to the due date in force. Places differ (5 working days, 15 working
// days, 7 calendar days seen): the period is the region's setting, 5 working days by default
// **(design)**. A ticket is overdue when its answer is not approved by the end of the due date,
// and stays flagged (answered late) when it was approved after it.
//
// Order of steps: 核实 first and once; then answers — 整改 | 解释说明 | 无法整改 | 申诉成立 close
// the ticket, 申诉未成立 leaves it open for another answer; 延期 only while open; 回访 once, after
// an answer other than 申诉成立, with the rater's verdict. A step that NeedsApproval counts only
// once approved; while one waits, no further step but its approval is taken.
//
// Pure functions; safe from any thread.

#ifndef GONGKAI_SERVICES_RATING_TICKET_H_
#define GONGKAI_SERVICES_RATING_TICKET_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "calendar/calendar.h"
#include "services/rating.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// The rectification period: a setting of the region's bureau (agency settings
// `rating_period_days`, `rating_period_unit` = "working" | "calendar").
struct RectificationSettings {
  int days = 5;         // length of the period, and of an extension that names none
  bool working = true;  // working days (true) or calendar days
};

// Reads the settings from an agency's settings JSON (absent keys keep the defaults). kInvalidInput
// naming the key for a value of the wrong shape (days must be 1 … 60).
Result<RectificationSettings> RectificationSettingsFromJson(std::string_view settings_json);

enum class TicketState {
  kOpen,       // 待核实
  kVerified,   // 已核实，待答复
  kAnswered,   // 已答复，待回访
  kRevisited,  // 已回访
  kInvalid,    // 申诉成立：无效差评
};
std::string_view Label(TicketState state);

struct TicketStatus {
  TicketState state = TicketState::kOpen;
  Date opened;                           // the rating's local date
  Date due;                              // after approved extensions
  std::optional<Date> answered;          // when the closing answer was given
  std::optional<TicketStepKind> answer;  // the closing answer
  std::optional<RevisitResult> revisit;
  int extensions = 0;    // approved
  bool pending = false;  // a step awaits approval
  bool overdue = false;  // unanswered after `due`, or answered after it
};

// Checks that `next` may follow `steps` (in order) on `rating`'s ticket. kInvalidInput saying
// why and what is allowed: the rating is not a 差评, a date before the rating or the previous
// step, a step out of order, a missing or superfluous `result` / `days`.
Status CheckNextStep(const Rating& rating, std::span<const TicketStep> steps,
                     const TicketStep& next);

// The ticket's status on `as_of`. REQUIRES: IsPoor(rating.level) and steps that passed
// CheckNextStep in order. Returns the calendar's error when a date falls outside its notices.
Result<TicketStatus> ComputeTicket(const Rating& rating, std::span<const TicketStep> steps,
                                   const RectificationSettings& settings, const Calendar& calendar,
                                   Date as_of);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_RATING_TICKET_H_
