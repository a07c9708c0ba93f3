// Bug: a step dated next month was accepted, and a mistaken step could not be undone (issue 10,
// "Every act recorded once, correctably, never in the future"). These tests pin the rule that
// refuses future dates (CheckNotAfterToday, also per import line) and the `voided` event: what
// may be voided (CheckVoid), and that the state and the annual report skip voided steps.

#include <gtest/gtest.h>

#include <algorithm>

#include "cases/annual.h"
#include "cases/case_state.h"
#include "cases/events_jsonl.h"
#include "cases/testing.h"

namespace gongkai {
namespace {

using testing::D;
using testing::Ev;
using testing::NationalCalendar;
using T = EventType;

bool Has(const Status& s, std::string_view fragment) {
  return s.message().find(fragment) != std::string::npos;
}

TEST(FutureDateTest, StepAfterTodayIsRefusedTodayIsAccepted) {
  Status s = CheckNotAfterToday(Ev(T::kAnswered, "2024-10-08"), D("2024-09-30"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(Has(s, "日期 2024-10-08 晚于今天（2024-09-30）")) << s.message();
  EXPECT_TRUE(CheckNotAfterToday(Ev(T::kAnswered, "2024-09-30"), D("2024-09-30")).ok());
}

TEST(FutureDateTest, ImportRefusesTheFutureLineWithItsNumber) {
  std::string text =
      R"({"case":"A","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"fax"})"
      "\n"
      R"({"case":"B","type":"received","date":"2024-09-03","applicant_kind":"natural_person","channel":"fax"})"
      "\n"
      R"({"case":"A","type":"answered","date":"2024-10-08","outcome":"granted"})"
      "\n";
  auto cases = ParseEventsJsonl(text);
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  Status s = CheckImportedCases(*cases, NationalCalendar(), CaseSettings{}, D("2024-09-30"));
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(Has(s, "第 3 行（案件 A）：日期 2024-10-08 晚于今天（2024-09-30）")) << s.message();
  EXPECT_FALSE(Has(s, "案件 B")) << s.message();
  // The same file a week later is fine.
  EXPECT_TRUE(CheckImportedCases(*cases, NationalCalendar(), CaseSettings{}, D("2024-10-08")).ok());
}

TEST(VoidedEventTest, JsonLineRoundTripsAndNeedsSeqAndReason) {
  const std::string line =
      R"({"case":"A","type":"voided","date":"2024-09-23","voids":2,"reason":"答复类型录错"})";
  auto e = ParseEventLine(line, 7);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->type, T::kVoided);
  EXPECT_EQ(e->voids, 2);
  EXPECT_EQ(e->void_reason, "答复类型录错");
  EXPECT_FALSE(e->reason.has_value());
  EXPECT_EQ(EventToJsonLine(*e), line);

  auto no_reason =
      ParseEventLine(R"({"case":"A","type":"voided","date":"2024-09-23","voids":2})", 8);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_TRUE(Has(no_reason.status(), "第 8 行：缺少字段 reason")) << no_reason.status().message();
  auto bad_seq = ParseEventLine(
      R"({"case":"A","type":"voided","date":"2024-09-23","voids":0,"reason":"x"})", 9);
  ASSERT_FALSE(bad_seq.ok());
  EXPECT_TRUE(Has(bad_seq.status(), "字段 voids 的值 0 无效")) << bad_seq.status().message();
  // deemed_withdrawn keeps its enumerated reason.
  auto withdrawn = ParseEventLine(
      R"({"case":"A","type":"deemed_withdrawn","date":"2024-09-23","reason":"fee_unpaid"})", 10);
  ASSERT_TRUE(withdrawn.ok()) << withdrawn.status().message();
  EXPECT_EQ(withdrawn->reason, WithdrawalReason::kFeeUnpaid);
}

// received 09-02, fee notice 09-03, fee paid 09-05, answered 09-20 (seq 1..4).
std::vector<Event> FeeHistory() {
  return {Ev(T::kReceived, "2024-09-02"), Ev(T::kFeeNoticeSent, "2024-09-03").Fee(10000),
          Ev(T::kFeePaid, "2024-09-05"), Ev(T::kAnswered, "2024-09-20").Result(Outcome::kGranted)};
}

TEST(VoidedEventTest, WhatMayBeVoided) {
  struct Case {
    const char* name;
    std::vector<Event> history;
    Event next;
    const char* refusal;  // nullptr: accepted
  };
  std::vector<Event> voided_answer = FeeHistory();
  voided_answer.push_back(Ev(T::kVoided, "2024-09-23").Voids(4, "答复类型录错"));
  const std::vector<Case> cases = {
      {"1 the latest step", FeeHistory(), Ev(T::kVoided, "2024-09-23").Voids(4, "录错"), nullptr},
      {"2 a step a later one depends on", FeeHistory(),
       Ev(T::kVoided, "2024-09-23").Voids(3, "录错"), "之后还有仍然有效的第 4 个事件"},
      {"3 received", FeeHistory(), Ev(T::kVoided, "2024-09-23").Voids(1, "录错"),
       "不能作废“收到申请”"},
      {"4 no such seq", FeeHistory(), Ev(T::kVoided, "2024-09-23").Voids(9, "录错"),
       "第 9 个事件不存在：本案共有 4 个事件"},
      {"5 empty reason", FeeHistory(), Ev(T::kVoided, "2024-09-23").Voids(4, " "),
       "请写明作废的理由"},
      {"6 dated before the step", FeeHistory(), Ev(T::kVoided, "2024-09-19").Voids(4, "录错"),
       "早于被作废事件的日期 2024-09-20"},
      {"7 a void", voided_answer, Ev(T::kVoided, "2024-09-24").Voids(5, "录错"), "本身是作废记录"},
      {"8 twice", voided_answer, Ev(T::kVoided, "2024-09-24").Voids(4, "录错"), "已经作废"},
      {"9 the step before, once the later one is voided", voided_answer,
       Ev(T::kVoided, "2024-09-24").Voids(3, "缴费记录录错"), nullptr},
      {"10 a new answer after the voided one, dated before the void", voided_answer,
       Ev(T::kAnswered, "2024-09-21").Result(Outcome::kPartial), nullptr},
      {"11 a second answer without a void", FeeHistory(),
       Ev(T::kAnswered, "2024-09-21").Result(Outcome::kPartial), "已经办结"},
  };
  for (const Case& c : cases) {
    Status s = CheckNextEvent(c.history, c.next, NationalCalendar(), CaseSettings{});
    if (c.refusal == nullptr) {
      EXPECT_TRUE(s.ok()) << c.name << ": " << s.message();
    } else {
      EXPECT_FALSE(s.ok()) << c.name;
      EXPECT_TRUE(Has(s, c.refusal)) << c.name << ": " << s.message();
    }
  }
}

TEST(VoidedEventTest, StateSkipsTheVoidedAnswer) {
  std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"),
                               Ev(T::kAnswered, "2024-09-20").Result(Outcome::kGranted),
                               Ev(T::kVoided, "2024-09-23").Voids(2, "答复类型录错")};
  CaseState reopened =
      ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-23"));
  EXPECT_TRUE(reopened.error.ok()) << reopened.error.message();
  EXPECT_EQ(reopened.status, CaseStatus::kInProgress);
  EXPECT_FALSE(reopened.closed.has_value());
  EXPECT_FALSE(reopened.outcome.has_value());
  EXPECT_EQ(reopened.voided, (std::vector<bool>{false, true, false}));
  EXPECT_NE(std::find(reopened.next_steps.begin(), reopened.next_steps.end(), T::kAnswered),
            reopened.next_steps.end());

