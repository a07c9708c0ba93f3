#include "web/urls.h"

#include <fmt/format.h>

namespace gongkai::web {

std::string PathSegment(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::string CaseUrl(std::int64_t agency_id, std::string_view number) {
  return fmt::format("/office/a/{}/cases/{}", agency_id, PathSegment(number));
}

}  // namespace gongkai::web
