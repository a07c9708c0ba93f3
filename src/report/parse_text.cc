// ParseReportText: finds the headings, reads the metadata, tells the format by the labels of
// table A, reads the three tables from their sections, and says what is missing.

#include <algorithm>
#include <array>

#include "report/layout.h"
#include "report/parse.h"
#include "report/parse_internal.h"
#include "report/rules.h"
#include "util/text.h"

namespace gongkai {
namespace {

using parse_internal::Heading;
using parse_internal::Line;
using parse_internal::Place;
using parse_internal::RowTarget;
using parse_internal::SumRule;
using parse_internal::TableRead;
using parse_internal::Token;

constexpr std::size_t kTitleSearchLines = 40;

std::u32string Normalized(std::string_view label) {
  return ToUtf32(RemoveWhitespace(FoldWidth(label)));
}

std::string TableLabelZh(int section) {
  switch (section) {
    case 2:
      return "第二部分「主动公开政府信息情况」表";
    case 3:
      return "第三部分「收到和处理政府信息公开申请情况」表";
    default:
      return "第四部分「政府信息公开行政复议、行政诉讼情况」表";
  }
}

std::string TableLabelEn(int section) {
  switch (section) {
    case 2:
      return "the table of section 2 (proactive disclosure)";
    case 3:
      return "the table of section 3 (applications received and handled)";
    default:
      return "the table of section 4 (administrative reconsideration and litigation)";
  }
}

std::string TableKey(int section) { return "section" + std::to_string(section); }

Finding MakeFinding(std::string rule, Finding::Severity sev, std::string zh, std::string en,
                    std::string table, std::string row = "", SourcePos pos = {}) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = sev;
  f.message_zh = std::move(zh);
  f.message_en = std::move(en);
  f.table = std::move(table);
  f.row = std::move(row);
  f.pos = pos;
  return f;
}

std::vector<RowTarget> MakeTableATargets(ReportFormat format) {
  std::vector<RowTarget> targets;
  for (const auto& spec : TableARows(format)) {
    RowTarget t;
    t.key = std::string(spec.key);
    t.label = std::string(spec.label);
    t.cores.push_back(Normalized(spec.label));
    if (spec.key == "normative_documents") {  // label drift between the formats
      t.cores = {Normalized("行政规范性文件"), Normalized("规范性文件")};
    }
    for (const auto& c : spec.columns) t.columns.emplace_back(c.key);
    t.last_is_stock = t.columns.size() == 3 &&
                      (t.columns.back() == "in_force" || t.columns.back() == "total_published");
    targets.push_back(std::move(t));
  }
  return targets;
}

// Table B rows of both formats in document order: the 2021 rows with the trial format's single
// （六）其他处理 row before the 2021 format's three.
std::vector<RowTarget> MakeTableBTargets() {
  std::vector<RowTarget> targets;
  std::vector<SumRule> rules{SumRule{{0, 1, 2, 3, 4, 5}, 6}};
  const auto add = [&](std::string_view key, std::string_view label) {
    RowTarget t;
    t.key = std::string(key);
    t.label = std::string(label);
    const std::u32string numbered = Normalized(label);
    const std::u32string core = parse_internal::StripNumbering(numbered);
    if (core != numbered) t.numbered.push_back(numbered);
    // A short label (「3.其他」) is known only with its number, which some agencies write
    // 「3、其他」. (Not 「(三)其他」 or 「三、其他」: their beginnings are those of other rows'
    // labels, which the wrapped-label search below would then take for this one.)
    if (core != numbered && core.size() < 4 && numbered.size() > 1 && numbered[1] == U'.') {
      t.numbered.push_back(std::u32string{numbered[0], U'、'} + core);
    }
    if (core.size() >= 4 || core == numbered) t.cores.push_back(core);
    if (key == "partial") t.cores.push_back(U"部分公开");
    for (const auto& c : TableBColumns()) t.columns.emplace_back(c.key);
    t.rules = rules;
    targets.push_back(std::move(t));
  };
  for (const auto& spec : TableBRows(ReportFormat::k2021)) {
    if (spec.key == "other.no_correction") add("other", "（六）其他处理");
    add(spec.key, spec.label);
  }
  return targets;
}

// The row targets are constants of the formats, built once (normalising their labels for every
// report cost more than reading its table A).
const std::vector<RowTarget>& TableATargets(ReportFormat format) {
  static const std::vector<RowTarget> k2021 = MakeTableATargets(ReportFormat::k2021);
  static const std::vector<RowTarget> kTrial = MakeTableATargets(ReportFormat::k2019Trial);
  return format == ReportFormat::k2021 ? k2021 : kTrial;
}

const std::vector<RowTarget>& TableBTargets() {
  static const std::vector<RowTarget> targets = MakeTableBTargets();
  return targets;
}

// Labels only one of the formats prints in table A.
constexpr std::array<std::u32string_view, 7> kTrialMarks{
    U"本年新制作数量", U"本年新公开数量", U"对外公开总数量",      U"上一年项目数量",
    U"本年增/减",      U"政府集中采购",   U"其他对外管理服务事项"};
constexpr std::array<std::u32string_view, 5> kMarks2021{
    U"本年制发件数", U"本年废止件数", U"现行有效件数", U"本年处理决定数量", U"本年收费金额"};

std::optional<ReportFormat> FormatByLabels(const std::vector<Token>& tokens) {
  std::u32string text;
  for (const auto& t : tokens) {
    if (t.kind == Token::Kind::kText) text += t.text;
  }
  const auto count = [&](const auto& marks) {
    return std::count_if(marks.begin(), marks.end(),
                         [&](auto m) { return text.find(m) != std::u32string::npos; });
  };
  const auto trial = count(kTrialMarks);
  const auto modern = count(kMarks2021);
  if (trial == modern) return std::nullopt;
  return trial > modern ? ReportFormat::k2019Trial : ReportFormat::k2021;
}

// Rows the format requires that the table lacks (other.* and other stand in for each other).
std::vector<std::string_view> MissingRows(const Table& table, std::span<const RowSpec> specs,
                                          const std::vector<std::string>& unreadable) {
  const bool undivided = table.Find("other") != nullptr;
  const bool divided = table.Find("other.no_correction") || table.Find("other.fee_unpaid") ||
                       table.Find("other.other");
  std::vector<std::string_view> missing;
  for (const auto& spec : specs) {
    if (table.Find(spec.key)) continue;
    if (std::find(unreadable.begin(), unreadable.end(), spec.key) != unreadable.end()) continue;
    if (spec.key == "other" && divided) continue;
    if (spec.key.starts_with("other.") && undivided) continue;
    missing.push_back(spec.label);
  }
  return missing;
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view source)
      : lines_(parse_internal::SplitLines(text)) {
    result_.report.source = std::string(source);
  }

