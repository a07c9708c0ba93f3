// Fuzzes HTML extraction (tags, entities, nested tables, spans) and then the parser on its text.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/extract.h"
#include "report/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = gongkai::HtmlToText(gongkai::DecodeText(bytes));
  gongkai::ParseReportText(text, "fuzz.html");
  return 0;
}
