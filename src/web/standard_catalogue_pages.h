// The office's view of its 基层政务公开标准目录 (store/standard_catalogue.h) under
// /office/a/{agency}/standard-catalogue: every row with the register's items filed under it and
// how many of them are public, the rows with no public item yet listed first; and the import of
// a .csv or .xlsx file that replaces the catalogue (all or nothing, every bad row and column
// listed). Staff of the agency read; clerks and heads import (the route table's kClerk).

#ifndef GONGKAI_WEB_STANDARD_CATALOGUE_PAGES_H_
#define GONGKAI_WEB_STANDARD_CATALOGUE_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// GET /office/a/{agency}/standard-catalogue
Response StandardCataloguePage(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/standard-catalogue/import: multipart, the file in field "file".
Response ImportStandardCatalogueSubmit(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_STANDARD_CATALOGUE_PAGES_H_
