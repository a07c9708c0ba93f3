#include "calendar/calendar.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace gongkai {
namespace {

Date D(const char* s) {
  Result<Date> d = ParseDate(s);
  EXPECT_TRUE(d.ok()) << s;
  return *d;
}

// Typed from /work/shared/spec/calendar.md ("Facts to encode"), NOT read from data/: the data
// files are what this table checks.
struct Range {
  const char* first;
  const char* last;
};
const Range kRest[] = {
    // 2019 (国办发明电〔2018〕15号, May Day per 〔2019〕3号)
    {"2018-12-30", "2019-01-01"},
    {"2019-02-04", "2019-02-10"},
    {"2019-04-05", "2019-04-05"},
    {"2019-05-01", "2019-05-04"},
    {"2019-06-07", "2019-06-07"},
    {"2019-09-13", "2019-09-13"},
    {"2019-10-01", "2019-10-07"},
    // 2020 (〔2019〕16号, Spring Festival extended by 〔2020〕1号)
    {"2020-01-01", "2020-01-01"},
    {"2020-01-24", "2020-02-02"},
    {"2020-04-04", "2020-04-06"},
    {"2020-05-01", "2020-05-05"},
    {"2020-06-25", "2020-06-27"},
    {"2020-10-01", "2020-10-08"},
    // 2021
    {"2021-01-01", "2021-01-03"},
    {"2021-02-11", "2021-02-17"},
    {"2021-04-03", "2021-04-05"},
    {"2021-05-01", "2021-05-05"},
    {"2021-06-12", "2021-06-14"},
    {"2021-09-19", "2021-09-21"},
    {"2021-10-01", "2021-10-07"},
    // 2022
    {"2022-01-01", "2022-01-03"},
    {"2022-01-31", "2022-02-06"},
    {"2022-04-03", "2022-04-05"},
    {"2022-04-30", "2022-05-04"},
    {"2022-06-03", "2022-06-05"},
    {"2022-09-10", "2022-09-12"},
    {"2022-10-01", "2022-10-07"},
    // 2023
    {"2022-12-31", "2023-01-02"},
    {"2023-01-21", "2023-01-27"},
    {"2023-04-05", "2023-04-05"},
    {"2023-04-29", "2023-05-03"},
    {"2023-06-22", "2023-06-24"},
    {"2023-09-29", "2023-10-06"},
    // 2024
    {"2024-01-01", "2024-01-01"},
    {"2024-02-10", "2024-02-17"},
    {"2024-04-04", "2024-04-06"},
    {"2024-05-01", "2024-05-05"},
    {"2024-06-10", "2024-06-10"},
    {"2024-09-15", "2024-09-17"},
    {"2024-10-01", "2024-10-07"},
    // 2025
    {"2025-01-01", "2025-01-01"},
    {"2025-01-28", "2025-02-04"},
    {"2025-04-04", "2025-04-06"},
    {"2025-05-01", "2025-05-05"},
    {"2025-05-31", "2025-06-02"},
    {"2025-10-01", "2025-10-08"},
    // 2026
    {"2026-01-01", "2026-01-03"},
    {"2026-02-15", "2026-02-23"},
    {"2026-04-04", "2026-04-06"},
    {"2026-05-01", "2026-05-05"},
    {"2026-06-19", "2026-06-21"},
    {"2026-09-25", "2026-09-27"},
    {"2026-10-01", "2026-10-07"},
};
const char* const kMakeUp[] = {
    "2018-12-29", "2019-02-02", "2019-02-03", "2019-04-28", "2019-05-05", "2019-09-29",
    "2019-10-12",                                                                        // 2019
    "2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10",  // 2020
    "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26",
    "2021-10-09",  // 2021
    "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08",
    "2022-10-09",  // 2022
    "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07",
    "2023-10-08",  // 2023
    "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
    "2024-09-29", "2024-10-12",                                                          // 2024
    "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",                // 2025
    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",  // 2026
};

// The expected kind of every day, from the literal tables above.
std::map<int, DayKind> ExpectedSpecialDays() {
  std::map<int, DayKind> m;
  for (const Range& r : kRest) {
    for (int i = DayNumber(D(r.first)); i <= DayNumber(D(r.last)); ++i) m[i] = DayKind::kRestDay;
  }
  for (const char* w : kMakeUp) m[DayNumber(D(w))] = DayKind::kMakeUpWorkday;
  return m;
}

Notice ReadNotice(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Notice> n = ParseNotice(ss.str(), path);
  EXPECT_TRUE(n.ok()) << n.status().message();
  return n.ok() ? *n : Notice{};
}

// The shipped national files from 2019 to `last_year`.
Calendar LoadNational(int last_year) {
  std::vector<Notice> notices;
  for (int y = 2019; y <= last_year; ++y) {
    notices.push_back(ReadNotice(std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/national/" +
                                 std::to_string(y) + ".cal"));
  }
  Result<Calendar> c = Calendar::Build(std::move(notices));
  EXPECT_TRUE(c.ok()) << c.status().message();
  return std::move(c).value();
}

// The published notices only (2019–2026).
const Calendar& National() {
  static const Calendar* cal = new Calendar(LoadNational(2026));
  return *cal;
}

TEST(CalendarData, EveryDayOf2019To2026MatchesTheSpec) {
  const Calendar& cal = National();
  ASSERT_EQ(cal.first_year(), 2019);
  ASSERT_EQ(cal.last_year(), 2026);
  std::map<int, DayKind> special = ExpectedSpecialDays();
  for (int i = DayNumber(D("2019-01-01")); i <= DayNumber(D("2026-12-31")); ++i) {
    Date d = FromDayNumber(i);
    DayKind want = IsoWeekday(d) >= 6 ? DayKind::kWeekend : DayKind::kWorkday;
    if (auto it = special.find(i); it != special.end()) want = it->second;
    Result<DayInfo> got = cal.Describe(d);
    ASSERT_TRUE(got.ok()) << FormatDate(d) << ": " << got.status().message();
    EXPECT_EQ(static_cast<int>(got->kind), static_cast<int>(want)) << FormatDate(d);
    bool special_day = want == DayKind::kRestDay || want == DayKind::kMakeUpWorkday;
    EXPECT_EQ(got->name.empty(), !special_day) << FormatDate(d);
    EXPECT_EQ(got->notice.empty(), !special_day) << FormatDate(d);
  }
}

TEST(CalendarData, MakeUpDaysAreWeekends) {
  for (const char* w : kMakeUp) EXPECT_GE(IsoWeekday(D(w)), 6u) << w;
}

TEST(CalendarData, WorkingDaysPerYear) {
  const Calendar& cal = National();
  std::map<int, DayKind> special = ExpectedSpecialDays();
  for (int y = 2019; y <= 2026; ++y) {
    Date jan1{std::chrono::year(y), std::chrono::January, std::chrono::day(1)};
    Date dec31{std::chrono::year(y), std::chrono::December, std::chrono::day(31)};
    int weekdays = 0, weekday_rest = 0, make_up = 0;
    for (int i = DayNumber(jan1); i <= DayNumber(dec31); ++i) {
      bool weekday = IsoWeekday(FromDayNumber(i)) <= 5;
      weekdays += weekday;
      auto it = special.find(i);
      if (it == special.end()) continue;
      weekday_rest += weekday && it->second == DayKind::kRestDay;
      make_up += it->second == DayKind::kMakeUpWorkday;
    }
    Result<int> n = cal.CountWorkingDays(AddDays(jan1, -1), dec31);
    ASSERT_TRUE(n.ok()) << y << ": " << n.status().message();
    EXPECT_EQ(*n, weekdays - weekday_rest + make_up) << y;
    if (y == 2024) {
      EXPECT_EQ(weekdays, 262);
      EXPECT_EQ(weekday_rest, 19);
      EXPECT_EQ(make_up, 8);
      EXPECT_EQ(*n, 251);
    }
  }
}

TEST(CalendarData, NamesAndNoticesOfDays) {
  const Calendar& cal = National();
  struct Case {
    const char* date;
    DayKind kind;
    const char* name;
    const char* notice;
  } cases[] = {
      {"2024-10-01", DayKind::kRestDay, "国庆节", "国办发明电〔2023〕7号"},
      {"2024-10-12", DayKind::kMakeUpWorkday, "国庆节", "国办发明电〔2023〕7号"},
      {"2019-05-03", DayKind::kRestDay, "劳动节", "国办发明电〔2019〕3号"},
      {"2019-05-05", DayKind::kMakeUpWorkday, "劳动节", "国办发明电〔2019〕3号"},
      {"2020-02-01", DayKind::kRestDay, "春节", "国办发明电〔2020〕1号"},
      {"2020-01-30", DayKind::kRestDay, "春节", "国办发明电〔2019〕16号"},
      {"2022-12-31", DayKind::kRestDay, "元旦", "国办发明电〔2022〕16号"},
  };
  for (const Case& c : cases) {
    Result<DayInfo> info = cal.Describe(D(c.date));
    ASSERT_TRUE(info.ok()) << c.date;
    EXPECT_EQ(static_cast<int>(info->kind), static_cast<int>(c.kind)) << c.date;
    EXPECT_EQ(info->name, c.name) << c.date;
    EXPECT_EQ(info->notice, c.notice) << c.date;
    EXPECT_TRUE(info->region.empty()) << c.date;
  }
}

// The shipped 2019–2026 notices plus the provisional 2027 reckoning.
const Calendar& WithProvisional2027() {
  static const Calendar* cal = new Calendar(LoadNational(2027));
  return *cal;
}

TEST(Calendar, AProvisionalYearCountsTheStatutoryHolidaysAndSaysItMayChange) {
  const Calendar& cal = WithProvisional2027();
  EXPECT_EQ(cal.last_year(), 2027);
  EXPECT_EQ(cal.last_published_year(), 2026);
  // Worked by hand: from Sunday 2026-12-20, Dec 21–25 and 28–31 are 9 working days; 1 Jan
  // (Friday, 元旦) is off; Jan 4–8 make 14, Jan 11–15 make 19; Monday Jan 18 is the 20th.
  Result<Date> due = cal.AddWorkingDays(D("2026-12-20"), 20);
  ASSERT_TRUE(due.ok()) << due.status().message();
  EXPECT_EQ(*due, D("2027-01-18"));
  // 春节: 除夕 Saturday 02-06 to 初三 Tuesday 02-09, the weekend days made up on 10 and 11 Feb.
  EXPECT_EQ(*cal.AddWorkingDays(D("2027-02-05"), 1), D("2027-02-12"));
  Result<DayInfo> spring = cal.Describe(D("2027-02-10"));
  ASSERT_TRUE(spring.ok());
  EXPECT_EQ(spring->kind, DayKind::kRestDay);
  EXPECT_EQ(spring->name, "春节");
  EXPECT_EQ(spring->notice, "按《全国年节及纪念日放假办法》推算");
  // 劳动节 1–2 May fall on the weekend: Monday 3 and Tuesday 4 are rest days, Wednesday works.
  EXPECT_FALSE(*cal.IsWorkingDay(D("2027-05-04")));
  EXPECT_TRUE(*cal.IsWorkingDay(D("2027-05-05")));
  // Only the provisional year and late December before it may change.
  EXPECT_FALSE(cal.MayChange(D("2026-06-01")));
  EXPECT_FALSE(cal.MayChange(D("2026-12-14")));
  EXPECT_TRUE(cal.MayChange(D("2026-12-15")));
  EXPECT_TRUE(cal.MayChange(D("2027-03-01")));
  // Without the provisional file, late December of the last year is still flagged.
  EXPECT_TRUE(National().MayChange(D("2026-12-31")));
  EXPECT_FALSE(National().MayChange(D("2025-12-31")));
  // Beyond the provisional year the usual refusal names the year.
  Result<bool> beyond = cal.IsWorkingDay(D("2028-01-03"));
  ASSERT_FALSE(beyond.ok());
  EXPECT_NE(beyond.status().message().find("2028年的放假安排尚未载入"), std::string::npos);
}

TEST(Calendar, AProvisionalYearMustComeLastAndCannotBeLocal) {
  auto parse = [](std::string_view text) { return ParseNotice(text, "t.cal"); };
  Result<Notice> official = parse("year 2026\nnotice 国办发明电〔2025〕7号\n");
  Result<Notice> guess = parse("year 2025\nprovisional 按《办法》推算\noff 2025-01-01 元旦\n");
  ASSERT_TRUE(official.ok() && guess.ok()) << guess.status().message();
  EXPECT_EQ(guess->entries[0].notice, "按《办法》推算");
  Result<Calendar> c = Calendar::Build({*guess, *official});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("只有最后几年可以是推算的"), std::string::npos);

