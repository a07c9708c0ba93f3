#include "store/guides.h"

#include <gtest/gtest.h>

#include "store/agencies.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

Date Day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

DisclosureGuide Complete() {
  DisclosureGuide g;
  g.classification = "按条例第二十条分类";
  g.arrangement = "按主题和日期编排";
  g.access_methods = "网站查阅；依申请公开";
  g.office_name = "甲区人民政府办公室";
  g.office_address = "甲区人民路1号";
  g.office_hours = "工作日 9:00—17:30";
  g.phone = "010-12345678";
  g.fax = "010-12345679";
  g.web_contact = "https://www.example.gov.cn/xxgk";
  g.notes = "“引号”与\\反斜杠";
  return g;
}

class GuideStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    SetTime(std::chrono::sys_days(std::chrono::year(2023) / 10 / 14) + 2h);
    Agency a;
    a.name = "甲区人民政府";
    a.kind = AgencyKind::kGovernment;
    auto id = AddAgency(db(), a);
    ASSERT_TRUE(id.ok()) << id.status().message();
    agency_ = *id;
  }
  void SetTime(std::chrono::system_clock::time_point t) {
    db().SetClock([t] { return t; });
  }
  int64_t agency_ = 0;
};

TEST_P(GuideStoreTest, IncompleteGuideIsSavedButNotPublished) {
  DisclosureGuide g = Complete();
  g.fax.clear();
  auto saved = SaveGuide(db(), agency_, g, "clerk_a");
  ASSERT_TRUE(saved.ok()) << saved.status().message();
  EXPECT_EQ(saved->version, 1);
  auto published = PublishGuide(db(), agency_, 1, "head_a");
  ASSERT_FALSE(published.ok());
  EXPECT_EQ(published.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(published.status().message().find("传真号码"), std::string::npos);
  auto shown = PublishedGuide(db(), agency_);
  ASSERT_TRUE(shown.ok());
  EXPECT_FALSE(shown->has_value());
}

TEST_P(GuideStoreTest, VersionsPublishAndRoundTrip) {
  ASSERT_TRUE(SaveGuide(db(), agency_, Complete(), "clerk_a").ok());
  auto v1 = PublishGuide(db(), agency_, 1, "head_a");
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  EXPECT_EQ(v1->published_by, "head_a");
  EXPECT_EQ(v1->published_at, "2023-10-14T02:00:00Z");
  EXPECT_EQ(PublishGuide(db(), agency_, 1, "head_a").status().code(), Status::Code::kConflict);
  EXPECT_EQ(PublishGuide(db(), agency_, 9, "head_a").status().code(), Status::Code::kNotFound);

  DisclosureGuide changed = Complete();
  changed.phone = "010-87654321";
  ASSERT_TRUE(SaveGuide(db(), agency_, changed, "clerk_a").ok());
  auto shown = PublishedGuide(db(), agency_);
  ASSERT_TRUE(shown.ok() && shown->has_value());
  EXPECT_EQ((*shown)->version, 1);
  EXPECT_EQ((*shown)->guide.notes, "“引号”与\\反斜杠");
  EXPECT_EQ((*shown)->published_on, Day(2023, 10, 14));
  auto latest = LatestGuide(db(), agency_);
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->version, 2);
  EXPECT_EQ((*latest)->guide.phone, "010-87654321");
  EXPECT_FALSE((*latest)->published());

  // The new phone number is not public yet: a reminder.
  auto reminders = StoredGuideReminders(db(), agency_, Day(2024, 1, 2));
  ASSERT_TRUE(reminders.ok());
  ASSERT_EQ(reminders->size(), 1u);
  EXPECT_NE((*reminders)[0].find("联系方式"), std::string::npos);

  // Publishing version 2 clears it; version 1 can then not be published over it.
  ASSERT_TRUE(PublishGuide(db(), agency_, 2, "head_a").ok());
  reminders = StoredGuideReminders(db(), agency_, Day(2024, 1, 2));
  ASSERT_TRUE(reminders.ok());
  EXPECT_TRUE(reminders->empty());
  // A year and a day after its publication on 2023-10-14 (Beijing) it is stale.
  reminders = StoredGuideReminders(db(), agency_, Day(2024, 10, 14));
  ASSERT_TRUE(reminders.ok());
  ASSERT_EQ(reminders->size(), 1u);
  EXPECT_NE((*reminders)[0].find("2023年10月14日"), std::string::npos) << (*reminders)[0];
}

TEST_P(GuideStoreTest, UnknownAgencyAndNoGuide) {
  EXPECT_EQ(SaveGuide(db(), agency_ + 100, Complete(), "x").status().code(),
            Status::Code::kNotFound);
  auto reminders = StoredGuideReminders(db(), agency_, Day(2024, 1, 2));
  ASSERT_TRUE(reminders.ok());
  ASSERT_EQ(reminders->size(), 1u);
  EXPECT_NE((*reminders)[0].find("尚未发布"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, GuideStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
