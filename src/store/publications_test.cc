#include "store/publications.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "publications/jsonl.h"
#include "report/model.h"
#include "store/agencies.h"
#include "store/case_store.h"
#include "store/migrations.h"
#include "store/records.h"
#include "store/register_stamp.h"
#include "store/report_store.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/publications/" + name,
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Date D(const char* s) { return ParseDate(s).value(); }

Publication Item(const char* title, const char* created, const char* published) {
  Publication p;
  p.title = title;
  p.publisher = "示例县人民政府办公室";
  p.summary = std::string("关于") + title;
  p.kind = PublicationKind::kOther;
  p.category = "art20.2";
  p.created = D(created);
  if (published) p.published = D(published);
  return p;
}

class PublicationStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 15) + 2h; });
    Agency a;
    a.name = "示例县人民政府";
    a.kind = AgencyKind::kGovernment;
    agency_ = AddAgency(db(), a).value();
  }

  std::vector<Publication> Fixture() {
    auto items = ParsePublicationsJsonl(ReadFixture("register.jsonl"), "register.jsonl");
    EXPECT_TRUE(items.ok()) << items.status().message();
    return items.ok() ? *items : std::vector<Publication>{};
  }

  int64_t Count() { return AllPublications(db(), agency_)->size(); }

  Calendars calendars_;
  int64_t agency_ = 0;
};

// The fixture's figures were counted by tests/fixtures/publications/generate.py, on its own
// reading of the calendar notices and of spec §6; the register must give the same.
TEST_P(PublicationStoreTest, FixtureRegisterMatchesTheHandCount) {
  const nlohmann::json expected = nlohmann::json::parse(ReadFixture("expected.json"));
  std::vector<Publication> items = Fixture();
  ASSERT_EQ(static_cast<int>(items.size()), expected["items"].get<int>());
  auto imported = ImportPublications(db(), agency_, items, "tester");
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  EXPECT_EQ(*imported, expected["items"].get<int>());
  for (const char* year : {"2023", "2024"}) {
    const nlohmann::json& e = expected["years"][year];
    auto stats = PublicationStats(db(), calendars_, agency_, std::stoi(year));
    ASSERT_TRUE(stats.ok()) << stats.status().message();
    EXPECT_EQ(stats->created, e["created"].get<int>()) << year;
    EXPECT_EQ(stats->published, e["published"].get<int>()) << year;
    EXPECT_EQ(stats->late, e["late"].get<int>()) << year;
    const std::pair<const char*, const DocumentCounts*> kinds[] = {
        {"regulation", &stats->table_two.regulations},
        {"normative_document", &stats->table_two.normative_documents}};
    for (const auto& [kind, counts] : kinds) {
      const nlohmann::json& k = e["table_two"][kind];
      EXPECT_EQ(counts->issued, k["issued"].get<int>()) << year << " " << kind;
      EXPECT_EQ(counts->abolished, k["abolished"].get<int>()) << year << " " << kind;
      EXPECT_EQ(counts->in_force, k["in_force"].get<int>()) << year << " " << kind;
      EXPECT_EQ(counts->made, k["made"].get<int>()) << year << " " << kind;
      EXPECT_EQ(counts->published, k["published"].get<int>()) << year << " " << kind;
      EXPECT_EQ(counts->total_published, k["total_published"].get<int>()) << year << " " << kind;
    }
  }
  // Table 二 of the built report is the same count: the register is its one source.
  auto report = BuildRegisterReport(db(), calendars_, agency_, 2024);
  ASSERT_TRUE(report.ok()) << report.status().message();
  const nlohmann::json& t = expected["years"]["2024"]["table_two"];
  const Table& a = report->report.section2;
  EXPECT_EQ(a.FindCell("rules", "issued")->number, t["regulation"]["issued"].get<int>());
  EXPECT_EQ(a.FindCell("rules", "in_force")->number, t["regulation"]["in_force"].get<int>());
  EXPECT_EQ(a.FindCell("normative_documents", "abolished")->number,
            t["normative_document"]["abolished"].get<int>());
  EXPECT_EQ(a.FindCell("normative_documents", "in_force")->number,
            t["normative_document"]["in_force"].get<int>());
}

