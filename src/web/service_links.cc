#include "web/service_links.h"

#include "web/url.h"

namespace gongkai::web {

std::string GuideLink(std::string_view base_url, std::string_view code) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  return std::string(base_url) + "/g/" + EncodePathSegment(code);
}

}  // namespace gongkai::web
