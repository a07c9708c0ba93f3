// The handlers of the route table (web/routes.cc), one function per page or action. Each looks
// like Beast's handle_request: it validates first (BadRequest, NotFound, Forbidden), then does
// one thing and returns the page or a redirect. The App has already checked the caller's role
// and the CSRF token; handlers of /office/a/{agency}/… check the agency themselves.

#ifndef GONGKAI_WEB_HANDLERS_H_
#define GONGKAI_WEB_HANDLERS_H_

#include "web/app.h"

namespace gongkai::web {

// Public portal (web/portal.cc).
Response HomePage(RequestContext& ctx, const Request& req);
Response ApplyForm(RequestContext& ctx, const Request& req);
Response ApplySubmit(RequestContext& ctx, const Request& req);
Response ApplyReceipt(RequestContext& ctx, const Request& req);
Response TrackForm(RequestContext& ctx, const Request& req);
Response TrackSubmit(RequestContext& ctx, const Request& req);
Response DeadlineCalculator(RequestContext& ctx, const Request& req);
Response Health(RequestContext& ctx, const Request& req);

// Annual reports, public and office (web/report_pages.cc).
Response PublicReportsIndex(RequestContext& ctx, const Request& req);
Response PublicReportPage(RequestContext& ctx, const Request& req);
Response PublicReportDownload(RequestContext& ctx, const Request& req);
Response OfficeReportsIndex(RequestContext& ctx, const Request& req);
Response OfficeReportPage(RequestContext& ctx, const Request& req);
Response OfficeReportDownload(RequestContext& ctx, const Request& req);

// Sign-in and first set-up (web/session_pages.cc).
Response LoginForm(RequestContext& ctx, const Request& req);
Response LoginSubmit(RequestContext& ctx, const Request& req);
Response LogoutSubmit(RequestContext& ctx, const Request& req);
Response SetupForm(RequestContext& ctx, const Request& req);
Response SetupSubmit(RequestContext& ctx, const Request& req);

// Office workspace (web/office.cc, web/case_page.cc).
Response OfficeQueue(RequestContext& ctx, const Request& req);
Response NewCaseForm(RequestContext& ctx, const Request& req);
Response NewCaseSubmit(RequestContext& ctx, const Request& req);
Response CasePage(RequestContext& ctx, const Request& req);
Response CaseStepSubmit(RequestContext& ctx, const Request& req);
Response CaseApplicantCorrect(RequestContext& ctx, const Request& req);
Response ProposalApprove(RequestContext& ctx, const Request& req);
Response ProposalReject(RequestContext& ctx, const Request& req);
Response ProposalInbox(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_HANDLERS_H_
