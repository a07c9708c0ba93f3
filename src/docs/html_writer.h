// Writes a Document as one self-contained HTML page (inline CSS, no scripts, no external
// resources) that an agency can publish on its website as is. Text is escaped; tables keep
// their merged cells (colspan/rowspan) and header cells are <th>. Pure function.

#ifndef GONGKAI_DOCS_HTML_WRITER_H_
#define GONGKAI_DOCS_HTML_WRITER_H_

#include <string>

#include "docs/document.h"

namespace gongkai {

std::string WriteHtml(const Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_HTML_WRITER_H_
