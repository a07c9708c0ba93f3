// Fuzzes the case events JSON Lines reader (`gongkai cases import`): whole files, split into
// lines, each bounded by kMaxEventLineBytes and kMaxEventJsonDepth before nlohmann parses it.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cases/events_jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)gongkai::ParseEventsJsonl(text);
  return 0;
}
