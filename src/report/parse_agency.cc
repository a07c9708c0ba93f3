// The agency a report is by. The title names it most often (「新华区…管理局2023年…报告」), but
// published titles shorten it, name only the place, or carry a typo, so the name is read from the
// best place and completed from the rest of the document:
//   1. the title (parse_structure.cc finds it); failing that the closing signature (the line
//      above the date that ends the report), failing that the page's 「发布机构」 field;
//   2. the place the body puts before it (「平顶山市」 + 「新华区…局」);
//   3. when the name is only a place (「平潭综合实验区」), the governing body the body names
//      after it (「平潭综合实验区管委会」, 「…县人民政府」);
//   4. known misprints (kMisprints) are read as what they stand for.
// Every step that changes what the title printed is a notice-level finding that quotes both;
// nothing is corrected silently. The page's 「来源」 field is not used: it names the website
// (fixture 003 says 「来源：平潭县人民政府」, a name the zone no longer uses).

#include <algorithm>
#include <map>

#include "report/parse_internal.h"
#include "util/text.h"

namespace gongkai::parse_internal {
namespace {

// A misprint seen in published reports, read as what it stands for. Only strings that are never
// right inside an agency's name belong here.
struct Misprint {
  std::u32string_view printed;
  std::u32string_view read;
  std::string_view kind_zh;
  std::string_view kind_en;
};
constexpr Misprint kMisprints[] = {
    // 沭阳县 (宿迁市, Jiangsu); there is no 沐阳. OCR and input methods confuse 沭 and 沐.
    {U"沐阳", U"沭阳", "地名误写", "misspelt place name"},
    // 亳州市 (Anhui); 毫 is the common slip for 亳.
    {U"毫州", U"亳州", "地名误写", "misspelt place name"},
    {U"大数数据", U"大数据", "重复字", "doubled character"},
    {U"人民政政府", U"人民政府", "重复字", "doubled character"},
    {U"人民人民政府", U"人民政府", "重复字", "doubled character"},
    {U"管理理局", U"管理局", "重复字", "doubled character"},
};

// Characters that end a place name (「平顶山市」, 「平潭综合实验区」).
bool IsPlaceSuffix(char32_t c) {
  static constexpr std::u32string_view kSuffixes = U"省市州县区盟旗";
  return kSuffixes.find(c) != std::u32string_view::npos;
}

// Characters that end an agency's name (「…局」, 「…人民政府」, 「…管委会」, 「…街道办事处」).
bool IsAgencySuffix(char32_t c) {
  static constexpr std::u32string_view kSuffixes = U"局委办厅院会府处所站队镇乡室部署心";
  return kSuffixes.find(c) != std::u32string_view::npos;
}

// Characters that cannot be part of a place name before an agency's (「现将」, 「请与」).
bool IsStopChar(char32_t c) {
  static constexpr std::u32string_view kStops =
      U"年度在于由对向与和的是为我及从把将请至经各全本该即其共现报告联系";
  return kStops.find(c) != std::u32string_view::npos;
}

// The governing bodies a place-only title stands for, longest first.
constexpr std::u32string_view kGoverningBodies[] = {U"管理委员会", U"人民政府", U"管委会"};

constexpr std::size_t kMaxPrefix = 8;
constexpr std::size_t kMinName = 3;
constexpr std::size_t kMaxName = 30;

bool LooksLikeAgency(std::u32string_view name) {
  return name.size() >= kMinName && name.size() <= kMaxName &&
         std::all_of(name.begin(), name.end(), IsHan) && IsAgencySuffix(name.back());
}

std::u32string Compacted(const Line& line) {
  std::u32string t;
  for (char32_t c : line.text) {
    if (c != U' ' && c != U'\t' && c != U'\r' && c != U'\v') t.push_back(c);
  }
  return t;
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A line holding only a date: 「2024年1月17日」, 「(2026年1月23日)」, 「2024-01-17」.
bool IsDateLine(std::u32string_view t) {
  if (t.size() >= 2 && t.front() == U'(' && t.back() == U')') t = t.substr(1, t.size() - 2);
  if (t.size() < 8 || !std::all_of(t.begin(), t.begin() + 4, IsDigit)) return false;
  return std::all_of(t.begin() + 4, t.end(), [](char32_t c) {
    return IsDigit(c) || c == U'年' || c == U'月' || c == U'日' || c == U'-';
  });
}

struct Candidate {
  std::u32string name;
  SourcePos pos;
};

// The signature: the agency's name on the last non-empty line above the last date-only line.
Candidate Signature(const std::vector<Line>& lines) {
  for (std::size_t li = lines.size(); li-- > 0;) {
    if (!IsDateLine(Compacted(lines[li]))) continue;
    for (std::size_t p = li; p-- > 0;) {
      const std::u32string t = Compacted(lines[p]);
      if (t.empty()) continue;
      if (LooksLikeAgency(t)) return {t, SourcePos{lines[p].number, 1}};
      return {};
    }
    return {};
  }
  return {};
}

// The page metadata field 「发布机构」 (fixture 012's first lines).
Candidate Publisher(const std::vector<Line>& lines) {
  constexpr std::u32string_view kLabel = U"发布机构";
  for (const Line& line : lines) {
    const std::size_t k = line.text.find(kLabel);
    if (k == std::u32string::npos) continue;
    std::size_t b = k + kLabel.size();
    while (b < line.text.size() && (line.text[b] == U' ' || line.text[b] == U'\t' ||
                                    line.text[b] == U':' || line.text[b] == U'|'))
      ++b;
    std::size_t e = b;
    while (e < line.text.size() && IsHan(line.text[e])) ++e;
    const std::u32string name = line.text.substr(b, e - b);
    if (LooksLikeAgency(name)) return {name, SourcePos{line.number, static_cast<int>(b) + 1}};
  }
  return {};
}

// The place prefix the body gives the agency (「平顶山市」 before 「新华区…局」), or empty.
std::u32string BodyPrefix(std::u32string_view body, const std::u32string& agency) {
  std::map<std::u32string, int> votes;
  if (agency.size() < kMinName) return {};
  for (std::size_t k = body.find(agency); k != std::u32string::npos; k = body.find(agency, k + 1)) {
    std::size_t b = k;
    while (b > 0 && k - b < kMaxPrefix && IsHan(body[b - 1]) && !IsStopChar(body[b - 1])) --b;
    const std::u32string prefix(body.substr(b, k - b));
    if (prefix.size() >= kMinName && IsPlaceSuffix(prefix.back())) ++votes[prefix];
  }
  std::u32string best;
  int best_votes = 0;
  for (const auto& [prefix, n] : votes) {
    if (n > best_votes || (n == best_votes && prefix.size() > best.size()))
      best = prefix, best_votes = n;
  }
  return best;
}

// For a name that is only a place: the governing body the body names right after it most often
// (「平潭综合实验区管委会办公室」 → 「管委会」), or empty.
std::u32string_view GoverningBody(std::u32string_view body, const std::u32string& place) {
  if (place.size() < kMinName || !IsPlaceSuffix(place.back())) return {};
  std::map<std::u32string_view, int> votes;
  for (std::size_t k = body.find(place); k != std::u32string::npos; k = body.find(place, k + 1)) {
    const std::u32string_view rest = body.substr(k + place.size());
    for (std::u32string_view g : kGoverningBodies) {
      if (rest.starts_with(g)) {
        ++votes[g];
        break;
      }
    }
  }
  std::u32string_view best;
  int best_votes = 0;
  for (std::u32string_view g : kGoverningBodies) {
    const auto it = votes.find(g);
    if (it != votes.end() && it->second > best_votes) best = g, best_votes = it->second;
  }
  return best;
}

}  // namespace

AgencyRead ReadAgency(const std::vector<Line>& lines, std::u32string_view body,
                      std::u32string_view title_agency, SourcePos title_pos) {
  AgencyRead read;
  Candidate from{std::u32string(title_agency), title_pos};
  if (from.name.empty()) {
    const Candidate signature = Signature(lines);
    const Candidate publisher = Publisher(lines);
    const bool by_signature = !signature.name.empty();
    from = by_signature ? signature : publisher;
    if (from.name.empty()) return read;
    const std::string name = ToUtf8(from.name);
    read.findings.push_back(
        Notice("PARSE-AGENCY-ELSEWHERE", Finding::Severity::kNotice,
               std::string("标题没有写明机关名称，按") +
                   (by_signature ? "落款" : "页面「发布机构」") + "读作「" + name + "」。",
               std::string("The title names no agency; read as \"") + name + "\" from the " +
                   (by_signature ? "closing signature." : "page's 发布机构 field."),
               from.pos, "", name));
  }
  std::u32string name = from.name;

  const std::u32string prefix = BodyPrefix(body, name);
  if (!prefix.empty()) {
    const std::string printed = ToUtf8(name);
    name = prefix + name;
    read.findings.push_back(Notice(
        "PARSE-AGENCY-FULL-NAME", Finding::Severity::kNotice,
        "标题中的机关名称为「" + printed + "」，正文中的全称为「" + ToUtf8(name) + "」，采用全称。",
        "The title names the agency \"" + printed + "\"; the body gives its full name \"" +
            ToUtf8(name) + "\", which is used.",
        from.pos, printed, ToUtf8(name)));
  }
  if (const std::u32string_view governing = GoverningBody(body, name); !governing.empty()) {
    const std::string printed = ToUtf8(name);
    name += governing;
    read.findings.push_back(Notice(
        "PARSE-AGENCY-FULL-NAME", Finding::Severity::kNotice,
        "标题只写了地名「" + printed + "」，正文称其机关为「" + ToUtf8(name) + "」，采用后者。",
        "The title names only the place \"" + printed + "\"; the body calls the agency \"" +
            ToUtf8(name) + "\", which is used.",
        from.pos, printed, ToUtf8(name)));
  }

  for (const Misprint& m : kMisprints) {
    const std::size_t k = name.find(m.printed);
    if (k == std::u32string::npos) continue;
    const std::string before = ToUtf8(name);
    name.replace(k, m.printed.size(), m.read);
    read.findings.push_back(
        Notice("PARSE-AGENCY-MISPRINT", Finding::Severity::kNotice,
               "机关名称原文为「" + ToUtf8(m.printed) + "」，按「" + ToUtf8(m.read) + "」识别（" +
                   std::string(m.kind_zh) + "）：「" + before + "」读作「" + ToUtf8(name) + "」。",
               "The agency's name prints \"" + ToUtf8(m.printed) + "\", read as \"" +
                   ToUtf8(m.read) + "\" (" + std::string(m.kind_en) + "): \"" + before +
                   "\" is read as \"" + ToUtf8(name) + "\".",
               from.pos, before, ToUtf8(name)));
  }
  read.agency = ToUtf8(name);
  return read;
}

}  // namespace gongkai::parse_internal
