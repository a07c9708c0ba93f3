// The rules of the 中介服务事项清单 and the institution directory (../shared/spec/services.md §5).
// 优化营商环境条例 Art. 43: "作为办理行政审批条件的中介服务事项（以下称法定行政审批中介服务）应当
// 有法律、法规或者国务院决定依据；没有依据的，不得作为办理行政审批的条件。中介服务机构应当明确
// 办理法定行政审批中介服务的条件、流程、时限、收费标准，并向社会公开。… 行政机关在行政审批过程
// 中需要委托中介服务机构开展技术性服务的，应当通过竞争性方式选择中介服务机构，并自行承担服务
// 费用，不得转嫁给市场主体承担。"
//
// Settled here **(design)**: the legal-basis, time-limit and fee rules are findings (the office
// fixes the entry), not refusals, as for the guide quality rules; a qualification is valid
// through its valid_until day and expired from the next; an institution is in the directory from
// its joined day until the day before it left.

#include "services/intermediary.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <set>

#include "law/vocab_table.h"
#include "services/codes.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<FeeNature>, 4> kFeeNatures{{
    {FeeNature::kGovernmentSet, "government_set", "政府定价"},
    {FeeNature::kGovernmentGuided, "government_guided", "政府指导价"},
    {FeeNature::kMarket, "market", "市场调节价"},
    {FeeNature::kFree, "free", "不收费"},
}};

constexpr std::array<VocabEntry<IntermediaryStatus>, 2> kStatuses{{
    {IntermediaryStatus::kInUse, "in_use", "在用"},
    {IntermediaryStatus::kCancelled, "cancelled", "取消"},
}};

constexpr std::array<VocabEntry<DirectoryKind>, 2> kKinds{{
    {DirectoryKind::kIntermediary, "intermediary", "中介服务事项"},
    {DirectoryKind::kInstitution, "institution", "中介机构"},
}};

constexpr std::array<VocabEntry<IntermediaryRule>, 9> kRules{{
    {IntermediaryRule::kNoBasis, "no_basis", "无设定依据"},
    {IntermediaryRule::kNoApprovalItem, "no_approval_item", "未关联审批事项"},
    {IntermediaryRule::kApprovalItemUnknown, "approval_item_unknown", "审批事项不在目录中"},
    {IntermediaryRule::kApprovalItemNotInUse, "approval_item_not_in_use", "审批事项未在用"},
    {IntermediaryRule::kNoTimeLimit, "no_time_limit", "未公布时限"},
    {IntermediaryRule::kNoFeeStandard, "no_fee_standard", "未公布收费标准"},
    {IntermediaryRule::kQualificationExpired, "qualification_expired", "资质已过期"},
    {IntermediaryRule::kUnknownService, "unknown_service", "服务事项不在清单中"},
    {IntermediaryRule::kNoInstitution, "no_institution", "无可选中介机构"},
}};

template <typename E, std::size_t N>
std::optional<E> FromText(const std::array<VocabEntry<E>, N>& table, std::string_view text) {
  for (const auto& e : table) {
    if (e.key == text || e.label == text) return e.value;
  }
  return std::nullopt;
}

Status Bad(std::string_view field, std::string_view what) {
  return Status::InvalidInput(fmt::format("字段 {}：{}", field, what));
}

Status CheckBasis(const std::vector<ServiceBasis>& basis) {
  for (const ServiceBasis& b : basis) {
    if (b.title.empty()) return Bad("basis", "每条依据须有 title（文件全称）");
  }
  return Status::Ok();
}

// A mainland mobile number: 11 digits starting with 1 (spaces and dashes ignored).
bool IsMobileNumber(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-') {
      return false;
    }
  }
  return digits.size() == 11 && digits[0] == '1';
}

}  // namespace

std::span<const VocabEntry<FeeNature>> FeeNatures() { return kFeeNatures; }
std::span<const VocabEntry<IntermediaryStatus>> IntermediaryStatuses() { return kStatuses; }
std::span<const VocabEntry<DirectoryKind>> DirectoryKinds() { return kKinds; }
std::span<const VocabEntry<IntermediaryRule>> IntermediaryRules() { return kRules; }
std::optional<FeeNature> FeeNatureFromText(std::string_view t) { return FromText(kFeeNatures, t); }
std::optional<IntermediaryStatus> IntermediaryStatusFromText(std::string_view t) {
  return FromText(kStatuses, t);
}
std::optional<DirectoryKind> DirectoryKindFromText(std::string_view t) {
  return FromText(kKinds, t);
}
std::string_view Key(FeeNature v) { return VocabEntryOf(kFeeNatures, v).key; }
std::string_view Key(IntermediaryStatus v) { return VocabEntryOf(kStatuses, v).key; }
std::string_view Key(DirectoryKind v) { return VocabEntryOf(kKinds, v).key; }
std::string_view Key(IntermediaryRule v) { return VocabEntryOf(kRules, v).key; }
std::string_view Label(FeeNature v) { return VocabEntryOf(kFeeNatures, v).label; }
std::string_view Label(IntermediaryStatus v) { return VocabEntryOf(kStatuses, v).label; }
std::string_view Label(DirectoryKind v) { return VocabEntryOf(kKinds, v).label; }
std::string_view Label(IntermediaryRule v) { return VocabEntryOf(kRules, v).label; }

