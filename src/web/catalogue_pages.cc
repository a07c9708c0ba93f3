#include "web/catalogue_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <variant>

#include "docs/escape.h"
#include "store/guides.h"
#include "store/standard_catalogue.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/public_items.h"
#include "web/url.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// Media types an attachment is served with; anything else downloads as bytes.
constexpr std::string_view kServedMediaTypes[] = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/msword",
    "application/vnd.ms-excel",
    "image/png",
    "image/jpeg",
    "text/plain",
};

std::optional<int> ParseSmallInt(std::string_view text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::variant<Agency, Response> PublicAgency(RequestContext& ctx, const Request& req) {
  auto id = ParseId(req.Param("agency"));
  if (!id) return NotFound();
  auto agency = GetAgency(ctx.app.db(), *id);
  if (!agency.ok()) {
    return StatusPage(agency.status(), "无法显示该页面", "catalogue");
  }
  return std::move(agency).value();
}

// The non-blank lines of `text` as {line} entries of `list`.
void Paragraphs(std::string_view text, View* list) {
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    if (!line.empty()) {
      View o;
      o.set("line", Text(line));
      list->push_back(o);
    }
    text = nl == std::string_view::npos ? "" : text.substr(nl + 1);
  }
}

std::string ChannelsText(const Publication& item) {
  std::string out;
  for (auto c : item.channels) {
    if (!out.empty()) out += "、";
    out += Label(c);
  }
  return out.empty() ? "—" : out;
}

// The agency's 基层政务公开标准目录; empty when it has none or it cannot be read (logged: the
// pages then label local categories by their key).
std::vector<StandardCatalogueRow> StandardRows(RequestContext& ctx, int64_t agency_id) {
  auto rows = GetStandardCatalogue(ctx.app.db(), agency_id);
  if (!rows.ok()) {
    spdlog::error("standard catalogue of agency {}: {}", agency_id, rows.status().message());
    return {};
  }
  return std::move(rows).value();
}

// One row of a list of items: {href, title, index_no, doc_no, published, category, validity}.
View ItemRow(int64_t agency_id, const StoredPublication& p,
             std::span<const StandardCatalogueRow> standard) {
  View o;
  o.set("href", Text(ItemPath(agency_id, p.id)));
  o.set("title", Text(p.item.title));
  o.set("index_no", Text(p.item.index_no));
  if (!p.item.doc_no.empty()) o.set("doc_no", Text(p.item.doc_no));  // a section: set or absent
  o.set("published", Text(ShowDate(p.item.published)));
  o.set("category", Text(CategoryLabel(p.item.category, standard)));
  o.set("validity", Text(ValidityText(p.item)));
  o.set("not_in_force", Flag(p.item.status != Validity::kInForce));
  return o;
}

// The catalogue URL with `query`'s filters and page `page`.
std::string CatalogueHref(int64_t agency_id, const PublicQuery& query, int page) {
  std::string out = fmt::format("/catalogue/{}", agency_id);
  std::string sep = "?";
  auto add = [&](std::string_view name, std::string_view value) {
    out += sep;
    out += name;
    out += '=';
    out += EncodeQueryValue(value);
    sep = "&";
  };
  if (query.category) add("category", *query.category);
  if (query.kind) add("kind", Key(*query.kind));
  if (query.year) add("year", std::to_string(*query.year));
  if (page > 1) add("page", std::to_string(page));
  return out;
}

std::string SiteBase(const Request& req) {
  std::string_view host = req.Header("host");
  if (host.empty()) host = "localhost";
  return fmt::format("{}://{}", req.secure ? "https" : "http", host);
}

// "2024-10-14T00:00:00+08:00": the start of a civil date in Beijing, as Atom wants a time.
std::string AtomTime(Date d) { return FormatDate(d) + "T00:00:00+08:00"; }