  Result<Notice> both = parse("year 2027\nnotice 国办发明电〔2026〕1号\nprovisional 推算\n");
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.status().message().find("t.cal:1: 推算的临时安排"), std::string::npos)
      << both.status().message();
  Result<Notice> local = parse("year 2027\nregion 湖北省\nsource 某文件\nprovisional 推算\n");
  ASSERT_FALSE(local.ok());
  EXPECT_NE(local.status().message().find("地方日历不能是推算的"), std::string::npos);
}

TEST(Calendar, QueriesOutsideTheNoticesNameTheYear) {
  const Calendar& cal = National();
  Result<DayInfo> d = cal.Describe(D("2027-01-05"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message().rfind(
                "2027年的放假安排尚未载入（国务院办公厅通知未发布或未导入）：无法计算 2027-01-05 "
                "是否为工作日",
                0),
            0u)
      << d.status().message();
  Result<Date> add = cal.AddWorkingDays(D("2026-12-20"), 20);
  ASSERT_FALSE(add.ok());
  EXPECT_NE(add.status().message().find("2027年的放假安排尚未载入"), std::string::npos);
  Result<bool> early = cal.IsWorkingDay(D("2018-06-01"));
  ASSERT_FALSE(early.ok());
  EXPECT_NE(early.status().message().find("2018年"), std::string::npos);
  Result<int> count = cal.CountWorkingDays(D("2026-12-01"), D("2027-01-10"));
  ASSERT_FALSE(count.ok());
  EXPECT_NE(count.status().message().find("2027年"), std::string::npos);
  // The last covered working day is still reachable.
  Result<Date> last = cal.AddWorkingDays(D("2026-12-30"), 1);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, D("2026-12-31"));
}

