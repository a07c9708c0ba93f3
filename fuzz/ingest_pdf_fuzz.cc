// Fuzzes PDF extraction through its bounded path: the size and inflated-stream caps of
// ingest/limits.h, then poppler and the table rebuild of pdf_table.h.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)gongkai::PdfToText(bytes, "fuzz.pdf");
  return 0;
}
