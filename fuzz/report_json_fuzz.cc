// Fuzzes the report JSON reader (`gongkai check x.json`, `report export --from-json`): the
// nesting pre-scan (kMaxReportJsonDepth), nlohmann's parser, then the reader's type checks.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report/json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)gongkai::ReportFromJson(text, "fuzz.json");
  return 0;
}
