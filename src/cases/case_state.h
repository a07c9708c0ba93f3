// The state of a disclosure case, derived from its events: a pure function of (events, calendar,
// settings, as-of date), never stored except as a labelled cache (STYLE.md §13). Also the rule
// that decides which event may come next (../shared/spec/case-events.md, "Illegal sequences"),
// used when an officer records a step, when a file is imported, and by the sample generator.
// No I/O, no clock; safe to call from any thread.
//
// Disputed points settled here (design): events dated after `as_of` are ignored by
// ComputeCaseState (the state as it stood that day); a 补正 notice sent after the 7 working days
// of Art. 30 and a reply after the due date are recorded, not refused, and flagged.

#ifndef GONGKAI_CASES_CASE_STATE_H_
#define GONGKAI_CASES_CASE_STATE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "cases/event.h"
#include "law/vocab.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct CaseSettings {
  // Statutory periods and the counting convention (calendar/deadline.h).
  DeadlineSettings deadlines;
  // Table C (case-events.md, design): also count a reconsideration or lawsuit filed before the
  // report year and decided in it. Off: only proceedings filed in the year count.
  bool count_remedies_decided_in_year_filed_earlier = false;
};

// DO NOT CHANGE the keys: stored as the case list cache and shown in exports.
enum class CaseStatus {
  kInProgress,          // 办理中
  kAwaitingCorrection,  // 待补正: a 补正 notice is open
  kAwaitingReasons,     // 待说明理由 (Art. 35)
  kConsulting,          // 征求意见中: the clock stops
  kAwaitingFee,         // 待缴费
  kExtended,            // 已延期 (and otherwise in progress)
  kAnswered,            // 已答复
  kDeemedWithdrawn,     // 视为放弃申请
  kWithdrawn,           // 已撤回
  kInvalid,             // the history breaks a rule; see CaseState::error
};
std::span<const VocabEntry<CaseStatus>> CaseStatuses();
std::string_view Key(CaseStatus v);
std::string_view Label(CaseStatus v);
std::optional<CaseStatus> CaseStatusFromKey(std::string_view key);

// One reconsideration or lawsuit about the case.
struct Remedy {
  RemedyBlock block;
  Date filed;
  std::optional<Date> decided;
  std::optional<RemedyResult> result;
};

struct CaseState {
  std::string agency;
  std::string case_number;
  CaseStatus status = CaseStatus::kInvalid;
  // From `received`; nullopt when the case has no received event (then status is kInvalid).
  std::optional<ApplicantKind> applicant_kind;
  std::optional<Channel> channel;
  std::optional<Date> arrived;
  std::optional<Date> receipt;
  // The closing event's date and the table B row it lands in (2021 format keys; the trial
  // format folds other.* into `other`).
  std::optional<Date> closed;
  std::optional<Outcome> outcome;
  std::optional<Date> delivered;
  // ComputeDeadlines of the events' time-bearing steps; nullopt when it failed (see error).
  std::optional<Deadlines> deadlines;
  bool late_correction_notice = false;  // a 补正 notice after the 7 working days (Art. 30)
  bool late_extension = false;          // an extension approved after the original due date
  bool answered_late = false;           // closed after the (extended) due date
  bool overdue = false;                 // open on as_of and past the (extended) due date
  int64_t fee_charged_fen = 0;          // of paid fee notices
  int correction_rounds = 0;
  bool extended = false;
  std::vector<Remedy> remedies;  // in filing order
  // The events CheckNextEvent would accept now (dated as_of, or the last event's date when that
  // is later), in EventType order, except a second 补正 notice: Art. 30 allows one notice
  // listing everything, so a second is accepted as history (and flagged) but never offered.
  // Empty for an invalid history.
  std::vector<EventType> next_steps;
  // Chinese, one line per step: what happened and what it means for the clock.
  std::vector<std::string> explanation;
  // The first problem: an illegal event (kInvalidInput, naming its position and the reason), or
  // a date the calendar does not cover. The fields above hold what could be derived before it.
  Status error;
  // Index of the first illegal event when the history breaks a rule.
  std::optional<int> illegal_event;
  // voided[i] is true when events[i] is a step some void declared a mistake (same size as the
  // events; the voids themselves are false).
  std::vector<bool> voided;
};

