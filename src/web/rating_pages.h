// The pages of 好差评 (spec services.md §7): the public statistics of a year, quarter or month —
// overall, per department and per item, each table followed by its formulas labelled 本系统口径,
// with the year's ratings by month and level and the 差评 by department drawn as SVG on the
// server, and the 差评整改公示 list in which no rater is named; the public rating form of an item
// (一事一评 from the guide page and its QR code; public POSTs are rate-limited per client by the
// App); and the bureau's queue of 差评 tickets, overdue first, where a clerk records the steps and
// the head approves or rejects those that need it. Everything goes through store/ratings.h.

#ifndef GONGKAI_WEB_RATING_PAGES_H_
#define GONGKAI_WEB_RATING_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// GET /services/{agency}/ratings?year=Y[&month=M|&quarter=Q][&department=D]
Response RatingStatsPage(RequestContext& ctx, const Request& req);
// GET and POST /services/{agency}/items/{code}/rate (?via=qr marks the channel); GET
// /services/{agency}/items/{code}/rate.svg: the QR code of the rating link.
Response RateForm(RequestContext& ctx, const Request& req);
Response RateSubmit(RequestContext& ctx, const Request& req);
Response RateQrSvg(RequestContext& ctx, const Request& req);
// POST /track/rate (agency, number, code, level, text): 一事一评 of a closed case from its tracking
// page, checked against the case's query code; rated as the agency's `rating_case_item`.
Response TrackRateSubmit(RequestContext& ctx, const Request& req);
// GET /office/a/{agency}/ratings?as_of=YYYY-MM-DD: the ticket queue.
Response RatingQueuePage(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/ratings/{rating}/steps (kind, date, result, days, note).
Response RatingStepSubmit(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/ratings/steps/{seq} (decision = approve | reject, note).
Response RatingStepDecide(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_RATING_PAGES_H_
