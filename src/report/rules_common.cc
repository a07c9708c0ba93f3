// Naming tables, rows and columns in findings, and the layout lookups the rules share.

#include <fmt/format.h>

#include <cmath>

#include "report/rules_internal.h"

namespace gongkai::rules_internal {

std::string FormatNumber(double v) {
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9.0e15) {
    return fmt::format("{}", static_cast<long long>(v));
  }
  return fmt::format("{}", v);
}

std::string_view TableNameZh(std::string_view table) {
  if (table == "section2") return "表二";
  if (table == "section3") return "表三";
  if (table == "section4") return "表四";
  return table;
}

std::string_view TableNameEn(std::string_view table) {
  if (table == "section2") return "Table A";
  if (table == "section3") return "Table B";
  if (table == "section4") return "Table C";
  return table;
}

namespace {

ReportFormat Other(ReportFormat f) {
  return f == ReportFormat::k2021 ? ReportFormat::k2019Trial : ReportFormat::k2021;
}

const RowSpec* FindIn(std::span<const RowSpec> rows, std::string_view key) {
  for (const RowSpec& r : rows) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

std::span<const RowSpec> RowsOf(ReportFormat format, std::string_view table) {
  if (table == "section2") return TableARows(format);
  if (table == "section3") return TableBRows(format);
  if (table == "section4") return TableCBlocks();
  return {};
}

}  // namespace

const RowSpec* FindRowSpec(ReportFormat format, std::string_view table, std::string_view key) {
  if (const RowSpec* r = FindIn(RowsOf(format, table), key)) return r;
  return FindIn(RowsOf(Other(format), table), key);
}

std::string_view RowLabel(ReportFormat format, std::string_view table, std::string_view row) {
  if (table == "section3" && row == "other") return TableBRowLabel(format, row);
  const RowSpec* spec = FindRowSpec(format, table, row);
  return spec ? spec->label : row;
}

std::string WhereZh(ReportFormat format, std::string_view table, std::string_view row,
                    std::string_view column) {
  std::string out(TableNameZh(table));
  out += " ";
  if (!row.empty())
    out += fmt::format("「{}」{}", RowLabel(format, table, row), table == "section4" ? "" : "行");
  if (!column.empty())
    out += fmt::format("「{}」{}", ColumnLabel(column), table == "section4" ? "" : "列");
  return out;
}

std::string WhereEn(ReportFormat format, std::string_view table, std::string_view row,
                    std::string_view column) {
  std::string out(TableNameEn(table));
  if (!row.empty()) {
    out += fmt::format(", {} 「{}」", table == "section4" ? "block" : "row",
                       RowLabel(format, table, row));
  }
  if (!column.empty()) out += fmt::format(", column 「{}」", ColumnLabel(column));
  return out;
}

Finding MakeFinding(std::string_view rule, Finding::Severity severity, std::string_view table,
                    std::string_view row, std::string_view column, std::string message_zh,
                    std::string message_en, std::string expected, std::string found,
                    SourcePos pos) {
  Finding f;
  f.rule = rule;
  f.severity = severity;
  f.message_zh = std::move(message_zh);
  f.message_en = std::move(message_en);
  f.table = table;
  f.row = row;
  f.column = column;
  f.expected = std::move(expected);
  f.found = std::move(found);
  f.pos = pos;
  return f;
}

const Cell* NumberCell(const Table& table, std::string_view row, std::string_view column) {
  const Cell* c = table.FindCell(row, column);
  return c && c->is_number() ? c : nullptr;
}

std::vector<std::string_view> ExpectedTableBRows(const Report& report) {
  const Table& b = report.section3;
  bool has_single_other = b.Find("other") != nullptr;
  bool has_split_other = false;
  for (std::string_view k : {"other.no_correction", "other.fee_unpaid", "other.other"}) {
    has_split_other = has_split_other || b.Find(k) != nullptr;
  }
  // Read （六）其他处理 the way the report prints it; when it prints neither, expect the format's.
  bool single = report.format == ReportFormat::k2019Trial ? !has_split_other || has_single_other
                                                          : has_single_other && !has_split_other;
  std::vector<std::string_view> out;
  for (const RowSpec& r : TableBRows(ReportFormat::k2021)) {
    bool split_row = r.key.starts_with("other.");
    if (split_row && single) {
      if (r.key == "other.no_correction") out.push_back("other");
      continue;
    }
    out.push_back(r.key);
  }
  return out;
}

}  // namespace gongkai::rules_internal
