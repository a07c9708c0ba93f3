// The case register (登记, Art. 45): every disclosure application of an agency, stored as its
// append-only events (cases/event.h) plus a row of what the lists need. A case's events form a
// hash chain: each stores the hash of the one before, so an edited payload is found by
// `gongkai audit verify` (store/audit.h). The row's state columns are a cache of
// ComputeCaseState(), refreshed on every append and rebuilt by `gongkai cases recompute`;
// "due within N working days" and "overdue" are judged against today's date, not the cache.
//
// Every step is checked with CheckNextEvent before it is stored; an illegal one is refused with
// the reason. An event dated in a year whose annual report is published is refused with
// kConflict until the report is reopened (store/report_store.h).
//
// Personal data (the applicant's name, ID number, phone, e-mail, address) is not in the events:
// each case's `received` event references the applicant's record (store/applicant_records.h),
// written with the case and returned only by Get(); lists and public tracking carry the masked
// name alone. Registration and import split the fields off the `received` event; export joins
// them back.
//
// A CaseRegister is a light handle over a Database and a Calendars; thread safety is theirs.

#ifndef GONGKAI_STORE_CASE_STORE_H_
#define GONGKAI_STORE_CASE_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cases/case_state.h"
#include "cases/event.h"
#include "cases/personal_data.h"
#include "law/vocab.h"
#include "store/calendars.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// A case as lists show it: no personal data but the masked name.
struct CaseSummary {
  int64_t agency_id = 0;
  std::string number;
  ApplicantKind applicant_kind = ApplicantKind::kNaturalPerson;
  std::string applicant_display;  // 张** for a person; an organisation's name in full
  Channel channel = Channel::kInternet;
  Date arrived;
  Date received;
  std::vector<std::string> items;
  // Cache of ComputeCaseState(); rebuilt by `gongkai cases recompute`.
  CaseStatus status = CaseStatus::kInProgress;
  std::optional<Date> closed;
  std::optional<Outcome> outcome;  // table B row of a closed case
  std::optional<Date> due;         // (extended) reply due date; nullopt while the clock stops
  // Working days from today to `due` (negative when overdue), counted on the agency's calendar
  // when the list was read; the cached value while the clock stops.
  std::optional<int> days_left;
  bool overdue = false;
};

struct StoredEvent {
  int seq = 0;  // 1, 2, … within the case
  Event event;
  std::string payload;      // the JSON line as stored and hashed
  std::string actor;        // who recorded it
  std::string recorded_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string hash;         // BLAKE2b-256 hex, see store/audit.h
};

// A case with everything staff may see.
struct CaseDetail {
  CaseSummary summary;
  Applicant applicant;  // from the applicant's record; empty once erased
  bool applicant_erased = false;
  std::string form;  // requested form of the information
  std::vector<StoredEvent> events;
};

// What an applicant sees when tracking a case with its number and query code.
struct PublicCaseView {
  CaseSummary summary;
  std::vector<std::pair<EventType, Date>> steps;
};

// The order of CaseRegister::List.
enum class CaseOrder {
  kReceivedNewest,  // newest receipt first
  // The queue's: open cases by due date, most overdue first, then the nearest due; then open
  // cases whose clock stops (no due date); then closed cases, newest receipt first.
  kDueDate,
};

struct CaseFilter {
  std::optional<CaseStatus> status;
  std::optional<Channel> channel;
  std::optional<ApplicantKind> applicant_kind;
  std::optional<int> year;  // received in this year
  // Open, not overdue, due from today through today + N working days (N >= 0).
  std::optional<int> due_within_working_days;
  bool overdue = false;  // open and past the due date
  // Cases whose number, applicant's name, ID number or phone, or requested items contain this
  // text (NFKC-folded, Latin letters in either case; spaces and '-' ignored in ID numbers and
  // phones). Matching reads the personal data but List returns only the masked name. Empty: all.
  std::string search;
  CaseOrder order = CaseOrder::kReceivedNewest;
  int limit = 100;
  int offset = 0;
};

struct CaseCounts {
  int64_t total = 0;  // matching the filter (limit/offset ignored)
  int64_t open = 0;
  int64_t overdue = 0;
  std::vector<std::pair<CaseStatus, int64_t>> by_status;  // statuses with at least one case
};

