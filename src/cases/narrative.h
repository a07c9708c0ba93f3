// The text Gongkai writes for a report's narrative sections (一 … 六) from the register's facts
// (cases/annual.h NarrativeFacts), which a draft carries until the office writes its own: 一 states
// the year's applications, 二 to 四 point to their tables, and 五 (存在的主要问题及改进情况) and 六
// (其他需要报告的事项) stay empty, because only the office can say what went wrong and what else
// there is to report (publishing them empty needs an explicit confirmation,
// store/report_store.h). Pure; safe to call from any thread.

#ifndef GONGKAI_CASES_NARRATIVE_H_
#define GONGKAI_CASES_NARRATIVE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cases/annual.h"

namespace gongkai {

// The title of section 1..6 as the national formats print it, e.g. "五、存在的主要问题及改进情况";
// "" for any other number.
std::string_view SectionTitle(int section);

// The sections (5, 6) a report must not publish empty without an explicit confirmation, in order,
// of those whose text in `narratives` (section → text) is absent or only whitespace.
std::vector<int> EmptyRequiredSections(const std::map<int, std::string>& narratives);

// The sentences of 一、总体情况 about applications, one per line of the office's writing aid.
std::vector<std::string> NarrativeFactLines(const NarrativeFacts& facts);

// The generated text of section 1..6; "" for 五 and 六 (and any other number).
std::string GeneratedSectionText(int section, const NarrativeFacts& facts);

}  // namespace gongkai

#endif  // GONGKAI_CASES_NARRATIVE_H_
