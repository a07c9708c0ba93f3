// Proposals: the steps of a case a clerk may only propose and the head of the disclosure office
// must decide — an extension (Art. 33: 经政府信息公开工作机构负责人同意) and the answer. A proposal
// holds the event it would record, as a case-events JSON line (cases/events_jsonl.h), so it
// survives a restart. Approving records that event in the case register (with the approver as
// actor and, for an extension, approved_by); rejecting records nothing in the case. Either way
// the proposal row stays with the decision, who made it, when and (for a rejection) why: the
// trace of the head's decision.
//
// A ProposalStore is a light handle over a Database and a Calendars; thread safety is theirs.
// Proposals are numbered 1, 2, … within their agency.

#ifndef GONGKAI_STORE_PROPOSALS_H_
#define GONGKAI_STORE_PROPOSALS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cases/event.h"
#include "law/vocab.h"
#include "store/calendars.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// DO NOT CHANGE the keys: stored in proposals.decision (pending is stored as NULL).
enum class ProposalDecision { kPending, kApproved, kRejected };
std::span<const VocabEntry<ProposalDecision>> ProposalDecisions();
std::string_view Key(ProposalDecision v);
std::string_view Label(ProposalDecision v);

// True for the event types a clerk may only propose: extension_approved, answered and voided
// (a mistaken step is voided only with the head's consent). A user who may approve proposals
// (store/permissions.h: the head) recording them directly is their own approval.
bool NeedsHeadApproval(EventType type);

// The longest reason or decision note accepted, in characters (code points).
inline constexpr int kMaxProposalReasonChars = 1000;

struct Proposal {
  int64_t agency_id = 0;
  int64_t id = 0;  // set by Propose
  std::string case_number;
  Event event;              // the step to record; event.case_number == case_number
  std::string proposed_by;  // login name of the clerk
  std::string reason;       // why, for the head; may be empty
  std::string created_at;   // UTC, YYYY-MM-DDTHH:MM:SSZ; set by Propose
  ProposalDecision decision = ProposalDecision::kPending;
  std::string decided_by;     // empty while pending
  std::string decided_at;     // UTC; empty while pending
  std::string decision_note;  // the head's reason for a rejection; may be empty
};

class ProposalStore {
 public:
  ProposalStore(Database& db, Calendars& calendars) : db_(db), calendars_(calendars) {}

  // Stores `p` (its id, created_at and decision are ignored) as pending and returns its id.
  // kInvalidInput when the event type needs no approval, the reason is longer than
  // kMaxProposalReasonChars, or the step is not a legal next step of the case now
  // (CheckNextEvent's reason); kNotFound when the agency has no such case.
  Result<int64_t> Propose(const Proposal& p);

  // kNotFound when the agency has no proposal `id`.
  Result<Proposal> Get(int64_t agency_id, int64_t id);

  // The pending proposals of an agency (or of one of its cases), oldest first.
  Result<std::vector<Proposal>> Pending(int64_t agency_id,
                                        std::optional<std::string_view> case_number = {});
  // The pending proposals of all `agency_ids` together, oldest first (by when each was made,
  // then agency and number): the head's inbox. Empty for no agencies.
  Result<std::vector<Proposal>> PendingIn(const std::vector<int64_t>& agency_ids);
  // Every proposal of one case, pending and decided, oldest first.
  Result<std::vector<Proposal>> ForCase(int64_t agency_id, std::string_view case_number);

  // Records the proposed event in the case register as `head`'s act and marks the proposal
  // approved, in one transaction. kNotFound when there is no such proposal; kConflict when it
  // was already decided — also when a concurrent approval or rejection committed first: exactly
  // one decision takes effect, and the other is told "该提议（第 N 号）已于…由…批准/退回";
  // AppendEvent's error when the step is no longer legal (e.g. the case was answered meanwhile)
  // or its year is locked — the proposal then stays pending and may be rejected.
  Result<Proposal> Approve(int64_t agency_id, int64_t id, const std::string& head);

  // Marks the proposal rejected by `head` with `note`, the reason the clerk is shown on the case
  // page; records nothing in the case. kInvalidInput when the note is empty (or only spaces) or
  // too long; then kNotFound / kConflict as Approve.
  Result<Proposal> Reject(int64_t agency_id, int64_t id, const std::string& head,
                          const std::string& note);

 private:
  Result<Proposal> Decide(int64_t agency_id, int64_t id, ProposalDecision decision,
                          const std::string& head, const std::string& note);

  Database& db_;
  Calendars& calendars_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_PROPOSALS_H_
