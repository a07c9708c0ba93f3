// Fuzzes the multipart/form-data parser: the first line of the input is the Content-Type
// header, the rest the body.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/form.h"
#include "web/upload.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t eol = input.find('\n');
  std::string_view content_type = input.substr(0, eol);
  std::string_view body =
      eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
  auto boundary = gongkai::web::MultipartBoundary(content_type);
  std::string_view b = boundary.ok() ? std::string_view(*boundary) : std::string_view("XyZ");
  auto parts = gongkai::web::ParseMultipart(body, b);
  if (parts.ok()) {
    for (const auto& part : *parts) {
      if (part.data.size() > body.size()) __builtin_trap();
      (void)gongkai::web::DetectUploadKind(part.data);
    }
  }
  return 0;
}
