// The office's register of proactive disclosure (store/publications.h) on the web, under
// /office/a/{agency}/publications: the list with the Art. 26 clock of every item not yet
// published (due date with its explanation, overdue and due-soon marked) and the year's late
// count; the form to add or change an item; withdraw, mark expired, repeal; the import of a
// JSONL, CSV or XLSX file through the store's one import (all or nothing, every bad line shown);
// and the Art. 44 suggestions (requests asked for by several applications, offered for
// proactive publication). Every member of staff of the agency (or above it) reads; clerks and
// heads change (the route table's kClerk); another agency's user gets 403.

#ifndef GONGKAI_WEB_PUBLICATION_PAGES_H_
#define GONGKAI_WEB_PUBLICATION_PAGES_H_

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "store/publications.h"
#include "web/app.h"

namespace gongkai::web {

// Art. 44 suggestions list requested items asked for by at least this many cases (design: two
// applications already show more than one person needs the information).
inline constexpr int kArt44MinCases = 2;
// The list shows this many items a page.
inline constexpr int kRegisterPageSize = 50;
// An unpublished item is "due soon" with at most this many working days left.
inline constexpr int kPublicationDueSoonWorkingDays = 5;

// The agency of the URL's {agency} when the caller may act on it, or the response to send
// (404 for an unknown agency, 403 for another agency's user, 500 logged).
std::variant<Agency, Response> RegisterAgency(RequestContext& ctx, const Request& req);
// A refusal's message as lines, one per problem (the store and the readers list one a line).
std::vector<std::string> ProblemLines(const Status& s);
// The edit page of stored item `p`, showing `errors` (a refused form on it) with `status`.
Response EditPublicationPage(RequestContext& ctx, const Agency& agency, const StoredPublication& p,
                             const std::vector<std::string>& errors, int status);

// GET /office/a/{agency}/publications?page=
Response PublicationsPage(RequestContext& ctx, const Request& req);
// GET /office/a/{agency}/publications/new?title= (the title prefilled from a suggestion)
Response NewPublicationForm(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/publications/new
Response NewPublicationSubmit(RequestContext& ctx, const Request& req);
// GET /office/a/{agency}/publications/{id}
Response EditPublicationForm(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/publications/{id}
Response EditPublicationSubmit(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/publications/{id}/withdraw: reason
Response WithdrawPublicationSubmit(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/publications/{id}/expire and …/repeal: date
Response ExpirePublicationSubmit(RequestContext& ctx, const Request& req);
Response RepealPublicationSubmit(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/publications/import: multipart, the file in field "file" (.jsonl,
// .csv or .xlsx by its name).
Response ImportPublicationsSubmit(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_PUBLICATION_PAGES_H_