  ParseResult Run() {
    Report& report = result_.report;
    headings_ = parse_internal::FindHeadings(lines_);
    const Place front_end = headings_.empty() ? Place{std::min(kTitleSearchLines, lines_.size()), 0}
                                              : headings_.front().begin;
    parse_internal::Metadata meta = parse_internal::ReadMetadata(lines_, front_end);
    report.agency = std::move(meta.agency);
    report.year = meta.year;
    report.published = meta.published;
    Append(std::move(meta.findings));
    ReadSections();

    const std::vector<Token> tokens_a = TokensOf(2);
    const std::vector<Token> tokens_b = TokensOf(3);
    const std::vector<Token> tokens_c = TokensOf(4);
    DecideFormat(tokens_a);

    if (HasHeading(2)) {
      const auto& targets = TableATargets(report.format);
      Take(parse_internal::ReadRowTable(tokens_a, targets, "section2"), &report.section2);
      ReportMissing(2, report.section2, TableARows(report.format));
      LabelDrift();
    } else {
      MissingTable(2);
    }
    if (HasHeading(3)) {
      const auto& targets = TableBTargets();
      TableRead read = parse_internal::ReadRowTable(tokens_b, targets, "section3");
      parse_internal::ResolveByColumnSums(&read);
      Take(std::move(read), &report.section3);
      ReportMissing(3, report.section3, TableBRows(report.format));
    } else {
      MissingTable(3);
    }
    if (HasHeading(4)) {
      Take(parse_internal::ReadTableC(tokens_c), &report.section4);
      if (report.section4.rows.empty() && !unreadable_[4]) {
        MissingTable(4);
      }
    } else {
      MissingTable(4);
    }
    return std::move(result_);
  }

