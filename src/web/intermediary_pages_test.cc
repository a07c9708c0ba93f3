// The public pages of the 中介服务事项清单 and the institution directory over a real server: the
// list with its approval items and fees, the directory with an expired qualification marked and
// narrowed to one service, both downloads read back cell by cell, and the guide of an approval
// item naming the services it needs with the free-choice rule.

#include "web/intermediary_pages.h"

#include <gtest/gtest.h>

#include "publications/tabular.h"
#include "services/intermediary_jsonl.h"
#include "services/jsonl.h"
#include "store/intermediaries.h"
#include "store/services.h"
#include "web/public_site_test_util.h"

namespace gongkai::web {
namespace {

// Today is 2024-10-14 (PublicSiteTest).
constexpr const char* kCatalogue = R"(
{"code": "M1", "name": "建设项目环境影响评价审批", "level": "main", "parent": null, "type": "licence", "department": "甲区生态环境分局", "status": "in_use", "version": 1, "effective": "2024-01-01"}
{"code": "M1-01", "name": "环境影响报告书审批", "level": "task", "parent": "M1", "type": "licence", "department": "甲区生态环境分局", "status": "in_use", "object": "legal_person", "in_hall": true, "legal_days": 60, "promised_days": 20, "version": 1, "effective": "2024-01-01"}
)";
constexpr const char* kDirectory = R"JSONL(
{"kind": "intermediary", "code": "ZJ-01", "name": "环境影响报告书编制", "items": ["M1-01"], "department": "甲区生态环境分局", "basis": [{"title": "中华人民共和国环境影响评价法", "article": "第十九条"}], "time_limit": 30, "fee": {"nature": "market", "standard": "按合同约定"}, "commissioned": false, "status": "in_use", "effective": "2024-01-01"}
{"kind": "intermediary", "code": "ZJ-02", "name": "技术评估", "items": ["M1-01"], "department": "甲区生态环境分局", "basis": [{"title": "建设项目环境保护管理条例", "doc_no": "国务院令第682号", "article": "第九条"}], "time_limit": 15, "fee": null, "commissioned": true, "status": "in_use", "effective": "2024-01-01"}
{"kind": "institution", "credit_code": "91411302MA44ABCD13", "name": "甲环境科技有限公司", "qualifications": [{"name": "环评工程师资质", "number": "HP-001", "grade": "乙级", "valid_from": "2020-01-01", "valid_until": "2024-10-13"}], "services": ["ZJ-01"], "fees": "按合同约定", "contacts": {"phone": "0375-2961111", "address": "甲区建设路1号", "website": "javascript:alert(1)"}, "joined": "2023-01-01", "effective": "2024-01-01"}
{"kind": "institution", "credit_code": "91411302MA45XK2P3A", "name": "乙评估中心", "qualifications": [{"name": "技术评估资质", "number": "PG-002", "valid_until": "2024-10-14"}], "services": ["ZJ-01", "ZJ-02"], "contacts": {"phone": "0375-2962222", "website": "https://pg.example.org"}, "joined": "2023-01-01", "effective": "2024-01-01"}
{"kind": "institution", "credit_code": "52411302MA46HJ7R9T", "name": "已退出的机构", "services": ["ZJ-01"], "joined": "2023-01-01", "left": "2024-06-30", "effective": "2024-01-01"}
)JSONL";

class IntermediaryPagesTest : public PublicSiteTest {
 protected:
  static void SetUpTestSuite() {
    PublicSiteTest::SetUpTestSuite();
    auto items = ParseServicesJsonl(kCatalogue, "catalogue.jsonl");
    ASSERT_TRUE(items.ok()) << items.status().message();
    ASSERT_TRUE(ImportServiceItems(*db_, agency_a_, *items, *ParseDate("2024-01-01"), "t").ok());
    auto entries = ParseDirectoryJsonl(kDirectory, "directory.jsonl");
    ASSERT_TRUE(entries.ok()) << entries.status().message();
    auto imported = ImportDirectory(*db_, agency_a_, *entries, *ParseDate("2024-01-01"), "t");
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }

  std::string Base() { return "/services/" + std::to_string(agency_a_); }
};

