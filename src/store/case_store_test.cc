#include "store/case_store.h"

#include <gtest/gtest.h>

#include "cases/events_jsonl.h"
#include "store/agencies.h"
#include "store/audit.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

// Three cases, grouped by case, with personal data in the received lines' extra fields. Dates
// checked by hand against data/calendar/national/2024.cal: 2024-03-04 is a Monday; 2024-12-20 a
// Friday.
constexpr std::string_view kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet","applicant_id_number":"110101199003074512","applicant_phone":"13812345678","applicant_address":"某市某区某路1号"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
{"case":"2024-002","type":"received","date":"2024-03-05","applicant_kind":"commercial","applicant_name":"某某科技有限公司","channel":"post_signed","arrived":"2024-03-04"}
{"case":"2024-002","type":"correction_requested","date":"2024-03-07","deadline":"2024-03-21"}
{"case":"2024-002","type":"correction_received","date":"2024-03-12"}
{"case":"2024-002","type":"answered","date":"2024-04-01","outcome":"unavailable.not_held"}
{"case":"2024-003","type":"received","date":"2024-12-20","applicant_kind":"natural_person","applicant_name":"李四","channel":"in_person"}
)";

class CaseStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    // 2025-01-10 09:00 in Shanghai.
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h; });
  }

  int64_t ImportRegister() {
    auto imported = reg_.Import(kRegister, {});
    EXPECT_TRUE(imported.ok()) << imported.status().message();
    return imported.ok() ? imported->agency_id : 0;
  }

  long long CountRows(const std::string& table) {
    long long n = 0;
    db().impl().sql << "SELECT count(*) FROM " + table, soci::into(n);
    return n;
  }

  Calendars calendars_;
  CaseRegister reg_{db(), calendars_};
};

TEST_P(CaseStoreTest, ImportThenExportIsByteForByte) {
  auto imported = reg_.Import(kRegister, {});
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  EXPECT_TRUE(imported->created_agency) << "an empty database gets a default agency";
  EXPECT_EQ(imported->cases, 3);
  EXPECT_EQ(imported->events, 7);
  auto exported = reg_.Export(std::nullopt);
  ASSERT_TRUE(exported.ok()) << exported.status().message();
  EXPECT_EQ(*exported, kRegister);
}

TEST_P(CaseStoreTest, ImportWithTwoBadLinesChangesNothingAndReportsBoth) {
  ImportRegister();
  std::string bad =
      R"({"case":"2024-010","type":"received","date":"2024-05-06","applicant_kind":"natural_person","channel":"internet"}
{"case":"2024-010","type":"answerd","date":"2024-05-08"}
{"case":"2024-011","type":"received","date":"2024-05-06","applicant_kind":"research","channel":"fax"}
{"case":"2024-011","type":"answered","date":"2024-13-40","outcome":"granted"}
)";
  auto result = reg_.Import(bad, {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(result.status().message().find("第 2 行"), std::string::npos)
      << result.status().message();
  EXPECT_NE(result.status().message().find("第 4 行"), std::string::npos)
      << result.status().message();
  EXPECT_EQ(CountRows("cases"), 3);
  EXPECT_EQ(CountRows("case_events"), 7);

  // Illegal sequences are reported per line too: an extension of 30 working days and an
  // event after the case closed.
  std::string illegal =
      R"({"case":"2024-020","type":"received","date":"2024-05-06","applicant_kind":"natural_person","channel":"internet"}
{"case":"2024-020","type":"extension_approved","date":"2024-05-20","working_days":30}
{"case":"2024-021","type":"received","date":"2024-05-06","applicant_kind":"natural_person","channel":"internet"}
{"case":"2024-021","type":"withdrawn","date":"2024-05-07"}
{"case":"2024-021","type":"answered","date":"2024-05-08","outcome":"granted"}
)";
  result = reg_.Import(illegal, {});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("第 2 行"), std::string::npos)
      << result.status().message();
  EXPECT_NE(result.status().message().find("第 5 行"), std::string::npos)
      << result.status().message();
  EXPECT_EQ(CountRows("cases"), 3);
}

TEST_P(CaseStoreTest, AFailedImportIntoAnEmptyDatabaseCreatesNoAgency) {
  auto result =
      reg_.Import(R"({"case":"2024-001","type":"answered","date":"2024-05-06","outcome":"granted"})"
                  "\n",
                  {});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("第 1 行"), std::string::npos)
      << result.status().message();
  EXPECT_EQ(CountRows("agencies"), 0);
}

