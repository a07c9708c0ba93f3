// `gongkai report build|narrative|show|approve|publish|reopen|list` (and `report export`, added
// by the docs layer): the annual report folded from the register, and its versions
// (store/report_store.h). `show` prints the stored draft with its snapshot fingerprint, which
// `approve --fingerprint` must name, as the web's approve form does; `publish` stores the
// public files the portal serves (web/report_publication.h), rendered with the data
// directory's templates. Whoever runs these commands holds the database, so --user (or
// GONGKAI_USER) names the person acting rather than proving it; the permission table
// (store/permissions.h, cli/acting_user.h) still holds: only a head approves, publishes and
// reopens.

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/acting_user.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "files/calendar_files.h"
#include "report/json.h"
#include "report/layout.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/database.h"
#include "store/report_store.h"
#include "store/users.h"
#include "web/report_publication.h"
#include "web/templates.h"

namespace gongkai::cli {
namespace {

std::string CellText(const Cell* cell) {
  if (!cell) return "";
  if (cell->is_number()) return fmt::format("{:g}", cell->number);
  return cell->raw;
}

// Prints one table as tab-separated rows: label, then each column's cell.
void PrintTable(const Table& table, std::span<const RowSpec> rows) {
  for (const RowSpec& spec : rows) {
    const Row* row = table.Find(spec.key);
    if (!row) continue;
    std::cout << spec.label;
    for (const ColumnSpec& column : spec.columns) {
      std::cout << "\t" << column.label << " " << CellText(row->Find(column.key));
    }
    std::cout << "\n";
  }
}

void PrintReport(const GlobalOptions& g, const Report& r) {
  std::cout << Tr(g, "{} {} 年政府信息公开工作年度报告（{} 格式）\n",
                  "{}: annual report {} ({} format)\n", r.agency, r.year, FormatKey(r.format));
  std::cout << Say(g, "\n二、主动公开政府信息情况\n", "\nTable A\n");
  PrintTable(r.section2, TableARows(r.format));
  std::cout << Say(g, "\n三、收到和处理政府信息公开申请情况\n", "\nTable B\n");
  auto columns = TableBColumns();
  std::cout << Say(g, "项目", "row");
  for (const ColumnSpec& c : columns) std::cout << "\t" << c.label;
  std::cout << "\n";
  for (const RowSpec& spec : TableBRows(r.format)) {
    const Row* row = r.section3.Find(spec.key);
    if (!row) continue;
    std::cout << spec.label;
    for (const ColumnSpec& c : columns) std::cout << "\t" << CellText(row->Find(c.key));
    std::cout << "\n";
  }
  std::cout << Say(g, "\n四、政府信息公开行政复议、行政诉讼情况\n", "\nTable C\n");
  PrintTable(r.section4, TableCBlocks());
  for (const Section& s : r.sections) {
    if (!s.text.empty()) std::cout << "\n" << s.title << "\n" << s.text << "\n";
  }
}

struct Args {
  std::string url = "./gongkai.db";
  std::optional<int64_t> agency;
  int year = 0;
  std::optional<int> year_filter;
  bool json = false, save = false, confirm_empty = false;
  std::string user, reason, text, file, fingerprint;
  std::string checkpoints;  // default $GONGKAI_CHECKPOINTS
  int section = 0;
};

struct Opened {
  Database db;
  int64_t agency;
  std::optional<User> user;
};

// Opens the database, resolves the agency and, when `action` is given, the user doing it.
std::optional<Opened> Open(GlobalOptions& g, const Args& a, std::optional<Action> action) {
  auto database = Database::OpenForUse(a.url);
  if (!Check(g, database)) return std::nullopt;
  auto agency = ResolveAgency(*database, a.agency);
  if (!Check(g, agency)) return std::nullopt;
  Opened o{std::move(database).value(), *agency, std::nullopt};
  if (action) {
    auto actor = ResolveActor(o.db, a.user, *action, o.agency, false);
    if (!Check(g, actor)) return std::nullopt;
    o.user = actor->user;
  }
  return o;
}

void AddCommon(CLI::App* cmd, Args& a, bool with_user) {
  cmd->add_option("--db", a.url, kDbHelp);
  cmd->add_option("--agency", a.agency, "机关编号（只有一个机关时可省略）/ agency id");
  cmd->add_option("--year", a.year, "报告年度 / report year")->required();
  if (with_user) AddUserOption(cmd, a.user);
}

}  // namespace

void AddReportCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<Args>();
  auto* report = app.add_subcommand("report", "年度报告 / annual report");
  report->require_subcommand(1);

