// The catalogue's facts that section 一、总体情况 of the annual report quotes (services.md: the
// founding report's "1,248 items under dynamic management … guides for 1,764 procedures … a
// 跨省通办 list of 458 items, 244 for individuals and 214 for legal persons"), one sentence each,
// every sentence carrying the date it was counted, so that the office's text and the data agree.
// The narrative editor offers them beside the applications' facts (cases/narrative.h). A guide
// is published per in-use 业务办理项 (spec §2: the unit of a guide), so guides = in-use 业务办理项.
// Pure; safe to call from any thread.

#ifndef GONGKAI_SERVICES_NARRATIVE_FACTS_H_
#define GONGKAI_SERVICES_NARRATIVE_FACTS_H_

#include <span>
#include <string>
#include <vector>

#include "services/stats.h"
#include "services/vocab.h"

namespace gongkai {

// The sentences, in order: items in use by level; guides; the 进厅负面清单; 跨省通办 by object and
// by mode; and the changes of `year` (`changes`: the kind of each published change effective in
// the year up to stats.date), by kind in the order of ChangeKind. Each ends with
// "（统计日期：YYYY年M月D日）" = stats.date. Empty when the catalogue has no item at all.
std::vector<std::string> CatalogueFactLines(const CatalogueStats& stats, int year,
                                            std::span<const ChangeKind> changes);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_NARRATIVE_FACTS_H_
