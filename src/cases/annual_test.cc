#include "cases/annual.h"

#include <gtest/gtest.h>

#include "cases/testing.h"
#include "report/rules.h"

namespace gongkai {
namespace {

using testing::D;
using testing::Ev;
using testing::NationalCalendar;
using T = EventType;

double CellOf(const Table& t, const char* row, const char* column) {
  const Cell* c = t.FindCell(row, column);
  EXPECT_NE(c, nullptr) << row << "/" << column;
  if (c == nullptr) return -1;
  EXPECT_TRUE(c->is_number()) << row << "/" << column;
  return c->number;
}

// A small register for 2024, every cell counted by hand (comments say where each case lands).
std::vector<std::vector<Event>> Register() {
  return {
      // A: received 2023-12-20, answered 2024-01-10 → carried_over + granted (natural person).
      // Due: 12-21, 22 (2), 12-25..29 (7), 1-01 rest, 1-02..05 (11), 1-08..12 (16), 1-15..18
      // (20) → 2024-01-18: on time.
      {Ev(T::kReceived, "2023-12-20", "A"),
       Ev(T::kAnswered, "2024-01-10", "A").Result(Outcome::kGranted)},
      // B: new + partial (commercial), on time.
      {Ev(T::kReceived, "2024-03-01", "B").Kind(ApplicantKind::kCommercial),
       Ev(T::kAnswered, "2024-03-15", "B").Result(Outcome::kPartial)},
      // C: new, still open on 31 December → carried_forward (legal service).
      {Ev(T::kReceived, "2024-12-20", "C")
           .Kind(ApplicantKind::kLegalService)
           .Via(Channel::kInPerson)},
      // D: new, no 补正 → other.no_correction (natural person).
      {Ev(T::kReceived, "2024-05-06", "D"),
       Ev(T::kCorrectionRequested, "2024-05-08", "D").Deadline("2024-05-20"),
       Ev(T::kDeemedWithdrawn, "2024-05-27", "D").Reason(WithdrawalReason::kNoCorrection)},
      // E: closed in 2023 (not in table B); reconsideration filed and decided in 2024 → table C
      // reconsideration.corrected.
      {Ev(T::kReceived, "2023-05-05", "E"),
       Ev(T::kAnswered, "2023-05-22", "E").Result(Outcome::kRefusedProcessInfo),
       Ev(T::kReconsiderationFiled, "2024-01-10", "E"),
       Ev(T::kReconsiderationDecided, "2024-03-01", "E").Decision(RemedyResult::kCorrected)},
      // F: new, withdrawn → other.other (natural person); lawsuit filed 2024-11-01, undecided on
      // 31 December (decided 2025) → litigation_direct.pending.
      {Ev(T::kReceived, "2024-02-01", "F").Via(Channel::kPostSigned),
       Ev(T::kWithdrawn, "2024-02-05", "F"), Ev(T::kLitigationFiled, "2024-11-01", "F"),
       Ev(T::kLitigationDecided, "2025-02-10", "F").Decision(RemedyResult::kUpheld)},
      // G: received in 2025: not in the 2024 report at all.
      {Ev(T::kReceived, "2025-01-03", "G")},
      // H: closed in 2023, lawsuit filed 2023 and decided 2024 (upheld): counted only with the
      // setting count_remedies_decided_in_year_filed_earlier.
      {Ev(T::kReceived, "2023-03-01", "H"),
       Ev(T::kAnswered, "2023-03-10", "H").Result(Outcome::kRefusedThirdParty),
       Ev(T::kLitigationFiled, "2023-06-01", "H"),
       Ev(T::kLitigationDecided, "2024-04-01", "H").Decision(RemedyResult::kUpheld)},
  };
}

AnnualInput Input2024() {
  AnnualInput in;
  in.agency = "示例市示例局";
  in.year = 2024;
  auto doc = [](PublicationKind kind, const char* created, std::optional<Date> repealed) {
    Publication p;
    p.kind = kind;
    p.created = D(created);
    p.published = p.created;
    if (repealed) {
      p.status = Validity::kRepealed;
      p.status_date = repealed;
    }
    return p;
  };
  constexpr auto kRule = PublicationKind::kRegulation;
  constexpr auto kNormative = PublicationKind::kNormativeDocument;
  in.publications = {
      doc(kRule, "2022-01-01", std::nullopt),                    // in force
      doc(kNormative, "2024-03-01", std::nullopt),               // issued, in force
      doc(kNormative, "2020-07-01", D("2024-06-30")),            // abolished
      doc(kNormative, "2024-02-01", D("2024-11-11")),            // issued and abolished
      doc(kNormative, "2025-01-02", std::nullopt),               // next year: nothing
      doc(PublicationKind::kOther, "2024-05-05", std::nullopt),  // not a table A row
  };
  in.decisions = {12, 34, 5, 160596400};  // 1,605,964 元 = 160.5964 万元
  return in;
}

TEST(AnnualReportTest, TableBByHand) {
  auto r = BuildAnnualReport(Register(), Input2024(), NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Table& b = r->report.section3;
  EXPECT_EQ(r->report.format, ReportFormat::k2021);
  EXPECT_EQ(CellOf(b, "new", "natural_person"), 2);  // D, F
  EXPECT_EQ(CellOf(b, "new", "commercial"), 1);      // B
  EXPECT_EQ(CellOf(b, "new", "legal_service"), 1);   // C
  EXPECT_EQ(CellOf(b, "new", "total"), 4);
  EXPECT_EQ(CellOf(b, "carried_over", "natural_person"), 1);  // A
  EXPECT_EQ(CellOf(b, "carried_over", "total"), 1);
  EXPECT_EQ(CellOf(b, "granted", "natural_person"), 1);              // A
  EXPECT_EQ(CellOf(b, "partial", "commercial"), 1);                  // B
  EXPECT_EQ(CellOf(b, "other.no_correction", "natural_person"), 1);  // D
  EXPECT_EQ(CellOf(b, "other.other", "natural_person"), 1);          // F
  EXPECT_EQ(CellOf(b, "refused.process_info", "total"), 0);          // E closed in 2023
  EXPECT_EQ(CellOf(b, "closed_total", "natural_person"), 3);
  EXPECT_EQ(CellOf(b, "closed_total", "total"), 4);
  EXPECT_EQ(CellOf(b, "carried_forward", "legal_service"), 1);  // C
  EXPECT_EQ(CellOf(b, "carried_forward", "total"), 1);
  EXPECT_EQ(b.rows.size(), 25u);

  const NarrativeFacts& f = r->facts;
  EXPECT_EQ(f.received, 4);
  EXPECT_EQ(f.carried_over, 1);
  EXPECT_EQ(f.closed, 4);
  EXPECT_EQ(f.carried_forward, 1);
  EXPECT_EQ(f.answered, 2);
  EXPECT_EQ(f.answered_on_time, 2);
  EXPECT_EQ(f.answered_late, 0);
  EXPECT_EQ(f.by_channel[static_cast<int>(Channel::kInternet)], 2);    // B, D
  EXPECT_EQ(f.by_channel[static_cast<int>(Channel::kPostSigned)], 1);  // F
  EXPECT_EQ(f.by_channel[static_cast<int>(Channel::kInPerson)], 1);    // C
  EXPECT_EQ(f.correction_requests, 1);
  EXPECT_EQ(f.reconsiderations_filed, 1);
  EXPECT_EQ(f.litigations_filed, 1);
}

TEST(AnnualReportTest, TableCCountsFiledInYearUnlessSettingSaysOtherwise) {
  auto r = BuildAnnualReport(Register(), Input2024(), NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(r.ok());
  const Table& c = r->report.section4;
  EXPECT_EQ(CellOf(c, "reconsideration", "corrected"), 1);  // E
  EXPECT_EQ(CellOf(c, "reconsideration", "total"), 1);
  EXPECT_EQ(CellOf(c, "litigation_direct", "pending"), 1);  // F, decided only in 2025
  EXPECT_EQ(CellOf(c, "litigation_direct", "upheld"), 0);   // H filed in 2023: not counted
  EXPECT_EQ(CellOf(c, "litigation_direct", "total"), 1);
  EXPECT_EQ(CellOf(c, "litigation_after_reconsideration", "total"), 0);

  CaseSettings wide;
  wide.count_remedies_decided_in_year_filed_earlier = true;
  auto w = BuildAnnualReport(Register(), Input2024(), NationalCalendar(), wide);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(CellOf(w->report.section4, "litigation_direct", "upheld"), 1);  // H
  EXPECT_EQ(CellOf(w->report.section4, "litigation_direct", "total"), 2);
}

TEST(AnnualReportTest, TableAByHand) {
  auto r = BuildAnnualReport(Register(), Input2024(), NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(r.ok());
  const Table& a = r->report.section2;
  EXPECT_EQ(CellOf(a, "rules", "issued"), 0);
  EXPECT_EQ(CellOf(a, "rules", "in_force"), 1);
  EXPECT_EQ(CellOf(a, "normative_documents", "issued"), 2);
  EXPECT_EQ(CellOf(a, "normative_documents", "abolished"), 2);
  EXPECT_EQ(CellOf(a, "normative_documents", "in_force"), 1);
  EXPECT_EQ(CellOf(a, "licensing", "decisions"), 12);
  EXPECT_EQ(CellOf(a, "punishment", "decisions"), 34);
  EXPECT_EQ(CellOf(a, "enforcement", "decisions"), 5);
  const Cell* fee = a.FindCell("fees", "amount_wan_yuan");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->raw, "160.5964");
  EXPECT_DOUBLE_EQ(fee->number, 160.5964);

  AnnualInput small = Input2024();
  small.decisions.fees_collected_fen = 5050;  // 50.50 元 → 51 元 (half up) → 0.0051 万元
  auto s = BuildAnnualReport({}, small, NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->report.section2.FindCell("fees", "amount_wan_yuan")->raw, "0.0051");
}

TEST(AnnualReportTest, GeneratedReportPassesTheRules) {
  auto r = BuildAnnualReport(Register(), Input2024(), NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(r.ok());
  for (const Finding& f : CheckReport(r->report, CheckSettings{})) {
    EXPECT_NE(f.severity, Finding::Severity::kError) << f.rule << " " << f.message_zh;
  }
}

TEST(AnnualReportTest, TrialFormatFoldsOtherRows) {
  // The same shapes moved to 2020: the three （六） outcomes land in the single row `other`.
  std::vector<std::vector<Event>> cases = {
      {Ev(T::kReceived, "2020-03-02", "X"), Ev(T::kWithdrawn, "2020-03-04", "X")},
      {Ev(T::kReceived, "2020-05-06", "Y"),
       Ev(T::kCorrectionRequested, "2020-05-08", "Y").Deadline("2020-05-20"),
       Ev(T::kDeemedWithdrawn, "2020-05-27", "Y").Reason(WithdrawalReason::kNoCorrection)},
      {Ev(T::kReceived, "2020-06-01", "Z"),
       Ev(T::kAnswered, "2020-06-05", "Z").Result(Outcome::kUnavailableNotHeld)},
  };
  AnnualInput in;
  in.agency = "示例市示例局";
  in.year = 2020;
  auto r = BuildAnnualReport(cases, in, NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->report.format, ReportFormat::k2019Trial);
  const Table& b = r->report.section3;
  EXPECT_EQ(CellOf(b, "other", "natural_person"), 2);
  EXPECT_EQ(b.Find("other.other"), nullptr);
  EXPECT_EQ(CellOf(b, "unavailable.not_held", "total"), 1);
  EXPECT_EQ(CellOf(b, "closed_total", "total"), 3);
  // Trial table A: made/published from the register; what no register records is blank.
  const Cell* items = r->report.section2.FindCell("licensing", "items_last_year");
  ASSERT_NE(items, nullptr);
  EXPECT_EQ(items->kind, Cell::Kind::kBlank);
  EXPECT_EQ(CellOf(r->report.section2, "rules", "made"), 0);
}

TEST(AnnualReportTest, IllegalCasesAreListedAndNothingIsBuilt) {
  std::vector<std::vector<Event>> cases = Register();
  cases.push_back(
      {Ev(T::kReceived, "2024-04-01", "BAD1"), Ev(T::kCorrectionReceived, "2024-04-03", "BAD1")});
  cases.push_back({Ev(T::kAnswered, "2024-04-01", "BAD2").Result(Outcome::kGranted)});
  auto r = BuildAnnualReport(cases, Input2024(), NationalCalendar(), CaseSettings{});
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("2 个案件的记录不合规"), std::string::npos) << m;
  EXPECT_NE(m.find("案件 BAD1：第 2 个事件（correction_received，2024-04-03）"), std::string::npos)
      << m;
  EXPECT_NE(m.find("案件 BAD2：第 1 个事件"), std::string::npos) << m;
}

TEST(AnnualReportTest, RejectsYearsBeforeTheRegulation) {
  AnnualInput in;
  in.year = 2018;
  auto r = BuildAnnualReport({}, in, NationalCalendar(), CaseSettings{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("2018"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
