// The lexer of report tables. Published tables reach us flattened by copy-paste, HTML-to-text,
// PDF-to-text and markdown converters, so a cell boundary may be a tab, a pipe, a run of spaces,
// a line break, or nothing at all (「行政规范性文件693665」). The lexer keeps what can be known —
// which characters are label text and which are values, and where each stood — and leaves the
// meaning of a run of digits to the table readers, which know how many cells a row has.

#include <algorithm>
#include <array>

#include "report/parse_internal.h"
#include "util/text.h"

namespace gongkai::parse_internal {
namespace {

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\v' || c == U'\r'; }

std::u32string_view TrimU(std::u32string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::u32string WithoutSpaces(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s) {
    if (!IsSpace(c)) out.push_back(c);
  }
  return out;
}

// Units typed into number cells (「160.5964万元」): the cell is then text, but one cell.
constexpr std::array<std::u32string_view, 7> kUnits{U"万元", U"元", U"件", U"项",
                                                    U"条",   U"个", U"%"};
// A number followed by one of these is a date or an ordinal in running text, not a cell.
constexpr std::u32string_view kDateMarks = U"年月日号时";

// Length of the number starting at t[i]: digits, thousands groups, one decimal part.
std::size_t ScanNumber(std::u32string_view t, std::size_t i, bool* plain_digits) {
  std::size_t j = i;
  *plain_digits = true;
  if (j < t.size() && t[j] == U'-') ++j;
  while (j < t.size() && IsDigit(t[j])) ++j;
  while (j + 3 < t.size() + 0 && t[j] == U',' && IsDigit(t[j + 1]) && IsDigit(t[j + 2]) &&
         IsDigit(t[j + 3]) && (j + 4 >= t.size() || !IsDigit(t[j + 4]))) {
    j += 4;
    *plain_digits = false;
  }
  if (j + 1 < t.size() && t[j] == U'.' && IsDigit(t[j + 1])) {
    *plain_digits = false;
    ++j;
    while (j < t.size() && IsDigit(t[j])) ++j;
  }
  if (t[i] == U'-') *plain_digits = false;
  return j - i;
}

std::size_t UnitAt(std::u32string_view t, std::size_t i) {
  for (auto u : kUnits) {
    if (t.substr(i, u.size()) == u) return u.size();
  }
  return 0;
}

// True for page numbers and page footers a PDF or a web page leaves inside a table.
bool IsPageChrome(std::u32string_view t) {
  const std::u32string_view trimmed = TrimU(t);
  if (trimmed.empty() ||
      (trimmed.front() != U'-' && trimmed.front() != U'—' && trimmed.front() != U'第'))
    return false;  // the common case, decided without a copy
  const std::u32string s = WithoutSpaces(t);
  if (s.empty() || s.size() > 16) return false;
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    return i > from;
  };
  if (s.front() == U'-' || s.front() == U'—') {  // -3-
    i = 1;
    return digits() && i + 1 == s.size() && (s[i] == U'-' || s[i] == U'—');
  }
  if (s.front() == U'第') {  // 第3页 / 第3页共5页
    i = 1;
    if (!digits() || i >= s.size() || s[i] != U'页') return false;
    ++i;
    if (i == s.size()) return true;
    if (s[i] != U'共') return false;
    ++i;
    return digits() && i + 1 == s.size() && s[i] == U'页';
  }
  return false;
}

// A markdown table rule: 「|---|:--|」.
bool IsMarkdownRule(std::u32string_view t) {
  int dashes = 0;
  for (char32_t c : t) {
    if (c == U'-') {
      ++dashes;
    } else if (c != U'|' && c != U':' && !IsSpace(c)) {
      return false;
    }
  }
  return dashes >= 3;
}

class LineLexer {
 public:
  LineLexer(const Line& line, std::vector<Token>* out) : line_(line), out_(out) {}

  void Run(std::size_t from, std::size_t to) {
    std::u32string_view seg(line_.text);
    seg = seg.substr(from, to - from);
    if (IsMarkdownRule(seg) || IsPageChrome(seg)) return;
    std::size_t start = 0;
    while (start < seg.size() && (IsSpace(seg[start]) || seg[start] == U'#')) ++start;
    const bool separated = seg.find_first_of(U"\t|") != std::u32string_view::npos;
    // A pipe at either edge of the line (「| 规章 | 0 |」, 「0 |」) closes a cell; it opens none.
    std::size_t stop = seg.size();
    while (stop > start && IsSpace(seg[stop - 1])) --stop;
    if (stop > start && seg[stop - 1] == U'|') --stop;
    if (start < stop && seg[start] == U'|') ++start;
    seg = seg.substr(0, stop);
    if (start >= stop) return;
    std::size_t i = start;
    while (i <= seg.size()) {
      std::size_t end = i;
      std::size_t next = 0;
      if (separated) {
        end = seg.find_first_of(U"\t|", i);
        if (end == std::u32string_view::npos) end = seg.size();
        next = end + 1;
      } else {
        end = seg.find(U"  ", i);
        if (end == std::u32string_view::npos) end = seg.size();
        next = end;
        while (next < seg.size() && IsSpace(seg[next])) ++next;
        if (next == end) next = end + 1;
      }
      Field(seg.substr(i, end - i), from + i, separated);
      if (end >= seg.size()) break;
      i = next;
    }
  }

