#include "web/public_items.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "store/publication_search.h"
#include "web/views.h"

namespace gongkai::web {

bool IsPublic(const Publication& item, Date today) {
  return item.published && DayNumber(*item.published) <= DayNumber(today);
}

Result<PublicPage> ListPublicItems(Database& db, int64_t agency_id, const PublicQuery& query,
                                   Date today) {
  if (query.page < 1) return Status::InvalidInput("页码 page 应为从 1 开始的整数");
  if (query.per_page < 1 || query.per_page > kMaxPublicPageSize) {
    return Status::InvalidInput(
        fmt::format("每页条数 per_page 应在 1 到 {} 之间", kMaxPublicPageSize));
  }
  PublicationFilter filter;
  filter.category = query.category;
  filter.kind = query.kind;
  filter.year = query.year;
  filter.published_until = today;
  filter.newest_published_first = true;
  filter.offset = (query.page - 1) * query.per_page;
  filter.limit = query.per_page;
  auto listed = ListPublications(db, agency_id, filter);
  if (!listed.ok()) return listed.status();
  PublicPage page;
  page.items = std::move(listed->items);
  page.total = listed->total;
  page.page = query.page;
  page.pages = std::max<int64_t>(1, (page.total + query.per_page - 1) / query.per_page);
  return page;
}

Result<PublicFacets> PublicItemFacets(Database& db, int64_t agency_id, Date today) {
  auto counts = CountPublishedFacets(db, agency_id, today);
  if (!counts.ok()) return counts.status();
  std::map<std::string, int64_t> categories(counts->categories.begin(), counts->categories.end());
  std::map<PublicationKind, int64_t> kinds(counts->kinds.begin(), counts->kinds.end());
  PublicFacets f;
  f.total = counts->total;
  for (const auto& c : StatutoryCategories()) {
    auto it = categories.find(std::string(c.key));
    if (it == categories.end()) continue;
    f.categories.emplace_back(it->first, it->second);
    categories.erase(it);
  }
  for (const auto& [key, n] : categories) f.categories.emplace_back(key, n);
  for (const auto& k : PublicationKinds()) {
    if (auto it = kinds.find(k.value); it != kinds.end()) f.kinds.emplace_back(k.value, it->second);
  }
  f.years.assign(counts->years.rbegin(), counts->years.rend());  // newest first
  return f;
}

Result<StoredPublication> GetPublicItem(Database& db, int64_t agency_id, int64_t id, Date today) {
  auto item = GetPublication(db, agency_id, id);
  if (!item.ok()) return item.status();
  if (!IsPublic(item->item, today)) {
    return Status::NotFound(fmt::format("机关 {} 没有已公开的第 {} 条信息", agency_id, id));
  }
  return item;
}

std::string ItemPath(int64_t agency_id, int64_t id) { return PublicationUrl(agency_id, id); }

std::string AttachmentPath(int64_t agency_id, int64_t id, int n) {
  return fmt::format("/catalogue/{}/items/{}/files/{}", agency_id, id, n);
}

std::string CategoryLabel(std::string_view key) {
  if (auto c = StatutoryCategory(key)) return std::string(c->label);
  if (key.starts_with("local.")) return std::string(key.substr(6));
  return std::string(key);
}

const StandardCatalogueRow* StandardRowOf(std::string_view key,
                                          std::span<const StandardCatalogueRow> standard) {
  if (!key.starts_with("local.")) return nullptr;
  for (const StandardCatalogueRow& row : standard) {
    if (key.substr(6) == row.number) return &row;
  }
  return nullptr;
}

std::string CategoryLabel(std::string_view key, std::span<const StandardCatalogueRow> standard) {
  if (const StandardCatalogueRow* row = StandardRowOf(key, standard)) {
    return StandardRowTitle(*row);
  }
  return CategoryLabel(key);
}

std::string ValidityText(const Publication& item) {
  std::string label(Label(item.status));
  if (item.status_date && item.status != Validity::kInForce) {
    label += fmt::format("（{}）", FormatDateZh(*item.status_date));
  }
  return label;
}

}  // namespace gongkai::web
