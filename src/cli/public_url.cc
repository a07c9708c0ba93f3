#include "cli/public_url.h"

#include <cstdlib>

#include "web/service_links.h"

namespace gongkai::cli {

Result<std::string> PublicUrl(const std::string& given) {
  std::string url = given;
  if (url.empty()) {
    if (const char* env = std::getenv("GONGKAI_PUBLIC_URL"); env != nullptr) url = env;
  }
  if (!url.empty()) {
    if (Status s = web::CheckPublicUrl(url); !s.ok()) return s;
  }
  return url;
}

}  // namespace gongkai::cli
