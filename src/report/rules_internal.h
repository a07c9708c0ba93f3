// Pieces shared by the files that implement report/rules.h: how a finding names a table, row and
// column in both languages, how numbers print, and the entry point of each group of rules.
// Internal to the report layer; the public contract is rules.h.

#ifndef GONGKAI_REPORT_RULES_INTERNAL_H_
#define GONGKAI_REPORT_RULES_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/finding.h"
#include "report/layout.h"
#include "report/model.h"
#include "report/rules.h"

namespace gongkai::rules_internal {

// Whole numbers without a decimal point ("21"), others as the shortest decimal ("7730.28").
std::string FormatNumber(double v);

// "表二" / "Table A" for "section2", and so on.
std::string_view TableNameZh(std::string_view table);
std::string_view TableNameEn(std::string_view table);

// The label of a row (table A row, table B row, table C block) as printed in `format`, falling
// back to the other format's label, then to the key.
std::string_view RowLabel(ReportFormat format, std::string_view table, std::string_view row);

// "表三 「（七）总计」行「自然人」列" / "Table B, row 「（七）总计」, column 「自然人」"; the row
// or column part is left out when its key is empty.
std::string WhereZh(ReportFormat format, std::string_view table, std::string_view row,
                    std::string_view column);
std::string WhereEn(ReportFormat format, std::string_view table, std::string_view row,
                    std::string_view column);

Finding MakeFinding(std::string_view rule, Finding::Severity severity, std::string_view table,
                    std::string_view row, std::string_view column, std::string message_zh,
                    std::string message_en, std::string expected = "", std::string found = "",
                    SourcePos pos = {});

// The cell at (row, column) when it holds a number; nullptr otherwise.
const Cell* NumberCell(const Table& table, std::string_view row, std::string_view column);

// The layout row of `key` in `table` for `format`, else in the other format; nullptr if unknown.
const RowSpec* FindRowSpec(ReportFormat format, std::string_view table, std::string_view key);

// Table B's rows that the report should have: the format's layout, with （六）其他处理 read as
// the report has it (one `other` row, or the three `other.*` rows).
std::vector<std::string_view> ExpectedTableBRows(const Report& report);

// A narrative statement of how many applications were received.
struct StatedCount {
  std::optional<long long> count;  // nullopt for a statement that none were received
  std::string quote;               // the words that say it, whitespace removed
  int section = 0;                 // the section it stands in
};

// Finds statements such as 「共收到政府信息公开申请12件」「受理政府信息公开申请 21 件」
// 「共收到70件申请」「未收到依申请公开」 in `text`. Ignores statements about reconsideration,
// lawsuits, petitions and complaints, and those about another year than `year`.
std::vector<StatedCount> FindStatedApplicationCounts(std::string_view text, int year);

// The rule groups, each appending to `out`.
void CheckTables(const Report& report, const CheckSettings& settings, std::vector<Finding>* out);
void CheckNarrative(const Report& report, std::vector<Finding>* out);

}  // namespace gongkai::rules_internal

#endif  // GONGKAI_REPORT_RULES_INTERNAL_H_