 private:
  void Append(std::vector<Finding> findings) {
    for (auto& f : findings) result_.findings.push_back(std::move(f));
  }

  const Heading* FindHeading(int n) const {
    for (const auto& h : headings_) {
      if (h.number == n) return &h;
    }
    return nullptr;
  }
  bool HasHeading(int n) const { return FindHeading(n) != nullptr; }

  // The body of section n: from its heading's end to the next heading found, or the end.
  std::pair<Place, Place> BodyOf(int n) const {
    const Heading* h = FindHeading(n);
    Place end{lines_.size(), 0};
    for (const auto& other : headings_) {
      if (h->body < other.begin && other.begin < end) end = other.begin;
    }
    return {h->body, end};
  }

  std::vector<Token> TokensOf(int n) const {
    if (!HasHeading(n)) return {};
    const auto [begin, end] = BodyOf(n);
    return parse_internal::Lex(lines_, begin, end);
  }

  void ReadSections() {
    for (const auto& h : headings_) {
      const auto [begin, end] = BodyOf(h.number);
      std::string text;
      for (std::size_t li = begin.line; li < lines_.size() && li <= end.line; ++li) {
        const auto& t = lines_[li].text;
        const std::size_t from = li == begin.line ? std::min(begin.col, t.size()) : 0;
        const std::size_t to = li == end.line ? std::min(end.col, t.size()) : t.size();
        if (li != begin.line) text.push_back('\n');
        if (from < to)
          parse_internal::AppendUtf8Run(&text, std::u32string_view(t).substr(from, to - from));
      }
      Section s;
      s.number = h.number;
      s.title = ToUtf8(h.title);
      const std::string_view trimmed = Trim(text);
      s.text = trimmed.size() == text.size() ? std::move(text) : std::string(trimmed);
      s.pos = SourcePos{lines_[h.begin.line].number, static_cast<int>(h.begin.col) + 1};
      if (h.printed) {
        const std::string printed = ToUtf8(std::u32string(1, h.printed));
        const std::string own =
            ToUtf8(std::u32string(1, parse_internal::kHanNumerals[h.number - 1]));
        result_.findings.push_back(parse_internal::Notice(
            "PARSE-SECTION-NUMBER", Finding::Severity::kNotice,
            "第" + own + "部分「" + s.title + "」的标题编号印作「" + printed + "、」，应为「" +
                own + "、」；按标题文字读取。",
            "Section " + std::to_string(h.number) + " (" + s.title + ") is numbered \"" + printed +
                "\" in the document; it was read by its title.",
            s.pos, printed, own));
      }
      result_.report.sections.push_back(std::move(s));
    }
  }

  void DecideFormat(const std::vector<Token>& tokens_a) {
    Report& report = result_.report;
    if (const auto by_labels = FormatByLabels(tokens_a)) {
      report.format = *by_labels;
      return;
    }
    report.format = report.year ? RequiredFormat(report.year) : ReportFormat::k2021;
    result_.findings.push_back(MakeFinding(
        "PARSE-FORMAT-ASSUMED", Finding::Severity::kNotice,
        "表格标签不足以判断格式，按报告年度采用" +
            std::string(report.format == ReportFormat::k2021 ? "2021 年格式" : "2019 年试行格式") +
            "。",
        "The table labels do not tell the format; the report year's format (" +
            std::string(FormatKey(report.format)) + ") is assumed.",
        "section2"));
  }

  void Take(TableRead read, Table* table) {
    *table = std::move(read.table);
    MergeSplitNotices(&read.findings);
    for (auto& f : read.findings) {
      if (f.rule == "PARSE-TABLE-UNREADABLE") {
        unreadable_rows_.push_back(f.row);
        if (f.table == "section4") unreadable_[4] = true;
      }
      result_.findings.push_back(std::move(f));
    }
    for (auto& p : read.uncertain_paths) result_.report.uncertain_paths.push_back(std::move(p));
    for (auto& l : read.labels) labels_.push_back(std::move(l));
  }

