#include "store/standard_catalogue.h"

#include <gtest/gtest.h>

#include "publications/tabular.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/ledger.h"
#include "store/publications.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

Date D(const char* s) { return ParseDate(s).value(); }

StandardCatalogueRow Row(const char* number, const char* topic, const char* subtopic) {
  StandardCatalogueRow r;
  r.number = number;
  r.topic = topic;
  r.subtopic = subtopic;
  r.time_limit = "信息形成或者变更之日起20个工作日内";
  r.flags = kForEveryone | kProactive | kCountyLevel;
  return r;
}

Publication Item(const char* title, const char* category, const char* published) {
  Publication p;
  p.title = title;
  p.publisher = "示例县人民政府办公室";
  p.summary = std::string("关于") + title;
  p.category = category;
  p.created = D("2024-03-01");
  if (published) p.published = D(published);
  return p;
}

class StandardCatalogueStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 15) + 2h; });
    Agency a;
    a.name = "示例县人民政府";
    a.kind = AgencyKind::kGovernment;
    agency_ = AddAgency(db(), a).value();
  }

  std::vector<StandardCatalogueRow> ThreeRows() {
    return {Row("1", "财政预决算", "部门预算"), Row("2", "财政预决算", "部门决算"),
            Row("3", "社会救助", "最低生活保障")};
  }

  int64_t agency_ = 0;
};

TEST_P(StandardCatalogueStoreTest, ImportStoresTheRowsInOrderAndLogsTheImport) {
  auto n = ImportStandardCatalogue(db(), agency_, ThreeRows(), "目录.csv", "clerk");
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(*n, 3);
  auto rows = GetStandardCatalogue(db(), agency_);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[2].number, "3");
  EXPECT_EQ((*rows)[2].subtopic, "最低生活保障");
  EXPECT_EQ((*rows)[2].flags, kForEveryone | kProactive | kCountyLevel);
  auto events = StandardCatalogueEvents(db(), agency_);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].actor, "clerk");
  EXPECT_NE((*events)[0].payload.find("\"source\":\"目录.csv\""), std::string::npos);
  EXPECT_NE((*events)[0].payload.find("最低生活保障"), std::string::npos);
  // A second import replaces the catalogue and chains to the first.
  std::vector<StandardCatalogueRow> one{Row("9", "重大建设项目", "")};
  ASSERT_TRUE(ImportStandardCatalogue(db(), agency_, one, "b.csv", "x").ok());
  EXPECT_EQ(GetStandardCatalogue(db(), agency_)->size(), 1u);
  EXPECT_FALSE(VerifyStandardCatalogueChain(db(), agency_)->has_value());
  db().impl().sql << "UPDATE standard_catalogue_events SET payload = '{}' WHERE seq = 1";
  EXPECT_EQ(VerifyStandardCatalogueChain(db(), agency_)->value_or(0), 1);
}

// `audit verify` covers the catalogue: an import that replaces rows is lawful, an edit behind the
// store's back, a deleted row or a re-chained event is named.
TEST_P(StandardCatalogueStoreTest, AuditVerifyNamesRowsChangedOutsideTheStore) {
  Calendars calendars;
  auto problems = [&] {
    auto report = VerifyLedger(db(), calendars, {});
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? report->problems : std::vector<AuditProblem>{};
  };
  auto names = [&](const std::string& table, const std::string& row) {
    for (const AuditProblem& p : problems()) {
      if (p.table == table && p.row == row) return true;
    }
    return false;
  };
  ASSERT_TRUE(ImportStandardCatalogue(db(), agency_, ThreeRows(), "a.csv", "c").ok());
  std::vector<StandardCatalogueRow> two{Row("1", "财政预决算", "部门预算"),
                                        Row("4", "重大建设项目", "")};
  ASSERT_TRUE(ImportStandardCatalogue(db(), agency_, two, "b.csv", "c").ok());
  EXPECT_TRUE(problems().empty()) << problems().front().what;

  db().impl().sql << "UPDATE standard_catalogue_rows SET topic = '别的事项' WHERE number = '4'";
  EXPECT_TRUE(names("standard_catalogue_rows", "序号4"));
  db().impl().sql << "DELETE FROM standard_catalogue_rows WHERE number = '1'";
  EXPECT_TRUE(names("standard_catalogue_rows", "序号1"));
  db().impl().sql << "UPDATE standard_catalogue_events SET payload = '{}' WHERE seq = 2";
  EXPECT_TRUE(names("standard_catalogue_events", "事件2"));
}

