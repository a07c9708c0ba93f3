#include "search/pinyin.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "search/normalize.h"
#include "search/transliterate.h"
#include "util/text.h"

namespace gongkai {
namespace {

// The lower-case ASCII letters of ICU's reading of `cp` ("" when it has none).
std::string IcuSyllable(char32_t cp) {
  std::string out;
  for (char32_t c : search_internal::TransformCodePoint(search_internal::Transform::kPinyin, cp)) {
    if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c));
  }
  return out;
}

bool IsSyllable(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::string current;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace

Result<PinyinOverrides> ParsePinyinOverrides(std::string_view text, std::string_view file_name) {
  PinyinOverrides out;
  int line_no = 0;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    auto where = fmt::format("{}:{}: ", file_name, line_no);
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::InvalidInput(
          where + "缺少制表符：每行应为“词<Tab>拼音”，拼音按字用空格分开，例如“异地	yi di”");
    }
    std::string word = NormalizeForSearch(line.substr(0, tab));
    std::u32string chars = ToUtf32(word);
    if (chars.empty() || !std::all_of(chars.begin(), chars.end(), IsHan)) {
      return Status::InvalidInput(
          where + fmt::format("“{}”不是汉字词：读音表只收汉字词", line.substr(0, tab)));
    }
    std::vector<std::string> syllables = SplitSpaces(line.substr(tab + 1));
    if (syllables.size() != chars.size()) {
      return Status::InvalidInput(
          where + fmt::format("“{}”有 {} 个字，却给了 {} 个音节：请每个字给一个音节，用空格分开",
                              word, chars.size(), syllables.size()));
    }
    for (const auto& s : syllables) {
      if (!IsSyllable(s)) {
        return Status::InvalidInput(
            where + fmt::format("音节“{}”只能由英文字母组成（不带声调，ü 写作 v 或 u）", s));
      }
    }
    if (out.words.contains(word)) {
      return Status::InvalidInput(where + fmt::format("“{}”重复出现：请只保留一行", word));
    }
    out.longest_word_chars = std::max(out.longest_word_chars, chars.size());
    out.words.emplace(std::move(word), std::move(syllables));
  }
  return out;
}

std::vector<std::string> Syllables(std::string_view normalized, const PinyinOverrides& overrides) {
  std::u32string chars = ToUtf32(normalized);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < chars.size();) {
    if (!IsHan(chars[i])) {
      ++i;
      continue;
    }
    std::size_t longest = std::min(overrides.longest_word_chars, chars.size() - i);
    bool matched = false;
    for (std::size_t len = longest; len >= 1 && !matched; --len) {
      auto it = overrides.words.find(ToUtf8(std::u32string_view(chars).substr(i, len)));
      if (it == overrides.words.end()) continue;
      out.insert(out.end(), it->second.begin(), it->second.end());
      i += len;
      matched = true;
    }
    if (matched) continue;
    std::string syllable = IcuSyllable(chars[i]);
    if (!syllable.empty()) out.push_back(std::move(syllable));
    ++i;
  }
  return out;
}

TitlePinyin PinyinOf(std::string_view normalized_title, const PinyinOverrides& overrides) {
  std::vector<std::string> syllables = Syllables(normalized_title, overrides);
  TitlePinyin out;
  std::vector<std::size_t> starts;
  for (const auto& s : syllables) {
    starts.push_back(out.full.size());
    out.full += s;
    out.initials.push_back(s.front());
  }
  std::set<std::string> seen;
  auto add = [&](std::string token) {
    if (token.size() > kMaxPinyinTokenBytes) token.resize(kMaxPinyinTokenBytes);
    if (seen.insert(token).second) out.tokens.push_back(std::move(token));
  };
  for (std::size_t i = 0; i < syllables.size(); ++i) {
    add(out.full.substr(starts[i]));
    add(out.initials.substr(i));
  }
  return out;
}

}  // namespace gongkai
