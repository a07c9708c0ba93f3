#include "store/permissions.h"

#include <fmt/format.h>

#include <array>
#include <string>

namespace gongkai {
namespace {

// clang-format off
constexpr std::array<ActionEntry, 22> kActions{{
    //                                                                    clerk  head   admin  supervisor
    {Action::kReadRegister,        "read_register",   "查阅登记簿和报告",       true,  true,  true,  true},
    {Action::kRegisterCase,        "register_case",   "登记或导入申请",         true,  true,  true,  false},
    {Action::kRecordStep,          "record_step",     "记录办理步骤",           true,  true,  true,  false},
    {Action::kPropose,             "propose",         "提请负责人批准",         true,  true,  true,  false},
    {Action::kApproveProposal,     "approve_proposal", "批准或驳回提请",        false, true,  false, false},
    {Action::kBuildDraft,          "build_draft",     "生成年度报告草稿",       true,  true,  true,  false},
    {Action::kEditNarrative,       "edit_narrative",  "编辑年度报告正文",       true,  true,  true,  false},
    {Action::kApproveReport,       "approve_report",  "批准年度报告",           false, true,  false, false},
    {Action::kPublishReport,       "publish_report",  "发布年度报告",           false, true,  false, false},
    {Action::kReopenReport,        "reopen_report",   "重新打开已发布的年度报告", false, true,  false, false},
    {Action::kEditRecords,         "edit_records",    "编辑主动公开登记",       true,  true,  true,  false},
    {Action::kManageUsers,         "manage_users",    "管理用户和机关",         false, false, true,  false},
    {Action::kRevealPersonalData,  "reveal_personal_data", "导出未脱敏的个人信息", false, false, true, false},
    {Action::kCorrectApplicant,    "correct_applicant", "更正申请人个人信息",   true,  true,  true,  false},
    {Action::kEraseApplicant,      "erase_applicant", "删除申请人个人信息",     false, true,  false, false},
    {Action::kImportServices,      "import_services", "导入政务服务事项目录",   true,  true,  true,  false},
    {Action::kDraftServiceChange,  "draft_service_change", "起草政务服务事项调整", true, true, true, false},
    {Action::kApproveServiceChange, "approve_service_change", "批准政务服务事项调整", false, true, false, false},
    {Action::kPublishServiceChange, "publish_service_change", "发布政务服务事项调整", false, true, false, false},
    {Action::kImportRatings,       "import_ratings",  "导入好差评数据",         true,  true,  true,  false},
    {Action::kRecordRatingStep,    "record_rating_step", "记录差评工单步骤",   true,  true,  true,  false},
    {Action::kApproveRatingStep,   "approve_rating_step", "批准差评工单步骤",  false, true,  false, false},
}};
// clang-format on

const ActionEntry& Entry(Action action) {
  for (const auto& e : kActions) {
    if (e.value == action) return e;
  }
  return kActions.front();  // unreachable: every Action has a row
}

}  // namespace

std::span<const ActionEntry> Actions() { return kActions; }

std::string_view Label(Action action) { return Entry(action).label; }

bool Allows(Role role, Action action) {
  const ActionEntry& e = Entry(action);
  switch (role) {
    case Role::kClerk:
      return e.clerk;
    case Role::kHead:
      return e.head;
    case Role::kAdmin:
      return e.admin;
    case Role::kSupervisor:
      return e.supervisor;
  }
  return false;
}

Status Authorize(const User& user, Action action) {
  if (Allows(user.role, action)) return Status::Ok();
  std::string allowed;
  for (const auto& r : Roles()) {
    if (!Allows(r.value, action)) continue;
    if (!allowed.empty()) allowed += "、";
    allowed += r.label;
  }
  return Status::PermissionDenied(fmt::format("用户 {} 的角色是{}，不能{}：此操作只能由{}执行",
                                              user.name, Label(user.role), Label(action), allowed));
}

}  // namespace gongkai
