// The annual report workflow of the office (web/report_pages.cc): save the draft from the
// register, write the narrative of a section, approve, publish and reopen a year's report. Each
// is a POST under /office/a/{agency}/reports/{year}/ that redirects back to the report page, or
// answers with the store's reason when the step is not allowed (403 for the role, 409 for the
// version's state, 422 for a bad field). Publishing locks the year's cases (store/report_store.h).

#ifndef GONGKAI_WEB_REPORT_WORKFLOW_H_
#define GONGKAI_WEB_REPORT_WORKFLOW_H_

#include "web/app.h"

namespace gongkai::web {

Response ReportSaveDraft(RequestContext& ctx, const Request& req);
Response ReportNarrativeSubmit(RequestContext& ctx, const Request& req);
Response ReportApprove(RequestContext& ctx, const Request& req);
Response ReportPublish(RequestContext& ctx, const Request& req);
Response ReportReopen(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_REPORT_WORKFLOW_H_
