#include "util/log_text.h"

#include <fmt/format.h>

#include "util/text.h"

namespace gongkai {

std::string EscapeForLog(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      out += "\\\\";
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
    } else if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
    } else {
      const std::size_t at = i;
      const char32_t cp = NextCodePoint(s, &i);
      if (cp == kReplacementChar && s.substr(at, 3) != "\xEF\xBF\xBD") {
        out += fmt::format("\\x{:02X}", c);  // not UTF-8: escape this byte, resync on the next
        i = at + 1;
      } else {
        out.append(s.substr(at, i - at));
      }
    }
  }
  return out;
}

}  // namespace gongkai