TEST_P(PublicationStoreTest, ImportIsAllOrNothing) {
  Publication first = Item("机构职能", "2024-03-01", "2024-03-05");
  first.index_no = "X/2024-00001";
  ASSERT_TRUE(CreatePublication(db(), agency_, first, "tester").ok());
  std::vector<Publication> batch = Fixture();
  batch.back().index_no = "X/2024-00001";  // already used: the whole file must change nothing
  auto imported = ImportPublications(db(), agency_, batch, "tester");
  ASSERT_FALSE(imported.ok());
  EXPECT_EQ(imported.status().code(), Status::Code::kConflict);
  EXPECT_NE(imported.status().message().find("X/2024-00001"), std::string::npos);
  EXPECT_EQ(Count(), 1);
  EXPECT_EQ(PublicationEvents(db(), agency_)->size(), 1u);

  std::vector<Publication> other = {Item("甲", "2024-01-02", nullptr)};
  other[0].agency = "另一个机关";
  auto refused = ImportPublications(db(), agency_, other, "tester");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("另一个机关"), std::string::npos);
  EXPECT_EQ(Count(), 1);
}

TEST_P(PublicationStoreTest, IndexNumbersAreAssignedAtPublicationAndNeverReused) {
  PublicationNumbering numbering;
  numbering.credit_code = "11330100002493061K";
  ASSERT_TRUE(SetPublicationNumbering(db(), agency_, numbering).ok());
  EXPECT_EQ(SetPublicationNumbering(db(), agency_, {"short", "{seq}"}).code(),
            Status::Code::kInvalidInput);

  auto a = CreatePublication(db(), agency_, Item("甲", "2024-03-01", "2024-03-04"), "tester");
  auto b = CreatePublication(db(), agency_, Item("乙", "2024-03-01", nullptr), "tester");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(GetPublication(db(), agency_, *a)->item.index_no, "11330100002493061K/2024-00001");
  EXPECT_EQ(GetPublication(db(), agency_, *b)->item.index_no, "");  // not yet published

  // An explicit number in the way of the counter is skipped, not reused.
  Publication taken = Item("丙", "2024-04-01", "2024-04-02");
  taken.index_no = "11330100002493061K/2024-00002";
  ASSERT_TRUE(CreatePublication(db(), agency_, taken, "tester").ok());
  Publication later = GetPublication(db(), agency_, *b)->item;
  later.published = D("2024-04-10");
  ASSERT_TRUE(ChangePublication(db(), agency_, *b, later, "tester").ok());
  EXPECT_EQ(GetPublication(db(), agency_, *b)->item.index_no, "11330100002493061K/2024-00003");

  // A withdrawn item keeps its number; the next item does not get it.
  ASSERT_TRUE(WithdrawPublication(db(), agency_, *a, "内容有误", "tester").ok());
  auto withdrawn = GetPublication(db(), agency_, *a);
  EXPECT_FALSE(withdrawn->item.published.has_value());
  EXPECT_EQ(withdrawn->item.index_no, "11330100002493061K/2024-00001");
  auto c = CreatePublication(db(), agency_, Item("丁", "2024-05-01", "2024-05-06"), "tester");
  EXPECT_EQ(GetPublication(db(), agency_, *c)->item.index_no, "11330100002493061K/2024-00004");
  auto by_no = GetPublicationByIndexNo(db(), agency_, "11330100002493061K/2024-00004");
  ASSERT_TRUE(by_no.ok());
  EXPECT_EQ(by_no->item.title, "丁");
  EXPECT_EQ(GetPublicationByIndexNo(db(), agency_, "nope").status().code(),
            Status::Code::kNotFound);

  Publication renumbered = GetPublication(db(), agency_, *c)->item;
  renumbered.index_no = "OTHER";
  EXPECT_EQ(ChangePublication(db(), agency_, *c, renumbered, "tester").code(),
            Status::Code::kConflict);
}

TEST_P(PublicationStoreTest, EveryWriteIsAChainedEventAndBumpsTheStamp) {
  auto before = ReadRegisterStamp(db(), agency_, 2024);
  Publication doc = Item("某县停车收费规定", "2024-02-01", "2024-02-05");
  doc.kind = PublicationKind::kNormativeDocument;
  auto id = CreatePublication(db(), agency_, doc, "clerk");
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto after_create = ReadRegisterStamp(db(), agency_, 2024);
  EXPECT_FALSE(*before == *after_create);
  doc.status = Validity::kRepealed;
  doc.status_date = D("2024-10-01");
  ASSERT_TRUE(ChangePublication(db(), agency_, *id, doc, "head").ok());
  EXPECT_FALSE(*after_create == *ReadRegisterStamp(db(), agency_, 2024));
  ASSERT_TRUE(WithdrawPublication(db(), agency_, *id, "已废止", "head").ok());

  auto events = PublicationEvents(db(), agency_);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].type, "create");
  EXPECT_EQ((*events)[0].actor, "clerk");
  EXPECT_EQ((*events)[1].type, "repeal");
  EXPECT_EQ((*events)[2].type, "withdraw");
  EXPECT_EQ((*events)[2].recorded_at, "2025-01-15T02:00:00Z");
  EXPECT_NE((*events)[2].payload.find("\"reason\":\"已废止\""), std::string::npos);
  EXPECT_EQ((*events)[1].prev_hash, (*events)[0].hash);
  EXPECT_FALSE(VerifyPublicationChain(db(), agency_)->has_value());

  db().impl().sql << "UPDATE publication_events SET payload = 'x' WHERE seq = 2";
  EXPECT_EQ(VerifyPublicationChain(db(), agency_)->value_or(0), 2);
}