TEST(Calendar, AddWorkingDaysCases) {
  const Calendar& cal = National();
  struct Case {
    const char* start;
    int n;
    const char* want;
  } cases[] = {
      // 1. 2024-09-27 (Fri) +1: 09-28 is an ordinary Saturday, 09-29 (Sun) a 国庆 make-up day.
      {"2024-09-27", 1, "2024-09-29"},
      // 2. 09-30 is day 2, 10-01..07 rest, 10-08 day 3, 10-12 (Sat, make-up) day 7.
      {"2024-09-27", 7, "2024-10-12"},
      // 3. … 10-14..18 days 8–12, 10-21..25 days 13–17, 10-28..30 days 18–20.
      {"2024-09-27", 20, "2024-10-30"},
      // 4. 春节 2024: 02-08 (Thu) day 0, 02-09 Fri 1, 02-10..17 rest, 02-18 (Sun make-up) 2.
      {"2024-02-08", 2, "2024-02-18"},
      // 5. 2025 春节: 01-27 (Mon) day 0; 01-28..02-04 rest; 02-05 day 1 … 02-07 day 3, 02-08
      //    (Sat make-up) day 4, 02-10 (Mon) day 5.
      {"2025-01-27", 5, "2025-02-10"},
      // 6. n = 0 returns the start, even on a rest day.
      {"2024-10-03", 0, "2024-10-03"},
      // 7. Across the year: 2022-12-30 (Fri) day 0; 12-31..2023-01-02 rest; 01-03 day 1.
      {"2022-12-30", 1, "2023-01-03"},
  };
  for (const Case& c : cases) {
    Result<Date> got = cal.AddWorkingDays(D(c.start), c.n);
    ASSERT_TRUE(got.ok()) << c.start << " +" << c.n << ": " << got.status().message();
    EXPECT_EQ(FormatDate(*got), c.want) << c.start << " +" << c.n;
  }
  EXPECT_FALSE(cal.AddWorkingDays(D("2024-01-02"), -1).ok());
}

