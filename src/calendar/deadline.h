// The deadline engine: given the steps of a disclosure case that bear on time (receipt, 补正,
// consultations, fee notices, an extension), computes every statutory date of law.md §3 and,
// for an as-of date, the working days left and whether the case is overdue — each with an
// explanation in Chinese. Pure: the calendar, the settings and `as_of` are passed in.
//
// Art. 33: reply within 20 working days of receipt; Art. 30: the 补正 notice within 7 working
// days, and the 20 days restart from receipt of the supplemented application; Art. 32/34: time
// spent consulting a third party or co-author agency (15 working days at most) is not counted;
// Art. 33: one extension of at most 20 working days; 国办函〔2020〕109号: a fee is paid within 20
// working days from the day after the notice is received. Counting convention (design, a
// setting): the start day is day 0.

#ifndef GONGKAI_CALENDAR_DEADLINE_H_
#define GONGKAI_CALENDAR_DEADLINE_H_

#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct DeadlineSettings {
  // Working days to reply (Art. 33).
  int reply_working_days = 20;
  // Working days within which a 补正 notice must be sent (Art. 30).
  int correction_notice_working_days = 7;
  // Working days a consulted party has to answer (Art. 32, 34).
  int consultation_working_days = 15;
  // Working days to pay a fee notice, counted from the day after it is received (109号).
  int fee_payment_working_days = 20;
  // Maximum extension (Art. 33).
  int max_extension_working_days = 20;
  // Whether an unpaid fee notice stops the reply clock (law.md §5 leaves it open; design).
  bool fee_stops_clock = true;
  // true: the start day is day 0 and the period ends on the N-th working day after it (民法典
  // 第二百零一条: 开始的当日不计入). false: the start day counts as day 1 when it is a working day.
  bool start_day_is_day_zero = true;
};

// A period during which the reply clock does not run.
struct ClockStop {
  enum class Reason { kThirdPartyConsultation, kCoAuthorConsultation, kFeeNotice };
  Reason reason;
  Date start;               // the day the request or notice was sent
  std::optional<Date> end;  // the answer / payment / time-out; nullopt while still stopped
};

struct CorrectionRound {
  Date requested;                // the 补正 notice
  std::optional<Date> deadline;  // by when the applicant must supplement
  std::optional<Date> received;  // the supplemented application; the 20 days restart here
};

struct CaseSteps {
  Date receipt;                               // legal receipt date (Art. 31)
  std::vector<CorrectionRound> corrections;   // in order
  std::vector<ClockStop> stops;               // in order, not overlapping
  std::optional<int> extension_working_days;  // approved extension
  std::optional<Date> extension_approved;
  std::optional<Date> closed;  // answered, withdrawn, deemed withdrawn
};

struct Deadlines {
  Date correction_notice_due;            // last day to send the 补正 notice
  std::optional<Date> reply_due;         // nullopt while waiting for a 补正 or a stop
  std::optional<Date> extended_due;      // reply_due plus the extension, when approved
  std::optional<Date> fee_payment_due;   // of the open fee notice
  std::optional<Date> consultation_due;  // of the open consultation
  std::optional<Date> correction_due;    // the applicant's 补正 deadline, while waiting
  bool paused = false;                   // a stop or a 补正 is open on as_of
  bool overdue = false;                  // open on as_of and past the (extended) due date
  bool answered_late = false;            // closed after the (extended) due date
  // On as_of (or on the closing day): working days to the (extended) due date; frozen while
  // paused (while waiting for a 补正: the full period that restarts); negative or 0 when overdue.
  int working_days_left = 0;
  // A date above lies where the calendar may still change (Calendar::MayChange): the next
  // holiday notice is not out yet. The explanation's last line says so.
  bool may_change = false;
  std::vector<std::string> explanation;  // Chinese, one step per line
};

// Computes the deadlines of a case as of `as_of`. Error when a date needed lies outside the
// calendar's notices (naming the year), or when the steps are inconsistent (a stop before
// receipt, overlapping stops), saying which.
Result<Deadlines> ComputeDeadlines(const CaseSteps& steps, const Calendar& calendar,
                                   const DeadlineSettings& settings, Date as_of);

// A due date N working days after `start` with its explanation (the CLI's simple form).
struct SimpleDeadline {
  Date due;
  bool may_change = false;  // as Deadlines::may_change
  std::vector<std::string> explanation;
};
Result<SimpleDeadline> ExplainWorkingDays(Date start, int working_days, const Calendar& calendar,
                                          const DeadlineSettings& settings);

}  // namespace gongkai

#endif  // GONGKAI_CALENDAR_DEADLINE_H_