TEST_P(PublicationStoreTest, UnpublishingByAChangeIsAWithdrawal) {
  auto id = CreatePublication(db(), agency_, Item("甲", "2024-03-01", "2024-03-04"), "clerk");
  ASSERT_TRUE(id.ok());
  Publication p = GetPublication(db(), agency_, *id)->item;
  p.published.reset();
  ASSERT_TRUE(ChangePublication(db(), agency_, *id, p, "head").ok());
  auto events = PublicationEvents(db(), agency_);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].type, "withdraw");
  EXPECT_EQ(GetPublication(db(), agency_, *id)->item.index_no,
            "G" + std::to_string(agency_) + "/2024-00001");  // kept, never reused
}

TEST_P(PublicationStoreTest, ListFiltersAndPages) {
  std::vector<Publication> items = Fixture();
  ASSERT_TRUE(ImportPublications(db(), agency_, items, "tester").ok());
  int normative_2024 = 0, unpublished = 0;
  for (const Publication& p : items) {
    normative_2024 += p.kind == PublicationKind::kNormativeDocument && p.created.year() == 2024y;
    unpublished += !p.published;
  }
  PublicationFilter f;
  f.kind = PublicationKind::kNormativeDocument;
  f.year = 2024;
  f.limit = 10;
  f.offset = 5;
  auto page = ListPublications(db(), agency_, f);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->total, normative_2024);
  ASSERT_EQ(page->items.size(), 10u);
  for (const auto& s : page->items) {
    EXPECT_EQ(s.item.kind, PublicationKind::kNormativeDocument);
    EXPECT_EQ(s.item.created.year(), 2024y);
  }
  PublicationFilter pending;
  pending.published = false;
  pending.limit = 0;
  auto open = ListPublications(db(), agency_, pending);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->total, unpublished);
  EXPECT_EQ(static_cast<int>(open->items.size()), unpublished);

  // Export keeps every field, the unknown ones too.
  auto all = AllPublications(db(), agency_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), items.size());
  std::string exported;
  for (const auto& s : *all) exported += PublicationToJsonLine(s.item) + "\n";
  EXPECT_NE(exported.find("\"cms_id\":"), std::string::npos);
}

TEST_P(PublicationStoreTest, AttachmentsAreStoredWithTheirHash) {
  auto id = CreatePublication(db(), agency_, Item("甲", "2024-03-01", "2024-03-04"), "tester");
  ASSERT_TRUE(id.ok());
  Attachment a;
  a.meta.name = "附件1.pdf";
  a.meta.media_type = "application/pdf";
  a.bytes = std::string("abc") + std::string(1, '\0') + "\xff";
  a.text = "附件正文";
  auto meta = AddAttachment(db(), agency_, *id, a, "tester");
  ASSERT_TRUE(meta.ok()) << meta.status().message();
  EXPECT_EQ(meta->size, 5);
  Attachment abc;
  abc.meta.name = "abc.txt";
  abc.bytes = "abc";
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  EXPECT_EQ(AddAttachment(db(), agency_, *id, abc, "tester")->sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto back = GetAttachment(db(), agency_, *id, 0);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->bytes, a.bytes);
  EXPECT_EQ(back->text, "附件正文");
  auto item = GetPublication(db(), agency_, *id);
  ASSERT_EQ(item->item.attachments.size(), 2u);
  EXPECT_EQ(item->item.attachments[1].name, "abc.txt");
  EXPECT_EQ(GetAttachment(db(), agency_, *id, 2).status().code(), Status::Code::kNotFound);
}

