// NARRATIVE and the narrative half of IMPLAUSIBLE: what the text says about the number of
// applications received, against table B.
//
// Reports state it in a handful of ways (seen in the fixtures): 「本年度全区共收到70件申请」
// 「2023年全区受理政府信息公开申请 21 件」「共收到依申请信息公开26件」「全县全年共受理政府信息公开
// 申请 749 件」「未收到依申请公开」. The checks aim at few false alarms, so a statement is read
// only when it is unambiguous:
// - a verb of receiving (收到, 受理, 新收, 接收, 接到) and 申请 in one clause with the count and
// 件;
// - not about reconsideration, lawsuits, petitions, complaints or online questions (复议, 诉讼,
//   信访, 投诉, 举报, 问政, 留言, 提案, 建议, 咨询 in the rest of the clause);
// - not a part or another period (其中, 上年, 去年, 同比, 上一年, 以来 before it in the clause, or
//   another year than the report's as the last year written before it in the sentence).
// The stated count agrees with table B when it equals 一、本年新收 总计, or that plus 二、上年结转
// 总计 (「共受理申请749件」 in fixture 013 counts both: 713 + 36).

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

#include "report/rules_internal.h"
#include "util/text.h"

namespace gongkai::rules_internal {
namespace {

using Severity = Finding::Severity;

constexpr std::string_view kVerb = "(?:收到|受理|新收|接收|接到)";
constexpr std::string_view kFiller = "[^,;:!?。0-9]";
constexpr std::string_view kDelimiters = ",;:!?。";

constexpr std::string_view kOtherMatters[] = {"复议", "诉讼", "信访", "投诉", "举报",
                                              "问政", "留言", "提案", "建议", "咨询"};
constexpr std::string_view kOtherPeriods[] = {"其中", "上年", "去年", "同比", "上一年", "以来"};

std::string ToUtf8String(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool ContainsAny(std::string_view s, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// True when the last year written in `prefix` (「2022年」) is not `year`.
bool NamesAnotherYear(std::string_view prefix, int year) {
  int last = 0;
  for (std::size_t i = 0; i + 4 < prefix.size(); ++i) {
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) {
      digits = digits && prefix[i + k] >= '0' && prefix[i + k] <= '9';
    }
    if (!digits || (i > 0 && prefix[i - 1] >= '0' && prefix[i - 1] <= '9')) continue;
    if (prefix.substr(i + 4).starts_with("年")) last = std::stoi(std::string(prefix.substr(i, 4)));
  }
  return last != 0 && last != year;
}

bool IsDelimiter(UChar32 c) {
  for (char d : kDelimiters) {
    if (c == static_cast<unsigned char>(d)) return true;
  }
  return c == 0x3002;  // 。
}

struct Match {
  int start;
  std::optional<long long> count;
  std::string clause;
};

// The statement patterns, compiled once (compiling took a fifth of the checker's time when done
// per section). ICU documents RegexPattern as immutable and safe to share between threads; each
// search makes its own matcher.
class StatementPatterns {
 public:
  StatementPatterns() {
    const std::string verb(kVerb), filler(kFiller);
    // 「受理政府信息公开申请21件」「收到依申请信息公开26件」
    Add(verb + filler + "{0,20}?申请(?!人)" + filler + "{0,8}?([0-9]+)件");
    // 「共收到70件申请」
    Add(verb + "([0-9]+)件" + filler + "{0,12}?申请");
    // 「未收到依申请公开」「没有收到政府信息公开申请」
    Add("(?:未|没有)" + verb + filler + "{0,12}?申请");
    // 「无依申请公开事项」 as a whole clause
    Add("无(?:依申请公开|政府信息公开申请|信息公开申请)(?:事项|情况|工作)?(?=[,;:!?。]|$)");
  }
  const std::vector<std::unique_ptr<icu::RegexPattern>>& all() const { return patterns_; }

 private:
  void Add(const std::string& pattern) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> re(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, status));
    if (U_SUCCESS(status)) patterns_.push_back(std::move(re));  // constants; the tests compile them
  }

  std::vector<std::unique_ptr<icu::RegexPattern>> patterns_;
};

const StatementPatterns& Patterns() {
  static const StatementPatterns patterns;
  return patterns;
}

// Runs `re` over `text`; group 1, when the pattern has it, is the count.
void FindAll(const icu::UnicodeString& text, const icu::RegexPattern& re, int year,
             std::vector<Match>* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(re.matcher(text, status));
  while (U_SUCCESS(status) && m->find(status)) {
    const int start = m->start(status), end = m->end(status);
    int clause_start = start, clause_end = end;
    while (clause_start > 0 && !IsDelimiter(text.char32At(clause_start - 1))) --clause_start;
    while (clause_end < text.length() && !IsDelimiter(text.char32At(clause_end))) ++clause_end;
    int sentence_start = clause_start;  // a year may head the sentence: 「2022年，共收到…」
    while (sentence_start > 0 && text.char32At(sentence_start - 1) != 0x3002) --sentence_start;
    const std::string prefix = ToUtf8String(text.tempSubStringBetween(clause_start, start));
    const std::string rest = ToUtf8String(text.tempSubStringBetween(start, clause_end));
    if (ContainsAny(rest, kOtherMatters) || ContainsAny(prefix, kOtherPeriods) ||
        NamesAnotherYear(ToUtf8String(text.tempSubStringBetween(sentence_start, start)), year)) {
      continue;
    }
    Match match{start, std::nullopt,
                ToUtf8String(text.tempSubStringBetween(clause_start, clause_end))};
    if (m->groupCount() >= 1) {
      const std::string digits = ToUtf8String(m->group(1, status));
      if (digits.size() > 9) continue;
      match.count = std::stoll(digits);
    }
    out->push_back(std::move(match));
  }
}

std::string_view SectionNumeral(int n) {
  constexpr std::string_view kNumerals[] = {"", "一", "二", "三", "四", "五", "六"};
  return n >= 1 && n <= 6 ? kNumerals[n] : "";
}

bool TableBAllZero(const Table& b) {
  bool any = false;
  for (const Row& row : b.rows) {
    for (const auto& [column, cell] : row.cells) {
      if (!cell.is_number()) continue;
      if (cell.number != 0) return false;
      any = true;
    }
  }
  return any;
}

}  // namespace

