#include "services/intermediary.h"

#include <gtest/gtest.h>

#include "services/intermediary_change.h"
#include "services/testing.h"

namespace gongkai {
namespace {

Date D(const char* s) { return ParseDate(s).value(); }

// Credit codes with their GB 32100 check characters worked out by hand (Σ value·weight mod 31).
constexpr const char* kCodeA = "91411302MA44ABCD13";
constexpr const char* kCodeB = "91411302MA45XK2P3A";

IntermediaryService Service(std::string code = "ZJ-001") {
  IntermediaryService s;
  s.code = std::move(code);
  s.name = "建设项目环境影响报告书编制";
  s.items = {"00016421300301"};
  s.department = "区生态环境分局";
  s.basis = {{"中华人民共和国环境影响评价法", "", "第十九条"}};
  s.time_limit = 30;
  s.fee = IntermediaryFee{FeeNature::kMarket, "按合同约定", ""};
  return s;
}

Institution Firm(std::string credit_code = kCodeA) {
  Institution i;
  i.credit_code = std::move(credit_code);
  i.name = "某环境科技有限公司";
  i.qualifications = {
      {"环境影响评价资质", "国环评证乙字第1234号", "乙级", D("2022-01-01"), D("2025-12-31")}};
  i.services = {"ZJ-001"};
  i.contacts = {"0375-2961111", "新华区建设路1号", ""};
  i.joined = D("2023-01-01");
  return i;
}

TEST(Intermediary, EntriesThatCannotBeUsedAreRefusedNamingTheField) {
  struct Case {
    const char* what;
    DirectoryEntry entry;
    const char* field;
  };
  IntermediaryService no_department = Service();
  no_department.department.clear();
  IntermediaryService negative = Service();
  negative.time_limit = -1;
  Institution bad_check = Firm("91411302MA44ABCD14");  // the check character is 3
  Institution lower = Firm("91411302ma44abcd13");
  Institution mobile = Firm();
  mobile.contacts.phone = "139 0000 1111";
  Institution backwards = Firm();
  backwards.qualifications[0].valid_until = D("2021-12-31");
  Institution left_first = Firm();
  left_first.left = D("2022-12-31");
  const Case cases[] = {
      {"no department", no_department, "字段 department"},
      {"negative days", negative, "字段 time_limit"},
      {"wrong check character", bad_check, "校验码应为 3"},
      {"lower case", lower, "字段 credit_code"},
      {"a personal mobile", mobile, "字段 contacts"},
      {"validity backwards", backwards, "字段 qualifications"},
      {"left before joined", left_first, "字段 left"},
  };
  for (const Case& c : cases) {
    Status s = CheckDirectoryEntry(c.entry);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << c.what;
    EXPECT_NE(s.message().find(c.field), std::string::npos) << c.what << ": " << s.message();
  }
  EXPECT_TRUE(CheckDirectoryEntry(Service()).ok());
  EXPECT_TRUE(CheckDirectoryEntry(Firm()).ok());
  EXPECT_TRUE(CheckDirectoryEntry(Firm(kCodeB)).ok());
}

TEST(Intermediary, QualificationValidityAndDirectoryMembershipAreDayExact) {
  Qualification q{"资质", "", "", D("2022-01-01"), D("2025-12-31")};
  EXPECT_FALSE(ExpiredOn(q, D("2025-12-31")));  // valid through its last day
  EXPECT_TRUE(ExpiredOn(q, D("2026-01-01")));
  EXPECT_FALSE(
      ExpiredOn(Qualification{"无期限", "", "", std::nullopt, std::nullopt}, D("2099-01-01")));
  Institution i = Firm();
  i.left = D("2025-06-30");
  EXPECT_FALSE(InDirectoryOn(i, D("2022-12-31")));
  EXPECT_TRUE(InDirectoryOn(i, D("2023-01-01")));
  EXPECT_TRUE(InDirectoryOn(i, D("2025-06-29")));
  EXPECT_FALSE(InDirectoryOn(i, D("2025-06-30")));  // out from the day it left
}

// Each seeded problem is found once, and the clean entries give nothing.
TEST(Intermediary, FindingsNameEachBrokenRuleAndNothingElse) {
  ServiceItem in_use = testing::CleanTask("00016421300301");
  ServiceItem cancelled = testing::CleanTask("00016421300303");
  cancelled.status = ItemStatus::kCancelled;
  const std::vector<ServiceItem> catalogue = {in_use, cancelled};
  const Date date = D("2026-01-15");

  IntermediaryService clean = Service("ZJ-001");
  IntermediaryService no_basis = Service("ZJ-002");
  no_basis.basis.clear();
  no_basis.items = {"00016421300303", "NO-SUCH"};
  no_basis.time_limit.reset();
  no_basis.fee = IntermediaryFee{FeeNature::kGovernmentGuided, "", ""};
  IntermediaryService commissioned = Service("ZJ-003");
  commissioned.fee.reset();  // commissioned: no fee statement needed, the applicant pays nothing
  commissioned.commissioned = true;
  commissioned.items.clear();
  IntermediaryService gone = Service("ZJ-004");
  gone.status = IntermediaryStatus::kCancelled;
  gone.basis.clear();  // cancelled entries are not checked

  Institution firm = Firm(kCodeA);  // qualification expired on 2025-12-31
  firm.services = {"ZJ-001", "ZJ-002", "ZJ-003", "ZJ-004"};
  Institution left = Firm(kCodeB);  // left: not checked, provides nothing
  left.services = {"ZJ-404"};
  left.left = D("2025-01-01");

  const auto findings = CheckIntermediaries(std::vector{clean, no_basis, commissioned, gone},
                                            std::vector{firm, left}, catalogue, date);
  std::vector<std::pair<std::string, std::string_view>> got;
  for (const auto& f : findings) got.emplace_back(f.key, Key(f.rule));
  const std::vector<std::pair<std::string, std::string_view>> want = {
      {"ZJ-002", "no_basis"},
      {"ZJ-002", "approval_item_not_in_use"},
      {"ZJ-002", "approval_item_unknown"},
      {"ZJ-002", "no_time_limit"},
      {"ZJ-002", "no_fee_standard"},
      {"ZJ-003", "no_approval_item"},
      {kCodeA, "qualification_expired"},
      {kCodeA, "unknown_service"},  // ZJ-004 is cancelled
  };
  EXPECT_EQ(got, want);
  EXPECT_NE(findings[6].fix.find("2025-12-31"), std::string::npos);

  // Without any institution in the directory, every in-use service says no one provides it.
  const auto alone =
      CheckIntermediaries(std::vector{clean}, std::vector<Institution>{}, catalogue, date);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].rule, IntermediaryRule::kNoInstitution);
}

