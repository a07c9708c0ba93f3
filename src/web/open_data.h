// Open data (Art. 24: 检索、查阅、下载): the public catalogue, the guide and search as JSON under
// /api/v1/, described by the OpenAPI 3 document served at /api/v1/openapi.json (web/openapi.h).
// The same rule as the HTML pages decides what is public (web/public_items.h). Responses are
// nlohmann ordered_json, keys in a fixed order; errors are {"error": {"status", "message"}} with
// the HTTP status. A publication's id is "{agency}-{item}" (items are numbered per agency).
// CORS is open (Access-Control-Allow-Origin: *): everything here is public.

#ifndef GONGKAI_WEB_OPEN_DATA_H_
#define GONGKAI_WEB_OPEN_DATA_H_

#include "web/app.h"

namespace gongkai::web {

// GET /api/v1/agencies
Response ApiAgencies(RequestContext& ctx, const Request& req);
// GET /api/v1/agencies/{agency}/publications?page=&per_page=&category=&kind=&year=
Response ApiAgencyPublications(RequestContext& ctx, const Request& req);
// GET /api/v1/publications/{id}
Response ApiPublication(RequestContext& ctx, const Request& req);
// GET /api/v1/search?q=&agency=&limit=
Response ApiSearch(RequestContext& ctx, const Request& req);
// GET /api/v1/guide/{agency}
Response ApiGuide(RequestContext& ctx, const Request& req);
// GET /api/v1/openapi.json
Response ApiOpenApi(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_OPEN_DATA_H_
