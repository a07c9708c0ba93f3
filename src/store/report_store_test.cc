#include "store/report_store.h"

#include <gtest/gtest.h>

#include "cases/events_jsonl.h"
#include "report/json.h"
#include "store/agencies.h"
#include "store/case_store.h"
#include "store/records.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

// 2024: two cases answered (a person granted, a company told 不掌握), one received on Friday
// 2024-12-20 still open on 31 December; 2023: one case received and carried into 2024.
constexpr std::string_view kRegister =
    R"({"case":"2023-050","type":"received","date":"2023-12-26","applicant_kind":"research","channel":"internet"}
{"case":"2023-050","type":"answered","date":"2024-01-10","outcome":"partial"}
{"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
{"case":"2024-002","type":"received","date":"2024-03-05","applicant_kind":"commercial","channel":"post_signed"}
{"case":"2024-002","type":"answered","date":"2024-04-01","outcome":"unavailable.not_held"}
{"case":"2024-003","type":"received","date":"2024-12-20","applicant_kind":"natural_person","applicant_name":"李四","channel":"in_person"}
)";

constexpr std::string_view kDocumentsCsv =
    "kind,number,title,issued,abolished\n"
    "normative_documents,某教发〔2022〕3号,关于规范校外培训的通知,2022-05-10,2024-06-30\n"
    "normative_documents,某教发〔2024〕1号,关于学校食堂管理的规定,2024-02-01,\n"
    "rules,某政令第5号,某县教育督导办法,2024-09-01,\n";

constexpr std::string_view kCountsCsv =
    "year,licensing,punishment,enforcement,fees_fen\n"
    "2024,120,7,2,1234500\n";

class ReportStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 15) + 2h; });
    auto imported = reg_.Import(kRegister, {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
    clerk_ = AddUser(db(), agency_, "clerk", Role::kClerk, "clerk-password").value();
    head_ = AddUser(db(), agency_, "head", Role::kHead, "head-password").value();
  }

  Event CorrectionOn2024003(Date date) {
    Event e;
    e.case_number = "2024-003";
    e.type = EventType::kCorrectionRequested;
    e.date = date;
    e.deadline = AddDays(date, 14);
    return e;
  }

  Calendars calendars_;
  CaseRegister reg_{db(), calendars_};
  int64_t agency_ = 0;
  User clerk_, head_;
};

