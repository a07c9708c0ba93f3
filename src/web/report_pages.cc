// Annual report pages. The public sees a year's report only once the office has published it,
// and then the published version byte for byte: the page body and the downloads rendered and
// stored at publication (web/report_publication.h), served with their SHA-256 as ETag. While a
// published report is reopened, that version stays up under a notice that it is being revised;
// a year with none published says 尚未发布 with its Art. 49 due date (report/rules.h
// PublicationDeadline), and that it is overdue once the date has passed. The office sees every
// year, including the one running: the stored version being worked on (the very tables and
// narrative the head approves, with the snapshot's fingerprint in the approve form), its versions,
// a narrative editor per section that marks the sections still holding the generated text, and
// the workflow buttons (web/report_workflow.h). Before any version is saved the office sees the
// register's report, from the App's ReportCache (web/report_cache.h), rebuilt whenever the
// register stamp (store/register_stamp.h) changes.

#include <fmt/format.h>

#include "cases/narrative.h"
#include "docs/report_export.h"
#include "report/rules.h"
#include "services/narrative_facts.h"
#include "store/register_stamp.h"
#include "store/report_store.h"
#include "store/services.h"
#include "web/errors.h"
#include "web/handlers.h"
#include "web/report_cache.h"
#include "web/report_publication.h"
#include "web/report_workflow.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// The first report year the national formats cover (国办公开办函〔2019〕60号).
constexpr int kFirstReportYear = 2019;
// How many past years the report indexes list.
constexpr int kYearsListed = 4;

// What the office is working on: the year's newest stored version (its tables and narrative as
// stored) unless there is none or it was reopened, else the register's report as it stands.
struct OfficeReport {
  Agency agency;
  Report report;
  std::optional<NarrativeFacts> facts;  // the register's, while a draft may still be written
  std::vector<ReportVersion> versions;  // of the year, newest first
  bool snapshot_stale = false;          // the register changed since the current draft was built
};

// The register's report of `year` (store/report_store.h BuildRegisterReport: the fold of the
// year's cases, table A from the records), from the App's cache when the register has not
// changed since it was built. The stamp is read first, as the cache requires.
Result<ReportCache::Shared> RegisterReport(RequestContext& ctx, int64_t agency_id, int year,
                                           const RegisterStamp& stamp) {
  return ctx.app.report_cache().Get(agency_id, year, stamp, [&] {
    return BuildRegisterReport(ctx.app.db(), ctx.app.calendars(), agency_id, year);
  });
}

Result<OfficeReport> BuildOffice(RequestContext& ctx, int64_t agency_id, int year) {
  auto agency = GetAgency(ctx.app.db(), agency_id);
  if (!agency.ok()) return agency.status();
  auto versions = ListReportVersions(ctx.app.db(), agency_id, year);
  if (!versions.ok()) return versions.status();
  OfficeReport out{std::move(agency).value(), {}, std::nullopt, std::move(versions).value(), false};
  // A reopened version is no longer the office's work: until the next draft is saved the
  // office sees the register as it now stands.
  const ReportVersion* current =
      out.versions.empty() || out.versions.front().state == ReportState::kReopened
          ? nullptr
          : &out.versions.front();
  const bool writing = !current || current->state == ReportState::kDraft;
  std::optional<RegisterStamp> stamp;
  if (writing) {
    auto read = ReadRegisterStamp(ctx.app.db(), agency_id, year);
    if (!read.ok()) return read.status();
    stamp = *read;
    auto annual = RegisterReport(ctx, agency_id, year, *stamp);
    if (!annual.ok()) return annual.status();
    out.facts = (*annual)->facts;
    if (!current) out.report = (*annual)->report;
  }
  if (current) {
    auto stored = VersionReport(*current);
    if (!stored.ok()) return stored.status();
    out.report = std::move(stored).value();
    out.snapshot_stale =
        current->state == ReportState::kDraft && stamp && stamp->value != current->register_stamp;
  }
  return out;
}

