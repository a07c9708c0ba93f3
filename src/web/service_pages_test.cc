// The public pages of the service catalogue over a real server: the QR link /g/{code} serves the
// version in force with the promised date counted on the calendar, a cancelled item names its
// successor, the lists and their downloads, and the change log's before and after.

#include "web/service_pages.h"

#include <gtest/gtest.h>

#include "docs/print_test_util.h"
#include "services/jsonl.h"
#include "store/services.h"
#include "store/users.h"
#include "web/public_site_test_util.h"

namespace gongkai::web {
namespace {

// Today is Monday 2024-10-14 (PublicSiteTest). The guide promises 5 working days.
constexpr const char* kCatalogue = R"(
{"code": "M1", "name": "食品经营许可", "level": "main", "parent": null, "type": "licence", "department": "甲区市场监督管理局", "status": "in_use", "version": 1, "effective": "2024-01-01"}
{"code": "M1/01", "name": "食品经营许可（新办）", "level": "task", "parent": "M1", "type": "licence", "department": "甲区市场监督管理局", "status": "in_use", "object": "legal_person", "in_hall": true, "cross_province": {"object": "legal_person", "modes": ["online", "proxy"]}, "legal_days": 20, "promised_days": 5, "fee": {"charged": false, "standard": null, "basis": null}, "conditions": ["有与经营相适应的场所"], "materials": [{"name": "食品经营许可申请书", "form": "original", "copies": 1, "required": true}], "basis": [{"title": "中华人民共和国食品安全法", "doc_no": null, "article": "第三十五条"}], "contacts": {"consult": "0375-1234567", "complaint": "12345"}, "place": "甲区政务服务中心", "version": 1, "effective": "2024-01-01", "window": "B区8号窗口", "hours": "工作日9:00—17:00", "steps": [{"name": "审查", "time_limit": "3个工作日"}], "faq": [{"q": "能网上办吗？", "a": "能。"}]}
{"code": "M1-02", "name": "食品经营许可（注销）", "level": "task", "parent": "M1", "type": "licence", "department": "甲区市场监督管理局", "status": "cancelled", "successor": "M1/01", "object": "legal_person", "in_hall": true, "legal_days": 10, "promised_days": 3, "version": 1, "effective": "2024-01-01"}
{"code": "M1-03", "name": "压力容器使用登记", "level": "task", "parent": "M1", "type": "filing", "department": "甲区市场监督管理局", "status": "in_use", "object": "legal_person", "in_hall": false, "not_in_hall_reason": "site", "handled_at": "甲区特种设备监察股", "legal_days": 15, "promised_days": 5, "version": 1, "effective": "2024-01-01"}
)";

class ServicePagesTest : public PublicSiteTest {
 protected:
  static void SetUpTestSuite() {
    PublicSiteTest::SetUpTestSuite();
    auto items = ParseServicesJsonl(kCatalogue, "test.jsonl");
    ASSERT_TRUE(items.ok()) << items.status().message();
    auto imported = ImportServiceItems(*db_, agency_a_, *items, *ParseDate("2024-01-01"), "test");
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }
};

TEST_F(ServicePagesTest, TheQrLinkServesTheGuideWithThePromisedDate) {
  auto res = Client().Get("/g/M1%2F01");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  for (const char* expected : {"食品经营许可（新办）", "有与经营相适应的场所", "食品经营许可申请书",
                               "3个工作日", "《中华人民共和国食品安全法》第三十五条", "B区8号窗口",
                               "工作日9:00—17:00", "0375-1234567", "能网上办吗？", "不收费。",
                               // Monday 10-14 + 5 working days: 15, 16, 17, 18, 21.
                               "承诺 <strong>2024年10月21日</strong> 前办结"}) {
    EXPECT_NE(res->body.find(expected), std::string::npos) << expected;
  }
  EXPECT_NE(res->body.find("/services/" + std::to_string(agency_a_) + "/items/M1%2F01/guide.pdf"),
            std::string::npos);
  EXPECT_EQ(Client().Get("/g/nothing")->status, 404);
}

TEST_F(ServicePagesTest, ACancelledItemSaysSoAndLinksItsSuccessor) {
  auto res = Client().Get("/g/M1-02");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("本事项已取消"), std::string::npos);
  EXPECT_NE(res->body.find("<a href=\"/g/M1%2F01\">食品经营许可（新办）（M1/01）</a>"),
            std::string::npos);
  EXPECT_EQ(res->body.find("前办结"), std::string::npos);  // no promise for a cancelled item
}

