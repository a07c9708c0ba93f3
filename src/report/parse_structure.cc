// The structure of a report around its tables: the six section headings, and the title with the
// agency and the year. The title's agency is completed and its misprints read by
// parse_agency.cc; the year falls back to the statistics period, then to the year the text
// mentions most, each with a finding.

#include <algorithm>
#include <array>
#include <map>
#include <span>

#include "report/parse_internal.h"
#include "util/text.h"

namespace gongkai::parse_internal {
namespace {

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsBlank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\v' || c == U'\r'; }

// The document with blanks removed, and where each kept character stood. Built once per search
// and sliced per line, so the heading, title and date searches never rebuild a line.
struct CompactDoc {
  explicit CompactDoc(const std::vector<Line>& lines) : line_start(lines.size() + 1) {
    std::size_t total = 0;
    for (const Line& l : lines) total += l.text.size();
    text.reserve(total);
    at.reserve(total);
    for (std::size_t li = 0; li < lines.size(); ++li) {
      line_start[li] = text.size();
      const std::u32string& t = lines[li].text;
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (IsBlank(t[i])) continue;
        text.push_back(t[i]);
        at.push_back(Place{li, i});
      }
    }
    line_start[lines.size()] = text.size();
  }

  // The kept characters of line `li` that stood in columns [from, to).
  struct View {
    std::u32string_view text;
    std::span<const Place> at;
  };
  View LineView(std::size_t li, std::size_t from, std::size_t to) const {
    const auto by_col = [](const Place& p, std::size_t col) { return p.col < col; };
    const auto line_begin = at.begin() + static_cast<std::ptrdiff_t>(line_start[li]);
    const auto line_end = at.begin() + static_cast<std::ptrdiff_t>(line_start[li + 1]);
    const auto first = std::lower_bound(line_begin, line_end, from, by_col);
    const auto last = std::lower_bound(first, line_end, to, by_col);
    const std::size_t b = static_cast<std::size_t>(first - at.begin());
    const std::size_t n = static_cast<std::size_t>(last - first);
    return View{std::u32string_view(text).substr(b, n), std::span<const Place>(at).subspan(b, n)};
  }