TEST(Intermediary, TheFeeTextSaysWhoPays) {
  IntermediaryService s = Service();
  EXPECT_EQ(FeeText(s), "市场调节价：按合同约定");
  s.commissioned = true;
  EXPECT_EQ(FeeText(s), "审批部门委托，费用由审批部门承担，申请人不承担费用");
  s.commissioned = false;
  s.fee.reset();
  EXPECT_EQ(FeeText(s), "未公布");
  s.fee = IntermediaryFee{FeeNature::kFree, "", ""};
  EXPECT_EQ(FeeText(s), "不收费");
  EXPECT_EQ(TimeLimitText(s), "30个工作日");
}

TEST(IntermediaryChange, AddModifyCancelMakeTheNextVersion) {
  DirectoryChangeRequest r;
  r.kind = ChangeKind::kAdd;
  r.target = DirectoryKind::kInstitution;
  r.key = kCodeA;
  r.reason = "入驻";
  r.basis = "区政务服务管理局公告2026年第1号";
  r.effective = D("2026-02-01");
  r.entry = Firm();
  auto added = ApplyDirectoryChange(std::nullopt, r);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(VersionOf(*added), 1);
  EXPECT_EQ(*EffectiveOf(*added), D("2026-02-01"));
  EXPECT_EQ(ApplyDirectoryChange(*added, r).status().code(), Status::Code::kConflict);

  r.kind = ChangeKind::kCancel;
  r.entry.reset();
  r.effective = D("2026-01-01");
  EXPECT_EQ(ApplyDirectoryChange(*added, r).status().code(), Status::Code::kConflict);  // earlier
  r.effective = D("2026-03-01");
  auto left = ApplyDirectoryChange(*added, r);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*std::get<Institution>(*left).left, D("2026-03-01"));
  EXPECT_EQ(VersionOf(*left), 2);
  EXPECT_EQ(ApplyDirectoryChange(*left, r).status().code(), Status::Code::kConflict);

  r.kind = ChangeKind::kSuspend;
  EXPECT_EQ(CheckDirectoryChangeRequest(r).code(), Status::Code::kInvalidInput);
  r.kind = ChangeKind::kModify;
  r.entry = Service();  // wrong kind for the target
  EXPECT_NE(CheckDirectoryChangeRequest(r).message().find("字段 entry"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
