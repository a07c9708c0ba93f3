#include "ingest/extract.h"

#include <unicode/unistr.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ingest/limits.h"
#include "util/text.h"
#include "util/utf8.h"

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
    {ExtractProblem::kPdfTooLarge, "PDF 文件「", "」过大，无法读取。请检查是否选错了文件", "",
     ": the PDF is too large to read; check that this is the right file"},
    {ExtractProblem::kDamagedPdf, "无法打开 PDF 文件「",
     "」（已损坏或不是 PDF）。请重新下载，或另存为 DOCX", "",
     ": the PDF cannot be opened (damaged or not a PDF); download it again or save it as DOCX"},
    {ExtractProblem::kLockedPdf, "PDF 文件「", "」有密码保护。请向发布机关索取未加密的文件", "",
     ": the PDF is password-protected; ask the publisher for an open copy"},
    {ExtractProblem::kScannedPdf, "PDF 文件「",
     "」没有文字层（扫描件）。请先做文字识别（OCR），或索取文字版", "",
     ": the PDF has no text layer (a scan); run OCR on it first or ask for the text version"},
    {ExtractProblem::kPdfOverLimit, "PDF 文件「",
     "」超出读取上限，已停止读取（可能是恶意构造的文件）。请确认文件来源，或另存为 DOCX 后重试", "",
     ": over a reading limit, not read (it may be a crafted file); check where it came from, or "
     "save it as DOCX"},
    {ExtractProblem::kDocxOverLimit, "Word 文档「",
     "」超出读取上限，已停止读取（可能是压缩炸弹）。请确认文件来源，或另存为 PDF 后重试", "",
     ": over a reading limit, not read (it may be a zip bomb); check where it came from, or save "
     "it as PDF"},
    {ExtractProblem::kHtmlOverLimit, "网页「",
     "」超出读取上限，已停止读取。请确认下载的是报告页面，或另存为 DOCX、PDF 后重试", "",
     ": over a reading limit, not read; check that this is the report's page, or save it as DOCX "
     "or PDF"},
    {ExtractProblem::kTextOverLimit, "文件「",
     "」超出读取上限，已停止读取。请确认这是年度报告，或另存为 DOCX、PDF 后重试", "",
     ": over a reading limit, not read; check that this is an annual report, or save it as DOCX "
     "or PDF"},
};

// Returns the kTextOverLimit error when a line of `text` is longer than kMaxLineBytes.
Status CheckLineLengths(std::string_view text, std::string_view filename, std::string_view lang) {
  std::size_t line = 1;
  for (std::size_t at = 0; at < text.size(); ++line) {
    const std::size_t nl = std::min(text.find('\n', at), text.size());
    if (nl - at > ingest::kMaxLineBytes) {
      return ExtractError(ExtractProblem::kTextOverLimit, filename, lang,
                          lang == "zh" ? fmt::format("第 {} 行超过 {} KiB 的单行上限", line,
                                                     ingest::kMaxLineBytes >> 10)
                                       : fmt::format("line {} is longer than the limit of {} KiB",
                                                     line, ingest::kMaxLineBytes >> 10));
    }
    at = nl + 1;
  }
  return Status::Ok();
}

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
  Result<std::string> text = std::string();
  switch (*format) {
    case DocumentFormat::kPdf:
      text = PdfToText(bytes, filename, lang);
      break;
    case DocumentFormat::kDocx:
      text = DocxToText(bytes, filename, lang);
      break;
    case DocumentFormat::kHtml:
      text = HtmlDocumentToText(DecodeText(bytes), filename, lang);
      break;
    case DocumentFormat::kText:
      text = DecodeText(bytes);
      break;
  }
  if (!text.ok()) return text;
  if (Status s = CheckLineLengths(*text, filename, lang); !s.ok()) return s;
  return text;
}

}  // namespace gongkai
