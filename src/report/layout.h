// The layout of the national report formats: for each format and table, its rows and columns in
// order, with stable keys and the labels printed in the format (国办公开办函〔2021〕30号 for report
// years 2021 on; the trial format 国办公开办函〔2019〕60号 before). Parsers match these labels,
// renderers print them, rules iterate them. Constant data; share freely.

#ifndef GONGKAI_REPORT_LAYOUT_H_
#define GONGKAI_REPORT_LAYOUT_H_

#include <span>
#include <string_view>

#include "report/model.h"

namespace gongkai {

struct ColumnSpec {
  std::string_view key;
  std::string_view label;
};

struct RowSpec {
  std::string_view key;
  std::string_view
      label;  // verbatim, including its numbering (e.g. "（三）1.属于国家秘密" as "1.属于国家秘密")
  std::span<const ColumnSpec> columns;
  bool decimal = false;  // only the fee amount may hold a decimal
};

// Table A rows (each with its own columns), table B rows, table C blocks.
std::span<const RowSpec> TableARows(ReportFormat f);
std::span<const RowSpec> TableBRows(ReportFormat f);
std::span<const ColumnSpec> TableBColumns();  // natural_person … other_org, total
std::span<const RowSpec> TableCBlocks();      // each with upheld, corrected, other, pending, total

// Table B result rows (granted … other.*), whose sum is closed_total.
bool IsTableBResultRow(std::string_view key);

// Label of a row or column key, for messages; the key itself when unknown.
std::string_view TableARowLabel(ReportFormat f, std::string_view key);
std::string_view TableBRowLabel(ReportFormat f, std::string_view key);
std::string_view ColumnLabel(std::string_view key);

// The format the law requires for a report year: 2021 from 2021 on, the trial format before.
inline ReportFormat RequiredFormat(int year) {
  return year >= 2021 ? ReportFormat::k2021 : ReportFormat::k2019Trial;
}

}  // namespace gongkai

#endif  // GONGKAI_REPORT_LAYOUT_H_
