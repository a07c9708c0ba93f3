// The quality rules a guide must pass before publication (../shared/spec/services.md §2; the 2017
// national inspection found 13 % of guides with catch-all wording and 33 % missing time limits,
// fees or contacts), run over the catalogue as findings, never as errors: the office fixes the
// item and runs the check again. One finding per item and rule, naming the item's code, the rule
// and what to fix. Rules apply to in-use 业务办理项 (the unit of a guide); an item's own code is
// also checked (services/codes.h). Pure; safe to call from any thread.

#ifndef GONGKAI_SERVICES_QUALITY_H_
#define GONGKAI_SERVICES_QUALITY_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "law/vocab.h"
#include "services/item.h"

namespace gongkai {

// DO NOT CHANGE the keys: they are printed by `gongkai services check --json`.
enum class QualityRule {
  kCatchAllCondition,  // 兜底条件: "法律、法规规定的其他条件" and the like
  kCatchAllMaterial,   // 兜底材料: "……规定的其他材料"
  kPromisedOverLegal,  // 承诺办结时限 > 法定办结时限
  kNoTimeLimit,        // neither 法定 nor 承诺办结时限 stated
  kNoFeeStatement,     // no 是否收费 statement
  kNoContact,          // no 咨询 or no 监督投诉 contact
  kNoBasis,            // conditions or materials and not one basis clause to trace them to
  kBadCode,            // an embedded credit code or division that does not check
  kNotInCatalogue,     // the code is not in the reference catalogue (the provincial one)
  kNameDiffers,        // the name differs from the reference catalogue's
  kNoHandlingPlace,    // on the 进厅负面清单 without saying where it is handled instead
};
std::span<const VocabEntry<QualityRule>> QualityRules();
std::string_view Key(QualityRule v);
std::string_view Label(QualityRule v);

struct QualityFinding {
  std::string code;  // the item's code
  QualityRule rule;
  std::string fix;  // Chinese: what is wrong and what to do
};

// A row of the reference catalogue (the provincial item system's list the agency claimed from).
struct CatalogueEntry {
  std::string code;
  std::string name;
};

struct QualityOptions {
  std::string agency_division;  // the agency's 行政区划代码; "" skips the division check
  // When not empty, every checked item's code must be in it with the same name.
  std::span<const CatalogueEntry> reference;
};

// The catch-all phrase found in `text`, or "" (exposed for tests and the guide editor).
std::string_view CatchAllPhrase(std::string_view text);

// Every finding over `items` (the catalogue as in force), by the items' order, then rule order.
std::vector<QualityFinding> CheckQuality(std::span<const ServiceItem> items,
                                         const QualityOptions& options);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_QUALITY_H_