// Property: the O(1) lookups agree with a naive day-by-day walk for every start date and n.
TEST(Calendar, AddWorkingDaysMatchesNaiveWalk) {
  const Calendar& cal = National();
  for (int s = DayNumber(D("2019-01-01")); s <= DayNumber(D("2026-12-31")); ++s) {
    Date start = FromDayNumber(s);
    int d = s, found = 0;
    for (int n = 0; n <= 60; ++n) {
      while (found < n && d < DayNumber(D("2026-12-31"))) {
        ++d;
        found += *cal.IsWorkingDay(FromDayNumber(d));
      }
      Result<Date> got = cal.AddWorkingDays(start, n);
      if (found < n) {
        ASSERT_FALSE(got.ok()) << FormatDate(start) << " +" << n;
        continue;
      }
      ASSERT_TRUE(got.ok()) << FormatDate(start) << " +" << n;
      ASSERT_EQ(DayNumber(*got), d) << FormatDate(start) << " +" << n;
      Result<int> back = cal.CountWorkingDays(start, *got);
      ASSERT_TRUE(back.ok());
      ASSERT_EQ(*back, n) << FormatDate(start) << " +" << n;
    }
  }
}

TEST(Calendar, CountAndNextWorkingDayMatchNaiveWalk) {
  const Calendar& cal = National();
  std::mt19937 rng(20240927);
  int lo = DayNumber(D("2019-01-01")), hi = DayNumber(D("2026-12-31"));
  std::uniform_int_distribution<int> pick(lo, hi);
  for (int t = 0; t < 2000; ++t) {
    int a = pick(rng), b = pick(rng);
    int naive = 0;
    for (int i = a + 1; i <= b; ++i) naive += *cal.IsWorkingDay(FromDayNumber(i));
    Result<int> got = cal.CountWorkingDays(FromDayNumber(a), FromDayNumber(b));
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, naive) << FormatDate(FromDayNumber(a)) << ".." << FormatDate(FromDayNumber(b));
    int next = a;
    while (!*cal.IsWorkingDay(FromDayNumber(next))) ++next;
    Result<Date> n = cal.NextWorkingDayOnOrAfter(FromDayNumber(a));
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(DayNumber(*n), next) << FormatDate(FromDayNumber(a));
  }
}