Response Feed(RequestContext& ctx, const Request& req, const Agency& agency,
              const std::optional<std::string>& category) {
  PublicQuery query;
  query.category = category;
  query.per_page = kFeedEntries;
  auto page = ListPublicItems(ctx.app.db(), agency.id, query, ctx.app.Today());
  if (!page.ok()) {
    return InternalFailure(page.status(), fmt::format("feed of agency {}", agency.id));
  }
  const std::string base = SiteBase(req);
  const std::vector<StandardCatalogueRow> standard = StandardRows(ctx, agency.id);
  std::string title = agency.name + " 政府信息公开目录";
  std::string self = fmt::format("/catalogue/{}/feed.atom", agency.id);
  std::string id = fmt::format("urn:gongkai:catalogue:{}", agency.id);
  if (category) {
    title += " · " + CategoryLabel(*category, standard);
    self = fmt::format("/catalogue/{}/categories/{}/feed.atom", agency.id,
                       EncodePathSegment(*category));
    id += ":" + EncodePathSegment(*category);
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  xml += fmt::format("<title>{}</title>\n<id>{}</id>\n", EscapeXml(title), id);
  xml += fmt::format("<link rel=\"self\" type=\"application/atom+xml\" href=\"{}{}\"/>\n",
                     EscapeXml(base), EscapeXml(self));
  xml += fmt::format("<link rel=\"alternate\" type=\"text/html\" href=\"{}{}\"/>\n",
                     EscapeXml(base), EscapeXml(CatalogueHref(agency.id, query, 1)));
  Date updated = page->items.empty() ? ctx.app.Today() : *page->items.front().item.published;
  xml += fmt::format("<updated>{}</updated>\n<author><name>{}</name></author>\n", AtomTime(updated),
                     EscapeXml(agency.name));
  for (const auto& p : page->items) {
    const Publication& item = p.item;
    xml += "<entry>\n";
    xml += fmt::format("<title>{}</title>\n", EscapeXml(item.title));
    xml += fmt::format("<id>urn:gongkai:item:{}:{}</id>\n", agency.id, p.id);
    xml += fmt::format("<link rel=\"alternate\" type=\"text/html\" href=\"{}{}\"/>\n",
                       EscapeXml(base), EscapeXml(ItemPath(agency.id, p.id)));
    xml += fmt::format("<published>{0}</published>\n<updated>{0}</updated>\n",
                       AtomTime(*item.published));
    xml += fmt::format("<category term=\"{}\" label=\"{}\"/>\n", EscapeXml(item.category),
                       EscapeXml(CategoryLabel(item.category, standard)));
    xml += fmt::format("<summary type=\"text\">{}</summary>\n", EscapeXml(item.summary));
    xml += "</entry>\n";
  }
  xml += "</feed>\n";
  Response r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = std::move(xml);
  return r;
}

}  // namespace

Response CatalogueIndex(RequestContext& ctx, const Request&) {
  auto agencies = ListAgencies(ctx.app.db());
  if (!agencies.ok()) {
    return InternalFailure(agencies.status(), "catalogue index");
  }
  View rows = List();
  for (const auto& a : *agencies) {
    auto facets = PublicItemFacets(ctx.app.db(), a.id, ctx.app.Today());
    auto guide = PublishedGuide(ctx.app.db(), a.id);
    const std::string context = fmt::format("catalogue index, agency {}", a.id);
    if (!facets.ok()) return InternalFailure(facets.status(), context);
    if (!guide.ok()) return InternalFailure(guide.status(), context);
    View o;
    o.set("name", Text(a.name));
    o.set("href", Text(fmt::format("/catalogue/{}", a.id)));
    o.set("count", Text(std::to_string(facets->total)));
    if (guide->has_value()) o.set("guide_href", Text(fmt::format("/guide/{}", a.id)));
    rows.push_back(o);
  }
  View v;
  v.set("agencies", rows);
  return ctx.app.Page(ctx, "catalogue_index", "政府信息公开目录", v);
}

