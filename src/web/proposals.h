// Proposals: the steps a clerk may only propose and the head of the disclosure office must
// approve — an extension (Art. 33: 经政府信息公开工作机构负责人同意) and the answer. A proposal
// holds the event it would record; approving records that event (with the approver as actor
// and, for an extension, approved_by), rejecting drops it.
//
// Kept in memory by this process: a restart forgets open proposals (the register itself is
// not affected; the clerk proposes again). Thread-safe (one mutex).

#ifndef GONGKAI_WEB_PROPOSALS_H_
#define GONGKAI_WEB_PROPOSALS_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cases/event.h"

namespace gongkai::web {

struct Proposal {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string case_number;
  Event event;              // extension_approved or answered
  std::string proposed_by;  // login name of the clerk
  std::string reason;       // why, for the head
};

// True for the event types that need the head's approval.
bool NeedsApproval(EventType type);

class ProposalBook {
 public:
  // Stores `p` under a new id and returns it.
  int64_t Add(Proposal p);
  // The open proposals of one case / one agency, oldest first.
  std::vector<Proposal> ForCase(int64_t agency_id, const std::string& case_number) const;
  std::vector<Proposal> ForAgency(int64_t agency_id) const;
  std::optional<Proposal> Get(int64_t id) const;
  // Removes the proposal; false when there was none.
  bool Remove(int64_t id);

 private:
  // Protected by mu_.
  mutable std::mutex mu_;
  int64_t next_id_ = 1;
  std::vector<Proposal> open_;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_PROPOSALS_H_
