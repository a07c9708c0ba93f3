// Staff sign-in (Argon2id, store/users.h), sign-out, and the one-time set-up link that creates
// the first administrator of an empty database. The link's token is printed on the server's
// console only: whoever merely finds the server first cannot claim it.

#include <spdlog/spdlog.h>

#include <chrono>

#include "web/errors.h"
#include "web/handlers.h"

namespace gongkai::web {

namespace {

Response StartSession(RequestContext& ctx, const Request& req, const User& user) {
  auto session = CreateSession(ctx.app.db(), user.id);
  if (!session.ok()) {
    return InternalFailure(session.status(), "creating a session");
  }
  Response r = Redirect("/office");
  long seconds = std::chrono::duration_cast<std::chrono::seconds>(kSessionLifetime).count();
  r.AddHeader("Set-Cookie", CookieHeader(kSessionCookie, session->token,
                                         req.secure || ctx.app.options().secure_cookies, seconds));
  return r;
}

bool NoUsersYet(RequestContext& ctx) {
  auto users = ListUsers(ctx.app.db(), std::nullopt);
  return users.ok() && users->empty();
}

}  // namespace

Response LoginForm(RequestContext& ctx, const Request&) {
  if (ctx.session) return Redirect("/office");
  return ctx.app.Page(ctx, "login", "工作人员登录", View());
}

Response LoginSubmit(RequestContext& ctx, const Request& req) {
  std::string name(ctx.form.Get("name"));
  auto user = Authenticate(ctx.app.db(), name, std::string(ctx.form.Get("password")),
                           ctx.app.options().sign_in);
  if (!user.ok()) {
    if (user.status().code() != Status::Code::kPermissionDenied) {
      return InternalFailure(user.status(), "sign-in");
    }
    spdlog::info("sign-in refused from a client");
    View v;
    v.set("name", Text(name));
    v.set("error", Text(user.status().message()));
    return ctx.app.Page(ctx, "login", "工作人员登录", v, 401);
  }
  spdlog::info("sign-in: user {}", user->id);
  return StartSession(ctx, req, *user);
}

Response LogoutSubmit(RequestContext& ctx, const Request& req) {
  Status s = DeleteSession(ctx.app.db(), std::string(req.Cookie(kSessionCookie)));
  if (!s.ok()) spdlog::error("ending a session: {}", s.message());
  Response r = Redirect("/");
  r.AddHeader("Set-Cookie",
              CookieHeader(kSessionCookie, "", req.secure || ctx.app.options().secure_cookies, 0));
  return r;
}

Response SetupForm(RequestContext& ctx, const Request& req) {
  if (!ctx.app.SetupPending(req.Param("token"))) return NotFound();
  if (!NoUsersYet(ctx)) {
    ctx.app.SetupDone();
    return NotFound();
  }
  View v;
  v.set("token", Text(req.Param("token")));
  return ctx.app.Page(ctx, "setup", "创建管理员", v);
}

Response SetupSubmit(RequestContext& ctx, const Request& req) {
  if (!ctx.app.SetupPending(req.Param("token"))) return NotFound();
  if (!NoUsersYet(ctx)) {
    ctx.app.SetupDone();
    return NotFound();
  }
  auto refuse = [&](std::string_view message) {
    View v;
    v.set("token", Text(req.Param("token")));
    v.set("agency", Text(ctx.form.Get("agency")));
    v.set("name", Text(ctx.form.Get("name")));
    v.set("error", Text(message));
    return ctx.app.Page(ctx, "setup", "创建管理员", v, 422);
  };
  std::string agency_name(ctx.form.Get("agency"));
  if (agency_name.empty()) return refuse("请填写机关名称。");
  if (ctx.form.Get("password").size() < kMinPasswordLength) {
    return refuse("密码至少需要8个字符。");
  }
  int64_t agency_id = 0;
  auto agencies = ListAgencies(ctx.app.db());
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  for (const auto& a : *agencies) {
    if (a.name == agency_name) agency_id = a.id;
  }
  if (agency_id == 0) {
    Agency agency;
    agency.name = agency_name;
    agency.kind = AgencyKind::kGovernment;
    auto added = AddAgency(ctx.app.db(), agency);
    if (!added.ok()) return refuse(added.status().message());
    agency_id = *added;
  }
  auto user = AddUser(ctx.app.db(), agency_id, std::string(ctx.form.Get("name")), Role::kAdmin,
                      std::string(ctx.form.Get("password")));
  if (!user.ok()) return refuse(user.status().message());
  ctx.app.SetupDone();
  spdlog::info("set-up: first administrator created (user {})", user->id);
  return StartSession(ctx, req, *user);
}

}  // namespace gongkai::web