std::vector<StatedCount> FindStatedApplicationCounts(std::string_view text, int year) {
  // Every pattern needs 申请 (tested after folding: a line break may split it); most sections
  // never say it, and then no pattern runs.
  const bool has_wide = text.find("\xEF\xBC") != std::string_view::npos ||      // U+FF01..U+FF3F
                        text.find("\xEF\xBD") != std::string_view::npos ||      // U+FF40..U+FF7F
                        text.find("\xE3\x80\x80") != std::string_view::npos ||  // U+3000
                        text.find("\xC2\xA0") != std::string_view::npos;        // U+00A0
  const std::string folded = has_wide ? RemoveWhitespace(FoldWidth(text)) : RemoveWhitespace(text);
  if (folded.find("申请") == std::string::npos) return {};
  // Statements never span a sentence, and the clause and sentence bounds FindAll looks for stop
  // at 「。」: run the patterns on each sentence that says 申请 (with its 「。」), not the text.
  std::vector<Match> matches;
  for (std::size_t begin = 0; begin < folded.size();) {
    std::size_t end = folded.find("。", begin);
    end = end == std::string::npos ? folded.size() : end + std::string_view("。").size();
    const std::string_view sentence = std::string_view(folded).substr(begin, end - begin);
    begin = end;
    if (sentence.find("申请") == std::string_view::npos) continue;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(sentence.data(), static_cast<int32_t>(sentence.size())));
    std::vector<Match> in_sentence;
    for (const auto& re : Patterns().all()) FindAll(u, *re, year, &in_sentence);
    std::sort(in_sentence.begin(), in_sentence.end(),
              [](const Match& a, const Match& b) { return a.start < b.start; });
    for (Match& m : in_sentence) matches.push_back(std::move(m));
  }
  std::vector<StatedCount> out;
  for (Match& m : matches) {
    out.push_back(StatedCount{m.count, std::move(m.clause), 0});
  }
  return out;
}

void CheckNarrative(const Report& report, std::vector<Finding>* out) {
  if (report.sections.empty()) return;
  const Cell* new_total = NumberCell(report.section3, "new", "total");
  const Cell* carried = NumberCell(report.section3, "carried_over", "total");
  const bool all_zero = TableBAllZero(report.section3);
  const std::string new_where_zh = WhereZh(report.format, "section3", "new", "total");
  const std::string new_where_en = WhereEn(report.format, "section3", "new", "total");
  std::set<std::string> seen;
  bool implausible_said = false;
  for (const Section& section : report.sections) {
    for (const StatedCount& s : FindStatedApplicationCounts(section.text, report.year)) {
      if (!seen.insert(s.quote).second) continue;
      const std::string found = s.count ? std::to_string(*s.count) : "0";
      if (s.count && *s.count > 0 && all_zero) {
        if (implausible_said) continue;
        implausible_said = true;
        out->push_back(MakeFinding(
            "IMPLAUSIBLE", Severity::kNotice, "section3", "", "",
            fmt::format("表三全部为 0，但第{}部分正文称「{}」：表三可能未如实填写",
                        SectionNumeral(section.number), s.quote),
            fmt::format("Table B is all zeros, yet section {} says 「{}」: the table may not have "
                        "been filled in",
                        section.number, s.quote),
            "", found, section.pos));
        continue;
      }
      if (!new_total) continue;
      const double n = new_total->number;
      const bool agrees =
          s.count ? *s.count == n || (carried && *s.count == n + carried->number) : n == 0;
      if (agrees) continue;
      std::string zh_also, en_also;
      if (s.count && carried && carried->number > 0) {
        zh_also = fmt::format("（加上年结转为 {}）", FormatNumber(n + carried->number));
        en_also = fmt::format(" ({} with those carried over)", FormatNumber(n + carried->number));
      }
      out->push_back(MakeFinding(
          "NARRATIVE", Severity::kWarning, "section3", "new", "total",
          fmt::format("第{}部分正文称「{}」，与{}的 {}{}不符", SectionNumeral(section.number),
                      s.quote, new_where_zh, FormatNumber(n), zh_also),
          fmt::format("Section {} says 「{}」, but {} is {}{}", section.number, s.quote,
                      new_where_en, FormatNumber(n), en_also),
          FormatNumber(n), found, section.pos));
    }
  }
}

}  // namespace gongkai::rules_internal
