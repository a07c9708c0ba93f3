// A Document is a format-neutral description of an official document (公文) as GB/T 9704-2012
// lays it out: a centred title, an optional document-number line, body paragraphs, section
// headings, tables with merged cells, and the issuing agency and date at the end. The report
// and notice builders produce one; the DOCX, PDF and HTML writers each turn one into bytes, so
// the layout rules live in the writers and the wording in the builders. Plain value type.

#ifndef GONGKAI_DOCS_DOCUMENT_H_
#define GONGKAI_DOCS_DOCUMENT_H_

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "util/date.h"

namespace gongkai {

// How a paragraph is set. Sizes follow GB/T 9704: title 2号 (22pt) 小标宋-style, body 3号
// (16pt) 仿宋-style with a two-character first-line indent, headings 3号 黑体-style.
enum class ParagraphStyle {
  kTitle,       // centred, large
  kDocNumber,   // centred under the title: 新华政务公开〔2024〕第12号
  kSalutation,  // flush left, no indent: 「张三：」
  kHeading,     // flush left with indent, bold sans: 「一、总体情况」
  kBody,        // justified, first-line indent of two characters
  kSignature,   // right-aligned: the issuing agency, the date
  kSeal,        // right-aligned placeholder where the seal goes
  kCaption,     // centred, small: a table's caption
};

struct Paragraph {
  ParagraphStyle style = ParagraphStyle::kBody;
  std::string text;  // UTF-8, no markup; writers escape it
};

enum class CellAlign { kLeft, kCenter, kRight };

// A table cell; cells are listed row by row as in HTML: a cell spanning rows is listed once, in
// its first row, and the rows below omit it.
struct TableCell {
  std::string text;
  int col_span = 1;
  int row_span = 1;
  bool header = false;  // a label cell (bold in print, <th> in HTML)
  CellAlign align = CellAlign::kCenter;
  // The cell's value when it states a number, for writers that keep numbers as numbers
  // (spreadsheets); `text` is what prints either way.
  std::optional<double> number;
};

struct DocTable {
  std::vector<double> column_weights;  // relative widths; size = number of grid columns
  std::vector<std::vector<TableCell>> rows;
  int header_rows = 0;    // repeated at the top of each page the table continues on
  double font_pt = 10.5;  // 五号 by default; wide tables go smaller
  bool ruled = true;      // false: no lines (a table of contents); the PDF writer honours it
};

// A cell placed on the table grid (0-based row and column of its top-left corner).
struct PlacedCell {
  const TableCell* cell;
  int row;
  int col;
  int row_span;  // the cell's spans, clipped to the grid
  int col_span;
};

// Places the cells of `table` on its grid, resolving row spans. Cells that would fall outside
// the grid are clipped to it (their spans shortened), so a writer never indexes past the grid.
std::vector<PlacedCell> PlaceCells(const DocTable& table);

using Block = std::variant<Paragraph, DocTable>;

struct Document {
  std::string title;  // for metadata (PDF /Title, HTML <title>)
  std::vector<Block> blocks;
  // The document's own date; writers use it wherever a format wants a timestamp, so the same
  // document always gives the same bytes.
  Date date{std::chrono::year{2000}, std::chrono::month{1}, std::chrono::day{1}};
  bool page_numbers = true;  // 「— 1 —」 at the foot of each page

  void Add(ParagraphStyle style, std::string text) {
    blocks.emplace_back(Paragraph{style, std::move(text)});
  }
};

}  // namespace gongkai

#endif  // GONGKAI_DOCS_DOCUMENT_H_
