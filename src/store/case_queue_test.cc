// The office queue's store queries: paging through 250 cases with totals, each filter, the order
// by due date across the 2024 National Day holiday, the search by number, applicant and request
// text, and the duplicate flags of a page found in one query. Today is Monday 2024-10-14.
//
// The register: tests/fixtures/queue/open_cases.jsonl (eight open cases) plus 242 answered cases
// 2024-000001 … 2024-000242, all received 2024-03-04 in person from natural persons. Due dates of
// the open cases, counted by hand on data/calendar/national/2024.cal (20 working days after the
// receipt day; rest days 9-15…17 and 10-1…7, make-up working days Sat 9-14, Sun 9-29, Sat 10-12):
//   901 received 09-02 → 09-03…06 (4), 09-09…13 (9), 09-14 (10), 09-18…20 (13), 09-23…27 (18),
//       09-29 (19), 09-30 (20): due 09-30, overdue
//   908 received 09-05 → 09-06 (1), 09-09…13 (6), 09-14 (7), 09-18…20 (10), 09-23…27 (15),
//       09-29 (16), 09-30 (17), 10-08…10 (20): due 10-10, overdue
//   907 received 09-10 → 09-11…13 (3), 09-14 (4), 09-18…20 (7), 09-23…27 (12), 09-29 (13),
//       09-30 (14), 10-08…11 (18), 10-12 (19), 10-14 (20): due today, 0 days left
//   902 received 09-12 → 09-13 (1), 09-14 (2), 09-18…20 (5), 09-23…27 (10), 09-29 (11), 09-30
//       (12), 10-08…11 (16), 10-12 (17), 10-14…16 (20): due 10-16, 2 days left
//   903 received 09-20 → 09-23…27 (5), 09-29 (6), 09-30 (7), 10-08…11 (11), 10-12 (12),
//       10-14…18 (17), 10-21…23 (20): due 10-23, 7 days left
//   905 received 09-25 → 09-26…27 (2), 09-29 (3), 09-30 (4), 10-08…11 (8), 10-12 (9), 10-14…18
//       (14), 10-21…25 (19), 10-28 (20): due 10-28
//   904 received 09-02, due 09-30, extended by 20 working days → 10-08…11 (4), 10-12 (5),
//       10-14…18 (10), 10-21…25 (15), 10-28…11-01 (20): due 11-01 — received first, due
//       second to last: 28 calendar days after 09-30 would say 10-28
//   906 received 10-08 → 10-09…11 (3), 10-12 (4), 10-14…18 (9), 10-21…25 (14), 10-28…11-01
//       (19), 11-04 (20): due 11-04

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "store/case_store.h"
#include "store/duplicates.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

Date Day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

std::string QueueRegister() {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/queue/open_cases.jsonl",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  for (int i = 1; i <= 242; ++i) {
    text << fmt::format(
        R"({{"case":"2024-{:06d}","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"某甲","channel":"in_person","items":["本单位2023年度财政预算"]}})"
        "\n"
        R"({{"case":"2024-{:06d}","type":"answered","date":"2024-03-05","outcome":"granted"}})"
        "\n",
        i, i);
  }
  return text.str();
}

class CaseQueueTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    // 2024-10-14 10:00 in Shanghai.
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h; });
    auto imported = Register().Import(QueueRegister(), {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
  }

  CaseRegister Register() { return CaseRegister(db(), calendars_); }

  std::vector<std::string> Numbers(const CaseFilter& filter) {
    auto rows = Register().List(agency_, filter);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    std::vector<std::string> out;
    if (rows.ok()) {
      for (const CaseSummary& c : *rows) out.push_back(c.number);
    }
    return out;
  }

  int64_t Total(const CaseFilter& filter) {
    auto counts = Register().Count(agency_, filter);
    EXPECT_TRUE(counts.ok()) << counts.status().message();
    return counts.ok() ? counts->total : -1;
  }

  Calendars calendars_;
  int64_t agency_ = 0;
};

