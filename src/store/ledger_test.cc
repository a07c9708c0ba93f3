#include "store/ledger.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "store/agencies.h"
#include "store/audit.h"
#include "store/case_store.h"
#include "store/guides.h"
#include "store/ledger_rows.h"
#include "store/migrations.h"
#include "store/proposals.h"
#include "store/publications.h"
#include "store/records.h"
#include "store/report_files.h"
#include "store/report_store.h"
#include "store/test_database.h"
#include "store/users.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

Date Day(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
}

// Three cases; 2024-003 is still open (received Friday 2024-12-20). Checked by hand against
// data/calendar/national/2024.cal as in case_store_test.cc.
constexpr std::string_view kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
{"case":"2024-002","type":"received","date":"2024-03-05","applicant_kind":"commercial","applicant_name":"某某科技有限公司","channel":"post_signed","arrived":"2024-03-04"}
{"case":"2024-002","type":"correction_requested","date":"2024-03-07","deadline":"2024-03-21"}
{"case":"2024-002","type":"correction_received","date":"2024-03-12"}
{"case":"2024-002","type":"answered","date":"2024-04-01","outcome":"unavailable.not_held"}
{"case":"2024-003","type":"received","date":"2024-12-20","applicant_kind":"natural_person","applicant_name":"李四","channel":"in_person"}
)";

// A register with at least two rows in every covered table, written through the store with the
// audit key set, as a deployment would.
class LedgerTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    // 2025-01-10 09:00 in Shanghai.
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h; });
    db().SetAuditKey(key_);
    auto imported = CaseRegister(db(), calendars_).Import(kRegister, {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
    Agency other;
    other.name = "某市某局";
    other.kind = AgencyKind::kDepartment;
    other.parent_id = agency_;
    ASSERT_TRUE(AddAgency(db(), other).ok());
    auto head = AddUser(db(), agency_, "head1", Role::kHead, "head-password");
    ASSERT_TRUE(head.ok()) << head.status().message();
    head_ = *head;
    ASSERT_TRUE(AddUser(db(), agency_, "clerk1", Role::kClerk, "clerk-password").ok());
    for (const char* number : {"某政发〔2024〕1号", "某政发〔2024〕2号"}) {
      StoredDocument doc;
      doc.number = number;
      doc.title = "关于某事项的通知";
      doc.issued = Day(2024, 2, 1);
      Status s = AddDocument(db(), agency_, doc);
      ASSERT_TRUE(s.ok()) << s.message();
    }
    for (int year : {2023, 2024}) {
      ASSERT_TRUE(SetYearCounts(db(), agency_, year, {3, 1, 0, 12000}).ok());
    }
    auto draft = SaveDraft(db(), calendars_, agency_, 2023, head_);
    ASSERT_TRUE(draft.ok()) << draft.status().message();
    draft = SaveDraft(db(), calendars_, agency_, 2024, head_);
    ASSERT_TRUE(draft.ok()) << draft.status().message();
    for (int section : {1, 2}) {
      Status s = SetNarrative(db(), agency_, 2024, section, "本年度概述", head_);
      ASSERT_TRUE(s.ok()) << s.message();
    }
    // The publications register beside the two documents above (items #1 and #2): item #3
    // published, given an attachment and withdrawn (its events 3, 4 and 5), the numbering rule,
    // the disclosure guide, the stored files of a report, and a disabled user.
    ASSERT_TRUE(SetPublicationNumbering(db(), agency_, {}).ok());
    Publication item;
    item.title = "关于某项目的公示";
    item.publisher = "某市人民政府办公室";
    item.summary = "某项目的公示";
    item.kind = PublicationKind::kOther;
    item.category = "art20.2";
    item.created = Day(2025, 1, 6);
    item.published = Day(2025, 1, 7);
    auto created = CreatePublication(db(), agency_, item, "clerk1");
    ASSERT_TRUE(created.ok()) << created.status().message();
    ASSERT_EQ(*created, 3);
    Attachment attachment;
    attachment.meta.name = "公示.txt";
    attachment.meta.media_type = "text/plain";
    attachment.bytes = "公示内容";
    auto attached = AddAttachment(db(), agency_, 3, attachment, "clerk1");
    ASSERT_TRUE(attached.ok()) << attached.status().message();
    ASSERT_TRUE(WithdrawPublication(db(), agency_, 3, "公示期满", "clerk1").ok());
    DisclosureGuide guide;
    guide.classification = "按条例第二十条分类";
    guide.arrangement = "按主题和日期编排";
    guide.access_methods = "网站查阅；依申请公开";
    guide.office_name = "某市人民政府办公室";
    guide.office_address = "某市人民路1号";
    guide.office_hours = "工作日 9:00—17:30";
    guide.phone = "010-12345678";
    guide.fax = "010-12345679";
    guide.web_contact = "https://www.example.gov.cn/xxgk";
    auto saved = SaveGuide(db(), agency_, guide, "clerk1");
    ASSERT_TRUE(saved.ok()) << saved.status().message();
    auto shown = PublishGuide(db(), agency_, 1, "head1");
    ASSERT_TRUE(shown.ok()) << shown.status().message();
    ASSERT_TRUE(PutReportFiles(db(), agency_, 2023, 1,
                               {{"page", "<h2>一、总体情况</h2>", "", ""},
                                {"json", "{\"year\":2023}", "", ""}})
                    .ok());
    ASSERT_TRUE(AddUser(db(), agency_, "former", Role::kClerk, "former-password").ok());
    ASSERT_TRUE(SetUserEnabled(db(), "former", false).ok());
    ProposalStore proposals(db(), calendars_);
    for (const char* reason : {"信息已制作", "第二次提议"}) {
      Proposal p;
      p.agency_id = agency_;
      p.case_number = p.event.case_number = "2024-003";
      p.event.type = EventType::kAnswered;
      p.event.date = Day(2025, 1, 8);
      p.event.outcome = Outcome::kGranted;
      p.proposed_by = "clerk1";
      p.reason = reason;
      auto id = proposals.Propose(p);
      ASSERT_TRUE(id.ok()) << id.status().message();
    }
  }

  void TearDown() override {
    if (!checkpoints_.empty()) std::filesystem::remove(checkpoints_);
    DatabaseTest::TearDown();
  }

  Result<LedgerReport> Verify(const AuditKey* key, bool with_file = false) {
    LedgerVerifyOptions options;
    options.key = key;
    if (with_file) options.checkpoints = Checkpoints();
    return VerifyLedger(db(), calendars_, options);
  }

  const std::string& Checkpoints() {
    if (checkpoints_.empty()) checkpoints_ = TempPath("gongkai-checkpoints") + ".log";
    return checkpoints_;
  }

  // What an attacker who knows the unkeyed scheme does after editing events: recompute every
  // prev_hash and hash of the case so that the unkeyed chain holds again.
  void Rechain(const std::string& number) {
    auto& sql = db().impl().sql;
    long long case_id = 0;
    sql << "SELECT id FROM cases WHERE agency_id = :a AND number = :n", soci::use(agency_),
        soci::use(number), soci::into(case_id);
    std::vector<std::pair<int, std::string>> events;
    {
      int seq = 0;
      std::string payload;
      soci::statement st =
          (sql.prepare << "SELECT seq, payload FROM case_events WHERE agency_id "
                          "= :a AND case_id = :c ORDER BY seq",
           soci::use(agency_), soci::use(case_id), soci::into(seq), soci::into(payload));
      st.execute();
      while (st.fetch()) events.emplace_back(seq, payload);
    }
    std::string prev;
    for (auto& [seq, payload] : events) {
      std::string hash = EventHash(prev, payload);
      sql << "UPDATE case_events SET prev_hash = :p, hash = :h WHERE agency_id = :a AND case_id "
             "= :c AND seq = :s",
          soci::use(prev), soci::use(hash), soci::use(agency_), soci::use(case_id), soci::use(seq);
      prev = hash;
    }
  }

  // True when `report` names `table` `row` with a message containing `what`.
  static bool Names(const LedgerReport& report, const std::string& table, const std::string& row,
                    const std::string& what) {
    for (const AuditProblem& p : report.problems) {
      if (p.table == table && p.row == row && p.what.find(what) != std::string::npos) return true;
    }
    return false;
  }

  static std::string List(const LedgerReport& report) {
    std::string out;
    for (const AuditProblem& p : report.problems) {
      out += p.table + " | " + p.row + " | " + p.what + "\n";
    }
    return out;
  }

  std::shared_ptr<const AuditKey> key_ = std::make_shared<const AuditKey>(AuditKey::Generate());
  Calendars calendars_;
  int64_t agency_ = 0;
  User head_;
  std::string checkpoints_;
};

