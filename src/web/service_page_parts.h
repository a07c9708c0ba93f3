// Web-internal pieces shared by the public pages of the service catalogue (web/service_pages.h)
// and of its intermediary lists (web/intermediary_pages.h): the agency a page is about and a
// file download with its Chinese name.

#ifndef GONGKAI_WEB_SERVICE_PAGE_PARTS_H_
#define GONGKAI_WEB_SERVICE_PAGE_PARTS_H_

#include <string>
#include <variant>

#include "store/agencies.h"
#include "web/app.h"

namespace gongkai::web {

// The agency of the path's {agency}; the 404 (or the error page) to answer otherwise.
std::variant<Agency, Response> ServicePageAgency(RequestContext& ctx, const Request& req);

// `bytes` as an attachment named `filename` (UTF-8; web/url.h AttachmentDisposition).
Response FileDownload(std::string bytes, std::string content_type, const std::string& filename);

inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SERVICE_PAGE_PARTS_H_
