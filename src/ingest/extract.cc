#include "ingest/extract.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

#include "util/text.h"

namespace gongkai {
namespace {

constexpr std::size_t kSniffBytes = 4096;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && Lower(s.substr(s.size() - suffix.size())) == suffix;
}

std::string FromIcu(std::string_view bytes, const char* charset) {
  const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string_view DocumentFormatName(DocumentFormat f) {
  switch (f) {
    case DocumentFormat::kText:
      return "text";
    case DocumentFormat::kHtml:
      return "html";
    case DocumentFormat::kDocx:
      return "docx";
    case DocumentFormat::kPdf:
      return "pdf";
  }
  return "text";
}

Result<DocumentFormat> SniffFormat(std::string_view bytes, std::string_view filename) {
  const std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.find("%PDF-") != std::string_view::npos && head.find("%PDF-") < 1024) {
    return DocumentFormat::kPdf;
  }
  if (bytes.starts_with("PK\x03\x04")) {
    if (bytes.find("word/document.xml") != std::string_view::npos) return DocumentFormat::kDocx;
    return Status::InvalidInput(std::string(filename) +
                                ": a ZIP file that is not a Word document (no word/document.xml); "
                                "save the report as DOCX, HTML, PDF or text");
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return Status::InvalidInput(std::string(filename) +
                                ": legacy Word (.doc/.wps) files cannot be read; save the report "
                                "as DOCX or PDF and check it again");
  }
  const std::string lower = Lower(head);
  for (const char* tag : {"<!doctype html", "<html", "<body", "<table", "<div", "<p>", "<p "}) {
    if (lower.find(tag) != std::string::npos) return DocumentFormat::kHtml;
  }
  if (EndsWith(filename, ".html") || EndsWith(filename, ".htm")) return DocumentFormat::kHtml;
  return DocumentFormat::kText;
}

std::string DecodeText(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return ToValidUtf8(bytes.substr(3));
  if (bytes.starts_with("\xFF\xFE")) return FromIcu(bytes.substr(2), "UTF-16LE");
  if (bytes.starts_with("\xFE\xFF")) return FromIcu(bytes.substr(2), "UTF-16BE");
  if (ToValidUtf8(bytes) == bytes) return std::string(bytes);
  return FromIcu(bytes, "gb18030");
}

Result<std::string> ExtractText(std::string_view bytes, std::string_view filename) {
  Result<DocumentFormat> format = SniffFormat(bytes, filename);
  if (!format.ok()) return format.status();
  switch (*format) {
    case DocumentFormat::kPdf:
      return PdfToText(bytes, filename);
    case DocumentFormat::kDocx:
      return DocxToText(bytes, filename);
    case DocumentFormat::kHtml:
      return HtmlToText(DecodeText(bytes));
    case DocumentFormat::kText:
      break;
  }
  return DecodeText(bytes);
}

}  // namespace gongkai
