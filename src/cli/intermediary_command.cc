// `gongkai services intermediaries import|export|list|check|change …` and `gongkai services
// institutions import|export|list`: the 中介服务事项清单 and the 中介服务机构名录
// (store/intermediaries.h) from the shell. Both lists share one JSON Lines file format (a `kind`
// on each line, services/intermediary_jsonl.h), so `import` under either name takes a file with
// lines of both kinds, all or nothing; `export` writes its own kind. `check` prints the findings
// (legal basis, approval items, time limit, fees, expired qualifications…) and exits 1 when there
// are any. Changes go through the catalogue's workflow: draft (clerk) → approve → publish (head),
// or reject / withdraw.

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/acting_user.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/service_cli.h"
#include "files/calendar_files.h"
#include "services/intermediary_jsonl.h"
#include "store/intermediaries.h"

namespace gongkai::cli {
namespace {

using Json = nlohmann::ordered_json;

struct Args {
  std::string url = "./gongkai.db";
  std::optional<int64_t> agency;
  std::string user, file, output, date, service;
  std::string kind, target, key, reason, basis, effective, entry, note, state;
  int64_t id = 0;
  bool json = false;
};

void AddCommon(CLI::App* cmd, Args& a) {
  cmd->add_option("--db", a.url, kDbHelp);
  cmd->add_option("--agency", a.agency, "机关编号（只有一个机关时可省略）/ agency id");
}

Result<std::vector<DirectoryEntry>> ReadEntries(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return ParseDirectoryJsonl(*bytes, std::filesystem::path(path).filename().string());
}

void AddImport(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* cmd = group->add_subcommand(
      "import", "导入中介服务事项和中介机构（JSON Lines，两类行均可；全部成功或全部不导入）");
  AddCommon(cmd, *a);
  AddUserOption(cmd, a->user);
  cmd->add_option("FILE", a->file, "文件 / file (.jsonl)")->required();
  cmd->callback([&g, a] {
    auto entries = ReadEntries(a->file);
    if (!Check(g, entries)) return;
    auto o = OpenAgency(g, a->url, a->agency, a->user, Action::kImportServices, true);
    if (!o) return;
    auto r = ImportDirectory(o->db, o->agency, *entries, StoreToday(o->db), o->actor);
    if (!Check(g, r.ok() ? Status::Ok() : r.status().WithContext(a->file + "："))) return;
    std::cout << Tr(g, "已导入 {} 条到机关 {}（{} 条已在清单中且未变）\n",
                    "imported {} entries into agency {} ({} already there, unchanged)\n", r->added,
                    o->agency, r->unchanged);
  });
}

void AddExport(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a, DirectoryKind kind) {
  auto* cmd = group->add_subcommand("export", "导出（JSON Lines）/ export");
  AddCommon(cmd, *a);
  cmd->add_option("--date", a->date, "导出该日有效的版本（默认最新）/ versions in force on");
  cmd->add_option("-o,--output", a->output, "输出文件（默认标准输出）/ output file");
  cmd->callback([&g, a, kind] {
    auto o = OpenAgency(g, a->url, a->agency, a->user, std::nullopt);
    if (!o) return;
    Result<std::vector<DirectoryEntry>> entries = std::vector<DirectoryEntry>{};
    if (a->date.empty()) {
      entries = CurrentDirectory(o->db, o->agency, kind);
    } else {
      auto date = DateOrToday(g, o->db, a->date);
      if (!date) return;
      entries = DirectoryAt(o->db, o->agency, *date, kind);
    }
    if (!Check(g, entries)) return;
    WriteOutput(g, a->output, DirectoryToJsonl(*entries));
  });
}

std::optional<IntermediaryLists> ListsOn(GlobalOptions& g, Args& a,
                                         std::optional<OpenedAgency>& o) {
  o = OpenAgency(g, a.url, a.agency, a.user, std::nullopt);
  if (!o) return std::nullopt;
  auto date = DateOrToday(g, o->db, a.date);
  if (!date) return std::nullopt;
  auto lists = IntermediaryListsAt(o->db, o->agency, *date);
  if (!Check(g, lists)) return std::nullopt;
  return std::move(lists).value();
}

Json ChangeJson(const StoredDirectoryChange& c) {
  Json diff = Json::array();
  for (const FieldChange& f : c.diff) {
    diff.push_back({{"field", f.field},
                    {"before", Json::parse(f.before, nullptr, false)},
                    {"after", Json::parse(f.after, nullptr, false)}});
  }
  return {{"id", c.id},
          {"target", Key(c.request.target)},
          {"key", c.request.key},
          {"kind", Key(c.request.kind)},
          {"reason", c.request.reason},
          {"basis", c.request.basis},
          {"effective", FormatDate(c.request.effective)},
          {"state", Key(c.state)},
          {"version", c.version},
          {"diff", diff},
          {"drafted", {{"by", c.drafted_by}, {"at", c.drafted_at}}},
          {"approved", {{"by", c.approved_by}, {"at", c.approved_at}}},
          {"published", {{"by", c.published_by}, {"at", c.published_at}}}};
}

void PrintDiff(const std::vector<FieldChange>& diff) {
  for (const FieldChange& f : diff) {
    std::cout << fmt::format("\t{}：{} → {}\n", f.field, f.before, f.after);
  }
}

void AddChangeCommands(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* change = group->add_subcommand(
      "change", "中介服务事项和中介机构的调整（起草 → 批准 → 发布）/ changes");
  change->require_subcommand(1);

  auto* draft = change->add_subcommand("draft", "起草调整（经办人）/ draft a change");
  AddCommon(draft, *a);
  AddUserOption(draft, a->user);
  draft->add_option("--kind", a->kind, "add | modify | cancel（或 新增、变更、取消）")->required();
  draft->add_option("--target", a->target,
                    "intermediary | institution（取消时必填；新增、变更时取自条目）");
  draft->add_option("--key", a->key, "中介服务事项编码或机构的统一社会信用代码 / key");
  draft->add_option("--entry", a->entry, "调整后的条目：一行交换格式的 .jsonl 文件（新增、变更）");
  draft->add_option("--reason", a->reason, "调整原因 / reason")->required();
  draft->add_option("--basis", a->basis, "调整依据 / basis")->required();
  draft->add_option("--effective", a->effective, "生效日期 YYYY-MM-DD")->required();
  draft->callback([&g, a] {
    DirectoryChangeRequest r;
    auto kind = ChangeKindFromText(a->kind);
    if (!kind) {
      Check(g, Status::InvalidInput(
                   fmt::format("--kind 的值“{}”无效（可选值：add | modify | cancel）", a->kind)));
      return;
    }
    r.kind = *kind;
    r.key = a->key;
    r.reason = a->reason;
    r.basis = a->basis;
    auto effective = ParseDate(a->effective);
    if (!Check(g,
               effective.ok() ? Status::Ok() : effective.status().WithContext("--effective："))) {
      return;
    }
    r.effective = *effective;
    if (!a->entry.empty()) {
      auto entries = ReadEntries(a->entry);
      if (!Check(g, entries)) return;
      if (entries->size() != 1) {
        Check(g, Status::InvalidInput(
                     fmt::format("{} 应只有一个条目，实有 {} 个", a->entry, entries->size())));
        return;
      }
      r.entry = entries->front();
      r.target = KindOf(*r.entry);
      if (r.key.empty()) r.key = KeyOf(*r.entry);
    }
    if (!a->target.empty()) {
      auto target = DirectoryKindFromText(a->target);
      if (!target) {
        Check(g, Status::InvalidInput(fmt::format("--target 的值“{}”无效（可选值：{}）", a->target,
                                                  AllowedServiceKeys(DirectoryKinds()))));
        return;
      }
      r.target = *target;
    } else if (!r.entry) {
      Check(g, Status::InvalidInput("取消须写明 --target intermediary | institution 和 --key"));
      return;
    }
    auto o = OpenAgency(g, a->url, a->agency, a->user, Action::kDraftServiceChange);
    if (!o) return;
    auto id = DraftDirectoryChange(o->db, o->agency, r, *o->user);
    if (!Check(g, id)) return;
    std::cout << Tr(g, "已起草调整 #{}（{}{} {}），待负责人批准\n",
                    "drafted change #{} ({} of {} {}); awaiting the head's approval\n", *id,
                    Label(r.kind), Label(r.target), r.key);
  });

  struct Step {
    const char* name;
    const char* help;
    Action action;
    bool note;
  };
  for (const Step& s :
       {Step{"approve", "批准调整（负责人）/ approve", Action::kApproveServiceChange, false},
        Step{"publish", "发布调整，生成新版本（负责人）/ publish", Action::kPublishServiceChange,
             false},
        Step{"reject", "驳回调整（负责人）/ reject", Action::kApproveServiceChange, true},
        Step{"withdraw", "撤回调整 / withdraw", Action::kDraftServiceChange, true}}) {
    auto* cmd = change->add_subcommand(s.name, s.help);
    AddCommon(cmd, *a);
    AddUserOption(cmd, a->user);
    cmd->add_option("ID", a->id, "调整编号 / change id")->required();
    if (s.note) cmd->add_option("--note", a->note, "说明 / note")->required();
    const std::string name = s.name;
    const Action action = s.action;
    cmd->callback([&g, a, name, action] {
      auto o = OpenAgency(g, a->url, a->agency, a->user, action);
      if (!o) return;
      if (name == "publish") {
        auto c = PublishDirectoryChange(o->db, o->agency, a->id, *o->user);
        if (!Check(g, c)) return;
        std::cout << Tr(g, "已发布调整 #{}：{} 第 {} 版，自 {} 起生效\n",
                        "published change #{}: {} version {}, effective {}\n", c->id,
                        c->request.key, c->version, FormatDate(c->request.effective));
        PrintDiff(c->diff);
        return;
      }
      Status st = name == "approve" ? ApproveDirectoryChange(o->db, o->agency, a->id, *o->user)
                  : name == "reject"
                      ? RejectDirectoryChange(o->db, o->agency, a->id, a->note, *o->user)
                      : WithdrawDirectoryChange(o->db, o->agency, a->id, a->note, *o->user);
      if (!Check(g, st)) return;
      std::cout << Tr(g, "调整 #{}：{}\n", "change #{}: {}\n", a->id,
                      name == "approve"  ? Say(g, "已批准", "approved")
                      : name == "reject" ? Say(g, "已驳回", "rejected")
                                         : Say(g, "已撤回", "withdrawn"));
    });
  }

  auto* list = change->add_subcommand("list", "列出调整 / list changes");
  AddCommon(list, *a);
  list->add_option("--state", a->state, "draft | approved | published | rejected | withdrawn");
  list->add_flag("--json", a->json, "输出 JSON / print JSON");
  list->callback([&g, a] {
    std::optional<ChangeState> state;
    if (!a->state.empty()) {
      state = ChangeStateFromText(a->state);
      if (!state) {
        Check(g, Status::InvalidInput(fmt::format("--state 的值“{}”无效（可选值：{}）", a->state,
                                                  AllowedServiceKeys(ChangeStates()))));
        return;
      }
    }
    auto o = OpenAgency(g, a->url, a->agency, a->user, std::nullopt);
    if (!o) return;
    auto all = ListDirectoryChanges(o->db, o->agency, state);
    if (!Check(g, all)) return;
    if (a->json) {
      Json out = Json::array();
      for (const auto& c : *all) out.push_back(ChangeJson(c));
      std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
      return;
    }
    for (const auto& c : *all) {
      std::cout << fmt::format("#{}\t{}\t{}\t{}\t{}\t{}\t{}\n", c.id,
                               FormatDate(c.request.effective), Label(c.request.kind),
                               Label(c.state), Label(c.request.target), c.request.key,
                               c.request.reason);
      PrintDiff(c.diff);
    }
    std::cerr << Tr(g, "共 {} 项调整\n", "{} changes\n", all->size());
  });
}

}  // namespace

void AddIntermediaryCommands(CLI::App& app, GlobalOptions& g) {
  CLI::App* services = ServicesCommand(app);
  auto a = std::make_shared<Args>();

  auto* inter = services->add_subcommand(
      "intermediaries", "行政审批中介服务事项清单 / the intermediary services list");
  inter->require_subcommand(1);
  AddImport(inter, g, a);
  AddExport(inter, g, a, DirectoryKind::kIntermediary);
  auto* list = inter->add_subcommand("list", "列出在用的中介服务事项 / list");
  AddCommon(list, *a);
  list->add_option("--date", a->date, "清单的日期（默认今天）/ date");
  list->callback([&g, a] {
    std::optional<OpenedAgency> o;
    auto lists = ListsOn(g, *a, o);
    if (!lists) return;
    for (const IntermediaryService& s : lists->services) {
      std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", s.code, s.department, s.name,
                               fmt::join(s.items, "、"), TimeLimitText(s), FeeText(s));
    }
    std::cerr << Tr(g, "共 {} 项\n", "{} services\n", lists->services.size());
  });
  auto* check =
      inter->add_subcommand("check", "检查清单和名录（有问题时退出码为 1）/ findings of the lists");
  AddCommon(check, *a);
  check->add_option("--date", a->date, "检查该日有效的版本（默认今天）/ date");
  check->add_flag("--json", a->json, "输出 JSON / print JSON");
  check->callback([&g, a] {
    auto o = OpenAgency(g, a->url, a->agency, a->user, std::nullopt);
    if (!o) return;
    auto date = DateOrToday(g, o->db, a->date);
    if (!date) return;
    auto findings = CheckIntermediaryLists(o->db, o->agency, *date);
    if (!Check(g, findings)) return;
    if (a->json) {
      Json out = Json::array();
      for (const IntermediaryFinding& f : *findings) {
        out.push_back(
            {{"kind", Key(f.kind)}, {"key", f.key}, {"rule", Key(f.rule)}, {"fix", f.fix}});
      }
      std::cout << Json{{"date", FormatDate(*date)}, {"findings", out}}.dump(
                       2, ' ', false, Json::error_handler_t::replace)
                << "\n";
    } else {
      for (const IntermediaryFinding& f : *findings) {
        std::cout << fmt::format("{}\t{}\t{}\t{}\n", Label(f.kind), f.key, Label(f.rule), f.fix);
      }
      std::cerr << Tr(g, "共 {} 处问题\n", "{} findings\n", findings->size());
    }
    if (!findings->empty()) g.exit_code = 1;
  });
  AddChangeCommands(inter, g, a);

