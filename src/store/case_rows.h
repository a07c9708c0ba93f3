// Store-internal: how a case's events become a row of the cases table (its received facts, the
// applicant's data and the ComputeCaseState cache), shared by registration, append, import and
// recompute so the mapping is written once; and the applicant's personal-data record written
// beside the case. Also the few queries several repositories share.

#ifndef GONGKAI_STORE_CASE_ROWS_H_
#define GONGKAI_STORE_CASE_ROWS_H_

#include <soci/soci.h>

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cases/case_state.h"
#include "cases/event.h"
#include "cases/personal_data.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/case_store.h"

namespace gongkai::internal {

// The state columns of a case row: cache of ComputeCaseState().
struct StateColumns {
  std::string status;
  std::optional<std::string> closed_date;
  std::optional<std::string> outcome;
  std::optional<std::string> due_date;
  std::optional<int> days_left;
  int overdue = 0;
  std::string state_as_of;
  std::string last_event_date;
};
StateColumns ToStateColumns(const std::vector<Event>& events, const CaseState& state, Date as_of);

// The received facts of a case row, from its `received` event (its extra field `form`), and the
// masked name of `applicant` for lists.
struct CaseFacts {
  std::string number;
  std::string applicant_kind;
  std::string applicant_display;
  std::string channel;
  std::string arrived_date;
  std::string received_date;
  std::string items;  // JSON array
  std::string form;
};
CaseFacts FactsFromReceived(const Event& received, const Applicant& applicant);

// 张三 → 张*, for natural persons; organisations' names are not personal data and stay whole.
std::string MaskApplicantName(ApplicantKind kind, std::string_view name);

// Today's civil date in Asia/Shanghai (UTC+8, no daylight saving) at `now`.
Date ShanghaiDate(std::chrono::system_clock::time_point now);

// Years of `agency_id` whose annual report is published (locked).
std::set<int> LockedYears(soci::session& sql, long long agency_id);

// The agency, its calendar and its case settings, or the first error.
struct AgencyContext {
  Agency agency;
  const Calendar* calendar = nullptr;
  CaseSettings settings;
};
Result<AgencyContext> LoadAgencyContext(Database& db, Calendars& calendars, int64_t agency_id);

// CaseRegister::RegisterCase inside the caller's transaction (an online filing claims its
// idempotency token in the same transaction, store/online_filings.cc). Same outcomes.
Result<NewCase> RegisterCaseInTransaction(soci::session& sql, Database& db,
                                          const AgencyContext& ctx, Event received,
                                          const Applicant& applicant, const std::string& form,
                                          const std::string& actor, Date today);

// CaseRegister::AppendEvent inside the caller's transaction (a head's approval records the event
// and marks the proposal decided in one transaction, store/proposals.cc). Same outcomes.
Status AppendEventInTransaction(soci::session& sql, Database& db, const AgencyContext& ctx,
                                const Event& event, const std::string& actor, Date today);

// A case row and an event row to insert; the bulk writers below send them in batches.
struct CaseInsert {
  long long id = 0;
  CaseFacts facts;
  std::string query_code_hash;
  StateColumns state;
};
struct EventInsert {
  long long case_id = 0;
  int seq = 0;
  std::string type;
  std::string date;
  std::string payload;
  std::string actor;
  std::string recorded_at;
  std::string prev_hash;
  std::string hash;
};
void InsertCases(soci::session& sql, long long agency_id, std::vector<CaseInsert>& rows);
void InsertEvents(soci::session& sql, long long agency_id, std::vector<EventInsert>& rows);
void UpdateStates(soci::session& sql, long long agency_id,
                  std::vector<std::pair<long long, StateColumns>>& rows);

// A case's personal-data record and its `recorded` act (store/applicant_records.h).
struct ApplicantInsert {
  long long case_id = 0;
  std::string ref;
  Applicant applicant;
  std::string actor;
  std::string recorded_at;
  std::string reason;  // why the record was made, when not at registration (a migration)
};
void InsertApplicantRecords(soci::session& sql, long long agency_id,
                            const std::vector<ApplicantInsert>& rows);

// A new random reference for an applicant record (32 hex), set as the `received` event's
// applicant_ref; returns it.
std::string AttachNewApplicantRef(Event& received);

// Random hex for a record's salt.
std::string NewSalt();

// The list name of an erased applicant.
inline constexpr std::string_view kErasedDisplay = "（已删除）";

// Reserves `n` case ids of the agency; returns the first.
long long ReserveCaseIds(soci::session& sql, long long agency_id, long long n);

// Random query code for public tracking, and its stored hash.
std::string NewQueryCode();
std::string QueryCodeHash(std::string_view code);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_CASE_ROWS_H_
