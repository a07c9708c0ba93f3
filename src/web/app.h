// The web application: the public portal (apply, track, published reports, deadline
// calculator) and the disclosure office's workspace (case queue, case page with the legal next
// steps, proposals the head approves, paper applications, reports), behind one route table
// (web/routes.cc). App::Handle is the server's Handler: it serves static files, finds the
// route, loads the session, checks the CSRF token of every POST, the caller's role (the
// permission table, store/permissions.h), the rate limits (public POSTs and sign-in per client,
// tracking look-ups for everyone together), calls the handler and adds the security headers
// (HSTS when served over TLS). Handlers check that the
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
#include <set>
#include <string>
#include <vector>

#include "notify/messages.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/permissions.h"
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

struct RequestContext;

struct AppOptions {
  // The data directory: templates/web/*.mustache and static/ are read from it.
  std::filesystem::path data_dir;
  // Where uploaded identity proofs are kept; never under data_dir/static.
  std::filesystem::path upload_dir;
  // Mark cookies Secure even when the proxy does not say X-Forwarded-Proto: https.
  bool secure_cookies = false;
  // The append-only checkpoint file outside the database: with the audit key set, publishing a
  // report writes a checkpoint there and prints it in the report (web/report_publication.h
  // PublishingRenderer). Empty: reports are published without one.
  std::filesystem::path checkpoints;
  // Public POSTs (applications, tracking) per client address: a burst, then one per refill
  // interval.
  int public_post_burst = 10;
  std::chrono::seconds public_post_refill{30};
  // Sign-in attempts (and the set-up form) per client address, a bucket of their own so that
  // filling in applications never locks staff out and guessing passwords never blocks the public.
  int sign_in_burst = 20;
  std::chrono::seconds sign_in_refill{6};
  // How wrong passwords lock a login name (stored in the database, store/users.h).
  SignInPolicy sign_in;
  // Tracking look-ups by everyone together: a cap on distributed guessing of query codes, which
  // per-address buckets cannot stop. Each look-up takes one token of one shared bucket.
  int tracking_global_burst = 300;
  std::chrono::milliseconds tracking_global_refill{200};
  // The public base URL (e.g. https://zwfw.example.gov.cn) that QR codes and permanent links on
  // web pages encode (web/service_links.h CheckPublicUrl); empty: the address each caller used
  // (Host and the proxy's X-Forwarded-Proto).
  std::string public_url;
  // When not empty, /setup/<token> lets the first administrator be created once (the token is
  // printed on the console by `serve` for an empty database).
  std::string setup_token;
  // Deadline reminders for staff: open cases due within this many working days (on the agency's
  // calendar, counted by calendar/deadline.h's rules) are marked 即将到期 at the top of the queue,
  // above them the overdue ones (已逾期).
  int reminder_working_days = 3;
  // The message channels `serve` can send (--smtp, --sms-url); the office's message page says
  // which are not configured, their messages staying queued.
  std::set<MessageChannel> notify_channels;
  // Routes appended after the table of web/routes.cc: a seam for tests (e.g. a handler that
  // throws); empty in the application.
  std::vector<Route<RequestContext>> extra_routes;
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
  // The page templates, for bodies rendered once and stored (web/report_publication.h).
  const Templates& templates() const { return templates_; }
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
  RateLimiter sign_ins_;
  RateLimiter tracking_;
  ReportCache report_cache_;
  std::atomic<bool> setup_done_{false};
};

// Routes, by file: web/routes.cc builds the table from the handlers declared in
// web/handlers.h.
std::vector<AppRoute> BuildRoutes();

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_APP_H_
