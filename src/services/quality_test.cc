#include "services/quality.h"

#include <gtest/gtest.h>

#include "services/testing.h"

namespace gongkai {
namespace {

TEST(Quality, CatchAllPhrases) {
  struct Case {
    const char* text;
    const char* phrase;
  } cases[] = {
      {"法律、法规规定的其他条件", "规定的其他条件"},
      {"法律、行政法规规定的其他材料。", "规定的其他材料"},
      {"需要提供的其他相关材料", "其他相关材料"},
      {"身份证明及其他材料", "其他材料"},
      {"符合国家规定的其他条件；", "规定的其他条件"},
      {"其他股东同意转让的书面文件", ""},
      {"申请人为其他组织的，提交登记证书", ""},
      {"其他材料的复印件一份", ""},
      {"营业执照", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CatchAllPhrase(c.text), c.phrase) << c.text;
}

std::vector<std::pair<std::string, std::string>> Rules(const std::vector<QualityFinding>& f) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const QualityFinding& x : f) out.emplace_back(x.code, std::string(Key(x.rule)));
  return out;
}

TEST(Quality, EachRuleOnItsOwnAndNothingOnACleanItem) {
  using Edit = void (*)(ServiceItem&);
  struct Case {
    const char* rule;
    Edit edit;
  } cases[] = {
      {"catch_all_condition",
       [](ServiceItem& i) { i.conditions.push_back("法律、法规规定的其他条件"); }},
      {"catch_all_material",
       [](ServiceItem& i) {
         i.materials.push_back({"其他相关材料", MaterialForm::kCopy, 1, true, "{}"});
       }},
      {"promised_over_legal", [](ServiceItem& i) { i.promised_days = 25; }},
      {"no_time_limit",
       [](ServiceItem& i) {
         i.legal_days.reset();
         i.promised_days.reset();
       }},
      {"no_fee_statement", [](ServiceItem& i) { i.fee.reset(); }},
      {"no_contact", [](ServiceItem& i) { i.contacts.reset(); }},
      {"no_contact", [](ServiceItem& i) { i.contacts->complaint.clear(); }},
      {"no_basis", [](ServiceItem& i) { i.basis.clear(); }},
      {"bad_code",
       [](ServiceItem& i) { i.code = "511A0138000000-511602000000-000-115113010833722044-1-00"; }},
      {"bad_code",
       [](ServiceItem& i) { i.code = "511A0138000000-511603000000-000-115113010833722043-1-00"; }},
      {"no_handling_place",
       [](ServiceItem& i) {
         i.in_hall = false;
         i.not_in_hall_reason = NotInHallReason::kSite;
       }},
  };
  QualityOptions options{"511602000000", {}};
  ServiceItem clean = testing::CleanTask();
  EXPECT_TRUE(CheckQuality({&clean, 1}, options).empty());
  for (const Case& c : cases) {
    ServiceItem item = testing::CleanTask();
    c.edit(item);
    auto findings = CheckQuality({&item, 1}, options);
    ASSERT_EQ(findings.size(), 1u) << c.rule;
    EXPECT_EQ(Key(findings[0].rule), c.rule);
    EXPECT_EQ(findings[0].code, item.code);
    EXPECT_FALSE(findings[0].fix.empty());
    // Not reported on a suspended item, nor (element rules) on a 主项.
    item.status = ItemStatus::kSuspended;
    EXPECT_TRUE(CheckQuality({&item, 1}, options).empty()) << c.rule;
  }
  ServiceItem main = testing::CleanTask("M1");
  main.level = ItemLevel::kMain;
  main.parent.clear();
  main.fee.reset();
  main.contacts.reset();
  EXPECT_TRUE(CheckQuality({&main, 1}, options).empty());
}

TEST(Quality, TheReferenceCatalogue) {
  std::vector<ServiceItem> items = {testing::CleanTask("A"), testing::CleanTask("B"),
                                    testing::CleanTask("C")};
  std::vector<CatalogueEntry> reference = {{"A", items[0].name}, {"B", "食品经营许可(新设)"}};
  auto findings = CheckQuality(items, QualityOptions{"", reference});
  EXPECT_EQ(Rules(findings), (std::vector<std::pair<std::string, std::string>>{
                                 {"B", "name_differs"}, {"C", "not_in_catalogue"}}));
}

}  // namespace
}  // namespace gongkai
