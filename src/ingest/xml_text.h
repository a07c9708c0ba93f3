// The text of an XML element's content as the OOXML readers (docx.cc, xlsx.cc) need it: the five
// named entities and numeric character references decoded. Pure.

#ifndef GONGKAI_INGEST_XML_TEXT_H_
#define GONGKAI_INGEST_XML_TEXT_H_

#include <string>
#include <string_view>

namespace gongkai {

// `s` with &lt; &gt; &amp; &quot; &apos; and &#N; / &#xH; decoded (a code point beyond U+10FFFF
// becomes U+FFFD); anything else is copied as it is.
std::string XmlUnescape(std::string_view s);

}  // namespace gongkai

#endif  // GONGKAI_INGEST_XML_TEXT_H_
