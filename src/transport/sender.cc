#include "transport/sender.h"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <array>

#include "store/case_store.h"
#include "store/staff_digests.h"

namespace gongkai {

std::string SenderName() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  std::array<unsigned char, 4> random{};
  if (sodium_init() >= 0) randombytes_buf(random.data(), random.size());
  std::array<char, 9> hex{};
  sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
  return fmt::format("{}/{}/{}", host.data(), getpid(), hex.data());
}

Result<DrainResult> DrainOnce(Outbox& outbox, const Transports& transports, std::string_view worker,
                              int batch) {
  DrainResult result;
  const auto channels = transports.channels();
  if (channels.empty()) return result;
  for (;;) {
    auto claimed = outbox.Claim(worker, channels, batch, kSendLease);
    if (!claimed.ok()) return claimed.status();
    if (claimed->empty()) return result;
    for (const OutboxMessage& m : *claimed) {
      const std::string who = MaskRecipient(m.message.channel, m.message.to);
      Status sent = transports.Send(m.id, m.message);
      if (sent.ok()) {
        auto marked = outbox.MarkSent(m, worker);
        if (!marked.ok()) return marked.status();
        ++result.sent;
        spdlog::info("message {} ({} by {}) sent to {}", m.id, Key(m.message.kind),
                     Key(m.message.channel), who);
        continue;
      }
      const bool give_up = sent.code() == Status::Code::kInvalidInput;
      auto marked = outbox.MarkFailed(m, worker, sent.message(), give_up);
      if (!marked.ok()) return marked.status();
      ++result.failed;
      spdlog::warn("message {} ({} by {}) to {} not sent (attempt {}{}): {}", m.id,
                   Key(m.message.kind), Key(m.message.channel), who, m.attempts + 1,
                   give_up || m.attempts + 1 >= kMaxSendAttempts ? ", given up" : "",
                   sent.message());
    }
  }
}

BackgroundSender::BackgroundSender(Database& db, Calendars& calendars, Transports transports,
                                   std::chrono::milliseconds interval, int reminder_days)
    : db_(db),
      calendars_(calendars),
      transports_(std::move(transports)),
      interval_(interval),
      reminder_days_(reminder_days),
      worker_(SenderName()),
      thread_([this] { Loop(); }) {}

BackgroundSender::~BackgroundSender() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void BackgroundSender::Loop() {
  Outbox outbox(db_);
  for (;;) {
    Date today = CaseRegister(db_, calendars_).Today();
    // Once a day per process; the outbox's causes make it once a day across restarts and
    // servers.
    if (digest_day_ != today && transports_.channels().contains(MessageChannel::kEmail)) {
      auto queued = QueueStaffDigests(db_, calendars_, today, reminder_days_);
      if (queued.ok()) {
        digest_day_ = today;
        if (*queued > 0) spdlog::info("staff digests queued: {}", *queued);
      } else {
        spdlog::error("queuing the staff digests: {}", queued.status().message());
      }
    }
    auto drained = DrainOnce(outbox, transports_, worker_);
    if (!drained.ok()) spdlog::error("draining the outbox: {}", drained.status().message());
    std::unique_lock lock(mu_);
    if (wake_.wait_for(lock, interval_, [this] { return stop_; })) return;
  }
}

}  // namespace gongkai
