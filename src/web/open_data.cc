#include "web/open_data.h"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <variant>

#include "store/guides.h"
#include "web/errors.h"
#include "web/openapi.h"
#include "web/public_items.h"
#include "web/search_pages.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

using Json = nlohmann::ordered_json;

// Search results per kind at most, through the API.
constexpr int kMaxApiSearchLimit = 100;

Response JsonResponse(const Json& body, int status = 200) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.AddHeader("Access-Control-Allow-Origin", "*");
  return r;
}

Response JsonError(int status, std::string_view message) {
  Json body;
  body["error"]["status"] = status;
  body["error"]["message"] = message;
  return JsonResponse(body, status);
}

// Our failure, logged as every handler's (web/errors.h), answered in JSON.
Response JsonInternalFailure(const Status& s, std::string_view context) {
  LogInternalFailure(s, context);
  return JsonError(500, "服务器内部错误，请稍后重试。");
}

std::optional<int> ParseInt(std::string_view text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

Json OptionalDate(const std::optional<Date>& d) { return d ? Json(FormatDate(*d)) : Json(nullptr); }

std::string PublicationId(int64_t agency_id, int64_t id) {
  return fmt::format("{}-{}", agency_id, id);
}

Json Summary(int64_t agency_id, const StoredPublication& p) {
  const Publication& item = p.item;
  Json j;
  j["id"] = PublicationId(agency_id, p.id);
  j["agency_id"] = agency_id;
  j["index_no"] = item.index_no;
  j["title"] = item.title;
  j["doc_no"] = item.doc_no;
  j["publisher"] = item.publisher;
  j["summary"] = item.summary;
  j["kind"] = Key(item.kind);
  j["category"] = item.category;
  j["category_label"] = CategoryLabel(item.category);
  j["created"] = FormatDate(item.created);
  j["changed"] = OptionalDate(item.changed);
  j["published"] = OptionalDate(item.published);
  j["status"] = Key(item.status);
  j["status_date"] = OptionalDate(item.status_date);
  Json channels = Json::array();
  for (auto c : item.channels) channels.push_back(Key(c));
  j["channels"] = channels;
  j["url"] = ItemPath(agency_id, p.id);
  j["api_url"] = "/api/v1/publications/" + PublicationId(agency_id, p.id);
  return j;
}

Json AgencyRef(const Agency& a) {
  Json j;
  j["id"] = a.id;
  j["name"] = a.name;
  return j;
}

// The agency of a path parameter, or the JSON error to send.
std::variant<Agency, Response> FindAgency(RequestContext& ctx, std::string_view param) {
  auto id = ParseId(param);
  if (!id) return JsonError(404, "没有该机关。");
  auto agency = GetAgency(ctx.app.db(), *id);
  if (!agency.ok()) {
    if (agency.status().code() == Status::Code::kNotFound) {
      return JsonError(404, fmt::format("没有编号为 {} 的机关。", *id));
    }
    return JsonInternalFailure(agency.status(), "api");
  }
  return std::move(agency).value();
}

}  // namespace

Response ApiAgencies(RequestContext& ctx, const Request&) {
  auto agencies = ListAgencies(ctx.app.db());
  if (!agencies.ok()) {
    return JsonInternalFailure(agencies.status(), "api agencies");
  }
  Json list = Json::array();
  for (const auto& a : *agencies) {
    auto facets = PublicItemFacets(ctx.app.db(), a.id, ctx.app.Today());
    auto guide = PublishedGuide(ctx.app.db(), a.id);
    if (!facets.ok()) return JsonInternalFailure(facets.status(), "api agencies");
    if (!guide.ok()) return JsonInternalFailure(guide.status(), "api agencies");
    Json j;
    j["id"] = a.id;
    j["name"] = a.name;
    j["kind"] = Key(a.kind);
    j["publications"] = facets->total;
    j["catalogue_url"] = fmt::format("/catalogue/{}", a.id);
    j["publications_url"] = fmt::format("/api/v1/agencies/{}/publications", a.id);
    j["guide_url"] = guide->has_value() ? Json(fmt::format("/api/v1/guide/{}", a.id)) : Json();
    list.push_back(std::move(j));
  }
  Json body;
  body["agencies"] = std::move(list);
  return JsonResponse(body);
}

