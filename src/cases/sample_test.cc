#include "cases/sample.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cases/case_state.h"
#include "cases/events_jsonl.h"
#include "cases/testing.h"

namespace gongkai {
namespace {

using testing::D;
using testing::NationalCalendar;
using T = EventType;

SampleOptions Options(uint64_t seed, int count) {
  SampleOptions o;
  o.seed = seed;
  o.count = count;
  o.first_receipt = D("2019-06-01");
  o.last_receipt = D("2025-12-31");
  o.as_of = D("2026-06-30");
  return o;
}

std::string Dump(const std::vector<std::vector<Event>>& cases) {
  std::string out;
  for (const auto& c : cases) {
    for (const auto& e : c) out += EventToJsonLine(e) + "\n";
  }
  return out;
}

TEST(SampleTest, SameSeedSameCases) {
  auto a = GenerateSampleCases(NationalCalendar(), Options(7, 300));
  auto b = GenerateSampleCases(NationalCalendar(), Options(7, 300));
  auto c = GenerateSampleCases(NationalCalendar(), Options(8, 300));
  EXPECT_EQ(Dump(a), Dump(b));
  EXPECT_NE(Dump(a), Dump(c));
  EXPECT_EQ(a.size(), 300u);
}

TEST(SampleTest, EveryHistoryIsLegal) {
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    auto cases = GenerateSampleCases(NationalCalendar(), Options(seed, 2000));
    for (const auto& events : cases) {
      ASSERT_FALSE(events.empty());
      Status s = CheckHistory(events, NationalCalendar(), CaseSettings{});
      ASSERT_TRUE(s.ok()) << "seed " << seed << " case " << events.front().case_number << ": "
                          << s.message() << "\n"
                          << Dump({events});
    }
  }
}

TEST(SampleTest, CaseNumbersAreUniqueAndFollowReceiptOrder) {
  auto cases = GenerateSampleCases(NationalCalendar(), Options(3, 3000));
  std::set<std::string> numbers;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_TRUE(numbers.insert(cases[i].front().case_number).second)
        << cases[i].front().case_number;
    if (i > 0) {
      EXPECT_LE(cases[i - 1].front().date, cases[i].front().date);
    }
    EXPECT_EQ(cases[i].front().case_number.substr(0, 4),
              std::to_string(static_cast<int>(cases[i].front().date.year())));
  }
}

// The mix the brief asks for, over a large sample: proportions within loose bounds, every
// rare shape present at least once.
TEST(SampleTest, RealisticMix) {
  const Calendar& cal = NationalCalendar();
  auto cases = GenerateSampleCases(cal, Options(11, 20000));
  std::map<ApplicantKind, int> kinds;
  std::set<Channel> channels;
  std::set<Outcome> outcomes;
  int second_round = 0, late_answers = 0, late_notices = 0, over_new_year = 0, pending_remedy = 0,
      reconsiderations = 0, lawsuits = 0, extensions = 0, fees = 0, timeouts = 0,
      consult_over_holiday = 0;
  for (const auto& events : cases) {
    const Event& r = events.front();
    ++kinds[*r.applicant_kind];
    channels.insert(*r.channel);
    CaseState s = ComputeCaseState(events, cal, CaseSettings{}, D("2026-06-30"));
    ASSERT_TRUE(s.error.ok()) << s.error.message();
    if (s.outcome) outcomes.insert(*s.outcome);
    second_round += s.correction_rounds >= 2;
    late_answers += s.answered_late;
    late_notices += s.late_correction_notice;
    if (s.closed && s.closed->year() != r.date.year()) ++over_new_year;
    for (const auto& rem : s.remedies) {
      pending_remedy += !rem.decided;
      (rem.block == RemedyBlock::kReconsideration ? reconsiderations : lawsuits)++;
    }
    for (std::size_t i = 0; i < events.size(); ++i) {
      extensions += events[i].type == T::kExtensionApproved;
      fees += events[i].type == T::kFeeNoticeSent;
      timeouts += events[i].type == T::kConsultationTimedOut;
      if (events[i].type == T::kConsultationSent && i + 1 < events.size()) {
        // A weekday rest day (a statutory holiday) inside the consultation's stop.
        for (Date d = events[i].date; d <= events[i + 1].date; d = AddDays(d, 1)) {
          auto info = cal.Describe(d);
          if (info.ok() && info->kind == DayKind::kRestDay && IsoWeekday(d) <= 5) {
            ++consult_over_holiday;
            break;
          }
        }
      }
    }
  }
  const int n = static_cast<int>(cases.size());
  EXPECT_GT(kinds[ApplicantKind::kNaturalPerson], n * 75 / 100) << "mostly natural persons";
  EXPECT_LT(kinds[ApplicantKind::kNaturalPerson], n * 95 / 100);
  EXPECT_EQ(kinds.size(), 6u);
  EXPECT_EQ(channels.size(), 6u);
  EXPECT_EQ(outcomes.size(), Outcomes().size()) << "every table B result row occurs";
  EXPECT_GT(second_round, 0);
  EXPECT_GT(late_answers, n / 200);
  EXPECT_LT(late_answers, n / 10) << "late replies are the exception";
  EXPECT_GT(late_notices, 0);
  EXPECT_GT(over_new_year, 0);
  EXPECT_GT(pending_remedy, 0);
  EXPECT_GT(reconsiderations, 0);
  EXPECT_GT(lawsuits, 0);
  EXPECT_GT(extensions, 0);
  EXPECT_GT(fees, 0);
  EXPECT_GT(timeouts, 0);
  EXPECT_GT(consult_over_holiday, 0);
}

TEST(SampleTest, StopsAtAsOfAndKeepsCasesOpen) {
  SampleOptions o = Options(5, 500);
  o.first_receipt = D("2024-11-01");
  o.last_receipt = D("2024-12-31");
  o.as_of = D("2024-12-31");
  auto cases = GenerateSampleCases(NationalCalendar(), o);
  int open = 0;
  for (const auto& events : cases) {
    for (const auto& e : events) EXPECT_LE(e.date, o.as_of);
    CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, o.as_of);
    open += !s.closed.has_value();
  }
  EXPECT_GT(open, 0);
}

TEST(SampleTest, NothingOutsideTheCalendar) {
  SampleOptions o = Options(1, 50);
  o.first_receipt = D("2031-01-01");
  o.last_receipt = D("2031-12-31");
  EXPECT_TRUE(GenerateSampleCases(NationalCalendar(), o).empty());
  o.count = 0;
  EXPECT_TRUE(GenerateSampleCases(NationalCalendar(), o).empty());
}

}  // namespace
}  // namespace gongkai
