// The service catalogue in the one search (store/service_search.h): in-use 业务办理项 are found
// with published information by name, alias, material, code (first), pinyin initials and
// synonyms, link to /g/{code}, and follow the catalogue's writes (import, a published change)
// without a reindex; other levels and suspended items are not in the index.

#include "store/service_search.h"

#include <gtest/gtest.h>

#include <memory>

#include "services/testing.h"
#include "store/agencies.h"
#include "store/publications.h"
#include "store/search_index.h"
#include "store/search_sources.h"
#include "store/services.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

Date D(const char* s) { return ParseDate(s).value(); }

class ServiceSearchTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2026) / 3 / 2) + 2h; });
    Agency a;
    a.name = "某区政务服务管理局";
    a.kind = AgencyKind::kDepartment;
    agency_ = AddAgency(db(), a).value();
    clerk_ = AddUser(db(), agency_, "clerk1", Role::kClerk, "clerk-password").value();
    head_ = AddUser(db(), agency_, "head1", Role::kHead, "head-password").value();
    vocabulary_.synonym_groups = {{"开饭店", "餐饮"}};
  }

  // The catalogue: a 主项 and a 子项 (not indexed), the clean 业务办理项 with an alias and a
  // second one; and a published notice that mentions food licences too.
  void Seed() {
    ServiceItem main;
    main.code = "000164213000";
    main.name = "食品经营许可";
    main.level = ItemLevel::kMain;
    main.department = "区市场监督管理局";
    main.effective = D("2024-01-01");
    ServiceItem sub = main;
    sub.code = "000164213003";
    sub.level = ItemLevel::kSub;
    sub.parent = main.code;
    ServiceItem task = testing::CleanTask("00016421300301");
    task.extra =
        R"({"aliases":["开饭店办证"],"window":"B区8号窗口","implementation_code":"511A0138000000-511602000000-000-1"})";
    ServiceItem other = testing::CleanTask("00016421300302");
    other.name = "食品经营许可（变更）";
    other.materials = {{"食品经营许可证正副本", MaterialForm::kOriginal, 1, true, "{}"}};
    other.effective = D("2026-06-01");  // not yet in force on the portal's today
    std::vector<ServiceItem> items = {main, sub, task, other};
    ASSERT_TRUE(ImportServiceItems(db(), agency_, items, D("2026-03-02"), "clerk1").ok());
    Publication p;
    p.title = "关于食品经营许可办理的公告";
    p.publisher = "区市场监督管理局";
    p.summary = "食品经营许可";
    p.kind = PublicationKind::kOther;
    p.category = "art20.5";
    p.created = D("2026-02-01");
    p.published = D("2026-02-03");
    ASSERT_TRUE(CreatePublication(db(), agency_, p, "clerk1").ok());
  }

  SearchResults Search(std::string_view query, std::string until = "") {
    SearchOptions options;
    options.log_miss = false;
    options.until = std::move(until);
    auto r = SearchIndex(db(), vocabulary_).Search(query, options);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : SearchResults{};
  }

  // kind:ref of every hit, in order.
  std::vector<std::string> Found(std::string_view query, std::string until = "") {
    std::vector<std::string> out;
    for (const auto& g : Search(query, std::move(until)).groups) {
      for (const auto& h : g.hits) out.push_back(std::string(Key(h.kind)) + ":" + h.ref);
    }
    return out;
  }

  int64_t agency_ = 0;
  User clerk_, head_;
  SearchVocabulary vocabulary_;
};

using Refs = std::vector<std::string>;

TEST_P(ServiceSearchTest, ItemsAreFoundWithPublishedInformationAndLinkToTheirGuide) {
  Seed();
  SearchResults r = Search("食品经营许可");
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(Label(r.groups[0].kind), "办事事项");
  EXPECT_EQ(r.groups[0].total, 2);  // the two 业务办理项; the 主项 and 子项 are not indexed
  EXPECT_EQ(Label(r.groups[1].kind), "公开信息");
  EXPECT_EQ(r.groups[1].total, 1);
  EXPECT_EQ(r.groups[0].hits[0].url.substr(0, 3), "/g/");
  // By alias (through the synonym 开饭店 ↔ 餐饮 too), by material, by window.
  EXPECT_EQ(Found("开饭店"), (Refs{"service:00016421300301"}));
  EXPECT_EQ(Found("餐饮"), (Refs{"service:00016421300301"}));
  EXPECT_EQ(Found("营业执照"), (Refs{"service:00016421300301"}));
  EXPECT_EQ(Found("许可证正副本"), (Refs{"service:00016421300302"}));
  EXPECT_EQ(Found("8号窗口"), (Refs{"service:00016421300301"}));
  // Pinyin initials of the title: 食品经营许可 = spjyxk.
  EXPECT_EQ(Found("spjyxk").size(), 3u);
  // Until the portal's today: the item effective in June is not shown in March.
  EXPECT_EQ(Found("许可证正副本", "2026-03-02"), Refs{});
}

