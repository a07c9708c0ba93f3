#include "report/model.h"

namespace gongkai {

std::string_view FormatKey(ReportFormat f) {
  return f == ReportFormat::k2021 ? "2021" : "2019-trial";
}

const Cell* Row::Find(std::string_view column) const {
  for (const auto& [k, c] : cells) {
    if (k == column) return &c;
  }
  return nullptr;
}

Cell* Row::Find(std::string_view column) {
  for (auto& [k, c] : cells) {
    if (k == column) return &c;
  }
  return nullptr;
}

void Row::Set(std::string_view column, Cell cell) {
  if (Cell* c = Find(column)) {
    *c = std::move(cell);
    return;
  }
  cells.emplace_back(std::string(column), std::move(cell));
}

const Row* Table::Find(std::string_view key) const {
  for (const auto& r : rows) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

Row* Table::Find(std::string_view key) {
  for (auto& r : rows) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

Row& Table::Get(std::string_view key) {
  if (Row* r = Find(key)) return *r;
  rows.push_back(Row{std::string(key), {}, {}});
  return rows.back();
}

const Cell* Table::FindCell(std::string_view row, std::string_view column) const {
  const Row* r = Find(row);
  return r ? r->Find(column) : nullptr;
}

bool Report::IsDoubted(std::string_view table, std::string_view row,
                       std::string_view column) const {
  const Table& t = table == "section2" ? section2 : table == "section3" ? section3 : section4;
  const Cell* cell = t.FindCell(row, column);
  if (cell && cell->ambiguity) return true;
  const std::string in_table = std::string(table);
  const std::string in_row = in_table + "." + std::string(row);
  const std::string in_cell = in_row + "." + std::string(column);
  for (const std::string& p : uncertain_paths) {
    if (p == in_table || p == in_row || p == in_cell) return true;
  }
  return false;
}

}  // namespace gongkai
