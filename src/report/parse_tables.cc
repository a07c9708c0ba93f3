// The table readers. A row table (A, B) is read as a stream: label text accumulates until a
// value arrives; the label names the row (matched against the rows not yet seen, so the order of
// the format guards against a short label such as 「其他」 matching too early); the values that
// follow, up to the next label, are the row's cells. How many cells a row must have, and which
// sums they obey, settles blank cells, padding from merged header cells, and digits that lost
// their separators. Whatever cannot be settled becomes a finding, never a guess left unsaid.

#include <algorithm>

#include "report/layout.h"
#include "report/parse_internal.h"
#include "util/text.h"

namespace gongkai::parse_internal {
namespace {

constexpr std::size_t kMaxSplits = 64;
constexpr double kFuzzyRatio = 0.7;
constexpr std::size_t kFuzzyReach = 3;
constexpr std::size_t kMinLabelPrefix = 5;    // characters, numbering included
constexpr std::size_t kInterleavedHead = 10;  // a misspelt label may only name one of the next rows

std::string TableNameZh(std::string_view table) {
  if (table == "section2") return "「主动公开政府信息情况」表";
  if (table == "section3") return "「收到和处理政府信息公开申请情况」表";
  return "「行政复议、行政诉讼情况」表";
}

std::string TableNameEn(std::string_view table) {
  if (table == "section2") return "table A (proactive disclosure)";
  if (table == "section3") return "table B (applications received and handled)";
  return "table C (administrative reconsideration and litigation)";
}

std::vector<std::string> TableBColumnKeys() {
  std::vector<std::string> keys;
  for (const auto& c : TableBColumns()) keys.emplace_back(c.key);
  return keys;
}

bool AllDigits(std::u32string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

std::string JoinValues(const std::vector<Token>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.kind == Token::Kind::kEmpty ? "(空)" : ToUtf8(t.text);
  }
  return out;
}

struct Candidate {
  int target = -1;
  std::size_t end = 0;
  int quality = 0;
  std::size_t length = 0;
  std::u32string label;
};

bool Better(const Candidate& a, const Candidate& b) {
  if (b.target < 0) return true;
  if (a.end != b.end) return a.end > b.end;
  if (a.quality != b.quality) return a.quality > b.quality;
  if (a.length != b.length) return a.length > b.length;
  return a.target < b.target;
}

// Cells read for one row, or the reason they could not be.
struct RowCells {
  std::vector<Cell> cells;
  std::string problem_zh, problem_en;
  std::vector<std::vector<std::u32string>> alternatives;  // > 1 when ambiguous
  std::vector<std::vector<Cell>> alternative_cells;       // the same, as cells
  bool split = false;
};

// The cells of one cut of the digits; each keeps the position of the digits it came from.
std::vector<Cell> CellsOfCut(const std::vector<Token>& values,
                             const std::vector<std::u32string>& cut) {
  std::vector<Cell> cells;
  std::size_t group = 0, offset = 0;
  for (const auto& part : cut) {
    if (offset >= values[group].text.size()) ++group, offset = 0;
    SourcePos pos = values[group].pos;
    pos.column += static_cast<int>(offset);
    cells.push_back(ClassifyCell(part, pos));
    offset += part.size();
  }
  return cells;
}

Cell CellFromToken(const Token& t) {
  if (t.kind == Token::Kind::kEmpty) {
    Cell c;
    c.kind = Cell::Kind::kBlank;
    c.pos = t.pos;
    return c;
  }
  return ClassifyCell(t.text, t.pos);
}

std::string Alternatives(const std::vector<std::vector<std::u32string>>& alts) {
  std::string out;
  for (std::size_t i = 0; i < alts.size() && i < 4; ++i) {
    if (!out.empty()) out += "；";
    for (std::size_t k = 0; k < alts[i].size(); ++k) {
      if (k) out += '/';
      out += ToUtf8(alts[i][k]);
    }
  }
  if (alts.size() > 4) out += "；…";
  return out;
}

// Reads `n` cells from the values and empty cells collected for a row (or a whole table C).
RowCells CellsFrom(const std::vector<Token>& collected, std::size_t n,
                   std::span<const SumRule> rules, bool last_is_stock) {
  RowCells out;
  std::vector<Token> values;
  for (const auto& t : collected) {
    if (t.kind == Token::Kind::kValue) values.push_back(t);
  }
  if (values.size() == n) {
    for (const auto& t : values) out.cells.push_back(CellFromToken(t));
    return out;
  }
  if (values.size() < n) {
    std::vector<Token> seq;
    for (const auto& t : collected) {
      if (t.kind == Token::Kind::kValue || t.kind == Token::Kind::kEmpty) seq.push_back(t);
    }
    while (seq.size() > n && seq.back().kind == Token::Kind::kEmpty) seq.pop_back();
    while (seq.size() > n && seq.front().kind == Token::Kind::kEmpty) seq.erase(seq.begin());
    if (seq.size() == n && !values.empty()) {
      for (const auto& t : seq) out.cells.push_back(CellFromToken(t));
      return out;
    }
    std::vector<std::u32string> groups;
    for (const auto& t : values) groups.push_back(t.text);
    const bool digits = !values.empty() && std::all_of(groups.begin(), groups.end(),
                                                       [](const auto& g) { return AllDigits(g); });
    if (digits) {
      auto splits = SplitDigits(groups, static_cast<int>(n), rules, kMaxSplits);
      if (splits.empty()) {
        out.problem_zh = "数字连在一起，无法按列数和合计关系拆分";
        out.problem_en = "the digits run together and no cut fits the column count and the sums";
        return out;
      }
      if (last_is_stock && splits.size() > 1) {
        std::stable_partition(splits.begin(), splits.end(), [](const auto& cut) {
          const auto last = std::stoll(ToUtf8(cut.back()));
          return std::all_of(cut.begin(), cut.end(),
                             [&](const auto& p) { return std::stoll(ToUtf8(p)) <= last; });
        });
      }
      for (const auto& cut : splits) out.alternative_cells.push_back(CellsOfCut(values, cut));
      out.cells = out.alternative_cells.front();
      out.split = true;
      if (splits.size() > 1) {
        out.alternatives = std::move(splits);
      } else {
        out.alternative_cells.clear();
      }
      return out;
    }
  }
  out.problem_zh = "应有 " + std::to_string(n) + " 个单元格，读到 " +
                   std::to_string(values.size()) + " 个值（" + JoinValues(collected) + "）";
  out.problem_en = "expected " + std::to_string(n) + " cells, read " +
                   std::to_string(values.size()) + " values (" + JoinValues(collected) + ")";
  return out;
}

Finding MakeFinding(std::string rule, Finding::Severity severity, std::string zh, std::string en,
                    std::string_view table, std::string row, SourcePos pos) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message_zh = std::move(zh);
  f.message_en = std::move(en);
  f.table = std::string(table);
  f.row = std::move(row);
  f.pos = pos;
  return f;
}

// Stores the cells of one row (or block) and says what had to be done to read them.
void StoreRow(const RowCells& read, const RowTarget& target, SourcePos pos, std::string_view table,
              const std::string& found, TableRead* out) {
  const std::string where_zh = TableNameZh(table) + "「" + target.label + "」";
  const std::string where_en = TableNameEn(table) + ", row " + target.key;
  if (read.cells.size() != target.columns.size()) {
    Finding f = MakeFinding("PARSE-TABLE-UNREADABLE", Finding::Severity::kError,
                            where_zh + "无法读取：" + read.problem_zh + "。请核对原文后手工录入。",
                            where_en + " cannot be read: " + read.problem_en +
                                ". Check the original and enter it by hand.",
                            table, target.key, pos);
    f.found = found;
    out->findings.push_back(std::move(f));
    return;
  }
  Row row{target.key, {}, pos};
  for (std::size_t i = 0; i < read.cells.size(); ++i) {
    Cell cell = read.cells[i];
    if (!read.alternatives.empty()) {
      cell.ambiguity = "连写数字「" + found + "」有多种拆分：" + Alternatives(read.alternatives);
    }
    row.cells.emplace_back(target.columns[i], std::move(cell));
  }
  out->table.rows.push_back(std::move(row));
  if (!read.alternatives.empty()) {
    out->uncertain_paths.push_back(std::string(table) + "." + target.key);
    out->ambiguous.push_back(AmbiguousRow{target.key, read.alternative_cells});
    Finding f = MakeFinding(
        "PARSE-AMBIGUOUS", Finding::Severity::kWarning,
        where_zh + "的数字连写为「" + found + "」，按列数和合计关系仍有 " +
            std::to_string(read.alternatives.size()) + " 种拆分（" +
            Alternatives(read.alternatives) + "），暂按第一种读取。请核对原文。",
        where_en + ": the digits \"" + found + "\" run together and still split " +
            std::to_string(read.alternatives.size()) + " ways (" + Alternatives(read.alternatives) +
            "); the first is used. Check the original.",
        table, target.key, pos);
    f.found = found;
    out->findings.push_back(std::move(f));
  } else if (read.split) {
    Finding f =
        MakeFinding("PARSE-DIGITS-SPLIT", Finding::Severity::kNotice,
                    where_zh + "的数字连写为「" + found + "」，按列数和合计关系只有一种拆分。",
                    where_en + ": the digits \"" + found +
                        "\" run together; the column count and the sums allow one cut only.",
                    table, target.key, pos);
    f.found = found;
    out->findings.push_back(std::move(f));
  }
}

std::string DigitsFound(const std::vector<Token>& collected) {
  std::string out;
  for (const auto& t : collected) {
    if (t.kind != Token::Kind::kValue) continue;
    if (!out.empty()) out += ' ';
    out += ToUtf8(t.text);
  }
  return out;
}

class RowTableReader {
 public:
  RowTableReader(std::span<const RowTarget> targets, std::string_view table)
      : targets_(targets), table_(table) {}

