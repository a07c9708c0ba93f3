// The report JSON: the project's open data format for annual reports (doc/report-json.md), and
// the JSON form of findings. A report becomes
//   {"format": "2021", "agency": "…", "year": 2023, "published": "2024-01-20",
//    "section2": {row: {column: cell, …}, …}, "section3": …, "section4": …,
//    "sections": [{"number": 1, "title": "…", "text": "…"}, …], "uncertain_paths": ["…"]}
// with rows and cells in the report's order. A cell is a JSON number when it holds a number
// (whole numbers printed as integers, the fee as a decimal), null when blank, and the raw text
// otherwise; a row or cell the document does not contain is absent. `published`, `sections` and
// `uncertain_paths` appear only when the report has them; a table with no rows is left out.
// Source positions are not part of the format. Strings pass through as they are: dump with
// nlohmann::json::error_handler_t::replace when they may hold invalid UTF-8. Pure functions; safe
// to call from any thread.

#ifndef GONGKAI_REPORT_JSON_H_
#define GONGKAI_REPORT_JSON_H_

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "report/finding.h"
#include "report/model.h"
#include "util/status.h"

namespace gongkai {

// Returns the report JSON of `report`.
nlohmann::ordered_json ReportToJson(const Report& report);

// How deeply a report JSON document may nest (the format needs 4 levels); checked before parsing.
inline constexpr int kMaxReportJsonDepth = 32;

// Reads a report JSON document. `source` names it in messages (a file name) and becomes the
// report's `source`. A string cell is read as not-applicable when it is one of `/`, `—`, `-`,
// `无`, `不适用`, as blank when empty, and as text otherwise. Returns kInvalidInput naming the
// source, the JSON path (e.g. `section3.new.total`) and what is wrong: malformed JSON (with line
// and column), a missing or mistyped key, an unknown format, row or column key, nesting deeper
// than kMaxReportJsonDepth.
Result<Report> ReportFromJson(std::string_view text, std::string_view source);

// Returns the findings as a JSON array, messages in `lang` ("zh" or "en"): each
// {"rule", "severity", "message", "table", "row", "column", "expected", "found",
// "source_line", "source_column"}; all but the first three only when known (non-empty, non-zero).
nlohmann::ordered_json FindingsToJson(const std::vector<Finding>& findings, std::string_view lang);

}  // namespace gongkai

#endif  // GONGKAI_REPORT_JSON_H_
