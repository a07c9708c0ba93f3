// Annual report pages. A report is the register's as of 31 December: the fold of the agency's
// cases with table A from its records (store/report_store.h BuildRegisterReport), shown as HTML
// tables with the result of every consistency check (report/rules.h CheckReport) and
// downloadable in every export format (docs/report_export.h). The public sees the reports of
// years that have ended: the latest PUBLISHED version when the office has published one, else
// the register's. The office sees every year, including the one running, with the stored
// version's state, its versions, a narrative editor per section and the workflow buttons
// (web/report_workflow.h). The register's report comes from the App's ReportCache
// (web/report_cache.h), rebuilt whenever the register stamp (store/register_stamp.h) changes.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "docs/report_document.h"
#include "docs/report_export.h"
#include "report/rules.h"
#include "store/register_stamp.h"
#include "store/report_store.h"
#include "web/errors.h"
#include "web/handlers.h"
#include "web/report_cache.h"
#include "web/report_workflow.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// The first report year the national formats cover (国办公开办函〔2019〕60号).
constexpr int kFirstReportYear = 2019;
// How many past years the report indexes list.
constexpr int kYearsListed = 4;

struct BuiltReport {
  Agency agency;
  Report report;  // the register's, or the published version's for the public when there is one
  std::optional<NarrativeFacts> facts;     // the register's, when `report` is the register's
  std::vector<Finding> findings;           // of `report`
  std::vector<ReportVersion> versions;     // of the year, newest first
  std::optional<ReportVersion> published;  // the version shown to the public, if any
};

std::optional<ReportVersion> LatestPublished(const std::vector<ReportVersion>& versions) {
  for (const auto& v : versions) {
    if (v.state == ReportState::kPublished) return v;
  }
  return std::nullopt;
}

// The register's report of `year` (store/report_store.h BuildRegisterReport: the fold of the
// year's cases, table A from the records), from the App's cache when the register has not
// changed since it was built. The stamp is read first, as the cache requires.
Result<ReportCache::Shared> RegisterReport(RequestContext& ctx, int64_t agency_id, int year) {
  auto stamp = ReadRegisterStamp(ctx.app.db(), agency_id, year);
  if (!stamp.ok()) return stamp.status();
  return ctx.app.report_cache().Get(agency_id, year, *stamp, [&] {
    return BuildRegisterReport(ctx.app.db(), ctx.app.calendars(), agency_id, year);
  });
}

// The report of `year`: the published version's tables when `prefer_published` and one exists
// (the public's view), else the register's as it stands (the office's working view).
Result<BuiltReport> Build(RequestContext& ctx, int64_t agency_id, int year, bool prefer_published) {
  auto agency = GetAgency(ctx.app.db(), agency_id);
  if (!agency.ok()) return agency.status();
  auto versions = ListReportVersions(ctx.app.db(), agency_id, year);
  if (!versions.ok()) return versions.status();
  BuiltReport out{std::move(agency).value(),   {},          std::nullopt, {},
                  std::move(versions).value(), std::nullopt};
  out.published = LatestPublished(out.versions);
  if (out.published && prefer_published) {
    auto stored = VersionReport(*out.published);
    if (!stored.ok()) return stored.status();
    out.report = std::move(stored).value();
  } else {
    auto annual = RegisterReport(ctx, agency_id, year);
    if (!annual.ok()) return annual.status();
    out.report = (*annual)->report;
    out.facts = (*annual)->facts;
  }
  CheckSettings check;
  check.publisher =
      out.agency.kind == AgencyKind::kGovernment ? Publisher::kGovernment : Publisher::kDepartment;
  out.findings = CheckReport(out.report, check);
  return out;
}

