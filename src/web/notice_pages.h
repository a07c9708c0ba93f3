// Downloads of a case's notices (web/case_notices.h) as PDF or DOCX. The applicant reaches them
// only with the case number and the query code, both carried in POST bodies (never in a URL, so
// never in an access log): POST /track/notices lists them, POST /track/notices/download returns
// one. Staff of the agency list and download them from the case (GET, behind the session).
// A wrong number or code answers 404 with no hint which; an unknown or not-yet-issued notice 404.

#ifndef GONGKAI_WEB_NOTICE_PAGES_H_
#define GONGKAI_WEB_NOTICE_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

Response TrackNoticesSubmit(RequestContext& ctx, const Request& req);
Response TrackNoticeDownload(RequestContext& ctx, const Request& req);
Response OfficeCaseNotices(RequestContext& ctx, const Request& req);
Response OfficeCaseNoticeDownload(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_NOTICE_PAGES_H_