TEST_F(ServicePagesTest, TheQrImageAndThePdfCarryTheGuide) {
  const std::string base = "/services/" + std::to_string(agency_a_) + "/items/M1%2F01";
  auto png = Client().Get(base + "/qr.png");
  ASSERT_TRUE(png);
  ASSERT_EQ(png->status, 200);
  EXPECT_EQ(png->get_header_value("Content-Type"), "image/png");
  ASSERT_TRUE(gongkai::testing::HaveTool("zbarimg")) << "zbar-tools is needed";
  const auto codes = gongkai::testing::DecodeQr(png->body, ".png");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(*codes.begin(), "http://127.0.0.1:" + std::to_string(server_->port()) + "/g/M1%2F01");

  auto pdf = Client().Get(base + "/guide.pdf");
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(gongkai::testing::PdfText(pdf->body).find("食品经营许可（新办）办事指南"),
            std::string::npos);
}

// `serve --public-url`: the QR image and the guide's link encode the configured base, not the
// address the caller used.
TEST_F(ServicePagesTest, TheConfiguredPublicUrlIsWhatTheQrCodeHolds) {
  AppOptions options;
  options.data_dir = DefaultDataDir();
  options.upload_dir = dir_ / "uploads-public-url";
  options.public_url = "https://zwfw.example.gov.cn/";
  auto app = App::Create(*db_, *calendars_, options);
  ASSERT_TRUE(app.ok()) << app.status().message();
  Request req;
  req.path = "/services/" + std::to_string(agency_a_) + "/items/M1/01/qr.png";
  req.raw_path = "/services/" + std::to_string(agency_a_) + "/items/M1%2F01/qr.png";
  req.headers["host"] = "127.0.0.1:8080";
  Response png = (*app)->Handle(req);
  ASSERT_EQ(png.status, 200) << png.body;
  ASSERT_TRUE(gongkai::testing::HaveTool("zbarimg")) << "zbar-tools is needed";
  const auto codes = gongkai::testing::DecodeQr(png.body, ".png");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(*codes.begin(), "https://zwfw.example.gov.cn/g/M1%2F01");

  options.public_url = "zwfw.example.gov.cn";
  EXPECT_EQ(App::Create(*db_, *calendars_, options).status().code(), Status::Code::kInvalidInput);
}

// The narrative editor offers the catalogue's facts for section 一, counted today (2024-10-14)
// while 2024 runs: 主项 M1; 业务办理项 M1/01 and M1-03 in use (M1-02 cancelled); M1-03 on the
// negative list; M1/01 跨省通办 for legal persons, online and by proxy.
TEST_F(ServicePagesTest, TheNarrativeEditorOffersTheCatalogueFacts) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto page = GetAs(clerk, "/office/a/" + std::to_string(agency_a_) + "/reports/2024");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string d = "（统计日期：2024年10月14日）";
  for (const std::string& fact :
       {"目录在用主项1项、子项0项、业务办理项2项。" + d,
        "公开办事指南2份（每个在用业务办理项一份）。" + d,
        "进厅负面清单事项1项，其余在用业务办理项均进驻政务服务大厅。" + d,
        "跨省通办事项1项，其中个人事项0项、法人事项1项；全程网办1项、异地代收代办1项、多地联办0项"
        "（一项可有多种办理方式）。" +
            d,
        std::string("2024年生效的事项调整")}) {
    EXPECT_NE(page->body.find(fact), std::string::npos) << fact;
  }
  // Not on the public report.
  auto open = Client().Get("/reports/" + std::to_string(agency_a_) + "/2024");
  ASSERT_TRUE(open);
  EXPECT_EQ(open->body.find("政务服务事项目录的数据"), std::string::npos);
}

