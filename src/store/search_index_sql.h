// Store-internal: the search index's writes at session level, for store code that keeps its
// items and their search documents in one transaction (e.g. the publications register inside
// its own RunInTransaction). The caller holds the Database's lock and owns the transaction;
// these functions only issue statements. Only files in store/ include this header (and SOCI).

#ifndef GONGKAI_STORE_SEARCH_INDEX_SQL_H_
#define GONGKAI_STORE_SEARCH_INDEX_SQL_H_

#include <soci/soci.h>

#include <string_view>

#include "search/document.h"
#include "search/pinyin.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// As SearchIndex::Upsert, on `sql` (db's session, inside the caller's transaction); `db` gives
// the dialect and the clock. kInvalidInput from CheckSearchDocument. SOCI exceptions propagate
// (RunInTransaction turns them into a Status and rolls the caller's transaction back).
Status UpsertSearchDocument(Database& db, soci::session& sql, const PinyinOverrides& pinyin,
                            const SearchDocument& doc);

// As SearchIndex::Remove, inside the caller's transaction.
Status RemoveSearchDocument(soci::session& sql, int64_t agency_id, SearchKind kind,
                            std::string_view ref);

}  // namespace gongkai

#endif  // GONGKAI_STORE_SEARCH_INDEX_SQL_H_