TEST_P(LedgerTest, IntactRegisterVerifiesClean) {
  auto report = Verify(key_.get());
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_TRUE(report->problems.empty()) << List(*report);
  EXPECT_TRUE(report->keyed);
  EXPECT_EQ(report->agencies, 2);
  EXPECT_EQ(report->cases, 3);
  // 2 agencies + 3 users + 3 cases + 7 events + 3 applicant records + 3 of their acts + 6 counts
  // + 2 fees + 2 versions + 12 narratives (each draft holds its six sections) + 2 proposals + 2
  // report files + 1 numbering rule + 3 publications + 1 attachment + 5 publication events + 1
  // guide version.
  EXPECT_EQ(report->rows, 58);
  ASSERT_EQ(report->not_checked.size(), 1u) << "only the missing checkpoint file is noted";
  EXPECT_NE(report->not_checked[0].find("--checkpoints"), std::string::npos);
}

TEST_P(LedgerTest, WithoutAKeySaysWhatItCouldNotCheck) {
  auto report = Verify(nullptr);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_TRUE(report->problems.empty()) << List(*report);
  EXPECT_FALSE(report->keyed);
  ASSERT_FALSE(report->not_checked.empty());
  EXPECT_NE(report->not_checked[0].find("未配置审计密钥"), std::string::npos);
  EXPECT_NE(report->not_checked[0].find("能重算哈希的人所做的改动"), std::string::npos);
}

// One tampering per row: the SQL an intruder runs, and the row and words verify must name.
struct Tampering {
  std::string name;
  std::vector<std::string> sql;  // {agency} is replaced by the agency id
  std::string table, row, what;
};

