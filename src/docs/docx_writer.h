// Writes a Document as a DOCX file (Office Open XML, ECMA-376), the format offices open in
// Word or WPS. Our own small writer: [Content_Types].xml, the package and document
// relationships, word/document.xml, word/styles.xml, a footer with the page number and
// docProps/core.xml, zipped with libzip. Page set up per GB/T 9704-2012: A4, margins top 37 mm,
// left 28 mm, right 26 mm, bottom 35 mm (a 156 × 225 mm type area), 22 lines of 3号 text per
// page. Tables keep their merged cells (gridSpan / vMerge). Pure function of the Document:
// the same Document gives the same bytes (timestamps are the Document's date).

#ifndef GONGKAI_DOCS_DOCX_WRITER_H_
#define GONGKAI_DOCS_DOCX_WRITER_H_

#include <string>

#include "docs/document.h"
#include "util/status.h"

namespace gongkai {

// Returns the DOCX bytes. Error (internal) only when zipping fails.
Result<std::string> WriteDocx(const Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_DOCX_WRITER_H_
