// Store-internal: the publications register keeps its documents in the search index inside its
// own write transactions (store/publications.cc, store/records.cc), so the index never lags a
// committed write and a refused write leaves it untouched. Only store/ includes this (SOCI).

#ifndef GONGKAI_STORE_PUBLICATION_SEARCH_SQL_H_
#define GONGKAI_STORE_PUBLICATION_SEARCH_SQL_H_

#include <soci/soci.h>

#include <cstdint>

#include "search/pinyin.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai::internal {

// Brings the index up to date with the agency's items first_id … last_id as they stand in
// this transaction (store/publication_search.h says what an item's document is): a published
// item is upserted, any other removed. Titles get their pinyin with `pinyin`. The caller holds
// the lock and owns the transaction; SOCI exceptions propagate to its RunInTransaction.
Status IndexPublications(Database& db, soci::session& sql, const PinyinOverrides& pinyin,
                         int64_t agency_id, int64_t first_id, int64_t last_id);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_PUBLICATION_SEARCH_SQL_H_
