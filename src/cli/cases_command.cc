// `gongkai cases import|export|recompute|list|show|correct-applicant|erase-applicant` and
// `gongkai fee`: the case register from the command line (store/case_store.h) and the 109号 fee
// calculator. Personal data is masked in everything printed unless `cases show --reveal` is asked
// for, and in exports unless an administrator (--user, cli/acting_user.h) asks for `cases export
// --reveal`; either way it comes from the applicants' records, joined back into the received
// lines. An import records its --user as the actor of every event; a correction or an erasure of
// an applicant's data records its --user and --reason with the act.

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cases/personal_data.h"
#include "cli/acting_user.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "files/calendar_files.h"
#include "law/fees.h"
#include "store/agencies.h"
#include "store/applicant_records.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"

namespace gongkai::cli {
namespace {

template <typename E>
std::string_view Show(const GlobalOptions& g, E value) {
  return g.lang == "en" ? Key(value) : Label(value);
}

std::string OptionalDate(const std::optional<Date>& d) { return d ? FormatDate(*d) : "-"; }

struct Args {
  std::string url = "./gongkai.db";
  std::optional<int64_t> agency;
  std::string file, output, as_of, number;
  std::string status, channel, applicant_kind, user;
  std::string field, value, reason;
  std::optional<int> year, due_within;
  bool overdue = false, reveal = false;
  int limit = 50, offset = 0;
};

void AddCommon(CLI::App* cmd, Args& a) {
  cmd->add_option("--db", a.url, kDbHelp);
  cmd->add_option("--agency", a.agency, "机关编号（只有一个机关时可省略）/ agency id");
}

// Opens the database and resolves the agency; reports and returns nullopt on failure.
std::optional<std::pair<Database, int64_t>> Open(GlobalOptions& g, const Args& a) {
  auto database = Database::OpenForUse(a.url);
  if (!Check(g, database)) return std::nullopt;
  auto agency = ResolveAgency(*database, a.agency);
  if (!Check(g, agency)) return std::nullopt;
  return std::pair{std::move(database).value(), *agency};
}

template <typename E>
bool ParseKey(GlobalOptions& g, const std::string& text, const char* option,
              std::optional<E> (*from_key)(std::string_view), std::optional<E>* out) {
  if (text.empty()) return true;
  *out = from_key(text);
  if (!*out) Check(g, Status::InvalidInput(fmt::format("{} 的值“{}”无效", option, text)));
  return out->has_value();
}

void PrintSummary(const GlobalOptions& g, const CaseSummary& c) {
  std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", c.number, FormatDate(c.received),
                           Show(g, c.applicant_kind), c.applicant_display, Show(g, c.status),
                           c.outcome ? Show(g, *c.outcome) : "-", OptionalDate(c.due),
                           c.closed ? "-" : (c.days_left ? std::to_string(*c.days_left) : "-"));
}

}  // namespace

void AddCasesCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<Args>();
  auto* cases = app.add_subcommand("cases", "依申请公开案件登记 / the case register");
  cases->require_subcommand(1);

  auto* import_cmd = cases->add_subcommand(
      "import",
      "导入 JSON Lines 案件事件（全部成功或全部不导入）/ import case events (all or nothing)");
  AddCommon(import_cmd, *a);
  import_cmd->add_option("FILE", a->file, "JSONL 文件 / JSONL file")->required();
  AddUserOption(import_cmd, a->user);
  import_cmd->callback([&g, a] {
    auto text = ReadFile(a->file);
    if (!Check(g, text)) return;
    auto database = Database::OpenForUse(a->url);
    if (!Check(g, database)) return;
    auto actor = ResolveActor(*database, a->user, Action::kRegisterCase, a->agency, true, "import");
    if (!Check(g, actor)) return;
    Calendars calendars;
    CaseRegister reg(*database, calendars);
    auto result = reg.Import(*text, ImportOptions{a->agency, actor->name});
    if (!Check(g, result.ok() ? Status::Ok() : result.status().WithContext(a->file + "："))) return;
    if (result->created_agency) {
      std::cout << Tr(g, "数据库为空，已创建机关 {}（本机关）\n",
                      "empty database: created agency {}\n", result->agency_id);
    }
    std::cout << Tr(g, "已导入 {} 件案件、{} 个事件到机关 {}\n",
                    "imported {} cases, {} events into agency {}\n", result->cases, result->events,
                    result->agency_id);
  });

  auto* exp = cases->add_subcommand("export", "导出为 JSON Lines / export as JSON Lines");
  exp->add_option("--db", a->url, kDbHelp);
  exp->add_option("--agency", a->agency, "机关编号 / agency id");
  exp->add_option("-o,--output", a->output, "输出文件（默认标准输出）/ output file");
  exp->add_flag("--reveal", a->reveal,
                "导出完整个人信息（仅管理员，需 --user）/ full personal data (admin only)");
  AddUserOption(exp, a->user);
  exp->callback([&g, a] {
    auto database = Database::OpenForUse(a->url);
    if (!Check(g, database)) return;
    if (a->reveal) {
      auto actor = ResolveActor(*database, a->user, Action::kRevealPersonalData, a->agency);
      if (!Check(g, actor)) return;
    }
    Calendars calendars;
    auto text = CaseRegister(*database, calendars).Export(a->agency);
    if (!Check(g, text)) return;
    if (a->reveal) {
      std::cerr << Say(g, "注意：本导出含申请人完整的证件号码、电话、邮箱和地址，请妥善保管。\n",
                       "note: this export holds applicants' full ID numbers, phones, e-mails and "
                       "addresses; keep it safe.\n");
    } else {
      *text = MaskPersonalData(*text);
      std::cerr << Say(g,
                       "已脱敏：证件号码、电话、邮箱和地址只保留首尾几位；管理员可用 --reveal "
                       "--user 登录名 导出完整信息。\n",
                       "masked: ID numbers, phones, e-mails and addresses keep only a few "
                       "characters; an administrator may add --reveal --user NAME.\n");
    }
    if (a->output.empty()) {
      std::cout << *text;
      return;
    }
    std::ofstream out(a->output, std::ios::binary);
    out << *text;
    if (!out) Check(g, Status::InvalidInput(fmt::format("无法写入 {}", a->output)));
  });

  auto* recompute = cases->add_subcommand(
      "recompute", "按当前日历和设置重算案件状态缓存 / rebuild the cached case states");
  recompute->add_option("--db", a->url, kDbHelp);
  recompute->add_option("--agency", a->agency, "机关编号（默认全部）/ agency id (default all)");
  recompute->add_option("--as-of", a->as_of, "日期 YYYY-MM-DD（默认今天）/ as-of date");
  recompute->callback([&g, a] {
    auto database = Database::OpenForUse(a->url);
    if (!Check(g, database)) return;
    Calendars calendars;
    CaseRegister reg(*database, calendars);
    Date as_of = reg.Today();
    if (!a->as_of.empty()) {
      auto parsed = ParseDate(a->as_of);
      if (!Check(g, parsed.ok() ? Status::Ok() : parsed.status().WithContext("--as-of: "))) return;
      as_of = *parsed;
    }
    auto n = reg.Recompute(a->agency, as_of);
    if (!Check(g, n)) return;
    std::cout << Tr(g, "已重算 {} 件案件（截至 {}）\n", "recomputed {} cases as of {}\n", *n,
                    FormatDate(as_of));
  });

  auto* list = cases->add_subcommand("list", "列出案件（申请人已脱敏）/ list cases (masked)");
  AddCommon(list, *a);
  list->add_option("--status", a->status, "in_progress | answered | … ");
  list->add_option("--channel", a->channel, "in_person | internet | …");
  list->add_option("--applicant-kind", a->applicant_kind, "natural_person | commercial | …");
  list->add_option("--year", a->year, "收到年度 / year received");
  list->add_option("--due-within", a->due_within, "N 个工作日内到期 / due within N working days");
  list->add_flag("--overdue", a->overdue, "只列逾期 / overdue only");
  list->add_option("--limit", a->limit, "最多行数 / max rows");
  list->add_option("--offset", a->offset, "跳过行数 / rows to skip");
  list->callback([&g, a] {
    CaseFilter filter;
    if (!ParseKey(g, a->status, "--status", &CaseStatusFromKey, &filter.status) ||
        !ParseKey(g, a->channel, "--channel", &ChannelFromKey, &filter.channel) ||
        !ParseKey(g, a->applicant_kind, "--applicant-kind", &ApplicantKindFromKey,
                  &filter.applicant_kind)) {
      return;
    }
    filter.year = a->year;
    filter.due_within_working_days = a->due_within;
    filter.overdue = a->overdue;
    filter.limit = a->limit;
    filter.offset = a->offset;
    auto opened = Open(g, *a);
    if (!opened) return;
    Calendars calendars;
    CaseRegister reg(opened->first, calendars);
    auto rows = reg.List(opened->second, filter);
    if (!Check(g, rows)) return;
    auto counts = reg.Count(opened->second, filter);
    if (!Check(g, counts)) return;
    std::cout << Say(
        g, "编号\t收到日期\t申请人类型\t申请人\t状态\t结果\t答复期限\t剩余工作日\n",
        "number\treceived\tapplicant kind\tapplicant\tstatus\toutcome\tdue\tdays left\n");
    for (const CaseSummary& c : *rows) PrintSummary(g, c);
    std::cout << Tr(g, "共 {} 件，办理中 {} 件，逾期 {} 件；显示 {} 件\n",
                    "{} cases, {} open, {} overdue; {} shown\n", counts->total, counts->open,
                    counts->overdue, rows->size());
  });

  auto* show = cases->add_subcommand("show", "显示案件及其全部事件 / show a case and its events");
  AddCommon(show, *a);
  show->add_option("NUMBER", a->number, "案件编号 / case number")->required();
  show->add_flag("--reveal", a->reveal, "显示申请人完整个人信息 / show full personal data");
  show->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    Calendars calendars;
    auto detail = CaseRegister(opened->first, calendars).Get(opened->second, a->number);
    if (!Check(g, detail)) return;
    const CaseSummary& c = detail->summary;
    std::cout << Tr(
        g, "案件 {}\n申请人：{}（{}）\n渠道：{}\n到达：{}  收到：{}\n状态：{}\n",
        "case {}\napplicant: {} ({})\nchannel: {}\narrived: {}  received: {}\nstatus: {}\n",
        c.number, a->reveal ? detail->applicant.name : c.applicant_display,
        Show(g, c.applicant_kind), Show(g, c.channel), FormatDate(c.arrived),
        FormatDate(c.received), Show(g, c.status));
    if (a->reveal) {
      const Applicant& p = detail->applicant;
      std::cout << Tr(g, "证件：{} {}\n电话：{}\n邮箱：{}\n地址：{}\n",
                      "ID: {} {}\nphone: {}\ne-mail: {}\naddress: {}\n", p.id_type, p.id_number,
                      p.phone, p.email, p.address);
    }
    if (c.outcome) std::cout << Say(g, "结果：", "outcome: ") << Show(g, *c.outcome) << "\n";
    if (c.due) {
      std::cout << Tr(g, "答复期限：{}（剩余 {} 个工作日）\n", "due: {} ({} working days left)\n",
                      FormatDate(*c.due), c.days_left.value_or(0));
    }
    for (const StoredEvent& e : detail->events) {
      std::cout << fmt::format("  {}. {}  {}  {}  [{} {}]\n", e.seq, FormatDate(e.event.date),
                               Show(g, e.event.type), e.event.note, e.actor, e.recorded_at);
    }
  });

  // Art. 41 correction and lawful erasure of an applicant's personal data: acts on the record,
  // never on the events (store/applicant_records.h). Both need a named user and a reason.
  auto* correct = cases->add_subcommand(
      "correct-applicant",
      "更正申请人个人信息（第四十一条；事件不变）/ correct an applicant's personal data");
  AddCommon(correct, *a);
  correct->add_option("NUMBER", a->number, "案件编号 / case number")->required();
  correct->add_option("--field", a->field, "name | id_type | id_number | phone | email | address")
      ->required();
  correct->add_option("--value", a->value, "更正后的值 / the corrected value")->required();
  correct->add_option("--reason", a->reason, "理由 / reason")->required();
  AddUserOption(correct, a->user);
  correct->callback([&g, a] {
    auto field = ApplicantFieldFromKey(a->field);
    if (!field) {
      Check(g, Status::InvalidInput(fmt::format(
                   "--field 的值“{}”无效：应为 name、id_type、id_number、phone、email 或 address",
                   a->field)));
      return;
    }
    auto opened = Open(g, *a);
    if (!opened) return;
    auto actor = ResolveActor(opened->first, a->user, Action::kCorrectApplicant, opened->second,
                              /*bootstrap=*/false);
    if (!Check(g, actor)) return;
    Status s = ApplicantRecords(opened->first)
                   .Correct(opened->second, a->number, *field, a->value, a->reason, actor->name);
    if (!Check(g, s)) return;
    std::cout << Tr(g, "已更正案件 {} 的申请人{}（事件及其哈希不变）\n",
                    "corrected the applicant's {1} of case {0} (events and hashes unchanged)\n",
                    a->number, g.lang == "en" ? FieldEntry(*field).key : FieldEntry(*field).label);
  });

  auto* erase = cases->add_subcommand(
      "erase-applicant",
      "删除申请人个人信息（不可恢复；案件和事件保留）/ erase an applicant's personal data");
  AddCommon(erase, *a);
  erase->add_option("NUMBER", a->number, "案件编号 / case number")->required();
  erase->add_option("--reason", a->reason, "法律依据和理由 / legal ground and reason")->required();
  AddUserOption(erase, a->user);
  erase->callback([&g, a] {
    auto opened = Open(g, *a);
    if (!opened) return;
    auto actor = ResolveActor(opened->first, a->user, Action::kEraseApplicant, opened->second,
                              /*bootstrap=*/false);
    if (!Check(g, actor)) return;
    Status s =
        ApplicantRecords(opened->first).Erase(opened->second, a->number, a->reason, actor->name);
    if (!Check(g, s)) return;
    std::cout << Tr(g,
                    "已删除案件 {} 的申请人个人信息；删除的事实、操作人、时间和理由已记录。"
                    "此前的备份仍含这些信息。\n",
                    "erased the applicant's personal data of case {}; the fact, who, when and why "
                    "are recorded. Earlier backups still hold the data.\n",
                    a->number);
  });

  struct FeeArgs {
    std::optional<int> ordinal, pages;
    int count = 1;
  };
  auto f = std::make_shared<FeeArgs>();
  auto* fee = app.add_subcommand("fee", "信息处理费计算（国办函〔2020〕109号）/ processing fee");
  auto* per_application =
      fee->add_option("--per-application", f->ordinal,
                      "按件：本月第几件申请 / ordinal of the application this month");
  fee->add_option("--count", f->count, "按件：件数 / number of applications");
  fee->add_option("--pages", f->pages, "按量：页数 / pages")->excludes(per_application);
  fee->callback([&g, f] {
    if (!f->ordinal && !f->pages) {
      Check(g, Status::InvalidInput(Say(g, "请给出 --per-application N 或 --pages N",
                                        "give --per-application N or --pages N")));
      return;
    }
    auto quote = f->pages ? PerPageFee(*f->pages) : PerApplicationFee(*f->ordinal, f->count);
    if (!Check(g, quote)) return;
    for (const std::string& line : quote->explanation) std::cout << line << "\n";
    std::cout << Tr(g, "金额：{:.2f} 元\n", "amount: {:.2f} yuan\n",
                    static_cast<double>(quote->amount_fen) / 100.0);
  });
}

}  // namespace gongkai::cli