Response ApiAgencyPublications(RequestContext& ctx, const Request& req) {
  auto found = FindAgency(ctx, req.Param("agency"));
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  PublicQuery query;
  if (!req.Query("page").empty()) {
    auto page = ParseInt(req.Query("page"));
    if (!page) return JsonError(400, "page 应为从 1 开始的整数。");
    query.page = *page;
  }
  if (!req.Query("per_page").empty()) {
    auto per_page = ParseInt(req.Query("per_page"));
    if (!per_page) return JsonError(400, "per_page 应为整数。");
    query.per_page = *per_page;
  }
  if (!req.Query("category").empty()) {
    if (!IsValidCategoryKey(req.Query("category"))) {
      return JsonError(400, fmt::format("category 应为 {}", AllowedCategoriesText()));
    }
    query.category = std::string(req.Query("category"));
  }
  if (!req.Query("kind").empty()) {
    query.kind = PublicationKindFromKey(req.Query("kind"));
    if (!query.kind) {
      return JsonError(400, fmt::format("kind 应为 {}", AllowedKeys(PublicationKinds())));
    }
  }
  if (!req.Query("year").empty()) {
    query.year = ParseInt(req.Query("year"));
    if (!query.year) return JsonError(400, "year 应为四位年份，如 2024。");
  }
  auto page = ListPublicItems(ctx.app.db(), agency.id, query, ctx.app.Today());
  if (!page.ok()) {
    if (page.status().code() == Status::Code::kInvalidInput) {
      return JsonError(400, page.status().message());
    }
    return JsonInternalFailure(page.status(), "api publications");
  }
  Json items = Json::array();
  for (const auto& p : page->items) items.push_back(Summary(agency.id, p));
  Json body;
  body["agency"] = AgencyRef(agency);
  body["page"] = page->page;
  body["per_page"] = query.per_page;
  body["pages"] = page->pages;
  body["total"] = page->total;
  body["items"] = std::move(items);
  return JsonResponse(body);
}

Response ApiPublication(RequestContext& ctx, const Request& req) {
  std::string_view id = req.Param("id");
  auto dash = id.find('-');
  if (dash == std::string_view::npos)
    return JsonError(404, "信息编号应为“机关编号-信息编号”，如 3-17。");
  auto found = FindAgency(ctx, id.substr(0, dash));
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto item_id = ParseId(id.substr(dash + 1));
  if (!item_id) return JsonError(404, "信息编号应为“机关编号-信息编号”，如 3-17。");
  auto p = GetPublicItem(ctx.app.db(), agency.id, *item_id, ctx.app.Today());
  if (!p.ok()) {
    if (p.status().code() == Status::Code::kNotFound) {
      return JsonError(404, "没有该信息，或该信息尚未公开。");
    }
    return JsonInternalFailure(p.status(), "api publication");
  }
  Json body = Summary(agency.id, *p);
  body["agency"] = AgencyRef(agency);
  body["text"] = p->item.text;
  Json files = Json::array();
  for (std::size_t i = 0; i < p->item.attachments.size(); ++i) {
    const AttachmentMeta& a = p->item.attachments[i];
    Json f;
    f["name"] = a.name;
    f["media_type"] = a.media_type;
    f["size"] = a.size;
    f["sha256"] = a.sha256;
    f["url"] = AttachmentPath(agency.id, p->id, static_cast<int>(i));
    files.push_back(std::move(f));
  }
  body["attachments"] = std::move(files);
  return JsonResponse(body);
}