 private:
  SourcePos PosAt(std::size_t col) const {
    return SourcePos{line_.number, static_cast<int>(col) + 1};
  }

  void Emit(Token::Kind kind, std::u32string text, std::size_t col) {
    out_->push_back(Token{kind, std::move(text), PosAt(col)});
  }

  // A field whose whole text is numbers (and an optional unit), possibly several separated by
  // spaces: its values. Otherwise false.
  bool PureValues(std::u32string_view f, std::size_t base) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t i = 0;
    while (i < f.size()) {
      if (IsSpace(f[i])) {
        ++i;
        continue;
      }
      if (!IsDigit(f[i]) && !(f[i] == U'-' && i + 1 < f.size() && IsDigit(f[i + 1]))) {
        return false;
      }
      bool plain = false;
      std::size_t len = ScanNumber(f, i, &plain);
      len += UnitAt(f, i + len);
      spans.emplace_back(i, len);
      i += len;
      if (i < f.size() && !IsSpace(f[i])) return false;
    }
    for (const auto& [at, len] : spans)
      Emit(Token::Kind::kValue, std::u32string(f.substr(at, len)), base + at);
    return !spans.empty();
  }

  void Field(std::u32string_view raw, std::size_t col, bool separated) {
    std::size_t lead = 0;
    while (lead < raw.size() && IsSpace(raw[lead])) ++lead;
    const std::u32string_view f = TrimU(raw);
    col += lead;
    if (f.empty()) {
      if (separated) Emit(Token::Kind::kEmpty, U"", col);
      return;
    }
    if (IsNotApplicable(f)) {
      Emit(Token::Kind::kValue, WithoutSpaces(f), col);
      return;
    }
    if (IsPageChrome(f)) return;
    if (PureValues(f, col)) return;
    if (separated) {  // a cell of a real table: label text, digits and all (「数据1」)
      Emit(Token::Kind::kText, WithoutSpaces(f), col);
      return;
    }
    Pieces(f, col);
  }

  // Cuts a run of label text and digits into pieces (layouts with no cell separators).
  void Pieces(std::u32string_view t, std::size_t base) {
    std::u32string text;
    std::size_t text_col = 0;
    const auto flush = [&] {
      if (!text.empty()) Emit(Token::Kind::kText, std::move(text), base + text_col);
      text.clear();
    };
    const auto add_text = [&](std::size_t at, std::u32string_view s) {
      if (text.empty()) text_col = at;
      for (char32_t c : s) {
        if (!IsSpace(c)) text.push_back(c);
      }
    };
    std::size_t i = 0;
    while (i < t.size()) {
      const char32_t c = t[i];
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      if (!IsDigit(c)) {
        add_text(i, t.substr(i, 1));
        ++i;
        continue;
      }
      bool plain = false;
      std::size_t j = i + ScanNumber(t, i, &plain);
      // 「…00000002.其他法律…」: the last digit numbers the next label.
      if (plain && j < t.size() && (t[j] == U'.' || t[j] == U'、')) {
        if (j - 1 > i) {
          flush();
          Emit(Token::Kind::kValue, std::u32string(t.substr(i, j - 1 - i)), base + i);
        }
        add_text(j - 1, t.substr(j - 1, 2));
        i = j + 1;
        continue;
      }
      std::size_t m = j;
      while (m < t.size() && IsSpace(t[m])) ++m;
      if (m < t.size() && kDateMarks.find(t[m]) != std::u32string_view::npos) {
        add_text(i, t.substr(i, j - i));
        i = j;
        continue;
      }
      if (const std::size_t unit = UnitAt(t, m)) j = m + unit;
      flush();
      Emit(Token::Kind::kValue, WithoutSpaces(t.substr(i, j - i)), base + i);
      i = j;
    }
    flush();
  }

  const Line& line_;
  std::vector<Token>* out_;
};

}  // namespace

char32_t ThreeByteAt(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  const char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return cp;
}

