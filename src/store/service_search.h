// The service catalogue (store/services.h) in the search index (store/search_index.h): every
// in-use 业务办理项 — the unit of a guide — is one document of kind kService, ref its code, so the
// public search finds items and their guides together with published information (proactive.md
// §5). The document holds:
//   title    the item's name (its pinyin and initials come with it, as for every title);
//   codes    the item's code, and an "implementation_code" (实施编码) when the item carries one,
//            matched exactly and put first;
//   summary  its aliases (the unknown field "aliases": a string or an array of strings, e.g.
//            "开饭店办证"), 实施机关 and type;
//   body     the guide's text: 申请条件, materials (with their notes), basis, place, window,
//            hours, steps and FAQ;
//   date     the 生效时间 of its first version, so a portal asking for `until` = today does not
//            show an item before it takes effect;
//   url      its permanent link /g/{code}.
// Items on the other levels, and suspended or cancelled ones, are not in the index: the guide of
// a suspended or cancelled item is still at its link, but search leads to what can be applied
// for. The catalogue's writers (import, a published change) keep the index current inside their
// own transactions; `gongkai search reindex` rebuilds it through ListServiceSearchDocuments (the
// source row in store/search_sources.cc). The current row counts: a change scheduled for a later
// date shows in search from its publication.
//
// Plain functions; thread safety is the Database's.

#ifndef GONGKAI_STORE_SERVICE_SEARCH_H_
#define GONGKAI_STORE_SERVICE_SEARCH_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "search/document.h"
#include "services/item.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// The permanent link of an item's guide, relative to the site: "/g/" + the code as one
// percent-encoded path segment. The same as web/service_links.h GuideLink with an empty base.
std::string ServiceGuidePath(std::string_view code);

// The document of `item` (see above), or nullopt when the item is not indexed (not an in-use
// 业务办理项). `first_effective` is the 生效时间 of its first version. Pure.
std::optional<SearchDocument> ServiceSearchDocument(int64_t agency_id, const ServiceItem& item,
                                                    std::optional<Date> first_effective);

// Calls `emit` with the document of every indexed item of every agency.
Status ListServiceSearchDocuments(Database& db,
                                  const std::function<Status(const SearchDocument&)>& emit);

}  // namespace gongkai

#endif  // GONGKAI_STORE_SERVICE_SEARCH_H_
