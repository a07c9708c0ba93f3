// The office's change workflow over a real server (web/service_change_pages.h): a clerk's
// refused draft comes back with what was typed, a 变更 previews its field-level before/after, the
// head's rejection reason reaches the clerk, approval and publication go through the one
// permission table, and the published change is in the public change log and the register.

#include "web/service_change_pages.h"

#include <gtest/gtest.h>

#include "services/jsonl.h"
#include "store/services.h"
#include "web/public_site_test_util.h"

namespace gongkai::web {
namespace {

constexpr const char* kCatalogue = R"(
{"code": "M1", "name": "食品经营许可", "level": "main", "parent": null, "type": "licence", "department": "甲区市场监督管理局", "status": "in_use", "version": 1, "effective": "2024-01-01"}
{"code": "M1-03", "name": "压力容器使用登记", "level": "task", "parent": "M1", "type": "filing", "department": "甲区市场监督管理局", "status": "in_use", "object": "legal_person", "in_hall": true, "legal_days": 15, "promised_days": 5, "version": 1, "effective": "2024-01-01"}
)";

class ServiceChangePagesTest : public PublicSiteTest {
 protected:
  static void SetUpTestSuite() {
    PublicSiteTest::SetUpTestSuite();
    auto items = ParseServicesJsonl(kCatalogue, "test.jsonl");
    ASSERT_TRUE(items.ok()) << items.status().message();
    ASSERT_TRUE(ImportServiceItems(*db_, agency_a_, *items, *ParseDate("2024-01-01"), "t").ok());
  }

  std::string Base() { return "/office/a/" + std::to_string(agency_a_) + "/service-changes"; }

  // The form of a 变更 of M1-03 whose item promises `promised` days.
  httplib::Params Modify(const std::string& reason, int promised) {
    auto current = GetServiceItem(*db_, agency_a_, "M1-03");
    EXPECT_TRUE(current.ok());
    ServiceItem item = *current;
    item.promised_days = promised;
    return {{"kind", "modify"},          {"code", "M1-03"},
            {"reason", reason},          {"basis", "甲区政府办〔2024〕9号"},
            {"effective", "2024-10-20"}, {"item", ServiceItemToJsonLine(item)}};
  }
};

TEST_F(ServiceChangePagesTest, DraftPreviewRejectApproveAndPublish) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  Staff head = SignIn("head_a", "password-a2");

  // 变更: the form loads the item in force.
  auto form = GetAs(clerk, Base() + "?kind=modify&code=M1-03");
  ASSERT_TRUE(form);
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("&quot;promised_days&quot;:5"), std::string::npos) << form->body;

  // A refused draft keeps what was typed.
  httplib::Params missing = Modify("", 3);
  missing.emplace("action", "draft");
  auto refused = PostAs(clerk, Base(), missing);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("调整原因：必填"), std::string::npos);
  EXPECT_NE(refused->body.find("甲区政府办〔2024〕9号"), std::string::npos);
  EXPECT_NE(refused->body.find("value=\"2024-10-20\""), std::string::npos);
  EXPECT_NE(refused->body.find("&quot;promised_days&quot;:3"), std::string::npos);
  EXPECT_NE(refused->body.find("service-changes?kind=modify&amp;code=M1-03#draft"),
            std::string::npos);

  // The preview shows the field-level before/after and saves nothing.
  httplib::Params preview = Modify("压减时限", 3);
  preview.emplace("action", "preview");
  auto shown = PostAs(clerk, Base(), preview);
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->status, 200);
  EXPECT_NE(shown->body.find("<th scope=\"row\">承诺办结时限</th><td>5</td><td>3</td>"),
            std::string::npos)
      << shown->body;
  EXPECT_TRUE(ListServiceChanges(*db_, agency_a_, {})->empty());

  // Drafted; the clerk may not approve (the route's gate), the head rejects with a reason.
  httplib::Params draft = Modify("压减时限", 3);
  draft.emplace("action", "draft");
  auto drafted = PostAs(clerk, Base(), draft);
  ASSERT_TRUE(drafted);
  ASSERT_EQ(drafted->status, 303);
  EXPECT_EQ(drafted->get_header_value("Location"), Base() + "/1");
  EXPECT_EQ(PostAs(clerk, Base() + "/1/approve")->status, 403);
  auto clerk_view = GetAs(clerk, Base() + "/1");
  EXPECT_EQ(clerk_view->body.find(">批准</button>"), std::string::npos);
  EXPECT_NE(clerk_view->body.find("撤回草稿"), std::string::npos);
  EXPECT_EQ(PostAs(head, Base() + "/1/reject", {{"note", " "}})->status, 422);
  EXPECT_EQ(PostAs(head, Base() + "/1/reject", {{"note", "依据文号有误"}})->status, 303);
  auto rejected = GetAs(clerk, Base() + "/1");
  EXPECT_NE(rejected->body.find("驳回理由：依据文号有误"), std::string::npos);
  EXPECT_EQ(rejected->body.find("撤回草稿"), std::string::npos);

  // Drafted again, approved and published: the new version, the register entry, the public log.
  ASSERT_EQ(PostAs(clerk, Base(), draft)->status, 303);
  EXPECT_EQ(PostAs(head, Base() + "/2/publish")->status, 409);  // not approved yet
  ASSERT_EQ(PostAs(head, Base() + "/2/approve")->status, 303);
  ASSERT_EQ(PostAs(head, Base() + "/2/publish")->status, 303);
  auto published = GetServiceChange(*db_, agency_a_, 2);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->state, ChangeState::kPublished);
  EXPECT_EQ(GetServiceItem(*db_, agency_a_, "M1-03")->promised_days, 3);
  auto page = GetAs(head, Base() + "/2");
  EXPECT_NE(page->body.find("索引号 " + published->index_no), std::string::npos);
  auto log = Client().Get("/services/" + std::to_string(agency_a_) + "/changes?year=2024");
  EXPECT_NE(log->body.find("压减时限"), std::string::npos);
}

TEST_F(ServiceChangePagesTest, ASupervisorReadsButDraftsNothing) {
  Staff sup = SignIn("sup_a", "password-a3");
  auto list = GetAs(sup, Base());
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(list->body.find("提交起草"), std::string::npos);
  httplib::Params suspend{{"kind", "suspend"},         {"code", "M1-03"},
                          {"reason", "场地改造"},      {"basis", "区政府通知"},
                          {"effective", "2024-11-01"}, {"action", "draft"}};
  EXPECT_EQ(PostAs(sup, Base(), suspend)->status, 403);
  Staff clerk_b = SignIn("clerk_b", "password-b1");
  EXPECT_EQ(GetAs(clerk_b, Base())->status, 403);  // another agency's clerk
}

}  // namespace
}  // namespace gongkai::web
