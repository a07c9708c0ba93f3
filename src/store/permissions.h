// The one permission table: what each staff role may do. Every check of a role — the web's
// route gate (web/app.cc maps each route's Access to an Action), the pages that show or hide a
// button, the command line's --user, and the store functions that change a report — asks
// Allows or Authorize here, so a rule is changed in one place. A clerk never approves or
// publishes; a supervisor reads everything below the agency and changes nothing; approvals are
// the head's alone (an administrator manages users and does a clerk's work, but approves
// nothing, so no one person both administers the accounts and signs off). Correcting an
// applicant's data at their request is desk work (clerk, head, admin); erasing it cannot be
// undone, so it is the head's decision alone — not the administrator's, who already may export
// the data unmasked.
//
// Pure: no I/O. The table is constant; share freely.

#ifndef GONGKAI_STORE_PERMISSIONS_H_
#define GONGKAI_STORE_PERMISSIONS_H_

#include <span>
#include <string_view>

#include "store/users.h"
#include "util/status.h"

namespace gongkai {

// What a user may be allowed to do. Not stored: the table below is the only place they live.
enum class Action {
  kReadRegister,          // 查阅登记簿、报告和案件
  kRegisterCase,          // 登记申请、导入案件
  kRecordStep,            // 记录办理步骤
  kPropose,               // 提请负责人批准（延期、答复）
  kApproveProposal,       // 批准或驳回提请
  kBuildDraft,            // 生成年度报告草稿
  kEditNarrative,         // 编辑年度报告正文
  kApproveReport,         // 批准年度报告
  kPublishReport,         // 发布年度报告
  kReopenReport,          // 重新打开已发布的年度报告
  kEditRecords,           // 编辑主动公开登记（表二）
  kManageUsers,           // 管理用户和机关
  kRevealPersonalData,    // 导出未脱敏的个人信息
  kCorrectApplicant,      // 更正申请人个人信息（第四十一条）
  kEraseApplicant,        // 删除申请人个人信息
  kImportServices,        // 导入政务服务事项目录
  kDraftServiceChange,    // 起草政务服务事项调整（部门经办人）
  kApproveServiceChange,  // 批准政务服务事项调整（局负责人）
  kPublishServiceChange,  // 发布政务服务事项调整
  kImportRatings,         // 导入好差评数据
  kRecordRatingStep,  // 记录差评工单步骤（核实、整改、解释、申诉、延期、回访）
  kApproveRatingStep,  // 批准或驳回差评工单步骤
};

struct ActionEntry {
  Action value;
  std::string_view key;
  std::string_view label;
  // Roles allowed, indexed by Role.
  bool clerk, head, admin, supervisor;
};
std::span<const ActionEntry> Actions();
std::string_view Label(Action action);

// True when `role` may do `action`.
bool Allows(Role role, Action action);

// OK when `user` may do `action`; otherwise kPermissionDenied naming the user, the role and the
// action, and who may do it instead.
Status Authorize(const User& user, Action action);

}  // namespace gongkai

#endif  // GONGKAI_STORE_PERMISSIONS_H_