// A table of the report laid out as the exports lay it out (docs/report_document.h), so the
// page shows the national format's merged cells: table 三's 「三、本年度办理结果」 spanning its
// result rows, and the groups （三）…（六） spanning their numbered sub-rows.
View TableView(std::string_view title, const DocTable& table) {
  View rows = List();
  for (const auto& table_row : table.rows) {
    View cells = List();
    for (const TableCell& cell : table_row) {
      View c;
      c.set("text", Text(cell.text));
      c.set("header", Flag(cell.header));
      const bool label = !cell.header && cell.align == CellAlign::kLeft;
      c.set("label", Flag(label));
      c.set("value", Flag(!cell.header && !label));
      std::string spans;  // digits only, so the template may print it unescaped
      if (cell.col_span > 1) spans += fmt::format(" colspan=\"{}\"", cell.col_span);
      if (cell.row_span > 1) spans += fmt::format(" rowspan=\"{}\"", cell.row_span);
      c.set("spans", Text(spans));
      cells.push_back(c);
    }
    View row;
    row.set("cells", cells);
    rows.push_back(row);
  }
  View t;
  t.set("title", Text(title));
  t.set("rows", rows);
  return t;
}

View Tables(const Report& report) {
  View tables = List();
  tables.push_back(TableView("二、主动公开政府信息情况", ReportTableA(report)));
  tables.push_back(TableView("三、收到和处理政府信息公开申请情况", ReportTableB(report)));
  tables.push_back(TableView("四、政府信息公开行政复议、行政诉讼情况", ReportTableC(report)));
  return tables;
}

View FactLines(const NarrativeFacts& f) {
  std::vector<std::string> lines = {
      fmt::format("本年新收政府信息公开申请 {} 件，上年结转 {} 件。", f.received, f.carried_over),
      fmt::format("本年办结 {} 件，其中按期答复 {} 件，逾期答复 {} 件；结转下年度 {} 件。",
                  f.closed, f.answered_on_time, f.answered_late, f.carried_forward),
      fmt::format("发出补正告知 {} 次，延期答复 {} 件。", f.correction_requests, f.extensions),
      fmt::format("收取信息处理费 {} 件，共 {}.{:02d} 元。", f.fee_cases, f.fees_charged_fen / 100,
                  f.fees_charged_fen % 100),
      fmt::format("被申请行政复议 {} 件，被提起行政诉讼 {} 件。", f.reconsiderations_filed,
                  f.litigations_filed),
  };
  View facts;
  View list = List();
  for (const auto& l : lines) list.push_back(Text(l));
  facts.set("lines", list);
  return facts;
}

View PublishedSections(const Report& report) {
  View list = List();
  for (const auto& section : report.sections) {
    if (section.text.empty()) continue;
    View o;
    o.set("title", Text(section.title));
    o.set("text", Text(section.text));
    list.push_back(o);
  }
  return list;
}

