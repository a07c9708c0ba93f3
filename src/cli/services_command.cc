// `gongkai services import|export|list|show|stats|check|division|change`: the government service
// item catalogue (store/services.h) from the shell. import reads JSON Lines, CSV or XLSX (by the
// file's extension) all or nothing, as a named user; stats prints the counts at a date (`in_use`
// per level, `negative_list`, `cross_province`); check lists the quality findings of the spec §2
// and exits 1 when there are any; change drafts, approves, publishes, rejects or withdraws a
// change of dynamic management, and lists the changes or the public change log. Every command
// takes --db and --agency (optional when the database holds one agency).

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/acting_user.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/service_cli.h"
#include "files/calendar_files.h"
#include "publications/tabular.h"
#include "services/jsonl.h"
#include "services/tabular.h"
#include "store/agencies.h"
#include "store/case_store.h"
#include "store/services.h"

namespace gongkai::cli {
namespace {

using Json = nlohmann::ordered_json;

struct Args {
  std::string url = "./gongkai.db";
  std::optional<int64_t> agency;
  std::string user, file, output, date, code, department, level, type, status, catalogue;
  std::string kind, reason, basis, effective, item, counterpart, successor, note, state, from, to;
  std::string division;
  int64_t id = 0;
  bool json = false, negative = false, cross = false;
};

void AddCommon(CLI::App* cmd, Args& a) {
  cmd->add_option("--db", a.url, kDbHelp);
  cmd->add_option("--agency", a.agency, "机关编号（只有一个机关时可省略）/ agency id");
}

// The database, the agency and, when `action` is given, who does it (cli/service_cli.h).
std::optional<OpenedAgency> Open(GlobalOptions& g, const Args& a, std::optional<Action> action,
                                 bool bootstrap = false) {
  return OpenAgency(g, a.url, a.agency, a.user, action, bootstrap);
}

Result<std::vector<ServiceItem>> ReadItems(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  const std::string name = std::filesystem::path(path).filename().string();
  if (HasExtension(name, ".jsonl") || HasExtension(name, ".json") ||
      HasExtension(name, ".ndjson")) {
    return ParseServicesJsonl(*bytes, name);
  }
  auto rows = ReadTableFile(name, *bytes, "请用 .jsonl（JSON Lines）、.csv 或 .xlsx");
  if (!rows.ok()) return rows.status();
  return ServicesFromRows(*rows, name);
}

template <typename E, typename From>
bool ParseVocab(GlobalOptions& g, const char* option, const std::string& text,
                std::span<const VocabEntry<E>> table, From from, std::optional<E>& out) {
  if (text.empty()) return true;
  out = from(text);
  if (out) return true;
  return Check(g, Status::InvalidInput(fmt::format("{} 的值“{}”无效（可选值：{}）", option, text,
                                                   AllowedServiceKeys(table))));
}

void PrintItems(GlobalOptions& g, const std::vector<ServiceItem>& items) {
  for (const ServiceItem& i : items) {
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\n", i.code, Label(i.level), Label(i.status),
                             i.department, i.name);
  }
  std::cerr << Tr(g, "共 {} 项\n", "{} items\n", items.size());
}

Json ChangeJson(const StoredServiceChange& c) {
  Json diff = Json::array();
  for (const FieldChange& f : c.diff) {
    diff.push_back({{"field", f.field},
                    {"before", Json::parse(f.before, nullptr, false)},
                    {"after", Json::parse(f.after, nullptr, false)}});
  }
  return {{"id", c.id},
          {"code", c.request.code},
          {"name", c.after ? c.after->name : ""},
          {"kind", Key(c.request.kind)},
          {"reason", c.request.reason},
          {"basis", c.request.basis},
          {"effective", FormatDate(c.request.effective)},
          {"state", Key(c.state)},
          {"version", c.version},
          {"diff", diff},
          {"drafted", {{"by", c.drafted_by}, {"at", c.drafted_at}}},
          {"approved", {{"by", c.approved_by}, {"at", c.approved_at}}},
          {"published", {{"by", c.published_by}, {"at", c.published_at}}},
          // Its entry in the proactive-disclosure register (null before publication).
          {"register", c.publication_id == 0
                           ? Json(nullptr)
                           : Json{{"id", c.publication_id}, {"index_no", c.index_no}}}};
}

void PrintChanges(GlobalOptions& g, const Args& a, const std::vector<StoredServiceChange>& all) {
  if (a.json) {
    Json out = Json::array();
    for (const auto& c : all) out.push_back(ChangeJson(c));
    std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return;
  }
  for (const auto& c : all) {
    std::cout << fmt::format("#{}\t{}\t{}\t{}\t{}\t{}\n", c.id, FormatDate(c.request.effective),
                             Label(c.request.kind), Label(c.state), c.request.code,
                             c.request.reason);
    for (const FieldChange& f : c.diff) {
      std::cout << fmt::format("\t{}：{} → {}\n", f.field, f.before, f.after);
    }
  }
  std::cerr << Tr(g, "共 {} 项调整\n", "{} changes\n", all.size());
}

void AddChangeCommands(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* change = group->add_subcommand("change", "事项动态调整 / changes of dynamic management");
  change->require_subcommand(1);

  auto* draft = change->add_subcommand("draft", "起草调整（部门经办人）/ draft a change");
  AddCommon(draft, *a);
  AddUserOption(draft, a->user);
  draft
      ->add_option("--kind", a->kind,
                   "add | modify | suspend | resume | cancel | delegate | "
                   "take_over | claim（或 新增、变更…）")
      ->required();
  draft->add_option("--code", a->code, "事项编码 / item code")->required();
  draft->add_option("--reason", a->reason, "调整原因 / reason")->required();
  draft->add_option("--basis", a->basis, "调整依据 / basis")->required();
  draft->add_option("--effective", a->effective, "生效日期 YYYY-MM-DD / effective date")
      ->required();
  draft->add_option(
      "--item", a->item,
      "调整后的事项：一行目录格式的 JSON 文件（新增、变更、承接、认领）/ the item after");
  draft->add_option("--counterpart", a->counterpart, "下放给或承接自的机关 / counterpart body");
  draft->add_option("--successor", a->successor, "替代事项编码 / successor code");
  draft->callback([&g, a] {
    ChangeRequest r;
    auto kind = ChangeKindFromText(a->kind);
    if (!kind) {
      Check(g, Status::InvalidInput(fmt::format("--kind 的值“{}”无效（可选值：{}）", a->kind,
                                                AllowedServiceKeys(ChangeKinds()))));
      return;
    }
    r.kind = *kind;
    r.code = a->code;
    r.reason = a->reason;
    r.basis = a->basis;
    r.counterpart = a->counterpart;
    r.successor = a->successor;
    auto effective = ParseDate(a->effective);
    if (!Check(g,
               effective.ok() ? Status::Ok() : effective.status().WithContext("--effective："))) {
      return;
    }
    r.effective = *effective;
    if (!a->item.empty()) {
      auto items = ReadItems(a->item);
      if (!Check(g, items)) return;
      if (items->size() != 1) {
        Check(g, Status::InvalidInput(
                     fmt::format("{} 应只有一个事项，实有 {} 个", a->item, items->size())));
        return;
      }
      r.item = items->front();
    }
    auto o = Open(g, *a, Action::kDraftServiceChange);
    if (!o) return;
    auto id = DraftServiceChange(o->db, o->agency, r, *o->user);
    if (!Check(g, id)) return;
    std::cout << Tr(g, "已起草调整 #{}（{} {}），待负责人批准\n",
                    "drafted change #{} ({} {}); awaiting the head's approval\n", *id,
                    Label(r.kind), r.code);
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
    std::string name = s.name;
    Action action = s.action;
    cmd->callback([&g, a, name, action] {
      auto o = Open(g, *a, action);
      if (!o) return;
      if (name == "publish") {
        auto c = PublishServiceChange(o->db, o->agency, a->id, *o->user);
        if (!Check(g, c)) return;
        std::cout << Tr(g, "已发布调整 #{}：事项 {} 第 {} 版，自 {} 起生效\n",
                        "published change #{}: item {} version {}, effective {}\n", c->id,
                        c->request.code, c->version, FormatDate(c->request.effective));
        for (const FieldChange& f : c->diff) {
          std::cout << fmt::format("\t{}：{} → {}\n", f.field, f.before, f.after);
        }
        return;
      }
      Status st = name == "approve" ? ApproveServiceChange(o->db, o->agency, a->id, *o->user)
                  : name == "reject"
                      ? RejectServiceChange(o->db, o->agency, a->id, a->note, *o->user)
                      : WithdrawServiceChange(o->db, o->agency, a->id, a->note, *o->user);
      if (!Check(g, st)) return;
      const char* done = name == "approve"  ? Say(g, "已批准", "approved")
                         : name == "reject" ? Say(g, "已驳回", "rejected")
                                            : Say(g, "已撤回", "withdrawn");
      std::cout << Tr(g, "调整 #{}：{}\n", "change #{}: {}\n", a->id, done);
    });
  }

  auto* list = change->add_subcommand("list", "列出调整 / list changes");
  AddCommon(list, *a);
  list->add_option("--state", a->state, "draft | approved | published | rejected | withdrawn");
  list->add_option("--code", a->code, "事项编码 / item code");
  list->add_flag("--json", a->json, "输出 JSON / print JSON");
  list->callback([&g, a] {
    ServiceChangeFilter f;
    if (!ParseVocab(g, "--state", a->state, ChangeStates(), ChangeStateFromText, f.state)) return;
    if (!a->code.empty()) f.code = a->code;
    auto o = Open(g, *a, std::nullopt);
    if (!o) return;
    auto all = ListServiceChanges(o->db, o->agency, f);
    if (!Check(g, all)) return;
    PrintChanges(g, *a, *all);
  });

  auto* log = change->add_subcommand("log", "调整情况公示（已发布的调整）/ the public change log");
  AddCommon(log, *a);
  log->add_option("--from", a->from, "起始生效日期 / from")->required();
  log->add_option("--to", a->to, "截止生效日期 / to")->required();
  log->add_flag("--json", a->json, "输出 JSON / print JSON");
  log->callback([&g, a] {
    auto o = Open(g, *a, std::nullopt);
    if (!o) return;
    auto from = DateOrToday(g, o->db, a->from, "--from");
    auto to = DateOrToday(g, o->db, a->to, "--to");
    if (!from || !to) return;
    auto all = ServiceChangeLog(o->db, o->agency, *from, *to);
    if (!Check(g, all)) return;
    PrintChanges(g, *a, *all);
  });
}

}  // namespace

void AddServicesCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<Args>();
  auto* group = app.add_subcommand("services", "政务服务事项目录 / government service items");
  group->require_subcommand(1);

