#include "web/rating_pages.h"

#include <fmt/format.h>

#include <variant>

#include "docs/qr_code.h"
#include "docs/rating_charts.h"
#include "store/agencies.h"
#include "store/permissions.h"
#include "store/ratings.h"
#include "store/services.h"
#include "web/errors.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {
namespace {

std::variant<Agency, Response> AgencyOf(RequestContext& ctx, const Request& req) {
  auto id = ParseId(req.Param("agency"));
  if (!id) return NotFound();
  auto agency = GetAgency(ctx.app.db(), *id);
  if (!agency.ok()) return StatusPage(agency.status(), "好差评", "ratings: agency");
  return std::move(agency).value();
}

std::string StatsHref(int64_t agency, int year, std::string_view extra = "") {
  return fmt::format("/services/{}/ratings?year={}{}", agency, year, extra);
}

std::string RateHref(int64_t agency, std::string_view code) {
  return fmt::format("/services/{}/items/{}/rate", agency, PathSegment(code));
}

// An optional small integer query parameter; nullopt when absent, a 400 when malformed.
std::variant<std::optional<int>, Response> IntQuery(const Request& req, std::string_view name) {
  std::string_view text = req.Query(name);
  if (text.empty()) return std::optional<int>();
  auto n = ParseId(text);
  if (!n || *n > 10000) return BadRequest(fmt::format("参数 {} 应为数字", name));
  return std::optional<int>(static_cast<int>(*n));
}

View Row(std::string_view label, int64_t value) {
  View o;
  o.set("label", Text(label));
  o.set("value", Text(std::to_string(value)));
  return o;
}

View FigureRow(std::string_view name, const std::string& href, const RatingFigures& f) {
  View o;
  o.set("name", Text(name));
  if (!href.empty()) o.set("href", Text(href));
  o.set("total", Text(std::to_string(f.total)));
  o.set("good", Text(std::to_string(f.good())));
  o.set("poor", Text(std::to_string(f.poor)));
  o.set("invalid", Text(std::to_string(f.invalid)));
  o.set("answered", Text(std::to_string(f.answered)));
  o.set("rectified", Text(std::to_string(f.rectified)));
  o.set("good_rate", Text(Percent(f.good(), f.total)));
  return o;
}

View Formulas(std::initializer_list<std::string_view> lines) {
  View list = List();
  for (std::string_view l : lines) list.push_back(Text(l));
  return list;
}

Result<const Calendar*> AgencyCalendar(RequestContext& ctx, const Agency& agency) {
  return ctx.app.calendars().ForRegion(agency.region);
}

}  // namespace