  std::u32string text;
  std::vector<Place> at;
  std::vector<std::size_t> line_start;  // index into text of each line's first kept character
};

struct HeadingSpec {
  char32_t numeral;
  std::array<std::u32string_view, 2> keywords;
  // Words only this section's title has, for a heading whose number is misprinted
  // (「二、收到和处理政府信息公开申请情况」 after the real 二).
  std::u32string_view title_words;
};
constexpr std::array<HeadingSpec, 6> kHeadings{{
    {U'一', {U"总体", U"概述"}, U"总体情况"},
    {U'二', {U"主动公开", U"主动公开"}, U"主动公开政府信息"},
    {U'三', {U"申请", U"收到"}, U"收到和处理"},
    {U'四', {U"行政复议", U"行政诉讼"}, U"行政复议、行政诉讼"},
    {U'五', {U"问题", U"改进"}, U"存在的主要问题"},
    {U'六', {U"其他", U"其它"}, U"其他需要报告"},
}};
constexpr std::size_t kKeywordReach = 16;

// A heading numbered `spec` at compact index i: 「四、」 then, within reach, a keyword, with only
// Chinese characters between. Returns the keyword's end or 0.
std::size_t HeadingAt(std::u32string_view t, std::size_t i, const HeadingSpec& spec) {
  if (t[i] != spec.numeral || i + 1 >= t.size() || (t[i + 1] != U'、' && t[i + 1] != U'.'))
    return 0;
  if (i > 0 && (t[i - 1] == U'第' || t[i - 1] == U'(')) return 0;  // 「第二十条第(一)项」
  for (std::size_t k = i + 2; k < t.size() && k < i + 2 + kKeywordReach; ++k) {
    for (auto kw : spec.keywords) {
      if (t.compare(k, kw.size(), kw) == 0) return k + kw.size();
    }
    if (!IsHan(t[k]) && t[k] != U'、') return 0;
  }
  return 0;
}

// Where the title of a heading ends: after 「情况」 or 「事项」 if near, else the line's end.
std::size_t TitleEnd(std::u32string_view t, std::size_t start, std::size_t keyword_end,
                     bool line_start) {
  std::size_t best = std::u32string::npos;
  for (std::u32string_view end_word :
       {std::u32string_view(U"情况"), std::u32string_view(U"事项")}) {
    const std::size_t at = t.find(end_word, keyword_end > 2 ? keyword_end - 2 : 0);
    if (at != std::u32string::npos && at < start + 26) best = std::min(best, at + end_word.size());
  }
  if (best != std::u32string::npos) return best;
  if (line_start) return t.size();
  return keyword_end;
}

SourcePos PosOf(const std::vector<Line>& lines, Place p) {
  if (p.line >= lines.size()) return {};
  return SourcePos{lines[p.line].number, static_cast<int>(p.col) + 1};
}

struct Title {
  std::u32string agency;
  int year = 0;
  Place at;
  bool found = false;
};

// 「<agency><year>年(度)政府信息公开(工作)(年度)报告」, the agency possibly on the line before.
Title FindTitle(const std::vector<Line>& lines, const CompactDoc& doc, Place front_end) {
  Title title;
  for (std::size_t li = 0; li < lines.size() && li <= front_end.line; ++li) {
    const std::size_t to = li == front_end.line ? front_end.col : lines[li].text.size();
    const CompactDoc::View c = doc.LineView(li, 0, to);
    std::size_t k = c.text.find(U"政府信息公开");
    for (; k != std::u32string::npos; k = c.text.find(U"政府信息公开", k + 1)) {
      const std::u32string_view after = c.text.substr(k + 6, 10);
      if (after.find(U"报告") == std::u32string_view::npos &&
          after.find(U"年报") == std::u32string_view::npos)
        continue;
      std::size_t j = k;
      if (j >= 2 && c.text.compare(j - 2, 2, U"年度") == 0) {
        j -= 2;
      } else if (j >= 1 && c.text[j - 1] == U'年') {
        j -= 1;
      } else {
        continue;
      }
      if (j < 4 || !std::all_of(c.text.begin() + j - 4, c.text.begin() + j, IsDigit)) continue;
      if (j > 4 && IsDigit(c.text[j - 5])) continue;
      title.year = std::stoi(ToUtf8(c.text.substr(j - 4, 4)));
      title.found = true;
      // The agency: the characters before the year on the source line, back to a separator.
      const Place year_at = c.at[j - 4];
      const std::u32string& t = lines[li].text;
      std::size_t e = year_at.col;
      while (e > 0 && IsBlank(t[e - 1])) --e;
      std::size_t b = e;
      while (b > 0 && !IsBlank(t[b - 1]) && t[b - 1] != U':' && t[b - 1] != U'|' &&
             t[b - 1] != U'>' && t[b - 1] != U'#') {
        --b;
      }
      title.agency = t.substr(b, e - b);
      title.at = Place{li, b};
      if (title.agency.empty()) {  // 「洪泽区人民政府」 alone on the line above
        for (std::size_t p = li; p-- > 0;) {
          CompactDoc::View prev = doc.LineView(p, 0, lines[p].text.size());
          while (!prev.text.empty() && prev.text.front() == U'#') {
            prev.text.remove_prefix(1);
            prev.at = prev.at.subspan(1);
          }
          if (prev.text.empty()) continue;
          title.agency = std::u32string(prev.text);
          title.at = prev.at.front();
          break;
        }
      }
      if (title.agency.size() > 2 && title.agency.ends_with(U"关于"))
        title.agency.resize(title.agency.size() - 2);
      return title;
    }
  }
  return title;
}

// The report year from 「统计期限自2023年1月1日」, or 0.
int StatisticsYear(const CompactDoc& all) {
  for (std::u32string_view marker : {std::u32string_view(U"自"), std::u32string_view(U"从")}) {
    for (std::size_t k = all.text.find(marker); k != std::u32string::npos;
         k = all.text.find(marker, k + 1)) {
      const std::u32string_view rest = std::u32string_view(all.text).substr(k + 1, 10);
      if (rest.size() >= 9 && std::all_of(rest.begin(), rest.begin() + 4, IsDigit) &&
          rest.substr(4, 5) == U"年1月1日") {
        return std::stoi(ToUtf8(rest.substr(0, 4)));
      }
    }
  }
  return 0;
}

// The year the text mentions most (「2023年」), or 0.
int MostMentionedYear(const CompactDoc& all) {
  std::map<int, int> counts;
  for (std::size_t k = all.text.find(U'年'); k != std::u32string::npos;
       k = all.text.find(U'年', k + 1)) {
    if (k < 4 || !std::all_of(all.text.begin() + k - 4, all.text.begin() + k, IsDigit)) continue;
    if (k > 4 && IsDigit(all.text[k - 5])) continue;
    const int y = std::stoi(ToUtf8(all.text.substr(k - 4, 4)));
    if (y >= 2008 && y <= 2100) ++counts[y];
  }
  int best = 0, best_count = 0;
  for (const auto& [y, n] : counts) {
    if (n > best_count) best = y, best_count = n;
  }
  return best;
}

// Parses 「2024-01-17」 or 「2024年1月17日」 at t[i]; the length read, or 0.
std::size_t DateAt(std::u32string_view t, std::size_t i, Date* out) {
  int parts[3] = {0, 0, 0};
  std::size_t k = i;
  for (int p = 0; p < 3; ++p) {
    const std::size_t from = k;
    while (k < t.size() && IsDigit(t[k]) && k - from < 4)
      parts[p] = parts[p] * 10 + (t[k++] - U'0');
    if (k == from || (p == 0 && k - from != 4)) return 0;
    static constexpr std::u32string_view kSeps[2] = {U"-年", U"-月"};
    if (p < 2) {
      if (k >= t.size() || kSeps[p].find(t[k]) == std::u32string_view::npos) return 0;
      ++k;
    } else if (k < t.size() && t[k] == U'日') {
      ++k;
    }
  }
  const Date d{std::chrono::year(parts[0]), std::chrono::month(parts[1]),
               std::chrono::day(parts[2])};
  if (!d.ok()) return 0;
  *out = d;
  return k - i;
}

std::optional<Date> Published(const std::vector<Line>& lines, const CompactDoc& all,
                              Place front_end, int year) {
  const auto plausible = [&](Date d) {
    const int y = static_cast<int>(d.year());
    return year == 0 || (y >= year && y <= year + 2);
  };
  // A labelled date in the front matter (web page metadata).
  for (std::u32string_view label :
       {std::u32string_view(U"公开日期"), std::u32string_view(U"发布日期"),
        std::u32string_view(U"发布时间"), std::u32string_view(U"时间")}) {
    for (std::size_t k = all.text.find(label); k != std::u32string::npos;
         k = all.text.find(label, k + 1)) {
      if (front_end < all.at[k]) break;
      std::size_t i = k + label.size();
      if (i < all.text.size() && all.text[i] == U':') ++i;
      Date d;
      if (DateAt(all.text, i, &d) && plausible(d)) return d;
    }
  }
  // A signature date alone on its line (「2024年1月17日」, 「(2026年1月23日)」); the last wins.
  std::optional<Date> last;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    std::u32string_view t = all.LineView(li, 0, lines[li].text.size()).text;
    if (t.size() >= 2 && t.front() == U'(' && t.back() == U')') t = t.substr(1, t.size() - 2);
    Date d;
    if (!t.empty() && DateAt(t, 0, &d) == t.size() && plausible(d)) last = d;
  }
  return last;
}