TEST_P(CaseQueueTest, PagesThrough250CasesWithTotals) {
  CaseFilter filter;
  filter.order = CaseOrder::kDueDate;
  filter.limit = 50;
  auto counts = Register().Count(agency_, filter);
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  EXPECT_EQ(counts->total, 250);
  EXPECT_EQ(counts->open, 8);
  EXPECT_EQ(counts->overdue, 2);
  std::set<std::string> seen;
  for (int page = 0; page < 5; ++page) {
    filter.offset = page * 50;
    auto numbers = Numbers(filter);
    EXPECT_EQ(numbers.size(), 50u) << "page " << page + 1;
    seen.insert(numbers.begin(), numbers.end());
  }
  EXPECT_EQ(seen.size(), 250u) << "every case once, none twice";
  filter.offset = 250;
  EXPECT_TRUE(Numbers(filter).empty());
  filter.offset = 240;
  EXPECT_EQ(Numbers(filter).size(), 10u);
}

TEST_P(CaseQueueTest, OrdersByDueDateAcrossTheHoliday) {
  CaseFilter filter;
  filter.order = CaseOrder::kDueDate;
  filter.limit = 10;
  std::vector<std::string> want{"2024-000901", "2024-000908", "2024-000907", "2024-000902",
                                "2024-000903", "2024-000905", "2024-000904", "2024-000906",
                                // then the answered cases, the latest registered first
                                "2024-000242", "2024-000241"};
  EXPECT_EQ(Numbers(filter), want);
  auto rows = Register().List(agency_, filter);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].due, Day(2024, 9, 30));
  EXPECT_TRUE((*rows)[0].overdue);
  // 901: due 09-30; working days from then to 10-14: 10-08…11 (4), 10-12 (5), 10-14 (6).
  EXPECT_EQ((*rows)[0].days_left, -6);
  EXPECT_EQ((*rows)[2].due, Day(2024, 10, 14));
  EXPECT_FALSE((*rows)[2].overdue) << "due today is not overdue";
  EXPECT_EQ((*rows)[2].days_left, 0);
  EXPECT_EQ((*rows)[4].days_left, 7);
  EXPECT_EQ((*rows)[6].due, Day(2024, 11, 1));
  EXPECT_EQ((*rows)[8].due, std::nullopt) << "a closed case shows no due date";

  filter.order = CaseOrder::kReceivedNewest;
  filter.limit = 3;
  std::vector<std::string> newest{"2024-000906", "2024-000905", "2024-000903"};
  EXPECT_EQ(Numbers(filter), newest);
}

TEST_P(CaseQueueTest, EachFilterMatchesTheHandCount) {
  struct Case {
    std::string what;
    CaseFilter filter;
    int64_t expected;
  };
  std::vector<Case> cases;
  auto add = [&](std::string what, auto set, int64_t expected) {
    CaseFilter f;
    set(f);
    cases.push_back({std::move(what), f, expected});
  };
  add(
      "overdue: 901, 908", [](CaseFilter& f) { f.overdue = true; }, 2);
  add(
      "due within 3 (today…10-17): 907, 902", [](CaseFilter& f) { f.due_within_working_days = 3; },
      2);
  add(
      "due within 7 (today…10-23): 907, 902, 903",
      [](CaseFilter& f) { f.due_within_working_days = 7; }, 3);
  add(
      "due within 0: 907", [](CaseFilter& f) { f.due_within_working_days = 0; }, 1);
  add(
      "internet: 901, 904, 905, 907", [](CaseFilter& f) { f.channel = Channel::kInternet; }, 4);
  add(
      "in person: 242 + 902, 908", [](CaseFilter& f) { f.channel = Channel::kInPerson; }, 244);
  add(
      "fax: 906", [](CaseFilter& f) { f.channel = Channel::kFax; }, 1);
  add(
      "commercial: 902", [](CaseFilter& f) { f.applicant_kind = ApplicantKind::kCommercial; }, 1);
  add(
      "research: 905", [](CaseFilter& f) { f.applicant_kind = ApplicantKind::kResearch; }, 1);
  add(
      "natural persons: 242 + 901, 903, 904, 906, 907, 908",
      [](CaseFilter& f) { f.applicant_kind = ApplicantKind::kNaturalPerson; }, 248);
  add(
      "answered: the 242", [](CaseFilter& f) { f.status = CaseStatus::kAnswered; }, 242);
  add(
      "extended: 904", [](CaseFilter& f) { f.status = CaseStatus::kExtended; }, 1);
  add(
      "internet natural persons: 901, 904, 907",
      [](CaseFilter& f) {
        f.channel = Channel::kInternet;
        f.applicant_kind = ApplicantKind::kNaturalPerson;
      },
      3);
  add(
      "overdue in person: 908",
      [](CaseFilter& f) {
        f.overdue = true;
        f.channel = Channel::kInPerson;
      },
      1);
  for (const Case& c : cases) {
    CaseFilter f = c.filter;
    f.limit = 300;
    EXPECT_EQ(Total(f), c.expected) << c.what;
    EXPECT_EQ(static_cast<int64_t>(Numbers(f).size()), c.expected) << c.what;
  }
}