struct NewCase {
  std::string number;
  std::string query_code;  // for the applicant's receipt; stored only hashed, shown once
};

struct ImportOptions {
  // Where the cases go. When unset: the only agency, or a new "本机关" in an empty database;
  // with several agencies the import is refused and asks for --agency.
  std::optional<int64_t> agency_id;
  std::string actor = "import";
};

struct ImportResult {
  int64_t agency_id = 0;
  bool created_agency = false;
  int cases = 0;
  int events = 0;
};

class CaseRegister {
 public:
  CaseRegister(Database& db, Calendars& calendars) : db_(db), calendars_(calendars) {}

  // Registers a new application from its `received` event and the applicant's personal data
  // (any personal-data field on the event is taken off it and used when `applicant` is empty).
  // An empty case_number is numbered "<receipt year>-<6-digit sequence>". Returns the number and
  // a new query code. kInvalidInput when the event is not a legal first event or already carries
  // an applicant_ref, kConflict when the number is taken or the year is locked.
  Result<NewCase> RegisterCase(int64_t agency_id, Event received, const Applicant& applicant,
                               const std::string& form, const std::string& actor);

  // Appends `event` to the case event.case_number of the agency. kNotFound when there is no
  // such case; kInvalidInput with the reason when CheckNextEvent refuses the step; kConflict
  // when the event's year is locked by a published report.
  Status AppendEvent(int64_t agency_id, const Event& event, const std::string& actor);

  // Imports a JSON Lines file (../shared/spec/case-events.md) in one transaction: all or
  // nothing. The applicant fields of each `received` line go into the applicant's record; the
  // stored event carries applicant_ref instead, every other line is stored byte for byte.
  // kInvalidInput listing every bad line (number and reason) — syntax, an illegal sequence, an
  // applicant_ref on a line, or applicant fields on a line other than `received`; kConflict
  // listing the case numbers that already exist or the events in a locked year.
  Result<ImportResult> Import(std::string_view jsonl, const ImportOptions& options);

  // The agency's events as JSON Lines: cases in the order they were registered, each case's
  // events in order, each `received` line with the applicant's record joined back in place of
  // applicant_ref (unmasked: the caller masks, cases/personal_data.h). An imported file grouped
  // by case, with its applicant fields in the order of ApplicantFields(), is given back byte for
  // byte. Without an agency: the only agency with cases (kInvalidInput asking for --agency when
  // several have).
  Result<std::string> Export(std::optional<int64_t> agency_id);

  // Recomputes the cached state of every case (of one agency, or all) as of `as_of`; returns
  // the number of cases.
  Result<int64_t> Recompute(std::optional<int64_t> agency_id, Date as_of);

  // Cases matching `filter`, in filter.order, the rows offset … offset + limit - 1.
  Result<std::vector<CaseSummary>> List(int64_t agency_id, const CaseFilter& filter);
  Result<CaseCounts> Count(int64_t agency_id, const CaseFilter& filter);

  // kNotFound naming the number.
  Result<CaseDetail> Get(int64_t agency_id, std::string_view number);

  // For the applicant: kNotFound "案件编号或查询码不正确" when the number or the code is wrong
  // (no hint which). Case, spaces, full-width forms and hyphens in the code do not matter.
  Result<PublicCaseView> Track(int64_t agency_id, std::string_view number,
                               std::string_view query_code);
  // `typed` with full-width forms folded and ASCII spaces removed; with `upper`, upper-cased.
  static std::string TrackingKey(std::string_view typed, bool upper);

  // The events of every case that bears on the report of `year` (received by 31 December and
  // open then or with an event in the year), for BuildAnnualReport.
  Result<std::vector<std::vector<Event>>> CasesForYear(int64_t agency_id, int year);
  // The same cases handed to `fn` one at a time, in registration order, without holding them.
  Status ForEachCaseOfYear(int64_t agency_id, int year,
                           const std::function<void(const std::vector<Event>&)>& fn);

  // Today in Asia/Shanghai by the database's clock.
  Date Today() const;

 private:
  Database& db_;
  Calendars& calendars_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_CASE_STORE_H_
