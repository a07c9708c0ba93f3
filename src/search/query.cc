#include "search/query.h"

#include <algorithm>

#include "search/normalize.h"

namespace gongkai {
namespace {

std::string RemoveAll(std::string s, std::string_view phrase) {
  for (std::size_t pos = s.find(phrase); pos != std::string::npos; pos = s.find(phrase, pos)) {
    s.erase(pos, phrase.size());
  }
  return s;
}

std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t pos = s.find(from); pos != std::string_view::npos; pos = s.find(from, start)) {
    out.append(s.substr(start, pos - start));
    out.append(to);
    start = pos + from.size();
  }
  out.append(s.substr(start));
  return out;
}

}  // namespace

SearchQuery ParseSearchQuery(std::string_view raw, const SearchVocabulary& vocabulary) {
  SearchQuery q;
  q.raw = std::string(raw);
  std::string normalized = NormalizeForSearch(raw);
  std::string stripped = normalized;
  for (const auto& phrase : vocabulary.stop_phrases)
    stripped = RemoveAll(std::move(stripped), phrase);
  q.normalized = stripped.empty() ? normalized : stripped;
  if (q.normalized.empty()) return q;
  q.forms.push_back(q.normalized);
  for (const auto& group : vocabulary.synonym_groups) {
    // Longest terms first, and a term inside an already matched longer one is skipped: 住房公积金
    // rewrites to 公积金, not to 住房住房公积金.
    std::vector<std::string> terms = group;
    std::stable_sort(terms.begin(), terms.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<std::string> matched;
    for (const auto& term : terms) {
      if (q.normalized.find(term) == std::string::npos) continue;
      bool inside = std::any_of(matched.begin(), matched.end(), [&](const std::string& longer) {
        return longer.find(term) != std::string::npos;
      });
      if (inside) continue;
      matched.push_back(term);
      for (const auto& other : group) {
        if (other == term || q.forms.size() >= kMaxQueryForms) continue;
        std::string form = ReplaceAll(q.normalized, term, other);
        if (std::find(q.forms.begin(), q.forms.end(), form) == q.forms.end()) {
          q.forms.push_back(std::move(form));
        }
      }
    }
  }
  q.code = ParseCode(raw);
  q.ascii_letters = IsAsciiLetters(q.normalized);
  return q;
}

std::string MaskLongDigitRuns(std::string_view normalized) {
  std::string out(normalized);
  for (std::size_t i = 0; i < out.size();) {
    if (out[i] < '0' || out[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < out.size() && out[j] >= '0' && out[j] <= '9') ++j;
    if (j - i >= 6)
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(i),
                out.begin() + static_cast<std::ptrdiff_t>(j), '#');
    i = j;
  }
  return out;
}

}  // namespace gongkai