TEST_P(ServiceSearchTest, AnExactCodePutsItsItemFirst) {
  Seed();
  SearchResults r = Search("00016421300302");
  ASSERT_FALSE(r.groups.empty());
  ASSERT_FALSE(r.groups[0].hits.empty());
  EXPECT_EQ(r.groups[0].hits[0].ref, "00016421300302");
  EXPECT_TRUE(r.groups[0].hits[0].exact_code);
  EXPECT_EQ(r.groups[0].hits[0].url, "/g/00016421300302");
  // The 实施编码 as typed, lower case.
  SearchResults by_implementation = Search("511a0138000000-511602000000-000-1");
  ASSERT_FALSE(by_implementation.groups.empty());
  ASSERT_FALSE(by_implementation.groups[0].hits.empty());
  EXPECT_EQ(by_implementation.groups[0].hits[0].ref, "00016421300301");
  EXPECT_TRUE(by_implementation.groups[0].hits[0].exact_code);
}

TEST_P(ServiceSearchTest, APublishedChangeUpdatesTheIndexAndReindexAgrees) {
  Seed();
  ChangeRequest rename;
  rename.kind = ChangeKind::kModify;
  rename.code = "00016421300301";
  rename.reason = "名称规范";
  rename.basis = "省政务服务事项目录（2026年版）";
  rename.effective = D("2026-03-10");
  rename.item = GetServiceItem(db(), agency_, rename.code).value();
  rename.item->name = "小餐饮经营许可（新设）";
  auto id = DraftServiceChange(db(), agency_, rename, clerk_);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(Found("小餐饮"), Refs{});  // a draft is not public
  ASSERT_TRUE(ApproveServiceChange(db(), agency_, *id, head_).ok());
  ASSERT_TRUE(PublishServiceChange(db(), agency_, *id, head_).ok());
  // The item, and the change's 调整情况公示 in the register (store/services.h).
  EXPECT_EQ(Found("小餐饮"), (Refs{"service:00016421300301", "publication:2"}));
  // Still dated by its first version, so the renamed item stays on the portal before 3-10.
  EXPECT_EQ(Found("小餐饮", "2026-03-02"), (Refs{"service:00016421300301", "publication:2"}));

  ChangeRequest suspend;
  suspend.kind = ChangeKind::kSuspend;
  suspend.code = "00016421300302";
  suspend.reason = "场地改造";
  suspend.basis = "区政府通知";
  suspend.effective = D("2026-06-02");
  auto sid = DraftServiceChange(db(), agency_, suspend, clerk_);
  ASSERT_TRUE(sid.ok()) << sid.status().message();
  ASSERT_TRUE(ApproveServiceChange(db(), agency_, *sid, head_).ok());
  ASSERT_TRUE(PublishServiceChange(db(), agency_, *sid, head_).ok());
  EXPECT_EQ(Found("许可证正副本"), Refs{});

  auto before = SearchIndex(db(), vocabulary_).Count().value();
  auto report = Reindex(db(), vocabulary_, SearchSources());
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(SearchIndex(db(), vocabulary_).Count().value(), before);
  EXPECT_EQ(Found("小餐饮"), (Refs{"service:00016421300301", "publication:2"}));
}

TEST(ServiceSearchDocumentTest, WhatADocumentHolds) {
  ServiceItem task = testing::CleanTask("A/01");
  task.extra =
      R"({"aliases":"办证","implementation_code":"511A0138000000-511602000000-000-1","faq":[{"q":"能网办吗？","a":"能。"}]})";
  auto doc = ServiceSearchDocument(7, task, D("2023-05-06"));
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->ref, "A/01");
  EXPECT_EQ(doc->url, "/g/A%2F01");
  EXPECT_EQ(doc->date, "2023-05-06");
  EXPECT_EQ(doc->codes, (std::vector<std::string>{"A/01", "511A0138000000-511602000000-000-1"}));
  EXPECT_EQ(doc->summary, "办证\n区市场监督管理局 · 行政许可");
  EXPECT_NE(doc->body.find("能网办吗？\n能。"), std::string::npos);
  EXPECT_NE(doc->body.find("中华人民共和国食品安全法第三十五条"), std::string::npos);
  task.status = ItemStatus::kSuspended;
  EXPECT_FALSE(ServiceSearchDocument(7, task, std::nullopt));
  task.status = ItemStatus::kInUse;
  task.level = ItemLevel::kSub;
  EXPECT_FALSE(ServiceSearchDocument(7, task, std::nullopt));
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceSearchTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
