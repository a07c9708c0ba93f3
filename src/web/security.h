// The web application's defences that do not depend on a page: response security headers,
// cookies (HttpOnly, SameSite=Lax, Secure behind TLS), CSRF tokens (constant-time comparison;
// a double-submit cookie for visitors without a session, the session's token for staff), and a
// per-IP token-bucket rate limiter for public POSTs (applications, tracking look-ups).
//
// RateLimiter is thread-safe (one mutex); the rest are stateless functions.

#ifndef GONGKAI_WEB_SECURITY_H_
#define GONGKAI_WEB_SECURITY_H_

#include <chrono>
#include <mutex>
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
// (they may show personal data). Static files keep their own Cache-Control.
void AddSecurityHeaders(Response& response);

// A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure when `secure`; `max_age_seconds`
// < 0 makes a session cookie, 0 deletes the cookie.
std::string CookieHeader(std::string_view name, std::string_view value, bool secure,
                         long max_age_seconds);

// 32 random bytes as 64 hex characters (libsodium randombytes_buf).
std::string RandomToken();

// Constant-time comparison of two tokens; false when either is empty.
bool TokensEqual(std::string_view a, std::string_view b);

// A token bucket per client address: each address may make `burst` requests at once and then
// one every `refill_interval`. Memory is bounded: when more than kMaxTrackedClients addresses
// are tracked, buckets that have refilled completely are dropped.
class RateLimiter {
 public:
  static constexpr std::size_t kMaxTrackedClients = 100000;
  using Clock = std::chrono::steady_clock;

  RateLimiter(int burst, Clock::duration refill_interval);

  // Takes one token for `client` at `now`. Returns 0 when allowed, else the whole seconds to
  // wait before the next token (at least 1).
  int Take(const std::string& client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };

  // Constant after construction.
  const double burst_;
  const double refill_per_second_;

  // Protected by mu_.
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SECURITY_H_