Response AgencyCatalogue(RequestContext& ctx, const Request& req) {
  auto found = PublicAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  PublicQuery query;
  std::string_view category = req.Query("category");
  if (!category.empty()) {
    if (!IsValidCategoryKey(category)) return BadRequest("主题分类不存在，请从目录页重新选择。");
    query.category = std::string(category);
  }
  if (!req.Query("kind").empty()) {
    query.kind = PublicationKindFromKey(req.Query("kind"));
    if (!query.kind) return BadRequest("信息类别不存在，请从目录页重新选择。");
  }
  if (!req.Query("year").empty()) {
    query.year = ParseSmallInt(req.Query("year"));
    if (!query.year) return BadRequest("年份应为四位数字，例如 2024。");
  }
  if (!req.Query("page").empty()) {
    auto page = ParseSmallInt(req.Query("page"));
    if (!page || *page < 1) return BadRequest("页码应为从 1 开始的整数。");
    query.page = *page;
  }
  const Date today = ctx.app.Today();
  auto page = ListPublicItems(ctx.app.db(), agency.id, query, today);
  auto facets = PublicItemFacets(ctx.app.db(), agency.id, today);
  auto guide = PublishedGuide(ctx.app.db(), agency.id);
  auto standard = StandardCatalogueUse(ctx.app.db(), agency.id, today);
  const std::string context = fmt::format("catalogue of agency {}", agency.id);
  if (!page.ok()) return InternalFailure(page.status(), context);
  if (!facets.ok()) return InternalFailure(facets.status(), context);
  if (!guide.ok()) return InternalFailure(guide.status(), context);
  if (!standard.ok()) return InternalFailure(standard.status(), context);
  View v;
  v.set("agency", Text(agency.name));
  v.set("agency_id", Text(std::to_string(agency.id)));
  v.set("action", Text(fmt::format("/catalogue/{}", agency.id)));
  v.set("feed_href", Text(fmt::format("/catalogue/{}/feed.atom", agency.id)));
  if (guide->has_value()) v.set("guide_href", Text(fmt::format("/guide/{}", agency.id)));
  std::vector<StandardCatalogueRow> standard_rows;
  for (const StandardRowUse& u : *standard) standard_rows.push_back(u.row);
  View categories = List();
  for (const auto& [key, n] : facets->categories) {
    if (StandardRowOf(key, standard_rows) != nullptr) continue;  // listed under the 基层目录
    View o;
    o.set("key", Text(key));
    o.set("label", Text(CategoryLabel(key)));
    o.set("count", Text(std::to_string(n)));
    o.set("selected", Flag(query.category == key));
    PublicQuery only;
    only.category = key;
    o.set("href", Text(CatalogueHref(agency.id, only, 1)));
    o.set("feed_href", Text(fmt::format("/catalogue/{}/categories/{}/feed.atom", agency.id,
                                        EncodePathSegment(key))));
    categories.push_back(o);
  }
  v.set("categories", categories);
  // The 基层政务公开标准目录, grouped by 一级事项, every row with its count of public items.
  View topics = List();
  View standard_options = List();
  for (std::size_t i = 0; i < standard->size();) {
    const std::string& topic = (*standard)[i].row.topic;
    View t;
    t.set("topic", Text(topic));
    View rows = List();
    for (; i < standard->size() && (*standard)[i].row.topic == topic; ++i) {
      const StandardRowUse& u = (*standard)[i];
      const std::string key = StandardRowKey(u.row);
      View o;
      o.set("number", Text(u.row.number));
      o.set("label", Text(u.row.subtopic.empty() ? u.row.topic : u.row.subtopic));
      o.set("count", Text(std::to_string(u.published)));
      o.set("empty", Flag(u.published == 0));
      o.set("selected", Flag(query.category == key));
      PublicQuery only;
      only.category = key;
      o.set("href", Text(CatalogueHref(agency.id, only, 1)));
      rows.push_back(o);
      View option;
      option.set("key", Text(key));
      option.set("label", Text(fmt::format("{} {}", u.row.number, StandardRowTitle(u.row))));
      option.set("selected", Flag(query.category == key));
      standard_options.push_back(option);
    }
    t.set("rows", rows);
    topics.push_back(t);
  }
  v.set("standard_topics", topics);
  v.set("standard_options", standard_options);
  v.set("has_standard", Flag(!standard->empty()));
  View kinds = List();
  for (const auto& [kind, n] : facets->kinds) {
    View o;
    o.set("key", Text(Key(kind)));
    o.set("label", Text(Label(kind)));
    o.set("count", Text(std::to_string(n)));
    o.set("selected", Flag(query.kind == kind));
    kinds.push_back(o);
  }
  v.set("kinds", kinds);
  View years = List();
  for (const auto& [year, n] : facets->years) {
    View o;
    o.set("year", Text(std::to_string(year)));
    o.set("count", Text(std::to_string(n)));
    o.set("selected", Flag(query.year == year));
    years.push_back(o);
  }
  v.set("years", years);
  View rows = List();
  for (const auto& p : page->items) rows.push_back(ItemRow(agency.id, p, standard_rows));
  v.set("items", rows);
  v.set("has_items", Flag(!page->items.empty()));
  v.set("total", Text(std::to_string(page->total)));
  v.set("page", Text(std::to_string(page->page)));
  v.set("pages", Text(std::to_string(page->pages)));
  v.set("filtered", Flag(query.category || query.kind || query.year));
  if (query.category) {
    v.set("category_label", Text(CategoryLabel(*query.category, standard_rows)));
  }
  if (page->page > 1) v.set("prev_href", Text(CatalogueHref(agency.id, query, page->page - 1)));
  if (page->page < page->pages) {
    v.set("next_href", Text(CatalogueHref(agency.id, query, page->page + 1)));
  }
  return ctx.app.Page(ctx, "catalogue_agency", fmt::format("{} 政府信息公开目录", agency.name), v);
}

