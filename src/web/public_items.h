// What the public may see of the publications register (store/publications.h), one rule shared
// by the catalogue pages, the feeds and the open-data API: an item is public when its 公开日期
// is set and on or before today (an item dated tomorrow is not yet public; a withdrawn one has
// no date). Also the item's public URL and the labels the pages show. Today is a parameter.

#ifndef GONGKAI_WEB_PUBLIC_ITEMS_H_
#define GONGKAI_WEB_PUBLIC_ITEMS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "store/database.h"
#include "store/publications.h"
#include "store/standard_catalogue.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai::web {

// Public catalogue pages hold this many items by default, and at most kMaxPublicPageSize.
inline constexpr int kPublicPageSize = 20;
inline constexpr int kMaxPublicPageSize = 100;

bool IsPublic(const Publication& item, Date today);

struct PublicQuery {
  std::optional<std::string> category;  // 主题分类 key
  std::optional<PublicationKind> kind;
  std::optional<int> year;  // 生成日期 in this year
  int page = 1;             // 1-based
  int per_page = kPublicPageSize;
};

struct PublicPage {
  std::vector<StoredPublication> items;  // this page, newest 公开日期 first, then highest id
  int64_t total = 0;                     // every public item matching the query
  int page = 1;
  int pages = 1;  // at least 1
};

// The agency's public items matching `query`. kInvalidInput when page or per_page is out of
// range (page < 1, per_page outside 1 … kMaxPublicPageSize).
Result<PublicPage> ListPublicItems(Database& db, int64_t agency_id, const PublicQuery& query,
                                   Date today);

// What the agency's public items can be narrowed to, with the number of items of each: the
// categories (in StatutoryCategories order, then local keys), the kinds and the 生成日期 years
// (newest first). Values without items are left out.
struct PublicFacets {
  std::vector<std::pair<std::string, int64_t>> categories;
  std::vector<std::pair<PublicationKind, int64_t>> kinds;
  std::vector<std::pair<int, int64_t>> years;
  int64_t total = 0;
};
Result<PublicFacets> PublicItemFacets(Database& db, int64_t agency_id, Date today);

// Item `id` of the agency when public; kNotFound when absent or not public.
Result<StoredPublication> GetPublicItem(Database& db, int64_t agency_id, int64_t id, Date today);

// "/catalogue/3/items/17" and "/catalogue/3/items/17/files/0".
std::string ItemPath(int64_t agency_id, int64_t id);
std::string AttachmentPath(int64_t agency_id, int64_t id, int n);

// The category's label: the Art. 20/21 wording, or the key itself for a local catalogue row.
std::string CategoryLabel(std::string_view key);
// As above, with a local key labelled by its row of the agency's 基层政务公开标准目录 (`standard`,
// store/standard_catalogue.h): "社会救助 · 最低生活保障".
std::string CategoryLabel(std::string_view key, std::span<const StandardCatalogueRow> standard);
// The row of `standard` whose key is `key`, or nullptr.
const StandardCatalogueRow* StandardRowOf(std::string_view key,
                                          std::span<const StandardCatalogueRow> standard);

// "有效", or "已废止（2024年3月1日）" with the date of an expiry or repeal.
std::string ValidityText(const Publication& item);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_PUBLIC_ITEMS_H_
