#include "web/url.h"

namespace gongkai::web {

namespace {

bool Unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string EncodePathSegment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(segment.size());
  for (unsigned char c : segment) {
    if (Unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string EncodeQueryValue(std::string_view value) { return EncodePathSegment(value); }

std::string AttachmentDisposition(std::string_view filename) {
  std::string fallback;
  for (unsigned char c : filename) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '-' || c == '_';
    fallback += keep ? static_cast<char>(c) : '_';
  }
  if (fallback.empty()) fallback = "download";
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" +
         EncodePathSegment(filename);
}

}  // namespace gongkai::web