Response CatalogueItem(RequestContext& ctx, const Request& req) {
  auto found = PublicAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto id = ParseId(req.Param("id"));
  if (!id) return NotFound();
  auto p = GetPublicItem(ctx.app.db(), agency.id, *id, ctx.app.Today());
  if (!p.ok()) {
    return StatusPage(p.status(), "无法显示该页面", "catalogue item");
  }
  const Publication& item = p->item;
  View v;
  v.set("agency", Text(agency.name));
  v.set("catalogue_href", Text(fmt::format("/catalogue/{}", agency.id)));
  v.set("title", Text(item.title));
  v.set("index_no", Text(item.index_no.empty() ? "—" : item.index_no));
  v.set("doc_no", Text(item.doc_no.empty() ? "—" : item.doc_no));
  v.set("publisher", Text(item.publisher));
  v.set("created", Text(FormatDateZh(item.created)));
  if (item.changed) v.set("changed", Text(FormatDateZh(*item.changed)));
  v.set("published", Text(ShowDate(item.published)));
  v.set("validity", Text(ValidityText(item)));
  v.set("not_in_force", Flag(item.status != Validity::kInForce));
  v.set("kind", Text(Label(item.kind)));
  const std::vector<StandardCatalogueRow> standard = StandardRows(ctx, agency.id);
  v.set("category", Text(CategoryLabel(item.category, standard)));
  if (const StandardCatalogueRow* row = StandardRowOf(item.category, standard)) {
    View s;
    s.set("number", Text(row->number));
    s.set("title", Text(StandardRowTitle(*row)));
    s.set("content", Text(row->content.empty() ? "—" : row->content));
    s.set("basis", Text(row->basis.empty() ? "—" : row->basis));
    s.set("time_limit", Text(row->time_limit.empty() ? "—" : row->time_limit));
    s.set("subject", Text(row->subject.empty() ? "—" : row->subject));
    v.set("standard", s);
  }
  PublicQuery same;
  same.category = item.category;
  v.set("category_href", Text(CatalogueHref(agency.id, same, 1)));
  v.set("channels", Text(ChannelsText(item)));
  v.set("summary", Text(item.summary));
  View text = List();
  Paragraphs(item.text, &text);
  v.set("has_text", Flag(!Trim(item.text).empty()));
  v.set("text", text);
  View files = List();
  for (std::size_t i = 0; i < item.attachments.size(); ++i) {
    const AttachmentMeta& a = item.attachments[i];
    View o;
    o.set("name", Text(a.name));
    o.set("href", Text(AttachmentPath(agency.id, p->id, static_cast<int>(i))));
    o.set("size", Text(a.size >= 1024 ? fmt::format("{} KB", (a.size + 1023) / 1024)
                                      : fmt::format("{} 字节", a.size)));
    o.set("sha256", Text(a.sha256));
    files.push_back(o);
  }
  v.set("files", files);
  v.set("has_files", Flag(!item.attachments.empty()));
  return ctx.app.Page(ctx, "catalogue_item", item.title, v);
}

Response CatalogueAttachment(RequestContext& ctx, const Request& req) {
  auto found = PublicAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto id = ParseId(req.Param("id"));
  auto n = ParseSmallInt(req.Param("n"));
  if (!id || !n || *n < 0) return NotFound();
  auto p = GetPublicItem(ctx.app.db(), agency.id, *id, ctx.app.Today());
  if (!p.ok()) {
    return StatusPage(p.status(), "无法显示该页面", "catalogue attachment");
  }
  if (static_cast<std::size_t>(*n) >= p->item.attachments.size()) return NotFound();
  auto file = GetAttachment(ctx.app.db(), agency.id, *id, *n);
  if (!file.ok()) {
    return StatusPage(file.status(), "无法显示该页面", "catalogue attachment");
  }
  Response r;
  r.content_type = "application/octet-stream";
  for (std::string_view served : kServedMediaTypes) {
    if (file->meta.media_type == served) r.content_type = std::string(served);
  }
  if (r.content_type == "text/plain") r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(file->bytes);
  r.AddHeader("Content-Disposition", AttachmentDisposition(file->meta.name));
  return r;
}

Response AgencyFeed(RequestContext& ctx, const Request& req) {
  auto found = PublicAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  return Feed(ctx, req, std::get<Agency>(found), std::nullopt);
}

Response CategoryFeed(RequestContext& ctx, const Request& req) {
  auto found = PublicAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  std::string category(req.Param("category"));
  if (!IsValidCategoryKey(category)) return NotFound();
  return Feed(ctx, req, std::get<Agency>(found), category);
}

}  // namespace gongkai::web
