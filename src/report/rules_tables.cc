// The table rules: CELL-KIND, B-ROW-SUM, B-BALANCE, B-CLOSED-SUM, C-BLOCK-SUM and FEE-UNIT, and
// the SECTIONS finding for a table the report does not contain.
//
// The identities are those printed in the national format (国办公开办函〔2021〕30号, and the
// trial format before it): table B's corner cell says 「本列数据的勾稽关系为：第一项加第二项之和，
// 等于第三项加第四项之和」 (B-BALANCE, per column); （七）总计 is the sum of the result rows
// (B-CLOSED-SUM, per column); 总计 is the sum of the applicant columns (B-ROW-SUM, per row); each
// table C block's 总计 is 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (C-BLOCK-SUM).
//
// Settled points: a sum is checked only when every cell it adds up is a number, because a blank
// or text cell has no value to add (CELL-KIND reports that cell instead, so one defect gives one
// finding, not a cascade); a blank is a warning (usually an unprinted 0), text is an error; a
// column blank all the way down is reported once for the column. The fee cell written with a
// unit (「160.5964万元」) is FEE-UNIT's, not CELL-KIND's.
//
// Two promises about the sum rules' errors. First, never accuse on a misreading: a sum that
// fails where one of its cells was read with doubt (the parser's PARSE-AMBIGUOUS rows, a cell
// with an ambiguity, a path in Report::uncertain_paths) is reported as SUM-UNSETTLED, a warning
// that says the table could not be read with certainty, not that the agency erred. Second, one
// wrong cell gives one finding: the identities of table B share cells (a cell of 本年新收 is in its
// row's 总计 and in its column's balance), so one mistyped number breaks two or three of them.
// When the failing identities that share cells are all repaired by one and the same new value of
// one cell they share, they are reported once, on that cell, with the value that balances them
// all and each identity it breaks.

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "report/rules_internal.h"
#include "util/text.h"

namespace gongkai::rules_internal {
namespace {

using Severity = Finding::Severity;

constexpr double kEpsilon = 1e-6;

bool IsDecimalColumn(std::string_view column) {
  return column == "amount_wan_yuan" || column == "amount";
}

// The trial format's 本年增/减 is a change and may be negative; every other count may not.
bool MayBeNegative(std::string_view column) { return column == "change"; }

bool IsFeeCell(const Report& r, std::string_view table, std::string_view row,
               std::string_view column) {
  return r.format == ReportFormat::k2021 && table == "section2" && row == "fees" &&
         column == "amount_wan_yuan";
}

// An amount written with its unit, converted to 万元.
struct AmountWithUnit {
  double wan_yuan = 0;
  std::string unit;
};

std::optional<AmountWithUnit> ParseAmountWithUnit(std::string_view raw) {
  std::string s = RemoveWhitespace(FoldWidth(raw));
  std::string digits;
  std::size_t i = 0;
  bool dot = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '.' && !dot) {
      dot = true;
      digits += c;
    } else if (c != ',') {
      break;
    }
  }
  if (digits.empty() || digits == ".") return std::nullopt;
  std::string_view unit = std::string_view(s).substr(i);
  double factor = 0;
  if (unit == "万元") {
    factor = 1;
  } else if (unit == "亿元") {
    factor = 1e4;
  } else if (unit == "千元") {
    factor = 0.1;
  } else if (unit == "元") {
    factor = 1e-4;
  } else {
    return std::nullopt;
  }
  return AmountWithUnit{std::stod(digits) * factor, std::string(unit)};
}

// A cell that is not a usable number, noted for CELL-KIND.
struct BadCell {
  std::string row;
  Cell::Kind kind;  // kBlank also stands for an absent cell
  bool absent = false;
  SourcePos pos;
};

// One addend of a sum identity Σ coef·value = 0.
struct Term {
  double coef;
  std::string_view table;
  std::string_view row;
  std::string_view column;
  const Cell* cell;
};

// A sum identity that does not hold: the finding it gives alone, its terms, and Σ coef·value.
struct SumFailure {
  Finding finding;
  std::vector<Term> terms;
  double residual = 0;

  const Term* TermOf(const Cell* cell) const {
    for (const Term& t : terms) {
      if (t.cell == cell) return &t;
    }
    return nullptr;
  }
};

