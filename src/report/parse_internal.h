// Internals of the report text parser (report/parse.h), shared by its files and its tests: the
// document as width-folded lines of code points, the lexer that cuts a table region into label
// text and cell values, cell classification and the splitting of concatenated digits, and the
// readers of the row tables (A, B) and of table C. Pure functions; no state.

#ifndef GONGKAI_REPORT_PARSE_INTERNAL_H_
#define GONGKAI_REPORT_PARSE_INTERNAL_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report/finding.h"
#include "report/model.h"
#include "report/rules_internal.h"

namespace gongkai::parse_internal {

// One line of the source, width-folded (util/text.h FoldWidth), without its terminator. Form
// feeds end lines too. `number` is 1-based.
struct Line {
  std::u32string text;
  int number = 0;
};
std::vector<Line> SplitLines(std::string_view utf8);

// The code point of a valid three-byte UTF-8 sequence at s[i] (U+0800..U+FFFF without the
// surrogates), or 0: the inline fast path for CJK text, where NextCodePoint (util/text.h) takes
// every other sequence.
char32_t ThreeByteAt(std::string_view s, std::size_t i);

// Appends `s` to `out` as UTF-8, sized once (ToUtf8 of util/text.h appends byte by byte, which
// cost a tenth of parsing when every section's text went through it). The lines hold decoded
// code points only, so no value needs replacing.
void AppendUtf8Run(std::string* out, std::u32string_view s);

// A place in the document: a line index into the vector and a code point offset in that line.
struct Place {
  std::size_t line = 0;
  std::size_t col = 0;
  friend bool operator<(const Place& a, const Place& b) {
    return a.line != b.line ? a.line < b.line : a.col < b.col;
  }
  friend bool operator==(const Place& a, const Place& b) = default;
};

// What the lexer sees in a table region: label text (whitespace removed), a cell value (a
// number, a number with a unit, or a not-applicable mark), an empty cell between two separators
// (tab or pipe), or the end of a source line.
struct Token {
  enum class Kind { kText, kValue, kEmpty, kLineEnd };
  Kind kind = Kind::kText;
  std::u32string text;
  SourcePos pos;
};

// Lexes lines [begin, end): cells are separated by tabs and pipes, or (in a line with neither)
// by runs of two or more spaces; digits are cut from the label text they touch (「规章 000」,
// 「…申请数量640020470」), a label's own numbering (「2.其他…」) stays with the label, and page
// chrome (「-3-」, 「第 3 页」), markdown rules (|---|) and dates (「2023年」) are not values.
std::vector<Token> Lex(const std::vector<Line>& lines, Place begin, Place end);

// The not-applicable marks of annual-report.md: 「/」「—」「-」「无」「不适用」.
bool IsNotApplicable(std::u32string_view text);

// Classifies a cell's printed text: empty → blank; a not-applicable mark; a plain number
// (optional minus, decimals, thousands commas) → number; anything else → text.
Cell ClassifyCell(std::u32string_view text, SourcePos pos);

// A sum the split cells must satisfy: cells[total] = Σ cells[addends].
struct SumRule {
  std::vector<int> addends;
  int total = 0;
};

// Cuts digit strings into `n` numbers, each group into at least one, keeping group order, such
// that no number has a leading zero and every rule holds. Returns the cuts, preferring longer
// leading numbers first; at most `limit` of them. Returns nothing when the digits are more than
// 40 or fewer than n.
std::vector<std::vector<std::u32string>> SplitDigits(const std::vector<std::u32string>& groups,
                                                     int n, std::span<const SumRule> rules,
                                                     std::size_t limit);

// A row the reader looks for: its key, the labels that name it with their numbering
// (「3.其他」) and without (「其他」; only used when at least four characters long), and its
// columns with the sums they obey.
struct RowTarget {
  std::string key;
  std::vector<std::u32string> numbered;
  std::vector<std::u32string> cores;
  std::vector<std::string> columns;
  std::vector<SumRule> rules;
  // The last column is a stock that the others flow into (现行有效件数): when a split is
  // ambiguous, cuts where it is the largest are preferred.
  bool last_is_stock = false;
  std::string label;  // for messages: the label of the format
};

// Where a row label matched, for label-drift findings.
struct MatchedLabel {
  std::string key;
  std::u32string label;  // the core label as printed
  SourcePos pos;
};

// A row whose digits split more than one way: the cells of each way, the first one stored.
struct AmbiguousRow {
  std::string key;
  std::vector<std::vector<Cell>> alternatives;
};

struct TableRead {
  Table table;
  std::vector<AmbiguousRow> ambiguous;
  std::vector<Finding> findings;
  std::vector<std::string> uncertain_paths;
  std::vector<MatchedLabel> labels;
};

// Reads a table whose rows start with a label (tables A and B) from `tokens`, matching labels to
// `targets` in order (a row never matches before the previous one). `table` is "section2" or
// "section3", for paths and findings.
TableRead ReadRowTable(const std::vector<Token>& tokens, std::span<const RowTarget> targets,
                       std::string_view table);

// Settles ambiguous rows of table B by the table's own column sums (closed_total = the result
// rows; new + carried_over = closed_total + carried_forward): when exactly one combination of
// the rows' cuts satisfies every sum that can be computed, it is stored, the rows leave
// `uncertain_paths` and their PARSE-AMBIGUOUS findings become one notice.
void ResolveByColumnSums(TableRead* read);

// Reads table C: fifteen values in block order (reconsideration, litigation_direct,
// litigation_after_reconsideration; each upheld, corrected, other, pending, total).
TableRead ReadTableC(const std::vector<Token>& tokens);

// A section heading (一、总体情况 … 六、其他需要报告的事项): where it starts, where its body
// starts, and its title without the numeral.
struct Heading {
  int number = 0;
  char32_t printed = 0;  // the numeral printed when it is not the section's own, else 0
  Place begin;
  Place body;
  std::u32string title;
};
// Finds the headings in order; a heading not found is absent. Prefers headings that start a line
// and falls back to headings inside running text (reports flattened to one line), then to a
// heading at a line's start whose number is misprinted but whose title is the section's.
std::vector<Heading> FindHeadings(const std::vector<Line>& lines);

// What the title and the front matter say: the agency, the report year, the publication date.
struct Metadata {
  std::string agency;
  int year = 0;
  std::optional<Date> published;
  std::vector<Finding> findings;
};
// The agency's name, read from the best place (parse_agency.cc): `title_agency` as the title
// prints it (empty when the title names none; then the signature or the page's 「发布机构」),
// completed by the place prefix or governing body the `body` (the document without whitespace)
// gives it, with known misprints read as what they stand for. Each change is a notice-level
// finding quoting what was printed and what was read. `agency` is empty when nothing names it.
struct AgencyRead {
  std::string agency;
  std::vector<Finding> findings;
};
AgencyRead ReadAgency(const std::vector<Line>& lines, std::u32string_view body,
                      std::u32string_view title_agency, SourcePos title_pos);

// Reads the metadata; the title is looked for before `front_end` (the first heading).
Metadata ReadMetadata(const std::vector<Line>& lines, Place front_end);

// Longest common subsequence length of two strings, for labels with typos.
std::size_t CommonSubsequence(std::u32string_view a, std::u32string_view b);

// The Chinese numerals that number sections and rows (「三、」「(六)」).
inline constexpr std::u32string_view kHanNumerals = U"一二三四五六七八九十";

// Removes the numbering at the start of a label: 「(三)」「三、」「1.」 and combinations.
std::u32string StripNumbering(std::u32string_view label);

// A parser finding (PARSE-*): rules_internal::MakeFinding without a table cell.
inline Finding Notice(std::string rule, Finding::Severity sev, std::string zh, std::string en,
                      SourcePos pos, std::string found = "", std::string expected = "") {
  return rules_internal::MakeFinding(rule, sev, "", "", "", std::move(zh), std::move(en),
                                     std::move(expected), std::move(found), pos);
}

}  // namespace gongkai::parse_internal

#endif  // GONGKAI_REPORT_PARSE_INTERNAL_H_