Response ApiSearch(RequestContext& ctx, const Request& req) {
  std::string_view q = req.Query("q");
  if (q.empty()) return JsonError(400, "请用参数 q 给出要检索的内容。");
  if (q.size() > kMaxQueryBytes) {
    return JsonError(400, fmt::format("q 最长 {} 字节。", kMaxQueryBytes));
  }
  SearchOptions options;
  if (!req.Query("agency").empty()) {
    options.agency_id = ParseId(req.Query("agency"));
    if (!options.agency_id) return JsonError(400, "agency 应为机关编号。");
  }
  if (!req.Query("limit").empty()) {
    auto limit = ParseInt(req.Query("limit"));
    if (!limit || *limit < 1 || *limit > kMaxApiSearchLimit) {
      return JsonError(400, fmt::format("limit 应在 1 到 {} 之间。", kMaxApiSearchLimit));
    }
    options.limit = *limit;
  }
  if (!req.Query("kind").empty()) {
    auto kind = SearchKindFromKey(req.Query("kind"));
    if (!kind) return JsonError(400, "kind 应为 service、publication、policy 或 report。");
    options.kinds = {*kind};
  }
  int page = 1;
  if (!req.Query("page").empty()) {
    auto n = ParseInt(req.Query("page"));
    if (!n || *n < 1 || (*n - 1) > 10000 / options.limit) {
      return JsonError(400, fmt::format("page 应在 1 到 {} 之间（每类跳过的条数不超过 10000）。",
                                        10000 / options.limit + 1));
    }
    page = *n;
  }
  options.offset = (page - 1) * options.limit;
  auto results = PublicSearch(ctx, q, options);
  if (!results.ok()) {
    if (results.status().code() == Status::Code::kInvalidInput) {
      return JsonError(400, results.status().message());
    }
    return JsonInternalFailure(results.status(), "api search");
  }
  Json groups = Json::array();
  for (const auto& g : results->groups) {
    Json hits = Json::array();
    for (const auto& h : g.hits) {
      std::string snippet;
      for (const auto& s : h.snippet) snippet += s.text;
      Json j;
      j["kind"] = Key(h.kind);
      j["agency_id"] = h.agency_id;
      j["agency"] = h.agency_name;
      j["title"] = h.title;
      j["date"] = h.date;
      j["url"] = h.url;
      j["exact_code"] = h.exact_code;
      j["snippet"] = snippet;
      hits.push_back(std::move(j));
    }
    Json group;
    group["kind"] = Key(g.kind);
    group["label"] = Label(g.kind);
    group["total"] = g.total;
    group["pages"] = (g.total + options.limit - 1) / options.limit;
    group["hits"] = std::move(hits);
    groups.push_back(std::move(group));
  }
  Json body;
  body["query"] = results->query;
  body["total"] = results->total;
  body["page"] = page;
  body["per_page"] = options.limit;
  body["groups"] = std::move(groups);
  return JsonResponse(body);
}

Response ApiGuide(RequestContext& ctx, const Request& req) {
  auto found = FindAgency(ctx, req.Param("agency"));
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto guide = PublishedGuide(ctx.app.db(), agency.id);
  if (!guide.ok()) {
    return JsonInternalFailure(guide.status(), "api guide");
  }
  if (!*guide) return JsonError(404, "该机关尚未发布政府信息公开指南。");
  const GuideVersion& g = **guide;
  Json elements = Json::array();
  for (const auto& e : GuideElements()) {
    Json j;
    j["key"] = e.key;
    j["label"] = e.label;
    j["text"] = g.guide.*e.field;
    elements.push_back(std::move(j));
  }
  Json body;
  body["agency"] = AgencyRef(agency);
  body["version"] = g.version;
  body["published_on"] = g.published_on ? FormatDate(*g.published_on) : "";
  body["elements"] = std::move(elements);
  return JsonResponse(body);
}

Response ApiOpenApi(RequestContext&, const Request&) { return JsonResponse(OpenApiDocument()); }

}  // namespace gongkai::web
