#include "store/applicant_records.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>

#include "cases/events_jsonl.h"
#include "store/audit.h"
#include "store/audit_key.h"
#include "store/case_store.h"
#include "store/duplicates.h"
#include "store/ledger.h"
#include "store/migrations.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

// Two cases of one applicant asking the same thing (so the second is flagged as a likely
// duplicate of the first), and an organisation's case. 2024-03-04 is a Monday.
constexpr std::string_view kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"欧阳修文","channel":"internet","applicant_id_number":"110101199003074512","applicant_phone":"13812345678","applicant_address":"某市某区梧桐路88号"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
{"case":"2024-002","type":"received","date":"2024-03-06","applicant_kind":"natural_person","applicant_name":"欧阳修文","channel":"internet","applicant_id_number":"110101199003074512","applicant_phone":"13812345678","applicant_address":"某市某区梧桐路88号"}
{"case":"2024-003","type":"received","date":"2024-03-05","applicant_kind":"commercial","applicant_name":"某某科技有限公司","channel":"post_signed","arrived":"2024-03-04"}
)";

class ApplicantRecordsTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    // 2025-01-10 09:00 in Shanghai.
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h; });
    db().SetAuditKey(key_);
    auto imported = reg_.Import(kRegister, {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
  }

  // case number → the hashes of its events, in order.
  std::vector<std::string> Hashes(const std::string& number) {
    auto detail = reg_.Get(agency_, number);
    EXPECT_TRUE(detail.ok()) << detail.status().message();
    std::vector<std::string> out;
    if (detail.ok()) {
      for (const StoredEvent& e : detail->events) out.push_back(e.hash);
    }
    return out;
  }

  std::string ReceivedPayload(const std::string& number) {
    std::string payload;
    db().impl().sql << "SELECT e.payload FROM case_events e JOIN cases c ON c.agency_id = "
                       "e.agency_id AND c.id = e.case_id WHERE c.number = :n AND e.seq = 1",
        soci::use(number), soci::into(payload);
    return payload;
  }

  std::string Problems() {
    LedgerVerifyOptions options;
    options.key = key_.get();
    auto report = VerifyLedger(db(), calendars_, options);
    if (!report.ok()) return "verify failed: " + report.status().message();
    std::string out;
    for (const AuditProblem& p : report->problems)
      out += p.table + " | " + p.row + " | " + p.what + "\n";
    return out;
  }

  // Every byte SQLite keeps on disk for the database: the file and its write-ahead log.
  std::string FileBytes() {
    std::string out;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(path_ + suffix, std::ios::binary);
      out.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }

  std::shared_ptr<const AuditKey> key_ = std::make_shared<const AuditKey>(AuditKey::Generate());
  Calendars calendars_;
  CaseRegister reg_{db(), calendars_};
  ApplicantRecords records_{db()};
  int64_t agency_ = 0;
};

TEST_P(ApplicantRecordsTest, ImportSplitsPersonalDataOutOfTheEventAndExportJoinsItBack) {
  std::string payload = ReceivedPayload("2024-001");
  for (const char* personal :
       {"applicant_name", "欧阳修文", "110101199003074512", "13812345678", "梧桐路"}) {
    EXPECT_EQ(payload.find(personal), std::string::npos) << personal << " in " << payload;
  }
  auto event = ParseEventLine(payload, 1);
  ASSERT_TRUE(event.ok()) << event.status().message();
  auto record = records_.Get(agency_, "2024-001");
  ASSERT_TRUE(record.ok()) << record.status().message();
  EXPECT_EQ(ApplicantRef(*event), record->ref);
  EXPECT_EQ(record->ref.size(), 32u);
  EXPECT_EQ(record->applicant, (Applicant{"欧阳修文", "", "110101199003074512", "13812345678", "",
                                          "某市某区梧桐路88号"}));
  ASSERT_EQ(record->acts.size(), 1u);
  EXPECT_EQ(record->acts[0].kind, ApplicantActKind::kRecorded);
  auto detail = reg_.Get(agency_, "2024-001");
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->applicant.phone, "13812345678");
  EXPECT_EQ(detail->summary.applicant_display, "欧***");
  auto exported = reg_.Export(agency_);
  ASSERT_TRUE(exported.ok()) << exported.status().message();
  EXPECT_EQ(*exported, kRegister);
  EXPECT_EQ(Problems(), "");
}

