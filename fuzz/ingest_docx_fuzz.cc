// Fuzzes DOCX extraction: whole files (ZIP parsing by libzip, then our XML scan) and, when the
// input does not start like a ZIP, the document.xml scanner directly.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.starts_with("PK")) {
    (void)gongkai::DocxToText(bytes, "fuzz.docx");
  } else {
    (void)gongkai::DocxXmlToText(bytes);
  }
  return 0;
}
