// A Finding is one thing a check found in a report: which rule, how serious, a message for a
// person in Chinese and in English, and where: table, row and column keys, the source position,
// and the expected and found values as printed. Produced by the parsers (a table that cannot be
// read, a missing table) and by the consistency rules (report/rules.h). Plain value type.

#ifndef GONGKAI_REPORT_FINDING_H_
#define GONGKAI_REPORT_FINDING_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/model.h"

namespace gongkai {

struct Finding {
  // DO NOT CHANGE the keys ("error", "warning", "notice"): exported in JSON and CSV.
  enum class Severity { kError, kWarning, kNotice };

  std::string rule;  // rule id, e.g. "B-BALANCE", "PARSE-MISSING-TABLE"
  Severity severity = Severity::kError;
  std::string message_zh;
  std::string message_en;
  std::string table;     // "section2" | "section3" | "section4" | "" (whole report)
  std::string row;       // row key, e.g. "new"; "" when not about a row
  std::string column;    // column key, e.g. "total"; "" when not about a column
  std::string expected;  // as a number would be printed; "" when not applicable
  std::string found;
  SourcePos pos;

  const std::string& message(std::string_view lang) const {
    return lang == "en" ? message_en : message_zh;
  }
};

inline std::string_view SeverityKey(Finding::Severity s) {
  switch (s) {
    case Finding::Severity::kError:
      return "error";
    case Finding::Severity::kWarning:
      return "warning";
    case Finding::Severity::kNotice:
      return "notice";
  }
  return "error";
}

inline bool HasErrors(const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    if (f.severity == Finding::Severity::kError) return true;
  }
  return false;
}

}  // namespace gongkai

#endif  // GONGKAI_REPORT_FINDING_H_
