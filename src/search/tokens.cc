#include "search/tokens.h"

#include "util/text.h"

namespace gongkai {
namespace {

// Calls han_run(code points) and word(text) for each run of `normalized`.
template <typename HanRun, typename Word>
void ForEachRun(std::string_view normalized, HanRun&& han_run, Word&& word) {
  std::u32string han;
  std::string other;
  auto flush = [&] {
    if (!han.empty()) han_run(han);
    if (!other.empty()) word(other);
    han.clear();
    other.clear();
  };
  for (std::size_t pos = 0; pos < normalized.size();) {
    std::size_t begin = pos;
    char32_t cp = NextCodePoint(normalized, &pos);
    if (IsHan(cp)) {
      if (!other.empty()) flush();
      han.push_back(cp);
    } else if (cp == '\n' || cp == ' ' || cp == kReplacementChar) {
      flush();
    } else {
      if (!han.empty()) flush();
      other.append(normalized.substr(begin, pos - begin));
    }
  }
  flush();
}

std::string Bigram(const std::u32string& run, std::size_t i) {
  std::string out;
  AppendUtf8(&out, run[i]);
  AppendUtf8(&out, run[i + 1]);
  return out;
}

}  // namespace

std::vector<SearchToken> Tokenize(std::string_view normalized) {
  std::vector<SearchToken> out;
  ForEachRun(
      normalized,
      [&](const std::u32string& run) {
        if (run.size() == 1) {
          out.push_back({ToUtf8(run), true});
          return;
        }
        for (std::size_t i = 0; i + 1 < run.size(); ++i) out.push_back({Bigram(run, i), true});
      },
      [&](const std::string& word) {
        std::string cut;
        for (std::size_t pos = 0; pos < word.size();) {
          std::size_t begin = pos;
          NextCodePoint(word, &pos);
          if (pos > kMaxWordBytes) break;  // never cut inside a UTF-8 sequence
          cut.append(word, begin, pos - begin);
        }
        out.push_back({cut, false});
      });
  return out;
}

std::vector<std::string> RequiredBigrams(std::string_view normalized) {
  std::vector<std::string> out;
  ForEachRun(
      normalized,
      [&](const std::u32string& run) {
        for (std::size_t i = 0; i + 1 < run.size(); ++i) out.push_back(Bigram(run, i));
      },
      [](const std::string&) {});
  return out;
}

}  // namespace gongkai
