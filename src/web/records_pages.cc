#include "web/records_pages.h"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <set>
#include <span>
#include <variant>

#include "store/records.h"
#include "store/report_store.h"
#include "util/money.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// The first report year of the national formats (国办公开办函〔2019〕60号); counts before it
// belong to no report the system makes.
constexpr int kFirstRecordYear = 2019;
// Fields of the forms, kept when a submission is refused so nothing typed is lost.
constexpr std::string_view kDocumentFields[] = {"kind", "number", "title", "issued", "abolished"};
constexpr std::string_view kCountFields[] = {"year", "licensing", "punishment", "enforcement",
                                             "fees_yuan"};

std::string Yuan(int64_t fen) { return fmt::format("{}.{:02d}", fen / 100, fen % 100); }

// A non-negative count typed into a form; nullopt when it is not one.
std::optional<int> ParseCount(std::string_view text) {
  text = Trim(text);
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 0) {
    return std::nullopt;
  }
  return n;
}

// The years whose latest report version is published: the store refuses changes in them.
Result<std::set<int>> PublishedYears(Database& db, int64_t agency_id) {
  auto versions = ListReportVersions(db, agency_id, std::nullopt);
  if (!versions.ok()) return versions.status();
  std::set<int> seen, published;
  for (const auto& v : *versions) {  // newest version of each year first
    if (!seen.insert(v.year).second) continue;
    if (v.state == ReportState::kPublished) published.insert(v.year);
  }
  return published;
}

View DocumentRows(const std::vector<StoredDocument>& docs, PublicationKind kind) {
  View list = List();
  for (const auto& d : docs) {
    if (d.kind != kind) continue;
    View o;
    o.set("number", Text(d.number));
    o.set("title", Text(d.title));
    o.set("issued", Text(FormatDate(d.issued)));
    o.set("abolished", Text(d.abolished ? FormatDate(*d.abolished) : "—"));
    list.push_back(o);
  }
  return list;
}

// What a successful POST says on the page it redirects to (?done=…).
std::string DoneMessage(const Request& req) {
  std::string_view done = req.Query("done");
  if (done == "document") return "文件已登记。";
  if (done == "counts") {
    auto year = ParseCount(req.Query("year"));
    return year ? fmt::format("{} 年度的决定数量和收费金额已保存。", *year) : "";
  }
  if (done == "import") {
    auto rows = ParseCount(req.Query("rows"));
    return rows ? fmt::format("CSV 文件已导入，共 {} 行。", *rows) : "";
  }
  return "";
}

// The page, with `errors` above the forms and the refused form's values kept in `values`.
Response RenderRecords(RequestContext& ctx, const Request& req, int64_t agency_id,
                       const Form& values, const std::vector<std::string>& errors, int status) {
  auto agency = GetAgency(ctx.app.db(), agency_id);
  if (!agency.ok()) return StatusPage(agency.status(), "", "records page");
  auto docs = ListDocuments(ctx.app.db(), agency_id);
  auto published = PublishedYears(ctx.app.db(), agency_id);
  if (!docs.ok()) return InternalFailure(docs.status(), "records page");
  if (!published.ok()) return InternalFailure(published.status(), "records page");
  const int this_year = static_cast<int>(ctx.app.Today().year());
  View years = List();
  View year_options = List();
  const int chosen = ParseCount(values.Get("year")).value_or(this_year - 1);
  for (int y = this_year; y >= kFirstRecordYear; --y) {
    auto counts = GetYearCounts(ctx.app.db(), agency_id, y);
    if (!counts.ok()) {
      return InternalFailure(counts.status(), "records page");
    }
    View o;
    o.set("year", Text(std::to_string(y)));
    o.set("licensing", Text(std::to_string(counts->licensing)));
    o.set("punishment", Text(std::to_string(counts->punishment)));
    o.set("enforcement", Text(std::to_string(counts->enforcement)));
    o.set("fees", Text(Yuan(counts->fees_collected_fen)));
    o.set("locked", Flag(published->contains(y)));
    years.push_back(o);
    View option;
    option.set("year", Text(std::to_string(y)));
    option.set("selected", Flag(y == chosen));
    year_options.push_back(option);
  }
  View v;
  v.set("agency", Text(agency->name));
  v.set("agency_id", Text(std::to_string(agency_id)));
  v.set("base", Text(fmt::format("/office/a/{}/records", agency_id)));
  v.set("rules", DocumentRows(*docs, PublicationKind::kRegulation));
  v.set("normative", DocumentRows(*docs, PublicationKind::kNormativeDocument));
  v.set("years", years);
  v.set("year_options", year_options);
  v.set("can_edit", Flag(Allows(ctx.session->user.role, Action::kEditRecords)));
  const std::string done = DoneMessage(req);
  v.set("done", Text(done));
  v.set("has_done", Flag(!done.empty() && errors.empty()));
  v.set("errors", Lines(errors));
  v.set("has_errors", Flag(!errors.empty()));
  for (auto fields : {std::span<const std::string_view>(kDocumentFields),
                      std::span<const std::string_view>(kCountFields)}) {
    for (std::string_view name : fields) v.set(std::string(name), Text(values.Get(name)));
  }
  v.set("kind_rules", Flag(values.Get("kind") == "rules"));
  return ctx.app.Page(ctx, "records", fmt::format("{} 登记数据", agency->name), v, status);
}

// The agency of the URL once the caller may act on it; else the response to send.
std::variant<int64_t, Response> RecordsAgency(RequestContext& ctx, const Request& req) {
  auto agency = ParseId(req.Param("agency"));
  if (!agency) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency)) return *denied;
  return *agency;
}