// The stored versions, the narrative editor of the current draft and the buttons the caller's
// role and the version's state allow. The store checks both again on every POST.
View WorkflowView(RequestContext& ctx, const BuiltReport& r, const std::string& base_url) {
  View w;
  w.set("base", Text(base_url));
  w.set("csrf", Text(ctx.csrf));
  const Role role = ctx.session->user.role;
  const bool head = role == Role::kHead;
  const bool writer = role != Role::kSupervisor;
  const ReportVersion* current = r.versions.empty() ? nullptr : &r.versions.front();
  const ReportState state = current ? current->state : ReportState::kReopened;
  w.set("has_version", Flag(current != nullptr));
  if (current) {
    w.set("state", Text(Label(current->state)));
    w.set("state_key", Text(Key(current->state)));
    w.set("version", Text(std::to_string(current->version)));
  }
  View versions = List();
  for (const auto& version : r.versions) {
    View o;
    o.set("version", Text(std::to_string(version.version)));
    o.set("state", Text(Label(version.state)));
    o.set("created", Text(version.created_by + " " + version.created_at));
    o.set("approved", Text(version.approved_by + " " + version.approved_at));
    o.set("published", Text(version.published_by + " " + version.published_at));
    o.set("reopened", Text(version.reopened_by + " " + version.reopened_at));
    o.set("reason", Text(version.reopen_reason));
    versions.push_back(o);
  }
  w.set("versions", versions);
  const bool editable = current && state == ReportState::kDraft && writer;
  w.set("can_save",
        Flag(writer && state != ReportState::kApproved && state != ReportState::kPublished));
  w.set("can_edit", Flag(editable));
  w.set("can_approve", Flag(head && current && state == ReportState::kDraft));
  w.set("can_publish", Flag(head && current && state == ReportState::kApproved));
  w.set("can_reopen", Flag(head && current && state == ReportState::kPublished));
  View sections = List();
  static constexpr std::string_view kTitles[] = {"一、总体情况",
                                                 "二、主动公开政府信息情况",
                                                 "三、收到和处理政府信息公开申请情况",
                                                 "四、政府信息公开行政复议、行政诉讼情况",
                                                 "五、存在的主要问题及改进情况",
                                                 "六、其他需要报告的事项"};
  for (int n = 1; n <= 6; ++n) {
    View o;
    o.set("number", Text(std::to_string(n)));
    o.set("title", Text(kTitles[n - 1]));
    std::string text;
    if (current) {
      auto it = current->narratives.find(n);
      if (it != current->narratives.end()) text = it->second;
    }
    o.set("text", Text(text));
    o.set("editable", Flag(editable));
    sections.push_back(o);
  }
  w.set("sections", sections);
  return w;
}

Response RenderReport(RequestContext& ctx, const BuiltReport& r, bool office,
                      const std::string& base_url) {
  View v;
  v.set("office", Flag(office));
  // The draft banner, unless the office is looking at a version it has published.
  const bool published_now =
      !r.versions.empty() && r.versions.front().state == ReportState::kPublished;
  v.set("draft", Flag(office && !published_now));
  v.set("agency_id", Text(std::to_string(r.agency.id)));
  v.set("agency", Text(r.agency.name));
  v.set("year", Text(std::to_string(r.report.year)));
  View downloads = List();
  for (auto [key, label] : {std::pair{"html", "网页"},
                            {"docx", "Word"},
                            {"pdf", "PDF"},
                            {"xlsx", "Excel"},
                            {"json", "JSON 数据"}}) {
    View d;
    d.set("href", Text(base_url + "/" + key));
    d.set("label", Text(label));
    downloads.push_back(d);
  }
  v.set("downloads", downloads);
  View findings = List();
  for (const auto& f : r.findings) {
    View o;
    o.set("rule", Text(f.rule));
    o.set("severity", Text(SeverityKey(f.severity)));
    o.set("message", Text(f.message_zh));
    findings.push_back(o);
  }
  v.set("findings", findings);
  v.set("has_findings", Flag(!r.findings.empty()));
  if (office) {
    v.set("workflow", WorkflowView(ctx, r, base_url));
  } else if (r.published) {
    v.set("published_at", Text(r.published->published_at));
    v.set("sections", PublishedSections(r.report));
  }
  // The facts are offered to the office writing the narrative, not shown to the public.
  if (office && r.facts) v.set("facts", FactLines(*r.facts));
  v.set("tables", Tables(r.report));
  return ctx.app.Page(ctx, "report", fmt::format("{} {} 年度报告", r.agency.name, r.report.year),
                      v);
}

Response Download(const BuiltReport& r, std::string_view format_key) {
  auto format = ExportFormatFromKey(format_key);
  if (!format) return NotFound();
  auto bytes = ExportReport(r.report, *format);
  if (!bytes.ok()) {
    spdlog::error("exporting a report: {}", bytes.status().message());
    return InternalError();
  }
  Response resp;
  resp.content_type = std::string(ExportFormatMime(*format));
  resp.body = std::move(bytes).value();
  resp.AddHeader("Content-Disposition",
                 fmt::format("attachment; filename=\"report-{}-{}{}\"", r.agency.id, r.report.year,
                             ExportFormatExtension(*format)));
  return resp;
}