std::string WithAgency(std::string text, int64_t agency) {
  for (auto pos = text.find("{agency}"); pos != std::string::npos; pos = text.find("{agency}")) {
    text.replace(pos, 8, std::to_string(agency));
  }
  return text;
}

const char kEdited[] = "内容与登记的摘要不符";
const char kInserted[] = "不在审计台账中";
const char kDeleted[] = "此行已被删除";

std::vector<Tampering> Tamperings() {
  return {
      {"edit agency",
       {"UPDATE agencies SET name = '伪机关' WHERE id = {agency}"},
       "agencies",
       "{agency}",
       kEdited},
      {"insert agency",
       {"INSERT INTO agencies (id, name, kind, region, settings, created_at) VALUES (77, "
        "'影子机关', "
        "'department', '', '{}', '2025-01-01T00:00:00Z')"},
       "agencies",
       "77",
       kInserted},
      {"edit user role",
       {"UPDATE users SET role = 'admin' WHERE name = 'clerk1'"},
       "users",
       "clerk1",
       kEdited},
      {"insert user",
       {"INSERT INTO users (agency_id, name, role, password_hash, created_at) VALUES ({agency}, "
        "'intruder', 'admin', 'x', '2025-01-01T00:00:00Z')"},
       "users",
       "intruder",
       kInserted},
      {"delete user", {"DELETE FROM users WHERE name = 'clerk1'"}, "users", "clerk1", kDeleted},
      {"edit case",
       {"UPDATE cases SET applicant_display = '王*' WHERE number = '2024-001'"},
       "cases",
       "2024-001",
       kEdited},
      {"edit applicant record",
       {"UPDATE applicant_records SET phone = '13900000000' WHERE case_id = (SELECT id FROM "
        "cases WHERE number = '2024-001')"},
       "applicant_records",
       "2024-001",
       kEdited},
      {"insert applicant record",
       {"INSERT INTO cases (agency_id, id, number, applicant_kind, channel, arrived_date, "
        "received_date, last_event_date, status) VALUES ({agency}, 91, '2024-091', "
        "'natural_person', 'internet', '2024-05-06', '2024-05-06', '2024-05-06', 'in_progress')",
        "INSERT INTO applicant_records (agency_id, ref, case_id, version, name) VALUES ({agency}, "
        "'ffff', 91, 1, '冒名')"},
       "applicant_records",
       "2024-091",
       kInserted},
      {"delete applicant record",
       {"DELETE FROM applicant_record_acts WHERE ref = (SELECT ref FROM applicant_records WHERE "
        "case_id = (SELECT id FROM cases WHERE number = '2024-002'))",
        "DELETE FROM applicant_records WHERE case_id = (SELECT id FROM cases WHERE number = "
        "'2024-002')"},
       "applicant_records",
       "2024-002",
       kDeleted},
      {"rewrite an applicant act",
       {"UPDATE applicant_record_acts SET actor = 'someone' WHERE ref = (SELECT ref FROM "
        "applicant_records WHERE case_id = (SELECT id FROM cases WHERE number = '2024-001'))"},
       "applicant_record_acts",
       "2024-001 v1",
       kEdited},
      {"delete an applicant act",
       {"DELETE FROM applicant_record_acts WHERE ref = (SELECT ref FROM applicant_records WHERE "
        "case_id = (SELECT id FROM cases WHERE number = '2024-003'))"},
       "applicant_record_acts",
       "2024-003 v1",
       kDeleted},
      {"insert case",
       {"INSERT INTO cases (agency_id, id, number, applicant_kind, channel, arrived_date, "
        "received_date, last_event_date, status) VALUES ({agency}, 90, '2024-090', "
        "'natural_person', 'internet', '2024-05-06', '2024-05-06', '2024-05-06', 'in_progress')",
        "INSERT INTO case_events (agency_id, case_id, seq, type, event_date, payload, actor, "
        "recorded_at, prev_hash, hash) VALUES ({agency}, 90, 1, 'received', '2024-05-06', "
        "'{\"case\":\"2024-090\",\"type\":\"received\",\"date\":\"2024-05-06\","
        "\"applicant_kind\":\"natural_person\",\"channel\":\"internet\"}', 'x', "
        "'2025-01-01T00:00:00Z', '', '')"},
       "cases",
       "2024-090",
       kInserted},
      {"delete case",
       {"DELETE FROM proposals WHERE case_number = '2024-003'",
        "DELETE FROM case_events WHERE case_id = (SELECT id FROM cases WHERE number = '2024-003')",
        "DELETE FROM applicant_record_acts WHERE ref = (SELECT ref FROM applicant_records WHERE "
        "case_id = (SELECT id FROM cases WHERE number = '2024-003'))",
        "DELETE FROM applicant_records WHERE case_id = (SELECT id FROM cases WHERE number = "
        "'2024-003')",
        "DELETE FROM cases WHERE number = '2024-003'"},
       "cases",
       "2024-003",
       kDeleted},
      {"cached status",
       {"UPDATE cases SET status = 'answered' WHERE number = '2024-003'"},
       "cases",
       "2024-003",
       "缓存状态 answered，由事件重算为 in_progress"},
      {"cached due date",
       {"UPDATE cases SET due_date = '2025-12-31' WHERE number = '2024-003'"},
       "cases",
       "2024-003",
       "缓存答复期限"},
      {"edit event actor",
       {"UPDATE case_events SET actor = 'someone' WHERE seq = 2 AND case_id = "
        "(SELECT id FROM cases WHERE number = '2024-002')"},
       "case_events",
       "2024-002 #2",
       kEdited},
      {"edit event time",
       {"UPDATE case_events SET recorded_at = '2024-01-01T00:00:00Z' WHERE seq = 1 AND case_id = "
        "(SELECT id FROM cases WHERE number = '2024-001')"},
       "case_events",
       "2024-001 #1",
       kEdited},
      {"insert event",
       {"INSERT INTO case_events (agency_id, case_id, seq, type, event_date, payload, actor, "
        "recorded_at, prev_hash, hash) SELECT agency_id, id, 2, 'withdrawn', '2025-01-02', "
        "'{\"case\":\"2024-003\",\"type\":\"withdrawn\",\"date\":\"2025-01-02\"}', 'x', "
        "'2025-01-02T00:00:00Z', '', '' FROM cases WHERE number = '2024-003'"},
       "case_events",
       "2024-003 #2",
       kInserted},
      {"delete a case's last event",
       {"DELETE FROM case_events WHERE seq = 4 AND case_id = (SELECT id FROM cases WHERE number = "
        "'2024-002')"},
       "case_events",
       "2024-002 #4",
       kDeleted},
      {"edit count",
       {"UPDATE decision_counts SET decisions = 99 WHERE year = 2024 AND category = "
        "'licensing'"},
       "decision_counts",
       "2024 licensing",
       kEdited},
      {"insert count",
       {"INSERT INTO decision_counts (agency_id, year, category, decisions) VALUES ({agency}, "
        "2022, "
        "'licensing', 5)"},
       "decision_counts",
       "2022 licensing",
       kInserted},
      {"delete count",
       {"DELETE FROM decision_counts WHERE year = 2023 AND category = 'punishment'"},
       "decision_counts",
       "2023 punishment",
       kDeleted},
      {"edit fees",
       {"UPDATE fees_collected SET amount_fen = 1 WHERE year = 2024"},
       "fees_collected",
       "2024",
       kEdited},
      {"insert fees",
       {"INSERT INTO fees_collected (agency_id, year, amount_fen) VALUES ({agency}, 2022, 5)"},
       "fees_collected",
       "2022",
       kInserted},
      {"delete fees",
       {"DELETE FROM fees_collected WHERE year = 2023"},
       "fees_collected",
       "2023",
       kDeleted},
      {"publish a report behind the store",
       {"UPDATE report_versions SET state = 'published', published_by = 'head1' WHERE year = 2023"},
       "report_versions",
       "2023 v1",
       kEdited},
      {"insert report version",
       {"INSERT INTO report_versions (agency_id, year, version, state, report_json, created_by, "
        "created_at) VALUES ({agency}, 2022, 1, 'published', '{}', 'x', '2025-01-01T00:00:00Z')"},
       "report_versions",
       "2022 v1",
       kInserted},
      {"delete report version",
       {"DELETE FROM report_files WHERE year = 2023",
        "DELETE FROM report_narratives WHERE year = 2023",
        "DELETE FROM report_versions WHERE year = 2023"},
       "report_versions",
       "2023 v1",
       kDeleted},
      {"edit narrative",
       {"UPDATE report_narratives SET text = '改写' WHERE year = 2024 AND section = 1"},
       "report_narratives",
       "2024 v1 §1",
       kEdited},
      {"insert narrative",
       {"INSERT INTO report_narratives (agency_id, year, version, section, text, edited_by, "
        "edited_at) VALUES ({agency}, 2024, 1, 7, '补写', 'x', '2025-01-01T00:00:00Z')"},
       "report_narratives",
       "2024 v1 §7",
       kInserted},
      {"delete narrative",
       {"DELETE FROM report_narratives WHERE year = 2024 AND section = 2"},
       "report_narratives",
       "2024 v1 §2",
       kDeleted},
      {"decide a proposal behind the store",
       {"UPDATE proposals SET decision = 'approved', decided_by = 'head1' WHERE id = 1"},
       "proposals",
       "#1",
       kEdited},
      {"insert proposal",
       {"INSERT INTO proposals (agency_id, id, case_number, event_type, payload, proposed_by, "
        "created_at) VALUES ({agency}, 9, '2024-003', 'answered', '{}', 'x', "
        "'2025-01-01T00:00:00Z')"},
       "proposals",
       "#9",
       kInserted},
      {"delete proposal", {"DELETE FROM proposals WHERE id = 1"}, "proposals", "#1", kDeleted},
      {"re-enable a user behind the store",
       {"UPDATE users SET disabled_at = NULL WHERE name = 'former'"},
       "users",
       "former",
       kEdited},
      {"disable a user behind the store",
       {"UPDATE users SET disabled_at = '2025-01-09T00:00:00Z' WHERE name = 'head1'"},
       "users",
       "head1",
       kEdited},
      {"edit stored report file",
       {"UPDATE report_files SET bytes = 'PGgyPuS8quOAgTwvaDI+', sha256 = 'x' WHERE year = 2023 "
        "AND format = 'page'"},
       "report_files",
       "2023 v1 page",
       kEdited},
      {"insert report file",
       {"INSERT INTO report_files (agency_id, year, version, format, bytes, sha256, created_at) "
        "VALUES ({agency}, 2023, 1, 'pdf', 'JVBERi0=', 'x', '2025-01-10T01:00:00Z')"},
       "report_files",
       "2023 v1 pdf",
       kInserted},
      {"delete report file",
       {"DELETE FROM report_files WHERE year = 2023 AND format = 'json'"},
       "report_files",
       "2023 v1 json",
       kDeleted},
      {"edit numbering rule",
       {"UPDATE publication_numbering SET pattern = '{year}-{seq:4}'"},
       "publication_numbering",
       "索引号规则",
       kEdited},
      {"edit publication",
       {"UPDATE publications SET title = '改写的标题' WHERE id = 3"},
       "publications",
       "#3",
       kEdited},
      {"republish a withdrawn item behind the store",
       {"UPDATE publications SET published_date = '2025-01-07' WHERE id = 3"},
       "publications",
       "#3",
       kEdited},
      {"insert publication",
       {"INSERT INTO publications (agency_id, id, title, publisher, summary, kind, category, "
        "created_date, status) VALUES ({agency}, 9, '影子文件', '某办', '影子', 'other', "
        "'art20.2', '2025-01-08', 'in_force')"},
       "publications",
       "#9",
       kInserted},
      {"delete publication",
       {"DELETE FROM publication_attachments WHERE publication_id = 3",
        "DELETE FROM publication_events WHERE publication_id = 3",
        "DELETE FROM publications WHERE id = 3"},
       "publications",
       "#3",
       kDeleted},
      {"edit attachment bytes",
       {"UPDATE publication_attachments SET content = 'Zm9yZ2Vk' WHERE publication_id = 3"},
       "publication_attachments",
       "#3 附件1",
       kEdited},
      {"insert attachment",
       {"INSERT INTO publication_attachments (agency_id, publication_id, n, name, media_type, "
        "size, sha256, content) VALUES ({agency}, 3, 1, 'x.txt', 'text/plain', 1, 'x', 'eA==')"},
       "publication_attachments",
       "#3 附件2",
       kInserted},
      {"delete attachment",
       {"DELETE FROM publication_attachments WHERE publication_id = 3"},
       "publication_attachments",
       "#3 附件1",
       kDeleted},
      {"edit publication event actor",
       {"UPDATE publication_events SET actor = 'someone' WHERE seq = 4"},
       "publication_events",
       "#3 事件4",
       kEdited},
      {"edit publication event payload",
       {"UPDATE publication_events SET payload = REPLACE(payload, '公示期满', '错误') WHERE seq = "
        "5"},
       "publication_events",
       "#3 事件5",
       "哈希与内容不符"},
      {"insert publication event",
       {"INSERT INTO publication_events (agency_id, seq, publication_id, type, actor, "
        "recorded_at, payload, prev_hash, hash) SELECT agency_id, 6, 3, 'change', 'x', "
        "'2025-01-10T02:00:00Z', '{}', hash, '' FROM publication_events WHERE seq = 5"},
       "publication_events",
       "#3 事件6",
       kInserted},
      {"delete the newest publication event",
       {"DELETE FROM publication_events WHERE seq = 5"},
       "publication_events",
       "#3 事件5",
       kDeleted},
      {"edit guide",
       {"UPDATE guide_versions SET content = REPLACE(content, '010-12345678', '010-00000000')"},
       "guide_versions",
       "第1版",
       kEdited},
      {"insert guide version",
       {"INSERT INTO guide_versions (agency_id, version, content, saved_by, saved_at, "
        "published_by, published_at) SELECT agency_id, 2, content, 'x', saved_at, 'x', "
        "published_at FROM guide_versions WHERE version = 1"},
       "guide_versions",
       "第2版",
       kInserted},
      {"delete guide version",
       {"DELETE FROM guide_versions WHERE version = 1"},
       "guide_versions",
       "第1版",
       kDeleted},
  };
}

