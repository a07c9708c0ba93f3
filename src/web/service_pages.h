// The public pages of the service catalogue (政务服务事项, spec services.md §2–§4, §6), mobile
// first: the permanent link /g/{code} that the hall's QR codes hold, which always serves the
// version in force today (a cancelled or suspended item says so and links its successor); an
// agency's catalogue by department and level; each 业务办理项's guide with the promised date "if
// you apply today" on the agency's calendar, its PDF and its QR code; the 进厅负面清单 and the
// 跨省通办 list with their XLSX exports; and the public change log (调整情况公示) with the before
// and after of each changed element. Everything is read from store/services.h; nothing here
// writes. Errors go through web/errors.h.

#ifndef GONGKAI_WEB_SERVICE_PAGES_H_
#define GONGKAI_WEB_SERVICE_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// GET /g/{code}: the guide of the item with that code in the first agency that has it in force.
Response ServiceGuideByCode(RequestContext& ctx, const Request& req);
// GET /services/{agency}: departments with their counts per level; ?department= shows that
// department's 主项 → 子项 → 业务办理项 tree.
Response ServiceCatalogue(RequestContext& ctx, const Request& req);
// GET /services/{agency}/items/{code}: the guide page; …/guide.pdf, …/qr.png, …/qr.svg.
Response ServiceGuidePage(RequestContext& ctx, const Request& req);
Response ServiceGuidePdf(RequestContext& ctx, const Request& req);
Response ServiceGuideQrPng(RequestContext& ctx, const Request& req);
Response ServiceGuideQrSvg(RequestContext& ctx, const Request& req);
// GET /services/{agency}/negative-list and …/negative-list.xlsx
Response NegativeListPage(RequestContext& ctx, const Request& req);
Response NegativeListDownload(RequestContext& ctx, const Request& req);
// GET /services/{agency}/cross-province and …/cross-province.xlsx
Response CrossProvincePage(RequestContext& ctx, const Request& req);
Response CrossProvinceDownload(RequestContext& ctx, const Request& req);
// GET /services/{agency}/changes?year=YYYY: the changes effective in that year (default: this
// year), each with its before and after.
Response ServiceChangeLogPage(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SERVICE_PAGES_H_