TEST(Calendar, CalendarDayPeriodsMoveOffRestDays) {
  const Calendar& cal = National();
  struct Case {
    const char* start;
    int days;
    int months;
    const char* want;
  } cases[] = {
      // 1. 2024-08-02 + 60 days = 10-01 (国庆) → next working day 10-08.
      {"2024-08-02", 60, 0, "2024-10-08"},
      // 2. 2024-03-01 + 60 days = 04-30 (Tue, working).
      {"2024-03-01", 60, 0, "2024-04-30"},
      // 3. 2024-08-31 + 1 month: no 09-31, so the month's last day 09-30 (Mon, working).
      {"2024-08-31", 0, 1, "2024-09-30"},
      // 4. 2024-04-01 + 6 months = 10-01 (国庆) → 10-08.
      {"2024-04-01", 0, 6, "2024-10-08"},
      // 5. 2024-02-29 + 12 months: 2025-02-29 does not exist → the month's last day 02-28 (Fri).
      {"2024-02-29", 0, 12, "2025-02-28"},
      // 6. 2024-06-01 + 6 months = 12-01, a Sunday → 12-02.
      {"2024-06-01", 0, 6, "2024-12-02"},
  };
  for (const Case& c : cases) {
    Result<Date> got =
        c.months ? cal.AddMonths(D(c.start), c.months) : cal.AddCalendarDays(D(c.start), c.days);
    ASSERT_TRUE(got.ok()) << c.start << ": " << got.status().message();
    EXPECT_EQ(FormatDate(*got), c.want) << c.start;
  }
}

