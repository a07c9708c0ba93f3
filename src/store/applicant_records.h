// Applicants' personal-data records: one per case, holding the name, identity document, phone,
// e-mail and address that the case's `received` event references by its applicant_ref
// (cases/personal_data.h). Keeping them out of the hash-chained events is what lets the office
// correct them at the applicant's request (Art. 41 更正) or erase them when the law requires it
// (个人信息保护法 第四十七条 删除) without breaking the event chain.
//
// Every change is an act, kept beside the record with who, when and why: `recorded` (at
// registration or import), `corrected` (one field; the value before is kept so the history can be
// read, until an erasure), `erased` (every field and every earlier value blanked; the fact, the
// actor, the time and the reason stay). The record and its acts are covered by the audit ledger
// (store/ledger.h), so an edit behind the store's back is named by `gongkai audit verify`. Each
// row carries a random salt, also covered and blanked by an erasure, so the ledger's digests of an
// erased record cannot be matched against guessed data.
//
// On SQLite an erasure also checkpoints and truncates the write-ahead log, and the database runs
// with secure_delete, so the erased bytes leave the file; on PostgreSQL the old row versions stay
// in the table's files until VACUUM reclaims them (the README says to run VACUUM FULL
// applicant_records after an erasure). Backups taken before an erasure still hold the data.
//
// Stateless: a light handle over a Database; thread safety is the Database's.

#ifndef GONGKAI_STORE_APPLICANT_RECORDS_H_
#define GONGKAI_STORE_APPLICANT_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/personal_data.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// The longest value a correction may set, in bytes.
inline constexpr size_t kMaxApplicantFieldBytes = 500;
// The longest reason an act may give, in bytes.
inline constexpr size_t kMaxApplicantReasonBytes = 2000;

// DO NOT CHANGE: stored in applicant_record_acts.act.
enum class ApplicantActKind { kRecorded, kCorrected, kErased };
std::string_view Key(ApplicantActKind kind);
std::string_view Label(ApplicantActKind kind);

struct ApplicantAct {
  int version = 0;  // the record's version this act made (1 for `recorded`)
  ApplicantActKind kind = ApplicantActKind::kRecorded;
  std::optional<ApplicantField> field;  // kCorrected: which field
  std::string previous;                 // kCorrected: the value before; "" once erased
  std::string reason;
  std::string actor;
  std::string recorded_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
};

struct ApplicantRecord {
  std::string case_number;
  std::string ref;  // what the received event's applicant_ref holds
  int version = 0;
  Applicant applicant;  // all empty once erased
  bool erased = false;
  std::vector<ApplicantAct> acts;  // oldest first
};

class ApplicantRecords {
 public:
  explicit ApplicantRecords(Database& db) : db_(db) {}

  // The record of case `number` with its acts. kNotFound naming the case.
  Result<ApplicantRecord> Get(int64_t agency_id, std::string_view number);

  // Sets one field of the record (Art. 41 更正) and records the act. kInvalidInput when the
  // reason is empty, the value is empty (for the name) or not UTF-8, longer than
  // kMaxApplicantFieldBytes, or equal to the current value; kConflict when the record was erased;
  // kNotFound naming the case. The events and their hashes are not touched.
  Status Correct(int64_t agency_id, std::string_view number, ApplicantField field,
                 std::string_view value, std::string_view reason, std::string_view actor);

  // Erases every personal-data field of the record and every earlier value its acts kept, and
  // records the erasure with its reason. kInvalidInput when the reason is empty or too long;
  // kConflict when already erased; kNotFound naming the case. The case, its events and its report
  // cell stay.
  Status Erase(int64_t agency_id, std::string_view number, std::string_view reason,
               std::string_view actor);

 private:
  Database& db_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_APPLICANT_RECORDS_H_
