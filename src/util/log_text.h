// Text that goes into a log line from outside (a request path, a file name, a value typed by a
// person), made safe to log: a log line stays one line and cannot fake another line or colour a
// terminal. The one function every log of such a value calls. A pure function; thread-safe.

#ifndef GONGKAI_UTIL_LOG_TEXT_H_
#define GONGKAI_UTIL_LOG_TEXT_H_

#include <string>
#include <string_view>

namespace gongkai {

// `s` with every control character (U+0000–U+001F, U+007F) and every byte that is not part of
// valid UTF-8 written as \xHH, and a backslash as \\, so the escaping is unambiguous. Valid
// UTF-8 text (Chinese included) is kept as it is.
std::string EscapeForLog(std::string_view s);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_LOG_TEXT_H_
