#include "cli/acting_user.h"

#include <fmt/format.h>

namespace gongkai::cli {

void AddUserOption(CLI::App* cmd, std::string& name) {
  cmd->add_option(
         "--user", name,
         "操作人登录名（默认取环境变量 GONGKAI_USER）/ acting user (default $GONGKAI_USER)")
      ->envname(kUserEnv);
}

Result<Actor> ResolveActor(Database& db, const std::string& name, Action action,
                           std::optional<int64_t> agency_id, bool bootstrap,
                           const std::string& fallback) {
  if (name.empty()) {
    if (bootstrap) {
      auto users = ListUsers(db, std::nullopt);
      if (!users.ok()) return users.status();
      if (users->empty()) return Actor{std::nullopt, fallback};
    }
    return Status::InvalidInput(fmt::format(
        "“{}”需要指明操作人：请加 --user 登录名，或设置环境变量 {}", Label(action), kUserEnv));
  }
  auto user = FindUserByName(db, name);
  if (!user.ok()) return user.status();
  if (Status s = Authorize(*user, action); !s.ok()) return s;
  if (agency_id) {
    auto allowed = UserCanAccess(db, *user, *agency_id);
    if (!allowed.ok()) return allowed.status();
    if (!*allowed) {
      return Status::PermissionDenied(
          fmt::format("用户 {} 无权处理机关 {}：只能处理本机关及下级机关", name, *agency_id));
    }
  }
  return Actor{*user, user->name};
}

}  // namespace gongkai::cli
