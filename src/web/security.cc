#include "web/security.h"

#include <sodium.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace gongkai::web {

void AddSecurityHeaders(Response& response) {
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

RateLimiter::RateLimiter(int burst, Clock::duration refill_interval)
    : burst_(burst),
      refill_per_second_(1.0 / std::chrono::duration<double>(refill_interval).count()) {}

int RateLimiter::Take(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (buckets_.size() > kMaxTrackedClients) {
    std::erase_if(buckets_, [&](const auto& entry) {
      double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
      return entry.second.tokens + elapsed * refill_per_second_ >= burst_;
    });
  }
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!inserted && now > b.updated) {
    double elapsed = std::chrono::duration<double>(now - b.updated).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * refill_per_second_);
    b.updated = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  double wait = (1.0 - b.tokens) / refill_per_second_;
  return std::max(1, static_cast<int>(std::ceil(wait)));
}

}  // namespace gongkai::web