TEST_P(LedgerTest, EveryTamperingIsNamedWithAndWithoutTheKey) {
  for (const Tampering& t : Tamperings()) {
    SCOPED_TRACE(t.name);
    Exec("BEGIN");
    // Foreign keys would stop some deletions; an intruder with the database turns them off.
    if (db().dialect() == Dialect::kSqlite) Exec("PRAGMA defer_foreign_keys = ON");
    for (const std::string& statement : t.sql) Exec(WithAgency(statement, agency_));
    for (const AuditKey* key : {key_.get(), static_cast<const AuditKey*>(nullptr)}) {
      auto report = Verify(key);
      ASSERT_TRUE(report.ok()) << report.status().message();
      EXPECT_TRUE(Names(*report, t.table, WithAgency(t.row, agency_), t.what))
          << (key ? "keyed" : "unkeyed") << "\n"
          << List(*report);
    }
    Exec("ROLLBACK");
  }
  auto clean = Verify(key_.get());
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->problems.empty()) << "each tampering was rolled back\n" << List(*clean);
}

// The bug: `audit verify` reported an intact chain after an event was edited and re-hashed.
TEST_P(LedgerTest, EditedAndRechainedEventIsFoundOnlyWithTheKeyWhenTheLedgerIsRewrittenToo) {
  Exec(
      "UPDATE case_events SET payload = REPLACE(payload, 'unavailable.not_held', 'granted') "
      "WHERE seq = 4 AND case_id = (SELECT id FROM cases WHERE number = '2024-002')");
  Rechain("2024-002");
  auto chain = VerifyAuditChain(db(), agency_);
  ASSERT_TRUE(chain.ok());
  EXPECT_TRUE(chain->broken.empty()) << "the attacker re-hashed the unkeyed chain";
  auto report = Verify(key_.get());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(Names(*report, "case_events", "2024-002 #4", kEdited)) << List(*report);
  EXPECT_TRUE(
      Names(*report, "cases", "2024-002", "缓存结果 unavailable.not_held，由事件重算为 granted"))
      << List(*report);

  // Now the attacker also writes the new digest into the ledger: only the key can tell.
  auto& sql = db().impl().sql;
  std::vector<std::string> digests;
  for (const auto& row :
       internal::ReadLedgerRows(sql, internal::Covered("case_events"), agency_, "t.seq = 4")) {
    sql << "UPDATE audit_ledger SET digest = :d WHERE agency_id = :a AND row_key = :k",
        soci::use(row.digest), soci::use(agency_), soci::use(row.key);
  }
  Exec("UPDATE cases SET outcome = 'granted' WHERE number = '2024-002'");
  auto unkeyed = Verify(nullptr);
  ASSERT_TRUE(unkeyed.ok());
  EXPECT_TRUE(unkeyed->problems.empty()) << "without the key the rewrite is consistent\n"
                                         << List(*unkeyed);
  auto keyed = Verify(key_.get());
  ASSERT_TRUE(keyed.ok());
  ASSERT_FALSE(keyed->problems.empty());
  EXPECT_EQ(keyed->problems.front().table, "audit_ledger");
  EXPECT_NE(keyed->problems.front().what.find("case_events 2024-002 #4"), std::string::npos)
      << List(*keyed);
}

