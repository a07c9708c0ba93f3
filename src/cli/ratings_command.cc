// `gongkai ratings import|stats|tickets|step|approve|reject|period`: 好差评 (store/ratings.h) from
// the shell. import reads the §9 JSON Lines all or nothing as a named user; stats prints a
// period's figures (`--json`: total, levels "1"…"5", poor, by_channel, by_object, invalid,
// answered, rectified, revisited, revisit_satisfied, rates); tickets lists the 差评 tickets, the
// overdue first; step records a ticket step, approve / reject decide one awaiting the head;
// period sets the region's rectification period. Every command takes --db and --agency
// (optional when the database holds one agency).

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/acting_user.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "files/calendar_files.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/ratings.h"

namespace gongkai::cli {
namespace {

using Json = nlohmann::ordered_json;

struct Args {
  std::string url = "./gongkai.db";
  std::optional<int64_t> agency;
  std::string user, file, department, as_of, rating, kind, date, result, note, unit;
  std::optional<int> month, quarter, days;
  int year = 0;
  int64_t seq = 0;
  bool json = false, open = false;
};

struct Opened {
  Database db;
  int64_t agency;
  std::optional<User> user;
  std::string actor;
};

void AddCommon(CLI::App* cmd, Args& a) {
  cmd->add_option("--db", a.url, kDbHelp);
  cmd->add_option("--agency", a.agency, "机关编号（只有一个机关时可省略）/ agency id");
}

std::optional<Opened> Open(GlobalOptions& g, const Args& a, std::optional<Action> action,
                           bool bootstrap = false) {
  auto database = Database::OpenForUse(a.url);
  if (!Check(g, database)) return std::nullopt;
  auto agency = ResolveAgency(*database, a.agency);
  if (!Check(g, agency)) return std::nullopt;
  Opened o{std::move(database).value(), *agency, std::nullopt, ""};
  if (action) {
    auto actor = ResolveActor(o.db, a.user, *action, o.agency, bootstrap, "import");
    if (!Check(g, actor)) return std::nullopt;
    o.user = actor->user;
    o.actor = actor->name;
  }
  return o;
}

template <typename E, std::size_t N>
Json Counts(std::span<const VocabEntry<E>> table, const std::array<int64_t, N>& counts) {
  Json out = Json::object();
  for (const auto& e : table) out[std::string(e.key)] = counts[static_cast<std::size_t>(e.value)];
  return out;
}

Json FiguresJson(const RatingFigures& f) {
  Json levels = Json::object();
  for (int l = 1; l <= 5; ++l) levels[std::to_string(l)] = f.levels[l - 1];
  Json rates = Json::object();
  for (const RatingRate& r : RatingRates(f)) rates[std::string(r.key)] = r.value;
  return {{"total", f.total},
          {"levels", levels},
          {"poor", f.poor},
          {"invalid", f.invalid},
          {"by_channel", Counts(RatingChannels(), f.by_channel)},
          {"by_object", Counts(RatingObjects(), f.by_object)},
          {"poor_by_object", Counts(RatingObjects(), f.poor_by_object)},
          {"answered", f.answered},
          {"rectified", f.rectified},
          {"revisited", f.revisited},
          {"revisit_satisfied", f.revisit_satisfied},
          {"rates", rates}};
}

void PrintFigures(const RatingFigures& f) {
  std::cout << fmt::format("评价总数\t{}\n", f.total);
  for (int l = 5; l >= 1; --l) {
    std::cout << fmt::format("  {} {}\t{}\n", l, RatingLevelLabel(l), f.levels[l - 1]);
  }
  std::cout << fmt::format("差评\t{}\n无效差评（不计入）\t{}\n", f.poor, f.invalid);
  for (const auto& c : RatingChannels()) {
    std::cout << fmt::format("  {}\t{}\n", c.label,
                             f.by_channel[static_cast<std::size_t>(c.value)]);
  }
  std::cout << fmt::format("已答复差评\t{}\n已整改差评\t{}\n回访\t{}\n回访满意\t{}\n", f.answered,
                           f.rectified, f.revisited, f.revisit_satisfied);
  for (const RatingRate& r : RatingRates(f)) std::cout << fmt::format("{}\t{}\n", r.label, r.value);
}

Result<const Calendar*> AgencyCalendar(Database& db, int64_t agency_id, Calendars& calendars) {
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return agency.status();
  return calendars.ForRegion(agency->region);
}

Date Today(Database& db) {
  Calendars calendars;
  return CaseRegister(db, calendars).Today();
}

void AddTicketCommands(CLI::App* group, GlobalOptions& g, std::shared_ptr<Args> a) {
  auto* tickets = group->add_subcommand("tickets", "差评整改工单（逾期在前）/ 差评 tickets");
  AddCommon(tickets, *a);
  tickets->add_option("--as-of", a->as_of, "计算日期（默认今天）/ as of YYYY-MM-DD");
  tickets->add_flag("--open", a->open, "只列未答复的 / unanswered only");
  tickets->add_flag("--json", a->json, "输出 JSON / print JSON");
  tickets->callback([&g, a] {
    auto o = Open(g, *a, std::nullopt);
    if (!o) return;
    Date as_of = Today(o->db);
    if (!a->as_of.empty()) {
      auto d = ParseDate(a->as_of);
      if (!Check(g, d.ok() ? Status::Ok() : d.status().WithContext("--as-of："))) return;
      as_of = *d;
    }
    Calendars calendars;
    auto calendar = AgencyCalendar(o->db, o->agency, calendars);
    if (!Check(g, calendar)) return;
    auto rows = RatingTickets(o->db, o->agency, **calendar, as_of, a->open);
    if (!Check(g, rows)) return;
    if (a->json) {
      Json out = Json::array();
      for (const TicketRow& r : *rows) {
        out.push_back(
            {{"rating", r.rating.id},
             {"item", r.rating.item},
             {"department", r.department},
             {"level", r.rating.level},
             {"at", FormatLocalMinute(r.rating.at)},
             {"state", Label(r.status.state)},
             {"due", FormatDate(r.status.due)},
             {"answered", r.status.answered ? Json(FormatDate(*r.status.answered)) : Json(nullptr)},
             {"overdue", r.status.overdue},
             {"pending", r.status.pending}});
      }
      std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
      return;
    }
    for (const TicketRow& r : *rows) {
      std::cout << fmt::format(
          "{}\t{}\t{}级\t{}\t期限 {}{}{}\t{}\n", r.rating.id, FormatLocalMinute(r.rating.at),
          r.rating.level, Label(r.status.state), FormatDate(r.status.due),
          r.status.overdue ? "\t逾期" : "", r.status.pending ? "\t待批准" : "", r.department);
      for (const TicketStepRow& s : r.steps) {
        std::cout << fmt::format("\t#{} {} {}{}{}\n", s.seq, FormatDate(s.step.date),
                                 Label(s.step.kind),
                                 s.decision.empty()         ? "（待批准）"
                                 : s.decision == "rejected" ? "（已驳回：" + s.decision_note + "）"
                                                            : "",
                                 s.step.result ? "：" + std::string(Label(*s.step.result)) : "");
      }
    }
    std::cerr << Tr(g, "共 {} 个工单\n", "{} tickets\n", rows->size());
  });

  auto* step = group->add_subcommand("step", "记录差评工单步骤 / record a ticket step");
  AddCommon(step, *a);
  AddUserOption(step, a->user);
  step->add_option("RATING", a->rating, "评价编号 / rating id")->required();
  step->add_option("--kind", a->kind,
                   "verified | rectified | explained | appeal_upheld | appeal_rejected | "
                   "cannot_rectify | extended | revisited")
      ->required();
  step->add_option("--date", a->date, "日期 YYYY-MM-DD（默认今天）/ date");
  step->add_option("--result", a->result, "回访结果 satisfied | basically | unsatisfied");
  step->add_option("--days", a->days, "延期天数（默认一个整改期限）/ extension length");
  step->add_option("--note", a->note, "说明 / note");
  step->callback([&g, a] {
    TicketStep s;
    s.rating = a->rating;
    auto kind = TicketStepKindFromKey(a->kind);
    if (!kind) {
      Check(g, Status::InvalidInput(fmt::format(
                   "--kind 的值“{}”无效（可选值：verified | rectified | explained | appeal_upheld "
                   "| appeal_rejected | cannot_rectify | extended | revisited）",
                   a->kind)));
      return;
    }
    s.kind = *kind;
    if (!a->result.empty()) {
      s.result = RevisitResultFromKey(a->result);
      if (!s.result) {
        Check(g, Status::InvalidInput(fmt::format(
                     "--result 的值“{}”无效（可选值：satisfied | basically | unsatisfied）",
                     a->result)));
        return;
      }
    }
    s.days = a->days;
    s.note = a->note;
    auto o = Open(g, *a, Action::kRecordRatingStep);
    if (!o) return;
    s.date = Today(o->db);
    if (!a->date.empty()) {
      auto d = ParseDate(a->date);
      if (!Check(g, d.ok() ? Status::Ok() : d.status().WithContext("--date："))) return;
      s.date = *d;
    }
    auto seq = RecordTicketStep(o->db, o->agency, s, *o->user);
    if (!Check(g, seq)) return;
    std::cout << Tr(g, "已记录评价 {} 的{}（步骤 #{}）{}\n",
                    "recorded {} for rating {} (step #{}){}\n", s.rating, Label(s.kind), *seq,
                    NeedsApproval(s.kind) ? Say(g, "，待负责人批准", "; awaiting approval") : "");
  });

  for (bool approve : {true, false}) {
    auto* cmd = group->add_subcommand(approve ? "approve" : "reject",
                                      approve ? "批准工单步骤（负责人）/ approve a step"
                                              : "驳回工单步骤（负责人）/ reject a step");
    AddCommon(cmd, *a);
    AddUserOption(cmd, a->user);
    cmd->add_option("SEQ", a->seq, "步骤编号 / step number")->required();
    if (!approve) cmd->add_option("--note", a->note, "驳回理由 / reason")->required();
    cmd->callback([&g, a, approve] {
      auto o = Open(g, *a, Action::kApproveRatingStep);
      if (!o) return;
      if (!Check(g, DecideTicketStep(o->db, o->agency, a->seq, approve, a->note, *o->user))) {
        return;
      }
      std::cout << Tr(g, "工单步骤 #{}：{}\n", "step #{}: {}\n", a->seq,
                      approve ? Say(g, "已批准", "approved") : Say(g, "已驳回", "rejected"));
    });
  }

  auto* period = group->add_subcommand("period", "设置差评整改期限（负责人）/ set the period");
  AddCommon(period, *a);
  AddUserOption(period, a->user);
  period->add_option("--days", a->days, "天数 / days")->required();
  period->add_option("--unit", a->unit, "working（工作日，默认）| calendar（自然日）");
  period->callback([&g, a] {
    if (!a->unit.empty() && a->unit != "working" && a->unit != "calendar") {
      Check(g, Status::InvalidInput("--unit 应为 working 或 calendar"));
      return;
    }
    auto o = Open(g, *a, Action::kApproveRatingStep);
    if (!o) return;
    RectificationSettings s{a->days.value_or(5), a->unit != "calendar"};
    if (!Check(g, SetRectificationSettings(o->db, o->agency, s, *o->user))) return;
    std::cout << Tr(
        g, "差评整改期限：{} 个{}\n", "rectification period: {} {}\n", s.days,
        s.working ? Say(g, "工作日", "working days") : Say(g, "自然日", "calendar days"));
  });
}

}  // namespace

void AddRatingsCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<Args>();
  auto* group = app.add_subcommand("ratings", "好差评 / service ratings");
  group->require_subcommand(1);

