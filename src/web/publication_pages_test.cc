// The office's register pages over a real server: an item added through the form is on the
// Art. 26 clock (its due date worked out by hand on the 2024 calendar) and, once published,
// in search; a withdrawal takes it out of the catalogue and the index; an import with one bad
// line changes nothing and names the line.

#include "web/publication_pages.h"

#include "web/public_site_test_util.h"
#include "web/url.h"

namespace gongkai::web {
namespace {

using PublicationPagesTest = PublicSiteTest;

httplib::Params Item(const std::string& title, const std::string& published) {
  return {{"title", title},         {"publisher", "甲区人民政府"}, {"summary", "内容概述"},
          {"kind", "other"},        {"category", "art20.12"},      {"created", "2024-09-02"},
          {"published", published}, {"status", "in_force"},        {"channels", "website"},
          {"text", "正文"}};
}

TEST_F(PublicationPagesTest, FormClockSearchAndWithdrawal) {
  const std::string base = "/office/a/" + std::to_string(agency_a_) + "/publications";
  Staff clerk = SignIn("clerk_a", "password-a1");
  // Created Monday 2024-09-02 (day 0). Working days: 3–6 Sep (4), 9–13 (9), Saturday 14 Sep
  // worked for the Mid-Autumn holiday 15–17 (10), 18–20 (13), 23–27 (18), Sunday 29 Sep worked
  // for National Day (19), Monday 30 Sep (20): due 2024-09-30, overdue on 2024-10-14.
  auto unpublished = PostAs(clerk, base + "/new", Item("甲区义务教育学校划片范围", ""));
  ASSERT_TRUE(unpublished);
  EXPECT_EQ(unpublished->status, 303) << unpublished->body;
  // Published 2024-10-08, after its due date: late.
  auto late = PostAs(clerk, base + "/new", Item("甲区托育机构名录", "2024-10-08"));
  ASSERT_TRUE(late);
  EXPECT_EQ(late->status, 303) << late->body;

  auto list = GetAs(clerk, base);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("<tr class=\"overdue\"><td><a href=\"" + base +
                            "/1\">甲区义务教育学校划片范围"),
            std::string::npos)
      << list->body;
  EXPECT_NE(list->body.find("2024年9月30日"), std::string::npos);
  EXPECT_NE(list->body.find("<strong id=\"late-count\">1</strong>"), std::string::npos);

  // The published item is in search by two characters; the unpublished one is not.
  auto c = Client();
  auto found = c.Get("/search?q=" + EncodeQueryValue("托育"));
  EXPECT_NE(found->body.find("<mark>托育</mark>"), std::string::npos) << found->body;
  auto hidden = c.Get("/search?q=" + EncodeQueryValue("划片"));
  EXPECT_EQ(hidden->body.find("划片范围</a>"), std::string::npos);

  // A refused form keeps what was typed and names the field.
  httplib::Params bad = Item("甲区无日期的信息", "");
  bad.erase("created");
  auto refused = PostAs(clerk, base + "/new", bad);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("生成日期"), std::string::npos);
  EXPECT_NE(refused->body.find("甲区无日期的信息"), std::string::npos);

  // Withdrawn: gone from the catalogue and from search.
  auto withdrawn = PostAs(clerk, base + "/2/withdraw", {{"reason", "内容有误，更正后重新公开"}});
  EXPECT_EQ(withdrawn->status, 303) << withdrawn->body;
  EXPECT_EQ(c.Get("/catalogue/" + std::to_string(agency_a_) + "/items/2")->status, 404);
  auto after = c.Get("/search?q=" + EncodeQueryValue("托育"));
  EXPECT_EQ(after->body.find("托育机构名录</a>"), std::string::npos);

  // A supervisor reads the list but may not change it.
  Staff sup = SignIn("sup_a", "password-a3");
  EXPECT_EQ(GetAs(sup, base)->status, 200);
  EXPECT_EQ(PostAs(sup, base + "/new", Item("x", ""))->status, 403);
}

TEST_F(PublicationPagesTest, ImportIsAllOrNothing) {
  const std::string base = "/office/a/" + std::to_string(agency_a_) + "/publications";
  Staff clerk = SignIn("clerk_a", "password-a1");
  const std::string good =
      R"({"title":"甲区体育场馆开放时间","publisher":"甲区人民政府","summary":"开放时间","kind":"other","category":"art20.12","created":"2024-09-02","published":"2024-09-20","status":"in_force","channels":["website"]})";
  const std::string bad =
      R"({"title":"甲区图书馆开放时间","publisher":"甲区人民政府","summary":"开放时间","kind":"law","category":"art20.12","created":"2024-09-02","published":null,"status":"in_force","channels":[]})";
  auto upload = [&](const std::string& text) {
    httplib::MultipartFormDataItems items = {
        {"_csrf", clerk.csrf, "", ""},
        {"file", text, "register.jsonl", "application/octet-stream"},
    };
    return Client().Post(base + "/import", {{"Cookie", clerk.cookie}}, items);
  };
  auto before = GetAs(clerk, base)->body;
  auto refused = upload(good + "\n" + bad + "\n");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("register.jsonl:2"), std::string::npos) << refused->body;
  EXPECT_NE(refused->body.find("kind"), std::string::npos);
  EXPECT_EQ(refused->body.find("甲区体育场馆开放时间</a>"), std::string::npos);  // nothing written

  auto imported = upload(good + "\n");
  EXPECT_EQ(imported->status, 303) << imported->body;
  EXPECT_NE(imported->get_header_value("Location").find("rows=1"), std::string::npos);
  EXPECT_NE(GetAs(clerk, base)->body.find("甲区体育场馆开放时间</a>"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
