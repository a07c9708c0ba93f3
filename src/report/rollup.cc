#include "report/rollup.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "report/layout.h"
#include "report/rules_internal.h"
#include "util/text.h"

namespace gongkai {
namespace {

using rules_internal::FindRowSpec;
using rules_internal::MakeFinding;

constexpr std::string_view kTables[] = {"section2", "section3", "section4"};

Table& TableOf(Report& r, std::string_view key) {
  return key == "section2" ? r.section2 : key == "section3" ? r.section3 : r.section4;
}
const Table& TableOf(const Report& r, std::string_view key) {
  return key == "section2" ? r.section2 : key == "section3" ? r.section3 : r.section4;
}

std::string NormalizeAgency(std::string_view agency) { return RemoveWhitespace(FoldWidth(agency)); }

std::span<const RowSpec> LayoutRows(ReportFormat f, std::string_view table) {
  if (table == "section2") return TableARows(f);
  if (table == "section3") return TableBRows(f);
  return TableCBlocks();
}

// `t` with its rows in the layout's order of `format` (others after, as first seen) and each
// row's cells in its columns' order.
Table InLayoutOrder(ReportFormat format, std::string_view table, Table t) {
  Table out;
  auto move_row = [&](std::string_view key) {
    Row* row = t.Find(key);
    if (!row) return;
    Row sorted{row->key, {}, {}};
    if (const RowSpec* spec = FindRowSpec(format, table, key)) {
      for (const ColumnSpec& c : spec->columns) {
        if (const Cell* cell = row->Find(c.key)) sorted.Set(c.key, *cell);
      }
    }
    for (const auto& [column, cell] : row->cells) {
      if (!sorted.Find(column)) sorted.Set(column, cell);
    }
    out.rows.push_back(std::move(sorted));
    row->key.clear();  // taken
  };
  for (const RowSpec& spec : LayoutRows(format, table)) move_row(spec.key);
  std::vector<std::string> rest;
  for (const Row& row : t.rows) {
    if (!row.key.empty()) rest.push_back(row.key);
  }
  for (const std::string& key : rest) move_row(key);
  return out;
}

std::string_view KindZh(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::kBlank:
      return "为空";
    case Cell::Kind::kNotApplicable:
      return "填了不适用符号";
    default:
      return "填了文字";
  }
}

std::string_view KindEn(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::kBlank:
      return "blank";
    case Cell::Kind::kNotApplicable:
      return "marked not applicable";
    default:
      return "text";
  }
}

}  // namespace

Report SumReports(const std::vector<const Report*>& reports, std::string_view agency,
                  std::vector<Finding>* not_summable) {
  Report sum;
  sum.agency = agency;
  sum.source = "rollup";
  if (reports.empty()) return sum;
  sum.format = reports[0]->format;
  sum.year = reports[0]->year;
  std::set<std::string> uncertain;
  for (const Report* r : reports) {
    if (r->year != sum.year) {
      not_summable->push_back(MakeFinding(
          "ROLLUP-YEAR", Finding::Severity::kError, "", "", "",
          fmt::format("「{}」的报告是{}年度的，合计的是{}年度，未计入合计", r->agency, r->year,
                      sum.year),
          fmt::format("The report of 「{}」 is for {}, the roll-up for {}; it was left out",
                      r->agency, r->year, sum.year),
          std::to_string(sum.year), std::to_string(r->year)));
      continue;
    }
    for (std::string_view table : kTables) {
      int bad = 0;
      const Row* first_row = nullptr;
      const Cell* first_cell = nullptr;
      std::string first_column;
      for (const Row& row : TableOf(*r, table).rows) {
        Row& target = TableOf(sum, table).Get(row.key);
        for (const auto& [column, cell] : row.cells) {
          Cell* acc = target.Find(column);
          if (!acc) {
            target.Set(column, Cell::Number(0));
            acc = target.Find(column);
          }
          if (cell.is_number()) {
            acc->number += cell.number;
            continue;
          }
          uncertain.insert(fmt::format("{}.{}.{}", table, row.key, column));
          if (bad++ == 0) {
            first_row = &row;
            first_cell = &cell;
            first_column = column;
          }
        }
      }
      if (bad == 0) continue;
      not_summable->push_back(MakeFinding(
          "ROLLUP-NOT-SUMMABLE", Finding::Severity::kWarning, table, first_row->key, first_column,
          fmt::format("「{}」的{}有 {} 个单元格不是数字（首个：{}{}），未计入合计", r->agency,
                      rules_internal::TableNameZh(table), bad,
                      rules_internal::WhereZh(r->format, table, first_row->key, first_column),
                      KindZh(*first_cell)),
          fmt::format("「{}」: {} cells of {} are not numbers (first: {}, {}); they are left out "
                      "of the sum",
                      r->agency, bad, rules_internal::TableNameEn(table),
                      rules_internal::WhereEn(r->format, table, first_row->key, first_column),
                      KindEn(*first_cell)),
          "", first_cell->raw, first_cell->pos));
    }
  }
  for (std::string_view table : kTables) {
    TableOf(sum, table) = InLayoutOrder(sum.format, table, TableOf(sum, table));
  }
  sum.uncertain_paths.assign(uncertain.begin(), uncertain.end());
  return sum;
}