  TableRead Run(const std::vector<Token>& tokens) {
    for (const auto& t : tokens) {
      switch (t.kind) {
        case Token::Kind::kText:
          if (current_ >= 0) Close();
          if (buffer_.empty()) buffer_pos_ = t.pos;
          buffer_ += t.text;
          break;
        case Token::Kind::kValue:
          if (current_ < 0 && !Open(t)) break;
          collected_.push_back(t);
          break;
        case Token::Kind::kEmpty:
          if (current_ >= 0) collected_.push_back(t);
          break;
        case Token::Kind::kLineEnd:
          if (current_ >= 0 && Complete()) Close();
          break;
      }
    }
    if (current_ >= 0) Close();
    return std::move(out_);
  }

 private:
  // Whether the cells collected so far fill the row, so the line end closes it.
  bool Complete() const {
    const std::size_t n = targets_[current_].columns.size();
    std::size_t values = 0;
    std::size_t seq = collected_.size();
    for (const auto& t : collected_) values += t.kind == Token::Kind::kValue;
    while (seq > 0 && collected_[seq - 1].kind == Token::Kind::kEmpty) --seq;
    return values >= n || (values > 0 && seq >= n);
  }

  bool Open(const Token& first) {
    Candidate best;
    for (std::size_t i = next_; i < targets_.size(); ++i) {
      const auto consider = [&](const std::u32string& label, int quality) {
        const std::size_t at = buffer_.rfind(label);
        if (at == std::u32string::npos) return;
        Candidate c{static_cast<int>(i), at + label.size(), quality, label.size(), label};
        if (Better(c, best)) best = c;
      };
      for (const auto& l : targets_[i].numbered) consider(l, 3);
      for (const auto& l : targets_[i].cores) consider(l, 2);
      // A label wrapped around its values (PDF layout: 「3.危及“三安全一」 values 「稳定”」): the
      // buffer ends with the label's beginning.
      for (const auto* labels : {&targets_[i].numbered, &targets_[i].cores}) {
        for (const auto& l : *labels) {
          for (std::size_t k = std::min(l.size() - 1, buffer_.size()); k >= kMinLabelPrefix; --k) {
            if (buffer_.compare(buffer_.size() - k, k, l, 0, k) != 0) continue;
            Candidate c{static_cast<int>(i), buffer_.size(), 2, k, l.substr(0, k)};
            if (Better(c, best)) best = c;
            break;
          }
        }
      }
    }
    if (best.target < 0) {  // a misspelt label (「2.其他法律行政止公开」) of one of the next rows
      double best_ratio = 0;
      for (std::size_t i = next_; i < targets_.size() && i < next_ + kFuzzyReach; ++i) {
        for (const auto& l : targets_[i].cores) {
          if (l.size() < 4) continue;
          const std::u32string_view tail = std::u32string_view(buffer_).substr(
              buffer_.size() > l.size() + 4 ? buffer_.size() - l.size() - 4 : 0);
          double ratio = static_cast<double>(CommonSubsequence(l, tail)) / l.size();
          // A long label interleaved with a neighbouring column's text (PDF layout): its first
          // characters still appear in order.
          const std::u32string_view head = std::u32string_view(l).substr(0, kInterleavedHead);
          if (l.size() >= kInterleavedHead &&
              CommonSubsequence(
                  head, std::u32string_view(buffer_).substr(
                            buffer_.size() > 3 * l.size() ? buffer_.size() - 3 * l.size() : 0)) ==
                  head.size()) {
            ratio = std::max(ratio, kFuzzyRatio);
          }
          if (ratio >= kFuzzyRatio && ratio > best_ratio) {
            best_ratio = ratio;
            best =
                Candidate{static_cast<int>(i), buffer_.size(), 1, l.size(), std::u32string(tail)};
          }
        }
      }
    }
    if (best.target < 0) return false;
    current_ = best.target;
    next_ = best.target + 1;
    row_pos_ = buffer_pos_;
    out_.labels.push_back(MatchedLabel{targets_[current_].key, best.label, buffer_pos_});
    buffer_.clear();
    (void)first;
    return true;
  }

