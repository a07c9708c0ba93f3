// Store-internal: the service catalogue keeps its documents in the search index inside its own
// write transactions (store/services.cc import, store/service_changes.cc publication), so the
// index never lags a committed write. Only store/ includes this (SOCI).

#ifndef GONGKAI_STORE_SERVICE_SEARCH_SQL_H_
#define GONGKAI_STORE_SERVICE_SEARCH_SQL_H_

#include <soci/soci.h>

#include <cstdint>
#include <span>
#include <string>

#include "search/pinyin.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai::internal {

// Brings the index up to date with the agency's items `codes` as they stand in this transaction
// (store/service_search.h says what is indexed): an indexed item is upserted, any other code
// removed. The caller holds the lock and owns the transaction; SOCI exceptions propagate.
Status IndexServiceItems(Database& db, soci::session& sql, const PinyinOverrides& pinyin,
                         int64_t agency_id, std::span<const std::string> codes);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_SERVICE_SEARCH_SQL_H_