RollupSummary Summarize(const std::vector<CheckedReport>& checked,
                        const std::vector<std::string>& expected_agencies) {
  RollupSummary s;
  s.files = static_cast<int>(checked.size());
  std::set<std::string> agencies;
  std::set<int> years;
  std::map<std::string, int> files_by_rule;
  for (const CheckedReport& c : checked) {
    if (!c.agency.empty()) agencies.insert(NormalizeAgency(c.agency));
    if (c.year != 0) years.insert(c.year);
    FailedReport failed{c.file, c.agency, c.year, 0, 0, {}};
    std::map<std::string, int> errors_by_rule;
    std::set<std::string> failing_rules;
    bool late = false;
    for (const Finding& f : c.findings) {
      if (f.severity == Finding::Severity::kError) {
        ++failed.errors;
        ++errors_by_rule[f.rule];
      } else if (f.severity == Finding::Severity::kWarning) {
        ++failed.warnings;
      }
      if (f.severity != Finding::Severity::kNotice) failing_rules.insert(f.rule);
      late = late || f.rule == "LATE";
    }
    for (const std::string& rule : failing_rules) ++files_by_rule[rule];
    if (late) s.late.push_back(c.agency.empty() ? c.file : c.agency);
    if (failed.errors == 0) {
      ++s.passed;
      continue;
    }
    failed.errors_by_rule.assign(errors_by_rule.begin(), errors_by_rule.end());
    s.failed.push_back(std::move(failed));
  }
  s.agencies = static_cast<int>(agencies.size());
  s.years.assign(years.begin(), years.end());
  for (const std::string& a : expected_agencies) {
    if (!agencies.contains(NormalizeAgency(a))) s.missing.push_back(a);
  }
  s.top_failures.assign(files_by_rule.begin(), files_by_rule.end());
  std::stable_sort(s.top_failures.begin(), s.top_failures.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return s;
}

std::string FormatSummary(const RollupSummary& s, std::string_view lang) {
  const bool en = lang == "en";
  std::string years;
  for (int y : s.years) years += (years.empty() ? "" : en ? ", " : "、") + std::to_string(y);
  if (years.empty()) years = en ? "unknown" : "不明";
  std::string out =
      en ? fmt::format("{} files, {} agencies, years {}; {} passed (no errors), {} failed.\n",
                       s.files, s.agencies, years, s.passed, s.failed.size())
         : fmt::format("共 {} 个文件，{} 个机关，年度 {}；{} 个通过（无错误），{} 个未通过。\n",
                       s.files, s.agencies, years, s.passed, s.failed.size());
  if (!s.failed.empty()) {
    out += en ? "Failed:\n" : "未通过：\n";
    for (const FailedReport& f : s.failed) {
      std::string rules;
      for (const auto& [rule, n] : f.errors_by_rule) {
        rules += fmt::format("{}{} {}", rules.empty() ? "" : ", ", rule, n);
      }
      const std::string& who = f.agency.empty() ? f.file : f.agency;
      out += en ? fmt::format("  {} ({}, {}): {} errors ({}), {} warnings\n", who,
                              f.year ? std::to_string(f.year) : "year unknown", f.file, f.errors,
                              rules, f.warnings)
                : fmt::format("  {}（{}，{}）：错误 {} 项（{}），警告 {} 项\n", who,
                              f.year ? std::to_string(f.year) + "年度" : "年度不明", f.file,
                              f.errors, rules, f.warnings);
    }
  }
  auto list = [&](const std::vector<std::string>& items, std::string_view zh, std::string_view e) {
    if (items.empty()) return;
    std::string joined;
    for (const std::string& i : items) joined += (joined.empty() ? "" : en ? ", " : "、") + i;
    out += fmt::format("{}{}\n", en ? e : zh, joined);
  };
  list(s.missing, "缺少报告：", "Missing reports: ");
  list(s.late, "逾期发布：", "Published late: ");
  if (!s.top_failures.empty()) {
    std::string top;
    for (std::size_t i = 0; i < s.top_failures.size() && i < 5; ++i) {
      const auto& [rule, n] = s.top_failures[i];
      top += en ? fmt::format("{}{} ({} files)", top.empty() ? "" : ", ", rule, n)
                : fmt::format("{}{}（{} 个文件）", top.empty() ? "" : "、", rule, n);
    }
    out += fmt::format("{}{}\n", en ? "Most frequent problems: " : "最常见的问题：", top);
  }
  return out;
}

}  // namespace gongkai