TEST_P(ReportStoreTest, ReportBuildEqualsThePureFold) {
  ASSERT_TRUE(ImportRecordsCsv(db(), agency_, kDocumentsCsv).ok());
  ASSERT_TRUE(ImportRecordsCsv(db(), agency_, kCountsCsv).ok());
  auto stored = BuildRegisterReport(db(), calendars_, agency_, 2024);
  ASSERT_TRUE(stored.ok()) << stored.status().message();

  auto parsed = ParseEventsJsonl(kRegister);
  ASSERT_TRUE(parsed.ok());
  std::vector<std::vector<Event>> cases;
  for (const CaseEvents& c : *parsed) cases.push_back(c.events);
  AnnualInput input;
  input.agency = "本机关";
  input.year = 2024;
  // The documents of kDocumentsCsv as the publications register holds them.
  auto doc = [](PublicationKind kind, Date issued, std::optional<Date> abolished) {
    Publication p;
    p.kind = kind;
    p.created = issued;
    p.published = issued;
    if (abolished) {
      p.status = Validity::kRepealed;
      p.status_date = abolished;
    }
    return p;
  };
  input.publications = {
      doc(PublicationKind::kNormativeDocument,
          {std::chrono::year(2022), std::chrono::May, std::chrono::day(10)},
          Date{std::chrono::year(2024), std::chrono::June, std::chrono::day(30)}),
      doc(PublicationKind::kNormativeDocument,
          {std::chrono::year(2024), std::chrono::February, std::chrono::day(1)}, std::nullopt),
      doc(PublicationKind::kRegulation,
          {std::chrono::year(2024), std::chrono::September, std::chrono::day(1)}, std::nullopt),
  };
  input.decisions = {120, 7, 2, 1234500};
  auto calendar = calendars_.ForRegion("");
  ASSERT_TRUE(calendar.ok());
  auto pure = BuildAnnualReport(cases, input, **calendar, CaseSettings{});
  ASSERT_TRUE(pure.ok()) << pure.status().message();
  EXPECT_EQ(ReportToJson(stored->report).dump(), ReportToJson(pure->report).dump());

  // And by hand: table B of 2024.
  const Report& r = stored->report;
  struct {
    const char* row;
    const char* column;
    double expected;
  } cells[] = {
      {"new", "natural_person", 2},
      {"new", "commercial", 1},
      {"new", "total", 3},
      {"carried_over", "research", 1},
      {"granted", "natural_person", 1},
      {"partial", "research", 1},
      {"unavailable.not_held", "commercial", 1},
      {"closed_total", "total", 3},
      {"carried_forward", "natural_person", 1},
      {"carried_forward", "total", 1},
  };
  for (const auto& c : cells) {
    const Cell* cell = r.section3.FindCell(c.row, c.column);
    ASSERT_NE(cell, nullptr) << c.row << "." << c.column;
    EXPECT_EQ(cell->number, c.expected) << c.row << "." << c.column;
  }
  // Table A: one 规范性文件 issued and one abolished in 2024, one in force on 31 December; one
  // 规章 issued; 1,234,500 fen = 1.2345 万元.
  EXPECT_EQ(r.section2.FindCell("normative_documents", "issued")->number, 1);
  EXPECT_EQ(r.section2.FindCell("normative_documents", "abolished")->number, 1);
  EXPECT_EQ(r.section2.FindCell("normative_documents", "in_force")->number, 1);
  EXPECT_EQ(r.section2.FindCell("rules", "issued")->number, 1);
  EXPECT_EQ(r.section2.FindCell("licensing", "decisions")->number, 120);
  EXPECT_DOUBLE_EQ(r.section2.FindCell("fees", "amount_wan_yuan")->number, 1.2345);
}