class TableChecker {
 public:
  TableChecker(const Report& report, const CheckSettings& settings, std::vector<Finding>* out)
      : r_(report), settings_(settings), out_(out) {}

  void Run() {
    CheckTable("section2", r_.section2, TableARowKeys());
    CheckTable("section3", r_.section3, ExpectedTableBRows(r_));
    CheckTable("section4", r_.section4, TableCBlockKeys());
    if (!r_.section3.rows.empty()) {
      CheckRowSums();
      CheckBalance();
      CheckClosedSum();
    }
    if (!r_.section4.rows.empty()) CheckBlockSums();
    ReportSumFailures();
    if (!r_.section2.rows.empty()) CheckFee();
  }

 private:
  std::vector<std::string_view> TableARowKeys() const {
    std::vector<std::string_view> out;
    for (const RowSpec& r : TableARows(r_.format)) out.push_back(r.key);
    return out;
  }

  static std::vector<std::string_view> TableCBlockKeys() {
    std::vector<std::string_view> out;
    for (const RowSpec& r : TableCBlocks()) out.push_back(r.key);
    return out;
  }

  void Add(Finding f) { out_->push_back(std::move(f)); }

  const Table& TableOf(std::string_view table) const {
    return table == "section2" ? r_.section2 : table == "section3" ? r_.section3 : r_.section4;
  }

  std::string Where(std::string_view table, std::string_view row, std::string_view column,
                    bool en) const {
    return en ? WhereEn(r_.format, table, row, column) : WhereZh(r_.format, table, row, column);
  }

  // SECTIONS for an absent table; CELL-KIND for absent rows and every cell not a usable number.
  void CheckTable(std::string_view table, const Table& t,
                  const std::vector<std::string_view>& expected_rows) {
    if (t.rows.empty()) {
      if (settings_.parser_reported_layout) return;
      Add(MakeFinding("SECTIONS", Severity::kWarning, table, "", "",
                      fmt::format("缺少{}：报告中没有这张表，其勾稽关系未核对", TableNameZh(table)),
                      fmt::format("{} is missing from the report; its sums were not checked",
                                  TableNameEn(table))));
      return;
    }
    for (std::string_view key : expected_rows) {
      if (t.Find(key) || settings_.parser_reported_layout) continue;
      Add(MakeFinding(
          "CELL-KIND", Severity::kWarning, table, key, "",
          fmt::format("{}缺少「{}」行：该行及涉及它的合计未核对", TableNameZh(table),
                      RowLabel(r_.format, table, key)),
          fmt::format("{}: row 「{}」 ({}) is missing; it and the sums it enters were not checked",
                      TableNameEn(table), RowLabel(r_.format, table, key), key)));
    }
    // Column key → cells in it that hold no usable number, and how many rows have the column.
    std::map<std::string_view, std::vector<BadCell>> missing;
    std::map<std::string_view, int> rows_with_column;
    std::vector<std::string_view> column_order;
    for (const Row& row : t.rows) {
      const RowSpec* spec = FindRowSpec(r_.format, table, row.key);
      if (!spec) continue;
      for (const ColumnSpec& col : spec->columns) {
        if (!rows_with_column.contains(col.key)) column_order.push_back(col.key);
        ++rows_with_column[col.key];
        const Cell* cell = row.Find(col.key);
        if (!cell) {
          missing[col.key].push_back({row.key, Cell::Kind::kBlank, true, row.pos});
        } else if (cell->kind == Cell::Kind::kBlank || cell->kind == Cell::Kind::kNotApplicable) {
          missing[col.key].push_back({row.key, cell->kind, false, cell->pos});
        } else {
          CheckCellValue(table, row.key, col.key, *cell);
        }
      }
    }
    for (std::string_view column : column_order) {
      const std::vector<BadCell>& bad = missing[column];
      bool whole_column =
          bad.size() >= 3 && static_cast<int>(bad.size()) == rows_with_column[column];
      if (whole_column) {
        Add(MakeFinding("CELL-KIND", Severity::kWarning, table, "", column,
                        fmt::format("{}全部{}（共 {} 格）：应填数字，没有则填 0",
                                    Where(table, "", column, false),
                                    bad[0].absent ? "缺失" : "为空或未填数字", bad.size()),
                        fmt::format("{}: all {} cells are {}; write numbers, 0 for none",
                                    Where(table, "", column, true), bad.size(),
                                    bad[0].absent ? "missing" : "blank or not numbers"),
                        "", "", bad[0].pos));
        continue;
      }
      for (const BadCell& b : bad) ReportNotANumber(table, b, column);
    }
  }

