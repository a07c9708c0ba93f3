// `gongkai db migrate|backup`, `gongkai agencies add|list`, `gongkai users
// add|list|disable|enable|set-password|revoke-sessions` and `gongkai records
// import|add-document|set-counts|list`: the register's housekeeping. Every command takes --db (a
// file path or a postgresql:// URL; default ./gongkai.db); those that change agencies, users or
// records take --user and are checked against the permission table (cli/acting_user.h).

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/acting_user.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "files/calendar_files.h"
#include "store/agencies.h"
#include "store/database.h"
#include "store/records.h"
#include "store/users.h"

namespace gongkai::cli {
namespace {

void AddDb(CLI::App& app, GlobalOptions& g) {
  auto* db = app.add_subcommand("db", "数据库维护：迁移、备份 / database maintenance");
  db->require_subcommand(1);

  auto* migrate =
      db->add_subcommand("migrate", "把数据库结构升级到最新版本 / apply pending migrations");
  auto migrate_url = std::make_shared<std::string>("./gongkai.db");
  migrate->add_option("--db", *migrate_url, kDbHelp);
  migrate->callback([&g, migrate_url] {
    auto database = Database::Open(*migrate_url);
    if (!Check(g, database)) return;
    auto applied = database->Migrate();
    if (!Check(g, applied)) return;
    if (applied->empty()) {
      std::cout << Tr(g, "数据库已是最新（结构版本 {}）\n",
                      "already up to date (schema version {})\n", Database::LatestSchemaVersion());
    }
    for (int v : *applied) std::cout << Tr(g, "已迁移到版本 {}\n", "migrated to version {}\n", v);
  });

  auto* backup =
      db->add_subcommand("backup", "在线备份 SQLite 数据库 / online backup of an SQLite database");
  auto backup_url = std::make_shared<std::string>("./gongkai.db");
  auto backup_file = std::make_shared<std::string>();
  backup->add_option("--db", *backup_url, kDbHelp);
  backup->add_option("FILE", *backup_file, "备份文件 / backup file")->required();
  backup->callback([&g, backup_url, backup_file] {
    auto database = Database::Open(*backup_url);
    if (!Check(g, database)) return;
    if (!Check(g, database->Backup(*backup_file))) return;
    std::cout << Tr(g, "已备份到 {}\n", "backed up to {}\n", *backup_file);
  });
}

void AddAgencies(CLI::App& app, GlobalOptions& g) {
  auto* agencies = app.add_subcommand("agencies", "机关 / agencies");
  agencies->require_subcommand(1);

  struct AddArgs {
    std::string url = "./gongkai.db";
    std::string name, kind = "department", region, settings = "{}", user;
    std::optional<int64_t> parent;
  };
  auto args = std::make_shared<AddArgs>();
  auto* add = agencies->add_subcommand("add", "添加机关 / add an agency");
  add->add_option("--db", args->url, kDbHelp);
  add->add_option("--name", args->name, "机关名称 / name")->required();
  add->add_option("--kind", args->kind, "government | department | township")
      ->check(CLI::IsMember({"government", "department", "township"}));
  add->add_option("--parent", args->parent, "上级机关编号 / parent agency id");
  add->add_option("--region", args->region, "地方日历区域 / local calendar region");
  add->add_option("--settings", args->settings, "设置 JSON / settings JSON");
  AddUserOption(add, args->user);
  add->callback([&g, args] {
    auto database = Database::OpenForUse(args->url);
    if (!Check(g, database)) return;
    if (!Check(g, ResolveActor(*database, args->user, Action::kManageUsers, args->parent))) return;
    if (!args->region.empty()) {
      auto regions = ListRegions(DefaultDataDir());
      if (std::find(regions.begin(), regions.end(), args->region) == regions.end()) {
        Check(g, Status::InvalidInput(fmt::format("没有区域“{}”的地方日历：可用的有 {}",
                                                  args->region, fmt::join(regions, "、"))));
        return;
      }
    }
    Agency agency{
        0, args->parent, args->name, *AgencyKindFromKey(args->kind), args->region, args->settings};
    auto id = AddAgency(*database, agency);
    if (!Check(g, id)) return;
    std::cout << Tr(g, "已添加机关 {}：{}\n", "added agency {}: {}\n", *id, args->name);
  });

  auto list_url = std::make_shared<std::string>("./gongkai.db");
  auto* list = agencies->add_subcommand("list", "列出机关 / list agencies");
  list->add_option("--db", *list_url, kDbHelp);
  list->callback([&g, list_url] {
    auto database = Database::OpenForUse(*list_url);
    if (!Check(g, database)) return;
    auto all = ListAgencies(*database);
    if (!Check(g, all)) return;
    std::cout << Say(g, "编号\t上级\t类型\t区域\t名称\n", "id\tparent\tkind\tregion\tname\n");
    for (const Agency& a : *all) {
      std::cout << fmt::format(
          "{}\t{}\t{}\t{}\t{}\n", a.id, a.parent_id ? std::to_string(*a.parent_id) : "-",
          g.lang == "en" ? Key(a.kind) : Label(a.kind), a.region.empty() ? "-" : a.region, a.name);
    }
  });
}

void AddUsers(CLI::App& app, GlobalOptions& g) {
  auto* users = app.add_subcommand("users", "工作人员账号 / staff users");
  users->require_subcommand(1);

  struct AddArgs {
    std::string url = "./gongkai.db";
    int64_t agency = 0;
    std::string name, role, user;
  };
  auto args = std::make_shared<AddArgs>();
  auto* add = users->add_subcommand(
      "add",
      "添加用户；密码从标准输入读取，未提供则生成并只显示一次 / add a user; password from "
      "stdin, else generated and shown once");
  add->add_option("--db", args->url, kDbHelp);
  add->add_option("--agency", args->agency, "机关编号 / agency id")->required();
  add->add_option("--name", args->name, "登录名 / login name")->required();
  add->add_option("--role", args->role, "clerk | head | admin | supervisor")
      ->required()
      ->check(CLI::IsMember({"clerk", "head", "admin", "supervisor"}));
  AddUserOption(add, args->user);
  add->callback([&g, args] {
    auto database = Database::OpenForUse(args->url);
    if (!Check(g, database)) return;
    // While there are no users, the first one (the first administrator) needs no --user.
    if (!Check(g, ResolveActor(*database, args->user, Action::kManageUsers, args->agency))) return;
    std::string password;
    bool generated = false;
    if (!isatty(STDIN_FILENO)) std::getline(std::cin, password);
    if (password.empty()) {
      password = GeneratePassword();
      generated = true;
    }
    auto user = AddUser(*database, args->agency, args->name, *RoleFromKey(args->role), password);
    if (!Check(g, user)) return;
    std::cout << Tr(g, "已添加用户 {}（{}），机关 {}\n", "added user {} ({}), agency {}\n",
                    user->name, g.lang == "en" ? Key(user->role) : Label(user->role),
                    user->agency_id);
    if (generated) {
      std::cout << Tr(g, "初始密码（只显示这一次）：{}\n", "initial password (shown once): {}\n",
                      password);
    }
  });

  // disable, enable, set-password, revoke-sessions: an administrator acting on one user.
  struct AccountArgs {
    std::string url = "./gongkai.db";
    std::string target, user;
  };
  auto account = std::make_shared<AccountArgs>();
  auto account_command = [&](const char* name, const char* help) {
    auto* cmd = users->add_subcommand(name, help);
    cmd->add_option("--db", account->url, kDbHelp);
    cmd->add_option("NAME", account->target, "要处理的用户 / the user to act on")->required();
    AddUserOption(cmd, account->user);
    return cmd;
  };
  // Opens the database and checks that the acting user manages users and the target's agency.
  auto open_account = [&g, account]() -> std::optional<Database> {
    auto database = Database::OpenForUse(account->url);
    if (!Check(g, database)) return std::nullopt;
    auto all = ListUsers(*database, std::nullopt);
    if (!Check(g, all)) return std::nullopt;
    std::optional<int64_t> agency;
    for (const User& u : *all) {
      if (u.name == account->target) agency = u.agency_id;
    }
    if (!agency) {
      Check(g, Status::NotFound(
                   fmt::format("用户“{}”不存在：请用 `gongkai users list` 查看", account->target)));
      return std::nullopt;
    }
    auto actor = ResolveActor(*database, account->user, Action::kManageUsers, agency, false);
    if (!Check(g, actor)) return std::nullopt;
    return std::move(database).value();
  };
  account_command("disable", "停用用户并结束其全部会话 / disable a user, ending its sessions")
      ->callback([&g, account, open_account] {
        auto database = open_account();
        if (!database || !Check(g, SetUserEnabled(*database, account->target, false))) return;
        std::cout << Tr(g, "已停用用户 {}，其会话已全部结束\n",
                        "disabled {}; all its sessions ended\n", account->target);
      });
  account_command("enable", "恢复已停用的用户 / enable a disabled user")
      ->callback([&g, account, open_account] {
        auto database = open_account();
        if (!database || !Check(g, SetUserEnabled(*database, account->target, true))) return;
        std::cout << Tr(g, "已恢复用户 {}\n", "enabled {}\n", account->target);
      });
  account_command("revoke-sessions", "结束用户的全部会话 / end every session of a user")
      ->callback([&g, account, open_account] {
        auto database = open_account();
        if (!database) return;
        auto n = RevokeSessions(*database, account->target);
        if (!Check(g, n)) return;
        std::cout << Tr(g, "已结束用户 {} 的 {} 个会话\n", "ended {1} sessions of {0}\n",
                        account->target, *n);
      });
  account_command("set-password",
                  "重设密码（从标准输入读取，未提供则生成）并结束其全部会话 / reset a password "
                  "(stdin, else generated), ending its sessions")
      ->callback([&g, account, open_account] {
        auto database = open_account();
        if (!database) return;
        std::string password;
        bool generated = false;
        if (!isatty(STDIN_FILENO)) std::getline(std::cin, password);
        if (password.empty()) {
          password = GeneratePassword();
          generated = true;
        }
        if (!Check(g, SetPassword(*database, account->target, password))) return;
        std::cout << Tr(g, "已重设用户 {} 的密码，其会话已全部结束\n",
                        "password of {} reset; all its sessions ended\n", account->target);
        if (generated) {
          std::cout << Tr(g, "新密码（只显示这一次）：{}\n", "new password (shown once): {}\n",
                          password);
        }
      });

  auto list_url = std::make_shared<std::string>("./gongkai.db");
  auto list_agency = std::make_shared<std::optional<int64_t>>();
  auto* list = users->add_subcommand("list", "列出用户 / list users");
  list->add_option("--db", *list_url, kDbHelp);
  list->add_option("--agency", *list_agency, "机关编号 / agency id");
  list->callback([&g, list_url, list_agency] {
    auto database = Database::OpenForUse(*list_url);
    if (!Check(g, database)) return;
    auto all = ListUsers(*database, *list_agency);
    if (!Check(g, all)) return;
    for (const User& u : *all) {
      std::cout << fmt::format("{}\t{}\t{}\n", u.name, g.lang == "en" ? Key(u.role) : Label(u.role),
                               u.agency_id);
    }
  });
}

void AddRecords(CLI::App& app, GlobalOptions& g) {
  auto* records = app.add_subcommand("records", "主动公开登记（年度报告表二）/ table-A registers");
  records->require_subcommand(1);

  struct Args {
    std::string url = "./gongkai.db";
    std::optional<int64_t> agency;
    std::string file, kind, number, title, issued, abolished, user;
    int year = 0;
    YearDecisionCounts counts;
  };
  auto a = std::make_shared<Args>();
  auto common = [&](CLI::App* cmd) {
    cmd->add_option("--db", a->url, kDbHelp);
    cmd->add_option("--agency", a->agency, "机关编号（只有一个机关时可省略）/ agency id");
  };
  // Opens the database and resolves the agency; `writes` also checks the acting user.
  auto open_for = [&g, a](bool writes) -> std::optional<std::pair<Database, int64_t>> {
    auto database = Database::OpenForUse(a->url);
    if (!Check(g, database)) return std::nullopt;
    auto agency = ResolveAgency(*database, a->agency);
    if (!Check(g, agency)) return std::nullopt;
    if (writes && !Check(g, ResolveActor(*database, a->user, Action::kEditRecords, *agency))) {
      return std::nullopt;
    }
    return std::pair{std::move(database).value(), *agency};
  };
  auto open = [open_for] { return open_for(true); };

  auto* import_cmd = records->add_subcommand("import", "从 CSV 导入（表头决定类型）/ import a CSV");
  common(import_cmd);
  import_cmd->add_option("FILE", a->file, "CSV 文件 / CSV file")->required();
  AddUserOption(import_cmd, a->user);
  import_cmd->callback([&g, a, open] {
    auto text = ReadFile(a->file);
    if (!Check(g, text)) return;
    auto opened = open();
    if (!opened) return;
    auto n = ImportRecordsCsv(opened->first, opened->second, *text);
    if (!Check(g, n)) return;
    std::cout << Tr(g, "已导入 {} 行\n", "imported {} rows\n", *n);
  });

  auto* add_doc =
      records->add_subcommand("add-document", "登记规章或规范性文件 / register a document");
  common(add_doc);
  add_doc->add_option("--kind", a->kind, "rules | normative_documents")
      ->required()
      ->check(CLI::IsMember({"rules", "normative_documents"}));
  add_doc->add_option("--number", a->number, "文号 / document number")->required();
  add_doc->add_option("--title", a->title, "标题 / title")->required();
  add_doc->add_option("--issued", a->issued, "制发日期 YYYY-MM-DD / issued")->required();
  add_doc->add_option("--abolished", a->abolished, "废止日期 YYYY-MM-DD / abolished");
  AddUserOption(add_doc, a->user);
  add_doc->callback([&g, a, open] {
    StoredDocument d;
    d.kind = *DocumentKindFromKey(a->kind);
    d.number = a->number;
    d.title = a->title;
    auto issued = ParseDate(a->issued);
    if (!Check(g, issued.ok() ? Status::Ok() : issued.status().WithContext("--issued: "))) return;
    d.issued = *issued;
    if (!a->abolished.empty()) {
      auto abolished = ParseDate(a->abolished);
      if (!Check(g,
                 abolished.ok() ? Status::Ok() : abolished.status().WithContext("--abolished: ")))
        return;
      d.abolished = *abolished;
    }
    auto opened = open();
    if (!opened) return;
    if (!Check(g, AddDocument(opened->first, opened->second, d))) return;
    std::cout << Tr(g, "已登记 {}\n", "registered {}\n", d.number);
  });

  auto* set_counts =
      records->add_subcommand("set-counts", "登记年度决定数量和收费 / set a year's counts");
  common(set_counts);
  set_counts->add_option("--year", a->year, "年度 / year")->required();
  set_counts->add_option("--licensing", a->counts.licensing,
                         "行政许可决定数 / licensing decisions");
  set_counts->add_option("--punishment", a->counts.punishment,
                         "行政处罚决定数 / punishment decisions");
  set_counts->add_option("--enforcement", a->counts.enforcement,
                         "行政强制决定数 / enforcement decisions");
  set_counts->add_option("--fees-fen", a->counts.fees_collected_fen,
                         "行政事业性收费（分）/ fees in fen");
  AddUserOption(set_counts, a->user);
  set_counts->callback([&g, a, open] {
    auto opened = open();
    if (!opened) return;
    if (!Check(g, SetYearCounts(opened->first, opened->second, a->year, a->counts))) return;
    std::cout << Tr(g, "已登记 {} 年度数量\n", "recorded the counts of {}\n", a->year);
  });

  auto* list = records->add_subcommand("list", "列出登记 / list the registers");
  common(list);
  list->add_option("--year", a->year, "年度（显示该年数量）/ year of the counts");
  list->callback([&g, a, open_for] {
    auto opened = open_for(false);
    if (!opened) return;
    auto docs = ListDocuments(opened->first, opened->second);
    if (!Check(g, docs)) return;
    for (const StoredDocument& d : *docs) {
      std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\n", DocumentKindKey(d.kind), d.number,
                               FormatDate(d.issued), d.abolished ? FormatDate(*d.abolished) : "-",
                               d.title);
    }
    if (a->year) {
      auto c = GetYearCounts(opened->first, opened->second, a->year);
      if (!Check(g, c)) return;
      std::cout << Tr(g, "{} 年：行政许可 {}，行政处罚 {}，行政强制 {}，收费 {:.2f} 元\n",
                      "{}: licensing {}, punishment {}, enforcement {}, fees {:.2f} yuan\n",
                      a->year, c->licensing, c->punishment, c->enforcement,
                      static_cast<double>(c->fees_collected_fen) / 100.0);
    }
  });
}  // namespace

}  // namespace

void AddDbCommands(CLI::App& app, GlobalOptions& global) {
  AddDb(app, global);
  AddAgencies(app, global);
  AddUsers(app, global);
  AddRecords(app, global);
}

}  // namespace gongkai::cli
