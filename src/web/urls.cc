#include "web/urls.h"

#include <fmt/format.h>

#include "web/url.h"

namespace gongkai::web {

std::string PathSegment(std::string_view value) { return EncodePathSegment(value); }

std::string CaseUrl(std::int64_t agency_id, std::string_view number) {
  return fmt::format("/office/a/{}/cases/{}", agency_id, PathSegment(number));
}

}  // namespace gongkai::web
