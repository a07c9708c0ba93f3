// A Report is one agency's annual disclosure report (政府信息公开工作年度报告) for one year, as
// stated: every cell keeps what was printed (number, blank, not-applicable, text), its raw text
// and where it stood, so a finding can point at it. A cell or row that the document does not
// contain is absent from its table. Reports built from the case register use the same type,
// with every cell a number and no source position. Plain value type; copy freely.
//
// Keys are the stable keys of ../shared/spec/annual-report.md (see report/layout.h).

#ifndef GONGKAI_REPORT_MODEL_H_
#define GONGKAI_REPORT_MODEL_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/date.h"

namespace gongkai {

// DO NOT CHANGE the strings: stored in report JSON ("2021", "2019-trial").
enum class ReportFormat { k2021, k2019Trial };
std::string_view FormatKey(ReportFormat f);

// Where a piece of text stood in the source document; line and column are 1-based, 0 = unknown
// (a generated report).
struct SourcePos {
  int line = 0;
  int column = 0;
};

struct Cell {
  enum class Kind {
    kNumber,         // `0` is a real zero
    kBlank,          // nothing printed: a missing value
    kNotApplicable,  // `/`, `—`, `-`, `无`, `不适用`
    kText,           // anything else, e.g. `160.5964万元`
  };
  Kind kind = Kind::kBlank;
  double number = 0;  // when kNumber; counts are whole numbers, only fees may be decimal
  std::string raw;    // the text as printed (trimmed)
  SourcePos pos;
  // Set by a parser that had to guess (e.g. splitting concatenated digits); the reason is said.
  std::optional<std::string> ambiguity;

  static Cell Number(double v) { return Cell{Kind::kNumber, v, {}, {}, {}}; }
  bool is_number() const { return kind == Kind::kNumber; }
};

// A row of a table: its key and its cells in column order.
struct Row {
  std::string key;
  std::vector<std::pair<std::string, Cell>> cells;
  SourcePos pos;  // where the row's label stood

  const Cell* Find(std::string_view column) const;
  Cell* Find(std::string_view column);
  // Sets (or adds, at the end) the cell for `column`.
  void Set(std::string_view column, Cell cell);
};

// A table: rows in document order (canonical order for generated reports).
struct Table {
  std::vector<Row> rows;

  const Row* Find(std::string_view key) const;
  Row* Find(std::string_view key);
  // Returns the row `key`, appending an empty one if absent.
  Row& Get(std::string_view key);
  const Cell* FindCell(std::string_view row, std::string_view column) const;
};

// A narrative section (一、总体情况 … 六、其他需要报告的事项).
struct Section {
  int number = 0;  // 1..6
  std::string title;
  std::string text;
  SourcePos pos;
};

struct Report {
  ReportFormat format = ReportFormat::k2021;
  std::string agency;
  int year = 0;
  Table section2;                 // table A: 主动公开政府信息情况
  Table section3;                 // table B: 收到和处理政府信息公开申请情况
  Table section4;                 // table C: 行政复议、行政诉讼情况
  std::vector<Section> sections;  // in document order
  std::optional<Date> published;  // publication date, when the document states it
  std::vector<std::string> uncertain_paths;  // e.g. "section3.new.total": the text cannot settle it
  std::string source;                        // file name or "register", for messages

  // Whether the cell at (table, row, column) was read with doubt: the cell has an ambiguity, or
  // its table, row or cell is among `uncertain_paths`.
  bool IsDoubted(std::string_view table, std::string_view row, std::string_view column) const;
};

}  // namespace gongkai

#endif  // GONGKAI_REPORT_MODEL_H_
