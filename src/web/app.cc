#include "web/app.h"

#include "store/online_filings.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "files/search_files.h"
#include "web/errors.h"
#include "web/service_links.h"

namespace gongkai::web {

namespace {

// Lifetime of the visitor CSRF cookie (double-submit) for people without a session.
constexpr long kVisitorCookieSeconds = 24 * 3600;
// Static files may be cached by browsers for this long.
constexpr std::string_view kStaticCacheControl = "public, max-age=3600";

// The action of store/permissions.h each route's Access stands for: the one place the web maps
// its gate to the permission table. The gate is coarse (every kHead route is the head's alone);
// the store checks the exact action again (e.g. PublishReport asks for kPublishReport).
std::optional<Action> RouteAction(Access access) {
  switch (access) {
    case Access::kPublic:
      return std::nullopt;
    case Access::kStaff:
      return Action::kReadRegister;
    case Access::kClerk:
      return Action::kRecordStep;
    case Access::kHead:
      return Action::kApproveProposal;
    case Access::kAdmin:
      return Action::kManageUsers;
  }
  return Action::kManageUsers;  // unreachable; the strictest
}

// POSTs that try a password or claim the first account: the sign-in bucket.
bool IsSignIn(std::string_view path) {
  return path == "/office/login" || path.starts_with("/setup/");
}

// POSTs that look a case up by its query code: the tracking page's global cap.
bool IsTracking(std::string_view path) { return path == "/track" || path.starts_with("/track/"); }

std::string_view StaticMime(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".png")) return "image/png";
  if (name.ends_with(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

}  // namespace

Result<std::unique_ptr<App>> App::Create(Database& db, Calendars& calendars, AppOptions options) {
  auto templates = Templates::Load(options.data_dir / "templates" / "web");
  if (!templates.ok()) return templates.status();
  if (options.upload_dir.empty()) {
    return Status::InvalidInput("未指定上传文件目录（upload_dir）");
  }
  if (!options.public_url.empty()) {
    if (Status s = CheckPublicUrl(options.public_url); !s.ok()) return s;
  }
  auto vocabulary = LoadSearchVocabulary(options.data_dir);
  if (!vocabulary.ok()) return vocabulary.status();
  // The register's writers index in their own transactions, with the office's pinyin table.
  db.SetSearchPinyin(std::make_shared<const PinyinOverrides>(vocabulary->pinyin));
  auto app =
      std::unique_ptr<App>(new App(db, calendars, std::move(options), std::move(templates).value(),
                                   std::move(vocabulary).value()));
  // Identity proofs of submissions that never became a case (the process stopped in between)
  // are personal data with no purpose: swept at start once they are older than a day.
  auto attached = OnlineFilings(db, calendars).AttachedProofs();
  if (attached.ok()) {
    int swept = app->uploads().SweepUnattached(*attached, kAbandonedUploadLifetime,
                                               std::filesystem::file_time_type::clock::now());
    if (swept > 0) spdlog::info("removed {} abandoned identity proof uploads", swept);
  } else {
    spdlog::error("listing attached identity proofs: {}", attached.status().message());
  }
  // Proofs kept for forms that came back with errors and were never filed (web/upload.h).
  int expired =
      app->uploads().SweepKept(kKeptProofLifetime, std::filesystem::file_time_type::clock::now());
  if (expired > 0) spdlog::info("removed {} expired kept identity proofs", expired);
  return app;
}

App::App(Database& db, Calendars& calendars, AppOptions options, Templates templates,
         SearchVocabulary search_vocabulary)
    : db_(db),
      calendars_(calendars),
      register_(db, calendars),
      proposals_(db, calendars),
      options_(std::move(options)),
      templates_(std::move(templates)),
      search_vocabulary_(std::move(search_vocabulary)),
      uploads_(options_.upload_dir.string()),
      router_([this] {
        std::vector<AppRoute> routes = BuildRoutes();
        routes.insert(routes.end(), options_.extra_routes.begin(), options_.extra_routes.end());
        return routes;
      }()),
      public_posts_(options_.public_post_burst, options_.public_post_refill),
      sign_ins_(options_.sign_in_burst, options_.sign_in_refill),
      tracking_(options_.tracking_global_burst, options_.tracking_global_refill) {}

void App::SetupDone() { setup_done_ = true; }

bool App::SetupPending(std::string_view token) const {
  return !setup_done_ && !options_.setup_token.empty() && TokensEqual(token, options_.setup_token);
}

Response App::Handle(Request& request) {
  Response response;
  if (request.path.starts_with("/static/")) {
    response = ServeStatic(request);
  } else {
    RequestContext ctx{*this, std::nullopt, {}, {}, {}, {}};
    try {
      response = Dispatch(request, ctx);
      for (auto& cookie : ctx.set_cookies) response.AddHeader("Set-Cookie", std::move(cookie));
    } catch (...) {  // of any type, thrown by a handler or the store: a 500, never a crash
      response = UncaughtException("handler", request, std::current_exception());
    }
  }
  AddSecurityHeaders(response, request.secure || options_.secure_cookies);
  return response;
}

Response App::Dispatch(Request& request, RequestContext& ctx) {
  auto match =
      router_.Find(request.method, request.raw_path.empty() ? request.path : request.raw_path);
  if (!match.route) {
    if (match.path_matched_other_method) {
      Response r = ErrorPage(405, "请求方式不正确", "此页面不支持该请求方式。");
      r.AddHeader("Allow", "GET, HEAD, POST");
      return r;
    }
    return NotFound();
  }
  request.params = std::move(match.params);
  const AppRoute& route = *match.route;
  const bool secure = request.secure || options_.secure_cookies;

  std::string session_token(request.Cookie(kSessionCookie));
  if (!session_token.empty()) {
    auto session = FindSession(db_, session_token);
    if (session.ok()) {
      ctx.session = std::move(session).value();
    } else if (session.status().code() == Status::Code::kNotFound ||
               session.status().code() == Status::Code::kPermissionDenied) {
      if (session.status().code() == Status::Code::kPermissionDenied) {
        spdlog::warn("session refused: {}", session.status().message());
      }
      ctx.set_cookies.push_back(CookieHeader(kSessionCookie, "", secure, 0));
    } else {
      return InternalFailure(session.status(), "session lookup failed");
    }
  }
  if (ctx.session) {
    ctx.csrf = ctx.session->csrf_token;
  } else {
    ctx.csrf = std::string(request.Cookie(kVisitorCsrfCookie));
    if (ctx.csrf.size() != 64) {
      ctx.csrf = RandomToken();
      ctx.set_cookies.push_back(
          CookieHeader(kVisitorCsrfCookie, ctx.csrf, secure, kVisitorCookieSeconds));
    }
  }

  if (route.access != Access::kPublic) {
    if (!ctx.session) {
      if (request.method == Method::kPost) {
        return Forbidden("请先登录工作人员账号。");
      }
      return Redirect("/office/login");
    }
    if (auto action = RouteAction(route.access);
        action && !Allows(ctx.session->user.role, *action)) {
      return Forbidden(
          fmt::format("您的角色（{}）不能执行此操作。", Label(ctx.session->user.role)));
    }
  }

  if (request.method == Method::kPost) {
    if (route.access == Access::kPublic) {
      const auto now = RateLimiter::Clock::now();
      RateLimiter& bucket = IsSignIn(request.path) ? sign_ins_ : public_posts_;
      int wait = bucket.Take(request.remote_ip, now);
      if (wait == 0 && IsTracking(request.path)) wait = tracking_.Take("", now);
      if (wait > 0) return TooManyRequests(wait);
    }
    std::string_view content_type = request.Header("content-type");
    if (content_type.starts_with("multipart/form-data")) {
      auto boundary = MultipartBoundary(content_type);
      if (!boundary.ok()) return BadRequest(boundary.status().message());
      auto parts = ParseMultipart(request.body, *boundary);
      if (!parts.ok()) return BadRequest(parts.status().message());
      for (auto& part : *parts) {
        if (part.filename) {
          ctx.files.push_back(std::move(part));
        } else {
          ctx.form.Add(part.name, std::move(part.data));
        }
      }
    } else {
      auto form = ParseUrlEncoded(request.body);
      if (!form.ok()) return BadRequest(form.status().message());
      ctx.form = std::move(form).value();
    }
    // A visitor whose cookie was just issued cannot have a matching token: refused too.
    if (!TokensEqual(ctx.form.Get(kCsrfField), ctx.csrf)) {
      return Forbidden("表单已过期或来源不明（安全校验未通过）。请返回上一页，刷新后重新提交。");
    }
  }
  return route.handler(ctx, request);
}

Response App::ServeStatic(const Request& request) const {
  if (request.method != Method::kGet && request.method != Method::kHead) return NotFound();
  std::string_view name = std::string_view(request.path).substr(8);
  bool safe = !name.empty() && name.size() < 100;
  for (char c : name) {
    safe = safe &&
           ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.');
  }
  if (!safe || name.front() == '.' || name.find("..") != std::string_view::npos) return NotFound();
  std::ifstream in(options_.data_dir / "static" / std::string(name), std::ios::binary);
  if (!in) return NotFound();
  std::ostringstream body;
  body << in.rdbuf();
  Response r;
  r.content_type = std::string(StaticMime(name));
  r.body = body.str();
  r.AddHeader("Cache-Control", std::string(kStaticCacheControl));
  return r;
}

Response App::Page(RequestContext& ctx, std::string_view page, std::string_view title, View view,
                   int status) {
  view.set("csrf", Text(ctx.csrf));
  auto body = templates_.Render(page, view);
  if (!body.ok()) {
    return InternalFailure(body.status(), "rendering a page");
  }
  View layout;
  layout.set("title", Text(title));
  layout.set("body", Text(*body));
  layout.set("csrf", Text(ctx.csrf));
  if (ctx.session) {
    View user;
    user.set("name", Text(ctx.session->user.name));
    user.set("role", Text(Label(ctx.session->user.role)));
    user.set("agency_id", Text(std::to_string(ctx.session->user.agency_id)));
    user.set("can_approve", Flag(Allows(ctx.session->user.role, Action::kApproveProposal)));
    layout.set("user", user);
  }
  auto html = templates_.Render("layout", layout);
  if (!html.ok()) {
    return InternalFailure(html.status(), "rendering a page");
  }
  Response r;
  r.status = status;
  r.body = std::move(html).value();
  return r;
}

std::optional<Response> App::DenyUnlessAgency(RequestContext& ctx, int64_t agency_id) {
  if (!ctx.session) return Forbidden("请先登录工作人员账号。");
  auto allowed = UserCanAccess(db_, ctx.session->user, agency_id);
  if (!allowed.ok()) return StatusPage(allowed.status(), "", "agency check");
  if (!*allowed) return Forbidden("您无权查看或办理其他机关的案件和报告。");
  return std::nullopt;
}

}  // namespace gongkai::web