Notice Parse(const std::string& text, const char* file = "t.cal") {
  Result<Notice> n = ParseNotice(text, file);
  EXPECT_TRUE(n.ok()) << text << "\n" << n.status().message();
  return n.ok() ? *n : Notice{};
}

TEST(ParseNotice, ReadsHeadersEntriesAndAmendments) {
  Notice n = Parse(
      "# comment\n"
      "year 2019\n"
      "notice 国办发明电〔2018〕15号   # trailing comment\n"
      "title 国务院办公厅关于2019年部分节假日安排的通知\n"
      "\n"
      "off 2018-12-30..2019-01-01 元旦\n"
      "work 2018-12-29 元旦\n"
      "amendment 国办发明电〔2019〕3号 关于调整2019年劳动节假期安排的通知\n"
      "off 2019-05-01..2019-05-04 劳动节\n");
  EXPECT_EQ(n.year, 2019);
  EXPECT_EQ(n.number, "国办发明电〔2018〕15号");
  EXPECT_EQ(n.title, "国务院办公厅关于2019年部分节假日安排的通知");
  ASSERT_EQ(n.entries.size(), 3u);
  EXPECT_EQ(n.entries[0].first, D("2018-12-30"));
  EXPECT_EQ(n.entries[0].last, D("2019-01-01"));
  EXPECT_FALSE(n.entries[0].working);
  EXPECT_EQ(n.entries[0].line, 6);
  EXPECT_EQ(n.entries[0].notice, "国办发明电〔2018〕15号");
  EXPECT_TRUE(n.entries[1].working);
  EXPECT_EQ(n.entries[2].notice, "国办发明电〔2019〕3号");
  ASSERT_EQ(n.amendments.size(), 1u);
  EXPECT_EQ(n.amendments[0].title, "关于调整2019年劳动节假期安排的通知");
}

TEST(ParseNotice, RejectsBadInputNamingFileAndLine) {
  const std::string head = "year 2024\nnotice X号\n";  // lines 1–2
  struct Case {
    std::string text;
    const char* where;  // expected message prefix
    const char* what;   // expected fragment
  } cases[] = {
      {head + "off 2024-02-30 春节\n", "bad.cal:3: ", "日期“2024-02-30”无效"},
      {head + "off 2024-13-01..2024-13-02 春节\n", "bad.cal:3: ", "无效"},
      {head + "off 2024-02-17..2024-02-10 春节\n", "bad.cal:3: ", "起止颠倒"},
      {head + "work 2024-02-05 春节\n", "bad.cal:3: ", "不是周末"},
      {head + "work 2024-02-03..2024-02-04 春节\n", "bad.cal:3: ", "日期范围"},
      {head + "off 2024-02-10..2024-02-17 春节\nwork 2024-02-11 春节\n", "bad.cal:4: ", "重叠"},
      {head + "off 2025-01-01 元旦\n", "bad.cal:3: ", "不在 2024 年通知的范围内"},
      {head + "off 2023-11-30 元旦\n", "bad.cal:3: ", "不在 2024 年通知的范围内"},
      {head + "off 2024-01-01\n", "bad.cal:3: ", "缺少节日名称"},
      {head + "holiday 2024-01-01 元旦\n", "bad.cal:3: ", "无法识别的关键字“holiday”"},
      {"off 2024-01-01 元旦\n", "bad.cal:1: ", "year 行之前"},
      {"year 24\n", "bad.cal:1: ", "年份“24”无效"},
      {head + "year 2024\n", "bad.cal:3: ", "重复的 year 行"},
      {"year 2024\noff 2024-01-01 元旦\n", "bad.cal:1: ", "缺少 notice 行"},
      {"year 2020\nregion 湖北省\noff 2020-02-03 春节\n", "bad.cal:1: ", "缺少 source 行"},
  };
  for (const Case& c : cases) {
    Result<Notice> n = ParseNotice(c.text, "bad.cal");
    ASSERT_FALSE(n.ok()) << c.text;
    const std::string& m = n.status().message();
    EXPECT_EQ(m.rfind(c.where, 0), 0u) << c.text << "\n" << m;
    EXPECT_NE(m.find(c.what), std::string::npos) << c.text << "\n" << m;
    EXPECT_NE(m.find(" — "), std::string::npos) << "says what to do: " << m;
  }
}

