// Turning a published report file into text for the report parser (report/parse.h): the format
// is sniffed from the bytes (PDF magic, a ZIP holding word/document.xml, HTML tags, else plain
// text), legacy encodings are decoded (UTF-16 with a byte-order mark, GB18030/GBK when the bytes
// are not UTF-8), and tables keep their shape: a tab between cells, a newline between rows (HTML
// rowspan/colspan and DOCX gridSpan/vMerge leave empty cells where the merged cell spans), other
// blocks on lines of their own, and a form feed between PDF pages (poppler, physical layout).
// Functions of their input only; safe from any thread.

#ifndef GONGKAI_INGEST_EXTRACT_H_
#define GONGKAI_INGEST_EXTRACT_H_

#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai {

enum class DocumentFormat { kText, kHtml, kDocx, kPdf };

std::string_view DocumentFormatName(DocumentFormat f);  // "text", "html", "docx", "pdf"

// Why a document cannot be read. Each problem has one message per language (extract.cc) that
// names the file and says what to do. `lang` below is "zh" or "en" (anything else reads as "en").
enum class ExtractProblem {
  kZipNotWord,   // a ZIP without word/document.xml
  kLegacyWord,   // .doc / .wps (OLE2)
  kDamagedDocx,  // the ZIP or its document part cannot be read
  kPdfTooLarge,  // over ingest::kMaxPdfBytes
  kDamagedPdf,   // poppler cannot open it
  kLockedPdf,    // password-protected
  kScannedPdf,   // no text layer
  // A limit of ingest/limits.h was hit; the detail names the limit.
  kPdfOverLimit,
  kDocxOverLimit,
  kHtmlOverLimit,
  kTextOverLimit,
};

// The kInvalidInput Status for `problem` in `filename`; `detail` (why, e.g. libzip's reason) is
// added in brackets when not empty.
Status ExtractError(ExtractProblem problem, std::string_view filename, std::string_view lang,
                    std::string_view detail = "");

// Tells the format by the bytes; `filename` only breaks ties (a ".html" file with no tag in its
// first kilobytes is still HTML). Returns kInvalidInput for formats we cannot read (legacy .doc,
// a ZIP that is not a Word document), saying what to do.
Result<DocumentFormat> SniffFormat(std::string_view bytes, std::string_view filename,
                                   std::string_view lang = "en");

// Returns the text of the document as UTF-8. kInvalidInput naming `filename` when the file is
// damaged, encrypted or of an unsupported format, or when it hits a limit of ingest/limits.h
// (the message names the limit), in `lang`. Memory and time stay bounded whatever the bytes.
Result<std::string> ExtractText(std::string_view bytes, std::string_view filename,
                                std::string_view lang = "en");

// Decodes text bytes to UTF-8: a UTF-8 or UTF-16 byte-order mark wins; valid UTF-8 stays; other
// bytes are read as GB18030 (a superset of GBK and GB2312).
std::string DecodeText(std::string_view bytes);

// The text of an HTML document (already UTF-8) and of a DOCX's word/document.xml. Tables nested
// deeper than ingest::kMaxHtmlTableDepth end the text there; HtmlDocumentToText says so instead.
std::string HtmlToText(std::string_view html);
// HtmlToText with the limits: kInvalidInput naming `filename` and the limit when the page is
// larger than ingest::kMaxHtmlBytes or nests tables deeper than ingest::kMaxHtmlTableDepth.
Result<std::string> HtmlDocumentToText(std::string_view html, std::string_view filename,
                                       std::string_view lang = "en");
std::string DocxXmlToText(std::string_view document_xml);

// The text of a DOCX or PDF file's bytes.
Result<std::string> DocxToText(std::string_view bytes, std::string_view filename,
                               std::string_view lang = "en");
Result<std::string> PdfToText(std::string_view bytes, std::string_view filename,
                              std::string_view lang = "en");

}  // namespace gongkai

#endif  // GONGKAI_INGEST_EXTRACT_H_
