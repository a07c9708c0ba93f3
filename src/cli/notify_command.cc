// `gongkai notify`: the outbox of messages to applicants and staff (store/outbox.h).
//   list   the messages and their state (recipients masked, bodies never printed)
//   send   one pass of the sender (transport/sender.h), for cron and tests; --digest first
//          queues today's staff deadline digests
//   retry  puts a failed message back in the queue
//   staff-email  sets the address a clerk's daily digest goes to

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/acting_user.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/transport_flags.h"
#include "files/calendar_files.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/outbox.h"
#include "store/staff_digests.h"
#include "transport/sender.h"
#include "web/app.h"

namespace gongkai::cli {

namespace {

struct NotifyArgs {
  std::string db = "gongkai.db";
  std::optional<int64_t> agency;
  std::string case_number;
  std::string state;
  int limit = 100;
  bool json = false;
  TransportFlags transport;
  bool digest = false;
  int reminder_days = web::AppOptions().reminder_working_days;
  std::string id;
  std::string user;
  std::string staff;
  std::string email;
};

int List(const NotifyArgs& a, GlobalOptions& g) {
  auto db = Database::OpenForUse(a.db);
  if (!Check(g, db)) return g.exit_code;
  OutboxFilter filter;
  filter.agency_id = a.agency;
  filter.case_number = a.case_number;
  filter.limit = a.limit;
  if (!a.state.empty()) {
    for (OutboxState s : {OutboxState::kQueued, OutboxState::kSent, OutboxState::kFailed}) {
      if (Key(s) == a.state) filter.state = s;
    }
    if (!filter.state) {
      Check(g, Status::InvalidInput("--state 应为 queued、sent 或 failed"));
      return g.exit_code;
    }
  }
  auto listed = Outbox(*db).List(filter);
  if (!Check(g, listed)) return g.exit_code;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const OutboxMessage& m : *listed) {
    std::string to = MaskRecipient(m.message.channel, m.message.to);
    if (a.json) {
      rows.push_back({{"agency", m.agency_id},
                      {"id", m.id},
                      {"case", m.case_number},
                      {"kind", Key(m.message.kind)},
                      {"channel", Key(m.message.channel)},
                      {"to", to},
                      {"state", Key(m.state)},
                      {"attempts", m.attempts},
                      {"last_error", m.last_error},
                      {"created_at", m.created_at},
                      {"next_attempt_at", m.next_attempt_at},
                      {"sent_at", m.sent_at}});
      continue;
    }
    std::cout << fmt::format("{}  {}  {}  {}  {}  {}  {}  {}", m.agency_id, m.id,
                             m.case_number.empty() ? "-" : m.case_number,
                             g.lang == "en" ? Key(m.message.kind) : Label(m.message.kind),
                             g.lang == "en" ? Key(m.message.channel) : Label(m.message.channel), to,
                             g.lang == "en" ? Key(m.state) : Label(m.state),
                             Tr(g, "尝试 {} 次", "{} attempts", m.attempts));
    if (m.state == OutboxState::kQueued && m.attempts > 0) {
      std::cout << Tr(g, "  下次重试 {}", "  next try {}", m.next_attempt_at);
    }
    if (!m.last_error.empty()) std::cout << "  " << m.last_error;
    std::cout << "\n";
  }
  if (a.json) std::cout << rows.dump(2) << "\n";
  return 0;
}

int Send(const NotifyArgs& a, GlobalOptions& g) {
  auto transports = MakeTransports(a.transport);
  if (!Check(g, transports)) return g.exit_code;
  auto db = Database::OpenForUse(a.db);
  if (!Check(g, db)) return g.exit_code;
  if (a.digest) {
    Calendars calendars(DefaultDataDir());
    Date today = CaseRegister(*db, calendars).Today();
    auto queued = QueueStaffDigests(*db, calendars, today, a.reminder_days);
    if (!Check(g, queued)) return g.exit_code;
    std::cout << Tr(g, "已排队每日期限提醒 {} 封。\n", "{} staff digests queued.\n", *queued);
  }
  Outbox outbox(*db);
  auto drained = DrainOnce(outbox, *transports, SenderName());
  if (!Check(g, drained)) return g.exit_code;
  std::cout << Tr(g, "已发送 {} 条，失败 {} 条（稍后重试）。\n",
                  "{} sent, {} failed (retried later).\n", drained->sent, drained->failed);
  for (MessageChannel c : {MessageChannel::kEmail, MessageChannel::kSms}) {
    if (transports->channels().contains(c)) continue;
    auto waiting = outbox.CountQueued(c);
    if (waiting.ok() && *waiting > 0) {
      std::cout << Tr(g, "未配置{}：{} 条保持待发送。\n", "{} not configured: {} stay queued.\n",
                      g.lang == "en" ? Key(c) : Label(c), *waiting);
    }
  }
  return drained->failed > 0 ? 1 : 0;
}

int Retry(const NotifyArgs& a, GlobalOptions& g) {
  auto db = Database::OpenForUse(a.db);
  if (!Check(g, db)) return g.exit_code;
  if (!a.agency) {
    Check(g, Status::InvalidInput("请用 --agency 指明消息所属机关（见 `gongkai notify list`）"));
    return g.exit_code;
  }
  auto actor = ResolveActor(*db, a.user, Action::kRecordStep, a.agency);
  if (!Check(g, actor)) return g.exit_code;
  if (!Check(g, Outbox(*db).Retry(*a.agency, a.id))) return g.exit_code;
  std::cout << Tr(g, "已重新排队。\n", "Queued again.\n");
  return 0;
}

int StaffEmail(const NotifyArgs& a, GlobalOptions& g) {
  auto db = Database::OpenForUse(a.db);
  if (!Check(g, db)) return g.exit_code;
  auto actor = ResolveActor(*db, a.user, Action::kManageUsers, std::nullopt);
  if (!Check(g, actor)) return g.exit_code;
  if (!Check(g, SetStaffEmail(*db, a.staff, a.email))) return g.exit_code;
  std::cout << Tr(g, "已设置。\n", "Set.\n");
  return 0;
}

}  // namespace

