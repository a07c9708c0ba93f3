// The sender drains the outbox (store/outbox.h) through the configured transports
// (transport/transports.h): it claims due messages of the configured channels, sends each, and
// records the outcome — sent, or the error with the next try after the back-off. Logs name the
// message's id, kind, channel and masked recipient, never its text.
//
// DrainOnce is one pass (the CLI's `gongkai notify send`, for cron and tests). BackgroundSender
// is the server's: a thread that drains every `interval` and, once a day, queues the staff's
// deadline digests (store/staff_digests.h); it stops when destroyed. Several servers may run
// one each on the same database: claims keep them from sending a message twice.

#ifndef GONGKAI_TRANSPORT_SENDER_H_
#define GONGKAI_TRANSPORT_SENDER_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "store/calendars.h"
#include "store/database.h"
#include "store/outbox.h"
#include "transport/transports.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct DrainResult {
  int sent = 0;
  int failed = 0;  // attempts that failed (the messages wait for their retry, or gave up)
};

// How long a claim lasts: longer than the transports' timeout, so a live sender keeps its claim.
inline constexpr std::chrono::seconds kSendLease{120};

// A name for this process's claims: host, process id and a random part.
std::string SenderName();

// Sends every message of the configured channels that is due now, in batches of `batch`, until
// none is left (a message that fails waits for its back-off, so a pass ends). Returns the
// counts, or the first database error.
Result<DrainResult> DrainOnce(Outbox& outbox, const Transports& transports, std::string_view worker,
                              int batch = 20);

class BackgroundSender {
 public:
  // Starts the thread. `today` gives the agency date (Asia/Shanghai) for the digest's day.
  BackgroundSender(Database& db, Calendars& calendars, Transports transports,
                   std::chrono::milliseconds interval, int reminder_days);
  ~BackgroundSender();
  BackgroundSender(const BackgroundSender&) = delete;
  BackgroundSender& operator=(const BackgroundSender&) = delete;

 private:
  void Loop();

  // Constant after construction.
  Database& db_;
  Calendars& calendars_;
  const Transports transports_;
  const std::chrono::milliseconds interval_;
  const int reminder_days_;
  const std::string worker_;

  // Protected by mu_.
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;

  // Touched by the thread only.
  std::optional<Date> digest_day_;
  std::thread thread_;
};

}  // namespace gongkai

#endif  // GONGKAI_TRANSPORT_SENDER_H_