TEST(ParseNotice, AcceptsLateDecemberOfThePreviousYear) {
  Notice n = Parse("year 2023\nnotice X\noff 2022-12-31..2023-01-02 元旦\n");
  EXPECT_EQ(n.entries.size(), 1u);
}

Notice Mini(int year, const std::string& body, const std::string& file) {
  return Parse("year " + std::to_string(year) + "\nnotice N" + std::to_string(year) + "\n" + body,
               file.c_str());
}

TEST(CalendarBuild, RejectsInconsistentNotices) {
  struct Case {
    std::vector<Notice> national;
    std::vector<Notice> local;
    const char* what;
  };
  std::vector<Case> cases;
  cases.push_back(
      {{Mini(2024, "", "a.cal"), Mini(2024, "", "b.cal")}, {}, "a.cal 与 b.cal 都是 2024 年"});
  cases.push_back({{Mini(2023, "", "2023.cal"), Mini(2025, "", "2025.cal")}, {}, "缺少 2024 年"});
  cases.push_back({{Mini(2022, "off 2022-12-31 元旦\n", "2022.cal"),
                    Mini(2023, "off 2022-12-31..2023-01-02 元旦\n", "2023.cal")},
                   {},
                   "2022.cal:3 与 2023.cal:3 都设定了 2022-12-31"});
  cases.push_back({{}, {}, "没有载入任何全国放假通知"});
  Notice hb = Parse("region 湖北省\nsource S\nyear 2020\noff 2020-02-03 春节\n", "hb.cal");
  cases.push_back({{Mini(2024, "", "2024.cal")}, {hb}, "属于 2020 年"});
  Notice hb2 = hb;
  hb2.source = "hb2.cal";
  cases.push_back({{Mini(2020, "", "2020.cal")}, {hb, hb2}, "hb.cal:4 与 hb2.cal:4 都设定了"});
  for (Case& c : cases) {
    Result<Calendar> cal = Calendar::Build(c.national, c.local);
    ASSERT_FALSE(cal.ok()) << c.what;
    EXPECT_NE(cal.status().message().find(c.what), std::string::npos) << cal.status().message();
  }
}

TEST(CalendarBuild, LocalCalendarLayersOnTop) {
  // The local rest days cover a national make-up day (2020-02-01 in this synthetic notice).
  Notice national = Mini(2020, "off 2020-01-24..2020-01-30 春节\nwork 2020-02-01 春节\n", "n.cal");
  Notice local = Parse(
      "region 湖北省\nsource 湖北省人民政府办公厅通知\nyear 2020\noff 2020-01-31..2020-02-13 "
      "春节\n",
      "hb.cal");
  Result<Calendar> cal = Calendar::Build({national}, {local});
  ASSERT_TRUE(cal.ok()) << cal.status().message();
  Result<DayInfo> info = cal->Describe(D("2020-02-01"));
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->kind, DayKind::kRestDay);
  EXPECT_EQ(info->region, "湖北省");
  EXPECT_EQ(info->notice, "湖北省人民政府办公厅通知");
  // 2020-01-23 (Thu) day 0; 01-24..02-13 rest; 02-14 (Fri) is the first working day.
  Result<Date> due = cal->AddWorkingDays(D("2020-01-23"), 1);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, D("2020-02-14"));
}

}  // namespace
}  // namespace gongkai
