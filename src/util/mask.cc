#include "util/mask.h"

#include <vector>

namespace gongkai {
namespace {

// Splits UTF-8 into characters (a malformed byte counts as one character).
std::vector<std::string_view> Utf8Chars(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 1;
    if (i + len > s.size()) len = 1;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Keeps the first `head` and last `tail` characters and stars the rest; all stars when the text
// is not longer than what would be kept.
std::string KeepEnds(std::string_view text, std::size_t head, std::size_t tail) {
  auto chars = Utf8Chars(text);
  if (chars.size() <= head + tail) return std::string(chars.size(), '*');
  std::string out;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (i < head || i >= chars.size() - tail) {
      out += chars[i];
    } else {
      out += '*';
    }
  }
  return out;
}

}  // namespace

std::string MaskName(std::string_view name) {
  auto chars = Utf8Chars(name);
  if (chars.empty()) return "";
  std::string out(chars[0]);
  out.append(chars.size() == 1 ? 1 : chars.size() - 1, '*');
  return out;
}

std::string MaskIdNumber(std::string_view id) { return KeepEnds(id, 4, 4); }

std::string MaskPhone(std::string_view phone) { return KeepEnds(phone, 3, 4); }

std::string MaskEmail(std::string_view email) {
  std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0) return KeepEnds(email, 1, 0);
  return KeepEnds(email.substr(0, at), 1, 0) + std::string(email.substr(at));
}

std::string MaskAddress(std::string_view address) {
  auto chars = Utf8Chars(address);
  std::string out;
  for (std::size_t i = 0; i < chars.size() && i < 6; ++i) out += chars[i];
  if (chars.size() > 6) out += "****";
  return out;
}

}  // namespace gongkai
