#include "search/codes.h"

#include <algorithm>

#include "search/transliterate.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr std::string_view kOpen = "〔";
constexpr std::string_view kClose = "〕";
constexpr std::string_view kHao = "号";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperOrDigit(char c) { return IsDigit(c) || (c >= 'A' && c <= 'Z'); }
bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// 索引号: <code of letters/digits/hyphens>/<4-digit year>-<serial>.
bool IsIndexNumber(std::string_view c) {
  std::size_t slash = c.find('/');
  if (slash == std::string_view::npos || slash < 4) return false;
  std::string_view head = c.substr(0, slash);
  if (!std::all_of(head.begin(), head.end(), [](char x) { return IsUpperOrDigit(x) || x == '-'; }))
    return false;
  std::string_view tail = c.substr(slash + 1);
  return tail.size() >= 6 && AllDigits(tail.substr(0, 4)) && tail[4] == '-' &&
         AllDigits(tail.substr(5));
}

// 文号: <issuer with a Han character>〔<year>〕<number>号. Rewrites the number without leading
// zeros into `canonical`.
bool IsDocumentNumber(std::string_view c, std::string* canonical) {
  std::size_t open = c.find(kOpen);
  if (open == std::string_view::npos || open == 0) return false;
  std::size_t close = c.find(kClose, open);
  if (close != open + kOpen.size() + 4) return false;
  if (!AllDigits(c.substr(open + kOpen.size(), 4))) return false;
  std::string_view issuer = c.substr(0, open);
  bool has_han = false;
  for (std::size_t pos = 0; pos < issuer.size();) has_han |= IsHan(NextCodePoint(issuer, &pos));
  if (!has_han || issuer.find('/') != std::string_view::npos) return false;
  std::string_view rest = c.substr(close + kClose.size());
  if (rest.size() <= kHao.size() || rest.substr(rest.size() - kHao.size()) != kHao) return false;
  std::string_view number = rest.substr(0, rest.size() - kHao.size());
  if (number.starts_with("第")) number.remove_prefix(std::string_view("第").size());
  if (!AllDigits(number)) return false;
  while (number.size() > 1 && number.front() == '0') number.remove_prefix(1);
  *canonical =
      std::string(c.substr(0, close + kClose.size())) + std::string(number) + std::string(kHao);
  return true;
}

// 事项编码: twelve or more letters and digits, at least eight of them digits; or a 实施编码 of
// hyphen-joined parts (511A0138000000-511602000000-000-115113010833722043-1-00): twenty or more
// characters, no empty part — long enough that a phone number (0830-12345678) is not one.
bool IsItemCode(std::string_view c) {
  if (c.size() < 12 || c.size() > 64 || std::count_if(c.begin(), c.end(), IsDigit) < 8) {
    return false;
  }
  if (std::all_of(c.begin(), c.end(), IsUpperOrDigit)) return true;
  return c.size() >= 20 && c.front() != '-' && c.back() != '-' &&
         c.find("--") == std::string_view::npos &&
         std::all_of(c.begin(), c.end(), [](char ch) { return ch == '-' || IsUpperOrDigit(ch); });
}

}  // namespace

std::string CanonicalCodeText(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = NextCodePoint(text, &pos);
    const std::u32string& folded =
        cp < 0x80 ? std::u32string(1, cp)
                  : search_internal::TransformCodePoint(search_internal::Transform::kFold, cp);
    for (char32_t f : folded) {
      if (f < 0x80 && IsAsciiSpace(static_cast<char>(f))) continue;
      if (f == 0x3000 || f == kReplacementChar) continue;
      if (f >= 'a' && f <= 'z') f = f - 'a' + 'A';
      if (f == '[' || f == '(' || f == 0x3010 || f == 0x3014 || f == 0x3016) {
        out.append(kOpen);
      } else if (f == ']' || f == ')' || f == 0x3011 || f == 0x3015 || f == 0x3017) {
        out.append(kClose);
      } else {
        AppendUtf8(&out, f);
      }
    }
  }
  return out;
}

std::optional<CanonicalCode> ParseCode(std::string_view text) {
  std::string c = CanonicalCodeText(text);
  if (c.empty()) return std::nullopt;
  if (IsIndexNumber(c)) return CanonicalCode{CodeKind::kIndexNumber, c};
  std::string document_number;
  if (IsDocumentNumber(c, &document_number)) {
    return CanonicalCode{CodeKind::kDocumentNumber, document_number};
  }
  if (IsItemCode(c)) return CanonicalCode{CodeKind::kItemCode, c};
  return std::nullopt;
}

}  // namespace gongkai
