// An agency's 基层政务公开标准目录 (publications/standard_catalogue.h) in the store: the rows as
// last imported, and a hash-chained log (store/audit.h EventHash, with actor and time) of every
// import holding the catalogue as imported. An import replaces the whole catalogue in one
// transaction and bumps the agency's register_version, like the register's other writes.
//
// Items of the register link to a row by their category `local.<序号>`. While an agency has a
// catalogue, the register accepts no `local.` category outside it (CreatePublication,
// ChangePublication and ImportPublications refuse one, naming the item), and an import that
// would leave an item's `local.` category without its row is refused, naming the items.
// Thread-safe as the Database is.

#ifndef GONGKAI_STORE_STANDARD_CATALOGUE_H_
#define GONGKAI_STORE_STANDARD_CATALOGUE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "publications/standard_catalogue.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// Replaces the agency's catalogue with `rows`, in their order, and appends an `import` event
// naming `source` (the file). Returns the number of rows. kInvalidInput for no rows, a repeated
// 序号 or a row without 序号 or 一级事项 (StandardCatalogueFromRows never gives such rows);
// kConflict listing the items whose category would lose its row; kNotFound for an unknown agency.
Result<int> ImportStandardCatalogue(Database& db, int64_t agency_id,
                                    std::span<const StandardCatalogueRow> rows,
                                    std::string_view source, std::string_view actor);

// The agency's catalogue in imported order; empty when it has none.
Result<std::vector<StandardCatalogueRow>> GetStandardCatalogue(Database& db, int64_t agency_id);

// A row with the register's items filed under it.
struct StandardRowUse {
  StandardCatalogueRow row;
  int64_t items = 0;      // every item whose category is the row's key
  int64_t published = 0;  // of them, public: a 公开日期 on or before `today`
};
// Every row of the catalogue in imported order, with its counts.
Result<std::vector<StandardRowUse>> StandardCatalogueUse(Database& db, int64_t agency_id,
                                                         Date today);

struct StandardCatalogueEvent {
  int seq = 0;       // 1, 2, … within the agency
  std::string type;  // import
  std::string actor;
  std::string recorded_at;  // UTC, store/sql.h FormatUtc
  std::string payload;      // {"type", "source", "rows": [StandardRowJson, …]}
  std::string prev_hash, hash;
};
Result<std::vector<StandardCatalogueEvent>> StandardCatalogueEvents(Database& db,
                                                                    int64_t agency_id);
// The seq of the first event whose stored hashes do not hold, or nullopt when the chain holds.
Result<std::optional<int>> VerifyStandardCatalogueChain(Database& db, int64_t agency_id);

}  // namespace gongkai

#endif  // GONGKAI_STORE_STANDARD_CATALOGUE_H_