void AppendUtf8Run(std::string* out, std::u32string_view s) {
  std::size_t at = out->size();
  out->resize(at + 4 * s.size());
  char* p = out->data() + at;
  for (char32_t cp : s) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
    if (cp < 0x80) {
      *p++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      *p++ = static_cast<char>(0xC0 | (cp >> 6));
      *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *p++ = static_cast<char>(0xE0 | (cp >> 12));
      *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *p++ = static_cast<char>(0xF0 | (cp >> 18));
      *p++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *p++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  at = static_cast<std::size_t>(p - out->data());
  out->resize(at);
}

// One pass from bytes to width-folded lines of code points (FoldWidth's folding, done here to
// spare building the folded UTF-8 and decoding it again: decoding was a third of parsing).
std::vector<Line> SplitLines(std::string_view utf8) {
  std::vector<Line> lines;
  lines.reserve(static_cast<std::size_t>(std::count(utf8.begin(), utf8.end(), '\n')) + 1);
  std::size_t i = utf8.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte-order mark
  std::u32string current;
  int number = 1;
  while (i < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    char32_t c = byte;
    if (byte < 0x80) {
      ++i;
    } else if (const char32_t han = ThreeByteAt(utf8, i)) {  // CJK text: nearly every character
      c = han;
      i += 3;
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c = c - 0xFF01 + 0x21;
      } else if (c == 0x3000) {
        c = U' ';
      }
    } else {
      c = NextCodePoint(utf8, &i);
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c = c - 0xFF01 + 0x21;
      } else if (c == 0x3000 || c == 0x00A0) {
        c = U' ';
      }
    }
    if (c == U'\n' || c == U'\r' || c == U'\f') {
      if (c == U'\r' && i < utf8.size() && utf8[i] == '\n') ++i;
      lines.push_back(Line{std::move(current), number++});
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  lines.push_back(Line{std::move(current), number});
  return lines;
}

std::vector<Token> Lex(const std::vector<Line>& lines, Place begin, Place end) {
  std::vector<Token> tokens;
  for (std::size_t li = begin.line; li < lines.size() && li <= end.line; ++li) {
    const Line& line = lines[li];
    const std::size_t from = li == begin.line ? std::min(begin.col, line.text.size()) : 0;
    const std::size_t to = li == end.line ? std::min(end.col, line.text.size()) : line.text.size();
    if (from < to) LineLexer(line, &tokens).Run(from, to);
    tokens.push_back(Token{Token::Kind::kLineEnd, U"", SourcePos{line.number, 0}});
  }
  return tokens;
}

bool IsNotApplicable(std::u32string_view text) {
  static constexpr std::array<std::u32string_view, 10> kMarks{U"/",  U"-", U"—",  U"–",      U"——",
                                                              U"--", U"―", U"无", U"不适用", U"\\"};
  constexpr std::size_t kLongestWithSpaces = 8;  // 「不 适 用」 and the like
  if (TrimU(text).size() > kLongestWithSpaces) return false;
  const std::u32string s = WithoutSpaces(text);
  return std::find(kMarks.begin(), kMarks.end(), s) != kMarks.end();
}

Cell ClassifyCell(std::u32string_view text, SourcePos pos) {
  Cell cell;
  cell.pos = pos;
  const std::u32string s = WithoutSpaces(text);
  AppendUtf8Run(&cell.raw, s);
  if (s.empty()) {
    cell.kind = Cell::Kind::kBlank;
    return cell;
  }
  if (IsNotApplicable(s)) {
    cell.kind = Cell::Kind::kNotApplicable;
    return cell;
  }
  bool plain = false;
  if ((IsDigit(s[0]) || (s[0] == U'-' && s.size() > 1 && IsDigit(s[1]))) &&
      ScanNumber(s, 0, &plain) == s.size()) {
    std::string ascii;
    for (char32_t c : s) {
      if (c != U',') ascii.push_back(static_cast<char>(c));
    }
    cell.kind = Cell::Kind::kNumber;
    cell.number = std::stod(ascii);
    return cell;
  }
  cell.kind = Cell::Kind::kText;
  return cell;
}

std::u32string StripNumbering(std::u32string_view label) {
  std::u32string_view s = label;
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    std::size_t i = 0;
    if (s[0] == U'(') {
      i = 1;
      while (i < s.size() &&
             (kHanNumerals.find(s[i]) != std::u32string_view::npos || IsDigit(s[i])))
        ++i;
      if (i > 1 && i < s.size() && s[i] == U')') {
        s.remove_prefix(i + 1);
        changed = true;
      }
      continue;
    }
    while (i < s.size() && (kHanNumerals.find(s[i]) != std::u32string_view::npos || IsDigit(s[i])))
      ++i;
    if (i > 0 && i < s.size() && (s[i] == U'、' || s[i] == U'.')) {
      s.remove_prefix(i + 1);
      changed = true;
    }
  }
  return std::u32string(s);
}

std::size_t CommonSubsequence(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace gongkai::parse_internal