Response RatingStatsPage(RequestContext& ctx, const Request& req) {
  auto found = AgencyOf(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  RatingPeriod period;
  period.year = static_cast<int>(ctx.app.Today().year());
  auto year = IntQuery(req, "year");
  auto month = IntQuery(req, "month");
  auto quarter = IntQuery(req, "quarter");
  for (auto* q : {&year, &month, &quarter}) {
    if (auto* r = std::get_if<Response>(q)) return std::move(*r);
  }
  if (auto y = std::get<std::optional<int>>(year)) period.year = *y;
  period.month = std::get<std::optional<int>>(month);
  period.quarter = std::get<std::optional<int>>(quarter);
  if (Status s = CheckRatingPeriod(period); !s.ok()) return BadRequest(s.message());
  std::optional<std::string> department;
  if (std::string_view d = req.Query("department"); !d.empty()) department = std::string(d);
  auto stats = RatingStatsFor(ctx.app.db(), agency.id, period, department);
  if (!stats.ok()) return StatusPage(stats.status(), "好差评统计", "ratings: stats");
  const RatingFigures& f = stats->all;

  View v;
  v.set("agency", Text(agency.name));
  v.set("period", Text(period.Label()));
  if (department) v.set("department", Text(*department));
  v.set("all_href", Text(StatsHref(agency.id, period.year)));
  v.set("prev_href", Text(StatsHref(agency.id, period.year - 1)));
  v.set("next_href", Text(StatsHref(agency.id, period.year + 1)));
  v.set("catalogue_href", Text(fmt::format("/services/{}", agency.id)));
  View periods = List();
  for (int q = 1; q <= 4; ++q) {
    View o;
    o.set("label", Text(fmt::format("第{}季度", q)));
    o.set("href", Text(StatsHref(agency.id, period.year, fmt::format("&quarter={}", q))));
    periods.push_back(o);
  }
  for (int m = 1; m <= 12; ++m) {
    View o;
    o.set("label", Text(fmt::format("{}月", m)));
    o.set("href", Text(StatsHref(agency.id, period.year, fmt::format("&month={}", m))));
    periods.push_back(o);
  }
  v.set("periods", periods);

  View summary = List();
  summary.push_back(Row("评价总数", f.total));
  for (int l = 5; l >= 1; --l) {
    summary.push_back(Row(fmt::format("{}（{}）", RatingLevelLabel(l), l), f.levels[l - 1]));
  }
  summary.push_back(Row("差评", f.poor));
  summary.push_back(Row("无效差评（申诉成立，不计入）", f.invalid));
  summary.push_back(Row("已答复差评", f.answered));
  summary.push_back(Row("已整改差评", f.rectified));
  summary.push_back(Row("回访数", f.revisited));
  summary.push_back(Row("回访满意", f.revisit_satisfied));
  v.set("summary", summary);
  View channels = List();
  for (const auto& c : RatingChannels()) {
    channels.push_back(Row(c.label, f.by_channel[static_cast<std::size_t>(c.value)]));
  }
  v.set("channels", channels);
  View objects = List();
  for (const auto& o : RatingObjects()) {
    View row = Row(o.label, f.by_object[static_cast<std::size_t>(o.value)]);
    row.set("poor", Text(std::to_string(f.poor_by_object[static_cast<std::size_t>(o.value)])));
    objects.push_back(row);
  }
  v.set("objects", objects);
  View rates = List();
  View rate_formulas = List();
  for (const RatingRate& r : RatingRates(f)) {
    View o;
    o.set("label", Text(r.label));
    o.set("value", Text(r.value));
    rates.push_back(o);
    rate_formulas.push_back(Text(r.formula));
  }
  v.set("rates", rates);
  v.set("rate_formulas", rate_formulas);
  View count_formulas = List();
  for (std::string_view l : RatingCountFormulas()) count_formulas.push_back(Text(l));
  v.set("count_formulas", count_formulas);
  v.set("channel_formulas",
        Formulas(
            {"各渠道评价数 = 期间内经该渠道收到的评价数（不含无效差评）；各渠道之和 = 评价总数"}));
  v.set("object_formulas", Formulas({"各对象评价数 = 期间内对该对象（事项、窗口、平台、工作人员）"
                                     "的评价数；差评列为其中的差评数（不含无效差评）"}));
  v.set("table_formulas",
        Formulas({"评价数、差评、无效差评、已答复、已整改的口径同上表；好评 = 非常满意 + 满意 + "
                  "基本满意；好评率 = 好评 ÷ 评价数 × 100%",
                  "实施机关取自事项目录的现行版本；目录中已没有的事项计入“（目录外事项）”"}));

  View departments = List();
  std::vector<std::pair<std::string, int64_t>> poor_by_department;
  for (const auto& [name, figures] : stats->by_department) {
    std::string href = StatsHref(agency.id, period.year,
                                 (period.month     ? fmt::format("&month={}", *period.month)
                                  : period.quarter ? fmt::format("&quarter={}", *period.quarter)
                                                   : std::string()) +
                                     "&department=" + PathSegment(name));
    departments.push_back(FigureRow(name, href, figures));
    poor_by_department.emplace_back(name, figures.poor);
  }
  v.set("departments", departments);
  auto items = ServiceItemsAt(ctx.app.db(), agency.id, ctx.app.Today());
  std::map<std::string, std::string> names;
  if (items.ok()) {
    for (const ServiceItem& i : *items) names[i.code] = i.name;
  }
  View item_rows = List();
  for (const auto& [code, figures] : stats->by_item) {
    auto n = names.find(code);
    View row = FigureRow(n == names.end() ? code : n->second, "", figures);
    row.set("code", Text(code));
    item_rows.push_back(row);
  }
  v.set("items", item_rows);
  v.set("monthly_svg", Text(MonthlyRatingsSvg(period.year, stats->year_by_month)));
  v.set("poor_svg", Text(PoorByDepartmentSvg(poor_by_department)));

  // 差评整改公示: the period's 差评 with their answers; the rater is never named.
  auto calendar = AgencyCalendar(ctx, agency);
  if (!calendar.ok()) return StatusPage(calendar.status(), "好差评统计", "ratings: calendar");
  auto tickets = RatingTickets(ctx.app.db(), agency.id, **calendar, ctx.app.Today());
  if (!tickets.ok()) return StatusPage(tickets.status(), "好差评统计", "ratings: tickets");
  View poor = List();
  for (const TicketRow& t : *tickets) {
    if (!period.Contains(t.rating.at.date)) continue;
    if (department && t.department != *department) continue;
    View o;
    o.set("date", Text(ShowDate(t.rating.at.date)));
    o.set("item", Text(t.item_name.empty() ? t.rating.item : t.item_name));
    o.set("department", Text(t.department));
    o.set("object", Text(Label(t.rating.object)));
    o.set("level", Text(RatingLevelLabel(t.rating.level)));
    o.set("rater", Text(t.rating.named ? "实名（已隐去）" : "匿名"));
    o.set("state", Text(Label(t.status.state)));
    o.set("answer", Text(t.status.answer ? Label(*t.status.answer) : "—"));
    o.set("answered", Text(ShowDate(t.status.answered)));
    o.set("revisit", Text(t.status.revisit ? Label(*t.status.revisit) : "—"));
    poor.push_back(o);
  }
  v.set("poor", poor);
  return ctx.app.Page(ctx, "ratings_public",
                      fmt::format("{} 好差评统计（{}）", agency.name, period.Label()), v);
}

namespace {

struct AgencyAndItem {
  Agency agency;
  ServiceItem item;
};

std::variant<AgencyAndItem, Response> RatedItem(RequestContext& ctx, const Request& req) {
  auto found = AgencyOf(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  Agency agency = std::get<Agency>(std::move(found));
  auto item = GetServiceItemAt(ctx.app.db(), agency.id, req.Param("code"), ctx.app.Today());
  if (!item.ok()) return StatusPage(item.status(), "评价", "ratings: item");
  return AgencyAndItem{std::move(agency), std::move(item).value()};
}

View RateView(const AgencyAndItem& a, std::string_view via) {
  View v;
  v.set("agency", Text(a.agency.name));
  v.set("name", Text(a.item.name));
  v.set("code", Text(a.item.code));
  v.set("action", Text(RateHref(a.agency.id, a.item.code)));
  v.set("guide_href",
        Text(fmt::format("/services/{}/items/{}", a.agency.id, PathSegment(a.item.code))));
  v.set("via", Text(via == "qr" ? "qr" : "pc"));
  View levels = List();
  for (int l = 5; l >= 1; --l) {
    View o;
    o.set("level", Text(std::to_string(l)));
    o.set("label", Text(RatingLevelLabel(l)));
    levels.push_back(o);
  }
  v.set("levels", levels);
  View objects = List();
  for (const auto& o : RatingObjects()) {
    View row;
    row.set("key", Text(o.key));
    row.set("label", Text(o.label));
    objects.push_back(row);
  }
  v.set("objects", objects);
  return v;
}

}  // namespace

namespace {

LocalMinute LocalNow(RequestContext& ctx) {
  // Asia/Shanghai has no daylight saving: local time is UTC + 8 hours.
  auto local = ctx.app.db().Now() + std::chrono::hours(8);
  auto day = std::chrono::floor<std::chrono::days>(local);
  return {Date(day),
          static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count())};
}

Response Thanks(RequestContext& ctx, const Rating& r, const std::string& href) {
  View v;
  v.set("heading", Text("感谢您的评价"));
  v.set("message", Text(IsPoor(r.level) ? "您的评价已收到。对差评，我们将核实整改并回复。"
                                        : "您的评价已收到。"));
  View link;
  link.set("href", Text(href));
  link.set("text", Text("查看好差评统计"));
  v.set("link", link);
  return ctx.app.Page(ctx, "message", "感谢您的评价", v);
}

}  // namespace

Response RateForm(RequestContext& ctx, const Request& req) {
  auto found = RatedItem(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const auto& a = std::get<AgencyAndItem>(found);
  return ctx.app.Page(ctx, "rate", fmt::format("评价：{}", a.item.name),
                      RateView(a, req.Query("via")));
}

Response RateSubmit(RequestContext& ctx, const Request& req) {
  auto found = RatedItem(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const auto& a = std::get<AgencyAndItem>(found);
  Rating r;
  r.item = a.item.code;
  auto level = ParseId(ctx.form.Get("level"));
  auto object = RatingObjectFromKey(ctx.form.Get("object"));
  if (!level || *level < 1 || *level > 5 || !object) {
    View v = RateView(a, ctx.form.Get("via"));
    v.set("error", Text("请选择评价等级和评价对象"));
    return ctx.app.Page(ctx, "rate", fmt::format("评价：{}", a.item.name), v, 400);
  }
  r.level = static_cast<int>(*level);
  r.object = *object;
  r.channel = ctx.form.Get("via") == "qr" ? RatingChannel::kQr : RatingChannel::kPc;
  r.text = std::string(ctx.form.Get("text")).substr(0, 2000);
  r.at = LocalNow(ctx);
  auto id = SubmitRating(ctx.app.db(), a.agency.id, r);
  if (!id.ok()) return StatusPage(id.status(), "评价未能提交", "ratings: submit");
  return Thanks(ctx, r, StatsHref(a.agency.id, static_cast<int>(r.at.date.year())));
}

Response RateQrSvg(RequestContext& ctx, const Request& req) {
  auto found = RatedItem(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const auto& a = std::get<AgencyAndItem>(found);
  std::string proto(req.Header("x-forwarded-proto"));
  if (proto != "https") proto = "http";
  std::string host(req.Header("host"));
  if (host.empty()) host = "127.0.0.1";
  auto qr = EncodeQr(proto + "://" + host + RateHref(a.agency.id, a.item.code) + "?via=qr");
  if (!qr.ok()) return StatusPage(qr.status(), "二维码", "ratings: qr");
  auto image = QrSvg(*qr, 1.0);
  if (!image.ok()) return StatusPage(image.status(), "二维码", "ratings: qr image");
  Response r;
  r.content_type = "image/svg+xml";
  r.body = std::move(image).value();
  return r;
}

Response TrackRateSubmit(RequestContext& ctx, const Request&) {
  auto agency_id = ParseId(ctx.form.Get("agency"));
  if (!agency_id) return BadRequest("请选择受理机关");
  auto agency = GetAgency(ctx.app.db(), *agency_id);
  if (!agency.ok()) return StatusPage(agency.status(), "评价", "ratings: track agency");
  const std::string item = CaseRatingItem(*agency);
  std::string number(ctx.form.Get("number"));
  auto view = ctx.app.cases().Track(agency->id, number, ctx.form.Get("code"));
  if (!view.ok() || item.empty() || !view->summary.closed) {
    return ErrorPage(404, "无法评价", "案件编号或查询码不正确，或本案尚未办结。");
  }
  auto level = ParseId(ctx.form.Get("level"));
  if (!level || *level < 1 || *level > 5) return BadRequest("请选择评价等级");
  Rating r;
  r.item = item;
  r.case_number = number;
  r.object = RatingObject::kItem;
  r.channel = RatingChannel::kPc;
  r.level = static_cast<int>(*level);
  r.text = std::string(ctx.form.Get("text")).substr(0, 2000);
  r.at = LocalNow(ctx);
  auto id = SubmitRating(ctx.app.db(), agency->id, r);
  if (!id.ok()) {
    if (!ShowsOnPage(id.status())) return StatusPage(id.status(), "", "ratings: track submit");
    return ErrorPage(HttpStatusFor(id.status()), "评价未能提交", id.status().message());
  }
  return Thanks(ctx, r, StatsHref(agency->id, static_cast<int>(r.at.date.year())));
}

Response RatingQueuePage(RequestContext& ctx, const Request& req) {
  auto found = AgencyOf(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, agency.id)) return std::move(*denied);
  Date as_of = ctx.app.Today();
  if (std::string_view text = req.Query("as_of"); !text.empty()) {
    auto d = ParseDate(text);
    if (!d.ok()) return BadRequest(d.status().message());
    as_of = *d;
  }
  auto calendar = AgencyCalendar(ctx, agency);
  if (!calendar.ok()) return StatusPage(calendar.status(), "差评工单", "ratings: calendar");
  auto settings = AgencyRectificationSettings(ctx.app.db(), agency.id);
  if (!settings.ok()) return StatusPage(settings.status(), "差评工单", "ratings: settings");
  auto tickets = RatingTickets(ctx.app.db(), agency.id, **calendar, as_of);
  if (!tickets.ok()) return StatusPage(tickets.status(), "差评工单", "ratings: queue");
  const Role role = ctx.session->user.role;
  const bool can_record = Allows(role, Action::kRecordRatingStep);
  const bool can_approve = Allows(role, Action::kApproveRatingStep);
  View rows = List();
  int overdue = 0, open = 0;
  for (const TicketRow& t : *tickets) {
    View o;
    o.set("id", Text(t.rating.id));
    o.set("at", Text(FormatLocalMinute(t.rating.at)));
    o.set("item", Text(t.item_name.empty() ? t.rating.item : t.item_name));
    o.set("department", Text(t.department));
    o.set("level", Text(RatingLevelLabel(t.rating.level)));
    o.set("object", Text(Label(t.rating.object)));
    o.set("channel", Text(Label(t.rating.channel)));
    o.set("comment", Text(t.rating.text));
    o.set("state", Text(Label(t.status.state)));
    o.set("due", Text(ShowDate(t.status.due)));
    o.set("overdue", Flag(t.status.overdue));
    o.set("pending", Flag(t.status.pending));
    overdue += t.status.overdue && !t.status.answered;
    open += !t.status.answered;
    View steps = List();
    for (const TicketStepRow& s : t.steps) {
      View step;
      step.set("seq", Text(std::to_string(s.seq)));
      step.set("date", Text(ShowDate(s.step.date)));
      step.set("kind", Text(Label(s.step.kind)));
      step.set("note", Text(s.step.note));
      if (s.step.result) step.set("result", Text(Label(*s.step.result)));
      if (s.step.days) step.set("days", Text(std::to_string(*s.step.days)));
      step.set("by", Text(s.recorded_by));
      step.set("decision", Text(s.decision.empty()         ? "待批准"
                                : s.decision == "rejected" ? "已驳回：" + s.decision_note
                                                           : "已批准 " + s.decided_by));
      if (s.decision.empty() && can_approve) {
        step.set("decide_action",
                 Text(fmt::format("/office/a/{}/ratings/steps/{}", agency.id, s.seq)));
      }
      steps.push_back(step);
    }
    o.set("steps", steps);
    if (can_record && t.status.state != TicketState::kRevisited &&
        t.status.state != TicketState::kInvalid) {
      o.set("step_action", Text(fmt::format("/office/a/{}/ratings/{}/steps", agency.id,
                                            PathSegment(t.rating.id))));
    }
    rows.push_back(o);
  }
  View kinds = List();
  for (const auto& k : TicketStepKinds()) {
    View o;
    o.set("key", Text(k.key));
    o.set("label", Text(k.label));
    kinds.push_back(o);
  }
  View v;
  v.set("agency", Text(agency.name));
  v.set("as_of", Text(ShowDate(as_of)));
  v.set("tickets", rows);
  v.set("kinds", kinds);
  v.set("today", Text(FormatDate(ctx.app.Today())));
  v.set("open", Text(std::to_string(open)));
  v.set("overdue_count", Text(std::to_string(overdue)));
  v.set("period",
        Text(fmt::format("{} 个{}", settings->days, settings->working ? "工作日" : "自然日")));
  v.set("public_href", Text(StatsHref(agency.id, static_cast<int>(as_of.year()))));
  return ctx.app.Page(ctx, "ratings_office", fmt::format("{} 差评整改工单", agency.name), v);
}

Response RatingStepSubmit(RequestContext& ctx, const Request& req) {
  auto agency_id = ParseId(req.Param("agency"));
  if (!agency_id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return std::move(*denied);
  TicketStep s;
  s.rating = std::string(req.Param("rating"));
  auto kind = TicketStepKindFromKey(ctx.form.Get("kind"));
  auto date = ParseDate(ctx.form.Get("date"));
  if (!kind) return BadRequest("请选择步骤");
  if (!date.ok()) return BadRequest(date.status().message());
  s.kind = *kind;
  s.date = *date;
  if (std::string_view r = ctx.form.Get("result"); !r.empty()) {
    s.result = RevisitResultFromKey(r);
    if (!s.result) return BadRequest("回访结果应为 satisfied、basically 或 unsatisfied");
  }
  if (std::string_view d = ctx.form.Get("days"); !d.empty()) {
    auto n = ParseId(d);
    if (!n || *n > 60) return BadRequest("延期天数应为 1 至 60");
    s.days = static_cast<int>(*n);
  }
  s.note = std::string(ctx.form.Get("note"));
  auto seq = RecordTicketStep(ctx.app.db(), *agency_id, s, ctx.session->user);
  if (!seq.ok()) {
    if (!ShowsOnPage(seq.status())) return StatusPage(seq.status(), "", "ratings: step");
    return ErrorPage(HttpStatusFor(seq.status()), "无法记录工单步骤",
                     seq.status().message() + "。请返回差评工单页面查看当前状态。");
  }
  return Redirect(fmt::format("/office/a/{}/ratings", *agency_id));
}

Response RatingStepDecide(RequestContext& ctx, const Request& req) {
  auto agency_id = ParseId(req.Param("agency"));
  auto seq = ParseId(req.Param("seq"));
  if (!agency_id || !seq) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return std::move(*denied);
  std::string_view decision = ctx.form.Get("decision");
  if (decision != "approve" && decision != "reject") return BadRequest("请选择批准或驳回");
  Status s = DecideTicketStep(ctx.app.db(), *agency_id, *seq, decision == "approve",
                              std::string(ctx.form.Get("note")), ctx.session->user);
  if (!s.ok()) {
    if (!ShowsOnPage(s)) return StatusPage(s, "", "ratings: decide");
    return ErrorPage(HttpStatusFor(s), "无法批准工单步骤",
                     s.message() + "。请返回差评工单页面查看当前状态。");
  }
  return Redirect(fmt::format("/office/a/{}/ratings", *agency_id));
}

}  // namespace gongkai::web
