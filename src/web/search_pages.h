// Search on the portal (Art. 24; store/search_index.h does the finding): /search?q= shows the
// hits grouped by kind (办事事项 / 公开信息 / 政策文件 / 年度报告, as present), each with its
// agency and date and the query highlighted — every segment HTML-escaped first, then the matched
// ones wrapped in <mark> — exact 索引号 / 文号 hits first, and a page of suggestions when nothing
// is found. Each group shows its exact total and kSearchHitsPerKind hits a page; &kind=K keeps
// one kind, &page=N turns its pages (links to the previous and next page). Documents dated after
// today (an item whose 公开日期 is still to come) are neither shown nor counted.

#ifndef GONGKAI_WEB_SEARCH_PAGES_H_
#define GONGKAI_WEB_SEARCH_PAGES_H_

#include <span>
#include <string>

#include "search/highlight.h"
#include "web/app.h"

namespace gongkai::web {

// The longest query accepted, in bytes; longer ones are cut (nobody types more).
inline constexpr std::size_t kMaxQueryBytes = 200;
// Hits shown per kind on a page, and the last page (the index skips at most 10,000 per kind).
inline constexpr int kSearchHitsPerKind = 20;
inline constexpr int kMaxSearchPage = 10000 / kSearchHitsPerKind + 1;

// GET /search?q=…[&kind=service|publication|policy|report][&page=N]
Response SearchPage(RequestContext& ctx, const Request& req);

// `segments` as HTML: each escaped, the marked ones inside <mark>…</mark>.
std::string HighlightHtml(std::span<const HighlightSegment> segments);

// The results of `query` among documents dated today or earlier (SearchOptions.until is set to
// today). The query is cut to kMaxQueryBytes at a character boundary first.
Result<SearchResults> PublicSearch(RequestContext& ctx, std::string_view query,
                                   const SearchOptions& options);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SEARCH_PAGES_H_