  void ReportNotANumber(std::string_view table, const BadCell& b, std::string_view column) {
    const Cell* cell = b.absent ? nullptr : TableOf(table).FindCell(b.row, column);
    std::string zh_what = b.absent                       ? "缺失"
                          : b.kind == Cell::Kind::kBlank ? "为空"
                                                         : fmt::format("填了「{}」", cell->raw);
    std::string en_what = b.absent                       ? "is missing"
                          : b.kind == Cell::Kind::kBlank ? "is blank"
                                                         : fmt::format("holds 「{}」", cell->raw);
    Add(MakeFinding(
        "CELL-KIND", Severity::kWarning, table, b.row, column,
        fmt::format("{}{}：应填数字，没有则填 0", Where(table, b.row, column, false), zh_what),
        fmt::format("{} {}: write a number, 0 for none", Where(table, b.row, column, true),
                    en_what),
        "", cell ? cell->raw : "", b.pos));
  }

  void CheckCellValue(std::string_view table, std::string_view row, std::string_view column,
                      const Cell& cell) {
    if (cell.kind == Cell::Kind::kText) {
      if (IsFeeCell(r_, table, row, column) && ParseAmountWithUnit(cell.raw)) return;  // FEE-UNIT
      Add(MakeFinding(
          "CELL-KIND", Severity::kError, table, row, column,
          fmt::format("{}：应为数字，实为文字「{}」", Where(table, row, column, false), cell.raw),
          fmt::format("{}: expected a number, found the text 「{}」",
                      Where(table, row, column, true), cell.raw),
          "", cell.raw, cell.pos));
      return;
    }
    if (!IsDecimalColumn(column) && cell.number != std::trunc(cell.number)) {
      Add(MakeFinding("CELL-KIND", Severity::kError, table, row, column,
                      fmt::format("{}：件数应为整数，实为 {}", Where(table, row, column, false),
                                  FormatNumber(cell.number)),
                      fmt::format("{}: a count must be a whole number, found {}",
                                  Where(table, row, column, true), FormatNumber(cell.number)),
                      "", FormatNumber(cell.number), cell.pos));
    }
    if (!MayBeNegative(column) && cell.number < 0) {
      Add(MakeFinding("CELL-KIND", Severity::kError, table, row, column,
                      fmt::format("{}：不能为负数，实为 {}", Where(table, row, column, false),
                                  FormatNumber(cell.number)),
                      fmt::format("{}: must not be negative, found {}",
                                  Where(table, row, column, true), FormatNumber(cell.number)),
                      "", FormatNumber(cell.number), cell.pos));
    }
  }

  // B-ROW-SUM: 总计 = the six applicant columns, for every row.
  void CheckRowSums() {
    for (const Row& row : r_.section3.rows) {
      if (!FindRowSpec(r_.format, "section3", row.key)) continue;
      const Cell* total = NumberCell(r_.section3, row.key, "total");
      if (!total) continue;
      double sum = 0;
      bool complete = true;
      std::vector<Term> terms = {{1, "section3", row.key, "total", total}};
      for (const ColumnSpec& col : TableBColumns()) {
        if (col.key == "total") continue;
        const Cell* c = NumberCell(r_.section3, row.key, col.key);
        complete = complete && c;
        if (c) sum += c->number;
        if (c) terms.push_back({-1, "section3", row.key, col.key, c});
      }
      if (!complete || std::fabs(sum - total->number) < kEpsilon) continue;
      Fail(std::move(terms),
           MakeFinding("B-ROW-SUM", Severity::kError, "section3", row.key, "total",
                       fmt::format("{}：应为 {}（各类申请人之和），实为 {}",
                                   Where("section3", row.key, "total", false), FormatNumber(sum),
                                   FormatNumber(total->number)),
                       fmt::format("{}: expected {} (the sum of the applicant columns), found {}",
                                   Where("section3", row.key, "total", true), FormatNumber(sum),
                                   FormatNumber(total->number)),
                       FormatNumber(sum), FormatNumber(total->number), total->pos));
    }
  }

