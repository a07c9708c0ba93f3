// The audit ledger: tamper evidence that holds against someone with write access to the
// database but not the audit key (store/audit_key.h).
//
// Every write the store makes to a covered table (agencies, users with their roles and
// disabled_at, cases, case events with their actor and recorded time, applicant records and the
// acts correcting or erasing them, table-A records, report versions and narratives, the stored
// bytes of published reports, proposals, the publications register with its events and attachments,
// the 基层政务公开标准目录 with its imports, the disclosure guide's versions, the service
// catalogue's items, versions and changes) appends, in the write's own transaction, an entry
// (table, row, digest of the row's covered columns) to its agency's ledger (store/ledger_rows.h).
// Entries are sealed into a chain of keyed MACs whose newest link is kept, MACed again, as the
// agency's head; a checkpoint signs (Ed25519) every agency's head and row counts and is kept both
// in the database and in an append-only file outside it. Caches (a case's status, deadlines and
// outcome) are not covered: verify recomputes them from the events (cases/case_state.h) and
// compares.
//
// What verify finds, with the key: any covered row edited, inserted or deleted behind the
// store's back, even with the unkeyed hashes recomputed; ledger entries edited, inserted or
// deleted; the newest rows deleted with their entries (the head no longer matches); and, with
// the checkpoint file, any rollback of the whole database to a copy older than the newest
// checkpoint. The unkeyed event chains of the publications register and the standard catalogue
// are checked too. What it cannot
// find: a rollback of the whole database (rows, ledger and heads together) to a consistent copy
// taken after the newest checkpoint; and, by someone who also has the key, any rewrite after the
// newest checkpoint that was printed or kept out of their reach. Without the key it checks only the
// unkeyed event chain, the ledger's digests and the caches, and says so.

#ifndef GONGKAI_STORE_LEDGER_H_
#define GONGKAI_STORE_LEDGER_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_key.h"
#include "store/calendars.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

struct AuditProblem {
  std::string table;  // a covered table, "audit_ledger" or "audit_checkpoints"
  int64_t agency_id = 0;
  std::string row;   // e.g. "2026-000123 #4"; "" for the table as a whole
  std::string what;  // Chinese: what differs
};

struct LedgerReport {
  bool keyed = false;  // MACs, heads and checkpoint signatures were checked
  int64_t agencies = 0;
  int64_t rows = 0;                   // covered rows read
  int64_t entries = 0;                // ledger entries read
  int64_t cases = 0;                  // cases whose cached state was recomputed
  std::optional<int64_t> checkpoint;  // the newest checkpoint compared against
  std::vector<AuditProblem> problems;
  std::vector<std::string> not_checked;  // Chinese: what could not be checked, and why
};

struct LedgerVerifyOptions {
  std::optional<int64_t> agency_id;                  // default every agency
  const AuditKey* key = nullptr;                     // nullptr: unkeyed checks only
  std::optional<std::filesystem::path> checkpoints;  // the checkpoint file outside the database
};

// Checks the whole register: the unkeyed chains of case events (store/audit.h) and of the
// publications register (store/publications.h), every covered row against
// the ledger, the ledger's MAC chain and heads, the caches against a recomputation, and the
// newest checkpoint. Problems are data; the Status is an error only when the database cannot be
// read (or the checkpoint file cannot be opened: kInvalidInput naming it).
Result<LedgerReport> VerifyLedger(Database& db, Calendars& calendars,
                                  const LedgerVerifyOptions& options);

struct SealResult {
  int64_t registered = 0;  // rows entered into the ledger for the first time
  int64_t sealed = 0;      // entries sealed
};

// Registers covered rows that predate the ledger and seals every unsealed entry under `key`.
// Refuses with kConflict listing the problems when the data does not verify first (unkeyed, and
// keyed for entries already sealed): sealing never launders a change.
Result<SealResult> SealLedger(Database& db, Calendars& calendars, const AuditKey& key);

struct CheckpointInfo {
  int64_t id = 0;
  std::string created_at;
  std::string hash;  // BLAKE2b-256 of the signed body: what a published report prints
};

// Seals (SealLedger), then signs a checkpoint of every agency's head and row counts, stores it
// and appends it to `file` (created when absent). kConflict when the file and the database
// disagree on the newest checkpoint (one of them was changed: run verify); kInvalidInput naming
// the file when it cannot be written (nothing is stored then).
Result<CheckpointInfo> WriteCheckpoint(Database& db, Calendars& calendars, const AuditKey& key,
                                       const std::filesystem::path& file);

struct CheckpointFileReport {
  std::vector<CheckpointInfo> checkpoints;  // every well-formed line, in file order
  std::vector<std::string> problems;        // Chinese, naming the line
};

// Reads a checkpoint file and checks every line: its form, its Ed25519 signature under
// `public_key_hex` (skipped when empty), its number and its link to the line before. Needs no
// database: this is what an outsider runs on a published file. kInvalidInput naming the file
// when it cannot be read.
Result<CheckpointFileReport> VerifyCheckpointFile(const std::filesystem::path& file,
                                                  const std::string& public_key_hex);

}  // namespace gongkai

#endif  // GONGKAI_STORE_LEDGER_H_
