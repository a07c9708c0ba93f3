#include "web/service_links.h"

#include "store/service_search.h"

namespace gongkai::web {

std::string GuideLink(std::string_view base_url, std::string_view code) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  return std::string(base_url) + ServiceGuidePath(code);
}

Status CheckPublicUrl(std::string_view url) {
  std::string_view rest = url;
  bool scheme = false;
  for (std::string_view prefix : {"https://", "http://"}) {
    if (rest.starts_with(prefix)) {
      rest.remove_prefix(prefix.size());
      scheme = true;
      break;
    }
  }
  std::string_view host = rest.substr(0, rest.find('/'));
  bool plain = rest.find_first_of("?# \t\r\n\"<>") == std::string_view::npos;
  if (!scheme || host.empty() || host.front() == ':' || !plain) {
    return Status::InvalidInput(std::string("公开网址“") + std::string(url) +
                                "”应以 http:// 或 https:// 开头并写明主机名，不带查询参数，例如 "
                                "https://zwfw.example.gov.cn");
  }
  return Status::Ok();
}

}  // namespace gongkai::web