TEST_P(ApplicantRecordsTest, ImportRefusesPersonalDataOutsideTheReceivedLineAndAGivenRef) {
  auto result = reg_.Import(
      R"({"case":"2024-010","type":"received","date":"2024-05-06","applicant_kind":"natural_person","channel":"internet","applicant_ref":"00"}
{"case":"2024-010","type":"answered","date":"2024-05-08","outcome":"granted","applicant_phone":"13800000000"}
)",
      {agency_});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(result.status().message().find("第 1 行：applicant_ref"), std::string::npos)
      << result.status().message();
  EXPECT_NE(result.status().message().find("第 2 行：申请人信息 applicant_phone"),
            std::string::npos)
      << result.status().message();
}

TEST_P(ApplicantRecordsTest, CorrectionLeavesTheEventChainAndVerifiesClean) {
  std::vector<std::string> before = Hashes("2024-001");
  std::string payload = ReceivedPayload("2024-001");
  Status s = records_.Correct(agency_, "2024-001", ApplicantField::kName, "欧阳修武",
                              "申请人持身份证更正姓名", "clerk1");
  ASSERT_TRUE(s.ok()) << s.message();
  s = records_.Correct(agency_, "2024-001", ApplicantField::kPhone, "13900001111", "号码变更",
                       "clerk1");
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Hashes("2024-001"), before);
  EXPECT_EQ(ReceivedPayload("2024-001"), payload);
  auto record = records_.Get(agency_, "2024-001");
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->version, 3);
  EXPECT_EQ(record->applicant.name, "欧阳修武");
  EXPECT_EQ(record->applicant.phone, "13900001111");
  ASSERT_EQ(record->acts.size(), 3u);
  EXPECT_EQ(record->acts[1].kind, ApplicantActKind::kCorrected);
  EXPECT_EQ(record->acts[1].field, ApplicantField::kName);
  EXPECT_EQ(record->acts[1].previous, "欧阳修文");
  EXPECT_EQ(record->acts[1].reason, "申请人持身份证更正姓名");
  EXPECT_EQ(record->acts[1].actor, "clerk1");
  EXPECT_EQ(record->acts[1].recorded_at, "2025-01-10T01:00:00Z");
  EXPECT_EQ(record->acts[2].previous, "13812345678");
  auto detail = reg_.Get(agency_, "2024-001");
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->applicant.name, "欧阳修武") << "notices and the case page read the record";
  EXPECT_EQ(detail->summary.applicant_display, "欧***");
  EXPECT_EQ(Problems(), "");
  // The export carries the corrected data in place of the reference.
  auto exported = reg_.Export(agency_);
  ASSERT_TRUE(exported.ok());
  EXPECT_NE(exported->find("\"applicant_name\":\"欧阳修武\""), std::string::npos) << *exported;
  EXPECT_NE(exported->find("\"applicant_phone\":\"13900001111\""), std::string::npos);
}

TEST_P(ApplicantRecordsTest, CorrectionsThatMustBeRefused) {
  struct Bad {
    ApplicantField field;
    std::string value, reason;
    Status::Code code;
  };
  const Bad bad[] = {
      {ApplicantField::kPhone, "13900001111", "", Status::Code::kInvalidInput},
      {ApplicantField::kName, "", "更正", Status::Code::kInvalidInput},
      {ApplicantField::kPhone, "13812345678", "更正", Status::Code::kInvalidInput},  // unchanged
      {ApplicantField::kAddress, "\xff\xfe", "更正", Status::Code::kInvalidInput},
      {ApplicantField::kAddress, std::string(kMaxApplicantFieldBytes + 1, 'a'), "更正",
       Status::Code::kInvalidInput},
  };
  for (const Bad& b : bad) {
    Status s = records_.Correct(agency_, "2024-001", b.field, b.value, b.reason, "clerk1");
    EXPECT_EQ(s.code(), b.code) << b.value << " / " << b.reason << ": " << s.message();
  }
  EXPECT_EQ(
      records_.Correct(agency_, "2099-999", ApplicantField::kPhone, "1", "更正", "clerk1").code(),
      Status::Code::kNotFound);
}

