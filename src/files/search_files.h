// Reading search's tables from the data directory: <data>/search/synonyms.tsv,
// stop-phrases.txt and pinyin-overrides.tsv (search/vocabulary.h describes them). A missing file
// is an empty table; a bad line is an error naming search/<file>:line. Stateless; safe from any
// thread.

#ifndef GONGKAI_FILES_SEARCH_FILES_H_
#define GONGKAI_FILES_SEARCH_FILES_H_

#include <filesystem>

#include "search/vocabulary.h"
#include "util/status.h"

namespace gongkai {

Result<SearchVocabulary> LoadSearchVocabulary(const std::filesystem::path& data_dir);

}  // namespace gongkai

#endif  // GONGKAI_FILES_SEARCH_FILES_H_
