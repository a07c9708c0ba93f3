#include "report/json.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include "report/layout.h"
#include "util/json_depth.h"

namespace gongkai {
namespace {

using nlohmann::ordered_json;

// Printed for a not-applicable cell; the first is what a generated JSON would carry.
constexpr std::array<std::string_view, 8> kNotApplicableTexts{"/", "／", "—",  "——",
                                                              "-", "－", "无", "不适用"};

// Whole numbers (the usual case, and a zero fee) print as integers, like the fixtures; a
// fractional fee prints as the shortest decimal that reads back the same.
ordered_json NumberJson(double v) {
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9.0e15) {
    return static_cast<std::int64_t>(v);
  }
  return v;
}

ordered_json CellJson(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::kNumber:
      return NumberJson(c.number);
    case Cell::Kind::kBlank:
      return nullptr;
    case Cell::Kind::kNotApplicable:
    case Cell::Kind::kText:
      return c.raw;
  }
  return nullptr;
}

ordered_json TableJson(const Table& t) {
  ordered_json out = ordered_json::object();
  for (const Row& row : t.rows) {
    ordered_json cells = ordered_json::object();
    for (const auto& [column, cell] : row.cells) cells[column] = CellJson(cell);
    out[row.key] = std::move(cells);
  }
  return out;
}

std::string_view TypeName(const ordered_json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number()) return "a number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