TEST_P(ApplicantRecordsTest, RawEditOfARecordIsNamedByVerify) {
  db().impl().sql << "UPDATE applicant_records SET address = '伪造地址' WHERE case_id = (SELECT "
                     "id FROM cases WHERE number = '2024-002')";
  std::string problems = Problems();
  EXPECT_NE(problems.find("applicant_records | 2024-002 | 内容与登记的摘要不符"), std::string::npos)
      << problems;
}

TEST_P(ApplicantRecordsTest, ErasureRemovesTheDataButKeepsTheCaseItsEventsAndTheFact) {
  // A corrected value is kept in the history until the erasure.
  ASSERT_TRUE(
      records_
          .Correct(agency_, "2024-001", ApplicantField::kPhone, "13900001111", "号码变更", "clerk1")
          .ok());
  std::vector<std::string> hashes = Hashes("2024-001");
  Status s =
      records_.Erase(agency_, "2024-001", "申请人依个人信息保护法第四十七条要求删除", "head1");
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Hashes("2024-001"), hashes);
  auto record = records_.Get(agency_, "2024-001");
  ASSERT_TRUE(record.ok());
  EXPECT_TRUE(record->erased);
  EXPECT_EQ(record->applicant, Applicant{});
  ASSERT_EQ(record->acts.size(), 3u);
  EXPECT_EQ(record->acts[1].previous, "") << "the history keeps no erased value";
  EXPECT_EQ(record->acts[2].kind, ApplicantActKind::kErased);
  EXPECT_EQ(record->acts[2].actor, "head1");
  EXPECT_EQ(record->acts[2].reason, "申请人依个人信息保护法第四十七条要求删除");
  EXPECT_EQ(record->acts[2].recorded_at, "2025-01-10T01:00:00Z");
  auto detail = reg_.Get(agency_, "2024-001");
  ASSERT_TRUE(detail.ok());
  EXPECT_TRUE(detail->applicant_erased);
  EXPECT_EQ(detail->summary.applicant_display, "（已删除）");
  EXPECT_EQ(detail->events.size(), 2u);
  ASSERT_TRUE(detail->summary.outcome.has_value());
  EXPECT_EQ(*detail->summary.outcome, Outcome::kGranted) << "the report cell stays";
  auto year = reg_.CasesForYear(agency_, 2024);
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->size(), 3u) << "the case still counts in the 2024 report";
  EXPECT_EQ(Problems(), "");
  // 2024-002 had the same applicant: it is no longer matched to the erased one.
  auto duplicates = FindLikelyDuplicates(db(), agency_, "2024-002");
  ASSERT_TRUE(duplicates.ok());
  EXPECT_TRUE(duplicates->empty());
  // Erased once; no correction after.
  EXPECT_EQ(records_.Erase(agency_, "2024-001", "再次", "head1").code(), Status::Code::kConflict);
  EXPECT_EQ(
      records_.Correct(agency_, "2024-001", ApplicantField::kName, "某", "更正", "clerk1").code(),
      Status::Code::kConflict);
  EXPECT_EQ(records_.Erase(agency_, "2024-002", "", "head1").code(), Status::Code::kInvalidInput);
}