  void Close() {
    const RowTarget& target = targets_[current_];
    const RowCells read =
        CellsFrom(collected_, target.columns.size(), target.rules, target.last_is_stock);
    StoreRow(read, target, row_pos_, table_, DigitsFound(collected_), &out_);
    collected_.clear();
    current_ = -1;
  }

  const std::span<const RowTarget> targets_;
  const std::string_view table_;
  std::size_t next_ = 0;
  int current_ = -1;
  std::u32string buffer_;
  SourcePos buffer_pos_;
  SourcePos row_pos_;
  std::vector<Token> collected_;
  TableRead out_;
};

}  // namespace

TableRead ReadRowTable(const std::vector<Token>& tokens, std::span<const RowTarget> targets,
                       std::string_view table) {
  return RowTableReader(targets, table).Run(tokens);
}

void ResolveByColumnSums(TableRead* read) {
  constexpr std::size_t kMaxCombinations = 4096;
  if (read->ambiguous.empty()) return;
  std::size_t combinations = 1;
  for (const auto& a : read->ambiguous) {
    combinations *= a.alternatives.size();
    if (combinations > kMaxCombinations) return;
  }
  const auto columns = TableBColumnKeys();
  // The value of a cell under a combination, or nullopt when it is not a number.
  const auto value = [&](const std::vector<std::size_t>& choice, std::string_view key,
                         std::size_t column) -> std::optional<double> {
    for (std::size_t i = 0; i < read->ambiguous.size(); ++i) {
      if (read->ambiguous[i].key != key) continue;
      const Cell& c = read->ambiguous[i].alternatives[choice[i]][column];
      return c.is_number() ? std::optional<double>(c.number) : std::nullopt;
    }
    const Cell* c = read->table.FindCell(key, columns[column]);
    return c && c->is_number() ? std::optional<double>(c->number) : std::nullopt;
  };
  const auto consistent = [&](const std::vector<std::size_t>& choice) {
    for (std::size_t col = 0; col < columns.size(); ++col) {
      const auto closed = value(choice, "closed_total", col);
      double results = 0;
      bool complete = closed.has_value();
      for (const auto& row : read->table.rows) {
        if (!IsTableBResultRow(row.key)) continue;
        const auto v = value(choice, row.key, col);
        complete = complete && v.has_value();
        if (v) results += *v;
      }
      if (complete && results != *closed) return false;
      const auto in_new = value(choice, "new", col), in_old = value(choice, "carried_over", col),
                 out_fwd = value(choice, "carried_forward", col);
      if (in_new && in_old && closed && out_fwd && *in_new + *in_old != *closed + *out_fwd)
        return false;
    }
    return true;
  };
  std::vector<std::size_t> choice(read->ambiguous.size(), 0), survivor;
  int survivors = 0;
  for (std::size_t n = 0; n < combinations; ++n) {
    std::size_t rest = n;
    for (std::size_t i = 0; i < choice.size(); ++i) {
      choice[i] = rest % read->ambiguous[i].alternatives.size();
      rest /= read->ambiguous[i].alternatives.size();
    }
    if (consistent(choice) && ++survivors == 1) survivor = choice;
  }
  if (survivors != 1) return;
  std::string rows;
  for (std::size_t i = 0; i < read->ambiguous.size(); ++i) {
    const AmbiguousRow& a = read->ambiguous[i];
    Row* row = read->table.Find(a.key);
    for (std::size_t col = 0; col < columns.size(); ++col)
      row->Set(columns[col], a.alternatives[survivor[i]][col]);
    std::erase(read->uncertain_paths, "section3." + a.key);
    std::erase_if(read->findings,
                  [&](const Finding& f) { return f.rule == "PARSE-AMBIGUOUS" && f.row == a.key; });
    Finding f = MakeFinding("PARSE-DIGITS-SPLIT", Finding::Severity::kNotice,
                            TableNameZh("section3") + "「" +
                                std::string(TableBRowLabel(ReportFormat::k2021, a.key)) +
                                "」的连写数字有多种拆分，按本表的列合计关系只有一种成立。",
                            TableNameEn("section3") + ", row " + a.key +
                                ": the run-together digits split several ways; only one agrees "
                                "with the table's column sums.",
                            "section3", a.key, row->pos);
    read->findings.push_back(std::move(f));
  }
  read->ambiguous.clear();
}