// Reading: each function returns the first error found, prefixed by the source and JSON path.
class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  Status Error(std::string_view path, std::string_view what) const {
    return Status::InvalidInput(std::string(source_) + ": " + std::string(path) + ": " +
                                std::string(what));
  }

  Status TypeError(std::string_view path, std::string_view expected, const ordered_json& j) const {
    return Error(path, "expected " + std::string(expected) + ", found " + std::string(TypeName(j)));
  }

  // Allowed columns of a row key, in either format; empty when the row key is unknown.
  static std::vector<std::string_view> ColumnsOf(std::string_view table, std::string_view row) {
    std::vector<std::string_view> out;
    auto add_from = [&](std::span<const RowSpec> rows) {
      for (const RowSpec& spec : rows) {
        if (spec.key != row) continue;
        for (const ColumnSpec& c : spec.columns) {
          bool seen = false;
          for (auto k : out) seen = seen || k == c.key;
          if (!seen) out.push_back(c.key);
        }
      }
    };
    for (ReportFormat f : {ReportFormat::k2021, ReportFormat::k2019Trial}) {
      if (table == "section2") add_from(TableARows(f));
      if (table == "section3") add_from(TableBRows(f));
    }
    if (table == "section4") add_from(TableCBlocks());
    return out;
  }

  static std::string KnownRows(std::string_view table) {
    std::string out;
    std::vector<std::string_view> seen;
    auto add_from = [&](std::span<const RowSpec> rows) {
      for (const RowSpec& spec : rows) {
        bool dup = false;
        for (auto k : seen) dup = dup || k == spec.key;
        if (dup) continue;
        seen.push_back(spec.key);
        out += (out.empty() ? "" : ", ") + std::string(spec.key);
      }
    };
    for (ReportFormat f : {ReportFormat::k2021, ReportFormat::k2019Trial}) {
      if (table == "section2") add_from(TableARows(f));
      if (table == "section3") add_from(TableBRows(f));
    }
    if (table == "section4") add_from(TableCBlocks());
    return out;
  }

  Result<Cell> ReadCell(const std::string& path, const ordered_json& j) const {
    Cell cell;
    if (j.is_null()) return cell;
    if (j.is_number()) {
      cell.kind = Cell::Kind::kNumber;
      cell.number = j.get<double>();
      cell.raw = j.dump();
      return cell;
    }
    if (!j.is_string()) return TypeError(path, "a number, null or a string", j);
    cell.raw = j.get<std::string>();
    if (cell.raw.empty()) return cell;
    cell.kind = Cell::Kind::kText;
    for (std::string_view na : kNotApplicableTexts) {
      if (cell.raw == na) cell.kind = Cell::Kind::kNotApplicable;
    }
    return cell;
  }

  Result<Table> ReadTable(std::string_view table, const ordered_json& j) const {
    if (!j.is_object()) return TypeError(table, "an object of rows", j);
    Table out;
    for (const auto& [row_key, row_json] : j.items()) {
      const std::string row_path = std::string(table) + "." + row_key;
      std::vector<std::string_view> columns = ColumnsOf(table, row_key);
      if (columns.empty()) {
        return Error(row_path,
                     "unknown row key; " + std::string(table) + " rows are: " + KnownRows(table));
      }
      if (!row_json.is_object()) return TypeError(row_path, "an object of cells", row_json);
      Row row;
      row.key = row_key;
      for (const auto& [column, cell_json] : row_json.items()) {
        const std::string cell_path = row_path + "." + column;
        bool known = false;
        std::string list;
        for (auto c : columns) {
          known = known || c == column;
          list += (list.empty() ? "" : ", ") + std::string(c);
        }
        if (!known) return Error(cell_path, "unknown column key; this row's columns are: " + list);
        Result<Cell> cell = ReadCell(cell_path, cell_json);
        if (!cell.ok()) return cell.status();
        row.Set(column, std::move(cell).value());
      }
      out.rows.push_back(std::move(row));
    }
    return out;
  }

  Result<std::vector<Section>> ReadSections(const ordered_json& j) const {
    if (!j.is_array()) return TypeError("sections", "an array", j);
    std::vector<Section> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
      const std::string path = "sections[" + std::to_string(i) + "]";
      const ordered_json& s = j[i];
      if (!s.is_object()) return TypeError(path, "an object", s);
      Section section;
      for (const auto& [key, value] : s.items()) {
        if (key == "number") {
          if (!value.is_number_integer() || value.get<std::int64_t>() < 1 ||
              value.get<std::int64_t>() > 6) {
            return Error(path + ".number",
                         "expected a section number from 1 to 6, found " + value.dump());
          }
          section.number = value.get<int>();
        } else if (key == "title" || key == "text") {
          if (!value.is_string()) return TypeError(path + "." + key, "a string", value);
          (key == "title" ? section.title : section.text) = value.get<std::string>();
        } else {
          return Error(path + "." + key, "unknown key; a section has number, title and text");
        }
      }
      if (section.number == 0) return Error(path, "missing key \"number\"");
      out.push_back(std::move(section));
    }
    return out;
  }

  Result<Report> ReadReport(const ordered_json& j) const {
    if (!j.is_object()) return TypeError("(top level)", "an object", j);
    Report report;
    report.source = source_;
    bool has_format = false, has_agency = false, has_year = false;
    for (const auto& [key, value] : j.items()) {
      if (key == "format") {
        if (!value.is_string()) return TypeError(key, "a string", value);
        const std::string f = value.get<std::string>();
        if (f == FormatKey(ReportFormat::k2021)) {
          report.format = ReportFormat::k2021;
        } else if (f == FormatKey(ReportFormat::k2019Trial)) {
          report.format = ReportFormat::k2019Trial;
        } else {
          return Error(key, "unknown format \"" + f + "\"; use \"2021\" or \"2019-trial\"");
        }
        has_format = true;
      } else if (key == "agency") {
        if (!value.is_string()) return TypeError(key, "a string", value);
        report.agency = value.get<std::string>();
        has_agency = true;
      } else if (key == "year") {
        if (!value.is_number_integer() || value.get<std::int64_t>() < 2000 ||
            value.get<std::int64_t>() > 2100) {
          return Error(key, "expected the report year as an integer from 2000 to 2100, found " +
                                value.dump());
        }
        report.year = value.get<int>();
        has_year = true;
      } else if (key == "published") {
        if (!value.is_string()) return TypeError(key, "a date string YYYY-MM-DD", value);
        Result<Date> d = ParseDate(value.get<std::string>());
        if (!d.ok()) return Error(key, d.status().message());
        report.published = *d;
      } else if (key == "section2" || key == "section3" || key == "section4") {
        Result<Table> t = ReadTable(key, value);
        if (!t.ok()) return t.status();
        (key == "section2"   ? report.section2
         : key == "section3" ? report.section3
                             : report.section4) = std::move(t).value();
      } else if (key == "sections") {
        Result<std::vector<Section>> s = ReadSections(value);
        if (!s.ok()) return s.status();
        report.sections = std::move(s).value();
      } else if (key == "uncertain_paths") {
        if (!value.is_array()) return TypeError(key, "an array of strings", value);
        for (const auto& p : value) {
          if (!p.is_string()) return TypeError(key, "an array of strings", p);
          report.uncertain_paths.push_back(p.get<std::string>());
        }
      } else if (key == "audit_checkpoint") {
        // What a published report prints of the audit trail (store/report_anchor.h): not part of
        // the report's content; `gongkai audit verify-report` reads it.
        if (!value.is_string()) return TypeError(key, "a string", value);
      } else {
        return Error(key,
                     "unknown key; a report has format, agency, year, published, section2, "
                     "section3, section4, sections, uncertain_paths and audit_checkpoint");
      }
    }
    if (!has_format)
      return Error("(top level)", "missing key \"format\" (\"2021\" or \"2019-trial\")");
    if (!has_agency) return Error("(top level)", "missing key \"agency\"");
    if (!has_year) return Error("(top level)", "missing key \"year\"");
    return report;
  }

 private:
  std::string source_;
};

