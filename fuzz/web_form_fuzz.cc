// Fuzzes the urlencoded form / query-string parser and percent-decoding with arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/form.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto form = gongkai::web::ParseUrlEncoded(text);
  if (form.ok()) {
    for (const auto& [name, value] : form->fields()) (void)form->Get(name);
  }
  (void)gongkai::web::PercentDecode(text, false);
  return 0;
}
