#include "web/url.h"

#include "util/percent.h"

namespace gongkai::web {

std::string EncodePathSegment(std::string_view segment) { return PercentEncode(segment); }

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