// A heading of the section of `spec` printed with another number (「二、收到和处理…」 after the
// real 二): a numeral, 「、」 and the section's own title words. Returns the words' end or 0.
std::size_t MisnumberedHeadingAt(std::u32string_view t, std::size_t i, const HeadingSpec& spec) {
  if (i + 2 >= t.size() || kHanNumerals.find(t[i]) == std::u32string_view::npos ||
      (t[i + 1] != U'、' && t[i + 1] != U'.') ||
      t.compare(i + 2, spec.title_words.size(), spec.title_words) != 0) {
    return 0;
  }
  if (i > 0 && (t[i - 1] == U'第' || t[i - 1] == U'(' ||
                kHanNumerals.find(t[i - 1]) != std::u32string_view::npos)) {
    return 0;
  }
  return i + 2 + spec.title_words.size();
}

// The first heading of section n after `cursor` that `at` recognises (it returns the keyword's
// end, or 0): the first that starts a line, else the first inside running text.
template <typename HeadingMatcher>
std::optional<Heading> FindHeading(const std::vector<Line>& lines, const CompactDoc& doc,
                                   Place cursor, int n, HeadingMatcher at) {
  const HeadingSpec& spec = kHeadings[n - 1];
  std::optional<Heading> inline_match;
  for (std::size_t li = cursor.line; li < lines.size(); ++li) {
    const CompactDoc::View c =
        doc.LineView(li, li == cursor.line ? cursor.col : 0, lines[li].text.size());
    for (std::size_t i = 0; i < c.text.size(); ++i) {
      const std::size_t kw_end = at(c.text, i, spec);
      if (!kw_end) continue;
      std::size_t lead = 0;
      while (lead < i && c.text[lead] == U'#') ++lead;
      const bool line_start = lead == i && (li != cursor.line || cursor.col == 0);
      const std::size_t end = TitleEnd(c.text, i, kw_end, line_start);
      Heading h;
      h.number = n;
      if (c.text[i] != spec.numeral) h.printed = c.text[i];
      h.begin = c.at[i];
      h.title = std::u32string(c.text.substr(i + 2, end - i - 2));
      h.body = end < c.at.size() ? c.at[end] : Place{li + 1, 0};
      if (line_start) return h;
      if (!inline_match) inline_match = h;
    }
  }
  return inline_match;
}

}  // namespace

