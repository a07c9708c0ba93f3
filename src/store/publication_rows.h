// Store-internal: writing items of the publications register under an open transaction, shared
// by store/publications.cc and store/records.cc (which keeps the 规章/行政规范性文件 register on
// top of it), so the row mapping, the 索引号 counter, the event chain, the report-year lock and
// the register_version bump are written once.

#ifndef GONGKAI_STORE_PUBLICATION_ROWS_H_
#define GONGKAI_STORE_PUBLICATION_ROWS_H_

#include <soci/soci.h>

#include <span>
#include <string_view>
#include <vector>

#include "publications/item.h"
#include "store/publications.h"

namespace gongkai::internal {

// Inserts `items` (already checked with CheckPublication) with ids after the agency's last,
// assigning 索引号 to published items without one, appending one `create` event each,
// bumping register_version and indexing the published ones for search (db.search_pinyin()); the
// rows and events are recorded in the audit ledger (store/ledger_rows.h). kConflict for a 索引号
// already used or a locked report year. Returns the new ids in order.
Result<std::vector<int64_t>> InsertPublications(Database& db, soci::session& sql,
                                                long long agency_id,
                                                std::span<const Publication> items,
                                                std::string_view actor, std::string_view now);

// The agency's items of `kinds` (all kinds when empty), by created date then id, without
// attachments.
std::vector<StoredPublication> SelectPublications(soci::session& sql, long long agency_id,
                                                  std::span<const PublicationKind> kinds);

// kInvalidInput naming each item whose `local.` category is not a row of the agency's
// 基层政务公开标准目录 (store/standard_catalogue.h); OK when the agency has no catalogue.
// Defined in store/standard_catalogue.cc.
Status CheckStandardCategories(soci::session& sql, long long agency_id,
                               std::span<const Publication> items);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_PUBLICATION_ROWS_H_
