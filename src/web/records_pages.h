// The office's registers behind report table A (store/records.h) on the web: one page per
// agency, /office/a/{agency}/records, listing its 规章 and 行政规范性文件 (文号, title, issue and
// abolition dates) and each year's decision counts and 行政事业性收费, with forms to register a
// document, set a year's counts and import a CSV file. Every member of staff of the agency (or
// above it) sees the page; clerks and heads change it (the route table's kClerk); another
// agency's user gets 403. The store refuses, with its message, a change falling in a year
// whose report is published (kConflict, shown as 409), and an import with any bad row (shown
// as 422, every row by line and column; nothing is written).

#ifndef GONGKAI_WEB_RECORDS_PAGES_H_
#define GONGKAI_WEB_RECORDS_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// GET /office/a/{agency}/records
Response RecordsPage(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/records/documents: kind, number, title, issued, abolished (optional).
Response RecordsAddDocument(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/records/counts: year, licensing, punishment, enforcement, fees_yuan.
Response RecordsSetCounts(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/records/import: multipart with the CSV file in field "file".
Response RecordsImport(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_RECORDS_PAGES_H_
