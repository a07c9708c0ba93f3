#include "ingest/table_grid.h"

#include <algorithm>

#include "util/text.h"

namespace gongkai::ingest {

void TableGrid::StartRow() {
  if (in_row_) EndRow();
  rows_.emplace_back();
  next_covered_.assign(covered_.size(), 0);
  in_row_ = true;
}

void TableGrid::AddCell(std::string text, int rowspan, int colspan) {
  if (!in_row_) StartRow();
  rowspan = std::clamp(rowspan, 1, kMaxSpan);
  colspan = std::clamp(colspan, 1, kMaxSpan);
  auto& row = rows_.back();
  while (row.size() < covered_.size() && covered_[row.size()] > 0) {
    next_covered_[row.size()] = covered_[row.size()] - 1;
    row.emplace_back();
  }
  const std::size_t col = row.size();
  row.push_back(std::move(text));
  for (int k = 1; k < colspan; ++k) row.emplace_back();
  if (covered_.size() < row.size()) {
    covered_.resize(row.size(), 0);
    next_covered_.resize(row.size(), 0);
  }
  for (std::size_t c = col; c < row.size(); ++c) next_covered_[c] = rowspan - 1;
}

void TableGrid::EndRow() {
  if (!in_row_) return;
  auto& row = rows_.back();
  for (std::size_t c = row.size(); c < covered_.size(); ++c) {
    if (covered_[c] > 0) {
      while (row.size() < c) row.emplace_back();
      row.emplace_back();
      next_covered_[c] = covered_[c] - 1;
    }
  }
  covered_ = next_covered_;
  in_row_ = false;
}

void TableGrid::Render(std::string* out) const {
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out->push_back('\t');
      *out += row[c];
    }
    out->push_back('\n');
  }
}

std::string CellText(const std::string& raw) { return CollapseWhitespace(raw); }

}  // namespace gongkai::ingest
