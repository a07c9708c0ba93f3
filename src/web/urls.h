// URLs built from stored values. A case number is typed by people and may hold any character,
// `/ ? # %` included, so every link that carries one encodes it as one path segment here, and the
// router decodes each segment of the raw path separately (web/router.h), so the number arrives
// in Request::params as it was stored. Functions; thread-safe.

#ifndef GONGKAI_WEB_URLS_H_
#define GONGKAI_WEB_URLS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai::web {

// `value` percent-encoded as one path segment: every byte but the unreserved characters of
// RFC 3986 (A–Z a–z 0–9 - . _ ~) becomes %XX, so "2026/01?#%" is "2026%2F01%3F%23%25".
std::string PathSegment(std::string_view value);

// The office's page of a case: /office/a/{agency}/cases/{number, encoded}.
std::string CaseUrl(std::int64_t agency_id, std::string_view number);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_URLS_H_
