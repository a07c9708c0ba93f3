// Civil dates (no time zone, no clock): the dates the law counts in. A Date is
// std::chrono::year_month_day; arithmetic goes through sys_days. Parsing is strict ISO
// `YYYY-MM-DD` and reports what was wrong.

#ifndef GONGKAI_UTIL_DATE_H_
#define GONGKAI_UTIL_DATE_H_

#include <chrono>
#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai {

using Date = std::chrono::year_month_day;

// Parses `YYYY-MM-DD`. Returns kInvalidInput naming the text when it is not a valid civil date.
Result<Date> ParseDate(std::string_view text);

// Formats as `YYYY-MM-DD`.
std::string FormatDate(Date d);

// Formats as `2024年10月8日` for Chinese text.
std::string FormatDateZh(Date d);

// Days since 1970-01-01 (negative before); the index calendars use.
inline int DayNumber(Date d) {
  return static_cast<int>(std::chrono::sys_days(d).time_since_epoch().count());
}
inline Date FromDayNumber(int n) { return Date(std::chrono::sys_days(std::chrono::days(n))); }
inline Date AddDays(Date d, int n) { return FromDayNumber(DayNumber(d) + n); }

// 1 = Monday … 7 = Sunday (ISO).
inline unsigned IsoWeekday(Date d) {
  return std::chrono::weekday(std::chrono::sys_days(d)).iso_encoding();
}

}  // namespace gongkai

#endif  // GONGKAI_UTIL_DATE_H_
