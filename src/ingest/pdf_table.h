// Table B of a PDF report whose rows have blank cells. In poppler's physical-layout text a blank
// cell is only a wider run of spaces, so 「21      25」 under seven columns cannot say which
// columns the two numbers stood in, and the report parser must call the row unreadable. The
// words' boxes (poppler's text_list) still say it: the header words 自然人 … 总计 give the seven
// columns' x centres, and each number goes to the column it stands under. Pure functions of the
// words; safe from any thread.

#ifndef GONGKAI_INGEST_PDF_TABLE_H_
#define GONGKAI_INGEST_PDF_TABLE_H_

#include <optional>
#include <string>
#include <vector>

namespace gongkai::ingest {

// A word of a page and its box, in points from the page's top left.
struct PdfWord {
  std::string text;  // UTF-8
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// The x centres of table B's seven applicant columns (自然人, 商业企业, 科研机构, 社会公益组织,
// 法律服务机构, 其他, 总计), from the header words on the page; empty unless all seven are there.
std::vector<double> TableBColumns(const std::vector<PdfWord>& words);

// The page's text rebuilt from its words when it holds table B rows with blank cells: one line per
// visual line, and on each line with numbers under the columns, the label followed by seven
// tab-separated cells, empty where no number stands. `columns` carries the columns found on an
// earlier page (a table continued over a page break) and is updated when this page has a header.
// Returns nothing when no row has a blank cell (the layout text reads as it is), or no columns
// are known.
std::optional<std::string> TextWithTableCells(const std::vector<PdfWord>& words,
                                              std::vector<double>* columns);

}  // namespace gongkai::ingest

#endif  // GONGKAI_INGEST_PDF_TABLE_H_
