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
#include <vector>

#include "docs/document.h"
#include "util/status.h"

namespace gongkai {

// Returns the PDF bytes. Error (internal) only when cairo fails.
Result<std::string> WritePdf(const Document& doc);

// A bookmark (PDF outline entry) at `level` (0 = top; a level-k bookmark goes under the last one
// of level k-1).
struct PdfBookmark {
  std::string title;
  int level = 0;
};

// One document of a bound set (a guide book): it starts on a new page, and its bookmarks point to
// that page. Its pages carry page numbers when the document's page_numbers is set.
struct PdfPart {
  const Document* doc = nullptr;
  std::vector<PdfBookmark> bookmarks;
};

struct PdfBook {
  std::string bytes;
  std::vector<int> first_pages;  // per part, the 1-based page it starts on
  int pages = 0;
};

// Lays the parts out one after another in one PDF whose page numbers run on from part to part
// (the page a viewer shows is the number printed on it), 22 lines a page. The first part's
// document gives the PDF's title and date. REQUIRES: every doc is set. Error (internal) only
// when cairo fails, or when `parts` is empty (invalid input).
Result<PdfBook> WritePdfParts(const std::vector<PdfPart>& parts);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_PDF_WRITER_H_
