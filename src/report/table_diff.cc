#include "report/table_diff.h"

#include <fmt/format.h>

#include <span>
#include <string_view>

#include "report/layout.h"
#include "report/rules_internal.h"

namespace gongkai {
namespace {

std::string Printed(const Row* row, std::string_view column) {
  const Cell* cell = row ? row->Find(column) : nullptr;
  if (!cell || cell->kind == Cell::Kind::kBlank) return "空";
  if (cell->is_number()) return rules_internal::FormatNumber(cell->number);
  return cell->raw;
}

void DiffTable(std::string_view name, const Table& before, const Table& after,
               std::span<const RowSpec> rows, std::span<const ColumnSpec> shared_columns,
               std::vector<std::string>* out) {
  for (const RowSpec& spec : rows) {
    const Row* was = before.Find(spec.key);
    const Row* is = after.Find(spec.key);
    for (const ColumnSpec& column : shared_columns.empty() ? spec.columns : shared_columns) {
      std::string a = Printed(was, column.key), b = Printed(is, column.key);
      if (a == b) continue;
      out->push_back(
          fmt::format("{}「{}」「{}」：快照 {}，现为 {}", name, spec.label, column.label, a, b));
    }
  }
}

}  // namespace

std::vector<std::string> DiffReportTables(const Report& snapshot, const Report& now) {
  std::vector<std::string> out;
  DiffTable("表二", snapshot.section2, now.section2, TableARows(snapshot.format), {}, &out);
  DiffTable("表三", snapshot.section3, now.section3, TableBRows(snapshot.format), TableBColumns(),
            &out);
  DiffTable("表四", snapshot.section4, now.section4, TableCBlocks(), {}, &out);
  return out;
}

}  // namespace gongkai
