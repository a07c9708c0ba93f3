// The public catalogue (政府信息公开目录, Art. 12, 24) on the web: the agencies
// (/catalogue), one agency's published items with filters by category (Art. 20/21, and the rows
// of its 基层政务公开标准目录 with their counts when it has one), kind and year and
// paging with totals (/catalogue/{agency}), an item's page with its metadata, text and
// attachments (/catalogue/{agency}/items/{id}, downloads under …/files/{n}), and Atom feeds per
// agency and per category. Only public items (web/public_items.h) are shown; anything else is a
// 404. URLs carry the item id, never a 索引号 (which contains "/"); category keys are
// percent-encoded.

#ifndef GONGKAI_WEB_CATALOGUE_PAGES_H_
#define GONGKAI_WEB_CATALOGUE_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// Atom feeds list the newest this many items.
inline constexpr int kFeedEntries = 50;

// GET /catalogue
Response CatalogueIndex(RequestContext& ctx, const Request& req);
// GET /catalogue/{agency}?category=&kind=&year=&page=
Response AgencyCatalogue(RequestContext& ctx, const Request& req);
// GET /catalogue/{agency}/items/{id}
Response CatalogueItem(RequestContext& ctx, const Request& req);
// GET /catalogue/{agency}/items/{id}/files/{n}
Response CatalogueAttachment(RequestContext& ctx, const Request& req);
// GET /catalogue/{agency}/feed.atom
Response AgencyFeed(RequestContext& ctx, const Request& req);
// GET /catalogue/{agency}/categories/{category}/feed.atom
Response CategoryFeed(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_CATALOGUE_PAGES_H_