TEST_P(PublicationStoreTest, RecordsDocumentsAreItemsOfTheRegister) {
  StoredDocument doc{PublicationKind::kRegulation, "某府令第1号", "某县城市绿化管理办法",
                     D("2024-02-01"), std::nullopt};
  ASSERT_TRUE(AddDocument(db(), agency_, doc).ok());
  EXPECT_EQ(AddDocument(db(), agency_, doc).code(), Status::Code::kConflict);
  auto items = AllPublications(db(), agency_);
  ASSERT_EQ(items->size(), 1u);
  const Publication& p = (*items)[0].item;
  EXPECT_EQ(p.kind, PublicationKind::kRegulation);
  EXPECT_EQ(p.doc_no, "某府令第1号");
  EXPECT_EQ(p.publisher, "示例县人民政府");
  EXPECT_EQ(p.published, D("2024-02-01"));
  auto stats = PublicationStats(db(), calendars_, agency_, 2024);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->table_two.regulations.issued, 1);
}

TEST_P(PublicationStoreTest, RepeatedRequestsAreGroupedAfterNormalisation) {
  CaseRegister reg(db(), calendars_);
  auto imported = reg.Import(
      R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","channel":"internet","items":["2023年 财政预算"]}
{"case":"2024-002","type":"received","date":"2024-03-05","applicant_kind":"natural_person","channel":"internet","items":["２０２３年财政预算","征地补偿标准"]}
{"case":"2024-003","type":"received","date":"2024-03-06","applicant_kind":"commercial","channel":"internet","items":["2023年财政 预算"]}
{"case":"2024-004","type":"received","date":"2024-03-07","applicant_kind":"commercial","channel":"internet","items":["征地补偿标准"]}
)",
      ImportOptions{agency_, "tester"});
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  auto groups = RepeatedRequests(db(), agency_, 3);
  ASSERT_TRUE(groups.ok()) << groups.status().message();
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].text, "2023年 财政预算");
  EXPECT_EQ((*groups)[0].case_numbers,
            (std::vector<std::string>{"2024-001", "2024-002", "2024-003"}));
  EXPECT_EQ(RepeatedRequests(db(), agency_, 2)->size(), 2u);
}

// Migration 4 moves the records register's documents into the publications register, the one
// source of table 二 from then on: a database left at version 3 with two documents migrates to
// two items with the mapping of migrations.cc, and the report counts them.
TEST_P(PublicationStoreTest, MigrationFourMovesTheRecordsDocumentsIntoTheRegister) {
  std::string url;
  if (GetParam() == "sqlite") {
    url = TempPath("gongkai-migration-test") + ".db";
  } else {
    url = std::getenv("GONGKAI_TEST_PG");
    db().impl().sql << "DROP SCHEMA public CASCADE";
    db().impl().sql << "CREATE SCHEMA public";
  }
  {
    auto old = Database::Open(url);
    ASSERT_TRUE(old.ok()) << old.status().message();
    soci::session& sql = old->impl().sql;
    sql << "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
           "applied_at TEXT NOT NULL)";
    for (const Migration& m : Migrations()) {
      if (m.version > 3) break;
      for (auto statement : m.statements) sql << ForDialect(statement, old->dialect());
      sql << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, 'old', "
             "'2024-01-01T00:00:00Z')",
          soci::use(m.version);
    }
    sql << "INSERT INTO agencies (name, kind, created_at) VALUES ('甲县人民政府', 'government', "
           "'2024-01-01T00:00:00Z')";
    sql << "INSERT INTO regulatory_documents (agency_id, id, kind, number, title, issued_date, "
           "abolished_date) VALUES (1, 1, 'rules', '甲府令第1号', '甲县绿化办法', '2022-03-01', "
           "NULL)";
    sql << "INSERT INTO regulatory_documents (agency_id, id, kind, number, title, issued_date, "
           "abolished_date) VALUES (1, 2, 'normative_documents', '甲府规〔2021〕2号', "
           "'甲县停车收费规定', '2021-05-01', '2024-06-30')";
    auto applied = old->Migrate();
    ASSERT_TRUE(applied.ok()) << applied.status().message();
    ASSERT_FALSE(applied->empty());
    EXPECT_EQ(applied->front(), 4);

    auto items = AllPublications(*old, 1);
    ASSERT_TRUE(items.ok()) << items.status().message();
    ASSERT_EQ(items->size(), 2u);
    const Publication& rule = (*items)[0].item;
    EXPECT_EQ(rule.kind, PublicationKind::kRegulation);
    EXPECT_EQ(rule.doc_no, "甲府令第1号");
    EXPECT_EQ(rule.title, "甲县绿化办法");
    EXPECT_EQ(rule.publisher, "甲县人民政府");
    EXPECT_EQ(rule.category, "art20.1");
    EXPECT_EQ(rule.created, D("2022-03-01"));
    EXPECT_EQ(rule.published, D("2022-03-01"));
    EXPECT_EQ(rule.status, Validity::kInForce);
    const Publication& repealed = (*items)[1].item;
    EXPECT_EQ(repealed.kind, PublicationKind::kNormativeDocument);
    EXPECT_EQ(repealed.status, Validity::kRepealed);
    EXPECT_EQ(repealed.status_date, D("2024-06-30"));
    auto docs = ListDocuments(*old, 1);
    ASSERT_TRUE(docs.ok());
    EXPECT_EQ(docs->size(), 2u);
  }
  if (GetParam() == "sqlite") {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(url + suffix);
  }
}

