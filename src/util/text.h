// Small UTF-8 helpers shared by the parsers and the web layer: decoding code points (invalid
// bytes become U+FFFD, never a crash), full-width → half-width folding that keeps one code point
// per code point (so columns still point into the source), ICU NFKC normalisation, and
// whitespace trimming and folding. Pure functions of their input; safe from any thread.

#ifndef GONGKAI_UTIL_TEXT_H_
#define GONGKAI_UTIL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at byte `*pos` of `s` and advances `*pos` past it. An invalid
// or truncated sequence yields U+FFFD and advances one byte. REQUIRES: *pos < s.size().
char32_t NextCodePoint(std::string_view s, std::size_t* pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates and values above U+10FFFF).
void AppendUtf8(std::string* out, char32_t cp);

// Number of code points in `s` (each invalid byte counts as one).
std::size_t CodePointCount(std::string_view s);

// Returns `s` with every invalid byte sequence replaced by U+FFFD.
std::string ToValidUtf8(std::string_view s);

// Full-width ASCII forms (U+FF01..U+FF5E) become their ASCII twins, the ideographic space
// (U+3000) and no-break space (U+00A0) become ' '. One code point in, one out: a column counted
// in the result is a column of the input. Everything else, and invalid bytes (as U+FFFD), passes.
std::string FoldWidth(std::string_view s);

// Unicode NFKC via ICU (full-width letters and digits, compatibility forms, circled numbers).
// Returns the input unchanged if ICU fails, which it does only on allocation failure.
std::string NormalizeNfkc(std::string_view s);

// True for ' ', '\t', '\n', '\r', '\f', '\v'.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `s` without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view s);

// Each run of ASCII whitespace becomes one ' '; leading and trailing whitespace is dropped.
std::string CollapseWhitespace(std::string_view s);

// `s` with all ASCII whitespace removed (Chinese text broken by layout: 「结果
// 维持」→「结果维持」).
std::string RemoveWhitespace(std::string_view s);

// `s` decoded to code points (invalid bytes as U+FFFD), and back.
std::u32string ToUtf32(std::string_view s);
std::string ToUtf8(std::u32string_view s);

// True for the CJK unified ideographs (basic block and extension A).
bool IsHan(char32_t cp);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_TEXT_H_