TEST_P(CaseStoreTest, ReimportingTheSameCasesIsAConflict) {
  ImportRegister();
  auto again = reg_.Import(kRegister, {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Status::Code::kConflict);
  EXPECT_NE(again.status().message().find("2024-003"), std::string::npos);
  EXPECT_EQ(CountRows("case_events"), 7);
}

TEST_P(CaseStoreTest, IllegalStepsAreRefusedWithTheReason) {
  int64_t agency = ImportRegister();
  Event late_answer;
  late_answer.case_number = "2024-001";
  late_answer.type = EventType::kAnswered;
  late_answer.date = {std::chrono::year(2024), std::chrono::April, std::chrono::day(1)};
  late_answer.outcome = Outcome::kPartial;
  Status s = reg_.AppendEvent(agency, late_answer, "clerk");
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("2024-001"), std::string::npos) << s.message();

  Event unknown_case = late_answer;
  unknown_case.case_number = "2099-999";
  EXPECT_EQ(reg_.AppendEvent(agency, unknown_case, "clerk").code(), Status::Code::kNotFound);

  // A legal step on the open case is stored, chained and reflected in the cache.
  Event answer;
  answer.case_number = "2024-003";
  answer.type = EventType::kAnswered;
  answer.date = {std::chrono::year(2025), std::chrono::January, std::chrono::day(8)};
  answer.outcome = Outcome::kGranted;
  s = reg_.AppendEvent(agency, answer, "clerk");
  ASSERT_TRUE(s.ok()) << s.message();
  auto detail = reg_.Get(agency, "2024-003");
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  EXPECT_EQ(detail->summary.status, CaseStatus::kAnswered);
  EXPECT_EQ(detail->summary.outcome, Outcome::kGranted);
  ASSERT_EQ(detail->events.size(), 2u);
  EXPECT_EQ(detail->events[1].actor, "clerk");
  EXPECT_EQ(detail->events[1].recorded_at, "2025-01-10T01:00:00Z");
  auto audit = VerifyAuditChain(db(), std::nullopt);
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->broken.empty());
  EXPECT_EQ(audit->events, 8);
}

TEST_P(CaseStoreTest, HashChainNamesTheEditedEvent) {
  ImportRegister();
  Exec(
      "UPDATE case_events SET payload = replace(payload, 'not_held', 'granted') "
      "WHERE seq = 4");
  auto audit = VerifyAuditChain(db(), std::nullopt);
  ASSERT_TRUE(audit.ok()) << audit.status().message();
  EXPECT_EQ(audit->cases, 3);
  ASSERT_EQ(audit->broken.size(), 1u);
  EXPECT_EQ(audit->broken[0].case_number, "2024-002");
  EXPECT_EQ(audit->broken[0].seq, 4);
  EXPECT_NE(audit->broken[0].reason.find("内容"), std::string::npos);

  // Deleting an event is found too, at the gap.
  Exec("DELETE FROM case_events WHERE seq = 1 AND payload LIKE '%2024-001%'");
  audit = VerifyAuditChain(db(), std::nullopt);
  ASSERT_EQ(audit->broken.size(), 2u);
  EXPECT_EQ(audit->broken[0].case_number, "2024-001");
  EXPECT_EQ(audit->broken[0].seq, 2);
}

TEST_P(CaseStoreTest, ListsMaskPersonalDataAndFilter) {
  int64_t agency = ImportRegister();
  auto all = reg_.List(agency, {});
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].number, "2024-003") << "newest receipt first";
  EXPECT_EQ((*all)[0].applicant_display, "李*");
  EXPECT_EQ((*all)[2].applicant_display, "张**");
  EXPECT_EQ((*all)[1].applicant_display, "某某科技有限公司") << "an organisation is not masked";
  for (const CaseSummary& c : *all) {
    EXPECT_EQ(c.applicant_display.find("张三丰"), std::string::npos);
  }

  // 2024-003: received Friday 2024-12-20 (day 0); working days after it, counted by hand on
  // the 2024/2025 notices (2025-01-01 元旦 is a rest day): Dec 23–27 (5), Dec 30–31 (7),
  // Jan 2–3 (9), Jan 6–10 (14), Jan 13–17 (19), Jan 20 (20) → due 2025-01-20. On 2025-01-10,
  // Jan 13–17 and Jan 20 are left: 6.
  const CaseSummary& open = (*all)[0];
  EXPECT_EQ(open.due, (Date{std::chrono::year(2025), std::chrono::January, std::chrono::day(20)}));
  EXPECT_FALSE(open.closed.has_value());
  EXPECT_FALSE(open.overdue);
  EXPECT_EQ(open.days_left, 6);

  CaseFilter filter;
  filter.status = CaseStatus::kAnswered;
  EXPECT_EQ(reg_.List(agency, filter)->size(), 2u);
  filter = {};
  filter.applicant_kind = ApplicantKind::kCommercial;
  ASSERT_EQ(reg_.List(agency, filter)->size(), 1u);
  filter = {};
  filter.channel = Channel::kInPerson;
  EXPECT_EQ(reg_.List(agency, filter)->size(), 1u);
  filter = {};
  filter.year = 2025;
  EXPECT_EQ(reg_.List(agency, filter)->size(), 0u);
  filter = {};
  filter.due_within_working_days = 6;
  EXPECT_EQ(reg_.List(agency, filter)->size(), 1u);
  filter.due_within_working_days = 5;
  EXPECT_EQ(reg_.List(agency, filter)->size(), 0u);

  auto counts = reg_.Count(agency, {});
  ASSERT_TRUE(counts.ok()) << counts.status().message();
  EXPECT_EQ(counts->total, 3);
  EXPECT_EQ(counts->open, 1);
  EXPECT_EQ(counts->overdue, 0);

  // Full personal data only through Get.
  auto detail = reg_.Get(agency, "2024-001");
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->applicant.name, "张三丰");
  EXPECT_EQ(detail->applicant.id_number, "110101199003074512");
  EXPECT_EQ(detail->applicant.phone, "13812345678");
}

