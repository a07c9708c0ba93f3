#include "web/service_pages.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <variant>

#include "calendar/promised_date.h"
#include "docs/pdf_writer.h"
#include "docs/qr_code.h"
#include "docs/service_guide.h"
#include "docs/service_lists.h"
#include "services/jsonl.h"
#include "services/vocab.h"
#include "store/agencies.h"
#include "store/publication_search.h"
#include "store/services.h"
#include "web/errors.h"
#include "web/intermediary_pages.h"
#include "web/service_links.h"
#include "web/service_page_parts.h"
#include "web/url.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {
namespace {

std::string ItemHref(int64_t agency_id, std::string_view code) {
  return fmt::format("/services/{}/items/{}", agency_id, PathSegment(code));
}

// The public base URL of the links the QR codes hold: the configured one (AppOptions
// public_url), else the address the caller used (the proxy's X-Forwarded-Proto and Host, which
// nginx passes on).
std::string BaseUrl(const RequestContext& ctx, const Request& req) {
  if (!ctx.app.options().public_url.empty()) return ctx.app.options().public_url;
  std::string proto(req.Header("x-forwarded-proto"));
  if (proto != "https") proto = "http";
  std::string host(req.Header("host"));
  if (host.empty()) host = "127.0.0.1";
  return proto + "://" + host;
}

View Strings(const std::vector<std::string>& lines) { return Lines(lines); }

// Sets `key` only when `text` is not empty: an empty string still opens a mustache section.
void SetIfAny(View& v, const std::string& key, std::string_view text) {
  if (!text.empty()) v.set(key, Text(text));
}

// The name of the item with `code` in the catalogue, or "" when there is none.
std::string NameOf(RequestContext& ctx, int64_t agency_id, const std::string& code) {
  if (code.empty()) return "";
  auto item = GetServiceItem(ctx.app.db(), agency_id, code);
  return item.ok() ? item->name : "";
}

// The guide of the version in force, with its parent's and successor's names.
ServiceGuide GuideOf(RequestContext& ctx, int64_t agency_id, const ServiceItem& item) {
  return GuideFromItem(item, NameOf(ctx, agency_id, item.parent),
                       NameOf(ctx, agency_id, item.successor), ctx.app.Today());
}

Response RenderGuide(RequestContext& ctx, const Request& req, const Agency& agency,
                     const ServiceItem& item) {
  const ServiceGuide g = GuideOf(ctx, agency.id, item);
  View v;
  v.set("agency", Text(agency.name));
  v.set("catalogue_href", Text(fmt::format("/services/{}", agency.id)));
  v.set("rate_href", Text(ItemHref(agency.id, item.code) + "/rate"));
  v.set("rate_qr_href", Text(ItemHref(agency.id, item.code) + "/rate.svg"));
  v.set("name", Text(g.name));
  v.set("code", Text(g.code));
  v.set("parent", Text(g.parent_name));
  v.set("has_parent", Flag(!g.parent_name.empty()));
  v.set("type", Text(g.type));
  v.set("department", Text(g.department));
  v.set("object", Text(g.object.empty() ? "—" : g.object));
  v.set("version", Text(std::to_string(g.version)));
  v.set("updated", Text(ShowDate(g.updated)));
  v.set("in_use", Flag(g.status.empty()));
  if (!g.status.empty()) {
    View s;
    s.set("status", Text(g.status));
    if (!item.successor.empty()) {
      s.set("successor", Text(g.successor));
      s.set("successor_href", Text("/g/" + PathSegment(item.successor)));
    }
    v.set("stopped", s);
  }
  v.set("conditions", Strings(g.conditions));
  v.set("has_conditions", Flag(!g.conditions.empty()));
  View materials = List();
  for (size_t i = 0; i < g.materials.size(); ++i) {
    const GuideMaterial& m = g.materials[i];
    View o;
    o.set("n", Text(std::to_string(i + 1)));
    o.set("name", Text(m.name));
    o.set("form", Text(m.form));
    o.set("copies", Text(std::to_string(m.copies)));
    o.set("required", Flag(m.required));
    SetIfAny(o, "note", m.note);
    materials.push_back(o);
  }
  v.set("materials", materials);
  v.set("has_materials", Flag(!g.materials.empty()));
  View steps = List();
  for (const GuideStep& s : g.steps) {
    View o;
    o.set("name", Text(s.name));
    o.set("time_limit", Text(s.time_limit.empty() ? "—" : s.time_limit));
    steps.push_back(o);
  }
  v.set("steps", steps);
  v.set("has_steps", Flag(!g.steps.empty()));
  v.set("legal_days",
        Text(item.legal_days ? std::to_string(*item.legal_days) + "个工作日" : "未公布"));
  v.set("promised",
        Text(!item.promised_days        ? "未公布"
             : *item.promised_days == 0 ? "即办"
                                        : std::to_string(*item.promised_days) + "个工作日"));
  // "If you apply today": only for an item in use with a stated promise.
  if (g.status.empty() && item.promised_days) {
    auto calendar = ctx.app.calendars().ForRegion(agency.region);
    if (calendar.ok()) {
      auto p = PromisedDateIfAppliedOn(ctx.app.Today(), *item.promised_days, **calendar);
      if (p.ok()) {
        View o;
        o.set("due", Text(ShowDate(p->due)));
        o.set("immediate", Flag(p->immediate));
        o.set("explanation", Lines(p->explanation));
        v.set("promise", o);
      }
    }
  }
  if (item.fee) {
    v.set("fee_stated", Flag(true));
    v.set("fee_charged", Flag(g.fee_charged));
    v.set("fee_standard", Text(g.fee_standard.empty() ? "未公布" : g.fee_standard));
    v.set("fee_basis", Text(g.fee_basis.empty() ? "未公布" : g.fee_basis));
  }
  View basis = List();
  for (const GuideBasis& b : g.basis) {
    View o;
    o.set("title", Text(b.title));
    SetIfAny(o, "doc_no", b.doc_no);
    o.set("article", Text(b.article));
    basis.push_back(o);
  }
  v.set("basis", basis);
  v.set("has_basis", Flag(!g.basis.empty()));
  v.set("place", Text(g.place.empty() ? "未公布" : g.place));
  SetIfAny(v, "window", g.window);
  v.set("hours", Text(g.hours.empty() ? "未公布" : g.hours));
  v.set("in_hall", Flag(item.in_hall));
  v.set("consult", Text(g.consult.empty() ? "未公布" : g.consult));
  v.set("complaint", Text(g.complaint.empty() ? "未公布" : g.complaint));
  View faq = List();
  for (const GuideQuestion& q : g.faq) {
    View o;
    o.set("q", Text(q.question));
    o.set("a", Text(q.answer));
    faq.push_back(o);
  }
  v.set("faq", faq);
  v.set("has_faq", Flag(!g.faq.empty()));
  if (auto section = IntermediarySectionOfGuide(ctx, agency.id, item.code)) {
    v.set("intermediary", *section);
  }
  const std::string href = ItemHref(agency.id, item.code);
  v.set("pdf_href", Text(href + "/guide.pdf"));
  v.set("qr_href", Text(href + "/qr.svg"));
  v.set("qr_png_href", Text(href + "/qr.png"));
  v.set("link", Text(GuideLink(BaseUrl(ctx, req), item.code)));
  return ctx.app.Page(ctx, "service_guide", g.name + " 办事指南", v);
}

// The item's version in force today at `agency`, or the refusal.
std::variant<ServiceItem, Response> ItemInForce(RequestContext& ctx, const Agency& agency,
                                                std::string_view code) {
  auto item = GetServiceItemAt(ctx.app.db(), agency.id, code, ctx.app.Today());
  if (!item.ok()) return StatusPage(item.status(), "办事指南", "services: item");
  return std::move(item).value();
}

struct AgencyAndItem {
  Agency agency;
  ServiceItem item;
};

std::variant<AgencyAndItem, Response> FindItem(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  Agency agency = std::get<Agency>(std::move(found));
  auto item = ItemInForce(ctx, agency, req.Param("code"));
  if (auto* r = std::get_if<Response>(&item)) return std::move(*r);
  return AgencyAndItem{std::move(agency), std::get<ServiceItem>(std::move(item))};
}

View ItemRow(int64_t agency_id, const ServiceItem& item) {
  View o;
  o.set("name", Text(item.name));
  o.set("code", Text(item.code));
  o.set("department", Text(item.department));
  o.set("href", Text(ItemHref(agency_id, item.code)));
  if (item.status != ItemStatus::kInUse) o.set("status", Text(Label(item.status)));
  return o;
}

std::string Counted(size_t n) { return std::to_string(n); }

}  // namespace

