// The demo government's service catalogue for `gongkai serve --demo` (cli/demo_data.h): one 主项
// with its 子项 and a few 业务办理项 — one on the 跨省通办 list, one on the 进厅负面清单, one
// cancelled with its successor named — with full guides (window, hours, steps, FAQ), in force
// from 200 days before today, and one published 变更 (a shorter promised time limit) effective
// 30 days before today, so the change log has an entry with its before and after; then the
// 中介服务 lists (cli/demo_intermediaries.h). Called once, when the demo government is created.

#ifndef GONGKAI_CLI_DEMO_SERVICES_H_
#define GONGKAI_CLI_DEMO_SERVICES_H_

#include <cstdint>

#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai::cli {

// The code of the demo's guide that the README and the browser test open (/g/{code}).
inline constexpr const char* kDemoGuideCode = "00016421300301";

// Imports the demo items into `agency_id` and publishes the change as the demo user `head`;
// returns the number of items. Errors from the store pass through.
Result<int> SeedDemoServices(Database& db, int64_t agency_id, Date today);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_DEMO_SERVICES_H_
