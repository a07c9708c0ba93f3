// The web application's defences that do not depend on a page: response security headers,
// cookies (HttpOnly, SameSite=Lax, Secure behind TLS), CSRF tokens (constant-time comparison;
// a double-submit cookie for visitors without a session, the session's token for staff), the
// client address behind trusted reverse proxies, and a token-bucket rate limiter per client
// (public POSTs, sign-in) or for everyone at once (the tracking page's global cap).
//
// RateLimiter is thread-safe (one mutex); the rest are stateless functions.

#ifndef GONGKAI_WEB_SECURITY_H_
#define GONGKAI_WEB_SECURITY_H_

#include <chrono>
#include <list>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "web/http.h"

namespace gongkai::web {

// Names of the cookies the application sets.
inline constexpr std::string_view kSessionCookie = "gk_session";
inline constexpr std::string_view kVisitorCsrfCookie = "gk_csrf";
// Name of the hidden form field carrying the CSRF token.
inline constexpr std::string_view kCsrfField = "_csrf";

// Adds Content-Security-Policy (no inline script, no foreign origins), X-Content-Type-Options
// nosniff, X-Frame-Options DENY, Referrer-Policy same-origin and, for pages, no-store caching
// (they may show personal data). Static files keep their own Cache-Control. `over_tls` adds
// Strict-Transport-Security (kStrictTransportSecurity): browsers then refuse plain HTTP.
void AddSecurityHeaders(Response& response, bool over_tls = false);
inline constexpr std::string_view kStrictTransportSecurity = "max-age=31536000";

// True when `peer` (the TCP peer's address) is one of `trusted_proxies` (exact addresses).
bool IsTrustedProxy(std::string_view peer, std::span<const std::string> trusted_proxies);

// The client's address: `peer` itself unless it is a trusted proxy; then the right-most address
// of `forwarded_for` (X-Forwarded-For, each proxy appends the address it saw) that is not a
// trusted proxy, since everything left of it was written by the client and may be forged. When
// every entry is a trusted proxy, the left-most; when the header is empty, `peer`.
std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          std::span<const std::string> trusted_proxies);

// A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure when `secure`; `max_age_seconds`
// < 0 makes a session cookie, 0 deletes the cookie.
std::string CookieHeader(std::string_view name, std::string_view value, bool secure,
                         long max_age_seconds);

// 32 random bytes as 64 hex characters (libsodium randombytes_buf).
std::string RandomToken();

// Constant-time comparison of two tokens; false when either is empty.
bool TokensEqual(std::string_view a, std::string_view b);

// A token bucket per client key (an address, or one key for a global cap): each key may make
// `burst` requests at once and then one every `refill_interval`. Memory is bounded: a bucket
// idle long enough to have refilled is the same as none and is evicted (oldest first, at each
// Take), and beyond `max_clients` the least recently used bucket is dropped even if not full —
// under a flood of distinct addresses a forgotten client merely gets a fresh burst. Take costs
// O(1) amortised.
class RateLimiter {
 public:
  static constexpr std::size_t kMaxTrackedClients = 10000;
  using Clock = std::chrono::steady_clock;

  RateLimiter(int burst, Clock::duration refill_interval,
              std::size_t max_clients = kMaxTrackedClients);

  // Takes one token for `client` at `now`. Returns 0 when allowed, else the whole seconds to
  // wait before the next token (at least 1). REQUIRES: `now` never goes backwards.
  int Take(const std::string& client, Clock::time_point now);

  // Buckets currently tracked (for tests and metrics).
  std::size_t size();

 private:
  struct Bucket {
    std::string client;
    double tokens;
    Clock::time_point updated;
  };
  // Least recently used first.
  using Buckets = std::list<Bucket>;

  // Constant after construction.
  const double burst_;
  const double refill_per_second_;
  const Clock::duration full_refill_;  // an idle bucket is full again after this long
  const std::size_t max_clients_;

  // Protected by mu_.
  std::mutex mu_;
  Buckets lru_;
  std::unordered_map<std::string, Buckets::iterator> index_;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SECURITY_H_
