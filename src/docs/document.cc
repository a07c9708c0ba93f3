#include "docs/document.h"

#include <algorithm>

namespace gongkai {

std::vector<PlacedCell> PlaceCells(const DocTable& table) {
  const int columns = static_cast<int>(table.column_weights.size());
  const int rows = static_cast<int>(table.rows.size());
  std::vector<std::vector<bool>> taken(rows, std::vector<bool>(columns, false));
  std::vector<PlacedCell> placed;
  for (int r = 0; r < rows; ++r) {
    int c = 0;
    for (const TableCell& cell : table.rows[r]) {
      while (c < columns && taken[r][c]) ++c;
      if (c >= columns) break;  // more cells than the grid has room for: clip
      const int col_span = std::clamp(cell.col_span, 1, columns - c);
      const int row_span = std::clamp(cell.row_span, 1, rows - r);
      for (int dr = 0; dr < row_span; ++dr) {
        for (int dc = 0; dc < col_span; ++dc) taken[r + dr][c + dc] = true;
      }
      placed.push_back(PlacedCell{&cell, r, c, row_span, col_span});
      c += col_span;
    }
  }
  return placed;
}

}  // namespace gongkai
