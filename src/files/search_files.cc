#include "files/search_files.h"

#include <string>
#include <system_error>

#include "files/calendar_files.h"

namespace gongkai {
namespace {

// The file's text, or "" when it does not exist (an empty table).
Result<std::string> ReadOptional(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::string();
  return ReadFile(path);
}

}  // namespace

Result<SearchVocabulary> LoadSearchVocabulary(const std::filesystem::path& data_dir) {
  SearchVocabulary v;
  const std::filesystem::path dir = data_dir / "search";

  auto synonyms_text = ReadOptional(dir / "synonyms.tsv");
  if (!synonyms_text.ok()) return synonyms_text.status();
  auto synonyms = ParseSynonyms(*synonyms_text, "search/synonyms.tsv");
  if (!synonyms.ok()) return synonyms.status();
  v.synonym_groups = std::move(synonyms).value();

  auto stop_text = ReadOptional(dir / "stop-phrases.txt");
  if (!stop_text.ok()) return stop_text.status();
  auto stop = ParseStopPhrases(*stop_text, "search/stop-phrases.txt");
  if (!stop.ok()) return stop.status();
  v.stop_phrases = std::move(stop).value();

  auto pinyin_text = ReadOptional(dir / "pinyin-overrides.tsv");
  if (!pinyin_text.ok()) return pinyin_text.status();
  auto pinyin = ParsePinyinOverrides(*pinyin_text, "search/pinyin-overrides.tsv");
  if (!pinyin.ok()) return pinyin.status();
  v.pinyin = std::move(pinyin).value();
  return v;
}

}  // namespace gongkai
