// The promised completion date of a government service item (政务服务事项) for an applicant who
// applies on a given day: "if you apply today, the promised date is …", as a guide page shows it.
// Computed from the item's 承诺办结时限 in working days on the official calendar, with an
// explanation in Chinese. Pure: `today` and the calendar are passed in.
//
// 《中华人民共和国行政许可法》第八十二条:
// 本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日. 第三十二条: an application that
// is complete is accepted (受理) on the spot. Counting convention (design, as the deadline
// engine's): the day of acceptance is day 0 and the period ends on the N-th working day after it
// (民法典 第二百零一条: 开始的当日不计入). Settled points: an application made on a rest day
// (weekend or statutory holiday, online or by post) is accepted on the next working day, a 调休
// make-up Saturday or Sunday counting as a working day; the estimate assumes the materials are
// complete and accepted on the day (a 补正 restarts it); a 即办件 (0 days) is settled on the day of
// acceptance.

#ifndef GONGKAI_CALENDAR_PROMISED_DATE_H_
#define GONGKAI_CALENDAR_PROMISED_DATE_H_

#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct PromisedDate {
  Date accepted;            // the working day the application counts as accepted (day 0)
  Date due;                 // the last day of the promised period; == accepted for a 即办件
  bool immediate = false;   // 即办件: promised_working_days == 0
  bool may_change = false;  // `due` lies where the next holiday notice may still move it
  std::vector<std::string> explanation;  // Chinese, one step per line
};

// The promised date for an application made on `today` to an item promising
// `promised_working_days`. REQUIRES: promised_working_days >= 0 (a negative count is refused as
// invalid input naming the value). Error naming the year when a date needed lies outside the
// calendar's notices.
Result<PromisedDate> PromisedDateIfAppliedOn(Date today, int promised_working_days,
                                             const Calendar& calendar);

}  // namespace gongkai

#endif  // GONGKAI_CALENDAR_PROMISED_DATE_H_
