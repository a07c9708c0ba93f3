#include "util/utf8.h"

#include "util/text.h"

namespace gongkai {

bool IsValidUtf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    if (i + 2 < bytes.size()) {  // the common three-byte case (CJK) without a call
      const auto b0 = static_cast<unsigned char>(bytes[i]);
      const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
      const auto b2 = static_cast<unsigned char>(bytes[i + 2]);
      if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 &&
          (b0 != 0xE0 || b1 >= 0xA0) && (b0 != 0xED || b1 < 0xA0)) {  // not overlong, no surrogate
        i += 3;
        continue;
      }
    }
    if (NextCodePoint(bytes, &i) == kReplacementChar && bytes.substr(at, 3) != "\xEF\xBF\xBD")
      return false;
  }
  return true;
}

}  // namespace gongkai