  // B-BALANCE: new + carried_over = closed_total + carried_forward, for every column.
  void CheckBalance() {
    const Table& b = r_.section3;
    for (const ColumnSpec& col : TableBColumns()) {
      const Cell* n = NumberCell(b, "new", col.key);
      const Cell* co = NumberCell(b, "carried_over", col.key);
      const Cell* ct = NumberCell(b, "closed_total", col.key);
      const Cell* cf = NumberCell(b, "carried_forward", col.key);
      if (!n || !co || !ct || !cf) continue;
      double in = n->number + co->number, outs = ct->number + cf->number;
      if (std::fabs(in - outs) < kEpsilon) continue;
      std::vector<Term> terms = {{1, "section3", "new", col.key, n},
                                 {1, "section3", "carried_over", col.key, co},
                                 {-1, "section3", "closed_total", col.key, ct},
                                 {-1, "section3", "carried_forward", col.key, cf}};
      Fail(std::move(terms),
           MakeFinding(
               "B-BALANCE", Severity::kError, "section3", "", col.key,
               fmt::format(
                   "{}：「{}」加「{}」应为 {}（本年新收 {} + 上年结转 {}），实为 {}（{} + {}）",
                   Where("section3", "", col.key, false),
                   RowLabel(r_.format, "section3", "closed_total"),
                   RowLabel(r_.format, "section3", "carried_forward"), FormatNumber(in),
                   FormatNumber(n->number), FormatNumber(co->number), FormatNumber(outs),
                   FormatNumber(ct->number), FormatNumber(cf->number)),
               fmt::format(
                   "{}: 「{}」 plus 「{}」 should be {} (new {} + carried over {}), found {} "
                   "({} + {})",
                   Where("section3", "", col.key, true),
                   RowLabel(r_.format, "section3", "closed_total"),
                   RowLabel(r_.format, "section3", "carried_forward"), FormatNumber(in),
                   FormatNumber(n->number), FormatNumber(co->number), FormatNumber(outs),
                   FormatNumber(ct->number), FormatNumber(cf->number)),
               FormatNumber(in), FormatNumber(outs), ct->pos));
    }
  }

  // B-CLOSED-SUM: （七）总计 = the sum of the result rows, for every column.
  void CheckClosedSum() {
    const Table& b = r_.section3;
    std::vector<std::string_view> result_rows;
    for (std::string_view key : ExpectedTableBRows(r_)) {
      if (IsTableBResultRow(key)) result_rows.push_back(key);
    }
    // A row the report has beyond the expected ones (both （六） forms) still adds to the total.
    for (const Row& row : b.rows) {
      if (!IsTableBResultRow(row.key) || !FindRowSpec(r_.format, "section3", row.key)) continue;
      bool listed = false;
      for (auto k : result_rows) listed = listed || k == row.key;
      if (!listed) result_rows.push_back(row.key);
    }
    for (const ColumnSpec& col : TableBColumns()) {
      const Cell* closed = NumberCell(b, "closed_total", col.key);
      if (!closed) continue;
      double sum = 0;
      bool complete = true;
      std::vector<Term> terms = {{1, "section3", "closed_total", col.key, closed}};
      for (std::string_view key : result_rows) {
        const Cell* c = NumberCell(b, key, col.key);
        complete = complete && c;
        if (c) sum += c->number;
        if (c) terms.push_back({-1, "section3", key, col.key, c});
      }
      if (!complete || std::fabs(sum - closed->number) < kEpsilon) continue;
      Fail(std::move(terms),
           MakeFinding("B-CLOSED-SUM", Severity::kError, "section3", "closed_total", col.key,
                       fmt::format("{}：应为 {}（各办理结果之和），实为 {}",
                                   Where("section3", "closed_total", col.key, false),
                                   FormatNumber(sum), FormatNumber(closed->number)),
                       fmt::format("{}: expected {} (the sum of the results), found {}",
                                   Where("section3", "closed_total", col.key, true),
                                   FormatNumber(sum), FormatNumber(closed->number)),
                       FormatNumber(sum), FormatNumber(closed->number), closed->pos));
    }
  }

