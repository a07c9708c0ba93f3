#include "cases/case_state.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cases/testing.h"

namespace gongkai {
namespace {

using testing::D;
using testing::Ev;
using testing::NationalCalendar;
using T = EventType;

std::string Show(const std::vector<Event>& history, const Event& next) {
  std::string s;
  for (const auto& e : history) s += std::string(Key(e.type)) + "@" + FormatDate(e.date) + " ";
  return s + "→ " + std::string(Key(next.type)) + "@" + FormatDate(next.date);
}

// case-events.md "Illegal sequences" and the rules of case_fold.cc, one per line: history, the
// refused event, a fragment of the reason. 2024 dates, checked by hand on the 2024 notice.
struct IllegalCase {
  const char* name;
  std::vector<Event> history;
  Event next;
  const char* reason;
};

std::vector<IllegalCase> IllegalCases() {
  const Event received = Ev(T::kReceived, "2024-09-02");
  const Event answered = Ev(T::kAnswered, "2024-09-20").Result(Outcome::kGranted);
  return {
      {"1 event before received",
       {},
       Ev(T::kAnswered, "2024-09-02").Result(Outcome::kGranted),
       "还没有“收到申请”"},
      {"2 second received", {received}, Ev(T::kReceived, "2024-09-03"), "重复提交"},
      {"3 answer after answer",
       {received, answered},
       Ev(T::kAnswered, "2024-09-23").Result(Outcome::kPartial),
       "已经办结"},
      {"4 extension after withdrawal",
       {received, Ev(T::kWithdrawn, "2024-09-05")},
       Ev(T::kExtensionApproved, "2024-09-06").Days(5),
       "已经办结"},
      {"5 fee notice after deemed withdrawal",
       {received, Ev(T::kCorrectionRequested, "2024-09-03").Deadline("2024-09-10"),
        Ev(T::kDeemedWithdrawn, "2024-09-11").Reason(WithdrawalReason::kNoCorrection)},
       Ev(T::kFeeNoticeSent, "2024-09-12").Fee(10000),
       "已经办结"},
      {"6 second extension",
       {received, Ev(T::kExtensionApproved, "2024-09-20").Days(10)},
       Ev(T::kExtensionApproved, "2024-09-25").Days(5),
       "只能延期一次"},
      {"7 extension of 21 working days",
       {received},
       Ev(T::kExtensionApproved, "2024-09-20").Days(21),
       "最长 20 个工作日"},
      {"8 extension of 0 working days",
       {received},
       Ev(T::kExtensionApproved, "2024-09-20").Days(0),
       "应为 1 到 20"},
      {"9 correction received without request",
       {received},
       Ev(T::kCorrectionReceived, "2024-09-05"),
       "没有待补正"},
      {"10 correction received twice",
       {received, Ev(T::kCorrectionRequested, "2024-09-03"),
        Ev(T::kCorrectionReceived, "2024-09-05")},
       Ev(T::kCorrectionReceived, "2024-09-06"),
       "没有待补正"},
      {"11 second correction notice while one is open",
       {received, Ev(T::kCorrectionRequested, "2024-09-03")},
       Ev(T::kCorrectionRequested, "2024-09-04"),
       "一次性列明"},
      {"12 reconsideration decided, never filed",
       {received, answered},
       Ev(T::kReconsiderationDecided, "2024-11-01").Decision(RemedyResult::kUpheld),
       "没有尚未审结的行政复议"},
      {"13 litigation decided, never filed",
       {received, answered},
       Ev(T::kLitigationDecided, "2024-11-01").Decision(RemedyResult::kUpheld),
       "没有尚未审结的行政诉讼"},
      {"14 reconsideration decided twice",
       {received, answered, Ev(T::kReconsiderationFiled, "2024-10-08"),
        Ev(T::kReconsiderationDecided, "2024-11-01").Decision(RemedyResult::kUpheld)},
       Ev(T::kReconsiderationDecided, "2024-11-02").Decision(RemedyResult::kCorrected),
       "没有尚未审结的行政复议"},
      {"15 lawsuit after a reconsideration never filed",
       {received, answered},
       Ev(T::kLitigationFiled, "2024-11-01").AfterReconsideration(),
       "没有申请过行政复议"},
      {"16 date goes backwards",
       {received, Ev(T::kExtensionApproved, "2024-09-20").Days(5)},
       Ev(T::kAnswered, "2024-09-19").Result(Outcome::kGranted),
       "早于上一个事件"},
      {"17 delivered before the reply",
       {received},
       Ev(T::kDelivered, "2024-09-05"),
       "尚未答复或办结"},
      {"18 consultation answered, never sent",
       {received},
       Ev(T::kConsultationAnswered, "2024-09-05"),
       "没有正在进行的征求意见"},
      // Sent Fri 2024-09-20; 15 working days: 9-23..27 (5), Sun 9-29 (6), 9-30 (7), 10-8..11
      // (11), Sat 10-12 (12), 10-14..16 (15): the time-out may be recorded from 10-17.
      {"19 consultation timed out on its 15th day",
       {received, Ev(T::kConsultationSent, "2024-09-20")},
       Ev(T::kConsultationTimedOut, "2024-10-16"),
       "2024-10-16"},
      {"20 fee paid, no notice", {received}, Ev(T::kFeePaid, "2024-09-05"), "没有待缴费"},
      {"21 fee notice during a consultation",
       {received, Ev(T::kConsultationSent, "2024-09-05")},
       Ev(T::kFeeNoticeSent, "2024-09-06").Fee(10000),
       "尚未结束"},
      {"22 second consultation while one is open",
       {received, Ev(T::kConsultationSent, "2024-09-05")},
       Ev(T::kConsultationSent, "2024-09-06"),
       "尚未结束"},
      {"23 deemed withdrawn for 补正 with no notice",
       {received},
       Ev(T::kDeemedWithdrawn, "2024-09-20").Reason(WithdrawalReason::kNoCorrection),
       "没有待补正"},
      {"24 deemed withdrawn before the 补正 deadline",
       {received, Ev(T::kCorrectionRequested, "2024-09-03").Deadline("2024-09-13")},
       Ev(T::kDeemedWithdrawn, "2024-09-13").Reason(WithdrawalReason::kNoCorrection),
       "尚未届满"},
      // Notice Fri 2024-09-20; 20 working days end Wed 2024-10-23 (see FeeUnpaid below).
      {"25 deemed withdrawn for fee on the last day to pay",
       {received, Ev(T::kFeeNoticeSent, "2024-09-20").Fee(20000)},
       Ev(T::kDeemedWithdrawn, "2024-10-23").Reason(WithdrawalReason::kFeeUnpaid),
       "2024-10-23"},
      {"26 reasons received, never requested",
       {received},
       Ev(T::kReasonsReceived, "2024-09-05"),
       "没有要求申请人说明理由"},
      {"27 event of another case",
       {received},
       Ev(T::kAnswered, "2024-09-05", "2024-002").Result(Outcome::kGranted),
       "不属于本案"},
      {"28 补正 deadline before the notice",
       {received},
       Ev(T::kCorrectionRequested, "2024-09-05").Deadline("2024-09-04"),
       "早于补正告知日期"},
      {"29 arrival after the receipt date",
       {},
       [] {
         Event e = Ev(T::kReceived, "2024-09-02").Via(Channel::kPostOrdinary);
         e.arrived = D("2024-09-03");
         return e;
       }(),
       "晚于收到申请之日"},
  };
}

TEST(CheckNextEventTest, RefusesIllegalSequences) {
  const CaseSettings settings;
  for (const auto& c : IllegalCases()) {
    // The history itself must be legal, or the case tests the wrong thing.
    ASSERT_TRUE(CheckHistory(c.history, NationalCalendar(), settings).ok()) << c.name;
    Status s = CheckNextEvent(c.history, c.next, NationalCalendar(), settings);
    ASSERT_FALSE(s.ok()) << c.name << ": " << Show(c.history, c.next);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << c.name;
    EXPECT_NE(s.message().find(c.reason), std::string::npos)
        << c.name << ": got「" << s.message() << "」, want「" << c.reason << "」";
  }
}

struct LegalCase {
  const char* name;
  std::vector<Event> history;
  Event next;
};

TEST(CheckNextEventTest, AcceptsLegalSteps) {
  const Event received = Ev(T::kReceived, "2024-09-02");
  const Event answered = Ev(T::kAnswered, "2024-09-20").Result(Outcome::kRefusedThirdParty);
  const LegalCase cases[] = {
      {"1 received first", {}, Ev(T::kReceived, "2024-09-02")},
      {"2 same-day answer", {received}, Ev(T::kAnswered, "2024-09-02").Result(Outcome::kGranted)},
      {"3 delivered after the reply", {received, answered}, Ev(T::kDelivered, "2024-09-23")},
      {"4 reconsideration after the reply",
       {received, answered},
       Ev(T::kReconsiderationFiled, "2024-10-08")},
      {"5 reconsideration against silence, case open",
       {received},
       Ev(T::kReconsiderationFiled, "2024-11-01")},
      {"6 lawsuit after reconsideration",
       {received, answered, Ev(T::kReconsiderationFiled, "2024-10-08"),
        Ev(T::kReconsiderationDecided, "2024-11-20").Decision(RemedyResult::kUpheld)},
       Ev(T::kLitigationFiled, "2024-12-02").AfterReconsideration()},
      {"7 extension of exactly 20", {received}, Ev(T::kExtensionApproved, "2024-09-20").Days(20)},
      {"8 consultation timed out the day after its 15th day",
       {received, Ev(T::kConsultationSent, "2024-09-20")},
       Ev(T::kConsultationTimedOut, "2024-10-17")},
      {"9 deemed withdrawn for fee the day after the last day to pay",
       {received, Ev(T::kFeeNoticeSent, "2024-09-20").Fee(20000)},
       Ev(T::kDeemedWithdrawn, "2024-10-24").Reason(WithdrawalReason::kFeeUnpaid)},
      {"10 a second 补正 round after the first was answered",
       {received, Ev(T::kCorrectionRequested, "2024-09-03"),
        Ev(T::kCorrectionReceived, "2024-09-05")},
       Ev(T::kCorrectionRequested, "2024-09-06")},
      {"11 late 补正 notice is accepted (flagged)",
       {received},
       Ev(T::kCorrectionRequested, "2024-09-20")},
      {"12 late answer is accepted (flagged)",
       {received},
       Ev(T::kAnswered, "2024-12-02").Result(Outcome::kGranted)},
  };
  for (const auto& c : cases) {
    Status s = CheckNextEvent(c.history, c.next, NationalCalendar(), CaseSettings{});
    EXPECT_TRUE(s.ok()) << c.name << ": " << Show(c.history, c.next) << ": " << s.message();
  }
}

TEST(CheckHistoryTest, NamesTheFirstBadEvent) {
  std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"),
                               Ev(T::kExtensionApproved, "2024-09-20").Days(5),
                               Ev(T::kExtensionApproved, "2024-09-23").Days(5)};
  int bad = -1;
  Status s = CheckHistory(events, NationalCalendar(), CaseSettings{}, &bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(bad, 2);
  EXPECT_EQ(s.message().rfind("第 3 个事件（extension_approved，2024-09-23）：", 0), 0u)
      << s.message();
}

TEST(CheckNextEventTest, IllegalStoredHistoryIsReportedNotFolded) {
  // correction_received without a request, stored anyway: folding it would have no round to end.
  std::vector<Event> history = {Ev(T::kReceived, "2024-09-02"),
                                Ev(T::kCorrectionReceived, "2024-09-03")};
  Status s = CheckNextEvent(history, Ev(T::kCorrectionReceived, "2024-09-04"), NationalCalendar(),
                            CaseSettings{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(
      s.message().rfind("已有记录不合规，第 2 个事件（correction_received，2024-09-03）：", 0), 0u)
      << s.message();
}

TEST(CheckHistoryTest, CalendarGapIsAnErrorNotACrash) {
  // 2030 is not in the notices: the time-out check needs the calendar and says which year.
  std::vector<Event> events = {Ev(T::kReceived, "2030-03-01"),
                               Ev(T::kConsultationSent, "2030-03-04"),
                               Ev(T::kConsultationTimedOut, "2030-04-01")};
  Status s = CheckHistory(events, NationalCalendar(), CaseSettings{});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("2030"), std::string::npos) << s.message();
}

// ---- ComputeCaseState on hand-written cases (2024 notice: 9-14 Sat and 9-29 Sun are working
// days, 9-15..17 and 10-1..7 are rest days, 10-12 Sat is a working day).

bool Has(const std::vector<EventType>& v, EventType t) {
  return std::find(v.begin(), v.end(), t) != v.end();
}

TEST(ComputeCaseStateTest, PlainCaseDueOnThe20thWorkingDay) {
  // Received Mon 9-02. Working days after it: 9-03..06 (4), 9-09..13 (9), Sat 9-14 (10),
  // 9-18..20 (13), 9-23..27 (18), Sun 9-29 (19), 9-30 (20).
  std::vector<Event> events = {Ev(T::kReceived, "2024-09-02").Via(Channel::kPostSigned)};
  CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-03"));
  ASSERT_TRUE(s.error.ok()) << s.error.message();
  EXPECT_EQ(s.status, CaseStatus::kInProgress);
  EXPECT_EQ(Label(s.status), "办理中");
  EXPECT_EQ(s.receipt, D("2024-09-02"));
  EXPECT_EQ(s.channel, Channel::kPostSigned);
  EXPECT_EQ(s.applicant_kind, ApplicantKind::kNaturalPerson);
  ASSERT_TRUE(s.deadlines.has_value());
  EXPECT_EQ(s.deadlines->reply_due, D("2024-09-30"));
  // 7 working days for a 补正 notice: 9-03..06, 9-09..11.
  EXPECT_EQ(s.deadlines->correction_notice_due, D("2024-09-11"));
  EXPECT_FALSE(s.overdue);
  EXPECT_FALSE(s.closed.has_value());
  const std::vector<EventType> expected_next = {
      T::kCorrectionRequested, T::kReasonsRequested,     T::kConsultationSent,
      T::kExtensionApproved,   T::kFeeNoticeSent,        T::kAnswered,
      T::kWithdrawn,           T::kReconsiderationFiled, T::kLitigationFiled};
  EXPECT_EQ(s.next_steps, expected_next);

  CaseState later = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-10-08"));
  EXPECT_TRUE(later.overdue);
  EXPECT_EQ(later.status, CaseStatus::kInProgress);
}

TEST(ComputeCaseStateTest, ConsultationOverNationalDayStopsTheClock) {
  // 12 working days consumed before Fri 9-20 (9-03..06, 9-09..14, 9-18, 9-19); 8 remain after
  // the answer on Mon 10-14: 10-15..18 (4), 10-21..24 (8) → due Thu 10-24.
  std::vector<Event> events = {
      Ev(T::kReceived, "2024-09-02"),
      Ev(T::kConsultationSent, "2024-09-20").Party(ConsultationParty::kThirdParty),
      Ev(T::kConsultationAnswered, "2024-10-14")};
  CaseState during = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-10-08"));
  EXPECT_EQ(during.status, CaseStatus::kConsulting);
  EXPECT_FALSE(during.overdue) << "a lawful pause must not show overdue";
  EXPECT_TRUE(Has(during.next_steps, T::kConsultationAnswered));
  EXPECT_FALSE(Has(during.next_steps, T::kConsultationTimedOut)) << "only 6 of 15 days passed";

  CaseState after = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-10-15"));
  ASSERT_TRUE(after.error.ok()) << after.error.message();
  EXPECT_EQ(after.status, CaseStatus::kInProgress);
  ASSERT_TRUE(after.deadlines && after.deadlines->reply_due);
  EXPECT_EQ(*after.deadlines->reply_due, D("2024-10-24"));
}

TEST(ComputeCaseStateTest, CorrectionRestartsTheTwentyDays) {
  // 补正 received Tue 9-10: 9-11..13 (3), Sat 9-14 (4), 9-18..20 (7), 9-23..27 (12), Sun 9-29
  // (13), 9-30 (14), 10-08..11 (18), Sat 10-12 (19), Mon 10-14 (20).
  std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"),
                               Ev(T::kCorrectionRequested, "2024-09-05").Deadline("2024-09-20"),
                               Ev(T::kCorrectionReceived, "2024-09-10")};
  CaseState waiting = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-06"));
  EXPECT_EQ(waiting.status, CaseStatus::kAwaitingCorrection);
  EXPECT_EQ(Label(waiting.status), "待补正");
  EXPECT_TRUE(Has(waiting.next_steps, T::kCorrectionReceived));
  EXPECT_FALSE(Has(waiting.next_steps, T::kDeemedWithdrawn)) << "deadline 9-20 not passed";

  CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-11"));
  ASSERT_TRUE(s.deadlines && s.deadlines->reply_due);
  EXPECT_EQ(*s.deadlines->reply_due, D("2024-10-14"));
  EXPECT_EQ(s.correction_rounds, 1);
  EXPECT_FALSE(s.late_correction_notice);
}

// Issue: after 收到补正 the case page still offered 补正告知 again. Art. 30 allows one notice
// listing everything: a second round stays acceptable as history (imports), flagged, but is
// not a next step.
TEST(ComputeCaseStateTest, NoSecondCorrectionNoticeIsOffered) {
  std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"),
                               Ev(T::kCorrectionRequested, "2024-09-03").Deadline("2024-09-13"),
                               Ev(T::kCorrectionReceived, "2024-09-05")};
  CaseState corrected =
      ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-06"));
  EXPECT_EQ(corrected.status, CaseStatus::kInProgress);
  EXPECT_FALSE(Has(corrected.next_steps, T::kCorrectionRequested));
  EXPECT_TRUE(Has(corrected.next_steps, T::kAnswered));