// The bytes test is SQLite's: PostgreSQL keeps old row versions until VACUUM (README).
TEST_P(ApplicantRecordsTest, ErasedDataIsGoneFromTheDatabaseFile) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite file bytes only";
  ASSERT_TRUE(
      records_
          .Correct(agency_, "2024-003", ApplicantField::kPhone, "02187654321", "补充电话", "clerk1")
          .ok());
  std::string before = FileBytes();
  ASSERT_NE(before.find("02187654321"), std::string::npos) << "the test reads the right file";
  ASSERT_NE(before.find("某某科技有限公司"), std::string::npos);
  ASSERT_TRUE(records_.Erase(agency_, "2024-003", "依法删除", "head1").ok());
  ASSERT_TRUE(records_.Erase(agency_, "2024-001", "依法删除", "head1").ok());
  ASSERT_TRUE(records_.Erase(agency_, "2024-002", "依法删除", "head1").ok());
  std::string after = FileBytes();
  for (const char* personal : {"02187654321", "某某科技有限公司", "欧阳修文", "110101199003074512",
                               "13812345678", "梧桐路"}) {
    EXPECT_EQ(after.find(personal), std::string::npos) << personal << " is still in the file";
  }
  EXPECT_NE(after.find("依法删除"), std::string::npos) << "the erasure itself is recorded";
}

// The bug this change fixes: personal data sat inside the hashed event payloads, so it could not
// be corrected or erased without breaking the chain. Migration 11 moves it out of a version-10
// register; afterwards the chain verifies, and `audit seal` registers what the ledger lacks.
class ApplicantMigrationTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h; });
    // Back to an empty database, then the schema of version 10.
    if (GetParam() == "sqlite") {
      db_.reset();
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
      auto opened = Database::Open(url_);
      ASSERT_TRUE(opened.ok());
      db_.emplace(std::move(opened).value());
      db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h; });
    } else {
      Exec("DROP SCHEMA public CASCADE");
      Exec("CREATE SCHEMA public");
    }
    Exec(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (const Migration& m : Migrations()) {
      if (m.version > 10) break;
      for (auto statement : m.statements) {
        std::string text = ForDialect(statement, db().dialect());
        if (!text.empty()) Exec(text);
      }
      Exec("INSERT INTO schema_version VALUES (" + std::to_string(m.version) + ", 'v', 'now')");
    }
    // A version-10 register as the old store wrote it: personal data in the cases row and in the
    // received payload (the phone only in the row, as the web's registration stored it).
    Exec(
        "INSERT INTO agencies (id, name, kind, created_at) VALUES (1, '本机关', 'department', "
        "'2024-01-01T00:00:00Z')");
    Exec(
        "INSERT INTO audit_heads (agency_id, entries, sealed, mac, legacy) VALUES (1, 0, 0, '', "
        "1)");
    Exec(
        "INSERT INTO cases (agency_id, id, number, applicant_kind, applicant_name, "
        "applicant_id_number, applicant_phone, applicant_address, applicant_display, channel, "
        "arrived_date, received_date, last_event_date, status, closed_date, outcome, "
        "state_as_of) VALUES (1, 1, '2024-001', 'natural_person', '欧阳修文', "
        "'110101199003074512', '13812345678', '某市某区梧桐路88号', '欧**', 'internet', "
        "'2024-03-04', '2024-03-04', '2024-03-15', 'answered', '2024-03-15', 'granted', "
        "'2025-01-10')");
    std::string prev;
    int seq = 0;
    for (const std::string& payload : {std::string(kOldReceived), std::string(kOldAnswered)}) {
      std::string hash = EventHash(prev, payload);
      db().impl().sql << "INSERT INTO case_events (agency_id, case_id, seq, type, event_date, "
                         "payload, actor, recorded_at, prev_hash, hash) VALUES (1, 1, :s, 't', "
                         "'2024-03-04', :p, 'clerk1', '2024-03-04T01:00:00Z', :ph, :h)",
          soci::use(++seq), soci::use(payload), soci::use(prev), soci::use(hash);
      prev = hash;
    }
  }

  static constexpr std::string_view kOldReceived =
      R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"欧阳修文","channel":"internet","applicant_id_number":"110101199003074512","applicant_address":"某市某区梧桐路88号"})";
  static constexpr std::string_view kOldAnswered =
      R"({"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"})";

  Calendars calendars_;
  AuditKey key_ = AuditKey::Generate();
};

