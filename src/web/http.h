// The project's own HTTP request and response, the only HTTP types handlers see. web/server.cc
// translates between these and Boost.Beast, so a handler (and its test) never compiles Beast.
// A Request is what arrived, already split (path, query, cookies, headers with lower-case
// names); a Response is what to send. The named helpers (BadRequest, NotFound, Forbidden, …)
// build the error pages every handler uses when validation fails. Plain value types.

#ifndef GONGKAI_WEB_HTTP_H_
#define GONGKAI_WEB_HTTP_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::web {

enum class Method { kGet, kHead, kPost, kOther };

// The request as handlers see it.
struct Request {
  Method method = Method::kGet;
  std::string path;      // percent-decoded path, without the query string
  std::string raw_path;  // the path as sent (percent-encoded), which the router matches;
                         // empty when a test builds a Request whose path needs no escapes
  std::string raw_query;
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;     // lower-case names
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string remote_ip;
  bool secure = false;  // arrived over TLS (X-Forwarded-Proto: https from the trusted proxy)

  // Route parameters filled in by the router, e.g. {"id", "17"} for /office/cases/{id}.
  std::map<std::string, std::string> params;

  // Returns the header (name in lower case) or "" when absent.
  std::string_view Header(std::string_view name) const;
  // Returns the first query parameter `name`, or "" when absent.
  std::string_view Query(std::string_view name) const;
  // Returns the route parameter `name`, or "" when absent.
  std::string_view Param(std::string_view name) const;
  // Returns the cookie `name`, or "" when absent.
  std::string_view Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, in order
  std::string body;

  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  // The first extra header `name` (case-sensitive as added), or nullopt.
  std::optional<std::string> FindHeader(std::string_view name) const;
};

// "GET", "HEAD", "POST" or "OTHER", for logs.
std::string_view MethodName(Method m);

// The reason phrase for a status code ("OK", "Not Found", …).
std::string_view StatusReason(int status);

// Builds a plain page in Chinese for an error: title and one explanatory sentence. The pages of
// the application replace these bodies with their own layout where they can (web/pages.h).
Response ErrorPage(int status, std::string_view title, std::string_view message);
Response BadRequest(std::string_view message);       // 400: the request itself is malformed
Response Forbidden(std::string_view message);        // 403: signed in but not allowed, or bad CSRF
Response NotFound();                                 // 404
Response PayloadTooLarge(std::string_view message);  // 413
Response TooManyRequests(int retry_after_seconds);   // 429 with Retry-After
Response InternalError();  // 500; the cause goes to the log, never to the page

// 303 See Other to `location` (after a POST, so a reload does not resubmit).
Response Redirect(std::string location);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_HTTP_H_
