// Percent-encoding (RFC 3986 §2.1) of one URL component: every byte but the unreserved
// characters A–Z a–z 0–9 - . _ ~ becomes %XX (upper-case hex), so a value holding "/", "?",
// spaces or Chinese stays one path segment or one query value. The one encoder the web layer's
// links (web/url.h) and the store's stored links (e.g. a guide's /g/{code}) share. Pure.

#ifndef GONGKAI_UTIL_PERCENT_H_
#define GONGKAI_UTIL_PERCENT_H_

#include <string>
#include <string_view>

namespace gongkai {

// PercentEncode("A/B 证") is "A%2FB%20%E8%AF%81".
std::string PercentEncode(std::string_view component);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_PERCENT_H_