// Deleting the newest rows together with their ledger entries, and winding the head back,
// leaves a ledger that is a consistent prefix: the keyed head and the checkpoint file catch it.
TEST_P(LedgerTest, DeletingTheNewestRowsWithTheirLedgerIsCaughtByHeadAndCheckpoint) {
  auto checkpoint = WriteCheckpoint(db(), calendars_, *key_, Checkpoints());
  ASSERT_TRUE(checkpoint.ok()) << checkpoint.status().message();
  EXPECT_EQ(checkpoint->id, 1);
  // The two proposals are the newest writes: the last two entries of the agency's ledger.
  long long entries = 0;
  db().impl().sql << "SELECT entries FROM audit_heads WHERE agency_id = :a", soci::use(agency_),
      soci::into(entries);
  const std::string missing = fmt::format("最后 2 条登记缺失（检查点 #1 记录 {} 条）", entries);
  Exec(WithAgency("DELETE FROM proposals WHERE agency_id = {agency}", agency_));
  Exec(WithAgency(fmt::format("DELETE FROM audit_ledger WHERE agency_id = {{agency}} AND seq > {}",
                              entries - 2),
                  agency_));
  Exec(WithAgency(fmt::format("UPDATE audit_heads SET entries = {0}, sealed = {0} WHERE agency_id "
                              "= {{agency}}",
                              entries - 2),
                  agency_));

  // Against the checkpoint kept in the database, even without the key.
  auto unkeyed = Verify(nullptr);
  ASSERT_TRUE(unkeyed.ok());
  EXPECT_TRUE(Names(*unkeyed, "audit_ledger", "", missing)) << List(*unkeyed);

  // The limit, stated: once the stored checkpoint goes too, only the key and the file can tell.
  Exec("DELETE FROM audit_checkpoints");
  auto blind = Verify(nullptr);
  ASSERT_TRUE(blind.ok());
  EXPECT_TRUE(blind->problems.empty()) << List(*blind);

  auto keyed = Verify(key_.get());
  ASSERT_TRUE(keyed.ok());
  EXPECT_TRUE(Names(*keyed, "audit_ledger", "", "台账头的签封不符")) << List(*keyed);

  auto report = Verify(key_.get(), true);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->checkpoint, 1);
  EXPECT_TRUE(Names(*report, "audit_ledger", "", missing)) << List(*report);
  EXPECT_TRUE(Names(*report, "proposals", "", "现有 0 行，少于检查点 #1 记录的 2 行"))
      << List(*report);
  EXPECT_TRUE(Names(*report, "audit_checkpoints", "", "检查点文件有 1 个检查点，数据库只有 0 个"))
      << List(*report);
}

