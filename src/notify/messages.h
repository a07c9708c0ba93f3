// The messages a disclosure case sends its applicant (Alaveteli's lesson: every step told), and
// the staff's daily deadline digest: which steps are told, and the Simplified Chinese text of
// each — an e-mail (subject and body) and a short SMS — built from the case's events and
// deadlines. Also the outbox's retry schedule. Pure functions of their arguments (no clock, no
// I/O); the store queues what they return (store/outbox.h) in the transaction of the step.
//
// The steps told (issue 13): received (the receipt: number, query code, legal receipt date,
// reply deadline and its explanation, cases/receipt.h), 补正 requested (its items and deadline),
// extension approved (the new due date), consultation sent (the clock stops), fee notice sent
// (amount and payment deadline), answered (the outcome), delivered. Other steps (payments,
// answers of consulted parties, withdrawals, remedies) are the applicant's own or told on paper.

#ifndef GONGKAI_NOTIFY_MESSAGES_H_
#define GONGKAI_NOTIFY_MESSAGES_H_

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/deadline.h"
#include "cases/case_state.h"
#include "cases/event.h"
#include "law/vocab.h"
#include "util/date.h"

namespace gongkai {

// DO NOT CHANGE the keys: stored in the outbox.
enum class MessageKind {
  kReceipt,       // 申请已收到
  kCorrection,    // 需要补正
  kExtension,     // 延期答复
  kConsultation,  // 征求意见，答复期限中止
  kFeeNotice,     // 收费通知
  kAnswer,        // 已作出答复
  kDelivery,      // 已送达
  kStaffDigest,   // 工作人员每日期限提醒
};
std::span<const VocabEntry<MessageKind>> MessageKinds();
std::string_view Key(MessageKind v);
std::string_view Label(MessageKind v);
std::optional<MessageKind> MessageKindFromKey(std::string_view key);

// DO NOT CHANGE the keys: stored in the outbox.
enum class MessageChannel { kEmail, kSms };
std::span<const VocabEntry<MessageChannel>> MessageChannels();
std::string_view Key(MessageChannel v);
std::string_view Label(MessageChannel v);
std::optional<MessageChannel> MessageChannelFromKey(std::string_view key);

// One message to send. `subject` is empty for an SMS.
struct Message {
  MessageKind kind = MessageKind::kReceipt;
  MessageChannel channel = MessageChannel::kEmail;
  std::string to;  // an e-mail address or a phone number
  std::string subject;
  std::string body;

  friend bool operator==(const Message&, const Message&) = default;
};

// The kind of message a step calls for; nullopt for steps the applicant is not sent a message
// about.
std::optional<MessageKind> MessageKindFor(EventType type);

// What the case's messages say besides its events.
struct CaseContacts {
  std::string agency_name;
  std::string case_number;
  std::string email;  // the applicant's; "" when none (then no e-mail)
  std::string phone;  // the applicant's; "" when none (then no SMS)
  // The query code, for the receipt only: it exists in clear only while the case is registered.
  std::optional<std::string> query_code;
};

// The messages for `step`, the case's newest event, given the case's state with it
// (ComputeCaseState of the events up to and including it): an e-mail when the applicant gave an
// address, an SMS when a phone; none for a step MessageKindFor does not tell.
std::vector<Message> MessagesForStep(const CaseContacts& contacts, const Event& step,
                                     const CaseState& state, const DeadlineSettings& settings);

// One line of the staff digest.
struct DigestCase {
  std::string number;
  std::string applicant_display;  // masked, as lists show it
  Date due;
  int days_left = 0;  // negative when overdue
};

// The daily e-mail to `staff_name` at `email` listing the agency's overdue cases and those due
// within `reminder_days` working days, as of `today`. nullopt when both lists are empty.
std::optional<Message> StaffDigest(std::string_view agency_name, std::string_view staff_name,
                                   std::string_view email, Date today, int reminder_days,
                                   const std::vector<DigestCase>& overdue,
                                   const std::vector<DigestCase>& due_soon);

// The outbox's retry schedule: the wait after the n-th failed attempt (n >= 1) is one minute
// doubled each time, at most six hours; after kMaxSendAttempts failures a message is marked
// failed and waits for the office (`gongkai notify retry`).
inline constexpr int kMaxSendAttempts = 12;
std::chrono::seconds RetryDelay(int failed_attempts);

// `to` masked for logs and pages: an address keeps its first character and domain, a phone its
// first 3 and last 4 digits.
std::string MaskRecipient(MessageChannel channel, std::string_view to);

}  // namespace gongkai

#endif  // GONGKAI_NOTIFY_MESSAGES_H_
