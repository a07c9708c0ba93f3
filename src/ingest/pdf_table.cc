// Placing table B's numbers in their columns by x position (pdf_table.h). Lines are rebuilt from
// the words: words whose vertical centres lie within half a word's height form one line; the gap
// between two words becomes spaces in proportion (two or more for a column gap, as poppler's
// layout mode writes them), except on table B's rows, where the label is followed by the seven
// cells separated by tabs.

#include "ingest/pdf_table.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace gongkai::ingest {
namespace {

// Header words of the seven columns, whole or as the first line of a wrapped header cell.
constexpr std::array<std::array<std::string_view, 2>, 7> kHeaders{{
    {"自然人", "自然"},
    {"商业企业", "商业"},
    {"科研机构", "科研"},
    {"社会公益组织", "社会"},
    {"法律服务机构", "法律"},
    {"其他", "其他"},
    {"总计", "总计"},
}};

// Where table B ends: its last row's label.
constexpr std::string_view kLastRow = "结转下年度继续办理";

double CentreX(const PdfWord& w) { return w.x + w.width / 2; }
double CentreY(const PdfWord& w) { return w.y + w.height / 2; }

// A cell value as printed: digits with an optional sign, decimal point or thousands commas, or a
// not-applicable mark.
bool IsCellValue(std::string_view t) {
  if (t == "/" || t == "-" || t == "—" || t == "——" || t == "无") return true;
  if (t.empty()) return false;
  bool digit = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',' && c != '-') {
      return false;
    }
  }
  return digit;
}

struct TextLine {
  double y = 0;       // centre of the first word
  double height = 0;  // of the first word
  std::vector<const PdfWord*> words;
};

std::vector<TextLine> Lines(const std::vector<PdfWord>& words) {
  std::vector<const PdfWord*> sorted;
  for (const auto& w : words) sorted.push_back(&w);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const PdfWord* a, const PdfWord* b) { return CentreY(*a) < CentreY(*b); });
  std::vector<TextLine> lines;
  for (const PdfWord* w : sorted) {
    if (lines.empty() || CentreY(*w) - lines.back().y > lines.back().height / 2) {
      lines.push_back(TextLine{CentreY(*w), w->height, {}});
    }
    lines.back().words.push_back(w);
  }
  for (auto& l : lines) {
    std::stable_sort(l.words.begin(), l.words.end(),
                     [](const PdfWord* a, const PdfWord* b) { return a->x < b->x; });
  }
  return lines;
}

// Words joined with spaces in proportion to their gaps, one space per half a character height.
std::string LayoutText(const TextLine& line) {
  std::string out;
  double right = 0;
  for (const PdfWord* w : line.words) {
    if (!out.empty()) {
      const double em = std::max(1.0, w->height / 2);
      const long spaces = std::lround((w->x - right) / em);
      out.append(static_cast<std::size_t>(std::clamp(spaces, 1L, 40L)), ' ');
    }
    out += w->text;
    right = w->x + w->width;
  }
  return out;
}

// The column each value word of `line` stands under (-1 for label words); false when a value
// stands under no column or two values under one.
bool PlaceCells(const TextLine& line, const std::vector<double>& columns, std::vector<int>* at) {
  const double half = (columns.back() - columns.front()) / (2.0 * (columns.size() - 1));
  at->assign(line.words.size(), -1);
  std::vector<bool> taken(columns.size(), false);
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const PdfWord& w = *line.words[i];
    if (!IsCellValue(w.text) || CentreX(w) < columns.front() - half) continue;
    const auto nearest = std::min_element(columns.begin(), columns.end(), [&](double a, double b) {
      return std::abs(a - CentreX(w)) < std::abs(b - CentreX(w));
    });
    const auto col = static_cast<std::size_t>(nearest - columns.begin());
    if (std::abs(*nearest - CentreX(w)) > half || taken[col]) return false;
    taken[col] = true;
    (*at)[i] = static_cast<int>(col);
  }
  return true;
}

}  // namespace

std::vector<double> TableBColumns(const std::vector<PdfWord>& words) {
  std::vector<double> columns;
  for (const auto& names : kHeaders) {
    const auto it = std::find_if(words.begin(), words.end(), [&](const PdfWord& w) {
      return w.text == names[0] || w.text == names[1];
    });
    if (it == words.end()) return {};
    columns.push_back(CentreX(*it));
  }
  if (!std::is_sorted(columns.begin(), columns.end()) ||
      std::adjacent_find(columns.begin(), columns.end()) != columns.end())
    return {};
  return columns;
}

std::optional<std::string> TextWithTableCells(const std::vector<PdfWord>& words,
                                              std::vector<double>* columns) {
  const std::vector<double> here = TableBColumns(words);
  if (!here.empty()) *columns = here;
  if (columns->empty()) return std::nullopt;
  // Table B runs from its header (or the page top, when continued) to its last row's line.
  double top = -1;
  if (!here.empty()) {
    for (const auto& w : words) {
      if (w.text == kHeaders[6][0]) top = w.y - w.height;
    }
  }
  std::string out;
  bool in_table = true;
  bool blank_cell = false;
  for (const TextLine& line : Lines(words)) {
    std::vector<int> at;
    const bool table_row = in_table && line.y > top && PlaceCells(line, *columns, &at) &&
                           std::any_of(at.begin(), at.end(), [](int c) { return c >= 0; });
    if (!table_row) {
      out += LayoutText(line);
    } else {
      std::string label;
      std::vector<std::string> cells(columns->size());
      for (std::size_t i = 0; i < line.words.size(); ++i) {
        if (at[i] >= 0) {
          cells[static_cast<std::size_t>(at[i])] = line.words[i]->text;
        } else {
          label += line.words[i]->text;
        }
      }
      blank_cell = blank_cell || std::any_of(cells.begin(), cells.end(),
                                             [](const std::string& c) { return c.empty(); });
      out += label;
      for (const auto& c : cells) out += "\t" + c;
    }
    out += '\n';
    for (const PdfWord* w : line.words) {
      if (w->text.find(kLastRow) != std::string::npos) in_table = false;
    }
    if (!in_table) columns->clear();  // the table is over; a later page starts afresh
  }
  if (!blank_cell) return std::nullopt;
  return out;
}

}  // namespace gongkai::ingest
