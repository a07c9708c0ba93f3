// The disclosure guide on the web: publication refused with the list of what is missing, the
// public page showing only the published version, and the reminder on the office index.

#include "web/guide_pages.h"

#include "web/public_site_test_util.h"

namespace gongkai::web {
namespace {

using GuidePagesTest = PublicSiteTest;

httplib::Params CompleteGuide() {
  return {
      {"classification", "主动公开的政府信息按条例第二十条分类。"},
      {"arrangement", "按主题分类和生成日期编排。"},
      {"access_methods", "在政府网站查阅；依申请公开可在线提交。"},
      {"office_name", "甲区人民政府办公室"},
      {"office_address", "甲区人民路1号"},
      {"office_hours", "工作日 9:00—17:30"},
      {"phone", "010-12345678"},
      {"fax", "010-12345679"},
      {"web_contact", "https://www.example.gov.cn/xxgk"},
      {"notes", "<script>alert(1)</script>"},
  };
}

TEST_F(GuidePagesTest, PublicationIsRefusedWhileElementsAreMissingThenPublished) {
  const std::string editor = "/office/a/" + std::to_string(agency_a_) + "/guide";
  const std::string page = "/guide/" + std::to_string(agency_a_);
  auto none = Client().Get(page);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_NE(none->body.find("尚未在本平台发布"), std::string::npos);

  Staff clerk = SignIn("clerk_a", "password-a1");
  auto queue = GetAs(clerk, "/office");
  ASSERT_TRUE(queue);
  EXPECT_NE(queue->body.find("尚未发布政府信息公开指南"), std::string::npos);

  httplib::Params partial = CompleteGuide();
  partial.erase("fax");
  partial.erase("office_hours");
  partial.emplace("office_hours", "   ");
  partial.emplace("action", "publish");
  auto refused = PostAs(clerk, editor, partial);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("办公时间、传真号码"), std::string::npos) << refused->body;
  EXPECT_NE(refused->body.find("第 1 版已保存，但未发布"), std::string::npos);
  EXPECT_NE(refused->body.find("甲区人民路1号"), std::string::npos);  // nothing typed is lost
  EXPECT_EQ(Client().Get(page)->status, 404);

  httplib::Params full = CompleteGuide();
  full.emplace("action", "publish");
  auto published = PostAs(clerk, editor, full);
  ASSERT_TRUE(published);
  EXPECT_EQ(published->status, 303);
  auto shown = Client().Get(page);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->status, 200);
  EXPECT_NE(shown->body.find("甲区人民政府政府信息公开指南"), std::string::npos);
  EXPECT_NE(shown->body.find("010-12345679"), std::string::npos);
  EXPECT_NE(shown->body.find("第 2 版，2024年10月14日发布"), std::string::npos) << shown->body;
  EXPECT_EQ(shown->body.find("<script>alert"), std::string::npos);  // escaped
  EXPECT_EQ(GetAs(clerk, "/office")->body.find("尚未发布政府信息公开指南"), std::string::npos);

  // A saved change of the phone number is not public yet: the office index reminds.
  httplib::Params new_phone = CompleteGuide();
  new_phone.erase("phone");
  new_phone.emplace("phone", "010-87654321");
  new_phone.emplace("action", "save");
  auto saved = PostAs(clerk, editor, new_phone);
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 303);
  EXPECT_NE(GetAs(clerk, "/office")->body.find("联系方式已修改"), std::string::npos);
  EXPECT_NE(Client().Get(page)->body.find("010-12345678"), std::string::npos);
}

TEST_F(GuidePagesTest, SupervisorReadsAndAnotherAgencyIsRefused) {
  const std::string editor = "/office/a/" + std::to_string(agency_a_) + "/guide";
  Staff sup = SignIn("sup_a", "password-a3");
  auto read = GetAs(sup, editor);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);
  EXPECT_EQ(read->body.find("保存并发布"), std::string::npos);
  httplib::Params full = CompleteGuide();
  full.emplace("action", "publish");
  EXPECT_EQ(PostAs(sup, editor, full)->status, 403);
  Staff other = SignIn("clerk_b", "password-b1");
  EXPECT_EQ(GetAs(other, editor)->status, 403);
  EXPECT_EQ(PostAs(other, editor, full)->status, 403);
}

}  // namespace
}  // namespace gongkai::web