TEST_P(LedgerTest, CheckpointFileEditedOrTruncatedIsDetected) {
  ASSERT_TRUE(WriteCheckpoint(db(), calendars_, *key_, Checkpoints()).ok());
  auto second = WriteCheckpoint(db(), calendars_, *key_, Checkpoints());
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->id, 2);
  auto intact = VerifyCheckpointFile(Checkpoints(), key_->PublicKeyHex());
  ASSERT_TRUE(intact.ok());
  EXPECT_TRUE(intact->problems.empty());
  ASSERT_EQ(intact->checkpoints.size(), 2u);
  EXPECT_EQ(intact->checkpoints[1].hash, second->hash) << "the hash a report prints";
  auto clean = Verify(key_.get(), true);
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->problems.empty()) << List(*clean);
  EXPECT_TRUE(clean->not_checked.empty());

  std::string text;
  {
    std::ifstream in(Checkpoints());
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // Edited: one more ledger entry claimed in the first checkpoint.
  std::string edited = text;
  auto pos = edited.find("\"entries\":");
  ASSERT_NE(pos, std::string::npos);
  edited.insert(pos + 10, "1");
  std::ofstream(Checkpoints(), std::ios::trunc) << edited;
  auto file = VerifyCheckpointFile(Checkpoints(), key_->PublicKeyHex());
  ASSERT_TRUE(file.ok());
  ASSERT_FALSE(file->problems.empty());
  EXPECT_NE(file->problems[0].find(":1：签名不符"), std::string::npos) << file->problems[0];

  // Truncated: the second checkpoint removed.
  std::ofstream(Checkpoints(), std::ios::trunc) << text.substr(0, text.find('\n') + 1);
  auto truncated = Verify(key_.get(), true);
  ASSERT_TRUE(truncated.ok());
  EXPECT_TRUE(Names(*truncated, "audit_checkpoints", "#2", "文件被截断")) << List(*truncated);
  // Cut mid-line.
  std::ofstream(Checkpoints(), std::ios::trunc) << text.substr(0, text.size() - 20);
  auto cut = VerifyCheckpointFile(Checkpoints(), key_->PublicKeyHex());
  ASSERT_TRUE(cut.ok());
  EXPECT_FALSE(cut->problems.empty());
}