  events.push_back(Ev(T::kAnswered, "2024-09-21").Result(Outcome::kPartial));
  ASSERT_TRUE(CheckHistory(events, NationalCalendar(), CaseSettings{}).ok());
  CaseState answered =
      ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-30"));
  EXPECT_EQ(answered.status, CaseStatus::kAnswered);
  EXPECT_EQ(answered.outcome, Outcome::kPartial);
  EXPECT_EQ(answered.closed, D("2024-09-21"));
  // As of 09-21 the void (dated 09-23) already applies: it says the 09-20 answer never happened.
  CaseState before_void =
      ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-21"));
  EXPECT_EQ(before_void.outcome, Outcome::kPartial);
}

TEST(VoidedEventTest, ImportChecksVoidsByLine) {
  std::string text =
      R"({"case":"A","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"fax"})"
      "\n"
      R"({"case":"A","type":"answered","date":"2024-09-20","outcome":"granted"})"
      "\n"
      R"({"case":"A","type":"voided","date":"2024-09-23","voids":2,"reason":"录错"})"
      "\n"
      R"({"case":"A","type":"answered","date":"2024-09-21","outcome":"partial"})"
      "\n"
      R"({"case":"B","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"fax"})"
      "\n"
      R"({"case":"B","type":"voided","date":"2024-09-23","voids":1,"reason":"录错"})"
      "\n";
  auto cases = ParseEventsJsonl(text);
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  Status s = CheckImportedCases(*cases, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(Has(s, "第 6 行（案件 B）：不能作废“收到申请”")) << s.message();
  EXPECT_FALSE(Has(s, "案件 A")) << s.message();
}

double CellValue(const Table& t, const char* row, const char* column) {
  const Cell* c = t.FindCell(row, column);
  EXPECT_NE(c, nullptr) << row << "/" << column;
  return c != nullptr && c->is_number() ? c->number : -1;
}

TEST(VoidedEventTest, AnnualReportCountsAVoidedAnswerAsOpen) {
  AnnualInput in;
  in.agency = "示例局";
  in.year = 2024;
  // X: answered in March, the answer voided in January 2025 → open on 31 December: carried
  // forward, not granted. Y: answered, nothing voided → granted. By hand: new 2, granted 1,
  // carried_forward 1.
  std::vector<std::vector<Event>> register_cases = {
      {Ev(T::kReceived, "2024-03-01", "X"),
       Ev(T::kAnswered, "2024-03-10", "X").Result(Outcome::kGranted),
       Ev(T::kVoided, "2025-01-06", "X").Voids(2, "答复未送出，录入有误")},
      {Ev(T::kReceived, "2024-03-01", "Y"),
       Ev(T::kAnswered, "2024-03-11", "Y").Result(Outcome::kGranted)},
  };
  auto r = BuildAnnualReport(register_cases, in, NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Table& b = r->report.section3;
  EXPECT_EQ(CellValue(b, "new", "total"), 2);
  EXPECT_EQ(CellValue(b, "granted", "total"), 1);
  EXPECT_EQ(CellValue(b, "carried_forward", "total"), 1);
  EXPECT_EQ(r->facts.answered, 1);
}

}  // namespace
}  // namespace gongkai