std::vector<Heading> FindHeadings(const std::vector<Line>& lines) {
  const CompactDoc doc(lines);
  std::vector<Heading> found;
  Place cursor;
  for (int n = 1; n <= 6; ++n) {
    std::optional<Heading> h = FindHeading(lines, doc, cursor, n, HeadingAt);
    if (!h) h = FindHeading(lines, doc, cursor, n, MisnumberedHeadingAt);
    if (h) {
      cursor = h->body;
      found.push_back(*h);
    }
  }
  return found;
}

Metadata ReadMetadata(const std::vector<Line>& lines, Place front_end) {
  Metadata meta;
  const CompactDoc all(lines);
  const Title title = FindTitle(lines, all, front_end);
  const SourcePos title_pos = PosOf(lines, title.at);
  if (title.found) {
    meta.year = title.year;
  } else {
    meta.findings.push_back(Notice(
        "PARSE-NO-TITLE", Finding::Severity::kWarning,
        "未找到报告标题（「××机关××××年政府信息公开工作年度报告」）。",
        "No report title (\"<agency> <year> 政府信息公开工作年度报告\") found.", SourcePos{1, 1}));
  }
  if (meta.year == 0) {
    meta.year = StatisticsYear(all);
    if (meta.year != 0) {
      meta.findings.push_back(
          Notice("PARSE-YEAR-FROM-PERIOD", Finding::Severity::kNotice,
                 "报告年度取自统计期限：" + std::to_string(meta.year) + "年。",
                 "Report year taken from the statistics period: " + std::to_string(meta.year) + ".",
                 SourcePos{}, std::to_string(meta.year)));
    } else if ((meta.year = MostMentionedYear(all)) != 0) {
      meta.findings.push_back(Notice("PARSE-YEAR-GUESSED", Finding::Severity::kWarning,
                                     "标题缺失，报告年度按正文中出现最多的年份推定为 " +
                                         std::to_string(meta.year) + " 年。请核对。",
                                     "No title; the report year is guessed as " +
                                         std::to_string(meta.year) +
                                         ", the year the text mentions most. Check it.",
                                     SourcePos{}, std::to_string(meta.year)));
    } else {
      meta.findings.push_back(Notice("PARSE-MISSING-YEAR", Finding::Severity::kError,
                                     "无法确定报告年度：标题和统计期限都没有写明。请补全标题。",
                                     "The report year cannot be told: neither the title nor the "
                                     "statistics period states it. Complete the title.",
                                     SourcePos{}));
    }
  }
  AgencyRead agency = ReadAgency(lines, all.text, title.agency, title_pos);
  meta.agency = std::move(agency.agency);
  for (auto& f : agency.findings) meta.findings.push_back(std::move(f));
  if (meta.agency.empty() && title.found) {
    meta.findings.push_back(
        Notice("PARSE-MISSING-AGENCY", Finding::Severity::kWarning,
               "报告标题、落款和页面信息都没有写明机关名称。",
               "Neither the title, the signature nor the page names the agency.", title_pos));
  }
  meta.published = Published(lines, all, front_end, meta.year);
  return meta;
}

}  // namespace gongkai::parse_internal
