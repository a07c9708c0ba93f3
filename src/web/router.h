// The router: one explicit table of routes (method, path pattern, who may call it, handler),
// matched in order. A pattern is a path whose segments are literals or `{name}` placeholders,
// each matching one non-empty segment (e.g. `/office/cases/{id}`) of the raw path. The router only
// matches; the caller (web/app.cc) checks `access` before it calls the handler, so a test can
// enumerate the table and try every office route as the public and as another agency's user.
// Immutable after construction; share across threads.

#ifndef GONGKAI_WEB_ROUTER_H_
#define GONGKAI_WEB_ROUTER_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.h"

namespace gongkai::web {

// Who may call a route: web/app.cc maps each value to an action of the permission table
// (store/permissions.h), which says which roles may. Office routes additionally check, in the
// handler, that the case, report or record belongs to the caller's agency.
enum class Access {
  kPublic,  // anyone, no sign-in
  kStaff,   // any signed-in office user, supervisors included (reads)
  kClerk,   // a user who records case steps: clerk, head or admin (not a supervisor)
  kHead,    // the head of the disclosure office (approves proposals, approves and publishes)
  kAdmin,   // an administrator (users, agencies)
};

std::string_view AccessKey(Access a);

template <typename Context>
struct Route {
  Method method;
  std::string pattern;
  Access access;
  std::function<Response(Context&, const Request&)> handler;
};

// Matches the raw (still percent-encoded) `path` against `pattern`, segment by segment, each
// segment decoded on its own — so an encoded "/" (%2F) inside a case number stays inside its
// parameter. On success fills `params` with the decoded segments and returns true.
bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params);

template <typename Context>
class Router {
 public:
  explicit Router(std::vector<Route<Context>> routes) : routes_(std::move(routes)) {}

  struct Match {
    const Route<Context>* route = nullptr;   // nullptr: no route for this path and method
    bool path_matched_other_method = false;  // a 405 rather than a 404
    std::map<std::string, std::string> params;
  };

  // Finds the first route whose pattern matches `path` and whose method is `method` (a HEAD
  // request matches a GET route).
  Match Find(Method method, std::string_view path) const {
    Match m;
    for (const auto& r : routes_) {
      std::map<std::string, std::string> params;
      if (!MatchPattern(r.pattern, path, &params)) continue;
      if (r.method == method || (method == Method::kHead && r.method == Method::kGet)) {
        m.route = &r;
        m.params = std::move(params);
        return m;
      }
      m.path_matched_other_method = true;
    }
    return m;
  }

  const std::vector<Route<Context>>& routes() const { return routes_; }

 private:
  std::vector<Route<Context>> routes_;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_ROUTER_H_
