// Escaping text for XML and HTML output. Characters XML 1.0 forbids (C0 controls other than tab,
// newline and carriage return) are dropped, so any UTF-8 input gives a well-formed document.

#ifndef GONGKAI_DOCS_ESCAPE_H_
#define GONGKAI_DOCS_ESCAPE_H_

#include <string>
#include <string_view>

namespace gongkai {

// Escapes & < > " ' for use in XML or HTML text and attribute values.
std::string EscapeXml(std::string_view text);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_ESCAPE_H_
