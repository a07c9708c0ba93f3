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

// True when `bytes` is valid UTF-8 (what ToValidUtf8 would leave unchanged), without building a
// copy: the copy-and-compare cost as much as parsing the report.
bool IsValidUtf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    if (i + 2 < bytes.size()) {  // the common three-byte case (CJK) without a call
      const auto b0 = static_cast<unsigned char>(bytes[i]);
      const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
      const auto b2 = static_cast<unsigned char>(bytes[i + 2]);
      if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 &&
          (b0 != 0xE0 || b1 >= 0xA0) && (b0 != 0xED || b1 < 0xA0)) {  // not overlong, no surrogate
        i += 3;
        continue;
      }
    }
    if (NextCodePoint(bytes, &i) == kReplacementChar && bytes.substr(at, 3) != "\xEF\xBF\xBD")
      return false;
  }
  return true;
}

struct ProblemText {
  ExtractProblem problem;
  std::string_view zh_before, zh_after;  // around the file name
  std::string_view en_before, en_after;
};
constexpr ProblemText kProblemTexts[] = {
    {ExtractProblem::kZipNotWord, "「",
     "」是 ZIP 压缩文件，但不是 Word 文档（没有 word/document.xml）。请将报告另存为 "
     "DOCX、HTML、PDF 或文本后重试",
     "",
     ": a ZIP file that is not a Word document (no word/document.xml); save the report as DOCX, "
     "HTML, PDF or text"},
    {ExtractProblem::kLegacyWord, "「",
     "」是旧版 Word（.doc/.wps）文件，无法读取。请另存为 DOCX 或 PDF 后重试", "",
     ": legacy Word (.doc/.wps) files cannot be read; save the report as DOCX or PDF and check it "
     "again"},
    {ExtractProblem::kDamagedDocx, "无法读取 Word 文档「",
     "」。请用 Word 或 WPS 打开后重新另存为 DOCX 或 PDF", "",
     ": cannot read the Word document; open it in Word or WPS and save it again as DOCX or PDF"},
    {ExtractProblem::kPdfTooLarge, "PDF 文件「", "」大于 2 GiB，无法读取。请检查是否选错了文件", "",
     ": the PDF is larger than 2 GiB; check that this is the right file"},
    {ExtractProblem::kDamagedPdf, "无法打开 PDF 文件「",
     "」（已损坏或不是 PDF）。请重新下载，或另存为 DOCX", "",
     ": the PDF cannot be opened (damaged or not a PDF); download it again or save it as DOCX"},
    {ExtractProblem::kLockedPdf, "PDF 文件「", "」有密码保护。请向发布机关索取未加密的文件", "",
     ": the PDF is password-protected; ask the publisher for an open copy"},
    {ExtractProblem::kScannedPdf, "PDF 文件「",
     "」没有文字层（扫描件）。请先做文字识别（OCR），或索取文字版", "",
     ": the PDF has no text layer (a scan); run OCR on it first or ask for the text version"},
};

}  // namespace

Status ExtractError(ExtractProblem problem, std::string_view filename, std::string_view lang,
                    std::string_view detail) {
  for (const ProblemText& t : kProblemTexts) {
    if (t.problem != problem) continue;
    const bool zh = lang == "zh";
    std::string msg(zh ? t.zh_before : t.en_before);
    msg += filename;
    msg += zh ? t.zh_after : t.en_after;
    if (!detail.empty()) {
      msg += zh ? "（" : " (";
      msg += detail;
      msg += zh ? "）" : ")";
    }
    msg += zh ? "。" : ".";
    return Status::InvalidInput(std::move(msg));
  }
  return Status::Internal("ExtractError: a problem without a message");
}

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

Result<DocumentFormat> SniffFormat(std::string_view bytes, std::string_view filename,
                                   std::string_view lang) {
  const std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.find("%PDF-") != std::string_view::npos && head.find("%PDF-") < 1024) {
    return DocumentFormat::kPdf;
  }
  if (bytes.starts_with("PK\x03\x04")) {
    if (bytes.find("word/document.xml") != std::string_view::npos) return DocumentFormat::kDocx;
    return ExtractError(ExtractProblem::kZipNotWord, filename, lang);
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return ExtractError(ExtractProblem::kLegacyWord, filename, lang);
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
  if (IsValidUtf8(bytes)) return std::string(bytes);
  return FromIcu(bytes, "gb18030");
}

Result<std::string> ExtractText(std::string_view bytes, std::string_view filename,
                                std::string_view lang) {
  Result<DocumentFormat> format = SniffFormat(bytes, filename, lang);
  if (!format.ok()) return format.status();
  switch (*format) {
    case DocumentFormat::kPdf:
      return PdfToText(bytes, filename, lang);
    case DocumentFormat::kDocx:
      return DocxToText(bytes, filename, lang);
    case DocumentFormat::kHtml:
      return HtmlToText(DecodeText(bytes));
    case DocumentFormat::kText:
      break;
  }
  return DecodeText(bytes);
}

}  // namespace gongkai
