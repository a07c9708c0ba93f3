#include "calendar/promised_date.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

Date D(const char* s) {
  Result<Date> d = ParseDate(s);
  EXPECT_TRUE(d.ok()) << s;
  return *d;
}

// The 2024 National Day arrangement as 国办发明电〔2023〕7号 states it (typed from the notice, not
// read from data/): rest 10月1日至7日, work on Sunday 9月29日 and Saturday 10月12日; and 中秋节,
// rest 9月15日至17日 with Saturday 9月14日 worked.
const Calendar& Cal() {
  static const Calendar* cal = [] {
    Result<Notice> n = ParseNotice(
        "year 2024\n"
        "notice 国办发明电〔2023〕7号\n"
        "title 国务院办公厅关于2024年部分节假日安排的通知\n"
        "off 2024-09-15..2024-09-17 中秋节\n"
        "work 2024-09-14 中秋节\n"
        "off 2024-10-01..2024-10-07 国庆节\n"
        "work 2024-09-29 国庆节\n"
        "work 2024-10-12 国庆节\n",
        "test-2024.cal");
    EXPECT_TRUE(n.ok()) << n.status().message();
    Result<Calendar> c = Calendar::Build({*n});
    EXPECT_TRUE(c.ok()) << c.status().message();
    return new Calendar(std::move(c).value());
  }();
  return *cal;
}

struct Case {
  int line;
  const char* today;
  int days;
  const char* accepted;
  const char* due;
};

// Counted by hand on the 2024 calendar above.
const Case kCases[] = {
    // Friday before the holiday: Sun 9-29 (调休, day 1), Mon 9-30 (2), 10-8 (3), 10-9 (4), 10-10
    // (5).
    {__LINE__, "2024-09-27", 5, "2024-09-27", "2024-10-10"},
    // Applied on a holiday: accepted Tue 10-8; 10-9, 10-10, 10-11, Sat 10-12 (调休), Mon 10-14.
    {__LINE__, "2024-10-03", 5, "2024-10-08", "2024-10-14"},
    // Applied on the make-up Sunday itself: a working day, accepted that day.
    {__LINE__, "2024-09-29", 3, "2024-09-29", "2024-10-09"},
    // An ordinary Saturday: accepted Sun 9-29 (调休上班), the next working day.
    {__LINE__, "2024-09-28", 1, "2024-09-29", "2024-09-30"},
    // 即办件 on a working day and on a holiday.
    {__LINE__, "2024-09-30", 0, "2024-09-30", "2024-09-30"},
    {__LINE__, "2024-10-05", 0, "2024-10-08", "2024-10-08"},
    // Across 中秋节: Fri 9-13, Sat 9-14 (调休, 1), 9-18 (2), 9-19 (3).
    {__LINE__, "2024-09-13", 3, "2024-09-13", "2024-09-19"},
    // 20 working days from Mon 9-23: 9-24…9-30 is 6 (with Sun 9-29), 10-8…10-12 is 5, then 9 more.
    {__LINE__, "2024-09-23", 20, "2024-09-23", "2024-10-24"},
};

TEST(PromisedDate, CountsWorkingDaysOnTheOfficialCalendar) {
  for (const Case& c : kCases) {
    Result<PromisedDate> p = PromisedDateIfAppliedOn(D(c.today), c.days, Cal());
    ASSERT_TRUE(p.ok()) << "line " << c.line << ": " << p.status().message();
    EXPECT_EQ(FormatDate(p->accepted), c.accepted) << "line " << c.line;
    EXPECT_EQ(FormatDate(p->due), c.due) << "line " << c.line;
    EXPECT_EQ(p->immediate, c.days == 0) << "line " << c.line;
  }
}

TEST(PromisedDate, ExplainsAHolidayApplication) {
  Result<PromisedDate> p = PromisedDateIfAppliedOn(D("2024-10-03"), 5, Cal());
  ASSERT_TRUE(p.ok());
  ASSERT_GE(p->explanation.size(), 2u);
  EXPECT_NE(p->explanation[0].find("国庆节放假"), std::string::npos) << p->explanation[0];
  EXPECT_NE(p->explanation[0].find("2024年10月8日（星期二）"), std::string::npos);
  EXPECT_NE(p->explanation[1].find("2024年10月14日（星期一）"), std::string::npos);
}

TEST(PromisedDate, LateDecemberMayChange) {
  // The next year's 元旦 arrangement is not loaded, so a date past mid-December may move.
  Result<PromisedDate> p = PromisedDateIfAppliedOn(D("2024-12-16"), 2, Cal());
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->may_change);
  Result<PromisedDate> q = PromisedDateIfAppliedOn(D("2024-09-27"), 5, Cal());
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->may_change);
}

TEST(PromisedDate, RefusesWhatItCannotCount) {
  Result<PromisedDate> negative = PromisedDateIfAppliedOn(D("2024-09-27"), -1, Cal());
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().code(), Status::Code::kInvalidInput);
  // The result would fall in 2025, which this calendar does not cover: an error naming the year.
  Result<PromisedDate> beyond = PromisedDateIfAppliedOn(D("2024-12-30"), 5, Cal());
  ASSERT_FALSE(beyond.ok());
  EXPECT_NE(beyond.status().message().find("2025"), std::string::npos) << beyond.status().message();
}

}  // namespace
}  // namespace gongkai
