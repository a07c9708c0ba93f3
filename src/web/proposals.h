// The head's side of the clerk → head proposals (store/proposals.h) in the office pages: the
// head's inbox of every proposal waiting across the agencies the head may act on, the approve
// and reject actions (declared with the other handlers in web/handlers.h; a rejection needs a
// reason, which the clerk reads on the case page) and the queue's list of proposals awaiting a
// decision. The case page shows a case's own proposals.

#ifndef GONGKAI_WEB_PROPOSALS_H_
#define GONGKAI_WEB_PROPOSALS_H_

#include <string>
#include <vector>

#include "store/proposals.h"
#include "web/templates.h"

namespace gongkai::web {

// Rows {number, href, label, proposed_by, created_at, reason?} of pending proposals, oldest
// first, for the queue.
View PendingProposalRows(const std::vector<Proposal>& pending);

// One line saying what an event records beyond its type and date, as the case page shows it
// (web/case_page.cc): the head's inbox describes each proposed step with it.
std::string EventDetail(const Event& e);

// "2024-10-08T02:03:04Z" (UTC) as Beijing time "2024-10-08 10:03"; the input when malformed.
std::string BeijingTime(const std::string& utc);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_PROPOSALS_H_
