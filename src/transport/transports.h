// The transports that carry the outbox's messages (store/outbox.h) out: e-mail over SMTP and SMS
// through a provider's HTTP API, both with libcurl. Configured once at start (`gongkai serve
// --smtp … --mail-from … --sms-url … --sms-key-file …`); a channel without its configuration is
// not sent, and its messages stay queued.
//
// SMTP: an `smtp://host:port` (or smtps://, with user:password@ when the relay asks) URL; the
// message is UTF-8 plain text, base64, with an RFC 2047 subject, so no header can be forged
// from a message's text. SMS: a POST of {"to": phone, "text": body} as JSON with the key in an
// `X-Api-Key` header; any 2xx answer is success.
//
// Errors name the transport and what failed, never the recipient or the text (they end up in
// the outbox's last_error and in logs). Transports is immutable after construction; Send may be
// called from several threads.

#ifndef GONGKAI_TRANSPORT_TRANSPORTS_H_
#define GONGKAI_TRANSPORT_TRANSPORTS_H_

#include <chrono>
#include <set>
#include <string>

#include "notify/messages.h"
#include "util/status.h"

namespace gongkai {

struct TransportOptions {
  // smtp://host:port; "" leaves e-mail queued.
  std::string smtp_url;
  // The sender's address (From and the envelope). Required with smtp_url.
  std::string mail_from;
  // The SMS provider's endpoint; "" leaves SMS queued.
  std::string sms_url;
  // The API key sent as X-Api-Key. Required with sms_url.
  std::string sms_key;
  // The longest a connection and the whole send may take.
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds timeout{30};
};

class Transports {
 public:
  // kInvalidInput saying which option is missing or malformed (a URL of another scheme, an
  // address without '@', a key with a line break).
  static Result<Transports> Create(TransportOptions options);

  // The channels configured.
  std::set<MessageChannel> channels() const;

  // Sends one message, `id` naming it in the e-mail's Message-ID. Returns kInternal with the
  // transport's error when the relay or the provider cannot be reached or refuses (worth
  // retrying); kInvalidInput when the recipient cannot be used (it would fail every time).
  Status Send(std::string_view id, const Message& message) const;

 private:
  explicit Transports(TransportOptions options) : options_(std::move(options)) {}
  TransportOptions options_;
};

// The RFC 5322 text of `message` from `from` (exposed for tests): headers, then the base64 body.
std::string MailText(std::string_view id, std::string_view from, const Message& message,
                     std::chrono::system_clock::time_point date);

}  // namespace gongkai

#endif  // GONGKAI_TRANSPORT_TRANSPORTS_H_