  auto* import = group->add_subcommand(
      "import", "导入事项目录：.jsonl、.csv 或 .xlsx（全部成功或全部不导入）/ import");
  AddCommon(import, *a);
  AddUserOption(import, a->user);
  import->add_option("FILE", a->file, "文件 / file")->required();
  import->callback([&g, a] {
    auto items = ReadItems(a->file);
  if (!Check(g, items)) return;
  auto o = Open(g, *a, Action::kImportServices, true);
  if (!o) return;
  auto r = ImportServiceItems(o->db, o->agency, *items, StoreToday(o->db), o->actor);
  if (!Check(g, r.ok() ? Status::Ok() : r.status().WithContext(a->file + "："))) return;
  std::cout << Tr(g, "已导入 {} 项政务服务事项到机关 {}（{} 项已在目录中且未变）\n",
                  "imported {} service items into agency {} ({} already there, unchanged)\n",
                  r->added, o->agency, r->unchanged);
});

auto* exp = group->add_subcommand("export", "导出事项目录（JSON Lines）/ export");
AddCommon(exp, *a);
exp->add_option("--date", a->date, "导出该日有效的版本（默认现行）/ versions in force on");
exp->add_option("-o,--output", a->output, "输出文件（默认标准输出）/ output file");
exp->callback([&g, a] {
  auto o = Open(g, *a, std::nullopt);
  if (!o) return;
  Result<std::vector<ServiceItem>> items = std::vector<ServiceItem>{};
  if (a->date.empty()) {
    items = AllServiceItems(o->db, o->agency);
  } else {
    auto date = DateOrToday(g, o->db, a->date);
    if (!date) return;
    items = ServiceItemsAt(o->db, o->agency, *date);
  }
  if (!Check(g, items)) return;
  WriteOutput(g, a->output, ServicesToJsonl(*items));
});

auto* list = group->add_subcommand("list", "列出事项 / list items");
AddCommon(list, *a);
list->add_option("--department", a->department, "实施机关 / department");
list->add_option("--level", a->level, "main | sub | task（或 主项、子项、业务办理项）");
list->add_option("--type", a->type, "licence | confirmation | …（或 行政许可…）");
list->add_option("--status", a->status, "in_use | suspended | cancelled");
list->add_flag("--negative-list", a->negative, "进厅负面清单（按 --date）/ the negative list");
list->add_flag("--cross-province", a->cross, "跨省通办清单（按 --date）/ the 跨省通办 list");
list->add_option("--date", a->date, "清单的日期（默认今天）/ date of the lists");
list->callback([&g, a] {
  ServiceItemFilter f;
  if (!ParseVocab(g, "--level", a->level, ItemLevels(), ItemLevelFromText, f.level) ||
      !ParseVocab(g, "--type", a->type, ItemTypes(), ItemTypeFromText, f.type) ||
      !ParseVocab(g, "--status", a->status, ItemStatuses(), ItemStatusFromText, f.status)) {
    return;
  }
  if (!a->department.empty()) f.department = a->department;
  auto o = Open(g, *a, std::nullopt);
  if (!o) return;
  if (a->negative || a->cross) {
    auto date = DateOrToday(g, o->db, a->date);
    if (!date) return;
    auto items = a->negative ? NegativeListAt(o->db, o->agency, *date)
                             : CrossProvinceListAt(o->db, o->agency, *date);
    if (!Check(g, items)) return;
    for (const ServiceItem& i : *items) {
      std::string detail;
      if (a->negative) {
        detail =
            fmt::format("{}{}\t{}", Label(*i.not_in_hall_reason),
                        i.not_in_hall_note.empty() ? "" : "：" + i.not_in_hall_note, i.handled_at);
      } else {
        detail = std::string(Label(i.cross_province->object));
        for (CrossProvinceMode m : i.cross_province->modes) detail += "\t" + std::string(Label(m));
      }
      std::cout << fmt::format("{}\t{}\t{}\t{}\n", i.code, i.department, i.name, detail);
    }
    std::cerr << Tr(g, "共 {} 项\n", "{} items\n", items->size());
    return;
  }
  auto page = ListServiceItems(o->db, o->agency, f);
  if (!Check(g, page)) return;
  PrintItems(g, page->items);
});

auto* show = group->add_subcommand("show", "显示一个事项（目录格式）/ show an item");
AddCommon(show, *a);
show->add_option("CODE", a->code, "事项编码 / item code")->required();
show->add_option("--date", a->date, "该日有效的版本（默认现行）/ version in force on");
show->callback([&g, a] {
  auto o = Open(g, *a, std::nullopt);
  if (!o) return;
  Result<ServiceItem> item = Status::NotFound("");
  if (a->date.empty()) {
    item = GetServiceItem(o->db, o->agency, a->code);
  } else {
    auto date = DateOrToday(g, o->db, a->date);
    if (!date) return;
    item = GetServiceItemAt(o->db, o->agency, a->code, *date);
  }
  if (!Check(g, item)) return;
  Json j = Json::parse(ServiceItemToJsonLine(*item));
  std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
});

auto* stats = group->add_subcommand("stats", "事项统计 / counts at a date");
AddCommon(stats, *a);
stats->add_option("--date", a->date, "统计日期（默认今天）/ date counted at");
stats->add_flag("--json", a->json, "输出 JSON / print JSON");
stats->callback([&g, a] {
  auto o = Open(g, *a, std::nullopt);
  if (!o) return;
  auto date = DateOrToday(g, o->db, a->date);
  if (!date) return;
  auto s = ServiceStatsAt(o->db, o->agency, *date);
  if (!Check(g, s)) return;
  if (a->json) {
    std::cout << CatalogueStatsJson(*s) << "\n";
    return;
  }
  const CrossProvinceCounts& cp = s->cross_province;
  std::cout << Tr(g,
                  "截至 {}：在用主项 {} 项、子项 {} 项、业务办理项 {} 项；进厅负面清单 {} 项；"
                  "跨省通办 {} 项（个人 {} 项、法人 {} 项；全程网办 {}、异地代收代办 {}、多地联办 "
                  "{}）\n",
                  "as of {}: in use {} main, {} sub, {} task items; negative list {}; 跨省通办 "
                  "{} ({} individual, {} legal person; online {}, proxy {}, multi-site {})\n",
                  FormatDate(*date), s->in_use.at("main"), s->in_use.at("sub"),
                  s->in_use.at("task"), s->negative_list, cp.total, cp.individual, cp.legal_person,
                  cp.online, cp.proxy, cp.multi_site);
});

auto* check = group->add_subcommand(
    "check", "按规范检查办事指南要素（有问题时退出码为 1）/ guide quality findings");
AddCommon(check, *a);
check->add_option("--date", a->date, "检查该日有效的版本（默认今天）/ versions in force on");
check->add_option("--catalogue", a->catalogue,
                  "上级事项目录（目录格式），核对编码和名称 / reference catalogue");
check->add_flag("--json", a->json, "输出 JSON / print JSON");
check->callback([&g, a] {
  std::vector<CatalogueEntry> reference;
  if (!a->catalogue.empty()) {
    auto items = ReadItems(a->catalogue);
    if (!Check(g, items)) return;
    for (const ServiceItem& i : *items) reference.push_back({i.code, i.name});
  }
  auto o = Open(g, *a, std::nullopt);
  if (!o) return;
  auto date = DateOrToday(g, o->db, a->date);
  if (!date) return;
  auto findings = CheckServiceCatalogue(o->db, o->agency, *date, reference);
  if (!Check(g, findings)) return;
  if (a->json) {
    Json out = Json::array();
    for (const QualityFinding& f : *findings) {
      out.push_back({{"code", f.code}, {"rule", Key(f.rule)}, {"fix", f.fix}});
    }
    std::cout << Json{{"date", FormatDate(*date)}, {"findings", out}}.dump(
                     2, ' ', false, Json::error_handler_t::replace)
              << "\n";
  } else {
    for (const QualityFinding& f : *findings) {
      std::cout << fmt::format("{}\t{}\t{}\n", f.code, Label(f.rule), f.fix);
    }
    std::cerr << Tr(g, "共 {} 处问题\n", "{} findings\n", findings->size());
  }
  if (!findings->empty()) g.exit_code = 1;
});

auto* division = group->add_subcommand(
    "division", "设置本机关的行政区划代码（核对事项编码）/ set the agency's division code");
AddCommon(division, *a);
AddUserOption(division, a->user);
division->add_option("CODE", a->division, "6 或 12 位数字 / 6 or 12 digits")->required();
division->callback([&g, a] {
  auto o = Open(g, *a, Action::kImportServices, true);
  if (!o) return;
  if (!Check(g, SetServiceDivision(o->db, o->agency, a->division))) return;
  std::cout << Tr(g, "机关 {} 的行政区划代码已设为 {}\n", "agency {} division set to {}\n",
                  o->agency, a->division);
});

AddChangeCommands(group, g, a);
}  // namespace gongkai::cli

}  // namespace gongkai::cli
