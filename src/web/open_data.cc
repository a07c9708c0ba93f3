#include "web/open_data.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <variant>

#include "store/guides.h"
#include "web/openapi.h"
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

Response JsonInternalError() { return JsonError(500, "服务器内部错误，请稍后重试。"); }

std::optional<int> ParseInt(std::string_view text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
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
    spdlog::error("api: {}", agency.status().message());
    return JsonInternalError();
  }
  return std::move(agency).value();
}

}  // namespace

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
  auto results = PublicSearch(ctx, q, options);
  if (!results.ok()) {
    if (results.status().code() == Status::Code::kInvalidInput) {
      return JsonError(400, results.status().message());
    }
    spdlog::error("api search: {}", results.status().message());
    return JsonInternalError();
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
    group["hits"] = std::move(hits);
    groups.push_back(std::move(group));
  }
  Json body;
  body["query"] = results->query;
  body["total"] = results->total;
  body["groups"] = std::move(groups);
  return JsonResponse(body);
}

Response ApiGuide(RequestContext& ctx, const Request& req) {
  auto found = FindAgency(ctx, req.Param("agency"));
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto guide = PublishedGuide(ctx.app.db(), agency.id);
  if (!guide.ok()) {
    spdlog::error("api guide: {}", guide.status().message());
    return JsonInternalError();
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