// For each event: true when it is a voided step or a void, i.e. when every fold skips it. A void
// CheckVoid would refuse marks nothing (the caller reports it). Index i of the result matches
// events[i].
std::vector<bool> SkippedByVoids(const std::vector<Event>& events);

// Returns OK when `next` may follow `history`, else
// kInvalidInput with the reason in Chinese: an event before `received`, a second `received`,
// anything after a closing event except `delivered` and the remedies, `delivered` before the
// case closed, a date earlier than the last event, a second extension, an extension of more
// than `settings.deadlines.max_extension_working_days` or less than 1, a correction received or
// a consultation / fee / reasons answered without an open request, a second request while one is
// open, a consultation timed out before its 15 working days passed, a withdrawal for no 补正 or
// unpaid fee without the notice, a decision for a proceeding never filed, an event of another
// case, an arrival after the receipt date. When `history` itself breaks a rule, returns that
// refusal, prefixed "已有记录不合规，第 N 个事件（…）：". Returns the calendar's error when a date
// it needs is not covered. A late 补正 notice and a late reply are accepted (ComputeCaseState flags
// them).
Status CheckNextEvent(const std::vector<Event>& history, const Event& next,
                      const Calendar& calendar, const CaseSettings& settings);

// Returns OK when `e` is dated no later than `today` (the agency's date, Asia/Shanghai, passed
// in by the caller), else kInvalidInput naming both dates: the register records steps that
// happened, never planned ones. Every path that stores an event (the office's forms, a head's
// approval, `gongkai cases import`) goes through it: CheckImportedCases calls it per line and
// the case register calls it before CheckNextEvent.
Status CheckNotAfterToday(const Event& e, Date today);

// Voiding a mistaken step (a `voided` event, cases/event.h). CheckNextEvent routes a `voided`
// `next` here. Settled here (design):
//   - only the latest step still in force may be voided: a later step was taken on the strength
//     of it (an answer after a fee paid, a delivery after an answer), so those are voided first,
//     newest first, and the remaining steps are always a legal history;
//   - `received` is never voided: its number and query code were handed to the applicant and
//     the register must keep every application it received (Art. 45); a filing made twice is
//     closed as 不予处理·重复申请 (answered, not_processed.repeat), never erased;
//   - a void is never voided: a wrong void is undone by recording the step again;
//   - the reason is required, and the void is dated on or after the step it voids.
// Returns OK, or kInvalidInput saying which rule and what to do.
Status CheckVoid(const std::vector<Event>& history, const Event& void_event);

// Checks a whole history event by event. Returns OK, or the first refusal prefixed with the
// event's position ("第 3 个事件（answered，2024-05-06）："), and sets *bad_index when given.
Status CheckHistory(const std::vector<Event>& events, const Calendar& calendar,
                    const CaseSettings& settings, int* bad_index = nullptr);

// Checks every imported case (events_jsonl.h) with CheckHistory. Returns OK, or kInvalidInput
// listing every refused event, one per message line, each with its input line and case number
// ("第 17 行（案件 2024-003）：…"). An import is all or nothing.
// Also refuses, by line, every event dated after `today` (CheckNotAfterToday).
Status CheckImportedCases(const std::vector<CaseEvents>& cases, const Calendar& calendar,
                          const CaseSettings& settings, Date today);

// Derives the state of a case as of `as_of` from its events (in order; events dated after
// `as_of` are ignored). Voided steps and the voids are skipped, whatever the void's date: a void
// says the step never happened. Never fails: problems are carried in `error`.
CaseState ComputeCaseState(const std::vector<Event>& events, const Calendar& calendar,
                           const CaseSettings& settings, Date as_of);

}  // namespace gongkai

#endif  // GONGKAI_CASES_CASE_STATE_H_
