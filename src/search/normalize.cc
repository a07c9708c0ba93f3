#include "search/normalize.h"

#include <unicode/uchar.h>

#include "search/transliterate.h"
#include "util/text.h"

namespace gongkai {
namespace {

// Appends the fold of `cp` to `out`; returns how many bytes were appended.
std::size_t AppendFold(std::string* out, char32_t cp) {
  std::size_t before = out->size();
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') out->push_back(static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out->push_back(c);
    return out->size() - before;
  }
  if (cp == kReplacementChar) return 0;
  for (char32_t f : search_internal::TransformCodePoint(search_internal::Transform::kFold, cp)) {
    if (f >= 'A' && f <= 'Z') f = f - 'A' + 'a';
    if (IsHan(f) || u_isalnum(static_cast<UChar32>(f))) AppendUtf8(out, f);
  }
  return out->size() - before;
}

}  // namespace

std::string NormalizeForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) AppendFold(&out, NextCodePoint(text, &pos));
  return out;
}

FoldedText FoldWithOffsets(std::string_view text) {
  FoldedText out;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t begin = pos;
    std::size_t added = AppendFold(&out.folded, NextCodePoint(text, &pos));
    out.source_begin.insert(out.source_begin.end(), added, begin);
    out.source_end.insert(out.source_end.end(), added, pos);
  }
  return out;
}

bool IsAsciiLetters(std::string_view normalized) {
  if (normalized.empty()) return false;
  for (char c : normalized) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace gongkai
