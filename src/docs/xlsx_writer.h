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

#include "report/model.h"
#include "util/status.h"

namespace gongkai {

// Returns the XLSX bytes. Error (internal) when the temporary file or libxlsxwriter fails.
Result<std::string> WriteReportXlsx(const Report& report);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_XLSX_WRITER_H_
