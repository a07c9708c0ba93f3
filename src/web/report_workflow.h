// The annual report workflow of the office (web/report_pages.cc shows it): save the draft from the
// register, write the narrative of a section, approve, publish and reopen a year's report. Each
// is a POST under /office/a/{agency}/reports/{year}/ that redirects back to the report page, or
// answers with the store's reason when the step is not allowed (403 for the role, 409 for the
// version's state, 422 for a bad field). Each validates the URL, the agency and its fields
// first, then asks the store. Publishing locks the year's cases (store/report_store.h).

#ifndef GONGKAI_WEB_REPORT_WORKFLOW_H_
#define GONGKAI_WEB_REPORT_WORKFLOW_H_

#include <cstdint>
#include <optional>

#include "web/app.h"

namespace gongkai::web {

// The agency and year of a report URL (…/{agency}/reports/{year}).
struct ReportUrl {
  int64_t agency = 0;
  int year = 0;
};
// A year the national formats cover (2019 on) up to this year; with `ended_only` (the public)
// only years that have ended. nullopt otherwise, which the pages answer with 404. Defined in
// web/report_pages.cc.
std::optional<ReportUrl> ParseReportUrl(RequestContext& ctx, const Request& req, bool ended_only);

Response ReportSaveDraft(RequestContext& ctx, const Request& req);
Response ReportNarrativeSubmit(RequestContext& ctx, const Request& req);
Response ReportApprove(RequestContext& ctx, const Request& req);
Response ReportPublish(RequestContext& ctx, const Request& req);
Response ReportReopen(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_REPORT_WORKFLOW_H_
