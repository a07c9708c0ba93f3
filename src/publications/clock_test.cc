#include "publications/clock.h"

#include <gtest/gtest.h>

#include "publications/testing.h"

namespace gongkai {
namespace {

using testing_publications::D;
using testing_publications::NationalCalendar;

Publication Item(const char* created, const char* changed, const char* published) {
  Publication p;
  p.title = std::string("条目 ") + created;
  p.publisher = "某县人民政府办公室";
  p.summary = "概述";
  p.category = "art20.1";
  p.created = D(created);
  if (changed) p.changed = D(changed);
  if (published) p.published = D(published);
  return p;
}

// Due dates worked out by hand on the State Council notices (day 0 = the day formed/changed):
struct DueCase {
  int n;
  const char* created;
  const char* changed;
  const char* due;
  const char* why;
};
constexpr DueCase kDueCases[] = {
    // Fri before National Day 2024: 9-23…9-27 (5), Sun 9-29 调休上班 (6), 9-30 (7), 10-1…10-7 off,
    // 10-8…10-11 (11), Sat 10-12 调休上班 (12), 10-14…10-18 (17), 10-21…10-23 (20).
    {1, "2024-09-20", nullptr, "2024-10-23", "across the 2024 National Day and both make-up days"},
    // Fri before Spring Festival 2024: Sun 2-4 调休 (1), 2-5…2-9 (6), 2-10…2-17 off, Sun 2-18 调休
    // (7), 2-19…2-23 (12), 2-26…3-1 (17), 3-4…3-6 (20).
    {2, "2024-02-02", nullptr, "2024-03-06", "across the 2024 Spring Festival"},
    // Wed 2023-09-27: 9-28 (1), 9-29…10-6 off, Sat 10-7 and Sun 10-8 调休 (2, 3), 10-9…10-13 (8),
    // 10-16…10-20 (13), 10-23…10-27 (18), 10-30, 10-31 (20).
    {3, "2023-09-27", nullptr, "2023-10-31", "2023 中秋/国庆 with a weekend of make-up days"},
    // A change restarts the clock from `changed`.
    {4, "2024-01-02", "2024-09-20", "2024-10-23", "changed: counted from the change"},
    // Mon 2024-03-11: 3-12…3-15 (4), 3-18…3-22 (9), 3-25…3-29 (14), 4-1…4-3 (17), 4-4…4-6 清明
    // off, Sun 4-7 调休 (18), 4-8, 4-9 (20).
    {5, "2024-03-11", nullptr, "2024-04-09", "清明 2024 with its Sunday make-up day"},
};

TEST(PublicationClockTest, DueDatesMatchHandCount) {
  for (const DueCase& c : kDueCases) {
    auto clock = ComputePublicationClock(Item(c.created, c.changed, nullptr), NationalCalendar(),
                                         DeadlineSettings{}, D(c.created));
    ASSERT_TRUE(clock.ok()) << c.n << ": " << clock.status().message();
    EXPECT_EQ(FormatDate(clock->due), c.due) << "case " << c.n << " (" << c.why << ")";
    EXPECT_EQ(clock->from_change, c.changed != nullptr) << c.n;
  }
}

TEST(PublicationClockTest, PublishedOnTheDueDateIsOnTimeTheDayAfterIsLate) {
  const DeadlineSettings s;
  auto on_time = ComputePublicationClock(Item("2024-09-20", nullptr, "2024-10-23"),
                                         NationalCalendar(), s, D("2024-12-31"));
  ASSERT_TRUE(on_time.ok());
  EXPECT_TRUE(on_time->published);
  EXPECT_FALSE(on_time->late);
  auto late = ComputePublicationClock(Item("2024-09-20", nullptr, "2024-10-24"), NationalCalendar(),
                                      s, D("2024-12-31"));
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(late->late);
  EXPECT_FALSE(late->overdue);
  EXPECT_NE(late->explanation.back().find("迟延公开"), std::string::npos);
}

TEST(PublicationClockTest, ExplanationNamesTheHolidayAndTheMakeUpDays) {
  auto c = ComputePublicationClock(Item("2024-09-20", nullptr, nullptr), NationalCalendar(),
                                   DeadlineSettings{}, D("2024-09-20"));
  ASSERT_TRUE(c.ok());
  std::string all;
  for (const auto& l : c->explanation) all += l + "\n";
  EXPECT_NE(all.find("第二十六条"), std::string::npos) << all;
  EXPECT_NE(all.find("国庆节"), std::string::npos) << all;
  EXPECT_NE(all.find("调休上班"), std::string::npos) << all;
  EXPECT_NE(all.find("2024年10月23日"), std::string::npos) << all;
}

TEST(PublicationClockTest, UnpublishedItemsAreDueSoonLaterOrOverdue) {
  std::vector<Publication> items = {
      Item("2024-09-20", nullptr, nullptr),       // due 10-23
      Item("2024-02-02", nullptr, nullptr),       // due 03-06: overdue on 10-21
      Item("2024-10-18", nullptr, nullptr),       // due 11-15: later
      Item("2024-09-20", nullptr, "2024-10-09"),  // published: not listed
  };
  auto due = ListDue(items, NationalCalendar(), DeadlineSettings{}, D("2024-10-21"), 5);
  ASSERT_TRUE(due.ok()) << due.status().message();
  ASSERT_EQ(due->overdue.size(), 1u);
  EXPECT_EQ(due->overdue[0].index, 1u);
  EXPECT_TRUE(due->overdue[0].clock.overdue);
  ASSERT_EQ(due->due_soon.size(), 1u);
  EXPECT_EQ(due->due_soon[0].index, 0u);
  EXPECT_EQ(due->due_soon[0].clock.working_days_left, 2);  // 10-22 and 10-23
  ASSERT_EQ(due->later.size(), 1u);
  EXPECT_EQ(due->later[0].index, 2u);

  auto day_after =
      ComputePublicationClock(items[0], NationalCalendar(), DeadlineSettings{}, D("2024-10-24"));
  ASSERT_TRUE(day_after.ok());
  EXPECT_TRUE(day_after->overdue);
  EXPECT_EQ(day_after->working_days_left, -1);
}

TEST(PublicationClockTest, LateCountIsOfItemsPublishedInTheYear) {
  std::vector<Publication> items = {
      Item("2024-09-20", nullptr, "2024-10-24"),  // late, 2024
      Item("2024-09-20", nullptr, "2024-10-23"),  // on time
      Item("2023-12-01", nullptr, "2024-01-15"),  // 2023-12-01 + 20 wd = 2023-12-29: late, 2024
      Item("2023-09-27", nullptr, "2023-11-01"),  // due 10-31: late, but in 2023
      Item("2024-11-01", nullptr, nullptr),       // unpublished: not counted
  };
  auto late2024 = CountLatePublications(items, 2024, NationalCalendar(), DeadlineSettings{});
  ASSERT_TRUE(late2024.ok()) << late2024.status().message();
  EXPECT_EQ(*late2024, 2);
  auto late2023 = CountLatePublications(items, 2023, NationalCalendar(), DeadlineSettings{});
  ASSERT_TRUE(late2023.ok());
  EXPECT_EQ(*late2023, 1);
}

TEST(PublicationClockTest, DateOutsideTheCalendarIsAnErrorNamingTheYear) {
  auto c = ComputePublicationClock(Item("2030-05-06", nullptr, nullptr), NationalCalendar(),
                                   DeadlineSettings{}, D("2030-05-06"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("2030"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace gongkai