  auto* import = group->add_subcommand(
      "import", "导入好差评数据（JSON Lines，全部成功或全部不导入）/ import ratings");
  AddCommon(import, *a);
  AddUserOption(import, a->user);
  import->add_option("FILE", a->file, "文件 / file")->required();
  import->callback([&g, a] {
    auto bytes = ReadFile(a->file);
  if (!Check(g, bytes)) return;
  const std::string name = std::filesystem::path(a->file).filename().string();
  auto file = ParseRatingsJsonl(*bytes, name);
  if (!Check(g, file)) return;
  auto o = Open(g, *a, Action::kImportRatings, true);
  if (!o) return;
  auto r = ImportRatings(o->db, o->agency, *file, name, o->actor);
  if (!Check(g, r)) return;
  std::cout << Tr(g, "已导入 {} 条评价、{} 个工单步骤到机关 {}（{} 行已导入过，跳过）\n",
                  "imported {} ratings and {} ticket steps into agency {} ({} lines already "
                  "there, skipped)\n",
                  r->ratings, r->steps, o->agency, r->unchanged);
});

auto* stats = group->add_subcommand("stats", "好差评统计（本系统口径）/ rating figures");
AddCommon(stats, *a);
stats->add_option("--year", a->year, "年份 / year")->required();
auto* month = stats->add_option("--month", a->month, "月份 1–12 / month");
stats->add_option("--quarter", a->quarter, "季度 1–4 / quarter")->excludes(month);
stats->add_option("--department", a->department, "实施机关 / department");
stats->add_flag("--json", a->json, "输出 JSON / print JSON");
stats->callback([&g, a] {
  RatingPeriod p;
  p.year = a->year;
  p.month = a->month;
  p.quarter = a->quarter;
  auto o = Open(g, *a, std::nullopt);
  if (!o) return;
  std::optional<std::string> dept;
  if (!a->department.empty()) dept = a->department;
  auto s = RatingStatsFor(o->db, o->agency, p, dept);
  if (!Check(g, s)) return;
  if (a->json) {
    Json out = FiguresJson(s->all);
    out["period"] = p.Label();
    out["year"] = p.year;
    if (p.month) out["month"] = *p.month;
    if (p.quarter) out["quarter"] = *p.quarter;
    if (dept) out["department"] = *dept;
    Json departments = Json::object();
    for (const auto& [name, f] : s->by_department) departments[name] = FiguresJson(f);
    out["by_department"] = departments;
    std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return;
  }
  std::cout << fmt::format("{}{}好差评（本系统口径）\n", p.Label(), dept ? " " + *dept + " " : "");
  PrintFigures(s->all);
});

AddTicketCommands(group, g, a);
}  // namespace gongkai::cli

}  // namespace gongkai::cli