  events.push_back(Ev(T::kCorrectionRequested, "2024-09-06"));
  CaseState second = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-06"));
  EXPECT_TRUE(second.error.ok()) << second.error.message();
  EXPECT_EQ(second.correction_rounds, 2);
  bool flagged = false;
  for (const auto& line : second.explanation) {
    flagged = flagged || line.find("补正告知发出了 2 次") != std::string::npos;
  }
  EXPECT_TRUE(flagged);
}

TEST(ComputeCaseStateTest, LateCorrectionNoticeIsFlagged) {
  // Due Wed 9-11 (7th working day after 9-02); sent Thu 9-12.
  for (const auto& [date, late] : {std::pair{"2024-09-11", false}, {"2024-09-12", true}}) {
    std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"), Ev(T::kCorrectionRequested, date)};
    CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-09-13"));
    EXPECT_EQ(s.late_correction_notice, late) << date;
    EXPECT_TRUE(s.error.ok()) << s.error.message();
  }
}

TEST(ComputeCaseStateTest, ExtensionAndLateAnswer) {
  // Due 9-30; +20 working days: 10-08..11 (4), Sat 10-12 (5), 10-14..18 (10), 10-21..25 (15),
  // 10-28..11-01 (20) → Fri 11-01.
  for (const auto& [date, late] : {std::pair{"2024-11-01", false}, {"2024-11-04", true}}) {
    std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"),
                                 Ev(T::kExtensionApproved, "2024-09-25").Days(20),
                                 Ev(T::kAnswered, date).Result(Outcome::kPartial)};
    CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
    ASSERT_TRUE(s.deadlines.has_value()) << s.error.message();
    EXPECT_EQ(s.deadlines->extended_due, D("2024-11-01"));
    EXPECT_EQ(s.answered_late, late) << date;
    EXPECT_EQ(s.status, CaseStatus::kAnswered);
    EXPECT_EQ(s.outcome, Outcome::kPartial);
    EXPECT_EQ(s.closed, D(date));
    EXPECT_TRUE(s.extended);
    EXPECT_FALSE(s.late_extension);
    const std::vector<EventType> after_close = {T::kDelivered, T::kReconsiderationFiled,
                                                T::kLitigationFiled};
    EXPECT_EQ(s.next_steps, after_close);
  }
}

