// The guide quality rules of ../shared/spec/services.md §2. Sources: 优化营商环境条例 Art. 35 (no
// condition beyond the legal basis, hence no catch-all wording and every condition and material
// traceable to a basis clause); 行政许可法 Art. 30 and 国务院令第716号 Art. 6 (the elements a guide
// states: 期限, 收费, contacts); Art. 36 (items are in the hall unless listed, so a listed item
// says where it is handled instead).
//
// Settled here: the element rules apply to in-use 业务办理项 (the unit of a guide; 主项 and 子项
// carry no guide of their own), the code and catalogue rules to every in-use item. "No time
// limit" means neither 法定 nor 承诺 is stated (public services often have no 法定 period); a
// contact needs both 咨询 and 监督投诉 (§2's contacts group).

#include "services/quality.h"

#include <fmt/format.h>

#include <array>
#include <map>

#include "law/vocab_table.h"
#include "services/codes.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<QualityRule>, 11> kRules{{
    {QualityRule::kCatchAllCondition, "catch_all_condition", "兜底条件"},
    {QualityRule::kCatchAllMaterial, "catch_all_material", "兜底材料"},
    {QualityRule::kPromisedOverLegal, "promised_over_legal", "承诺时限超过法定时限"},
    {QualityRule::kNoTimeLimit, "no_time_limit", "未写办结时限"},
    {QualityRule::kNoFeeStatement, "no_fee_statement", "未写收费情况"},
    {QualityRule::kNoContact, "no_contact", "未写咨询或投诉方式"},
    {QualityRule::kNoBasis, "no_basis", "条件或材料没有依据"},
    {QualityRule::kBadCode, "bad_code", "编码校验不通过"},
    {QualityRule::kNotInCatalogue, "not_in_catalogue", "编码不在目录中"},
    {QualityRule::kNameDiffers, "name_differs", "名称与目录不一致"},
    {QualityRule::kNoHandlingPlace, "no_handling_place", "未进驻大厅但未写办理地点"},
}};

// Catch-all wording seen in guides (the 2017 inspection's examples and their variants).
constexpr std::array<std::string_view, 10> kCatchAll{
    "规定的其他条件", "规定的其他材料", "规定的其它条件", "规定的其它材料", "要求的其他材料",
    "其他相关材料",   "其他有关材料",   "其他必要材料",   "其他材料",       "其他条件",
};

}  // namespace

std::span<const VocabEntry<QualityRule>> QualityRules() { return kRules; }
std::string_view Key(QualityRule v) { return VocabEntryOf(kRules, v).key; }
std::string_view Label(QualityRule v) { return VocabEntryOf(kRules, v).label; }

std::string_view CatchAllPhrase(std::string_view text) {
  for (std::string_view phrase : kCatchAll) {
    // The bare "其他材料"/"其他条件" count only at the end ("……及其他材料。"), where they stand
    // for everything else; the longer phrases count anywhere.
    std::size_t at = text.find(phrase);
    if (at == std::string_view::npos) continue;
    if (phrase == "其他材料" || phrase == "其他条件") {
      std::string_view rest = text.substr(at + phrase.size());
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '.')) rest.remove_prefix(1);
      if (!(rest.empty() || rest == "。" || rest == "；" || rest == "等")) continue;
    }
    return phrase;
  }
  return "";
}

std::vector<QualityFinding> CheckQuality(std::span<const ServiceItem> items,
                                         const QualityOptions& options) {
  std::map<std::string_view, std::string_view> reference;
  for (const CatalogueEntry& e : options.reference) reference.emplace(e.code, e.name);
  std::vector<QualityFinding> findings;
  for (const ServiceItem& item : items) {
    if (item.status != ItemStatus::kInUse) continue;
    auto find = [&](QualityRule rule, std::string fix) {
      findings.push_back(QualityFinding{item.code, rule, std::move(fix)});
    };
    bool task = item.level == ItemLevel::kTask;
    if (task) {
      for (const std::string& c : item.conditions) {
        if (std::string_view p = CatchAllPhrase(c); !p.empty()) {
          find(QualityRule::kCatchAllCondition,
               fmt::format("申请条件「{}」含兜底表述「{}」：请逐条写明法定条件", c, p));
          break;
        }
      }
      for (const ServiceMaterial& m : item.materials) {
        if (std::string_view p = CatchAllPhrase(m.name); !p.empty()) {
          find(QualityRule::kCatchAllMaterial,
               fmt::format("申请材料「{}」含兜底表述「{}」：请列明每一项材料", m.name, p));
          break;
        }
      }
      if (item.legal_days && item.promised_days && *item.promised_days > *item.legal_days) {
        find(QualityRule::kPromisedOverLegal,
             fmt::format(
                 "承诺办结时限 {} 个工作日超过法定办结时限 {} 个工作日：承诺时限应不超过法定时限",
                 *item.promised_days, *item.legal_days));
      }
      if (!item.legal_days && !item.promised_days) {
        find(QualityRule::kNoTimeLimit, "未写法定或承诺办结时限：请写明办结时限（工作日）");
      }
      if (!item.fee) {
        find(QualityRule::kNoFeeStatement, "未写是否收费：不收费也须写明“不收费”");
      }
      if (!item.contacts || item.contacts->consult.empty() || item.contacts->complaint.empty()) {
        find(QualityRule::kNoContact, "缺少咨询方式或监督投诉电话：请写明两者");
      }
      if ((!item.conditions.empty() || !item.materials.empty()) && item.basis.empty()) {
        find(QualityRule::kNoBasis,
             "有申请条件或材料却没有任何设定依据：请写明每项条件和材料出自的文件和条款");
      }
    }
    if (Status s = CheckItemCode(item.code, options.agency_division); !s.ok()) {
      find(QualityRule::kBadCode, s.message());
    }
    if (!reference.empty()) {
      auto it = reference.find(item.code);
      if (it == reference.end()) {
        find(QualityRule::kNotInCatalogue,
             fmt::format("编码 {} 不在事项目录中：请按目录认领或更正编码", item.code));
      } else if (it->second != item.name) {
        find(QualityRule::kNameDiffers,
             fmt::format("名称「{}」与目录的「{}」不一致：请使用目录中的名称", item.name,
                         it->second));
      }
    }
    if (task && !item.in_hall && item.handled_at.empty()) {
      find(QualityRule::kNoHandlingPlace, "列入进厅负面清单的事项须写明实际办理地点（handled_at）");
    }
  }
  return findings;
}

}  // namespace gongkai
