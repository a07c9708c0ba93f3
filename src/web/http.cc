#include "web/http.h"

#include <fmt/format.h>

#include "docs/escape.h"

namespace gongkai::web {

namespace {

std::string_view FindIn(const std::map<std::string, std::string>& m, std::string_view key) {
  auto it = m.find(std::string(key));
  return it == m.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace

std::string_view Request::Header(std::string_view name) const { return FindIn(headers, name); }
std::string_view Request::Param(std::string_view name) const { return FindIn(params, name); }
std::string_view Request::Cookie(std::string_view name) const { return FindIn(cookies, name); }

std::string_view Request::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? std::string_view() : std::string_view(it->second);
}

std::optional<std::string> Response::FindHeader(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

std::string_view StatusReason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

Response ErrorPage(int status, std::string_view title, std::string_view message) {
  Response r;
  r.status = status;
  r.body = fmt::format(
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<link rel=\"stylesheet\" href=\"/static/site.css\"><title>{0} - 政府信息公开</title></head>"
      "<body><main class=\"page\"><h1>{0}</h1><p>{1}</p><p><a href=\"/\">返回首页</a></p></main>"
      "</body></html>",
      EscapeXml(title), EscapeXml(message));
  return r;
}

Response BadRequest(std::string_view message) { return ErrorPage(400, "请求有误", message); }

Response Forbidden(std::string_view message) { return ErrorPage(403, "无权访问", message); }

Response NotFound() {
  return ErrorPage(404, "页面不存在", "您访问的页面不存在或已被移除，请检查网址。");
}

Response PayloadTooLarge(std::string_view message) {
  return ErrorPage(413, "提交的内容过大", message);
}

Response TooManyRequests(int retry_after_seconds) {
  Response r =
      ErrorPage(429, "提交过于频繁", fmt::format("请在 {} 秒后再试。", retry_after_seconds));
  r.AddHeader("Retry-After", std::to_string(retry_after_seconds));
  return r;
}

Response InternalError() {
  return ErrorPage(500, "系统内部错误",
                   "处理您的请求时出错，请稍后再试；如问题持续，请联系本机关。");
}

Response Redirect(std::string location) {
  Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.AddHeader("Location", std::move(location));
  return r;
}

}  // namespace gongkai::web