  // One PARSE-DIGITS-SPLIT notice per table, naming how many rows, not one per row.
  static void MergeSplitNotices(std::vector<Finding>* findings) {
    std::vector<Finding> splits;
    std::erase_if(*findings, [&](Finding& f) {
      if (f.rule != "PARSE-DIGITS-SPLIT") return false;
      splits.push_back(std::move(f));
      return true;
    });
    if (splits.size() <= 1) {
      for (auto& f : splits) findings->push_back(std::move(f));
      return;
    }
    Finding merged = splits.front();
    const std::string n = std::to_string(splits.size());
    merged.row.clear();
    merged.found.clear();
    merged.message_zh = "表中 " + n + " 行的数字连写在一起（第一处：" + merged.message_zh +
                        "）；均按列数和合计关系拆分，且只有一种拆分成立。";
    merged.message_en = n +
                        " rows of the table have run-together digits (first: " + merged.message_en +
                        "); each was cut the only way the column count and the sums allow.";
    findings->push_back(std::move(merged));
  }

  void MissingTable(int section) {
    const bool no_heading = !HasHeading(section);
    result_.findings.push_back(MakeFinding(
        "PARSE-MISSING-TABLE", Finding::Severity::kError,
        TableLabelZh(section) +
            (no_heading ? "缺失：文中没有这一部分的标题。" : "缺失：这一部分没有可读的数字。") +
            "文件可能不完整，请核对原文。",
        std::string(no_heading ? "Missing " : "Unreadable ") + TableLabelEn(section) +
            (no_heading ? ": the document has no heading for this section."
                        : ": the section holds no numbers that can be read.") +
            " The file may be incomplete; check the original.",
        TableKey(section)));
  }

  void ReportMissing(int section, const Table& table, std::span<const RowSpec> specs) {
    if (table.rows.empty() && unreadable_rows_.empty()) {
      MissingTable(section);
      return;
    }
    const auto missing = MissingRows(table, specs, unreadable_rows_);
    if (missing.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 5; ++i) {
      if (i) list += "、";
      list += "「" + std::string(missing[i]) + "」";
    }
    if (missing.size() > 5) list += "等";
    Finding f =
        MakeFinding("PARSE-MISSING-ROW", Finding::Severity::kError,
                    TableLabelZh(section) + "缺少 " + std::to_string(missing.size()) + " 行：" +
                        list + "。文件可能不完整或表格被截断，请核对原文。",
                    TableLabelEn(section) + " lacks " + std::to_string(missing.size()) +
                        " rows (first: " + std::string(missing.front()) +
                        "). The file may be incomplete or the table cut; check the original.",
                    TableKey(section));
    f.found = std::to_string(specs.size() - missing.size());
    f.expected = std::to_string(specs.size());
    result_.findings.push_back(std::move(f));
  }

  // 「规范性文件」 in a 2021 table (or 「行政规范性文件」 in a trial one): the rules' FORMAT-YEAR
  // label-drift finding, which only the parser can raise because only it sees the labels.
  void LabelDrift() {
    const Report& report = result_.report;
    const std::u32string modern = Normalized("行政规范性文件");
    for (const auto& l : labels_) {
      if (l.key != "normative_documents") continue;
      const bool is_modern = l.label == modern;
      if (is_modern == (report.format == ReportFormat::k2021)) continue;
      result_.findings.push_back(
          LabelDriftFinding(report.format, "section2", l.key, ToUtf8(l.label), l.pos));
    }
  }

  const std::vector<Line> lines_;
  std::vector<Heading> headings_;
  std::vector<parse_internal::MatchedLabel> labels_;
  std::vector<std::string> unreadable_rows_;
  std::array<bool, 5> unreadable_{};
  ParseResult result_;
};

}  // namespace

ParseResult ParseReportText(std::string_view utf8_text, std::string_view source_name) {
  return Parser(utf8_text, source_name).Run();
}

}  // namespace gongkai