Response BuildFailure(const Status& s) {
  return StatusPage(s, "无法生成报告", "building a report");
}

View ReportIndex(const std::vector<Agency>& agencies, int first, int last, bool office) {
  View list = List();
  for (const auto& a : agencies) {
    View row;
    row.set("agency", Text(a.name));
    View years = List();
    for (int y = last; y >= first; --y) {
      View o;
      o.set("year", Text(std::to_string(y)));
      o.set("href", Text(office ? fmt::format("/office/a/{}/reports/{}", a.id, y)
                                : fmt::format("/reports/{}/{}", a.id, y)));
      years.push_back(o);
    }
    row.set("years", years);
    if (office) row.set("records", Text(fmt::format("/office/a/{}/records", a.id)));
    list.push_back(row);
  }
  return list;
}

}  // namespace

std::optional<ReportUrl> ParseReportUrl(RequestContext& ctx, const Request& req, bool ended_only) {
  auto agency = ParseId(req.Param("agency"));
  auto year = ParseId(req.Param("year"));
  int this_year = static_cast<int>(ctx.app.Today().year());
  if (!agency || !year || *year < kFirstReportYear || *year > this_year) return std::nullopt;
  if (ended_only && *year >= this_year) return std::nullopt;
  return ReportUrl{*agency, static_cast<int>(*year)};
}

Response PublicReportsIndex(RequestContext& ctx, const Request&) {
  auto agencies = ListAgencies(ctx.app.db());
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  int last = static_cast<int>(ctx.app.Today().year()) - 1;
  View v;
  v.set("reports",
        ReportIndex(*agencies, std::max(kFirstReportYear, last - kYearsListed + 1), last, false));
  return ctx.app.Page(ctx, "reports_index", "年度报告", v);
}

Response PublicReportPage(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, true);
  if (!key) return NotFound();
  auto r = Build(ctx, key->agency, key->year, true);
  if (!r.ok()) return BuildFailure(r.status());
  return RenderReport(ctx, *r, false, fmt::format("/reports/{}/{}", key->agency, key->year));
}

Response PublicReportDownload(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, true);
  if (!key) return NotFound();
  auto r = Build(ctx, key->agency, key->year, true);
  if (!r.ok()) return BuildFailure(r.status());
  return Download(*r, req.Param("format"));
}

Response OfficeReportsIndex(RequestContext& ctx, const Request&) {
  auto all = ListAgencies(ctx.app.db());
  auto subtree = AgencySubtree(ctx.app.db(), ctx.session->user.agency_id);
  if (!all.ok() || !subtree.ok()) return InternalError();
  std::vector<Agency> mine;
  for (const auto& a : *all) {
    if (std::find(subtree->begin(), subtree->end(), a.id) != subtree->end()) mine.push_back(a);
  }
  int last = static_cast<int>(ctx.app.Today().year());
  View v;
  v.set("office", Flag(true));
  v.set("reports", ReportIndex(mine, std::max(kFirstReportYear, last - kYearsListed), last, true));
  return ctx.app.Page(ctx, "reports_index", "年度报告", v);
}

Response OfficeReportPage(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, false);
  if (!key) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, key->agency)) return *denied;
  auto r = Build(ctx, key->agency, key->year, false);
  if (!r.ok()) return BuildFailure(r.status());
  return RenderReport(ctx, *r, true,
                      fmt::format("/office/a/{}/reports/{}", key->agency, key->year));
}

Response OfficeReportDownload(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, false);
  if (!key) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, key->agency)) return *denied;
  auto r = Build(ctx, key->agency, key->year, false);
  if (!r.ok()) return BuildFailure(r.status());
  return Download(*r, req.Param("format"));
}

}  // namespace gongkai::web