TEST_P(CaseQueueTest, SearchesNumberApplicantAndRequestText) {
  struct Case {
    std::string search;
    std::vector<std::string> expected;  // in due-date order
  };
  const std::vector<Case> cases{
      {"2024-000903", {"2024-000903"}},
      {" 2024-000903 ", {"2024-000903"}},            // stray spaces
      {"２０２４－０００９０３", {"2024-000903"}},   // full-width, as typed with a Chinese IME
      {"老旧小区", {"2024-000901", "2024-000908"}},  // request text
      {"垃圾分类收运", {"2024-000903"}},
      {"张三", {"2024-000901", "2024-000908"}},  // the applicant's full name is matched…
      {"某某科技", {"2024-000902"}},
      {"139-0375-1234", {"2024-000901", "2024-000908"}},  // a phone with separators
      {"110101199003074512", {"2024-000901", "2024-000908"}},
      {"%", {}},  // LIKE's wildcards are literal
      {"_", {}},
      {"不存在的内容", {}},
  };
  for (const Case& c : cases) {
    CaseFilter f;
    f.search = c.search;
    f.order = CaseOrder::kDueDate;
    EXPECT_EQ(Numbers(f), c.expected) << "search: " << c.search;
    EXPECT_EQ(Total(f), static_cast<int64_t>(c.expected.size())) << "search: " << c.search;
  }
  // …but the rows carry the masked name only.
  CaseFilter f;
  f.search = "张三";
  auto rows = Register().List(agency_, f);
  ASSERT_TRUE(rows.ok());
  for (const CaseSummary& c : *rows) EXPECT_EQ(c.applicant_display, "张**");
  // A search combines with the filters.
  f.channel = Channel::kInternet;
  EXPECT_EQ(Numbers(f), std::vector<std::string>{"2024-000901"});
}

TEST_P(CaseQueueTest, DuplicatesOfAPageInOneQuery) {
  std::vector<std::string> page{"2024-000901", "2024-000902", "2024-000908", "2024-000001",
                                "2024-999999"};
  auto found = FirstLikelyDuplicates(db(), agency_, page);
  ASSERT_TRUE(found.ok()) << found.status().message();
  // 901 and 908: same ID number, the same request but for a space and a full stop, received
  // three days apart. The 242 answered cases share a name but no ID number or phone.
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ(found->at("2024-000901").number, "2024-000908");
  EXPECT_EQ(found->at("2024-000901").received, Day(2024, 9, 5));
  EXPECT_EQ(found->at("2024-000908").number, "2024-000901");
  // The same answer as the one-case query.
  for (std::string number : {"2024-000901", "2024-000908", "2024-000902"}) {
    auto one = FindLikelyDuplicates(db(), agency_, number);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->empty(), !found->contains(number)) << number;
  }
  EXPECT_TRUE(FirstLikelyDuplicates(db(), agency_, {})->empty());
  // Outside the window: no flag.
  auto narrow = FirstLikelyDuplicates(db(), agency_, page, 2);
  ASSERT_TRUE(narrow.ok());
  EXPECT_TRUE(narrow->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseQueueTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