// Redirects to the page after a change, or shows the page again with the store's refusal:
// 422 for a bad field or file, 409 for a number already registered or a published year.
Response AfterChange(RequestContext& ctx, const Request& req, int64_t agency_id, const Status& s,
                     const std::string& done_query) {
  if (s.ok()) return Redirect(fmt::format("/office/a/{}/records?{}", agency_id, done_query));
  if (!ShowsOnPage(s)) return StatusPage(s, "", "records change");
  const int status = HttpStatusFor(s);
  std::vector<std::string> errors;
  std::string_view message = s.message();
  while (!message.empty()) {
    auto nl = message.find('\n');
    errors.emplace_back(message.substr(0, nl));
    message = nl == std::string_view::npos ? "" : message.substr(nl + 1);
  }
  return RenderRecords(ctx, req, agency_id, ctx.form, errors, status);
}

}  // namespace

Response RecordsPage(RequestContext& ctx, const Request& req) {
  auto agency = RecordsAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&agency)) return std::move(*r);
  return RenderRecords(ctx, req, std::get<int64_t>(agency), Form(), {}, 200);
}

Response RecordsAddDocument(RequestContext& ctx, const Request& req) {
  auto agency = RecordsAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&agency)) return std::move(*r);
  const int64_t agency_id = std::get<int64_t>(agency);
  const Form& f = ctx.form;
  StoredDocument doc;
  std::vector<std::string> problems;
  auto kind = DocumentKindFromKey(f.Get("kind"));
  if (!kind) problems.push_back("文件类别：请选择“规章”或“行政规范性文件”");
  doc.kind = kind.value_or(PublicationKind::kNormativeDocument);
  doc.number = std::string(Trim(f.Get("number")));
  doc.title = std::string(Trim(f.Get("title")));
  auto issued = ParseDate(Trim(f.Get("issued")));
  if (!issued.ok()) problems.push_back("制发日期：" + issued.status().message());
  if (issued.ok()) doc.issued = *issued;
  if (!Trim(f.Get("abolished")).empty()) {
    auto abolished = ParseDate(Trim(f.Get("abolished")));
    if (!abolished.ok()) problems.push_back("废止日期：" + abolished.status().message());
    if (abolished.ok()) doc.abolished = *abolished;
  }
  if (!problems.empty()) return RenderRecords(ctx, req, agency_id, f, problems, 422);
  return AfterChange(ctx, req, agency_id,
                     AddDocument(ctx.app.db(), agency_id, doc, ctx.session->user.name),
                     "done=document");
}

Response RecordsSetCounts(RequestContext& ctx, const Request& req) {
  auto agency = RecordsAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&agency)) return std::move(*r);
  const int64_t agency_id = std::get<int64_t>(agency);
  const Form& f = ctx.form;
  std::vector<std::string> problems;
  const int this_year = static_cast<int>(ctx.app.Today().year());
  auto year = ParseCount(f.Get("year"));
  if (!year || *year < kFirstRecordYear || *year > this_year) {
    problems.push_back(fmt::format("年度：应为 {} 至 {} 之间的年份", kFirstRecordYear, this_year));
  }
  YearDecisionCounts counts;
  const std::pair<std::string_view, int*> kCounts[] = {
      {"licensing", &counts.licensing},
      {"punishment", &counts.punishment},
      {"enforcement", &counts.enforcement},
  };
  const std::map<std::string_view, std::string_view> kLabels = {
      {"licensing", "行政许可决定数量"},
      {"punishment", "行政处罚决定数量"},
      {"enforcement", "行政强制决定数量"},
  };
  for (const auto& [field, target] : kCounts) {
    auto n = ParseCount(f.Get(field));
    if (!n) {
      problems.push_back(fmt::format("{}：“{}”不是非负整数", kLabels.at(field), f.Get(field)));
    } else {
      *target = *n;
    }
  }
  auto fen = ParseYuanAsFen(f.Get("fees_yuan"));
  if (!fen.ok()) {
    problems.push_back("行政事业性收费金额：" + fen.status().message());
  } else {
    counts.fees_collected_fen = *fen;
  }
  if (!problems.empty()) return RenderRecords(ctx, req, agency_id, f, problems, 422);
  return AfterChange(ctx, req, agency_id, SetYearCounts(ctx.app.db(), agency_id, *year, counts),
                     fmt::format("done=counts&year={}", *year));
}

Response RecordsImport(RequestContext& ctx, const Request& req) {
  auto agency = RecordsAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&agency)) return std::move(*r);
  const int64_t agency_id = std::get<int64_t>(agency);
  const FormPart* file = nullptr;
  for (const auto& part : ctx.files) {
    if (part.name == "file") file = &part;
  }
  if (file == nullptr || file->data.empty()) {
    return RenderRecords(ctx, req, agency_id, ctx.form, {"请选择要导入的 CSV 文件（不能为空）"},
                         422);
  }
  if (ToValidUtf8(file->data) != file->data) {
    return RenderRecords(
        ctx, req, agency_id, ctx.form,
        {"文件不是 UTF-8 编码：请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”后重新上传"}, 422);
  }
  auto imported = ImportRecordsCsv(ctx.app.db(), agency_id, file->data);
  if (!imported.ok()) return AfterChange(ctx, req, agency_id, imported.status(), "");
  return AfterChange(ctx, req, agency_id, Status::Ok(),
                     fmt::format("done=import&rows={}", *imported));
}

}  // namespace gongkai::web