TEST(ComputeCaseStateTest, ExtensionAfterTheOriginalDueDateIsFlagged) {
  // Due Mon 9-30; approving the extension on Tue 10-08 is too late (Art. 33: before it expires).
  for (const auto& [date, late] : {std::pair{"2024-09-30", false}, {"2024-10-08", true}}) {
    std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"),
                                 Ev(T::kExtensionApproved, date).Days(10)};
    CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-10-09"));
    EXPECT_EQ(s.late_extension, late) << date;
    EXPECT_EQ(s.status, CaseStatus::kExtended);
  }
}

TEST(ComputeCaseStateTest, UnpaidFeeClosesInFeeUnpaidRow) {
  // Notice Fri 9-20; 20 working days: 9-23..27 (5), Sun 9-29 (6), 9-30 (7), 10-08..11 (11),
  // Sat 10-12 (12), 10-14..18 (17), 10-21..23 (20) → Wed 10-23.
  std::vector<Event> events = {
      Ev(T::kReceived, "2024-09-02"), Ev(T::kFeeNoticeSent, "2024-09-20").Fee(20000),
      Ev(T::kDeemedWithdrawn, "2024-10-24").Reason(WithdrawalReason::kFeeUnpaid)};
  CaseState waiting = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-10-23"));
  EXPECT_EQ(waiting.status, CaseStatus::kAwaitingFee);
  EXPECT_TRUE(Has(waiting.next_steps, T::kFeePaid));
  EXPECT_FALSE(Has(waiting.next_steps, T::kDeemedWithdrawn));
  ASSERT_TRUE(waiting.deadlines && waiting.deadlines->fee_payment_due);
  EXPECT_EQ(*waiting.deadlines->fee_payment_due, D("2024-10-23"));

  CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-10-24"));
  EXPECT_EQ(s.status, CaseStatus::kDeemedWithdrawn);
  EXPECT_EQ(s.outcome, Outcome::kOtherFeeUnpaid);
  EXPECT_EQ(s.fee_charged_fen, 0);
}

