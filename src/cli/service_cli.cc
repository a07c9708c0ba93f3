#include "cli/service_cli.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli/acting_user.h"
#include "cli/output.h"
#include "files/calendar_files.h"
#include "store/agencies.h"
#include "store/case_store.h"

namespace gongkai::cli {

std::optional<OpenedAgency> OpenAgency(GlobalOptions& g, const std::string& url,
                                       std::optional<int64_t> agency, const std::string& user,
                                       std::optional<Action> action, bool bootstrap) {
  auto database = Database::OpenForUse(url);
  if (!Check(g, database)) return std::nullopt;
  auto id = ResolveAgency(*database, agency);
  if (!Check(g, id)) return std::nullopt;
  OpenedAgency o{std::move(database).value(), *id, std::nullopt, ""};
  if (action) {
    auto actor = ResolveActor(o.db, user, *action, o.agency, bootstrap, "import");
    if (!Check(g, actor)) return std::nullopt;
    o.user = actor->user;
    o.actor = actor->name;
  }
  return o;
}

Date StoreToday(Database& db) {
  Calendars calendars;
  return CaseRegister(db, calendars).Today();
}

std::optional<Date> DateOrToday(GlobalOptions& g, Database& db, const std::string& text,
                                const char* option) {
  if (text.empty()) return StoreToday(db);
  auto d = ParseDate(text);
  if (!Check(g, d.ok() ? Status::Ok() : d.status().WithContext(std::string(option) + "："))) {
    return std::nullopt;
  }
  return *d;
}

bool WriteOutput(GlobalOptions& g, const std::string& output, const std::string& text) {
  if (output.empty()) {
    std::cout << text;
    return true;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  if (!out) {
    return Check(g, Status::InvalidInput(fmt::format("无法写入 {}：请检查路径和权限", output)));
  }
  return true;
}

}  // namespace gongkai::cli
