// Highlighting a hit: the pieces of its title, and of a short snippet of its text, that match
// the query, as segments a renderer joins (wrapping marked ones in <mark>). Matching is done in
// the fold (search/normalize.h) and mapped back to the original text, so 營業執照 in a title is
// marked for the query 营业执照. Segments hold original, unescaped text: escaping is the
// renderer's job. Pure; safe from any thread.

#ifndef GONGKAI_SEARCH_HIGHLIGHT_H_
#define GONGKAI_SEARCH_HIGHLIGHT_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct HighlightSegment {
  std::string text;
  bool marked = false;
};

// `text` cut into segments, marking every occurrence of any of `forms` (normalised queries).
// One unmarked segment when nothing matches; empty when `text` is empty.
std::vector<HighlightSegment> Highlight(std::string_view text, std::span<const std::string> forms);

// A window of about `max_chars` code points of `text` around its first match of `forms`
// (its beginning when none matches), highlighted like Highlight; "…" segments mark cuts.
// Runs of whitespace in the window become one space.
inline constexpr std::size_t kSnippetChars = 80;
std::vector<HighlightSegment> Snippet(std::string_view text, std::span<const std::string> forms,
                                      std::size_t max_chars = kSnippetChars);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_HIGHLIGHT_H_
