// The owners of searchable content, as one explicit table: each source lists every document it
// wants indexed, and `gongkai search reindex` replaces the index's documents of the source's
// kinds with what it lists (then rebuilds the derived entries of all documents). Owners also
// keep the index current as they write (store/search_index_sql.h); reindex is the repair and
// the migration path. To add a source (the publications register: kind kPublication; service
// guides: kService), write its List function in its own store file and add one row to
// kSearchSources in store/search_sources.cc.

#ifndef GONGKAI_STORE_SEARCH_SOURCES_H_
#define GONGKAI_STORE_SEARCH_SOURCES_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/document.h"
#include "search/vocabulary.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

struct SearchSource {
  std::string_view name;          // shown by reindex, e.g. "公开信息"
  std::vector<SearchKind> kinds;  // the kinds it owns in the index
  // Calls `emit` for every document the source wants indexed; stops at the first error.
  std::function<Status(Database& db, const std::function<Status(const SearchDocument&)>& emit)>
      list;
};

// Every registered source. Empty until an owner registers (see above).
std::span<const SearchSource> SearchSources();

struct ReindexReport {
  std::vector<std::pair<std::string, int64_t>> per_source;  // source name → documents indexed
  int64_t rebuilt = 0;  // every stored document, re-derived with the current vocabulary
};

// Reindexes every source of `sources` in one transaction each (see above); then rebuilds the
// derived entry of every stored document, so kinds no source owns yet also pick up a changed
// pinyin table. The first error stops it; what was committed stays.
Result<ReindexReport> Reindex(Database& db, const SearchVocabulary& vocabulary,
                              std::span<const SearchSource> sources);

}  // namespace gongkai

#endif  // GONGKAI_STORE_SEARCH_SOURCES_H_
