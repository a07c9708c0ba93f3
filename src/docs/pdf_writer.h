// Writes a Document as PDF with cairo and pango, laid out per GB/T 9704-2012: A4, margins top
// 37 mm, left 28 mm (a 156 × 225 mm type area), 22 lines of 3号 (16pt) text per page, title
// 2号 (22pt) centred in a 小标宋-style serif, headings in a 黑体-style sans, page numbers
// 「— N —」 in 4号 outside the type area (odd pages right, even pages left). Tables are drawn
// with lines; a table that continues on the next page repeats its header rows. Fonts: the
// GB/T faces when installed, else Noto Serif/Sans CJK SC (fonts-noto-cjk); pango embeds the
// subsets used. Reproducible: the PDF creation date is the Document's date, so the same
// Document gives the same bytes on the same fonts.
//
// Uses the calling thread's default pango font map; safe to call from several threads.

#ifndef GONGKAI_DOCS_PDF_WRITER_H_
#define GONGKAI_DOCS_PDF_WRITER_H_

#include <string>

#include "docs/document.h"
#include "util/status.h"

namespace gongkai {

// Returns the PDF bytes. Error (internal) only when cairo fails.
Result<std::string> WritePdf(const Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_PDF_WRITER_H_
