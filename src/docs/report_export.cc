#include "docs/report_export.h"

#include <array>

#include "docs/docx_writer.h"
#include "docs/html_writer.h"
#include "docs/pdf_writer.h"
#include "docs/report_document.h"
#include "docs/xlsx_writer.h"
#include "report/json.h"

namespace gongkai {
namespace {

struct FormatEntry {
  ExportFormat format;
  std::string_view key;
  std::string_view extension;
  std::string_view mime;
};

constexpr std::array<FormatEntry, 5> kFormats{{
    {ExportFormat::kHtml, "html", ".html", "text/html; charset=utf-8"},
    {ExportFormat::kDocx, "docx", ".docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {ExportFormat::kPdf, "pdf", ".pdf", "application/pdf"},
    {ExportFormat::kXlsx, "xlsx", ".xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {ExportFormat::kJson, "json", ".json", "application/json"},
}};

const FormatEntry& EntryOf(ExportFormat f) {
  for (const auto& e : kFormats) {
    if (e.format == f) return e;
  }
  return kFormats[0];
}

}  // namespace

std::optional<ExportFormat> ExportFormatFromKey(std::string_view key) {
  for (const auto& e : kFormats) {
    if (e.key == key) return e.format;
  }
  return std::nullopt;
}

std::string_view ExportFormatExtension(ExportFormat f) { return EntryOf(f).extension; }
std::string_view ExportFormatMime(ExportFormat f) { return EntryOf(f).mime; }

Result<std::string> ExportReport(const Report& report, ExportFormat format) {
  switch (format) {
    case ExportFormat::kHtml:
      return WriteHtml(ReportDocument(report));
    case ExportFormat::kDocx:
      return WriteDocx(ReportDocument(report));
    case ExportFormat::kPdf:
      return WritePdf(ReportDocument(report));
    case ExportFormat::kXlsx:
      return WriteReportXlsx(report);
    case ExportFormat::kJson:
      return ReportToJson(report).dump(1) + "\n";
  }
  return Status::Internal("未知的导出格式");
}

}  // namespace gongkai
