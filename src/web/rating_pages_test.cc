// 好差评 pages over a real server, with the hand-counted fixture of tests/fixtures/ratings/: the
// public statistics with their formulas, charts and no rater named; the rating form and its
// one-rating-per-submission store; the office queue with the overdue first and the head's
// approval of an answer.

#include "web/rating_pages.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "services/jsonl.h"
#include "store/ratings.h"
#include "store/services.h"
#include "web/public_site_test_util.h"

namespace gongkai::web {
namespace {

std::string ReadText(const std::string& relative) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class RatingPagesTest : public PublicSiteTest {
 protected:
  static void SetUpTestSuite() {
    PublicSiteTest::SetUpTestSuite();
    auto items =
        ParseServicesJsonl(ReadText("tests/fixtures/ratings/catalogue.jsonl"), "catalogue.jsonl");
    ASSERT_TRUE(items.ok()) << items.status().message();
    ASSERT_TRUE(ImportServiceItems(*db_, agency_a_, *items, *ParseDate("2024-01-01"), "test").ok());
    auto file = ParseRatingsJsonl(ReadText("tests/fixtures/ratings/ratings-2024.jsonl"), "r.jsonl");
    ASSERT_TRUE(file.ok()) << file.status().message();
    auto imported = ImportRatings(*db_, agency_a_, *file, "r.jsonl", "test");
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }

  std::string Path(const std::string& rest) {
    return "/services/" + std::to_string(agency_a_) + rest;
  }
};

TEST_F(RatingPagesTest, TheYearShowsTheHandCountsTheirFormulasAndChartsWithoutRaters) {
  auto res = Client().Get(Path("/ratings?year=2024"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  for (const char* expected :
       {"评价总数</th><td class=\"num\">13</td>", "差评</th><td class=\"num\">5</td>",
        "无效差评（申诉成立，不计入）</th><td class=\"num\">1</td>",
        "好评率</th><td class=\"num\">61.54%</td>", "本系统口径",
        "好评率 = （非常满意 + 满意 + 基本满意）÷ 评价总数 × 100%",
        "<title id=\"chart-monthly-title\">2024年各月评价数（按评价等级）</title>",
        "<title>2月 非常不满意：1</title>", "<title>区市场监督管理局：差评 3</title>",
        "实名（已隐去）", "就业登记（新办）"}) {
    EXPECT_NE(res->body.find(expected), std::string::npos) << expected;
  }
  // r03's free text holds a phone number: neither is ever public.
  EXPECT_EQ(res->body.find("13800138000"), std::string::npos);
  EXPECT_EQ(res->body.find("态度不好"), std::string::npos);
  EXPECT_EQ(res->body.find("<script"), std::string::npos);

  auto q1 = Client().Get(Path("/ratings?year=2024&quarter=1"));
  ASSERT_EQ(q1->status, 200);
  EXPECT_NE(q1->body.find("2024年第一季度"), std::string::npos);
  EXPECT_NE(q1->body.find("评价总数</th><td class=\"num\">4</td>"), std::string::npos);
  auto hr =
      Client().Get(Path("/ratings?year=2024&department=%E5%8C%BA%E4%BA%BA%E5%8A%9B%E8%B5%84"
                        "%E6%BA%90%E5%92%8C%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%9A%9C%E5%B1%80"));
  ASSERT_EQ(hr->status, 200);
  EXPECT_NE(hr->body.find("评价总数</th><td class=\"num\">4</td>"), std::string::npos);
  EXPECT_EQ(Client().Get(Path("/ratings?year=2024&month=13"))->status, 400);
  EXPECT_EQ(Client().Get(Path("/ratings?year=2024&month=2&quarter=1"))->status, 400);
}

TEST_F(RatingPagesTest, TheGuideLinksTheRatingFormWhichStoresOneRating) {
  auto guide = Client().Get(Path("/items/00016421300301"));
  ASSERT_EQ(guide->status, 200);
  EXPECT_NE(guide->body.find(Path("/items/00016421300301/rate")), std::string::npos);
  auto qr = Client().Get(Path("/items/00016421300301/rate.svg"));
  ASSERT_EQ(qr->status, 200);
  EXPECT_EQ(qr->get_header_value("Content-Type"), "image/svg+xml");

  auto c = Client();
  auto form = c.Get(Path("/items/00016421300301/rate?via=qr"));
  ASSERT_EQ(form->status, 200);
  std::string csrf = FirstMatch(form->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
  ASSERT_FALSE(csrf.empty());
  const auto before = LoadRatings(*db_, agency_a_, std::nullopt)->size();
  httplib::Params params{
      {"_csrf", csrf}, {"level", "2"}, {"object", "window"}, {"via", "qr"}, {"text", "排队太久"}};
  auto res = c.Post(Path("/items/00016421300301/rate"), {{"Cookie", "gk_csrf=" + csrf}}, params);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("感谢您的评价"), std::string::npos);
  auto after = LoadRatings(*db_, agency_a_, std::nullopt);
  ASSERT_EQ(after->size(), before + 1);
  const Rating* fresh = nullptr;
  for (const RatedService& r : *after) {
    if (r.rating.id.starts_with("W")) fresh = &r.rating;
  }
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ(fresh->level, 2);
  EXPECT_EQ(fresh->object, RatingObject::kWindow);
  EXPECT_EQ(fresh->channel, RatingChannel::kQr);
  EXPECT_EQ(fresh->text, "排队太久");
  // PublicSiteTest's clock: 2024-10-14 in Asia/Shanghai.
  EXPECT_EQ(FormatDate(fresh->at.date), "2024-10-14");

  params = {{"_csrf", csrf}, {"object", "window"}};  // no level
  res = c.Post(Path("/items/00016421300301/rate"), {{"Cookie", "gk_csrf=" + csrf}}, params);
  EXPECT_EQ(res->status, 400);
}

// 一事一评 from the tracking page needs the case's number and query code.
TEST_F(RatingPagesTest, ACaseIsRatedOnlyWithItsQueryCode) {
  auto c = Client();
  auto form = c.Get("/track");
  std::string csrf = FirstMatch(form->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
  httplib::Params params{{"_csrf", csrf},
                         {"agency", std::to_string(agency_a_)},
                         {"number", "2024-9999"},
                         {"code", "guess"},
                         {"level", "1"}};
  auto res = c.Post("/track/rate", {{"Cookie", "gk_csrf=" + csrf}}, params);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_NE(res->body.find("案件编号或查询码不正确"), std::string::npos);
}

TEST_F(RatingPagesTest, TheOfficeQueueShowsTheOverdueFirstAndTheHeadApprovesAnswers) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  Staff head = SignIn("head_a", "password-a2");
  const std::string queue = "/office/a/" + std::to_string(agency_a_) + "/ratings";
  auto page = GetAs(clerk, queue + "?as_of=2024-08-16");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  // r11 (due 08-15, unanswered) is overdue and first; r08 was answered late.
  auto r11 = page->body.find("评价 r11");
  auto r08 = page->body.find("评价 r08");
  ASSERT_NE(r11, std::string::npos);
  ASSERT_NE(r08, std::string::npos);
  EXPECT_LT(r11, r08);
  EXPECT_NE(page->body.find("逾期 1 件"), std::string::npos);
  EXPECT_NE(page->body.find("整改期限：5 个工作日"), std::string::npos);

  auto step = PostAs(clerk, queue + "/r11/steps", {{"kind", "verified"}, {"date", "2024-10-14"}});
  ASSERT_EQ(step->status, 303) << step->body;
  step = PostAs(clerk, queue + "/r11/steps",
                {{"kind", "rectified"}, {"date", "2024-10-14"}, {"note", "已整改"}});
  ASSERT_EQ(step->status, 303) << step->body;
  auto ticket = GetRatingTicket(*db_, agency_a_, "r11", **calendars_->ForRegion(""),
                                *ParseDate("2024-10-14"));
  ASSERT_TRUE(ticket.ok()) << ticket.status().message();
  ASSERT_EQ(ticket->steps.size(), 2u);
  EXPECT_TRUE(ticket->status.pending);
  const std::string decide = queue + "/steps/" + std::to_string(ticket->steps[1].seq);
  EXPECT_EQ(PostAs(clerk, decide, {{"decision", "approve"}})->status, 403);
  ASSERT_EQ(PostAs(head, decide, {{"decision", "approve"}})->status, 303);
  ticket = GetRatingTicket(*db_, agency_a_, "r11", **calendars_->ForRegion(""),
                           *ParseDate("2024-10-14"));
  EXPECT_EQ(ticket->status.state, TicketState::kAnswered);
  EXPECT_TRUE(ticket->status.overdue);  // answered after its due date
  // A step out of order is refused with the reason.
  auto bad = PostAs(clerk, queue + "/r11/steps", {{"kind", "verified"}, {"date", "2024-10-14"}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("工单已核实"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
