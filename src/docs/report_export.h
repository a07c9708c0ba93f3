// Renders an annual report to the files agencies publish: an HTML page, DOCX (Word/WPS), PDF
// (CJK fonts embedded), XLSX (the three tables, one sheet each, merged header cells) and the
// report JSON. Input is a Report, built from the register or read by the checker; output is the
// file's bytes. Reproducible: the same report gives byte-identical files (no embedded "now").

#ifndef GONGKAI_DOCS_REPORT_EXPORT_H_
#define GONGKAI_DOCS_REPORT_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>

#include "report/model.h"
#include "util/status.h"

namespace gongkai {

enum class ExportFormat { kHtml, kDocx, kPdf, kXlsx, kJson };

// "html" | "docx" | "pdf" | "xlsx" | "json"; nullopt when unknown.
std::optional<ExportFormat> ExportFormatFromKey(std::string_view key);
std::string_view ExportFormatExtension(ExportFormat f);  // ".html", …
std::string_view ExportFormatMime(ExportFormat f);

// Returns the file's bytes. Error (internal) only when a library fails.
Result<std::string> ExportReport(const Report& report, ExportFormat format);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_REPORT_EXPORT_H_
