#include "docs/report_document.h"

#include <array>
#include <charconv>
#include <cmath>

#include "report/layout.h"

namespace gongkai {
namespace {

constexpr std::array<std::string_view, 6> kSectionTitles = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};

// Table A rows grouped under the item of Art. 20 they report (both formats).
struct TableAGroup {
  std::string_view row_key;
  std::string_view item;
};
constexpr std::array<TableAGroup, 8> kTableAGroups{{
    {"rules", "第二十条第（一）项"},
    {"normative_documents", "第二十条第（一）项"},
    {"licensing", "第二十条第（五）项"},
    {"other_services", "第二十条第（五）项"},
    {"punishment", "第二十条第（六）项"},
    {"enforcement", "第二十条第（六）项"},
    {"fees", "第二十条第（八）项"},
    {"procurement", "第二十条第（九）项"},
}};

std::string_view TableAItem(std::string_view row_key) {
  for (const auto& g : kTableAGroups) {
    if (g.row_key == row_key) return g.item;
  }
  return "";
}

// Table B result groups: the headers （三）…（六） carry no numbers of their own.
struct TableBGroup {
  std::string_view prefix;
  std::string_view label;
};
constexpr std::array<TableBGroup, 4> kTableBGroups{{
    {"refused.", "（三）不予公开"},
    {"unavailable.", "（四）无法提供"},
    {"not_processed.", "（五）不予处理"},
    {"other.", "（六）其他处理"},
}};

constexpr std::string_view kTableBCorner =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

TableCell Header(std::string_view text, int col_span = 1, int row_span = 1) {
  return TableCell{std::string(text), col_span, row_span, true, CellAlign::kCenter, std::nullopt};
}

TableCell Label(std::string_view text, int col_span = 1, int row_span = 1) {
  return TableCell{std::string(text), col_span, row_span, false, CellAlign::kLeft, std::nullopt};
}

TableCell Value(const Cell* cell, int col_span = 1) {
  TableCell out{CellText(cell), col_span, 1, false, CellAlign::kCenter, std::nullopt};
  if (cell != nullptr && cell->is_number()) out.number = cell->number;
  return out;
}

}  // namespace

std::string CellText(const Cell* cell) {
  if (cell == nullptr) return "";
  if (!cell->is_number()) return cell->raw;
  const double v = cell->number;
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, result.ptr);
}

std::string_view StandardSectionTitle(int number) {
  if (number < 1 || number > 6) return "";
  return kSectionTitles[number - 1];
}

std::string ReportTitle(const Report& report) {
  return report.agency + std::to_string(report.year) + "年政府信息公开工作年度报告";
}

Date ReportStamp(const Report& report) {
  if (report.published) return *report.published;
  const int year = std::max(report.year + 1, 1980);
  return Date{std::chrono::year{year}, std::chrono::month{1}, std::chrono::day{1}};
}