// Writes made while no key was configured wait unsealed; `audit seal` seals them.
TEST_P(LedgerTest, WritesWithoutTheKeyAreSealedLater) {
  db().SetAuditKey(nullptr);
  ASSERT_TRUE(AddUser(db(), agency_, "clerk2", Role::kClerk, "clerk-password").ok());
  auto before = Verify(key_.get());
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->problems.empty()) << List(*before);
  ASSERT_EQ(before->not_checked.size(), 2u);
  EXPECT_NE(before->not_checked[0].find("最新 1 条登记尚未签封"), std::string::npos);
  // A row slipped in meanwhile is not sealed over.
  Exec(
      WithAgency("INSERT INTO users (agency_id, name, role, password_hash, created_at) VALUES "
                 "({agency}, 'intruder', 'admin', 'x', '2025-01-01T00:00:00Z')",
                 agency_));
  auto refused = SealLedger(db(), calendars_, *key_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("users intruder"), std::string::npos)
      << refused.status().message();
  Exec("DELETE FROM users WHERE name = 'intruder'");
  auto sealed = SealLedger(db(), calendars_, *key_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().message();
  EXPECT_EQ(sealed->sealed, 1);
  EXPECT_EQ(sealed->registered, 0);
  auto after = Verify(key_.get());
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->problems.empty()) << List(*after);
  EXPECT_EQ(after->not_checked.size(), 1u);
}

// A database upgraded to version 8 holds rows the ledger never saw; seal registers them once,
// but only when they verify.
TEST_P(LedgerTest, SealRegistersRowsThatPredateTheLedgerOnlyWhenTheyVerify) {
  Exec("DELETE FROM audit_ledger");
  Exec("UPDATE audit_heads SET entries = 0, sealed = 0, mac = '', legacy = 1");
  auto legacy = Verify(key_.get());
  ASSERT_TRUE(legacy.ok());
  EXPECT_TRUE(Names(*legacy, "case_events", "", "7 行不在审计台账中：数据早于审计台账"))
      << List(*legacy);

  Exec(
      "UPDATE case_events SET payload = REPLACE(payload, 'granted', 'refused.state_secret') "
      "WHERE seq = 2 AND case_id = (SELECT id FROM cases WHERE number = '2024-001')");
  auto refused = SealLedger(db(), calendars_, *key_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kConflict);
  EXPECT_NE(refused.status().message().find("case_events 2024-001 #2"), std::string::npos)
      << refused.status().message();
  Exec(
      "UPDATE case_events SET payload = REPLACE(payload, 'refused.state_secret', 'granted') "
      "WHERE seq = 2 AND case_id = (SELECT id FROM cases WHERE number = '2024-001')");

  auto sealed = SealLedger(db(), calendars_, *key_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().message();
  EXPECT_EQ(sealed->registered, 58);
  auto after = Verify(key_.get());
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->problems.empty()) << List(*after);
}

