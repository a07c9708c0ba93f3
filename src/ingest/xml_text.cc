#include "ingest/xml_text.h"

#include <cstdlib>
#include <utility>

#include "util/text.h"

namespace gongkai {

std::string XmlUnescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      static constexpr std::pair<std::string_view, char> kNamed[] = {
          {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [name, c] : kNamed) {
        if (s.compare(i, name.size(), name) == 0) {
          out.push_back(c);
          i += name.size();
          done = true;
          break;
        }
      }
      if (done) continue;
      const std::size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10 && i + 2 < s.size() && s[i + 1] == '#') {
        const bool hex = s[i + 2] == 'x';
        const std::string digits(s.substr(i + (hex ? 3 : 2), semi - i - (hex ? 3 : 2)));
        char* end = nullptr;
        const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (!digits.empty() && end && *end == '\0') {
          AppendUtf8(&out, v > 0x10FFFF ? kReplacementChar : static_cast<char32_t>(v));
          i = semi + 1;
          continue;
        }
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

}  // namespace gongkai