TEST(ComputeCaseStateTest, PaidFeeIsCharged) {
  std::vector<Event> events = {
      Ev(T::kReceived, "2024-09-02"), Ev(T::kFeeNoticeSent, "2024-09-10").Fee(20000),
      Ev(T::kFeePaid, "2024-09-12"), Ev(T::kAnswered, "2024-09-20").Result(Outcome::kGranted)};
  CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
  EXPECT_EQ(s.fee_charged_fen, 20000);
  EXPECT_EQ(s.outcome, Outcome::kGranted);
}

TEST(ComputeCaseStateTest, EventsAfterAsOfAreIgnored) {
  std::vector<Event> events = {Ev(T::kReceived, "2024-12-20"),
                               Ev(T::kAnswered, "2025-01-06").Result(Outcome::kGranted)};
  CaseState dec31 = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
  EXPECT_EQ(dec31.status, CaseStatus::kInProgress);
  EXPECT_FALSE(dec31.closed.has_value());
  CaseState jan = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2025-01-06"));
  EXPECT_EQ(jan.status, CaseStatus::kAnswered);
}

TEST(ComputeCaseStateTest, WithdrawnAndRemedies) {
  std::vector<Event> events = {
      Ev(T::kReceived, "2024-09-02"), Ev(T::kWithdrawn, "2024-09-04"),
      Ev(T::kLitigationFiled, "2024-10-09"),
      Ev(T::kLitigationDecided, "2025-03-03").Decision(RemedyResult::kOther)};
  CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
  EXPECT_EQ(s.status, CaseStatus::kWithdrawn);
  EXPECT_EQ(Label(s.status), "已撤回");
  EXPECT_EQ(s.outcome, Outcome::kOtherOther);
  ASSERT_EQ(s.remedies.size(), 1u);
  EXPECT_EQ(s.remedies[0].block, RemedyBlock::kLitigationDirect);
  EXPECT_FALSE(s.remedies[0].decided.has_value()) << "decided after as_of";
  EXPECT_TRUE(Has(s.next_steps, T::kLitigationDecided));
}

