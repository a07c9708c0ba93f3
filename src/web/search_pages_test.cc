// The portal's search and the open-data search a page at a time: exact totals per kind, links to
// the previous and next page of one kind, the last page holding the remainder, and an item dated
// tomorrow neither shown nor counted.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/publications.h"
#include "web/public_site_test_util.h"
#include "web/url.h"

namespace gongkai::web {
namespace {

using Json = nlohmann::json;

class SearchPagesTest : public PublicSiteTest {
 protected:
  // 45 notices published on 2024-08-31 … 2024-10-14 (today), newest with the highest number,
  // and one more dated tomorrow (2024-10-15).
  static void SetUpTestSuite() {
    PublicSiteTest::SetUpTestSuite();
    std::vector<Publication> items;
    for (int n = 1; n <= 46; ++n) {
      Publication p;
      p.title = fmt::format("甲区道路养护公告第{}号", n);
      p.publisher = "甲区人民政府";
      p.summary = "道路养护期间的交通安排";
      p.category = "art20.7";
      p.created = *ParseDate("2024-08-01");
      p.published = AddDays(*ParseDate("2024-08-31"), n - 1);
      items.push_back(std::move(p));
    }
    auto imported = ImportPublications(*db_, agency_a_, items, "test");
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }

  std::string Get(const std::string& path, int status = 200) {
    auto c = Client();
    auto r = c.Get(path);
    EXPECT_TRUE(r);
    if (!r) return "";
    EXPECT_EQ(r->status, status) << path;
    return r->body;
  }
};

std::string Query() { return "/search?q=" + EncodeQueryValue("道路养护"); }

int Count(const std::string& body, const std::string& what) {
  int n = 0;
  for (auto at = body.find(what); at != std::string::npos; at = body.find(what, at + 1)) ++n;
  return n;
}

TEST_F(SearchPagesTest, PagesOfOneKindWithExactTotals) {
  std::string first = Get(Query());
  EXPECT_NE(first.find("公开信息（45）"), std::string::npos);  // tomorrow's is not counted
  EXPECT_EQ(Count(first, "<li><a href=\"/catalogue/"), 20);
  EXPECT_NE(first.find("第 1–20 条 · 第 1 / 3 页"), std::string::npos) << first;
  EXPECT_NE(first.find("&amp;kind=publication&amp;page=2\" rel=\"next\""), std::string::npos)
      << first;
  EXPECT_NE(first.find("第45号"), std::string::npos);  // newest first
  EXPECT_EQ(first.find("第46号"), std::string::npos);  // dated tomorrow

  std::string last = Get(Query() + "&kind=publication&page=3");
  EXPECT_EQ(Count(last, "<li><a href=\"/catalogue/"), 5);
  EXPECT_NE(last.find("第 41–45 条 · 第 3 / 3 页"), std::string::npos) << last;
  EXPECT_NE(last.find("第1号"), std::string::npos);
  EXPECT_NE(last.find("rel=\"prev\""), std::string::npos);
  EXPECT_EQ(last.find("rel=\"next\""), std::string::npos);

  Get(Query() + "&kind=nonsense", 400);
  Get(Query() + "&page=0", 400);
}

TEST_F(SearchPagesTest, TheApiPagesTheSameWay) {
  Json page3 = Json::parse(Get("/api/v1/search?q=" + EncodeQueryValue("道路养护") +
                               "&kind=publication&limit=20&page=3"));
  EXPECT_EQ(page3["total"], 45);
  EXPECT_EQ(page3["page"], 3);
  EXPECT_EQ(page3["per_page"], 20);
  ASSERT_EQ(page3["groups"].size(), 1u);
  EXPECT_EQ(page3["groups"][0]["pages"], 3);
  EXPECT_EQ(page3["groups"][0]["hits"].size(), 5u);
  Get("/api/v1/search?q=" + EncodeQueryValue("道路养护") + "&page=0", 400);
  Get("/api/v1/search?q=" + EncodeQueryValue("道路养护") + "&kind=x", 400);
}

}  // namespace
}  // namespace gongkai::web
