// An attachment of an item of published information (a PDF, DOCX or XLSX file an office
// uploads), checked and turned into searchable text. The kind is told by the bytes — the PDF
// signature, a ZIP holding word/document.xml or xl/workbook.xml — never by the name alone; a
// name whose extension (.pdf, .docx, .xlsx) claims another kind than the bytes is refused, so a
// renamed file cannot pass as a PDF. Text comes from the bounded readers of ingest/ (poppler
// with the PDF limits, the DOCX reader, the first worksheet of an XLSX), so memory and time stay
// bounded whatever the bytes. Functions of their input only; safe from any thread.

#ifndef GONGKAI_INGEST_ATTACHMENT_H_
#define GONGKAI_INGEST_ATTACHMENT_H_

#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai {

enum class AttachmentKind { kPdf, kDocx, kXlsx };

struct AttachmentContent {
  AttachmentKind kind = AttachmentKind::kPdf;
  std::string media_type;  // "application/pdf", the OOXML types
  std::string text;        // searchable text; empty for a PDF without a text layer
  std::string note;        // Chinese, for the clerk: why `text` is empty; "" otherwise
};

// Checks `bytes` and extracts their text. kInvalidInput naming `filename` (in Chinese, saying
// what to do) when the file is empty, is none of PDF/DOCX/XLSX, has an extension of another of
// the three kinds than its bytes, or is damaged, password-protected or over a limit of
// ingest/limits.h. A PDF of scanned pages is accepted with empty text and a note.
Result<AttachmentContent> ReadAttachment(std::string_view bytes, std::string_view filename);

}  // namespace gongkai

#endif  // GONGKAI_INGEST_ATTACHMENT_H_
