// Whether bytes are valid UTF-8: the one check for text from outside (form fields at the web
// edge, report files before they are decoded as GB18030). A pure function; thread-safe.

#ifndef GONGKAI_UTIL_UTF8_H_
#define GONGKAI_UTIL_UTF8_H_

#include <string_view>

namespace gongkai {

// True when `bytes` is valid UTF-8 (what ToValidUtf8 of util/text.h would leave unchanged),
// without building a copy: the copy-and-compare cost as much as parsing a report.
bool IsValidUtf8(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_UTF8_H_