TableRead ReadTableC(const std::vector<Token>& tokens) {
  static const std::vector<std::string> kColumns{"upheld", "corrected", "other", "pending",
                                                 "total"};
  static const std::vector<std::string> kBlocks{"reconsideration", "litigation_direct",
                                                "litigation_after_reconsideration"};
  static const std::vector<std::string> kBlockLabels{"行政复议", "行政诉讼（未经复议直接起诉）",
                                                     "行政诉讼（复议后起诉）"};
  constexpr std::size_t kCells = 15;
  TableRead out;
  // Values up to the first label text after fifteen of them: later numbers are running text.
  std::vector<Token> collected;
  std::size_t values = 0;
  SourcePos first;
  for (const auto& t : tokens) {
    if (t.kind == Token::Kind::kText && values >= kCells) break;
    if (t.kind == Token::Kind::kLineEnd && values > 0) {
      // Empty cells only count on lines that carry values.
      while (!collected.empty() && collected.back().kind == Token::Kind::kEmpty)
        collected.pop_back();
    }
    if (t.kind == Token::Kind::kValue) {
      if (values == 0) first = t.pos;
      ++values;
      collected.push_back(t);
    } else if (t.kind == Token::Kind::kEmpty && values > 0) {
      collected.push_back(t);
    }
  }
  while (!collected.empty() && collected.back().kind == Token::Kind::kEmpty) collected.pop_back();
  if (values == 0) return out;
  std::vector<SumRule> rules;
  for (int b = 0; b < 3; ++b)
    rules.push_back(SumRule{{b * 5, b * 5 + 1, b * 5 + 2, b * 5 + 3}, b * 5 + 4});
  const RowCells read = CellsFrom(collected, kCells, rules, false);
  const std::string found = DigitsFound(collected);
  if (read.cells.size() != kCells) {
    RowTarget whole{"", {}, {}, std::vector<std::string>(kCells), {}, false, "全表"};
    StoreRow(read, whole, first, "section4", found, &out);
    return out;
  }
  for (std::size_t b = 0; b < kBlocks.size(); ++b) {
    RowCells block;
    block.cells.assign(read.cells.begin() + b * 5, read.cells.begin() + b * 5 + 5);
    block.alternatives = read.alternatives;
    block.split = read.split && b == 0;  // one notice for the whole table
    RowTarget target{kBlocks[b], {}, {}, kColumns, {}, false, kBlockLabels[b]};
    StoreRow(block, target, block.cells.front().pos, "section4", found, &out);
  }
  // One ambiguity finding for the table, not one per block.
  int seen = 0;
  std::erase_if(out.findings,
                [&](const Finding& f) { return f.rule == "PARSE-AMBIGUOUS" && seen++ > 0; });
  return out;
}

}  // namespace gongkai::parse_internal
