// `gongkai serve`: opens the register (an empty database gets its schema), optionally seeds the
// demo government, and serves the web application until SIGINT / SIGTERM. The first
// administrator of an empty database comes from `gongkai users add` or from the one-time set-up
// link printed here — never from whoever visits first.

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/demo_data.h"
#include "cli/public_url.h"
#include "cli/transport_flags.h"
#include "files/calendar_files.h"
#include "files/search_files.h"
#include "store/audit_key.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/users.h"
#include "transport/sender.h"
#include "web/app.h"
#include "web/security.h"
#include "web/server.h"

namespace gongkai::cli {

namespace {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string db = "gongkai.db";
  bool demo = false;
  int threads = 4;
  std::string data_dir;
  std::string upload_dir;
  std::vector<std::string> trusted_proxies;
  bool secure_cookies = false;
  int reminder_days = web::AppOptions().reminder_working_days;
  std::string public_url;
  TransportFlags transport;
};

// How often the server drains the outbox (messages are queued with their step; a user waits for
// none of this).
constexpr std::chrono::seconds kSendInterval{5};

// The upload directory by default: next to an SQLite file, else under the working directory.
std::filesystem::path DefaultUploadDir(const std::string& db) {
  if (db.starts_with("postgres")) return "gongkai-uploads";
  std::filesystem::path p(db);
  return (p.has_parent_path() ? p.parent_path() : std::filesystem::path(".")) /
         (p.stem().string() + "-uploads");
}

int Serve(const ServeOptions& o, bool en) {
  auto say = [&](std::string_view zh, std::string_view english) {
    std::cout << (en ? english : zh) << "\n";
  };
  // Refused before anything is opened.
  auto public_url = PublicUrl(o.public_url);
  if (!public_url.ok()) {
    std::cerr << public_url.status().message() << "\n";
    return 1;
  }
  auto db = Database::Open(o.db);
  if (!db.ok()) {
    std::cerr << db.status().message() << "\n";
    return 1;
  }
  if (Status s = db->EnsureSchema(); !s.ok()) {
    std::cerr << s.message() << "\n";
    return 1;
  }
  // Every write the server makes is sealed into the audit ledger at once (store/ledger.h).
  auto audit_key = AuditKeyFromEnvironment();
  if (!audit_key.ok()) {
    std::cerr << audit_key.status().message() << "\n";
    return 1;
  }
  db->SetAuditKey(*audit_key);
  std::filesystem::path data_dir =
      o.data_dir.empty() ? DefaultDataDir() : std::filesystem::path(o.data_dir);
  Calendars calendars(data_dir);
  CaseRegister cases(*db, calendars);

  if (o.demo) {
    auto vocabulary = LoadSearchVocabulary(data_dir);
    if (!vocabulary.ok()) {
      std::cerr << vocabulary.status().message() << "\n";
      return 1;
    }
    auto demo = SeedDemo(*db, calendars, *vocabulary, cases.Today());
    if (!demo.ok()) {
      std::cerr << demo.status().message() << "\n";
      return 1;
    }
    if (demo->seeded) {
      std::cout << (en ? "Demo data seeded: " : "已生成演示数据：") << demo->cases
                << (en ? " cases.\n" : " 件案件。\n");
    }
    say("演示账号（仅供演示）：", "Demo sign-ins (demo only):");
    for (const auto& l : demo->logins) {
      std::cout << "  " << l.role << "  " << l.name << " / " << l.password << "  （" << l.agency
                << "）\n";
    }
  }

  web::AppOptions options;
  options.data_dir = data_dir;
  options.upload_dir =
      o.upload_dir.empty() ? DefaultUploadDir(o.db) : std::filesystem::path(o.upload_dir);
  options.secure_cookies = o.secure_cookies;
  if (const char* file = std::getenv("GONGKAI_CHECKPOINTS")) options.checkpoints = file;
  options.reminder_working_days = o.reminder_days;
  options.public_url = *public_url;
  auto transports = MakeTransports(o.transport);
  if (!transports.ok()) {
    std::cerr << transports.status().message() << "\n";
    return 1;
  }
  options.notify_channels = transports->channels();
  auto users = ListUsers(*db, std::nullopt);
  if (!users.ok()) {
    std::cerr << users.status().message() << "\n";
    return 1;
  }
  if (users->empty()) options.setup_token = web::RandomToken();

  auto app = web::App::Create(*db, calendars, options);
  if (!app.ok()) {
    std::cerr << app.status().message() << "\n";
    return 1;
  }
  web::ServerOptions server_options;
  server_options.host = o.host;
  server_options.port = o.port;
  server_options.threads = o.threads;
  server_options.trusted_proxies = o.trusted_proxies;
  server_options.handle_signals = true;
  web::Server server(server_options, [&](web::Request& r) { return (*app)->Handle(r); });
  if (Status s = server.Start(); !s.ok()) {
    std::cerr << s.message() << "\n";
    return 1;
  }
  std::string base = "http://" + o.host + ":" + std::to_string(server.port());
  std::cout << (en ? "Serving on " : "服务已启动：") << base << "/  ("
            << (en ? "database " : "数据库 ") << db->display_url() << ")\n";
  if (!options.setup_token.empty()) {
    std::cout << (en ? "No users yet. Create the first administrator once at:\n  "
                     : "还没有任何用户。请用以下一次性链接创建第一个管理员：\n  ")
              << base << "/setup/" << options.setup_token << "\n"
              << (en ? "(or run `gongkai users add`)\n" : "（或运行 gongkai users add）\n");
  }
  // Declared after the server and the app, so it stops before them.
  std::optional<BackgroundSender> sender;
  if (!options.notify_channels.empty()) {
    sender.emplace(*db, calendars, std::move(transports).value(), kSendInterval, o.reminder_days);
  }
  if (!options.notify_channels.contains(MessageChannel::kEmail)) {
    say("未配置邮件发送（--smtp）：邮件消息将保持待发送。",
        "No --smtp: e-mail messages stay queued.");
  }
  if (!options.notify_channels.contains(MessageChannel::kSms)) {
    say("未配置短信接口（--sms-url）：短信消息将保持待发送。",
        "No --sms-url: SMS messages stay queued.");
  }
  say("按 Ctrl+C 停止。", "Press Ctrl+C to stop.");
  std::cout.flush();
  server.Run();
  say("服务已停止。", "Stopped.");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, GlobalOptions& global) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd =
      app.add_subcommand("serve", "启动网站：公众门户和办公工作台 / run the web application");
  cmd->add_option("--port", opts->port, "端口 / port")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", opts->host, "监听地址 / address to bind");
  cmd->add_option("--db", opts->db, "SQLite 文件或 postgresql://… / database");
  cmd->add_flag("--demo", opts->demo,
                "生成演示政府和案件（仅一次）/ seed the demo government once");
  cmd->add_option("--threads", opts->threads, "线程数 / threads")->check(CLI::Range(1, 256));
  cmd->add_option("--data", opts->data_dir, "数据目录（模板、静态文件、日历）/ data directory");
  cmd->add_option("--uploads", opts->upload_dir,
                  "上传文件目录（不在网站目录下）/ upload directory, outside the web root");
  cmd->add_option("--trusted-proxy", opts->trusted_proxies,
                  "可信反向代理地址（可重复），只信任它们的 X-Forwarded-For/Proto / address of a "
                  "trusted reverse proxy (repeatable)");
  cmd->add_flag("--secure-cookies", opts->secure_cookies,
                "Cookie 加 Secure（经 TLS 访问时）/ mark cookies Secure");
  cmd->add_option("--public-url", opts->public_url,
                  "公开网址：二维码和网页上的永久链接用它，默认取环境变量 GONGKAI_PUBLIC_URL，"
                  "否则用访问者所用的地址 / the public base URL of QR codes and links");
  cmd->add_option(
         "--reminder-days", opts->reminder_days,
         "到期前几个工作日起在案件队列顶部和经办人每日提醒邮件中提醒 / remind staff (queue "
         "and daily e-mail digest) this many working days before a case is due")
      ->check(CLI::Range(0, 60));
  AddTransportFlags(cmd, opts->transport);
  cmd->callback([opts, &global] { global.exit_code = Serve(*opts, global.lang == "en"); });
}

}  // namespace gongkai::cli
