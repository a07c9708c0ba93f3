#include "publications/guide.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
}

DisclosureGuide Complete() {
  DisclosureGuide g;
  g.classification = "主动公开的政府信息按条例第二十条分为十五类。";
  g.arrangement = "按主题分类、发布机构和生成日期编排。";
  g.access_methods = "主动公开信息可在政府网站查阅；依申请公开可在线、邮寄或当面申请。";
  g.office_name = "甲区人民政府办公室";
  g.office_address = "甲区人民路1号";
  g.office_hours = "工作日 9:00—12:00，13:30—17:30";
  g.phone = "010-12345678";
  g.fax = "010-12345679";
  g.web_contact = "https://www.example.gov.cn/xxgk";
  return g;
}

TEST(GuideTest, CompleteGuideMayBePublished) {
  EXPECT_TRUE(MissingElements(Complete()).empty());
  EXPECT_TRUE(CheckGuidePublishable(Complete()).ok());
  DisclosureGuide without_notes = Complete();
  without_notes.notes.clear();  // the free text is not an Art. 12 element
  EXPECT_TRUE(CheckGuidePublishable(without_notes).ok());
}

TEST(GuideTest, EveryArticle12ElementIsRequired) {
  // Blanking each element alone must make exactly that element missing.
  const struct {
    std::string DisclosureGuide::*field;
    std::string_view label;
  } kCases[] = {
      {&DisclosureGuide::classification, "政府信息的分类"},
      {&DisclosureGuide::arrangement, "编排体系"},
      {&DisclosureGuide::access_methods, "获取方式"},
      {&DisclosureGuide::office_name, "工作机构名称"},
      {&DisclosureGuide::office_address, "办公地址"},
      {&DisclosureGuide::office_hours, "办公时间"},
      {&DisclosureGuide::phone, "联系电话"},
      {&DisclosureGuide::fax, "传真号码"},
      {&DisclosureGuide::web_contact, "互联网联系方式"},
  };
  for (const auto& c : kCases) {
    DisclosureGuide g = Complete();
    g.*c.field = "";
    auto missing = MissingElements(g);
    ASSERT_EQ(missing.size(), 1u) << c.label;
    EXPECT_EQ(missing[0]->label, c.label);
    Status s = CheckGuidePublishable(g);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << c.label;
    EXPECT_NE(s.message().find(std::string(c.label)), std::string::npos) << s.message();
  }
}

TEST(GuideTest, WhiteSpaceIsMissingAndEveryGapIsListedInOrder) {
  DisclosureGuide g = Complete();
  g.fax = "  \t";
  g.office_address = "\u3000\u3000";  // ideographic spaces pasted from a Word file
  Status s = CheckGuidePublishable(g);
  EXPECT_EQ(s.message(), "指南缺少以下第十二条规定的内容：办公地址、传真号码；请补充后再发布");
  EXPECT_EQ(MissingElements(DisclosureGuide()).size(), 9u);
}

TEST(GuideTest, OverlongElementIsRefused) {
  DisclosureGuide g = Complete();
  g.notes = std::string(kMaxGuideElementChars + 1, 'a');
  Status s = CheckGuidePublishable(g);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("其他说明"), std::string::npos) << s.message();
}

TEST(GuideTest, Reminders) {
  DisclosureGuide published = Complete();
  DisclosureGuide new_phone = Complete();
  new_phone.phone = "010-87654321";
  DisclosureGuide new_wording = Complete();
  new_wording.classification = "按条例第二十条、第二十一条分类。";
  const Date kPublished = D(2023, 10, 14);
  // 2023-10-14 + 365 days = 2024-10-13: the last day it is still current.
  EXPECT_TRUE(GuideReminders(published, kPublished, std::nullopt, D(2024, 10, 13)).empty());
  auto stale = GuideReminders(published, kPublished, std::nullopt, D(2024, 10, 14));
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_NE(stale[0].find("2023年10月14日"), std::string::npos) << stale[0];
  // A later draft changing the phone number is a reminder; one changing only the wording is not.
  auto contacts = GuideReminders(published, kPublished, new_phone, D(2024, 1, 1));
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_NE(contacts[0].find("联系方式"), std::string::npos);
  EXPECT_TRUE(GuideReminders(published, kPublished, new_wording, D(2024, 1, 1)).empty());
  // None published yet.
  auto none = GuideReminders(std::nullopt, std::nullopt, new_phone, D(2024, 1, 1));
  ASSERT_EQ(none.size(), 1u);
  EXPECT_NE(none[0].find("尚未发布"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