  auto* inst =
      services->add_subcommand("institutions", "中介服务机构名录 / the institution directory");
  inst->require_subcommand(1);
  AddImport(inst, g, a);
  AddExport(inst, g, a, DirectoryKind::kInstitution);
  auto* ilist = inst->add_subcommand("list", "列出名录中的机构 / list");
  AddCommon(ilist, *a);
  ilist->add_option("--date", a->date, "名录的日期（默认今天）/ date");
  ilist->add_option("--service", a->service, "只列出可提供该中介服务的机构 / providing service");
  ilist->callback([&g, a] {
    std::optional<OpenedAgency> o;
    auto lists = ListsOn(g, *a, o);
    if (!lists) return;
    const Date date = *DateOrToday(g, o->db, a->date);
    int n = 0;
    for (const Institution& i : lists->institutions) {
      if (!a->service.empty() &&
          std::find(i.services.begin(), i.services.end(), a->service) == i.services.end()) {
        continue;
      }
      ++n;
      std::string quals;
      for (const Qualification& q : i.qualifications) {
        if (!quals.empty()) quals += "；";
        quals += q.name + (ExpiredOn(q, date) ? Say(g, "（已过期）", " (expired)") : "");
      }
      std::cout << fmt::format("{}\t{}\t{}\t{}\n", i.credit_code, i.name,
                               fmt::join(i.services, "、"), quals);
    }
    std::cerr << Tr(g, "共 {} 家\n", "{} institutions\n", n);
  });
}

}  // namespace gongkai::cli
