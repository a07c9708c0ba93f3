#include "services/vocab.h"

#include <array>

#include "law/vocab_table.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<ItemLevel>, 3> kLevels{{
    {ItemLevel::kMain, "main", "主项"},
    {ItemLevel::kSub, "sub", "子项"},
    {ItemLevel::kTask, "task", "业务办理项"},
}};

constexpr std::array<VocabEntry<ItemType>, 8> kTypes{{
    {ItemType::kLicence, "licence", "行政许可"},
    {ItemType::kConfirmation, "confirmation", "行政确认"},
    {ItemType::kAdjudication, "adjudication", "行政裁决"},
    {ItemType::kPayment, "payment", "行政给付"},
    {ItemType::kReward, "reward", "行政奖励"},
    {ItemType::kFiling, "filing", "行政备案"},
    {ItemType::kOtherPower, "other_power", "其他行政权力"},
    {ItemType::kPublicService, "public_service", "公共服务"},
}};

constexpr std::array<VocabEntry<ItemStatus>, 3> kStatuses{{
    {ItemStatus::kInUse, "in_use", "在用"},
    {ItemStatus::kSuspended, "suspended", "暂停"},
    {ItemStatus::kCancelled, "cancelled", "取消"},
}};

constexpr std::array<VocabEntry<ServiceObject>, 3> kObjects{{
    {ServiceObject::kIndividual, "individual", "自然人"},
    {ServiceObject::kLegalPerson, "legal_person", "法人"},
    {ServiceObject::kBoth, "both", "自然人、法人"},
}};

constexpr std::array<VocabEntry<NotInHallReason>, 4> kReasons{{
    {NotInHallReason::kSite, "site", "场地/设备限制"},
    {NotInHallReason::kSecret, "secret", "涉密"},
    {NotInHallReason::kLaw, "law", "法律法规规定在其他场所办理"},
    {NotInHallReason::kOther, "other", "其他"},
}};

constexpr std::array<VocabEntry<CrossProvinceMode>, 3> kModes{{
    {CrossProvinceMode::kOnline, "online", "全程网办"},
    {CrossProvinceMode::kProxy, "proxy", "异地代收代办"},
    {CrossProvinceMode::kMultiSite, "multi_site", "多地联办"},
}};

constexpr std::array<VocabEntry<MaterialForm>, 3> kForms{{
    {MaterialForm::kOriginal, "original", "原件"},
    {MaterialForm::kCopy, "copy", "复印件"},
    {MaterialForm::kElectronic, "electronic", "电子"},
}};

constexpr std::array<VocabEntry<ChangeKind>, 8> kKinds{{
    {ChangeKind::kAdd, "add", "新增"},
    {ChangeKind::kModify, "modify", "变更"},
    {ChangeKind::kSuspend, "suspend", "暂停"},
    {ChangeKind::kResume, "resume", "恢复"},
    {ChangeKind::kCancel, "cancel", "取消"},
    {ChangeKind::kDelegate, "delegate", "下放"},
    {ChangeKind::kTakeOver, "take_over", "承接"},
    {ChangeKind::kClaim, "claim", "认领"},
}};

constexpr std::array<VocabEntry<ChangeState>, 5> kStates{{
    {ChangeState::kDraft, "draft", "草稿"},
    {ChangeState::kApproved, "approved", "已批准"},
    {ChangeState::kPublished, "published", "已发布"},
    {ChangeState::kRejected, "rejected", "已驳回"},
    {ChangeState::kWithdrawn, "withdrawn", "已撤回"},
}};

template <typename E, std::size_t N>
std::optional<E> FromText(const std::array<VocabEntry<E>, N>& table, std::string_view text) {
  for (const auto& e : table) {
    if (e.key == text || e.label == text) return e.value;
  }
  return std::nullopt;
}

}  // namespace

std::span<const VocabEntry<ItemLevel>> ItemLevels() { return kLevels; }
std::span<const VocabEntry<ItemType>> ItemTypes() { return kTypes; }
std::span<const VocabEntry<ItemStatus>> ItemStatuses() { return kStatuses; }
std::span<const VocabEntry<ServiceObject>> ServiceObjects() { return kObjects; }
std::span<const VocabEntry<NotInHallReason>> NotInHallReasons() { return kReasons; }
std::span<const VocabEntry<CrossProvinceMode>> CrossProvinceModes() { return kModes; }
std::span<const VocabEntry<MaterialForm>> MaterialForms() { return kForms; }
std::span<const VocabEntry<ChangeKind>> ChangeKinds() { return kKinds; }
std::span<const VocabEntry<ChangeState>> ChangeStates() { return kStates; }

std::optional<ItemLevel> ItemLevelFromText(std::string_view t) { return FromText(kLevels, t); }
std::optional<ItemType> ItemTypeFromText(std::string_view t) { return FromText(kTypes, t); }
std::optional<ItemStatus> ItemStatusFromText(std::string_view t) { return FromText(kStatuses, t); }
std::optional<ServiceObject> ServiceObjectFromText(std::string_view t) {
  return FromText(kObjects, t);
}
std::optional<NotInHallReason> NotInHallReasonFromText(std::string_view t) {
  return FromText(kReasons, t);
}
std::optional<CrossProvinceMode> CrossProvinceModeFromText(std::string_view t) {
  return FromText(kModes, t);
}
std::optional<MaterialForm> MaterialFormFromText(std::string_view t) { return FromText(kForms, t); }
std::optional<ChangeKind> ChangeKindFromText(std::string_view t) { return FromText(kKinds, t); }
std::optional<ChangeState> ChangeStateFromText(std::string_view t) { return FromText(kStates, t); }

std::string_view Key(ItemLevel v) { return VocabEntryOf(kLevels, v).key; }
std::string_view Key(ItemType v) { return VocabEntryOf(kTypes, v).key; }
std::string_view Key(ItemStatus v) { return VocabEntryOf(kStatuses, v).key; }
std::string_view Key(ServiceObject v) { return VocabEntryOf(kObjects, v).key; }
std::string_view Key(NotInHallReason v) { return VocabEntryOf(kReasons, v).key; }
std::string_view Key(CrossProvinceMode v) { return VocabEntryOf(kModes, v).key; }
std::string_view Key(MaterialForm v) { return VocabEntryOf(kForms, v).key; }
std::string_view Key(ChangeKind v) { return VocabEntryOf(kKinds, v).key; }
std::string_view Key(ChangeState v) { return VocabEntryOf(kStates, v).key; }
std::string_view Label(ItemLevel v) { return VocabEntryOf(kLevels, v).label; }
std::string_view Label(ItemType v) { return VocabEntryOf(kTypes, v).label; }
std::string_view Label(ItemStatus v) { return VocabEntryOf(kStatuses, v).label; }
std::string_view Label(ServiceObject v) { return VocabEntryOf(kObjects, v).label; }
std::string_view Label(NotInHallReason v) { return VocabEntryOf(kReasons, v).label; }
std::string_view Label(CrossProvinceMode v) { return VocabEntryOf(kModes, v).label; }
std::string_view Label(MaterialForm v) { return VocabEntryOf(kForms, v).label; }
std::string_view Label(ChangeKind v) { return VocabEntryOf(kKinds, v).label; }
std::string_view Label(ChangeState v) { return VocabEntryOf(kStates, v).label; }

}  // namespace gongkai
