// The disclosure guide (政府信息公开指南, publications/guide.h, store/guides.h) on the web: the
// office's editor at /office/a/{agency}/guide and the public page /guide/{agency}. Every member of
// staff of the agency (or above it) sees the editor; clerks and heads save and publish (the route
// table's kClerk). Saving always keeps what was typed as a new version; publishing is refused,
// with the list of the missing Art. 12 elements (422), while any is blank. The public sees the
// newest published version, or a 404 page saying none is published.

#ifndef GONGKAI_WEB_GUIDE_PAGES_H_
#define GONGKAI_WEB_GUIDE_PAGES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "web/app.h"

namespace gongkai::web {

// GET /office/a/{agency}/guide
Response GuideEditor(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/guide: one field per GuideElements() key, and action = save | publish.
Response GuideSubmit(RequestContext& ctx, const Request& req);
// GET /guide/{agency}
Response PublicGuidePage(RequestContext& ctx, const Request& req);

// The reminders about the agency's guide for the office index ({line, href}); empty on a
// database error (logged), so the queue still shows.
View GuideReminderLines(RequestContext& ctx, int64_t agency_id);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_GUIDE_PAGES_H_