DirectoryKind KindOf(const DirectoryEntry& entry) {
  return std::holds_alternative<IntermediaryService>(entry) ? DirectoryKind::kIntermediary
                                                            : DirectoryKind::kInstitution;
}

const std::string& KeyOf(const DirectoryEntry& entry) {
  if (const auto* s = std::get_if<IntermediaryService>(&entry)) return s->code;
  return std::get<Institution>(entry).credit_code;
}

const std::string& NameOf(const DirectoryEntry& entry) {
  return std::visit([](const auto& e) -> const std::string& { return e.name; }, entry);
}

int VersionOf(const DirectoryEntry& entry) {
  return std::visit([](const auto& e) { return e.version; }, entry);
}

std::optional<Date> EffectiveOf(const DirectoryEntry& entry) {
  return std::visit([](const auto& e) { return e.effective; }, entry);
}

void SetVersion(DirectoryEntry& entry, int version, Date effective) {
  std::visit(
      [&](auto& e) {
        e.version = version;
        e.effective = effective;
      },
      entry);
}

bool InDirectoryOn(const Institution& institution, Date date) {
  return (!institution.joined || *institution.joined <= date) &&
         (!institution.left || *institution.left > date);
}

bool ExpiredOn(const Qualification& q, Date date) { return q.valid_until && *q.valid_until < date; }

Status CheckIntermediaryService(const IntermediaryService& s) {
  if (s.code.empty()) return Bad("code", "必填：中介服务事项编码");
  if (s.name.empty()) return Bad("name", "必填：中介服务事项名称");
  if (s.department.empty()) return Bad("department", "必填：审批部门");
  for (const std::string& item : s.items) {
    if (item.empty()) return Bad("items", "审批事项编码不能为空字符串");
  }
  if (s.time_limit && *s.time_limit < 0) return Bad("time_limit", "不能为负数（工作日）");
  if (s.version < 1) return Bad("version", "版本号从 1 起");
  return CheckBasis(s.basis);
}

Status CheckInstitution(const Institution& i) {
  if (i.credit_code.empty()) return Bad("credit_code", "必填：统一社会信用代码（18 位）");
  if (!IsValidCreditCode(i.credit_code)) {
    std::string expected;
    if (i.credit_code.size() == 18) {
      if (auto c = CreditCodeCheckChar(i.credit_code.substr(0, 17))) {
        expected = fmt::format("按前 17 位，校验码应为 {}", *c);
      }
    }
    return Bad("credit_code",
               fmt::format("统一社会信用代码 {} 校验不通过：应为 18 位，由数字和大写字母"
                           "（不含 I、O、Z、S、V）组成{}",
                           i.credit_code, expected.empty() ? "" : "；" + expected));
  }
  if (i.name.empty()) return Bad("name", "必填：机构名称");
  for (const Qualification& q : i.qualifications) {
    if (q.name.empty()) return Bad("qualifications", "每项资质须有 name（资质名称）");
    if (q.valid_from && q.valid_until && *q.valid_until < *q.valid_from) {
      return Bad("qualifications",
                 fmt::format("资质「{}」的有效期止 {} 早于起 {}", q.name,
                             FormatDate(*q.valid_until), FormatDate(*q.valid_from)));
    }
  }
  for (const std::string& code : i.services) {
    if (code.empty()) return Bad("services", "中介服务事项编码不能为空字符串");
  }
  if (IsMobileNumber(i.contacts.phone)) {
    return Bad("contacts", "phone 应为机构的办公电话或服务热线：名录公开发布，不登记个人手机号码");
  }
  if (i.joined && i.left && *i.left < *i.joined) {
    return Bad("left", fmt::format("退出日期 {} 早于入驻日期 {}", FormatDate(*i.left),
                                   FormatDate(*i.joined)));
  }
  if (i.version < 1) return Bad("version", "版本号从 1 起");
  return Status::Ok();
}