View FactLines(const NarrativeFacts& f) {
  View facts;
  facts.set("lines", Lines(NarrativeFactLines(f)));
  return facts;
}

// The service catalogue's facts for section 一 (services/narrative_facts.h), counted on 31
// December of `year`, or today while the year is still running. Empty without a catalogue.
Result<std::vector<std::string>> CatalogueFacts(RequestContext& ctx, int64_t agency_id, int year) {
  const Date last{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
  const Date counted = std::min(last, ctx.app.Today());
  auto stats = ServiceStatsAt(ctx.app.db(), agency_id, counted);
  if (!stats.ok()) return stats.status();
  const Date first{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
  std::vector<ChangeKind> kinds;
  if (first <= counted) {
    auto log = ServiceChangeLog(ctx.app.db(), agency_id, first, counted);
    if (!log.ok()) return log.status();
    for (const StoredServiceChange& c : *log) kinds.push_back(c.request.kind);
  }
  return CatalogueFactLines(*stats, year, kinds);
}

// The empty required sections (五, 六) of `version` as one phrase; "" when both are written.
std::string EmptyRequired(const ReportVersion& version) {
  std::string names;
  for (int n : EmptyRequiredSections(version.narratives)) {
    if (!names.empty()) names += "、";
    names += fmt::format("「{}」为空", SectionTitle(n));
  }
  return names;
}

// The stored versions, the narrative editor of the current draft and the buttons the caller's
// role and the version's state allow. The store checks both again on every POST.
View WorkflowView(RequestContext& ctx, const OfficeReport& r, const std::string& base_url) {
  View w;
  w.set("base", Text(base_url));
  w.set("csrf", Text(ctx.csrf));
  const Role role = ctx.session->user.role;
  const bool writer = Allows(role, Action::kBuildDraft);
  const ReportVersion* current = r.versions.empty() ? nullptr : &r.versions.front();
  const ReportState state = current ? current->state : ReportState::kReopened;
  w.set("has_version", Flag(current != nullptr));
  if (current) {
    w.set("state", Text(Label(current->state)));
    w.set("state_key", Text(Key(current->state)));
    w.set("version", Text(std::to_string(current->version)));
    w.set("fingerprint", Text(SnapshotFingerprint(*current)));
    w.set("empty_required", Text(EmptyRequired(*current)));
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
  const bool editable =
      current && state == ReportState::kDraft && Allows(role, Action::kEditNarrative);
  w.set("can_save",
        Flag(writer && state != ReportState::kApproved && state != ReportState::kPublished));
  w.set("can_edit", Flag(editable));
  w.set("can_approve",
        Flag(Allows(role, Action::kApproveReport) && current && state == ReportState::kDraft));
  w.set("can_publish",
        Flag(Allows(role, Action::kPublishReport) && current && state == ReportState::kApproved));
  w.set("can_reopen",
        Flag(Allows(role, Action::kReopenReport) && current && state == ReportState::kPublished));
  View sections = List();
  std::string generated_sections;
  for (int n = 1; n <= 6; ++n) {
    if (current && current->generated.count(n) > 0) {
      generated_sections +=
          fmt::format("{}{}", generated_sections.empty() ? "" : "、", SectionTitle(n));
    }
    View o;
    o.set("number", Text(std::to_string(n)));
    o.set("title", Text(SectionTitle(n)));
    std::string text;
    if (current) {
      auto it = current->narratives.find(n);
      if (it != current->narratives.end()) text = it->second;
    }
    o.set("text", Text(text));
    o.set("generated", Flag(current && current->generated.count(n) > 0));
    o.set("editable", Flag(editable));
    sections.push_back(o);
  }
  w.set("sections", sections);
  if (!generated_sections.empty()) w.set("generated_sections", Text(generated_sections));
  return w;
}

Response RenderOffice(RequestContext& ctx, const OfficeReport& r, const std::string& base_url) {
  View v;
  v.set("office", Flag(true));
  // The draft banner, unless the office is looking at a version it has published.
  const bool published_now =
      !r.versions.empty() && r.versions.front().state == ReportState::kPublished;
  v.set("draft", Flag(!published_now));
  v.set("snapshot_stale", Flag(r.snapshot_stale));
  v.set("agency_id", Text(std::to_string(r.agency.id)));
  v.set("agency", Text(r.agency.name));
  v.set("year", Text(std::to_string(r.report.year)));
  v.set("workflow", WorkflowView(ctx, r, base_url));
  // The facts are offered to the office writing the narrative, not shown to the public.
  if (r.facts) {
    v.set("facts", FactLines(*r.facts));
    auto catalogue = CatalogueFacts(ctx, r.agency.id, r.report.year);
    if (!catalogue.ok()) return InternalFailure(catalogue.status(), "counting the catalogue");
    if (!catalogue->empty()) {
      View facts;
      facts.set("lines", Lines(*catalogue));
      v.set("catalogue_facts", facts);
    }
  }
  auto body =
      ctx.app.templates().Render("report_body", ReportBodyView(r.agency, r.report, base_url));
  if (!body.ok()) {
    return InternalFailure(body.status(), "rendering a page");
  }
  v.set("body", Text(*body));
  return ctx.app.Page(ctx, "report", fmt::format("{} {} 年度报告", r.agency.name, r.report.year),
                      v);
}

Response BuildFailure(const Status& s) {
  return StatusPage(s, "无法生成报告", "building a report");
}

std::string AsciiFileName(int64_t agency_id, int year, ExportFormat format) {
  return fmt::format("report-{}-{}{}", agency_id, year, ExportFormatExtension(format));
}

// The Art. 49 date by which `agency`'s report of `year` is due.
Date DueDate(const Agency& agency, int year) {
  return PublicationDeadline(year, ReportPublisher(agency.kind));
}

View ReportIndex(RequestContext& ctx, const std::vector<Agency>& agencies, int first, int last,
                 bool office) {
  View list = List();
  for (const auto& a : agencies) {
    View row;
    row.set("agency", Text(a.name));
    std::vector<ReportVersion> versions;
    if (!office) {
      auto read = ListReportVersions(ctx.app.db(), a.id, std::nullopt);
      if (read.ok()) versions = std::move(read).value();
    }
    View years = List();
    for (int y = last; y >= first; --y) {
      View o;
      o.set("year", Text(std::to_string(y)));
      if (office) {
        o.set("href", Text(fmt::format("/office/a/{}/reports/{}", a.id, y)));
      } else {
        std::vector<ReportVersion> of_year;
        for (const auto& v : versions) {
          if (v.year == y) of_year.push_back(v);
        }
        if (LastPublished(of_year)) {
          o.set("href", Text(fmt::format("/reports/{}/{}", a.id, y)));
        } else {
          const Date due = DueDate(a, y);
          o.set("due", Text(FormatDateZh(due)));
          o.set("overdue", Flag(ctx.app.Today() > due));
        }
      }
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
  v.set("reports", ReportIndex(ctx, *agencies, std::max(kFirstReportYear, last - kYearsListed + 1),
                               last, false));
  return ctx.app.Page(ctx, "reports_index", "年度报告", v);
}

Response PublicReportPage(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, true);
  if (!key) return NotFound();
  auto agency = GetAgency(ctx.app.db(), key->agency);
  if (!agency.ok()) return BuildFailure(agency.status());
  auto versions = ListReportVersions(ctx.app.db(), key->agency, key->year);
  if (!versions.ok()) return BuildFailure(versions.status());
  View v;
  v.set("agency", Text(agency->name));
  v.set("year", Text(std::to_string(key->year)));
  if (const ReportVersion* shown = LastPublished(*versions)) {
    auto page =
        PublishedReportFile(ctx.app.db(), ctx.app.templates(), *agency, *shown, kReportPageFormat);
    if (!page.ok()) return BuildFailure(page.status());
    v.set("body", Text(page->bytes));
    if (auto on = PublishedOn(*shown)) v.set("published_on", Text(FormatDateZh(*on)));
    v.set("revising", Flag(versions->front().version != shown->version ||
                           versions->front().state != ReportState::kPublished));
  } else {
    const Date due = DueDate(*agency, key->year);
    v.set("unpublished", Flag(true));
    v.set("due", Text(FormatDateZh(due)));
    v.set("overdue", Flag(ctx.app.Today() > due));
    v.set("today", Text(FormatDateZh(ctx.app.Today())));
  }
  return ctx.app.Page(ctx, "report_public", fmt::format("{} {} 年度报告", agency->name, key->year),
                      v);
}

Response PublicReportDownload(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, true);
  if (!key) return NotFound();
  auto format = ExportFormatFromKey(req.Param("format"));
  if (!format) return NotFound();
  auto agency = GetAgency(ctx.app.db(), key->agency);
  if (!agency.ok()) return BuildFailure(agency.status());
  auto versions = ListReportVersions(ctx.app.db(), key->agency, key->year);
  if (!versions.ok()) return BuildFailure(versions.status());
  const ReportVersion* shown = LastPublished(*versions);
  if (!shown) return NotFound();
  auto file =
      PublishedReportFile(ctx.app.db(), ctx.app.templates(), *agency, *shown, req.Param("format"));
  if (!file.ok()) return BuildFailure(file.status());
  return ReportFileResponse(req, std::move(file->bytes), file->sha256, *format,
                            ReportFileName(*agency, key->year, *format),
                            AsciiFileName(agency->id, key->year, *format));
}

Response OfficeReportsIndex(RequestContext& ctx, const Request&) {
  auto all = ListAgencies(ctx.app.db());
  auto subtree = AgencySubtree(ctx.app.db(), ctx.session->user.agency_id);
  if (!all.ok()) return InternalFailure(all.status(), "office reports index");
  if (!subtree.ok()) return InternalFailure(subtree.status(), "office reports index");
  std::vector<Agency> mine;
  for (const auto& a : *all) {
    if (std::find(subtree->begin(), subtree->end(), a.id) != subtree->end()) mine.push_back(a);
  }
  int last = static_cast<int>(ctx.app.Today().year());
  View v;
  v.set("office", Flag(true));
  v.set("reports",
        ReportIndex(ctx, mine, std::max(kFirstReportYear, last - kYearsListed), last, true));
  return ctx.app.Page(ctx, "reports_index", "年度报告", v);
}

Response OfficeReportPage(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, false);
  if (!key) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, key->agency)) return *denied;
  auto r = BuildOffice(ctx, key->agency, key->year);
  if (!r.ok()) return BuildFailure(r.status());
  return RenderOffice(ctx, *r, fmt::format("/office/a/{}/reports/{}", key->agency, key->year));
}

// The office's export of the version it is working on (the same VersionReport the public
// files are rendered from, so both carry the same narrative), or of the register's report
// before any version is saved.
Response OfficeReportDownload(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, false);
  if (!key) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, key->agency)) return *denied;
  auto format = ExportFormatFromKey(req.Param("format"));
  if (!format) return NotFound();
  auto r = BuildOffice(ctx, key->agency, key->year);
  if (!r.ok()) return BuildFailure(r.status());
  auto bytes = ExportReport(r->report, *format);
  if (!bytes.ok()) {
    return InternalFailure(bytes.status(), "exporting a report");
  }
  const std::string sha = Sha256Hex(*bytes);
  return ReportFileResponse(req, std::move(bytes).value(), sha, *format,
                            ReportFileName(r->agency, key->year, *format),
                            AsciiFileName(r->agency.id, key->year, *format));
}

}  // namespace gongkai::web