TEST_P(ReportStoreTest, APublishedReportLocksTheYearUntilReopened) {
  auto draft = SaveDraft(db(), calendars_, agency_, 2024, clerk_);
  ASSERT_TRUE(draft.ok()) << draft.status().message();
  EXPECT_EQ(draft->version, 1);
  ASSERT_TRUE(
      SetNarrative(db(), agency_, 2024, 1, "本年度共收到政府信息公开申请3件。", clerk_).ok());
  EXPECT_EQ(SetNarrative(db(), agency_, 2024, 7, "x", clerk_).code(), Status::Code::kInvalidInput);
  EXPECT_EQ(PublishReport(db(), agency_, 2024, clerk_).code(), Status::Code::kConflict)
      << "a draft cannot be published before approval";
  EXPECT_EQ(ApproveReport(db(), agency_, 2024, clerk_).code(), Status::Code::kPermissionDenied);
  ASSERT_TRUE(ApproveReport(db(), agency_, 2024, head_).ok());
  ASSERT_TRUE(PublishReport(db(), agency_, 2024, clerk_).ok());

  Date dec24{std::chrono::year(2024), std::chrono::December, std::chrono::day(24)};
  Status refused = reg_.AppendEvent(agency_, CorrectionOn2024003(dec24), "clerk");
  EXPECT_EQ(refused.code(), Status::Code::kConflict);
  EXPECT_NE(refused.message().find("2024"), std::string::npos) << refused.message();
  EXPECT_NE(refused.message().find("reopen"), std::string::npos) << refused.message();
  const std::string late_case =
      R"({"case":"2024-100","type":"received","date":"2024-11-04","applicant_kind":"natural_person","channel":"internet"})"
      "\n";
  EXPECT_EQ(reg_.Import(late_case, {}).status().code(), Status::Code::kConflict);
  EXPECT_EQ(SetYearCounts(db(), agency_, 2024, {1, 1, 1, 0}).code(), Status::Code::kConflict);
  EXPECT_EQ(SaveDraft(db(), calendars_, agency_, 2024, clerk_).status().code(),
            Status::Code::kConflict);

  // An event dated in 2025 on a 2024 case does not change the 2024 report: accepted.
  Event answer;
  answer.case_number = "2024-003";
  answer.type = EventType::kAnswered;
  answer.date = {std::chrono::year(2025), std::chrono::January, std::chrono::day(6)};
  answer.outcome = Outcome::kGranted;
  ASSERT_TRUE(reg_.AppendEvent(agency_, answer, "clerk").ok());

  EXPECT_EQ(ReopenReport(db(), agency_, 2024, head_, "").code(), Status::Code::kInvalidInput);
  EXPECT_EQ(ReopenReport(db(), agency_, 2024, clerk_, "更正").code(),
            Status::Code::kPermissionDenied);
  ASSERT_TRUE(ReopenReport(db(), agency_, 2024, head_, "漏登一件11月的申请").ok());
  auto imported = reg_.Import(late_case, {});
  ASSERT_TRUE(imported.ok()) << imported.status().message();

  auto second = SaveDraft(db(), calendars_, agency_, 2024, clerk_);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->version, 2);
  EXPECT_EQ(second->narratives[1], "本年度共收到政府信息公开申请3件。") << "narrative inherited";
  auto versions = ListReportVersions(db(), agency_, 2024);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  const ReportVersion& reopened = (*versions)[1];
  EXPECT_EQ(reopened.state, ReportState::kReopened);
  EXPECT_EQ(reopened.reopened_by, "head");
  EXPECT_EQ(reopened.reopened_at, "2025-01-15T02:00:00Z");
  EXPECT_EQ(reopened.reopen_reason, "漏登一件11月的申请");
  EXPECT_NE(second->report_json.find(R"("new":{"natural_person":3,)"), std::string::npos)
      << second->report_json;
  EXPECT_EQ(reopened.approved_by, "head");
  EXPECT_EQ(reopened.published_by, "clerk");
  auto report = VersionReport(*second);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->sections.size(), 6u);
  EXPECT_EQ(report->sections[0].title, "一、总体情况");
}

TEST_P(ReportStoreTest, RecordsCsvIsAllOrNothingWithEveryBadRowNamed) {
  auto bad = ImportRecordsCsv(db(), agency_,
                              "kind,number,title,issued,abolished\n"
                              "rules,A1,标题,2024-01-01,\n"
                              "decree,A2,标题,2024-01-01,\n"
                              "rules,A3,标题,2024-02-30,\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("第 3 行第 1 列"), std::string::npos)
      << bad.status().message();
  EXPECT_NE(bad.status().message().find("第 4 行第 4 列"), std::string::npos)
      << bad.status().message();
  EXPECT_TRUE(ListDocuments(db(), agency_)->empty());
  EXPECT_EQ(ImportRecordsCsv(db(), agency_, "a,b\n1,2\n").status().code(),
            Status::Code::kInvalidInput);

  auto ok = ImportRecordsCsv(db(), agency_, kDocumentsCsv);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(*ok, 3);
  EXPECT_EQ(ImportRecordsCsv(db(), agency_, kDocumentsCsv).status().code(),
            Status::Code::kConflict);
  ASSERT_TRUE(ImportRecordsCsv(db(), agency_, kCountsCsv).ok());
  ASSERT_TRUE(SetYearCounts(db(), agency_, 2024, {121, 7, 2, 1234500}).ok()) << "replaces";
  auto counts = GetYearCounts(db(), agency_, 2024);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->licensing, 121);
  EXPECT_EQ(counts->fees_collected_fen, 1234500);
  EXPECT_EQ(GetYearCounts(db(), agency_, 2023)->licensing, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
