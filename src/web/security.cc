#include "web/security.h"

#include <sodium.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace gongkai::web {

void AddSecurityHeaders(Response& response, bool over_tls) {
  response.AddHeader("Content-Security-Policy",
                     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                     "data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                     "frame-ancestors 'none'");
  response.AddHeader("X-Content-Type-Options", "nosniff");
  response.AddHeader("X-Frame-Options", "DENY");
  response.AddHeader("Referrer-Policy", "same-origin");
  if (!response.FindHeader("Cache-Control")) {
    response.AddHeader("Cache-Control", "no-store");
  }
  if (over_tls) {
    response.AddHeader("Strict-Transport-Security", std::string(kStrictTransportSecurity));
  }
}

bool IsTrustedProxy(std::string_view peer, std::span<const std::string> trusted_proxies) {
  return std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) != trusted_proxies.end();
}

std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          std::span<const std::string> trusted_proxies) {
  if (!IsTrustedProxy(peer, trusted_proxies)) return std::string(peer);
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  std::string_view leftmost;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    std::size_t comma = rest.rfind(',');
    std::string_view entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (entry.empty()) continue;
    if (!IsTrustedProxy(entry, trusted_proxies)) return std::string(entry);
    leftmost = entry;
  }
  return std::string(leftmost.empty() ? peer : leftmost);
}

std::string CookieHeader(std::string_view name, std::string_view value, bool secure,
                         long max_age_seconds) {
  std::string out = fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax", name, value);
  if (max_age_seconds >= 0) out += fmt::format("; Max-Age={}", max_age_seconds);
  if (secure) out += "; Secure";
  return out;
}

std::string RandomToken() {
  if (sodium_init() < 0) std::abort();  // libsodium cannot fail to initialise on Linux
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(hex, sizeof bytes * 2);
}

bool TokensEqual(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

RateLimiter::RateLimiter(int burst, Clock::duration refill_interval, std::size_t max_clients)
    : burst_(burst),
      refill_per_second_(1.0 / std::chrono::duration<double>(refill_interval).count()),
      full_refill_(refill_interval * burst),
      max_clients_(std::max<std::size_t>(1, max_clients)) {}

int RateLimiter::Take(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mu_);
  // Buckets idle for a full refill hold `burst` tokens, exactly like an absent one.
  while (!lru_.empty() && now - lru_.front().updated >= full_refill_) {
    index_.erase(lru_.front().client);
    lru_.pop_front();
  }
  auto found = index_.find(client);
  if (found == index_.end()) {
    if (lru_.size() >= max_clients_) {
      index_.erase(lru_.front().client);
      lru_.pop_front();
    }
    lru_.push_back(Bucket{client, burst_, now});
    found = index_.emplace(client, std::prev(lru_.end())).first;
  } else {
    lru_.splice(lru_.end(), lru_, found->second);
  }
  Bucket& b = *found->second;
  if (now > b.updated) {
    double elapsed = std::chrono::duration<double>(now - b.updated).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * refill_per_second_);
  }
  b.updated = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  double wait = (1.0 - b.tokens) / refill_per_second_;
  return std::max(1, static_cast<int>(std::ceil(wait)));
}

std::size_t RateLimiter::size() {
  std::lock_guard lock(mu_);
  return lru_.size();
}

}  // namespace gongkai::web
