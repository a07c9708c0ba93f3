// The vocabularies of the government service item catalogue (政务服务事项, ../shared/spec/
// services.md §2–§4, §9) as data: levels, types, statuses, service objects, the reasons an item
// is on the 进厅负面清单, the 跨省通办 modes, the forms of a material, and the kinds and states of
// a change under dynamic management (§3). Each table holds the enum value, its stable key (the
// JSON Lines key of §9, also stored in the database) and its Chinese label.
//
// DO NOT CHANGE the keys: they are stored in the services tables and the interchange format.
// The tables are constant; share them freely.

#ifndef GONGKAI_SERVICES_VOCAB_H_
#define GONGKAI_SERVICES_VOCAB_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "law/vocab.h"

namespace gongkai {

// 主项 → 子项 → 业务办理项. Counts are kept per level; a 业务办理项 is the unit of a guide.
enum class ItemLevel { kMain, kSub, kTask };

// The national scope of 政务服务事项 (§2). A provincial type code may ride in `extra`.
enum class ItemType {
  kLicence,        // 行政许可
  kConfirmation,   // 行政确认
  kAdjudication,   // 行政裁决
  kPayment,        // 行政给付
  kReward,         // 行政奖励
  kFiling,         // 行政备案
  kOtherPower,     // 其他行政权力
  kPublicService,  // 公共服务
};

// 在用 / 暂停 / 取消.
enum class ItemStatus { kInUse, kSuspended, kCancelled };

// 服务对象 of a 业务办理项.
enum class ServiceObject { kIndividual, kLegalPerson, kBoth };

// Why an item is on the 进厅负面清单 (§3): 场地/设备限制, 涉密, 法律法规规定在其他场所办理, 其他
// (which needs a 说明).
enum class NotInHallReason { kSite, kSecret, kLaw, kOther };

// The 跨省通办 modes of 国办发〔2020〕35号 (§4): 全程网办, 异地代收代办, 多地联办.
enum class CrossProvinceMode { kOnline, kProxy, kMultiSite };

// The form of a material: 原件, 复印件, 电子.
enum class MaterialForm { kOriginal, kCopy, kElectronic };

// A change under dynamic management (§3). 下放 hands an item to a lower level (it leaves this
// catalogue), 承接 takes one over from a higher level (it enters), 认领 claims a row of the
// provincial catalogue.
enum class ChangeKind {
  kAdd,       // 新增
  kModify,    // 变更
  kSuspend,   // 暂停
  kResume,    // 恢复
  kCancel,    // 取消
  kDelegate,  // 下放
  kTakeOver,  // 承接
  kClaim,     // 认领
};

// draft (drafted by the department) → approved (by the bureau's head) → published (an
// immutable version with its 生效时间). A draft may also be withdrawn (kWithdrawn) by its
// department or rejected (kRejected) by the head; neither makes a version.
enum class ChangeState { kDraft, kApproved, kPublished, kRejected, kWithdrawn };

std::span<const VocabEntry<ItemLevel>> ItemLevels();
std::span<const VocabEntry<ItemType>> ItemTypes();
std::span<const VocabEntry<ItemStatus>> ItemStatuses();
std::span<const VocabEntry<ServiceObject>> ServiceObjects();
std::span<const VocabEntry<NotInHallReason>> NotInHallReasons();
std::span<const VocabEntry<CrossProvinceMode>> CrossProvinceModes();
std::span<const VocabEntry<MaterialForm>> MaterialForms();
std::span<const VocabEntry<ChangeKind>> ChangeKinds();
std::span<const VocabEntry<ChangeState>> ChangeStates();

// Lookups by stable key or by Chinese label (spreadsheets may use either); nullopt when unknown.
std::optional<ItemLevel> ItemLevelFromText(std::string_view text);
std::optional<ItemType> ItemTypeFromText(std::string_view text);
std::optional<ItemStatus> ItemStatusFromText(std::string_view text);
std::optional<ServiceObject> ServiceObjectFromText(std::string_view text);
std::optional<NotInHallReason> NotInHallReasonFromText(std::string_view text);
std::optional<CrossProvinceMode> CrossProvinceModeFromText(std::string_view text);
std::optional<MaterialForm> MaterialFormFromText(std::string_view text);
std::optional<ChangeKind> ChangeKindFromText(std::string_view text);
std::optional<ChangeState> ChangeStateFromText(std::string_view text);

std::string_view Key(ItemLevel v);
std::string_view Key(ItemType v);
std::string_view Key(ItemStatus v);
std::string_view Key(ServiceObject v);
std::string_view Key(NotInHallReason v);
std::string_view Key(CrossProvinceMode v);
std::string_view Key(MaterialForm v);
std::string_view Key(ChangeKind v);
std::string_view Key(ChangeState v);
std::string_view Label(ItemLevel v);
std::string_view Label(ItemType v);
std::string_view Label(ItemStatus v);
std::string_view Label(ServiceObject v);
std::string_view Label(NotInHallReason v);
std::string_view Label(CrossProvinceMode v);
std::string_view Label(MaterialForm v);
std::string_view Label(ChangeKind v);
std::string_view Label(ChangeState v);

// The keys of a vocabulary joined by " | ", for messages that list the allowed values.
template <typename E>
std::string AllowedServiceKeys(std::span<const VocabEntry<E>> table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += " | ";
    out += e.key;
  }
  return out;
}

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_VOCAB_H_
