// Pinyin of titles, for people who type on a phone without switching to Chinese input: 营业执照
// reads yingyezhizhao, initials yyzz. Each Han character is read with ICU's "Han-Latin;
// Latin-ASCII" (tone marks dropped); ICU reads one character at a time and gets polyphones
// wrong (地 in 异地 → de, 行 in 银行 → xing), so a table of words (data/search/
// pinyin-overrides.tsv) wins wherever one of its words occurs, longest first.
//
// PinyinOverrides is immutable after parsing; share one. The functions are pure and safe from
// any thread (the ICU transliterator is cloned per thread).

#ifndef GONGKAI_SEARCH_PINYIN_H_
#define GONGKAI_SEARCH_PINYIN_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace gongkai {

// Words (Simplified, normalised) → their syllables, e.g. 异地 → {"yi", "di"}.
struct PinyinOverrides {
  std::map<std::string, std::vector<std::string>, std::less<>> words;
  std::size_t longest_word_chars = 0;
};

// Parses the override table: one `词<TAB>拼音` per line, syllables separated by spaces, one per
// character (`异地	yi di`); a line starting with '#' is a comment, blank lines are skipped.
// Errors name `file_name`:line and say what to fix: a missing tab, a syllable count that differs
// from the word's length, a syllable that is not ASCII letters, a word given twice.
Result<PinyinOverrides> ParsePinyinOverrides(std::string_view text, std::string_view file_name);

// The syllables of every Han character of `normalized` in order (other characters are skipped).
std::vector<std::string> Syllables(std::string_view normalized, const PinyinOverrides& overrides);

struct TitlePinyin {
  std::string full;      // "yingyezhizhao"
  std::string initials;  // "yyzz"
  // Index tokens: every suffix of `full` and of `initials` that starts at a syllable, cut to
  // kMaxPinyinTokenBytes; a prefix query on them finds any run of whole syllables or initials.
  std::vector<std::string> tokens;
};

inline constexpr std::size_t kMaxPinyinTokenBytes = 64;

// The pinyin of a (normalised) title.
TitlePinyin PinyinOf(std::string_view normalized_title, const PinyinOverrides& overrides);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_PINYIN_H_