Response ServiceGuideByCode(RequestContext& ctx, const Request& req) {
  auto agencies = ListAgencies(ctx.app.db());
  if (!agencies.ok()) return StatusPage(agencies.status(), "办事指南", "services: agencies");
  for (const Agency& agency : *agencies) {
    auto item = GetServiceItemAt(ctx.app.db(), agency.id, req.Param("code"), ctx.app.Today());
    if (item.ok()) return RenderGuide(ctx, req, agency, *item);
    if (item.status().code() != Status::Code::kNotFound) {
      return StatusPage(item.status(), "办事指南", "services: /g/");
    }
  }
  return NotFound();
}

Response ServiceGuidePage(RequestContext& ctx, const Request& req) {
  auto found = FindItem(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const auto& [agency, item] = std::get<AgencyAndItem>(found);
  return RenderGuide(ctx, req, agency, item);
}

Response ServiceGuidePdf(RequestContext& ctx, const Request& req) {
  auto found = FindItem(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const auto& [agency, item] = std::get<AgencyAndItem>(found);
  auto pdf = WritePdf(GuideDocument(GuideOf(ctx, agency.id, item)));
  if (!pdf.ok()) return StatusPage(pdf.status(), "办事指南", "services: guide pdf");
  return FileDownload(std::move(pdf).value(), "application/pdf", item.name + "办事指南.pdf");
}

namespace {

// The item's QR code as PNG or SVG: its permanent link on the address the request came in on.
Response ServiceGuideQr(RequestContext& ctx, const Request& req, bool png) {
  auto found = FindItem(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const auto& [agency, item] = std::get<AgencyAndItem>(found);
  auto qr = EncodeQr(GuideLink(BaseUrl(ctx, req), item.code));
  if (!qr.ok()) return StatusPage(qr.status(), "二维码", "services: qr");
  auto image = png ? QrPng(*qr, 8) : QrSvg(*qr, 1.0);
  if (!image.ok()) return StatusPage(image.status(), "二维码", "services: qr image");
  Response r;
  r.content_type = png ? "image/png" : "image/svg+xml";
  r.body = std::move(image).value();
  return r;
}

}  // namespace

Response ServiceGuideQrPng(RequestContext& ctx, const Request& req) {
  return ServiceGuideQr(ctx, req, true);
}

Response ServiceGuideQrSvg(RequestContext& ctx, const Request& req) {
  return ServiceGuideQr(ctx, req, false);
}

Response ServiceCatalogue(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  const Date today = ctx.app.Today();
  auto items = ServiceItemsAt(ctx.app.db(), agency.id, today);
  if (!items.ok()) return StatusPage(items.status(), "服务事项目录", "services: catalogue");
  const std::string chosen(req.Query("department"));

  // Per department, the count of each level (in use and not).
  std::map<std::string, std::array<int, 3>> counts;
  std::map<std::string, const ServiceItem*> by_code;
  std::map<std::string, std::vector<const ServiceItem*>> children;
  for (const ServiceItem& item : *items) {
    counts[item.department][static_cast<int>(item.level)] += 1;
    by_code[item.code] = &item;
    children[item.parent].push_back(&item);
  }
  View departments = List();
  for (const auto& [name, c] : counts) {
    View o;
    o.set("name", Text(name));
    o.set("href",
          Text(fmt::format("/services/{}?department={}", agency.id, EncodeQueryValue(name))));
    o.set("main", Text(std::to_string(c[0])));
    o.set("sub", Text(std::to_string(c[1])));
    o.set("task", Text(std::to_string(c[2])));
    o.set("chosen", Flag(name == chosen));
    departments.push_back(o);
  }
  View v;
  v.set("agency", Text(agency.name));
  v.set("agency_id", Text(std::to_string(agency.id)));
  v.set("today", Text(ShowDate(today)));
  v.set("departments", departments);
  v.set("total", Text(Counted(items->size())));
  if (!chosen.empty()) {
    if (!counts.contains(chosen)) return NotFound();
    // The department's 主项, each with its 子项 and their 业务办理项 (and tasks hung directly
    // under a 主项).
    View mains = List();
    for (const ServiceItem* main : children[""]) {
      if (main->department != chosen) continue;
      View m = ItemRow(agency.id, *main);
      View subs = List();
      View direct = List();
      for (const ServiceItem* child : children[main->code]) {
        if (child->level == ItemLevel::kTask) {
          direct.push_back(ItemRow(agency.id, *child));
          continue;
        }
        View s = ItemRow(agency.id, *child);
        View tasks = List();
        for (const ServiceItem* task : children[child->code]) {
          tasks.push_back(ItemRow(agency.id, *task));
        }
        s.set("tasks", tasks);
        subs.push_back(s);
      }
      m.set("subs", subs);
      m.set("tasks", direct);
      mains.push_back(m);
    }
    View d;
    d.set("name", Text(chosen));
    d.set("mains", mains);
    v.set("department", d);
  }
  return ctx.app.Page(ctx, "services_catalogue", agency.name + " 政务服务事项目录", v);
}

namespace {

std::vector<ServiceItem> OrFail(Result<std::vector<ServiceItem>> r, Response* refusal,
                                std::string_view what) {
  if (!r.ok()) {
    *refusal = StatusPage(r.status(), "服务事项清单", what);
    return {};
  }
  return std::move(r).value();
}

View TableRows(const DocTable& t) {
  View rows = List();
  for (size_t r = static_cast<size_t>(t.header_rows); r < t.rows.size(); ++r) {
    View cells = List();
    for (const TableCell& c : t.rows[r]) {
      View o;
      o.set("text", Text(c.text));
      o.set("span", Text(std::to_string(c.col_span)));
      cells.push_back(o);
    }
    View row;
    row.set("cells", cells);
    row.set("section", Flag(t.rows[r].size() == 1));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response NegativeListPage(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  Response refusal;
  auto items =
      OrFail(NegativeListAt(ctx.app.db(), agency.id, ctx.app.Today()), &refusal, "negative list");
  if (refusal.status != 200) return refusal;
  View rows = List();
  for (const ServiceItem& item : items) {
    View o = ItemRow(agency.id, item);
    o.set("reason", Text(item.not_in_hall_reason ? Label(*item.not_in_hall_reason) : ""));
    SetIfAny(o, "note", item.not_in_hall_note);
    o.set("handled_at", Text(item.handled_at.empty() ? item.place : item.handled_at));
    rows.push_back(o);
  }
  View v;
  v.set("title", Text(NegativeListTitle(agency.name)));
  v.set("catalogue_href", Text(fmt::format("/services/{}", agency.id)));
  v.set("today", Text(ShowDate(ctx.app.Today())));
  v.set("count", Text(Counted(items.size())));
  v.set("rows", rows);
  v.set("xlsx_href", Text(fmt::format("/services/{}/negative-list.xlsx", agency.id)));
  return ctx.app.Page(ctx, "services_negative", NegativeListTitle(agency.name), v);
}

Response NegativeListDownload(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  Response refusal;
  auto items =
      OrFail(NegativeListAt(ctx.app.db(), agency.id, ctx.app.Today()), &refusal, "negative list");
  if (refusal.status != 200) return refusal;
  auto xlsx = NegativeListXlsx(agency.name, items, ctx.app.Today());
  if (!xlsx.ok()) return StatusPage(xlsx.status(), "进厅负面清单", "services: negative xlsx");
  return FileDownload(std::move(xlsx).value(), kXlsxType, NegativeListTitle(agency.name) + ".xlsx");
}

Response CrossProvincePage(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  Response refusal;
  auto items = OrFail(CrossProvinceListAt(ctx.app.db(), agency.id, ctx.app.Today()), &refusal,
                      "cross-province list");
  if (refusal.status != 200) return refusal;
  View v;
  v.set("title", Text(CrossProvinceListTitle(agency.name)));
  v.set("catalogue_href", Text(fmt::format("/services/{}", agency.id)));
  v.set("today", Text(ShowDate(ctx.app.Today())));
  v.set("count", Text(Counted(items.size())));
  v.set("rows", TableRows(CrossProvinceTable(items)));
  v.set("xlsx_href", Text(fmt::format("/services/{}/cross-province.xlsx", agency.id)));
  return ctx.app.Page(ctx, "services_cross", CrossProvinceListTitle(agency.name), v);
}

Response CrossProvinceDownload(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  Response refusal;
  auto items = OrFail(CrossProvinceListAt(ctx.app.db(), agency.id, ctx.app.Today()), &refusal,
                      "cross-province list");
  if (refusal.status != 200) return refusal;
  auto xlsx = CrossProvinceListXlsx(agency.name, items, ctx.app.Today());
  if (!xlsx.ok()) return StatusPage(xlsx.status(), "跨省通办清单", "services: cross xlsx");
  return FileDownload(std::move(xlsx).value(), kXlsxType,
                      CrossProvinceListTitle(agency.name) + ".xlsx");
}

Response ServiceChangeLogPage(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency agency = std::get<Agency>(std::move(found));
  int year = static_cast<int>(ctx.app.Today().year());
  if (std::string_view y = req.Query("year"); !y.empty()) {
    auto parsed = ParseId(y);
    if (!parsed || *parsed < 2000 || *parsed > 2100) return BadRequest("年份应为四位数字，如 2024");
    year = static_cast<int>(*parsed);
  }
  const Date from{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
  const Date to{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
  auto changes = ServiceChangeLog(ctx.app.db(), agency.id, from, to);
  if (!changes.ok()) return StatusPage(changes.status(), "调整情况公示", "services: change log");
  std::map<std::string_view, std::string_view> labels;
  for (const ServiceField& f : ServiceFields()) labels[f.name] = f.label;
  View list = List();
  for (const StoredServiceChange& c : *changes) {
    View o;
    const ServiceItem* shown = c.after ? &*c.after : c.before ? &*c.before : nullptr;
    o.set("effective", Text(ShowDate(c.request.effective)));
    o.set("kind", Text(Label(c.request.kind)));
    o.set("code", Text(c.request.code));
    o.set("name", Text(shown ? shown->name : c.request.code));
    o.set("href", Text(ItemHref(agency.id, c.request.code)));
    o.set("reason", Text(c.request.reason));
    o.set("basis", Text(c.request.basis));
    o.set("published", Text(c.published_at.substr(0, 10)));
    if (c.publication_id != 0) {
      // Its entry in the register, and whether it went public within Art. 26's 20 working days.
      o.set("index_no", Text(c.index_no));
      o.set("register_href", Text(PublicationUrl(agency.id, c.publication_id)));
      auto clock =
          ServiceChangeClock(ctx.app.db(), ctx.app.calendars(), agency.id, c, ctx.app.Today());
      if (clock.ok() && *clock) {
        o.set("timeliness", Text(fmt::format("{}（自{}起20个工作日内，即{}前）",
                                             (*clock)->late ? "逾期公开" : "按时公开",
                                             ShowDate((*clock)->start), ShowDate((*clock)->due))));
      }
    }
    View diff = List();
    for (const FieldChange& f : c.diff) {
      View d;
      auto label = labels.find(f.field);
      d.set("field", Text(label != labels.end() ? label->second : std::string_view(f.field)));
      d.set("before", Text(f.before == "null" ? "（无）" : f.before));
      d.set("after", Text(f.after == "null" ? "（无）" : f.after));
      diff.push_back(d);
    }
    o.set("diff", diff);
    o.set("has_diff", Flag(!c.diff.empty()));
    list.push_back(o);
  }
  View v;
  v.set("agency", Text(agency.name));
  v.set("year", Text(std::to_string(year)));
  v.set("catalogue_href", Text(fmt::format("/services/{}", agency.id)));
  v.set("changes", list);
  v.set("count", Text(Counted(changes->size())));
  v.set("prev_href", Text(fmt::format("/services/{}/changes?year={}", agency.id, year - 1)));
  v.set("next_href", Text(fmt::format("/services/{}/changes?year={}", agency.id, year + 1)));
  return ctx.app.Page(ctx, "services_changes",
                      fmt::format("{} 政务服务事项调整情况公示（{}年）", agency.name, year), v);
}

}  // namespace gongkai::web