DocTable ReportTableA(const Report& report) {
  constexpr int kValueColumns = 3;
  DocTable t;
  t.column_weights = {2.2, 1, 1, 1};
  std::string_view item;
  size_t columns_of_group = 0;
  for (const RowSpec& spec : TableARows(report.format)) {
    const std::string_view this_item = TableAItem(spec.key);
    if (this_item != item || spec.columns.size() != columns_of_group) {
      item = this_item;
      columns_of_group = spec.columns.size();
      t.rows.push_back({Header(item, 1 + kValueColumns)});
      std::vector<TableCell> labels = {Header("信息内容")};
      for (size_t i = 0; i < spec.columns.size(); ++i) {
        const bool last = i + 1 == spec.columns.size();
        const int span = last ? kValueColumns - static_cast<int>(i) : 1;
        labels.push_back(Header(spec.columns[i].label, span));
      }
      t.rows.push_back(std::move(labels));
    }
    std::vector<TableCell> row = {Label(spec.label)};
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      const bool last = i + 1 == spec.columns.size();
      const int span = last ? kValueColumns - static_cast<int>(i) : 1;
      row.push_back(Value(report.section2.FindCell(spec.key, spec.columns[i].key), span));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

DocTable ReportTableB(const Report& report) {
  DocTable t;
  t.column_weights = {0.8, 0.85, 5.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
  t.header_rows = 3;
  t.font_pt = 9.5;
  const auto columns = TableBColumns();
  t.rows.push_back({Header(kTableBCorner, 3, 3), Header("申请人情况", 7)});
  t.rows.push_back({Header("自然人", 1, 2), Header("法人或其他组织", 5), Header("总计", 1, 2)});
  std::vector<TableCell> orgs;
  for (size_t i = 1; i + 1 < columns.size(); ++i) orgs.push_back(Header(columns[i].label));
  t.rows.push_back(std::move(orgs));

  const auto rows = TableBRows(report.format);
  int result_rows = 0;  // the result rows and （七）总计, spanned by 「三、本年度办理结果」
  for (const RowSpec& spec : rows) {
    if (IsTableBResultRow(spec.key) || spec.key == "closed_total") ++result_rows;
  }
  bool results_started = false;
  std::string_view open_group;
  for (const RowSpec& spec : rows) {
    std::vector<TableCell> row;
    const bool in_results = IsTableBResultRow(spec.key) || spec.key == "closed_total";
    if (!in_results) {
      row.push_back(Label(spec.label, 3));
    } else {
      if (!results_started) {
        row.push_back(Header("三、本年度办理结果", 1, result_rows));
        results_started = true;
      }
      std::string_view group_label;
      std::string_view group_prefix;
      for (const auto& g : kTableBGroups) {
        if (spec.key.starts_with(g.prefix)) {
          group_label = g.label;
          group_prefix = g.prefix;
        }
      }
      if (group_label.empty()) {
        row.push_back(Label(spec.label, 2));
        open_group = "";
      } else {
        if (open_group != group_prefix) {
          int size = 0;
          for (const RowSpec& other : rows) size += other.key.starts_with(group_prefix) ? 1 : 0;
          row.push_back(Label(group_label, 1, size));
          open_group = group_prefix;
        }
        row.push_back(Label(spec.label));
      }
    }
    for (const ColumnSpec& col : columns) {
      row.push_back(Value(report.section3.FindCell(spec.key, col.key)));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

DocTable ReportTableC(const Report& report) {
  DocTable t;
  t.column_weights.assign(15, 1.0);
  t.header_rows = 3;
  t.font_pt = 9;
  const auto blocks = TableCBlocks();
  const auto columns = blocks[0].columns;
  const int n = static_cast<int>(columns.size());
  t.rows.push_back({Header("行政复议", n, 1), Header("行政诉讼", 2 * n, 1)});
  std::vector<TableCell> second;
  for (const ColumnSpec& c : columns) second.push_back(Header(c.label, 1, 2));
  second.push_back(Header("未经复议直接起诉", n));
  second.push_back(Header("复议后起诉", n));
  t.rows.push_back(std::move(second));
  std::vector<TableCell> third;
  for (int i = 0; i < 2; ++i) {
    for (const ColumnSpec& c : columns) third.push_back(Header(c.label));
  }
  t.rows.push_back(std::move(third));
  std::vector<TableCell> values;
  for (const RowSpec& block : blocks) {
    for (const ColumnSpec& c : block.columns) {
      values.push_back(Value(report.section4.FindCell(block.key, c.key)));
    }
  }
  t.rows.push_back(std::move(values));
  return t;
}

Document ReportDocument(const Report& report) {
  Document doc;
  doc.title = ReportTitle(report);
  doc.date = ReportStamp(report);
  doc.Add(ParagraphStyle::kTitle, doc.title);
  for (int number = 1; number <= 6; ++number) {
    const Section* section = nullptr;
    for (const Section& s : report.sections) {
      if (s.number == number) section = &s;
    }
    doc.Add(ParagraphStyle::kHeading, section && !section->title.empty()
                                          ? section->title
                                          : std::string(StandardSectionTitle(number)));
    if (number == 2) doc.blocks.emplace_back(ReportTableA(report));
    if (number == 3) doc.blocks.emplace_back(ReportTableB(report));
    if (number == 4) doc.blocks.emplace_back(ReportTableC(report));
    if (section == nullptr) continue;
    size_t start = 0;
    const std::string& text = section->text;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      const size_t first = line.find_first_not_of(" \t\r");
      if (first != std::string::npos) {
        line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
        doc.Add(ParagraphStyle::kBody, std::move(line));
      }
      start = end + 1;
    }
  }
  if (report.published) {
    doc.Add(ParagraphStyle::kSignature, report.agency);
    doc.Add(ParagraphStyle::kSignature, FormatDateZh(*report.published));
  }
  return doc;
}

}  // namespace gongkai