// The public catalogue's bound is in the query: an item dated tomorrow is neither listed nor
// counted, today's is, newest 公开日期 first, paged in the database.
TEST_P(PublicationStoreTest, PublishedUntilTodayListsAndCountsOnlyWhatIsPublic) {
  std::vector<Publication> items{Item("昨天公开的通知", "2025-01-02", "2025-01-14"),
                                 Item("今天公开的通知", "2025-01-03", "2025-01-15"),
                                 Item("明天公开的通知", "2025-01-04", "2025-01-16"),
                                 Item("尚未公开的草稿", "2025-01-05", nullptr),
                                 Item("去年公开的通知", "2024-06-01", "2024-06-10")};
  items[2].kind = PublicationKind::kNormativeDocument;
  ASSERT_TRUE(ImportPublications(db(), agency_, items, "t").ok());
  PublicationFilter f;
  f.published_until = D("2025-01-15");
  f.newest_published_first = true;
  f.limit = 2;
  auto first = ListPublications(db(), agency_, f);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->total, 3);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].item.title, "今天公开的通知");
  EXPECT_EQ(first->items[1].item.title, "昨天公开的通知");
  f.offset = 2;
  auto second = ListPublications(db(), agency_, f);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].item.title, "去年公开的通知");

  auto facets = CountPublishedFacets(db(), agency_, D("2025-01-15"));
  ASSERT_TRUE(facets.ok()) << facets.status().message();
  EXPECT_EQ(facets->total, 3);
  using Kinds = std::vector<std::pair<PublicationKind, int64_t>>;
  EXPECT_EQ(facets->kinds, (Kinds{{PublicationKind::kOther, 3}}));  // tomorrow's rule not yet
  using Years = std::vector<std::pair<int, int64_t>>;
  EXPECT_EQ(facets->years, (Years{{2024, 1}, {2025, 2}}));
  auto tomorrow = CountPublishedFacets(db(), agency_, D("2025-01-16"));
  ASSERT_TRUE(tomorrow.ok());
  EXPECT_EQ(tomorrow->total, 4);
}

// Removing the middle one of three attachments moves the last down to its place (numbers stay
// 0, 1, … so downloads and the search index find them), and is a `change` event.
TEST_P(PublicationStoreTest, RemovingAnAttachmentRenumbersTheRest) {
  auto id = CreatePublication(db(), agency_, Item("甲", "2024-03-01", "2024-03-04"), "tester");
  ASSERT_TRUE(id.ok());
  for (const char* name : {"a.pdf", "b.pdf", "c.pdf"}) {
    Attachment a;
    a.meta.name = name;
    a.bytes = name;
    a.text = std::string("text of ") + name;
    ASSERT_TRUE(AddAttachment(db(), agency_, *id, a, "tester").ok());
  }
  const size_t events = PublicationEvents(db(), agency_)->size();
  ASSERT_TRUE(RemoveAttachment(db(), agency_, *id, 1, "tester").ok());
  auto item = GetPublication(db(), agency_, *id);
  ASSERT_EQ(item->item.attachments.size(), 2u);
  EXPECT_EQ(item->item.attachments[0].name, "a.pdf");
  EXPECT_EQ(item->item.attachments[1].name, "c.pdf");
  EXPECT_EQ(GetAttachment(db(), agency_, *id, 1)->text, "text of c.pdf");
  EXPECT_EQ(GetAttachment(db(), agency_, *id, 2).status().code(), Status::Code::kNotFound);
  auto log = PublicationEvents(db(), agency_);
  ASSERT_EQ(log->size(), events + 1);
  EXPECT_EQ(log->back().type, "change");
  EXPECT_EQ(log->back().payload.find("b.pdf"), std::string::npos);
  EXPECT_FALSE(VerifyPublicationChain(db(), agency_)->has_value());
  EXPECT_EQ(RemoveAttachment(db(), agency_, *id, 2, "tester").code(), Status::Code::kNotFound);
  EXPECT_EQ(RemoveAttachment(db(), agency_, 99, 0, "tester").code(), Status::Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Databases, PublicationStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