TEST(ComputeCaseStateTest, IllegalHistoryIsCarriedNotThrown) {
  std::vector<Event> events = {Ev(T::kReceived, "2024-09-02"),
                               Ev(T::kAnswered, "2024-09-10").Result(Outcome::kGranted),
                               Ev(T::kExtensionApproved, "2024-09-11").Days(5)};
  CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
  EXPECT_EQ(s.status, CaseStatus::kInvalid);
  EXPECT_EQ(s.illegal_event, 2);
  EXPECT_EQ(s.error.code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(s.next_steps.empty());
  EXPECT_EQ(s.receipt, D("2024-09-02"));

  CaseState empty = ComputeCaseState({}, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
  EXPECT_EQ(empty.status, CaseStatus::kInvalid);
  EXPECT_FALSE(empty.error.ok());
}

TEST(ComputeCaseStateTest, CalendarGapIsCarriedInTheState) {
  std::vector<Event> events = {Ev(T::kReceived, "2030-03-01")};
  CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, D("2030-03-02"));
  EXPECT_FALSE(s.error.ok());
  EXPECT_NE(s.error.message().find("2030"), std::string::npos) << s.error.message();
  EXPECT_EQ(s.status, CaseStatus::kInProgress);
  EXPECT_FALSE(s.deadlines.has_value());
}

TEST(CaseStatusTest, VocabularyRoundTrips) {
  for (const auto& e : CaseStatuses()) {
    EXPECT_EQ(CaseStatusFromKey(e.key), e.value);
    EXPECT_EQ(Key(e.value), e.key);
  }
  EXPECT_FALSE(CaseStatusFromKey("closed").has_value());
}

}  // namespace
}  // namespace gongkai
