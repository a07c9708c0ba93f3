// The permanent link of a service item's guide, as the QR codes in the hall hold it (spec
// services.md §6): a public base URL, then /g/ and the item's code as one percent-encoded path
// segment (web/url.h), so a code holding "/" or Chinese stays one segment. The link always serves
// the version in force (web/service_pages.h). Pure function; thread-safe.

#ifndef GONGKAI_WEB_SERVICE_LINKS_H_
#define GONGKAI_WEB_SERVICE_LINKS_H_

#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai::web {

// `base_url` without its trailing slashes + "/g/" + the encoded code:
// GuideLink("https://zw.example.cn/", "A/B") is "https://zw.example.cn/g/A%2FB".
std::string GuideLink(std::string_view base_url, std::string_view code);

// The public base URL setting (`gongkai serve --public-url`, `services qr|sheet --base-url`,
// or the environment's GONGKAI_PUBLIC_URL; one setting): OK for "http://" or "https://" then a
// host, with an optional port and path and no query or fragment; kInvalidInput naming the value
// and an example otherwise.
Status CheckPublicUrl(std::string_view url);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SERVICE_LINKS_H_
