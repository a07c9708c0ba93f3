#include "store/permissions.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

// The table of issue 10, worked out from the roles' duties: C = clerk, H = head, A = admin,
// S = supervisor.
struct Case {
  Action action;
  bool clerk, head, admin, supervisor;
};
constexpr Case kCases[] = {
    {Action::kReadRegister, true, true, true, true},
    {Action::kRegisterCase, true, true, true, false},
    {Action::kRecordStep, true, true, true, false},
    {Action::kPropose, true, true, true, false},
    {Action::kApproveProposal, false, true, false, false},
    {Action::kBuildDraft, true, true, true, false},
    {Action::kEditNarrative, true, true, true, false},
    {Action::kApproveReport, false, true, false, false},
    {Action::kPublishReport, false, true, false, false},
    {Action::kReopenReport, false, true, false, false},
    {Action::kEditRecords, true, true, true, false},
    {Action::kManageUsers, false, false, true, false},
    {Action::kRevealPersonalData, false, false, true, false},
    // Art. 41 correction is desk work; erasure is irreversible: the head's alone.
    {Action::kCorrectApplicant, true, true, true, false},
    {Action::kEraseApplicant, false, true, false, false},
    {Action::kImportServices, true, true, true, false},
    {Action::kDraftServiceChange, true, true, true, false},
    {Action::kApproveServiceChange, false, true, false, false},
    {Action::kPublishServiceChange, false, true, false, false},
    {Action::kImportRatings, true, true, true, false},
    {Action::kRecordRatingStep, true, true, true, false},
    // Each answer to a 差评 and each extension is approved (国办发〔2019〕51号): the head's.
    {Action::kApproveRatingStep, false, true, false, false},
};

TEST(Permissions, RoleByAction) {
  ASSERT_EQ(std::size(kCases), Actions().size()) << "every action has a row here";
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(Label(c.action)));
    EXPECT_EQ(Allows(Role::kClerk, c.action), c.clerk);
    EXPECT_EQ(Allows(Role::kHead, c.action), c.head);
    EXPECT_EQ(Allows(Role::kAdmin, c.action), c.admin);
    EXPECT_EQ(Allows(Role::kSupervisor, c.action), c.supervisor);
  }
}

TEST(Permissions, ASupervisorChangesNothingAndAClerkNeverApprovesOrPublishes) {
  for (const ActionEntry& e : Actions()) {
    if (e.value != Action::kReadRegister) {
      EXPECT_FALSE(Allows(Role::kSupervisor, e.value)) << e.key;
    }
  }
  for (Action a :
       {Action::kApproveProposal, Action::kApproveReport, Action::kPublishReport,
        Action::kReopenReport, Action::kApproveServiceChange, Action::kPublishServiceChange}) {
    EXPECT_FALSE(Allows(Role::kClerk, a)) << Label(a);
  }
}

TEST(Permissions, RefusalNamesUserRoleActionAndWhoMay) {
  User clerk{1, 1, "wang", Role::kClerk};
  Status s = Authorize(clerk, Action::kPublishReport);
  EXPECT_EQ(s.code(), Status::Code::kPermissionDenied);
  EXPECT_NE(s.message().find("wang"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("经办人"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("发布年度报告"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("负责人"), std::string::npos) << s.message();
  EXPECT_TRUE(Authorize(User{2, 1, "li", Role::kHead}, Action::kPublishReport).ok());
}

}  // namespace
}  // namespace gongkai