TEST_P(StandardCatalogueStoreTest, ItemsMayOnlyUseRowsOfTheCatalogue) {
  // Without a catalogue any local key is accepted, as before.
  ASSERT_TRUE(CreatePublication(db(), agency_, Item("旧分类", "local.x", nullptr), "c").ok());
  // A catalogue that drops local.x is refused, naming the item; nothing changes.
  auto refused = ImportStandardCatalogue(db(), agency_, ThreeRows(), "a.csv", "c");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kConflict);
  EXPECT_NE(refused.status().message().find("编号 1“旧分类”：local.x"), std::string::npos)
      << refused.status().message();
  EXPECT_TRUE(GetStandardCatalogue(db(), agency_)->empty());
  EXPECT_TRUE(StandardCatalogueEvents(db(), agency_)->empty());

  auto rows = ThreeRows();
  rows.push_back(Row("x", "其他", ""));
  ASSERT_TRUE(ImportStandardCatalogue(db(), agency_, rows, "a.csv", "c").ok());
  auto bad = CreatePublication(db(), agency_, Item("新信息", "local.7", nullptr), "c");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(bad.status().message().find("“新信息”：主题分类 local.7"), std::string::npos)
      << bad.status().message();
  std::vector<Publication> batch{Item("甲", "local.1", nullptr), Item("乙", "local.8", nullptr)};
  auto imported = ImportPublications(db(), agency_, batch, "c");
  ASSERT_FALSE(imported.ok());
  EXPECT_NE(imported.status().message().find("第 2 条“乙”"), std::string::npos)
      << imported.status().message();
  EXPECT_EQ(AllPublications(db(), agency_)->size(), 1u);
  // Statutory categories are untouched by the catalogue.
  EXPECT_TRUE(CreatePublication(db(), agency_, Item("预算", "art20.7", nullptr), "c").ok());
  auto id = CreatePublication(db(), agency_, Item("低保名单", "local.3", nullptr), "c");
  ASSERT_TRUE(id.ok()) << id.status().message();
  Publication moved = Item("低保名单", "local.99", nullptr);
  EXPECT_EQ(ChangePublication(db(), agency_, *id, moved, "c").code(), Status::Code::kInvalidInput);
}

// Counts by hand: row 1 has two items, one public by 2025-01-15 and one dated after it; row 3
// has one item not yet published; row 2 has none.
TEST_P(StandardCatalogueStoreTest, UseCountsItemsAndPublicItemsPerRow) {
  ASSERT_TRUE(ImportStandardCatalogue(db(), agency_, ThreeRows(), "a.csv", "c").ok());
  std::vector<Publication> items{Item("2024年部门预算", "local.1", "2024-03-10"),
                                 Item("2025年部门预算", "local.1", "2025-02-01"),
                                 Item("低保名单", "local.3", nullptr),
                                 Item("预算报告", "art20.7", "2024-03-10")};
  ASSERT_TRUE(ImportPublications(db(), agency_, items, "c").ok());
  auto use = StandardCatalogueUse(db(), agency_, D("2025-01-15"));
  ASSERT_TRUE(use.ok()) << use.status().message();
  ASSERT_EQ(use->size(), 3u);
  EXPECT_EQ((*use)[0].row.number, "1");
  EXPECT_EQ((*use)[0].items, 2);
  EXPECT_EQ((*use)[0].published, 1);
  EXPECT_EQ((*use)[1].items, 0);
  EXPECT_EQ((*use)[1].published, 0);
  EXPECT_EQ((*use)[2].items, 1);
  EXPECT_EQ((*use)[2].published, 0);
}

TEST_P(StandardCatalogueStoreTest, RefusesRowsWithoutNumberOrRepeated) {
  std::vector<StandardCatalogueRow> rows{Row("1", "财政", ""), Row("1", "财政", "")};
  EXPECT_EQ(ImportStandardCatalogue(db(), agency_, rows, "a", "c").status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(ImportStandardCatalogue(db(), agency_, {}, "a", "c").status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(ImportStandardCatalogue(db(), 999, ThreeRows(), "a", "c").status().code(),
            Status::Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Databases, StandardCatalogueStoreTest,
                         ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