// The publications register kept only an unkeyed chain, which `audit verify` did not check:
// an edit whose hashes were recomputed went unseen.
TEST_P(LedgerTest, EditedAndRechainedPublicationEventIsNamed) {
  Exec(
      "UPDATE publication_events SET payload = REPLACE(payload, '关于某项目的公示', "
      "'关于另一项目') "
      "WHERE seq = 3");
  auto broken = Verify(nullptr);
  ASSERT_TRUE(broken.ok());
  EXPECT_TRUE(Names(*broken, "publication_events", "#3 事件3", "哈希与内容不符")) << List(*broken);

  // Recompute the chain from event 3 on, as whoever knows the unkeyed scheme can.
  auto& sql = db().impl().sql;
  std::string prev;
  sql << "SELECT hash FROM publication_events WHERE agency_id = :a AND seq = 2", soci::use(agency_),
      soci::into(prev);
  for (int seq = 3; seq <= 5; ++seq) {
    std::string payload;
    sql << "SELECT payload FROM publication_events WHERE agency_id = :a AND seq = :s",
        soci::use(agency_), soci::use(seq), soci::into(payload);
    std::string hash = EventHash(prev, payload);
    sql << "UPDATE publication_events SET prev_hash = :p, hash = :h WHERE agency_id = :a AND "
           "seq = :s",
        soci::use(prev), soci::use(hash), soci::use(agency_), soci::use(seq);
    prev = hash;
  }
  auto chain = VerifyPublicationChain(db(), agency_);
  ASSERT_TRUE(chain.ok());
  EXPECT_FALSE(chain->has_value()) << "the attacker re-hashed the unkeyed chain";
  for (const AuditKey* key : {key_.get(), static_cast<const AuditKey*>(nullptr)}) {
    auto report = Verify(key);
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(Names(*report, "publication_events", "#3 事件3", "哈希")) << List(*report);
    for (int seq = 3; seq <= 5; ++seq) {
      EXPECT_TRUE(Names(*report, "publication_events", fmt::format("#3 事件{}", seq), kEdited))
          << List(*report);
    }
  }
}

// A database upgraded to version 14 holds publications, guides and report files the ledger never
// saw, and users disabled while disabled_at was not covered: the upgrade marks the agency, verify
// counts those rows (still naming a row inserted into a table covered before), and seal
// registers them once they verify.
TEST_P(LedgerTest, UpgradeToTheWiderLedgerRegistersTheNewlyCoveredRowsOnSeal) {
  // The ledger as version 8 wrote it, unsealed: only the tables covered then, and the disabled
  // user's digest without disabled_at.
  db().SetAuditKey(nullptr);
  Exec("DELETE FROM audit_ledger");
  Exec("UPDATE audit_heads SET entries = 0, sealed = 0, mac = '', legacy = 0");
  {
    auto& sql = db().impl().sql;
    soci::transaction tx(sql);
    for (const internal::CoveredTable& t : internal::CoveredTables()) {
      if (t.since >= internal::kCoverageVersion) continue;
      for (int64_t agency : {agency_, agency_ + 1}) {
        internal::RecordInLedger(db(), sql, t.name, agency, "");
      }
    }
    auto former =
        internal::ReadLedgerRows(sql, internal::Covered("users"), agency_, "t.name = 'former'");
    ASSERT_EQ(former.size(), 1u);
    ASSERT_NE(former[0].digest, former[0].base_digest);
    sql << "UPDATE audit_ledger SET digest = :d WHERE row_key = 'former'",
        soci::use(former[0].base_digest);
    tx.commit();
  }
  db().SetAuditKey(key_);
  for (const Migration& m : Migrations()) {
    if (m.version != internal::kCoverageVersion) continue;
    for (std::string_view statement : m.statements) Exec(std::string(statement));
  }
  Exec(
      WithAgency("INSERT INTO users (agency_id, name, role, password_hash, created_at) VALUES "
                 "({agency}, 'intruder', 'admin', 'x', '2025-01-01T00:00:00Z')",
                 agency_));
  auto upgraded = Verify(key_.get());
  ASSERT_TRUE(upgraded.ok());
  EXPECT_TRUE(Names(*upgraded, "publications", "", "3 行不在审计台账中：数据早于审计台账（版本 14"))
      << List(*upgraded);
  EXPECT_TRUE(Names(*upgraded, "guide_versions", "", "1 行不在审计台账中")) << List(*upgraded);
  EXPECT_TRUE(Names(*upgraded, "users", "", "1 行的 disabled_at 列与台账不符")) << List(*upgraded);
  EXPECT_TRUE(Names(*upgraded, "users", "intruder", kInserted)) << List(*upgraded);
  EXPECT_FALSE(SealLedger(db(), calendars_, *key_).ok()) << "the intruder blocks the seal";
  Exec("DELETE FROM users WHERE name = 'intruder'");
  auto sealed = SealLedger(db(), calendars_, *key_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().message();
  // 2 report files + 1 numbering rule + 3 publications + 1 attachment + 5 events + 1 guide + the
  // disabled user.
  EXPECT_EQ(sealed->registered, 14);
  auto after = Verify(key_.get());
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->problems.empty()) << List(*after);
  long long legacy = -1;
  db().impl().sql << "SELECT legacy FROM audit_heads WHERE agency_id = :a", soci::use(agency_),
      soci::into(legacy);
  EXPECT_EQ(legacy, 0);
}

TEST_P(LedgerTest, KeyFileIsPrivateAndNeverOverwritten) {
  std::string path = TempPath("gongkai-audit-key");
  ASSERT_TRUE(key_->Save(path).ok());
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto loaded = AuditKey::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->PublicKeyHex(), key_->PublicKeyHex());
  EXPECT_EQ(loaded->Mac("x"), key_->Mac("x"));
  EXPECT_EQ(key_->Save(path).code(), Status::Code::kConflict);
  std::filesystem::permissions(path, std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  auto loose = AuditKey::Load(path);
  ASSERT_FALSE(loose.ok());
  EXPECT_NE(loose.status().message().find("chmod 600"), std::string::npos);
  std::filesystem::remove(path);
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