  auto* build = report->add_subcommand(
      "build", "由登记簿生成年度报告 / fold the register into the year's report");
  AddCommon(build, *a, false);
  build->add_flag("--json", a->json, "输出报告 JSON / print the report JSON");
  build->add_flag("--save", a->save, "保存为草稿（需 --user）/ store as the draft (needs --user)");
  AddUserOption(build, a->user);
  build->callback([&g, a] {
    auto o = Open(g, *a, a->save ? std::optional(Action::kBuildDraft) : std::nullopt);
    if (!o) return;
    Calendars calendars;
    Report report;
    if (a->save) {
      auto saved = SaveDraft(o->db, calendars, o->agency, a->year, *o->user);
      if (!Check(g, saved)) return;
      auto stored = VersionReport(*saved);
      if (!Check(g, stored)) return;
      report = *stored;
      std::cerr << Tr(g, "已保存为 {} 年度报告第 {} 版草稿，快照指纹 {}\n",
                      "saved as draft version {1} of {0}, snapshot fingerprint {2}\n", a->year,
                      saved->version, SnapshotFingerprint(*saved));
    } else {
      auto built = BuildRegisterReport(o->db, calendars, o->agency, a->year);
      if (!Check(g, built)) return;
      report = built->report;
      for (const std::string& w : built->warnings) std::cerr << w << "\n";
    }
    if (a->json) {
      std::cout << ReportToJson(report).dump(2) << "\n";
    } else {
      PrintReport(g, report);
    }
  });

  auto* narrative =
      report->add_subcommand("narrative", "编辑草稿某一部分的正文 / set a section's text");
  AddCommon(narrative, *a, true);
  narrative->add_option("--section", a->section, "部分 1–6（一 至 六）/ section 1-6")->required();
  auto* text_opt = narrative->add_option("--text", a->text, "正文 / text");
  narrative->add_option("--file", a->file, "从文件读取正文 / read the text from a file")
      ->excludes(text_opt);
  narrative->callback([&g, a] {
    std::string text = a->text;
    if (!a->file.empty()) {
      auto read = ReadFile(a->file);
      if (!Check(g, read)) return;
      text = *read;
    }
    auto o = Open(g, *a, Action::kEditNarrative);
    if (!o) return;
    if (!Check(g, SetNarrative(o->db, o->agency, a->year, a->section, text, *o->user))) return;
    std::cout << Tr(g, "已保存第 {} 部分\n", "saved section {}\n", a->section);
  });

  auto* show = report->add_subcommand(
      "show", "显示当前保存的版本及其快照指纹 / print the stored version and its fingerprint");
  AddCommon(show, *a, false);
  show->callback([&g, a] {
    auto o = Open(g, *a, std::nullopt);
    if (!o) return;
    auto versions = ListReportVersions(o->db, o->agency, a->year);
    if (!Check(g, versions)) return;
    if (versions->empty()) {
      Check(g, Status::NotFound(Tr(g,
                                   "{0} 年度报告还没有保存的版本：请先运行 `gongkai report build "
                                   "--year {0} --save`",
                                   "no stored version of {0}: run `gongkai report build --year {0} "
                                   "--save` first",
                                   a->year)));
      return;
    }
    const ReportVersion& current = versions->front();
    auto stored = VersionReport(current);
    if (!Check(g, stored)) return;
    PrintReport(g, *stored);
    std::cout << Tr(g, "\n第 {} 版（{}），快照指纹 {}\n", "\nversion {} ({}), fingerprint {}\n",
                    current.version, g.lang == "en" ? Key(current.state) : Label(current.state),
                    SnapshotFingerprint(current));
  });

