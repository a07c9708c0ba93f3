#include "ingest/attachment.h"

#include <fmt/format.h>

#include <optional>

#include "ingest/extract.h"
#include "ingest/xlsx.h"
#include "ingest/zip_reader.h"

namespace gongkai {
namespace {

constexpr std::string_view kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string_view KindName(AttachmentKind k) {
  switch (k) {
    case AttachmentKind::kPdf:
      return "PDF";
    case AttachmentKind::kDocx:
      return "DOCX";
    case AttachmentKind::kXlsx:
      return "XLSX";
  }
  return "";
}

// The kind the bytes are; nullopt for anything else.
std::optional<AttachmentKind> KindOfBytes(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return AttachmentKind::kPdf;
  if (!bytes.starts_with("PK\x03\x04")) return std::nullopt;
  ingest::ZipReader zip(bytes);
  if (!zip.ok()) return std::nullopt;
  if (zip.Read("word/document.xml")) return AttachmentKind::kDocx;
  if (zip.Read("xl/workbook.xml")) return AttachmentKind::kXlsx;
  return std::nullopt;
}

// The kind the name's extension claims; nullopt for another extension.
std::optional<AttachmentKind> KindOfName(std::string_view filename) {
  auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext;
  for (char c : filename.substr(dot)) {
    ext += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (ext == ".pdf") return AttachmentKind::kPdf;
  if (ext == ".docx") return AttachmentKind::kDocx;
  if (ext == ".xlsx") return AttachmentKind::kXlsx;
  return std::nullopt;
}

// The cells of the first worksheet: a tab between cells, a newline between rows.
Result<std::string> XlsxText(std::string_view bytes, std::string_view filename) {
  auto rows = ReadFirstWorksheet(bytes, filename);
  if (!rows.ok()) return rows.status();
  std::string out;
  for (const XlsxRow& row : *rows) {
    std::string line;
    for (const std::string& cell : row.cells) line += (line.empty() ? "" : "\t") + cell;
    out += line + "\n";
  }
  return out;
}

}  // namespace

Result<AttachmentContent> ReadAttachment(std::string_view bytes, std::string_view filename) {
  if (bytes.empty()) {
    return Status::InvalidInput(fmt::format("文件“{}”是空的：请重新选择文件", filename));
  }
  std::optional<AttachmentKind> kind = KindOfBytes(bytes);
  std::optional<AttachmentKind> claimed = KindOfName(filename);
  if (!kind) {
    if (claimed) {
      return Status::InvalidInput(fmt::format(
          "文件“{}”的扩展名是 {}，但内容不是 {} 文件（文件可能只是改了扩展名，或已损坏）：请上传"
          "真正的 PDF、DOCX 或 XLSX 文件",
          filename, KindName(*claimed), KindName(*claimed)));
    }
    return Status::InvalidInput(fmt::format(
        "文件“{}”不是 PDF、DOCX 或 XLSX 文件：附件只接受这三种格式（旧版 .doc、.xls 请另存为 "
        ".docx、.xlsx）",
        filename));
  }
  if (claimed && *claimed != *kind) {
    return Status::InvalidInput(
        fmt::format("文件“{}”的扩展名是 {}，内容却是 {} 文件：请改正扩展名后重新上传", filename,
                    KindName(*claimed), KindName(*kind)));
  }
  AttachmentContent out;
  out.kind = *kind;
  Result<std::string> text = std::string();
  switch (*kind) {
    case AttachmentKind::kPdf:
      out.media_type = "application/pdf";
      text = PdfToText(bytes, filename, "zh");
      if (!text.ok() && text.status().message() ==
                            ExtractError(ExtractProblem::kScannedPdf, filename, "zh").message()) {
        out.note = fmt::format(
            "“{}”没有文字层（扫描件），其内容无法被检索：如有可能请上传带文字的 PDF", filename);
        return out;
      }
      break;
    case AttachmentKind::kDocx:
      out.media_type = std::string(kDocxType);
      text = DocxToText(bytes, filename, "zh");
      break;
    case AttachmentKind::kXlsx:
      out.media_type = std::string(kXlsxType);
      text = XlsxText(bytes, filename);
      break;
  }
  if (!text.ok()) return text.status();
  out.text = std::move(text).value();
  return out;
}

}  // namespace gongkai