void AddNotifyCommands(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<NotifyArgs>();
  auto* notify = app.add_subcommand("notify", "通知申请人和工作人员的消息 / outgoing messages");
  notify->require_subcommand(1);

  auto* list = notify->add_subcommand("list", "列出消息及其状态 / list messages");
  list->add_option("--db", a->db, kDbHelp);
  list->add_option("--agency", a->agency, "机关编号 / agency id");
  list->add_option("--case", a->case_number, "案件编号 / case number");
  list->add_option("--state", a->state, "queued | sent | failed");
  list->add_option("--limit", a->limit, "最多条数 / at most")->check(CLI::Range(1, 10000));
  list->add_flag("--json", a->json, "JSON 输出 / JSON output");
  list->callback([a, &global] { global.exit_code = List(*a, global); });

  auto* send = notify->add_subcommand(
      "send", "发送到期的待发送消息一次（供 cron 和测试）/ send what is due, once");
  send->add_option("--db", a->db, kDbHelp);
  AddTransportFlags(send, a->transport);
  send->add_flag("--digest", a->digest,
                 "先排队今天的工作人员每日期限提醒 / first queue today's staff digests");
  send->add_option("--reminder-days", a->reminder_days,
                   "到期前几个工作日起提醒 / remind this many working days before the due date")
      ->check(CLI::Range(0, 60));
  send->callback([a, &global] { global.exit_code = Send(*a, global); });

  auto* retry =
      notify->add_subcommand("retry", "重新发送一条发送失败的消息 / retry a failed message");
  retry->add_option("id", a->id, "消息编号 / message id")->required();
  retry->add_option("--agency", a->agency, "机关编号 / agency id")->required();
  retry->add_option("--db", a->db, kDbHelp);
  AddUserOption(retry, a->user);
  retry->callback([a, &global] { global.exit_code = Retry(*a, global); });

  auto* staff = notify->add_subcommand(
      "staff-email",
      "设置经办人接收每日期限提醒的邮箱（空字符串为停止）/ set a clerk's digest address");
  staff->add_option("name", a->staff, "用户名 / user name")->required();
  staff->add_option("email", a->email, "电子邮箱 / e-mail address")->required();
  staff->add_option("--db", a->db, kDbHelp);
  AddUserOption(staff, a->user);
  staff->callback([a, &global] { global.exit_code = StaffEmail(*a, global); });
}

}  // namespace gongkai::cli