  // C-BLOCK-SUM: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for every block.
  void CheckBlockSums() {
    for (const RowSpec& block : TableCBlocks()) {
      const Cell* total = NumberCell(r_.section4, block.key, "total");
      if (!total) continue;
      double sum = 0;
      bool complete = true;
      std::vector<Term> terms = {{1, "section4", block.key, "total", total}};
      for (std::string_view col : {"upheld", "corrected", "other", "pending"}) {
        const Cell* c = NumberCell(r_.section4, block.key, col);
        complete = complete && c;
        if (c) sum += c->number;
        if (c) terms.push_back({-1, "section4", block.key, col, c});
      }
      if (!complete || std::fabs(sum - total->number) < kEpsilon) continue;
      Fail(std::move(terms),
           MakeFinding(
               "C-BLOCK-SUM", Severity::kError, "section4", block.key, "total",
               fmt::format("{}：应为 {}（结果维持、结果纠正、其他结果、尚未审结之和），实为 {}",
                           Where("section4", block.key, "total", false), FormatNumber(sum),
                           FormatNumber(total->number)),
               fmt::format("{}: expected {} (upheld + corrected + other + pending), found {}",
                           Where("section4", block.key, "total", true), FormatNumber(sum),
                           FormatNumber(total->number)),
               FormatNumber(sum), FormatNumber(total->number), total->pos));
    }
  }

  void Fail(std::vector<Term> terms, Finding finding) {
    double residual = 0;
    for (const Term& t : terms) residual += t.coef * t.cell->number;
    failures_.push_back(SumFailure{std::move(finding), std::move(terms), residual});
  }

  void ReportSumFailures() {
    std::vector<const SumFailure*> certain;
    for (const SumFailure& f : failures_) {
      std::vector<const Term*> doubted;
      for (const Term& t : f.terms) {
        if (r_.IsDoubted(t.table, t.row, t.column)) doubted.push_back(&t);
      }
      if (doubted.empty()) {
        certain.push_back(&f);
      } else {
        ReportUnsettled(f, doubted);
      }
    }
    // Failures that share a cell, grouped (union-find over the certain failures).
    std::vector<std::size_t> parent(certain.size());
    for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto root = [&](std::size_t i) {
      while (parent[i] != i) i = parent[i] = parent[parent[i]];
      return i;
    };
    for (std::size_t i = 0; i < certain.size(); ++i) {
      for (std::size_t j = i + 1; j < certain.size(); ++j) {
        bool shared = false;
        for (const Term& t : certain[i]->terms) shared = shared || certain[j]->TermOf(t.cell);
        if (shared) parent[root(j)] = root(i);
      }
    }
    for (std::size_t i = 0; i < certain.size(); ++i) {
      if (root(i) != i) continue;
      std::vector<const SumFailure*> group;
      for (std::size_t j = i; j < certain.size(); ++j) {
        if (root(j) == i) group.push_back(certain[j]);
      }
      if (group.size() > 1 && ReportOneCell(group)) continue;
      for (const SumFailure* f : group) Add(f->finding);
    }
  }

  // SUM-UNSETTLED: the sum fails, but a cell in it was read with doubt.
  void ReportUnsettled(const SumFailure& f, const std::vector<const Term*>& doubted) {
    std::string zh_cells, en_cells;
    for (const Term* t : doubted) {
      zh_cells += (zh_cells.empty() ? "" : "、") + Where(t->table, t->row, t->column, false);
      en_cells += (en_cells.empty() ? "" : "; ") + Where(t->table, t->row, t->column, true);
    }
    Finding out = f.finding;
    out.rule = "SUM-UNSETTLED";
    out.severity = Severity::kWarning;
    out.message_zh = fmt::format(
        "{}（{}）——但{}未能可靠读取，无法判断是报告有误还是读取有误；请对照原文核对该表",
        f.finding.message_zh, f.finding.rule, zh_cells);
    out.message_en = fmt::format(
        "{} ({}) — but {} could not be read with certainty, so this may be a misreading rather "
        "than an error in the report; check the table against the original",
        f.finding.message_en, f.finding.rule, en_cells);
    Add(std::move(out));
  }