bool Has(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

TEST_F(IntermediaryPagesTest, TheListNamesItemsFeesAndTheFreeChoice) {
  auto res = Client().Get(Base() + "/intermediaries");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  for (const char* expected :
       {"甲区人民政府行政审批中介服务事项清单", "共 2 项", "环境影响报告书编制", "30个工作日",
        "市场调节价：按合同约定", "审批部门委托，费用由审批部门承担，申请人不承担费用",
        "《建设项目环境保护管理条例》（国务院令第682号）第九条", "审批部门不得指定",
        "可选择的中介服务机构（2 家）", "可选择的中介服务机构（1 家）"}) {
    EXPECT_TRUE(Has(res->body, expected)) << expected;
  }
  EXPECT_TRUE(Has(res->body, "<a href=\"" + Base() + "/items/M1-01\">环境影响报告书审批</a>"));
  EXPECT_EQ(Client().Get("/services/999/intermediaries")->status, 404);
  // The catalogue page links both lists.
  auto catalogue = Client().Get(Base());
  ASSERT_TRUE(catalogue);
  EXPECT_TRUE(
      Has(catalogue->body, "<a href=\"" + Base() + "/intermediaries\">中介服务事项清单</a>"));
  EXPECT_TRUE(Has(catalogue->body, "<a href=\"" + Base() + "/institutions\">中介服务机构名录</a>"));
}

TEST_F(IntermediaryPagesTest, TheDirectoryMarksAnExpiredQualificationAndLeavesOutWhoLeft) {
  auto res = Client().Get(Base() + "/institutions");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_TRUE(Has(res->body, "共 2 家"));
  // Expired on 2024-10-13, the day before today; the other is valid through today.
  EXPECT_TRUE(Has(res->body,
                  "<span class=\"overdue\">有效期：2020年1月1日至2024年10月13日（已过期）</span>"))
      << res->body;
  EXPECT_TRUE(Has(res->body, "<span class=\"meta\">有效期：至2024年10月14日</span>"));
  EXPECT_FALSE(Has(res->body, "已退出的机构"));
  EXPECT_FALSE(Has(res->body, "javascript:"));  // only http(s) links are shown
  EXPECT_TRUE(Has(res->body, "href=\"https://pg.example.org\""));

  auto one = Client().Get(Base() + "/institutions?service=ZJ-02");
  ASSERT_TRUE(one);
  ASSERT_EQ(one->status, 200);
  EXPECT_TRUE(Has(one->body, "可提供「技术评估」的中介服务机构"));
  EXPECT_TRUE(Has(one->body, "乙评估中心"));
  EXPECT_FALSE(Has(one->body, "甲环境科技有限公司"));
  EXPECT_EQ(Client().Get(Base() + "/institutions?service=NOPE")->status, 404);
}

TEST_F(IntermediaryPagesTest, TheDownloadsReadBackCellByCell) {
  auto list = Client().Get(Base() + "/intermediaries.xlsx");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  auto rows = ReadTableFile("list.xlsx", list->body, "");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[1].cells[3], "涉及的审批事项");
  EXPECT_EQ((*rows)[2].cells[3], "环境影响报告书审批（M1-01）");
  EXPECT_EQ((*rows)[3].cells[8], "审批部门委托开展");

  auto directory = Client().Get(Base() + "/institutions.xlsx");
  ASSERT_TRUE(directory);
  ASSERT_EQ(directory->status, 200);
  auto drows = ReadTableFile("directory.xlsx", directory->body, "");
  ASSERT_TRUE(drows.ok()) << drows.status().message();
  ASSERT_EQ(drows->size(), 4u);  // title, header, two institutions by name
  EXPECT_EQ((*drows)[2].cells[1], "乙评估中心");
  EXPECT_EQ((*drows)[3].cells[4], "2020年1月1日至2024年10月13日（已过期）");
  EXPECT_EQ((*drows)[2].cells[5], "环境影响报告书编制（ZJ-01）；技术评估（ZJ-02）");
}

TEST_F(IntermediaryPagesTest, TheGuideListsTheServicesItNeedsAndLinksTheDirectory) {
  auto res = Client().Get("/g/M1-01");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_TRUE(Has(res->body, "<h2 id=\"intermediary\">中介服务</h2>"));
  EXPECT_TRUE(Has(res->body, "环境影响报告书编制"));
  EXPECT_TRUE(Has(res->body, "技术评估"));
  EXPECT_TRUE(Has(res->body, "申请人可自主选择中介服务机构，审批部门不得指定"));
  EXPECT_TRUE(Has(res->body, "href=\"" + Base() + "/institutions?service=ZJ-01\""));
  // An item that needs none has no such section.
  auto main = Client().Get(Base() + "/items/M1");
  ASSERT_TRUE(main);
  EXPECT_FALSE(Has(main->body, "id=\"intermediary\""));
}

}  // namespace
}  // namespace gongkai::web
