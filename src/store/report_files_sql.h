// Store-internal: writing a version's rendered files inside the caller's transaction, so
// publishing a report and storing what it published commit together (store/report_store.cc).

#ifndef GONGKAI_STORE_REPORT_FILES_SQL_H_
#define GONGKAI_STORE_REPORT_FILES_SQL_H_

#include <soci/soci.h>

#include <string>
#include <vector>

#include "store/report_files.h"

namespace gongkai::internal {

// As PutReportFiles, under the caller's transaction; `now` is the created_at of every row. The
// version's files are recorded in the audit ledger (store/ledger_rows.h).
void InsertReportFiles(Database& db, soci::session& sql, int64_t agency_id, int year, int version,
                       const std::vector<ReportFile>& files, const std::string& now);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_REPORT_FILES_SQL_H_
