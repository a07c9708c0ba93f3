#include "web/report_publication.h"

#include <fmt/format.h>

#include "cases/narrative.h"
#include "docs/docx_writer.h"
#include "docs/html_writer.h"
#include "docs/pdf_writer.h"
#include "docs/report_document.h"
#include "report/json.h"
#include "report/rules.h"

namespace gongkai::web {
namespace {

constexpr ExportFormat kDownloads[] = {ExportFormat::kHtml, ExportFormat::kDocx, ExportFormat::kPdf,
                                       ExportFormat::kXlsx, ExportFormat::kJson};

std::string_view DownloadLabel(ExportFormat f) {
  switch (f) {
    case ExportFormat::kHtml:
      return "网页";
    case ExportFormat::kDocx:
      return "Word";
    case ExportFormat::kPdf:
      return "PDF";
    case ExportFormat::kXlsx:
      return "Excel";
    case ExportFormat::kJson:
      return "JSON 数据";
  }
  return "";
}

std::string_view FormatKey(ExportFormat f) {
  return ExportFormatExtension(f).substr(1);  // ".pdf" → "pdf"
}

// A table of the report laid out as the exports lay it out (docs/report_document.h), so the
// page shows the national format's merged cells: table 三's 「三、本年度办理结果」 spanning its
// result rows, and the groups （三）…（六） spanning their numbered sub-rows.
View TableView(const DocTable& table) {
  View rows = List();
  for (const auto& table_row : table.rows) {
    View cells = List();
    for (const TableCell& cell : table_row) {
      View c;
      c.set("text", Text(cell.text));
      c.set("header", Flag(cell.header));
      const bool label = !cell.header && cell.align == CellAlign::kLeft;
      c.set("label", Flag(label));
      c.set("value", Flag(!cell.header && !label));
      std::string spans;  // digits only, so the template may print it unescaped
      if (cell.col_span > 1) spans += fmt::format(" colspan=\"{}\"", cell.col_span);
      if (cell.row_span > 1) spans += fmt::format(" rowspan=\"{}\"", cell.row_span);
      c.set("spans", Text(spans));
      cells.push_back(c);
    }
    View row;
    row.set("cells", cells);
    rows.push_back(row);
  }
  View t;
  t.set("rows", rows);
  return t;
}

// Percent-encodes `text` for an RFC 5987 ext-value (filename*=UTF-8''…).
std::string PercentEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// Whether an If-None-Match header value names `etag` (a list, or "*").
bool NoneMatchNames(std::string_view header, std::string_view etag) {
  if (header.find('*') != std::string_view::npos) return true;
  return header.find(etag) != std::string_view::npos;
}

// `report` as `format`, the anchor printed at its end.
Result<std::string> ExportAnchored(const Report& report, ExportFormat format,
                                   const ReportAnchor& anchor) {
  if (format == ExportFormat::kJson) {
    nlohmann::ordered_json json = ReportToJson(report);
    json["audit_checkpoint"] = AnchorLine(anchor);
    return json.dump(1) + "\n";
  }
  if (format == ExportFormat::kXlsx) return ExportReport(report, format);
  Document doc = ReportDocument(report);
  doc.Add(ParagraphStyle::kCaption, AnchorCaption(anchor));
  doc.Add(ParagraphStyle::kCaption, AnchorLine(anchor));
  if (format == ExportFormat::kHtml) return WriteHtml(doc);
  if (format == ExportFormat::kDocx) return WriteDocx(doc);
  return WritePdf(doc);
}

}  // namespace

View ReportBodyView(const Agency& agency, const Report& report, const std::string& base_url) {
  View v;
  View downloads = List();
  for (ExportFormat f : kDownloads) {
    View d;
    d.set("href", Text(base_url + "/" + std::string(FormatKey(f))));
    d.set("label", Text(DownloadLabel(f)));
    downloads.push_back(d);
  }
  v.set("downloads", downloads);
  CheckSettings check;
  check.publisher = ReportPublisher(agency.kind);
  View findings = List();
  const std::vector<Finding> found = CheckReport(report, check);
  for (const auto& f : found) {
    View o;
    o.set("rule", Text(f.rule));
    o.set("severity", Text(SeverityKey(f.severity)));
    o.set("message", Text(f.message_zh));
    findings.push_back(o);
  }
  v.set("findings", findings);
  v.set("has_findings", Flag(!found.empty()));
  // The national format's order: each section's text, and under 二、三、四 its table.
  const DocTable tables[] = {ReportTableA(report), ReportTableB(report), ReportTableC(report)};
  View parts = List();
  for (int n = 1; n <= 6; ++n) {
    View part;
    part.set("title", Text(SectionTitle(n)));
    for (const Section& s : report.sections) {
      if (s.number == n && !s.text.empty()) part.set("text", Text(s.text));
    }
    if (n >= 2 && n <= 4) part.set("table", TableView(tables[n - 2]));
    parts.push_back(part);
  }
  v.set("parts", parts);
  return v;
}

Result<std::vector<ReportFile>> RenderPublicReportFiles(const Templates& templates,
                                                        const Agency& agency,
                                                        const ReportVersion& version,
                                                        const ReportAnchor* anchor) {
  auto report = VersionReport(version);
  if (!report.ok()) return report.status();
  std::vector<ReportFile> files;
  View body =
      ReportBodyView(agency, *report, fmt::format("/reports/{}/{}", agency.id, version.year));
  if (anchor) {
    View a;
    a.set("caption", Text(AnchorCaption(*anchor)));
    a.set("line", Text(AnchorLine(*anchor)));
    body.set("anchor", a);
  }
  auto page = templates.Render("report_body", body);
  if (!page.ok()) return page.status();
  files.push_back(ReportFile{std::string(kReportPageFormat), std::move(page).value(), "", ""});
  for (ExportFormat f : kDownloads) {
    auto bytes = anchor ? ExportAnchored(*report, f, *anchor) : ExportReport(*report, f);
    if (!bytes.ok()) return bytes.status();
    files.push_back(ReportFile{std::string(FormatKey(f)), std::move(bytes).value(), "", ""});
  }
  return files;
}

ReportRenderer PublishingRenderer(Database& db, Calendars& calendars, const Templates& templates,
                                  const Agency& agency, const std::filesystem::path& checkpoints) {
  return [&db, &calendars, &templates, &agency,
          checkpoints](const ReportVersion& version) -> Result<std::vector<ReportFile>> {
    const AuditKey* key = db.audit_key();
    if (!key || checkpoints.empty()) return RenderPublicReportFiles(templates, agency, version);
    auto anchor = AnchorPublication(db, calendars, *key, checkpoints, agency.id, version.year,
                                    version.version);
    if (!anchor.ok()) {
      return anchor.status().WithContext("发布前写入审计检查点失败，报告未发布：");
    }
    return RenderPublicReportFiles(templates, agency, version, &*anchor);
  };
}

Result<ReportFile> PublishedReportFile(Database& db, const Templates& templates,
                                       const Agency& agency, const ReportVersion& version,
                                       std::string_view format) {
  auto stored = GetReportFile(db, agency.id, version.year, version.version, format);
  if (!stored.ok()) return stored.status();
  if (*stored) return std::move(**stored);
  auto rendered = RenderPublicReportFiles(templates, agency, version);
  if (!rendered.ok()) return rendered.status();
  if (Status s = PutReportFiles(db, agency.id, version.year, version.version, *rendered); !s.ok()) {
    return s;
  }
  stored = GetReportFile(db, agency.id, version.year, version.version, format);
  if (!stored.ok()) return stored.status();
  if (!*stored) return Status::NotFound(fmt::format("没有格式为 {} 的报告文件", format));
  return std::move(**stored);
}

std::string ReportFileName(const Agency& agency, int year, ExportFormat format) {
  return fmt::format("{}{}年政府信息公开工作年度报告{}", agency.name, year,
                     ExportFormatExtension(format));
}

Response ReportFileResponse(const Request& request, std::string bytes, const std::string& sha256,
                            ExportFormat format, const std::string& file_name,
                            const std::string& ascii_name) {
  Response resp;
  const std::string etag = "\"" + sha256 + "\"";
  resp.AddHeader("ETag", etag);
  resp.AddHeader("Cache-Control", "public, no-cache");
  if (NoneMatchNames(request.Header("if-none-match"), etag)) {
    resp.status = 304;
    return resp;
  }
  resp.content_type = std::string(ExportFormatMime(format));
  resp.body = std::move(bytes);
  resp.AddHeader("Content-Disposition",
                 fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii_name,
                             PercentEncode(file_name)));
  return resp;
}

}  // namespace gongkai::web
