// Fuzzes the report text parser: any bytes must parse without crashing, hanging or reading out
// of bounds, and every cell must point inside the input. Seed with tests/fixtures/reports.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const gongkai::ParseResult r = gongkai::ParseReportText(text, "fuzz");
  for (const auto* table : {&r.report.section2, &r.report.section3, &r.report.section4}) {
    for (const auto& row : table->rows) {
      for (const auto& [key, cell] : row.cells) {
        if (cell.pos.line < 0 || static_cast<std::size_t>(cell.pos.line) > size + 1)
          __builtin_trap();
      }
    }
  }
  return 0;
}