  auto* approve = report->add_subcommand("approve", "负责人批准草稿 / the head approves the draft");
  AddCommon(approve, *a, true);
  approve
      ->add_option("--fingerprint", a->fingerprint,
                   "所批准草稿的快照指纹（见 report show）/ the snapshot fingerprint approved")
      ->required();
  approve->callback([&g, a] {
    auto o = Open(g, *a, Action::kApproveReport);
    if (!o) return;
    Calendars calendars;
    if (!Check(g, ApproveReport(o->db, calendars, o->agency, a->year, *o->user, a->fingerprint))) {
      return;
    }
    std::cout << Tr(g, "{} 年度报告已批准\n", "report {} approved\n", a->year);
  });

  auto* publish = report->add_subcommand("publish", "发布并锁定该年度 / publish and lock the year");
  AddCommon(publish, *a, true);
  publish->add_flag("--confirm-empty", a->confirm_empty,
                    "确认第五、六部分为空仍发布 / publish although section 5 or 6 is empty");
  publish->add_option("--checkpoints", a->checkpoints,
                      "检查点文件，报告印上审计检查点（默认取环境变量 GONGKAI_CHECKPOINTS；需审计"
                      "密钥 GONGKAI_AUDIT_KEY）/ checkpoint file to anchor the report in");
  publish->callback([&g, a] {
    auto o = Open(g, *a, Action::kPublishReport);
    if (!o) return;
    auto templates = web::Templates::Load(DefaultDataDir() / "templates" / "web");
    if (!Check(g, templates)) return;
    auto agency = GetAgency(o->db, o->agency);
    if (!Check(g, agency)) return;
    std::string checkpoints = a->checkpoints;
    if (const char* file = std::getenv("GONGKAI_CHECKPOINTS"); checkpoints.empty() && file) {
      checkpoints = file;
    }
    Calendars calendars;
    PublishOptions options;
    options.confirm_empty = a->confirm_empty;
    options.render = web::PublishingRenderer(o->db, calendars, *templates, *agency, checkpoints);
    if (!Check(g, PublishReport(o->db, o->agency, a->year, *o->user, options))) return;
    std::cout << Tr(g, "{} 年度报告已发布，该年度数据已锁定\n",
                    "report {} published; the year is locked\n", a->year);
    if (!o->db.audit_key() || checkpoints.empty()) {
      std::cout << Say(g,
                       "注意：未配置审计密钥（GONGKAI_AUDIT_KEY）或检查点文件（--checkpoints），"
                       "报告未印审计检查点\n",
                       "note: no audit key (GONGKAI_AUDIT_KEY) or checkpoint file (--checkpoints): "
                       "the report carries no audit checkpoint\n");
    }
  });

  auto* reopen =
      report->add_subcommand("reopen", "重新打开已发布的报告（记录理由）/ reopen with a reason");
  AddCommon(reopen, *a, true);
  reopen->add_option("--reason", a->reason, "理由 / reason")->required();
  reopen->callback([&g, a] {
    auto o = Open(g, *a, Action::kReopenReport);
    if (!o || !Check(g, ReopenReport(o->db, o->agency, a->year, *o->user, a->reason))) return;
    std::cout << Tr(g, "{} 年度报告已重新打开，该年度解除锁定\n",
                    "report {} reopened; the year is unlocked\n", a->year);
  });

  auto* list = report->add_subcommand("list", "列出报告版本 / list report versions");
  list->add_option("--db", a->url, kDbHelp);
  list->add_option("--agency", a->agency, "机关编号 / agency id");
  list->add_option("--year", a->year_filter, "年度 / year");
  list->callback([&g, a] {
    auto o = Open(g, *a, std::nullopt);
    if (!o) return;
    auto versions = ListReportVersions(o->db, o->agency, a->year_filter);
    if (!Check(g, versions)) return;
    for (const ReportVersion& v : *versions) {
      std::cout << fmt::format("{}\t{}\t{}\t{} {}", v.year, v.version,
                               g.lang == "en" ? Key(v.state) : Label(v.state), v.created_by,
                               v.created_at);
      if (!v.approved_by.empty()) std::cout << fmt::format("\t{} {}", v.approved_by, v.approved_at);
      if (!v.published_by.empty())
        std::cout << fmt::format("\t{} {}", v.published_by, v.published_at);
      if (!v.reopened_by.empty()) {
        std::cout << fmt::format("\t{} {} {}", v.reopened_by, v.reopened_at, v.reopen_reason);
      }
      std::cout << "\n";
    }
  });

  AddReportExportCommand(*report, g);
}

}  // namespace gongkai::cli
