// A table being flattened to text: cells placed row by row, honouring row and column spans, so
// a cell merged over three columns leaves two empty cells after it and a cell merged over three
// rows leaves an empty cell in the two rows below. Rendered as cells joined by tabs, rows by
// newlines. Used by the HTML and DOCX readers; one per table being read.

#ifndef GONGKAI_INGEST_TABLE_GRID_H_
#define GONGKAI_INGEST_TABLE_GRID_H_

#include <string>
#include <vector>

namespace gongkai::ingest {

class TableGrid {
 public:
  void StartRow();
  // REQUIRES: a row was started. Spans below 1 count as 1; above kMaxSpan as kMaxSpan.
  void AddCell(std::string text, int rowspan, int colspan);
  void EndRow();
  // Appends the rendered table to `out`; each row ends with a newline.
  void Render(std::string* out) const;

  static constexpr int kMaxSpan = 64;

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<int> covered_;  // per column: rows still covered by a rowspan from above
  std::vector<int> next_covered_;
  bool in_row_ = false;
};

// Collapses whitespace runs (HTML's rendering of text) and trims; cell text keeps one line.
std::string CellText(const std::string& raw);

}  // namespace gongkai::ingest

#endif  // GONGKAI_INGEST_TABLE_GRID_H_
