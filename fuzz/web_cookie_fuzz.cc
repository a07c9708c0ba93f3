// Fuzzes the Cookie header parser with arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/form.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  auto cookies = gongkai::web::ParseCookies(header);
  for (const auto& [name, value] : cookies) {
    if (name.empty()) __builtin_trap();  // the parser promises non-empty names
  }
  return 0;
}