  // When one new value of one cell shared by every failure of `group` repairs them all, reports
  // that cell once and returns true.
  bool ReportOneCell(const std::vector<const SumFailure*>& group) {
    const Term* found = nullptr;
    double value = 0;
    for (const Term& t : group[0]->terms) {
      std::optional<double> repaired;
      for (const SumFailure* f : group) {
        const Term* mine = f->TermOf(t.cell);
        if (!mine) {
          repaired.reset();
          break;
        }
        const double v = t.cell->number - f->residual / mine->coef;
        if (repaired && std::fabs(*repaired - v) >= kEpsilon) {
          repaired.reset();
          break;
        }
        repaired = v;
      }
      if (!repaired || *repaired < 0) continue;
      if (found) return false;  // two cells would do: the report does not say which
      found = &t;
      value = *repaired;
    }
    if (!found) return false;
    std::string zh_why, en_why;
    for (const SumFailure* f : group) {
      zh_why += (zh_why.empty() ? "" : "；") + f->finding.message_zh;
      en_why += (en_why.empty() ? "" : "; ") + f->finding.message_en;
    }
    const Term& t = *found;
    Add(MakeFinding(
        group[0]->finding.rule, Severity::kError, t.table, t.row, t.column,
        fmt::format("{}：疑应为 {}，实为 {}。此格使 {} 处勾稽关系不成立，改为 {} 则全部成立：{}",
                    Where(t.table, t.row, t.column, false), FormatNumber(value),
                    FormatNumber(t.cell->number), group.size(), FormatNumber(value), zh_why),
        fmt::format("{}: probably {}, found {}. This one cell breaks {} identities, and {} "
                    "balances them all: {}",
                    Where(t.table, t.row, t.column, true), FormatNumber(value),
                    FormatNumber(t.cell->number), group.size(), FormatNumber(value), en_why),
        FormatNumber(value), FormatNumber(t.cell->number), t.cell->pos));
    return true;
  }

  // FEE-UNIT: the 2021 format's fee cell is in 万元, a number alone.
  void CheckFee() {
    if (r_.format != ReportFormat::k2021) return;
    const Cell* fee = r_.section2.FindCell("fees", "amount_wan_yuan");
    if (!fee) return;
    const std::string zh_where = Where("section2", "fees", "amount_wan_yuan", false);
    const std::string en_where = Where("section2", "fees", "amount_wan_yuan", true);
    if (fee->kind == Cell::Kind::kText) {
      std::optional<AmountWithUnit> a = ParseAmountWithUnit(fee->raw);
      if (!a) return;  // CELL-KIND reported the text
      Add(MakeFinding("FEE-UNIT", Severity::kWarning, "section2", "fees", "amount_wan_yuan",
                      fmt::format("{}：填了「{}」；单位已是万元，应只填数字 {}", zh_where, fee->raw,
                                  FormatNumber(a->wan_yuan)),
                      fmt::format("{}: holds 「{}」; the unit is already 万元, write the number "
                                  "{} alone",
                                  en_where, fee->raw, FormatNumber(a->wan_yuan)),
                      FormatNumber(a->wan_yuan), fee->raw, fee->pos));
      return;
    }
    if (fee->is_number() && fee->number > settings_.fee_max_wan_yuan) {
      const double as_yuan = fee->number / 1e4;
      Add(MakeFinding(
          "FEE-UNIT", Severity::kWarning, "section2", "fees", "amount_wan_yuan",
          fmt::format("{}：{} 万元（即 {} 亿元）不合常理，疑为以元填报；如是，应填 {}", zh_where,
                      FormatNumber(fee->number), FormatNumber(std::round(fee->number / 1e2) / 1e2),
                      FormatNumber(as_yuan)),
          fmt::format("{}: {} 万元 ({} hundred million yuan) is implausible, probably typed in "
                      "yuan; if so, write {}",
                      en_where, FormatNumber(fee->number),
                      FormatNumber(std::round(fee->number / 1e2) / 1e2), FormatNumber(as_yuan)),
          FormatNumber(as_yuan), FormatNumber(fee->number), fee->pos));
    }
  }

  const Report& r_;
  const CheckSettings& settings_;
  std::vector<Finding>* out_;
  std::vector<SumFailure> failures_;
};

}  // namespace

void CheckTables(const Report& report, const CheckSettings& settings, std::vector<Finding>* out) {
  TableChecker(report, settings, out).Run();
}

}  // namespace gongkai::rules_internal
