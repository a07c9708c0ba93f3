// Store-internal: the step of migration 11 (store/migrations.cc), which moves applicants'
// personal data out of the hash-chained `received` events and the cases rows into applicant
// records (store/applicant_records.h).

#ifndef GONGKAI_STORE_APPLICANT_MIGRATION_H_
#define GONGKAI_STORE_APPLICANT_MIGRATION_H_

#include <soci/soci.h>

#include "store/database.h"
#include "util/status.h"

namespace gongkai::internal {

// For every case of every agency: checks its event chain (and, where the ledger holds them, its
// cases and case_events rows against their ledger digests); takes the personal-data fields off
// its `received` payload and out of its cases row into a new applicant record referenced by
// applicant_ref; recomputes the chain's hashes; then drops the cases row's personal-data columns
// and enters every rewritten row into the ledger (sealed only when `db` has the audit key).
// kConflict naming every case whose chain or rows did not verify: nothing is rewritten then.
// REQUIRES: inside the migration's transaction, after its CREATE TABLE statements.
Status MoveApplicantsOutOfEvents(Database& db, soci::session& sql);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_APPLICANT_MIGRATION_H_