// The one search finds in-use 业务办理项 under 办事事项, linking to their guide; a cancelled one
// is not offered.
TEST_F(ServicePagesTest, TheSearchFindsItemsAndLinksTheirGuide) {
  auto res = Client().Get("/search?q=%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5");  // 食品经营
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("办事事项"), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/g/M1%2F01\""), std::string::npos) << res->body;
  EXPECT_EQ(res->body.find("href=\"/g/M1-02\""), std::string::npos);  // cancelled
}

TEST_F(ServicePagesTest, TheCatalogueAndTheLists) {
  const std::string agency = "/services/" + std::to_string(agency_a_);
  auto catalogue = Client().Get(agency +
                                "?department=%E7%94%B2%E5%8C%BA%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%"
                                "A3%E7%AE%A1%E7%90%86%E5%B1%80");
  ASSERT_TRUE(catalogue);
  ASSERT_EQ(catalogue->status, 200);
  EXPECT_NE(catalogue->body.find("<td>1</td><td>0</td><td>3</td>"), std::string::npos)
      << catalogue->body;
  EXPECT_NE(catalogue->body.find("压力容器使用登记"), std::string::npos);

  auto negative = Client().Get(agency + "/negative-list");
  ASSERT_TRUE(negative);
  ASSERT_EQ(negative->status, 200);
  EXPECT_NE(negative->body.find("压力容器使用登记"), std::string::npos);
  EXPECT_NE(negative->body.find("甲区特种设备监察股"), std::string::npos);
  EXPECT_EQ(negative->body.find("食品经营许可（新办）"), std::string::npos);

  auto cross = Client().Get(agency + "/cross-province");
  ASSERT_TRUE(cross);
  ASSERT_EQ(cross->status, 200);
  EXPECT_NE(cross->body.find("二、法人事项（1项）"), std::string::npos);
  EXPECT_NE(cross->body.find("一、个人事项（0项）"), std::string::npos);

  auto xlsx = Client().Get(agency + "/cross-province.xlsx");
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  EXPECT_EQ(Client().Get("/services/999/negative-list")->status, 404);
}

TEST_F(ServicePagesTest, TheChangeLogShowsBeforeAndAfter) {
  auto head = FindUserByName(*db_, "head_a");
  ASSERT_TRUE(head.ok());
  auto current = GetServiceItem(*db_, agency_a_, "M1-03");
  ASSERT_TRUE(current.ok());
  ChangeRequest change;
  change.kind = ChangeKind::kModify;
  change.code = "M1-03";
  change.reason = "压减时限";
  change.basis = "甲区政府办〔2024〕9号";
  change.effective = *ParseDate("2024-10-01");
  change.item = *current;
  change.item->promised_days = 3;
  auto id = DraftServiceChange(*db_, agency_a_, change, *head);
  ASSERT_TRUE(id.ok()) << id.status().message();
  ASSERT_TRUE(ApproveServiceChange(*db_, agency_a_, *id, *head).ok());
  ASSERT_TRUE(PublishServiceChange(*db_, agency_a_, *id, *head).ok());

  auto log = Client().Get("/services/" + std::to_string(agency_a_) + "/changes?year=2024");
  ASSERT_TRUE(log);
  ASSERT_EQ(log->status, 200);
  EXPECT_NE(log->body.find("压减时限"), std::string::npos);
  EXPECT_NE(log->body.find("<th scope=\"row\">承诺办结时限</th><td>5</td><td>3</td>"),
            std::string::npos)
      << log->body;
  // The change is an entry of the register, linked from the log (services/change_notice.h).
  auto published = GetServiceChange(*db_, agency_a_, *id);
  ASSERT_TRUE(published.ok());
  EXPECT_NE(log->body.find("/catalogue/" + std::to_string(agency_a_) + "/items/" +
                           std::to_string(published->publication_id)),
            std::string::npos);
  EXPECT_NE(log->body.find(published->index_no), std::string::npos);
  EXPECT_NE(log->body.find("按时公开"), std::string::npos);
  // The guide now serves the new version.
  auto guide = Client().Get("/g/M1-03");
  ASSERT_TRUE(guide);
  EXPECT_NE(guide->body.find("3个工作日"), std::string::npos);
  EXPECT_EQ(Client().Get("/services/" + std::to_string(agency_a_) + "/changes?year=x")->status,
            400);
}

}  // namespace
}  // namespace gongkai::web
