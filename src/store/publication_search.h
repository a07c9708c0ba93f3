// The publications register (store/publications.h) in the search index (store/search_index.h):
// an item with a 公开日期 is one document of kind kPublication, ref its id, with its 索引号 and
// 文号 as exact codes, its title, summary, body and attachment text; an item without one is not
// in the index. The register's writers (create, change, withdrawal, expiry, repeal, attachment,
// import, the records register) keep the index current inside their own transactions
// (store/publication_search_sql.h), with the Database's search_pinyin(); the Sync functions
// below re-derive an item or an agency with a given vocabulary, and `gongkai search reindex`
// rebuilds it all through ListPublicationSearchDocuments (the source row in
// store/search_sources.cc). The index holds items dated after today too: readers ask for
// SearchOptions.until = their today (web/search_pages.h), as the catalogue filters.
//
// Plain functions over a Database; thread safety is the Database's.

#ifndef GONGKAI_STORE_PUBLICATION_SEARCH_H_
#define GONGKAI_STORE_PUBLICATION_SEARCH_H_

#include <cstdint>
#include <functional>
#include <string>

#include "search/document.h"
#include "search/vocabulary.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// The public page of an item: "/catalogue/3/items/17". The one place its form is decided.
std::string PublicationUrl(int64_t agency_id, int64_t id);

// Upserts item `id` of the agency when it has a 公开日期, removes it from the index otherwise
// (also when the item no longer exists).
Status SyncPublicationSearch(Database& db, const SearchVocabulary& vocabulary, int64_t agency_id,
                             int64_t id);

// SyncPublicationSearch for every item of the agency.
Status SyncAgencyPublicationsSearch(Database& db, const SearchVocabulary& vocabulary,
                                    int64_t agency_id);

// Calls `emit` with the document of every item with a 公开日期 of every agency.
Status ListPublicationSearchDocuments(Database& db,
                                      const std::function<Status(const SearchDocument&)>& emit);

}  // namespace gongkai

#endif  // GONGKAI_STORE_PUBLICATION_SEARCH_H_
