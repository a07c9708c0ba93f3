#include "search/vocabulary.h"

#include <fmt/format.h>

#include <algorithm>

#include "search/normalize.h"
#include "util/text.h"

namespace gongkai {
namespace {

// Calls fn(line_no, trimmed line) for every line that is neither blank nor a '#' comment; stops
// at the first error.
template <typename F>
Status ForEachLine(std::string_view text, F&& fn) {
  int line_no = 0;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (Status s = fn(line_no, line); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::vector<std::string>>> ParseSynonyms(std::string_view text,
                                                            std::string_view file_name) {
  std::vector<std::vector<std::string>> groups;
  Status s = ForEachLine(text, [&](int line_no, std::string_view line) {
    auto where = fmt::format("{}:{}: ", file_name, line_no);
    std::vector<std::string> group;
    for (std::size_t start = 0; start <= line.size();) {
      std::size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) tab = line.size();
      std::string_view raw = Trim(line.substr(start, tab - start));
      start = tab + 1;
      if (raw.empty()) continue;
      std::string term = NormalizeForSearch(raw);
      if (term.empty()) {
        return Status::InvalidInput(where +
                                    fmt::format("“{}”只有标点或空格：请写出同义词本身", raw));
      }
      if (CodePointCount(term) < 2) {
        return Status::InvalidInput(
            where + fmt::format("“{}”太短：同义词至少两个字，单字替换会改变太多查询", raw));
      }
      if (std::find(group.begin(), group.end(), term) == group.end()) group.push_back(term);
    }
    if (group.size() < 2) {
      return Status::InvalidInput(
          where + "一组同义词至少要有两个不同的词，用制表符分开，例如“户口	户籍”");
    }
    groups.push_back(std::move(group));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return groups;
}

Result<std::vector<std::string>> ParseStopPhrases(std::string_view text,
                                                  std::string_view file_name) {
  std::vector<std::string> phrases;
  Status s = ForEachLine(text, [&](int line_no, std::string_view line) {
    std::string phrase = NormalizeForSearch(line);
    if (phrase.empty()) {
      return Status::InvalidInput(fmt::format(
          "{}:{}: “{}”只有标点或空格：请写出要从查询中去掉的词语", file_name, line_no, line));
    }
    if (std::find(phrases.begin(), phrases.end(), phrase) == phrases.end()) {
      phrases.push_back(std::move(phrase));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return phrases;
}

}  // namespace gongkai
