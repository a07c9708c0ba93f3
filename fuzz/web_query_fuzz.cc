// Fuzzes the parsing of a request target (path and query string) as the server does it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/form.h"
#include "web/router.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view target(reinterpret_cast<const char*>(data), size);
  std::size_t q = target.find('?');
  auto path = gongkai::web::PercentDecode(target.substr(0, q), false);
  if (path.ok()) {
    std::map<std::string, std::string> params;
    (void)gongkai::web::MatchPattern("/office/cases/{id}/events", *path, &params);
  }
  if (q != std::string_view::npos) (void)gongkai::web::ParseUrlEncoded(target.substr(q + 1));
  return 0;
}
