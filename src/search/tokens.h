// The one tokenizer of search, used for the index and for the query alike: over a normalised
// text (search/normalize.h), every run of Han characters gives its overlapping bigrams (营业执照 →
// 营业 业执 执照; a run of one character gives that character), every run of other letters and
// digits gives one word (cut to kMaxWordBytes). An FTS index over these tokens answers a query
// of n ≥ 2 Han characters exactly: the query's n-1 bigrams, consecutive, occur in a document's
// token stream only where the query occurs in its text. Pure; safe from any thread.

#ifndef GONGKAI_SEARCH_TOKENS_H_
#define GONGKAI_SEARCH_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// Words longer than this (in bytes) are cut: PostgreSQL refuses lexemes over 2047 bytes, and
// nobody searches for a 100-letter word.
inline constexpr std::size_t kMaxWordBytes = 96;

struct SearchToken {
  std::string text;
  bool han = false;  // a bigram or single Han character (false: a word of letters/digits)
};

// The tokens of `normalized`, in text order. Characters that are neither Han nor letters or
// digits (e.g. the '\n' joining fields) end a run and give no token.
std::vector<SearchToken> Tokenize(std::string_view normalized);

// The Han bigrams of `normalized` that any text containing it must also contain: those of each
// Han run of two or more characters. Empty when it has none (a single character, a word).
std::vector<std::string> RequiredBigrams(std::string_view normalized);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_TOKENS_H_
