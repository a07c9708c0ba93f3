// Store-internal: reading and writing the rows of the service catalogue (migration 13), shared by
// the catalogue (store/services.cc) and its changes (store/service_changes.cc). Every function
// runs on an open session under the Database's lock and throws soci errors.

#ifndef GONGKAI_STORE_SERVICE_ROWS_H_
#define GONGKAI_STORE_SERVICE_ROWS_H_

#include <soci/soci.h>

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "services/item.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/users.h"
#include "util/status.h"

namespace gongkai::internal {

// Stored versions, by seq. `code` limits them to one item; `current_only` to the versions the
// current rows point at. kInternal naming the row when a stored item does not parse.
Result<std::vector<ServiceItem>> LoadServiceVersions(soci::session& sql, long long agency,
                                                     const std::optional<std::string>& code,
                                                     bool current_only);

// The current item of `code`, or nullopt.
Result<std::optional<ServiceItem>> LoadCurrentServiceItem(soci::session& sql, long long agency,
                                                          const std::string& code);

// Stores `items` as new versions (each with its `effective` set) and makes each the current row
// of its code (inserted or replaced), recorded in the ledger. `change_id` 0 = an import.
// REQUIRES: an open transaction. Returns the first seq used.
long long StoreServiceVersions(Database& db, soci::session& sql, long long agency,
                               std::span<const ServiceItem> items, long long change_id,
                               const std::string& actor, const std::string& now);

// The parent rule of the catalogue: a 子项 hangs under a 主项, a 业务办理项 under a 子项 or a 主项.
// kInvalidInput naming the parent when `parent_level` (nullopt: not in the catalogue) breaks it.
Status CheckParent(const ServiceItem& item, std::optional<ItemLevel> parent_level);

// Whether `user` may do `action` (a services action of store/permissions.h) at `agency_id`: the
// role allows it and the user belongs to the agency or one above it. kPermissionDenied naming
// the user otherwise.
Status MayActOnServices(Database& db, const User& user, int64_t agency_id, Action action);

// The agency's 行政区划代码 (agency settings `division_code`), "" when not set.
Result<std::string> AgencyDivision(Database& db, long long agency);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_SERVICE_ROWS_H_
