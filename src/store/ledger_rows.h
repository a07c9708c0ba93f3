// Store-internal: the audit ledger's write side. Every repository write to a covered table calls
// RecordInLedger once, in the write's own transaction, with a condition selecting the rows it
// wrote; the ledger then holds, for every row ever written through the store, the digest of its
// covered columns (CoveredTables), so a row changed, inserted or deleted behind the store's back
// no longer matches (store/ledger.h VerifyLedger). With an audit key set on the Database, each
// entry is sealed at once into the agency's MAC chain; without one, entries wait unsealed for
// `gongkai audit seal` or `gongkai audit checkpoint`.
//
// A write path that changes a covered column and does not call RecordInLedger makes its own
// rows look tampered with: `audit verify` says so, which is how a forgotten call is found.

#ifndef GONGKAI_STORE_LEDGER_ROWS_H_
#define GONGKAI_STORE_LEDGER_ROWS_H_

#include <soci/soci.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_key.h"
#include "store/database.h"

namespace gongkai::internal {

// A covered table: how to read the canonical form of its rows. Every SQL fragment names the
// table `t`.
struct CoveredTable {
  std::string_view name;    // the table, and its name in audit_ledger.table_name
  std::string_view from;    // FROM clause
  std::string_view agency;  // the agency a row belongs to
  std::string_view key;     // text naming the row for a person, unique within the agency
  std::vector<std::string_view> columns;  // the covered columns of t, in digest order
  // Columns covered since version kCoverageVersion, digested after `columns` and only while
  // neither NULL nor '': a row recorded before they were covered keeps its digest until one of
  // them is set.
  std::vector<std::string_view> late_columns = {};
  // The schema version from which the table is covered: rows of a table covered since
  // kCoverageVersion that an upgraded database holds await `gongkai audit seal`.
  int since = 8;
};

// The schema version that widened the ledger to the publications register, the disclosure
// guide, the stored report files and the late columns.
inline constexpr int kCoverageVersion = 14;

// Every covered table, in the order verify reports them.
std::span<const CoveredTable> CoveredTables();
// The covered table called `name`. REQUIRES: `name` is one of CoveredTables().
const CoveredTable& Covered(std::string_view name);

// A row as the ledger sees it.
struct LedgerRow {
  long long agency_id = 0;
  std::string key;
  std::string digest;
  std::string base_digest;  // the digest without late_columns (= digest when none is set)
};

// Reads the rows of `table` of `agency_id` matching `condition` (SQL over t, "" for all), ordered
// by key. Throws soci errors (the caller runs under Run/RunInTransaction).
std::vector<LedgerRow> ReadLedgerRows(soci::session& sql, const CoveredTable& table,
                                      long long agency_id, const std::string& condition);

// Appends a ledger entry for every row of `table_name` of `agency_id` matching `condition`, as it
// is now, recorded at db.Now(); sealed when the Database has an audit key and the agency's chain
// is sealed up to now. REQUIRES: an open transaction on db's session, `table_name` covered,
// `condition` built from trusted values only (numbers). Throws soci errors.
void RecordInLedger(Database& db, soci::session& sql, std::string_view table_name,
                    long long agency_id, const std::string& condition);

// The digest of an entry that records a row's removal by the store.
inline constexpr std::string_view kRemovedDigest = "removed";

// Records that the rows of `table_name` matching `condition` are about to be removed by the
// store: an entry with kRemovedDigest for each row's key, so verify does not report them deleted
// (and reports a row that reappears under that key as inserted). Call it before the DELETE, in
// the same transaction; a row written again under the same key is then recorded with
// RecordInLedger as usual. REQUIRES: as RecordInLedger.
void RecordRemovalInLedger(Database& db, soci::session& sql, std::string_view table_name,
                           long long agency_id, const std::string& condition);

// The MAC of ledger entry `seq`, chaining it to the previous entry's MAC.
std::string EntryMac(const AuditKey& key, long long agency_id, long long seq,
                     std::string_view table, std::string_view row_key, std::string_view digest,
                     std::string_view recorded_at, std::string_view prev_mac);
// The MAC of an agency's head: its chain is sealed up to entry `sealed`, whose MAC is `mac`;
// `legacy` is audit_heads.legacy: 1 while rows written before the ledger await sealing, 2 while
// rows of the tables covered since kCoverageVersion do (set by that migration, which has no key:
// it is MACed as 0, so it cannot hide the rows of the tables covered before).
std::string HeadMac(const AuditKey& key, long long agency_id, long long sealed, int legacy,
                    std::string_view mac);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_LEDGER_ROWS_H_
