// Search normalisation: how the index and the query are folded so that the forms people type
// meet the forms offices publish. Each code point is folded on its own, in this order: NFKC
// (full-width letters and digits, compatibility forms), ICU "Traditional-Simplified" (營業執照 →
// 营业执照), ASCII lower case; what is left is kept when it is a letter or a digit and dropped
// otherwise (punctuation, spaces, line breaks), so a word broken across a line, or written with
// spaces or brackets, reads as one run. Applied alike to titles, bodies, queries and to the
// brute-force oracle of the tests, this fold is the definition of "contains" in the search
// contract (store/search_index.h).
//
// Pure functions; safe from any thread (each thread keeps its own clone of the ICU
// transliterator and its own cache of folded characters, invisible to callers).

#ifndef GONGKAI_SEARCH_NORMALIZE_H_
#define GONGKAI_SEARCH_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// `text` folded for matching (see above). Invalid UTF-8 bytes are dropped.
std::string NormalizeForSearch(std::string_view text);

// The fold of `text` with, for each byte of `folded`, the byte range [begin, end) of the
// source code point it came from, so a match found in the fold can be marked in the original.
struct FoldedText {
  std::string folded;
  std::vector<std::size_t> source_begin;  // size == folded.size()
  std::vector<std::size_t> source_end;    // size == folded.size()
};
FoldedText FoldWithOffsets(std::string_view text);

// True when `normalized` (a NormalizeForSearch result) is made only of ASCII letters.
bool IsAsciiLetters(std::string_view normalized);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_NORMALIZE_H_
