#include "search/highlight.h"

#include <algorithm>
#include <utility>

#include "search/normalize.h"
#include "util/text.h"

namespace gongkai {
namespace {

// The source byte ranges of every match of `forms` in `text`, sorted and merged.
std::vector<std::pair<std::size_t, std::size_t>> MatchRanges(std::string_view text,
                                                             std::span<const std::string> forms) {
  FoldedText folded = FoldWithOffsets(text);
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const auto& form : forms) {
    if (form.empty()) continue;
    for (std::size_t pos = folded.folded.find(form); pos != std::string::npos;
         pos = folded.folded.find(form, pos + 1)) {
      ranges.emplace_back(folded.source_begin[pos], folded.source_end[pos + form.size() - 1]);
    }
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, r.second);
    } else {
      merged.push_back(r);
    }
  }
  return merged;
}

// Byte offset of code point number `n` of `text` (text.size() when past the end).
std::size_t ByteOfCodePoint(std::string_view text, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n && pos < text.size(); ++i) NextCodePoint(text, &pos);
  return pos;
}

}  // namespace

std::vector<HighlightSegment> Highlight(std::string_view text, std::span<const std::string> forms) {
  std::vector<HighlightSegment> out;
  std::size_t at = 0;
  for (const auto& [begin, end] : MatchRanges(text, forms)) {
    if (begin > at) out.push_back({std::string(text.substr(at, begin - at)), false});
    out.push_back({std::string(text.substr(begin, end - begin)), true});
    at = end;
  }
  if (at < text.size()) out.push_back({std::string(text.substr(at)), false});
  return out;
}

std::vector<HighlightSegment> Snippet(std::string_view text, std::span<const std::string> forms,
                                      std::size_t max_chars) {
  std::string flat = CollapseWhitespace(text);
  auto ranges = MatchRanges(flat, forms);
  std::size_t total = CodePointCount(flat);
  std::size_t first =
      ranges.empty() ? 0 : CodePointCount(std::string_view(flat).substr(0, ranges[0].first));
  std::size_t start = first > max_chars / 4 ? first - max_chars / 4 : 0;
  if (start + max_chars > total) start = total > max_chars ? total - max_chars : 0;
  std::size_t begin = ByteOfCodePoint(flat, start);
  std::size_t end = begin + ByteOfCodePoint(std::string_view(flat).substr(begin), max_chars);
  std::vector<HighlightSegment> out;
  if (begin > 0) out.push_back({"…", false});
  auto body = Highlight(std::string_view(flat).substr(begin, end - begin), forms);
  out.insert(out.end(), body.begin(), body.end());
  if (end < flat.size()) out.push_back({"…", false});
  return out;
}

}  // namespace gongkai
