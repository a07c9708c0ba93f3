#include "web/router.h"

#include "web/form.h"

namespace gongkai::web {

std::string_view AccessKey(Access a) {
  switch (a) {
    case Access::kPublic:
      return "public";
    case Access::kStaff:
      return "staff";
    case Access::kClerk:
      return "clerk";
    case Access::kHead:
      return "head";
    case Access::kAdmin:
      return "admin";
  }
  return "public";
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params) {
  while (true) {
    if (pattern.empty() || path.empty()) return pattern.empty() && path.empty();
    if (pattern.front() != '/' || path.front() != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    std::size_t ps = pattern.find('/');
    std::size_t qs = path.find('/');
    std::string_view pseg = pattern.substr(0, ps);
    std::string_view qseg = path.substr(0, qs);
    auto decoded = PercentDecode(qseg, false);
    if (!decoded.ok()) return false;
    if (pseg.size() >= 2 && pseg.front() == '{' && pseg.back() == '}') {
      if (decoded->empty()) return false;
      (*params)[std::string(pseg.substr(1, pseg.size() - 2))] = std::move(decoded).value();
    } else if (pseg != *decoded) {
      return false;
    }
    pattern = ps == std::string_view::npos ? std::string_view() : pattern.substr(ps);
    path = qs == std::string_view::npos ? std::string_view() : path.substr(qs);
  }
}

}  // namespace gongkai::web
