// The outbox: messages to applicants and staff (notify/messages.h) waiting to be sent. A message
// is queued in the same transaction as the step that causes it (case registration and every
// appended event, store/case_store.h), so a step is never recorded without its message nor a
// message queued for a step that rolled back. One row per cause and channel: queuing the same
// cause twice keeps the first.
//
// Senders (notify/sender.h) drain it: Claim takes due messages under a lease — a conditional
// UPDATE that only one claimant can win, on SQLite as on PostgreSQL — so two app servers never
// send the same message; a sender that dies mid-send leaves a lease that runs out, after which
// the message is claimed again (nothing is lost; at worst a message whose sending was cut off
// after the server accepted it goes out twice). A failed attempt is recorded with its error and
// retried after RetryDelay; after kMaxSendAttempts the message is marked failed for the office
// to see and retry. A sent message's body is erased (a receipt carries the query code, which the
// register otherwise holds only hashed).
// The applicant's personal data follows their record (store/applicant_records.h): an Art. 41
// correction of the e-mail or phone readdresses the queued messages; an erasure blanks the
// recipients and texts of the case's messages and stops those still queued.
//
// An Outbox is a light handle over a Database; thread safety is the Database's.

#ifndef GONGKAI_STORE_OUTBOX_H_
#define GONGKAI_STORE_OUTBOX_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "notify/messages.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// DO NOT CHANGE the keys: stored in outbox.state.
enum class OutboxState { kQueued, kSent, kFailed };
std::string_view Key(OutboxState s);
std::string_view Label(OutboxState s);  // 待发送 | 已发送 | 发送失败

struct OutboxMessage {
  int64_t agency_id = 0;
  std::string id;
  std::string case_number;  // "" for a staff digest
  Message message;
  OutboxState state = OutboxState::kQueued;
  int attempts = 0;
  std::string last_error;
  std::string created_at;       // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string next_attempt_at;  // UTC; when a queued message is next tried
  std::string sent_at;          // UTC; "" until sent
};

struct OutboxFilter {
  std::optional<int64_t> agency_id;
  std::string case_number;  // "" = every case and digest
  std::optional<OutboxState> state;
  int limit = 100;
};

class Outbox {
 public:
  explicit Outbox(Database& db) : db_(db) {}

  // Queues `message` for `cause` (a stable name of what caused it, e.g. "case/2024-000001/3").
  // Returns false when a message for the same cause and channel is already queued or sent.
  Result<bool> Enqueue(int64_t agency_id, std::string_view cause, std::string_view case_number,
                       const Message& message);

  // Claims up to `limit` queued messages of the given channels that are due now and not claimed
  // by anyone (or whose claim ran out), for `worker` for `lease`; oldest due first. A message
  // another worker claimed first is left out.
  Result<std::vector<OutboxMessage>> Claim(std::string_view worker,
                                           const std::set<MessageChannel>& channels, int limit,
                                           std::chrono::seconds lease);

  // Records a claimed message as sent (its body erased). Returns false when `worker` no longer
  // holds its claim (it ran out and someone else took it); nothing is changed then.
  Result<bool> MarkSent(const OutboxMessage& m, std::string_view worker);
  // Records a failed attempt with `error` (no personal data: the transport's message), to be
  // retried after RetryDelay, or marked failed after kMaxSendAttempts or at once when
  // `give_up` (an error no retry can cure, e.g. a malformed address). False as for MarkSent.
  Result<bool> MarkFailed(const OutboxMessage& m, std::string_view worker, std::string_view error,
                          bool give_up = false);

  // Puts a failed message back in the queue, due now, with its attempts reset. kNotFound when
  // the agency has no failed message `id`.
  Status Retry(int64_t agency_id, std::string_view id);

  // Messages matching `filter`, newest first.
  Result<std::vector<OutboxMessage>> List(const OutboxFilter& filter);
  // Queued messages of `channel` across every agency (what waits for an unconfigured transport).
  Result<int64_t> CountQueued(MessageChannel channel);

 private:
  Database& db_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_OUTBOX_H_
