// Store-internal: queuing messages inside the caller's transaction (store/outbox.h), so a case
// step and the messages it causes commit or roll back together.

#ifndef GONGKAI_STORE_OUTBOX_ROWS_H_
#define GONGKAI_STORE_OUTBOX_ROWS_H_

#include <soci/soci.h>

#include <string_view>
#include <vector>

#include "cases/case_state.h"
#include "cases/event.h"
#include "cases/personal_data.h"
#include "notify/messages.h"
#include "store/case_rows.h"
#include "store/database.h"

namespace gongkai::internal {

// Outbox::Enqueue inside the caller's transaction. False when the cause and channel are queued.
bool EnqueueInTransaction(soci::session& sql, Database& db, long long agency,
                          std::string_view cause, std::string_view case_number,
                          const Message& message);

// Queues the applicant's messages for event number `seq` of the case (its newest, `history`
// ending with it), told by MessagesForStep with the case's state as of `today`. `query_code`
// only at registration. An erased applicant (no contacts) gets none.
void QueueCaseMessages(soci::session& sql, Database& db, const AgencyContext& ctx, int seq,
                       const std::vector<Event>& history, const CaseState& state,
                       const Applicant& applicant, const std::optional<std::string>& query_code);

// Erases the applicant's contacts and the message texts from case `number`'s messages, and stops
// those still queued (failed, saying why): the applicant's personal data was erased (Art. 41 and
// PIPL; store/applicant_records.h), and the outbox must not keep or use it.
void EraseCaseMessages(soci::session& sql, long long agency, const std::string& number);

// Sends case `number`'s still-queued messages of `channel` to `to` instead (an Art. 41
// correction of the applicant's e-mail or phone); with `to` empty, stops them (failed, saying
// why).
void ReaddressCaseMessages(soci::session& sql, long long agency, const std::string& number,
                           MessageChannel channel, const std::string& to);

// The applicant's record of case `case_id` (empty when erased or absent).
Applicant LoadApplicantContacts(soci::session& sql, long long agency, long long case_id);

}  // namespace gongkai::internal

#endif  // GONGKAI_STORE_OUTBOX_ROWS_H_
