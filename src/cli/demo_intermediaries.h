// The demo government's 中介服务事项清单 and 中介服务机构名录 for `gongkai serve --demo`
// (cli/demo_services.h): two intermediary services needed by demo guides — one charged at a
// government-set price, one commissioned by the department (the applicant pays nothing) — and
// three institutions, one of them with a qualification that expired ten days before today, so
// the directory shows the mark. In force from 200 days before today.

#ifndef GONGKAI_CLI_DEMO_INTERMEDIARIES_H_
#define GONGKAI_CLI_DEMO_INTERMEDIARIES_H_

#include <cstdint>

#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai::cli {

// Imports the demo entries into `agency_id`; returns their number. Store errors pass through.
Result<int> SeedDemoIntermediaries(Database& db, int64_t agency_id, Date today);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_DEMO_INTERMEDIARIES_H_