Status CheckDirectoryEntry(const DirectoryEntry& entry) {
  if (const auto* s = std::get_if<IntermediaryService>(&entry)) return CheckIntermediaryService(*s);
  return CheckInstitution(std::get<Institution>(entry));
}

std::vector<IntermediaryFinding> CheckIntermediaries(std::span<const IntermediaryService> services,
                                                     std::span<const Institution> institutions,
                                                     std::span<const ServiceItem> catalogue,
                                                     Date date) {
  std::map<std::string_view, const ServiceItem*> items;
  for (const ServiceItem& i : catalogue) items.emplace(i.code, &i);
  std::set<std::string_view> listed;
  for (const IntermediaryService& s : services) {
    if (s.status == IntermediaryStatus::kInUse) listed.insert(s.code);
  }
  std::set<std::string_view> provided;
  for (const Institution& i : institutions) {
    if (!InDirectoryOn(i, date)) continue;
    for (const std::string& code : i.services) provided.insert(code);
  }

  std::vector<IntermediaryFinding> out;
  for (const IntermediaryService& s : services) {
    if (s.status != IntermediaryStatus::kInUse) continue;
    auto find = [&](IntermediaryRule rule, std::string fix) {
      out.push_back({DirectoryKind::kIntermediary, s.code, rule, std::move(fix)});
    };
    if (s.basis.empty()) {
      find(
          IntermediaryRule::kNoBasis,
          "没有设定依据：中介服务须有法律、法规或国务院决定依据（《优化营商环境条例》第四十三条），"
          "请写明依据，无依据的不得作为审批条件，应从清单中取消");
    }
    if (s.items.empty()) {
      find(IntermediaryRule::kNoApprovalItem, "未写明服务于哪个审批事项：请填写审批事项编码");
    }
    for (const std::string& code : s.items) {
      auto it = items.find(code);
      if (it == items.end()) {
        find(IntermediaryRule::kApprovalItemUnknown,
             fmt::format("审批事项 {} 不在 {} 的事项目录中：请核对编码", code, FormatDate(date)));
      } else if (it->second->status != ItemStatus::kInUse) {
        find(IntermediaryRule::kApprovalItemNotInUse,
             fmt::format("审批事项 {}（{}）已{}：请调整或取消本中介服务", code, it->second->name,
                         Label(it->second->status)));
      }
    }
    if (!s.time_limit) {
      find(IntermediaryRule::kNoTimeLimit, "未公布办理时限：请写明时限（工作日）");
    }
    if (!s.commissioned &&
        (!s.fee || (s.fee->nature != FeeNature::kFree && s.fee->standard.empty()))) {
      find(IntermediaryRule::kNoFeeStandard,
           "未公布收费性质及标准：请写明（不收费也须写明；审批部门委托的写明由部门承担）");
    }
    if (!provided.contains(s.code)) {
      find(IntermediaryRule::kNoInstitution,
           "名录中没有可提供本服务的中介机构：申请人无从选择，请补充名录");
    }
  }
  for (const Institution& i : institutions) {
    if (!InDirectoryOn(i, date)) continue;
    auto find = [&](IntermediaryRule rule, std::string fix) {
      out.push_back({DirectoryKind::kInstitution, i.credit_code, rule, std::move(fix)});
    };
    for (const Qualification& q : i.qualifications) {
      if (ExpiredOn(q, date)) {
        find(IntermediaryRule::kQualificationExpired,
             fmt::format("{} 的资质「{}」{}已于 {} 到期：请更新资质或调整名录", i.name, q.name,
                         q.number.empty() ? "" : "（" + q.number + "）",
                         FormatDate(*q.valid_until)));
      }
    }
    for (const std::string& code : i.services) {
      if (!listed.contains(code)) {
        find(IntermediaryRule::kUnknownService,
             fmt::format("{} 登记的服务 {} 不是清单中在用的中介服务事项：请更正或删去", i.name,
                         code));
      }
    }
  }
  return out;
}

std::string FeeText(const IntermediaryService& s) {
  if (s.commissioned) return "审批部门委托，费用由审批部门承担，申请人不承担费用";
  if (!s.fee) return "未公布";
  if (s.fee->nature == FeeNature::kFree) return "不收费";
  std::string text(Label(s.fee->nature));
  text += "：" + (s.fee->standard.empty() ? std::string("标准未公布") : s.fee->standard);
  if (!s.fee->basis.empty()) text += "（依据：" + s.fee->basis + "）";
  return text;
}

std::string TimeLimitText(const IntermediaryService& s) {
  return s.time_limit ? fmt::format("{}个工作日", *s.time_limit) : "未公布";
}

}  // namespace gongkai
