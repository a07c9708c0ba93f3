// A search query as typed, turned into what the index is asked: normalised (search/normalize.h),
// stripped of stop-phrases (营业执照怎么办 → 营业执照; a query that is nothing but stop-phrases is
// kept whole), expanded by the synonym table (社保卡补办 → also 社会保险卡补办), and recognised as
// a code (search/codes.h) or as all-ASCII letters (pinyin or initials). Pure; safe from any thread.

#ifndef GONGKAI_SEARCH_QUERY_H_
#define GONGKAI_SEARCH_QUERY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/codes.h"
#include "search/vocabulary.h"

namespace gongkai {

// At most this many forms of one query are searched (the query and its synonym rewrites).
inline constexpr std::size_t kMaxQueryForms = 8;

struct SearchQuery {
  std::string raw;                    // as typed
  std::string normalized;             // after normalisation and stop-phrase stripping
  std::vector<std::string> forms;     // normalized first, then synonym rewrites; distinct
  std::optional<CanonicalCode> code;  // when the whole query reads as a code
  bool ascii_letters = false;         // normalized is all ASCII letters: also match pinyin
  bool empty() const { return normalized.empty(); }
};

// Parses `raw` with `vocabulary`. An empty result (empty() true) means nothing searchable
// was typed (only spaces or punctuation).
SearchQuery ParseSearchQuery(std::string_view raw, const SearchVocabulary& vocabulary);

// `normalized` with every run of six or more digits replaced by as many '#': the form a
// query is logged in, so phone and ID numbers are never stored.
std::string MaskLongDigitRuns(std::string_view normalized);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_QUERY_H_
