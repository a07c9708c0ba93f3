// Writes an annual report's three tables as an XLSX workbook (libxlsxwriter), one sheet each —
// 主动公开, 依申请公开, 复议诉讼 — with the national format's merged header cells. Numbers stay
// numbers. The totals (table B's 总计 column and （七）总计 row, table C's 总计 per block) are
// formulas with their cached values, written as formulas only where the report's stated total
// equals the sum: a parsed report that does not balance keeps what it states, so the
// spreadsheet never corrects a document silently. Reproducible: the workbook's `created` is
// the report's date.
//
// libxlsxwriter 1.1 can only write to a file: this writes a private temporary file, reads it
// back and removes it.

#ifndef GONGKAI_DOCS_XLSX_WRITER_H_
#define GONGKAI_DOCS_XLSX_WRITER_H_

#include <string>
#include <vector>

#include "docs/document.h"
#include "report/model.h"
#include "util/status.h"

namespace gongkai {

// Returns the XLSX bytes. Error (internal) when the temporary file or libxlsxwriter fails.
Result<std::string> WriteReportXlsx(const Report& report);

// One sheet of a list workbook: `title` on a merged first row, then `table` (its header rows
// repeated on each printed page, merged cells kept, numbers as numbers), A4, one page wide.
struct XlsxSheet {
  std::string name;   // the sheet's tab, at most 31 characters
  std::string title;  // the list's title
  DocTable table;
  double column_unit = 10;  // characters per unit of column weight
};

// A workbook of lists (the negative list, the 跨省通办 list…) as offices publish them. `title`
// is the workbook's document title; `created` its date, so the same lists give the same bytes.
// Error (internal) when the temporary file or libxlsxwriter fails.
Result<std::string> WriteTablesXlsx(const std::vector<XlsxSheet>& sheets, const std::string& title,
                                    Date created);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_XLSX_WRITER_H_