TEST_P(ApplicantMigrationTest, MovesPersonalDataOutAndVerifiesCleanAfterSeal) {
  auto applied = db().Migrate();
  ASSERT_TRUE(applied.ok()) << applied.status().message();
  std::vector<int> after_10;  // 11, the applicants' records, and every later one
  for (const Migration& m : Migrations()) {
    if (m.version > 10) after_10.push_back(m.version);
  }
  EXPECT_EQ(*applied, after_10);
  std::string payload;
  db().impl().sql << "SELECT payload FROM case_events WHERE seq = 1", soci::into(payload);
  for (const char* personal : {"applicant_name", "欧阳修文", "110101199003074512", "梧桐路"}) {
    EXPECT_EQ(payload.find(personal), std::string::npos) << personal << " in " << payload;
  }
  auto chain = VerifyAuditChain(db(), 1);
  ASSERT_TRUE(chain.ok());
  EXPECT_TRUE(chain->broken.empty()) << "the chain was recomputed over the new payloads";
  auto record = ApplicantRecords(db()).Get(1, "2024-001");
  ASSERT_TRUE(record.ok()) << record.status().message();
  EXPECT_EQ(record->applicant, (Applicant{"欧阳修文", "", "110101199003074512", "13812345678", "",
                                          "某市某区梧桐路88号"}))
      << "the row's phone and the payload's fields together";
  auto event = ParseEventLine(payload, 1);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(ApplicantRef(*event), record->ref);
  // The export gives the old line back, the phone the row held added.
  auto exported = CaseRegister(db(), calendars_).Export(1);
  ASSERT_TRUE(exported.ok()) << exported.status().message();
  EXPECT_EQ(
      exported->substr(0, exported->find('\n')),
      R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"欧阳修文","channel":"internet","applicant_id_number":"110101199003074512","applicant_phone":"13812345678","applicant_address":"某市某区梧桐路88号"})");

  // The documented step: `audit seal` (the agency row predates the ledger), then verify is clean.
  auto sealed = SealLedger(db(), calendars_, key_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().message();
  LedgerVerifyOptions options;
  options.key = &key_;
  auto report = VerifyLedger(db(), calendars_, options);
  ASSERT_TRUE(report.ok());
  std::string problems;
  for (const AuditProblem& p : report->problems) problems += p.table + " " + p.row + " " + p.what;
  EXPECT_EQ(problems, "");
  if (GetParam() == "sqlite") {
    db_.reset();  // closes the connection, checkpointing the log
    std::ifstream in(path_, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(bytes.find("13812345678"), std::string::npos) << "kept, in the record";
  }
}

TEST_P(ApplicantMigrationTest, RefusesToRechainATamperedCase) {
  Exec("UPDATE case_events SET payload = REPLACE(payload, 'granted', 'partial') WHERE seq = 2");
  auto applied = db().Migrate();
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.status().code(), Status::Code::kConflict);
  EXPECT_NE(applied.status().message().find("案件 2024-001（机关 1）第 2 个事件"),
            std::string::npos)
      << applied.status().message();
  auto version = db().SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 10) << "nothing was rewritten";
}

TEST_P(ApplicantMigrationTest, RefusesARowThatNoLongerMatchesItsLedgerEntry) {
  // A sealed register: the ledger holds the cases row, whose content then changed unseen.
  Exec("UPDATE audit_heads SET entries = 1, legacy = 0 WHERE agency_id = 1");
  Exec(
      "INSERT INTO audit_ledger (agency_id, seq, table_name, row_key, digest, recorded_at) "
      "VALUES (1, 1, 'cases', '2024-001', 'digest of the row as the store wrote it', "
      "'2024-03-04T01:00:00Z')");
  auto applied = db().Migrate();
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(
      applied.status().message().find("cases 2024-001（机关 1）：内容与审计台账登记的摘要不符"),
      std::string::npos)
      << applied.status().message();
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicantRecordsTest, ::testing::ValuesIn(TestBackends()));
INSTANTIATE_TEST_SUITE_P(Backends, ApplicantMigrationTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
