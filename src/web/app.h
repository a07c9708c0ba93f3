// The web application: the public portal (apply, track, published reports, deadline
// calculator) and the disclosure office's workspace (case queue, case page with the legal next
// steps, proposals the head approves, paper applications, reports), behind one route table
// (web/routes.cc). App::Handle is the server's Handler: it serves static files, finds the
// route, loads the session, checks the CSRF token of every POST, the caller's role, the public
// POST rate limit, calls the handler and adds the security headers. Handlers check that the
// agency in the URL is one the caller may act on.
//
// Thread safety: Handle may be called from many threads at once. The Database serializes its
// calls (the case register and the proposals are stored there); the rate limiter has its own
// lock; the rest is constant after Create().

#ifndef GONGKAI_WEB_APP_H_
#define GONGKAI_WEB_APP_H_

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/agencies.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/proposals.h"
#include "store/search_index.h"
#include "store/users.h"
#include "util/status.h"
#include "web/form.h"
#include "web/http.h"
#include "web/report_cache.h"
#include "web/router.h"
#include "web/security.h"
#include "web/templates.h"
#include "web/upload.h"

namespace gongkai::web {

struct AppOptions {
  // The data directory: templates/web/*.mustache and static/ are read from it.
  std::filesystem::path data_dir;
  // Where uploaded identity proofs are kept; never under data_dir/static.
  std::filesystem::path upload_dir;
  // Mark cookies Secure even when the proxy does not say X-Forwarded-Proto: https.
  bool secure_cookies = false;
  // Public POSTs (applications, tracking, sign-in) per client address: a burst, then one per
  // refill interval.
  int public_post_burst = 10;
  std::chrono::seconds public_post_refill{30};
  // When not empty, /setup/<token> lets the first administrator be created once (the token is
  // printed on the console by `serve` for an empty database).
  std::string setup_token;
};

class App;

// What a handler gets besides the request: the application, the caller's session (if signed
// in), the CSRF token its forms must carry, and the parsed POST body.
struct RequestContext {
  App& app;
  std::optional<SessionInfo> session;
  std::string csrf;
  Form form;                    // urlencoded fields, or the text parts of a multipart body
  std::vector<FormPart> files;  // the file parts of a multipart body
  std::vector<std::string> set_cookies;
};

using AppRoute = Route<RequestContext>;

class App {
 public:
  // Loads the templates and checks the options. Error naming the template or directory.
  static Result<std::unique_ptr<App>> Create(Database& db, Calendars& calendars,
                                             AppOptions options);

  // The server's handler (see the file comment).
  Response Handle(Request& request);

  // The route table, for tests that walk it.
  const std::vector<AppRoute>& routes() const { return router_.routes(); }

  // Renders `page` inside the layout, with the navigation for the caller. 500 (logged) when a
  // template fails.
  Response Page(RequestContext& ctx, std::string_view page, std::string_view title, View view,
                int status = 200);

  // Whether the caller may act on `agency_id`; a 403 page when not.
  std::optional<Response> DenyUnlessAgency(RequestContext& ctx, int64_t agency_id);

  // Today's date in Asia/Shanghai, by the database's clock.
  Date Today() const { return register_.Today(); }

  Database& db() { return db_; }
  Calendars& calendars() { return calendars_; }
  CaseRegister& cases() { return register_; }
  UploadStore& uploads() { return uploads_; }
  ProposalStore& proposals() { return proposals_; }
  // The search index over the register, with the vocabulary read from data_dir/search/.
  SearchIndex search() { return SearchIndex(db_, search_vocabulary_); }
  const SearchVocabulary& search_vocabulary() const { return search_vocabulary_; }
  const AppOptions& options() const { return options_; }
  // The register reports the report pages built, each kept until the register changes.
  ReportCache& report_cache() { return report_cache_; }
  // Clears the setup token once the first administrator exists.
  void SetupDone();
  bool SetupPending(std::string_view token) const;

 private:
  App(Database& db, Calendars& calendars, AppOptions options, Templates templates,
      SearchVocabulary search_vocabulary);
  Response Dispatch(Request& request, RequestContext& ctx);
  Response ServeStatic(const Request& request) const;

  // Constant after construction.
  Database& db_;
  Calendars& calendars_;
  CaseRegister register_;
  ProposalStore proposals_;
  const AppOptions options_;
  const Templates templates_;
  const SearchVocabulary search_vocabulary_;
  UploadStore uploads_;
  const Router<RequestContext> router_;

  // Each with its own lock.
  RateLimiter public_posts_;
  ReportCache report_cache_;
  std::atomic<bool> setup_done_{false};
};

// Routes, by file: web/routes.cc builds the table from the handlers declared in
// web/handlers.h.
std::vector<AppRoute> BuildRoutes();

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_APP_H_