TEST_P(CaseStoreTest, OverdueIsJudgedAgainstTodayNotTheCache) {
  int64_t agency = ImportRegister();
  db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 3 / 3) + 1h; });
  CaseFilter filter;
  filter.overdue = true;
  auto overdue = reg_.List(agency, filter);
  ASSERT_TRUE(overdue.ok()) << overdue.status().message();
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ((*overdue)[0].number, "2024-003");
  EXPECT_TRUE((*overdue)[0].overdue);
  // Due 2025-01-20; by 2025-03-03 the working days after it are Jan 21–24 (4), Jan 26 make-up
  // (5), Jan 27 (6), Feb 5–7 (9), Feb 8 make-up (10), Feb 10–28 (25), Mar 3 (26).
  EXPECT_EQ((*overdue)[0].days_left, -26);
  EXPECT_EQ(reg_.Count(agency, {})->overdue, 1);
}

TEST_P(CaseStoreTest, RegisteredCasesAreTrackedByNumberAndQueryCode) {
  auto agency = AddAgency(db(), Agency{0, {}, "某县教育局", AgencyKind::kDepartment, "", "{}"});
  ASSERT_TRUE(agency.ok());
  Event received;
  received.type = EventType::kReceived;
  received.date = {std::chrono::year(2025), std::chrono::January, std::chrono::day(6)};
  received.applicant_kind = ApplicantKind::kNaturalPerson;
  received.channel = Channel::kInternet;
  Applicant applicant{"王小明", "resident_id", "110101199003074512", "13900000000", "", ""};
  auto created = reg_.RegisterCase(*agency, received, applicant, "电子邮件", "clerk");
  ASSERT_TRUE(created.ok()) << created.status().message();
  EXPECT_EQ(created->number, "2025-000001");
  EXPECT_EQ(created->query_code.size(), 12u);
  auto second = reg_.RegisterCase(*agency, received, applicant, "", "clerk");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->number, "2025-000002");

  auto view = reg_.Track(*agency, created->number, created->query_code);
  ASSERT_TRUE(view.ok()) << view.status().message();
  EXPECT_EQ(view->summary.applicant_display, "王**");
  ASSERT_EQ(view->steps.size(), 1u);
  EXPECT_EQ(view->steps[0].first, EventType::kReceived);
  // As a citizen may type them: spaces, lower case, full-width digits, the code in groups.
  std::string typed_code = created->query_code;
  for (char& c : typed_code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  typed_code = " " + typed_code.substr(0, 4) + "-" + typed_code.substr(4, 4) + " " +
               typed_code.substr(8) + " ";
  auto typed = reg_.Track(*agency, "２０２５－０００００１ ", typed_code);
  ASSERT_TRUE(typed.ok()) << typed.status().message();
  EXPECT_EQ(typed->summary.number, "2025-000001");
  auto wrong_code = reg_.Track(*agency, created->number, second->query_code);
  auto wrong_number = reg_.Track(*agency, "2025-999999", created->query_code);
  EXPECT_EQ(wrong_code.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(wrong_code.status().message(), wrong_number.status().message());
}

TEST_P(CaseStoreTest, RecomputeRebuildsTheCache) {
  int64_t agency = ImportRegister();
  Exec("UPDATE cases SET status = 'withdrawn', due_date = NULL");
  auto n = reg_.Recompute(
      std::nullopt, Date{std::chrono::year(2025), std::chrono::January, std::chrono::day(10)});
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 3);
  auto open = reg_.Get(agency, "2024-003");
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->summary.status, CaseStatus::kInProgress);
  EXPECT_TRUE(open->summary.due.has_value());
  EXPECT_EQ(reg_.Get(agency, "2024-002")->summary.outcome, Outcome::kUnavailableNotHeld);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
