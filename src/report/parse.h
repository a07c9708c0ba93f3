// Reading a published annual report (政府信息公开工作年度报告) from its text into a Report: the
// agency, the year, the format (2021 or the 2019 trial, told by the labels of table A), the six
// sections with their text, and tables A, B and C with every cell as printed (number, blank,
// not-applicable, text), its raw text and its line and column.
//
// Published text is messy (tests/fixtures/README.md): cells separated by tabs, pipes, runs of
// spaces, line breaks or nothing at all, labels broken across lines or misspelt, page numbers
// inside tables. The parser copes where the layout settles the reading and says so otherwise:
// every guess is a finding (PARSE-AMBIGUOUS, with the path in Report::uncertain_paths), and a
// table or row that cannot be read is a finding (PARSE-MISSING-TABLE, PARSE-MISSING-ROW,
// PARSE-TABLE-UNREADABLE), never an invented value. It does not check the report's sums; that is
// report/rules.h. Pure: no I/O; any input, however broken, returns a result.

#ifndef GONGKAI_REPORT_PARSE_H_
#define GONGKAI_REPORT_PARSE_H_

#include <string_view>
#include <vector>

#include "report/finding.h"
#include "report/model.h"

namespace gongkai {

struct ParseResult {
  Report report;
  std::vector<Finding> findings;  // what reading the text found; the rules add theirs later
};

// Parses `utf8_text` (invalid UTF-8 is read as U+FFFD). `source_name` (a file name) goes into
// Report::source. Findings carry 1-based line and column positions in `utf8_text`.
ParseResult ParseReportText(std::string_view utf8_text, std::string_view source_name);

}  // namespace gongkai

#endif  // GONGKAI_REPORT_PARSE_H_