// 1-based line and column of byte `offset` in `text`.
std::pair<int, int> LineColumn(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return {line, column};
}

}  // namespace

ordered_json ReportToJson(const Report& report) {
  ordered_json j;
  j["format"] = FormatKey(report.format);
  j["agency"] = report.agency;
  j["year"] = report.year;
  if (report.published) j["published"] = FormatDate(*report.published);
  if (!report.section2.rows.empty()) j["section2"] = TableJson(report.section2);
  if (!report.section3.rows.empty()) j["section3"] = TableJson(report.section3);
  if (!report.section4.rows.empty()) j["section4"] = TableJson(report.section4);
  if (!report.sections.empty()) {
    ordered_json sections = ordered_json::array();
    for (const Section& s : report.sections) {
      sections.push_back({{"number", s.number}, {"title", s.title}, {"text", s.text}});
    }
    j["sections"] = std::move(sections);
  }
  if (!report.uncertain_paths.empty()) j["uncertain_paths"] = report.uncertain_paths;
  return j;
}

Result<Report> ReportFromJson(std::string_view text, std::string_view source) {
  if (Status depth = CheckJsonDepth(text, kMaxReportJsonDepth); !depth.ok()) {
    return depth.WithContext(std::string(source) + ": ");
  }
  ordered_json j;
  try {
    j = ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based, pointing just past the offending character.
    auto [line, column] = LineColumn(text, e.byte == 0 ? 0 : e.byte - 1);
    return Status::InvalidInput(std::string(source) + ":" + std::to_string(line) + ":" +
                                std::to_string(column) +
                                ": not valid JSON; check the brackets, commas and quotes there");
  }
  return Reader(source).ReadReport(j);
}

ordered_json FindingsToJson(const std::vector<Finding>& findings, std::string_view lang) {
  ordered_json out = ordered_json::array();
  for (const Finding& f : findings) {
    ordered_json j;
    j["rule"] = f.rule;
    j["severity"] = SeverityKey(f.severity);
    j["message"] = f.message(lang);
    if (!f.table.empty()) j["table"] = f.table;
    if (!f.row.empty()) j["row"] = f.row;
    if (!f.column.empty()) j["column"] = f.column;
    if (!f.expected.empty()) j["expected"] = f.expected;
    if (!f.found.empty()) j["found"] = f.found;
    if (f.pos.line > 0) j["source_line"] = f.pos.line;
    if (f.pos.column > 0) j["source_column"] = f.pos.column;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace gongkai
