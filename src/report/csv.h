// Findings as CSV, for a spreadsheet: one line per finding of every checked file, with the
// columns file, agency, year, rule, severity, table, row, column, expected, found, line, message
// (the message in the asked language; `line` empty when unknown). Quoting follows RFC 4180:
// a field with a comma, a double quote, CR or LF is quoted and its quotes doubled; lines end
// with CRLF. Pure functions; safe to call from any thread.

#ifndef GONGKAI_REPORT_CSV_H_
#define GONGKAI_REPORT_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/rules.h"

namespace gongkai {

// Returns the CSV text, header line first. With `excel_bom`, the text starts with a UTF-8 byte
// order mark, without which Excel reads Chinese UTF-8 CSV as a legacy code page.
std::string FindingsToCsv(const std::vector<CheckedReport>& reports, std::string_view lang,
                          bool excel_bom = false);

// `field` quoted when RFC 4180 requires it, as it appears in a CSV line.
std::string CsvField(std::string_view field);

}  // namespace gongkai

#endif  // GONGKAI_REPORT_CSV_H_
