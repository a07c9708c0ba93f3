// Notice lists and downloads for the applicant (number + query code in the POST body) and for
// staff (session, agency checked). See web/notice_pages.h for what each route promises.

#include "web/notice_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <variant>

#include "docs/notice.h"
#include "files/calendar_files.h"
#include "util/date.h"
#include "web/case_notices.h"
#include "web/errors.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// The formats a notice is offered in; HTML stays internal.
constexpr std::pair<std::string_view, std::string_view> kNoticeFormats[] = {{"pdf", "PDF"},
                                                                            {"docx", "Word"}};

struct LoadedCase {
  Agency agency;
  CaseDetail detail;
};

// The case of the applicant's POST (fields agency, number, code), or the response refusing it:
// 404 with one message for a wrong number or code, so neither can be guessed separately.
std::variant<LoadedCase, Response> CaseForApplicant(RequestContext& ctx) {
  auto agency_id = ParseId(ctx.form.Get("agency"));
  if (!agency_id) return BadRequest("缺少受理机关");
  auto agency = GetAgency(ctx.app.db(), *agency_id);
  if (!agency.ok()) return ErrorPage(404, "查询失败", "受理机关不存在，请返回查询页重新选择。");
  auto tracked = ctx.app.cases().Track(*agency_id, ctx.form.Get("number"), ctx.form.Get("code"));
  if (!tracked.ok()) {
    if (tracked.status().code() == Status::Code::kNotFound) {
      return ErrorPage(404, "查询失败", tracked.status().message());
    }
    return StatusPage(tracked.status(), "查询失败", "tracking a case for its notices");
  }
  auto detail = ctx.app.cases().Get(*agency_id, tracked->summary.number);
  if (!detail.ok()) return StatusPage(detail.status(), "查询失败", "loading a tracked case");
  return LoadedCase{std::move(agency).value(), std::move(detail).value()};
}

// The case of an office URL /office/a/{agency}/cases/{number}/…, for staff of that agency.
std::variant<LoadedCase, Response> CaseForStaff(RequestContext& ctx, const Request& req) {
  auto agency_id = ParseId(req.Param("agency"));
  if (!agency_id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return *denied;
  auto agency = GetAgency(ctx.app.db(), *agency_id);
  if (!agency.ok()) return NotFound();
  auto detail = ctx.app.cases().Get(*agency_id, req.Param("number"));
  if (!detail.ok()) return StatusPage(detail.status(), "", "loading a case for its notices");
  return LoadedCase{std::move(agency).value(), std::move(detail).value()};
}

// The laid-out notice `n` of the case. kInvalidInput naming the fields the register lacks for
// it (NoticeDocument's message); kInternal (logged) when a template cannot be read or used.
Result<Document> LayOut(RequestContext& ctx, const LoadedCase& c, const IssuedNotice& n) {
  const auto dir = ctx.app.options().data_dir / "templates" / "notices";
  auto body = ReadFile(dir / std::string(Info(n.kind).template_file));
  auto remedies = ReadFile(dir / "remedies.mustache");
  if (!body.ok() || !remedies.ok()) {
    spdlog::error("reading the notice templates under {}", dir.string());
    return Status::Internal("notice templates");
  }
  auto settings = AgencyCaseSettings(c.agency);
  if (!settings.ok()) return settings.status();
  auto doc = NoticeDocument(
      n.kind, NoticeFieldsFor(c.detail, c.agency.name, n, settings->deadlines), {*body, *remedies});
  if (!doc.ok() && doc.status().code() != Status::Code::kInvalidInput) {
    spdlog::error("laying out notice {}: {}", Info(n.kind).key, doc.status().message());
    return Status::Internal("notice layout");
  }
  return doc;
}

// The notice of event `seq_text` in `format_key` (pdf or docx) as an attachment. 404 when the
// event called for no notice or the format is not offered; 422 naming the fields the register
// lacks for it (for a reply: its legal basis, reasons or access, entered with the answer).
Response NoticeFile(RequestContext& ctx, const LoadedCase& c, std::string_view seq_text,
                    std::string_view format_key) {
  auto seq = ParseId(seq_text);
  if (!seq) return NotFound();
  bool offered = false;
  for (const auto& offer : kNoticeFormats) offered = offered || offer.first == format_key;
  auto format = ExportFormatFromKey(format_key);
  if (!offered || !format) return NotFound();
  auto notice = FindIssued(c.detail, static_cast<int>(*seq));
  if (!notice) return NotFound();
  auto doc = LayOut(ctx, c, *notice);
  if (!doc.ok()) {
    if (!ShowsOnPage(doc.status())) return StatusPage(doc.status(), "", "laying out a notice");
    return ErrorPage(HttpStatusFor(doc.status()), "暂时无法生成该告知书",
                     fmt::format("{}。请联系受理机关获取纸质文书。", doc.status().message()));
  }
  auto bytes = WriteNotice(*doc, *format);
  if (!bytes.ok()) {
    return InternalFailure(bytes.status(),
                           fmt::format("writing notice {}", Info(notice->kind).key));
  }
  Response resp;
  resp.content_type = std::string(ExportFormatMime(*format));
  resp.body = std::move(bytes).value();
  resp.AddHeader("Content-Disposition",
                 fmt::format("attachment; filename=\"notice-{}-{}{}\"", *seq,
                             Info(notice->kind).key, ExportFormatExtension(*format)));
  resp.AddHeader("Cache-Control", "no-store");
  return resp;
}

// The list page; `office_base` is the staff URL prefix, empty for the applicant's page, whose
// download buttons re-post the number and code.
Response NoticeList(RequestContext& ctx, const LoadedCase& c, const std::string& office_base) {
  View v;
  v.set("number", Text(c.detail.summary.number));
  v.set("case_url", Text(CaseUrl(c.agency.id, c.detail.summary.number)));
  v.set("agency", Text(c.agency.name));
  v.set("agency_id", Text(std::to_string(c.agency.id)));
  v.set("office", Flag(!office_base.empty()));
  v.set("csrf", Text(ctx.csrf));
  if (office_base.empty()) v.set("code", Text(std::string(ctx.form.Get("code"))));
  View notices = List();
  for (const IssuedNotice& n : IssuedNotices(c.detail)) {
    View o;
    o.set("label", Text(Info(n.kind).label));
    o.set("issued", Text(FormatDateZh(n.issued)));
    // A notice the register cannot complete says why instead of offering a download that fails.
    auto doc = LayOut(ctx, c, n);
    if (!doc.ok()) {
      if (!ShowsOnPage(doc.status())) return StatusPage(doc.status(), "", "laying out a notice");
      o.set("missing", Text(office_base.empty() ? "暂不能在线下载，请联系受理机关获取纸质文书。"
                                                : "暂不能生成：" + doc.status().message()));
      notices.push_back(o);
      continue;
    }
    View formats = List();
    for (auto [key, label] : kNoticeFormats) {
      View f;
      f.set("seq", Text(std::to_string(n.seq)));
      f.set("format", Text(key));
      f.set("label", Text(label));
      f.set("href", Text(fmt::format("{}/{}/{}", office_base, n.seq, key)));
      formats.push_back(f);
    }
    o.set("formats", formats);
    notices.push_back(o);
  }
  v.set("notices", notices);
  Response page =
      ctx.app.Page(ctx, "notices", fmt::format("案件 {} 的告知书", c.detail.summary.number), v);
  page.AddHeader("Cache-Control", "no-store");
  return page;
}

}  // namespace

Response TrackNoticesSubmit(RequestContext& ctx, const Request&) {
  auto c = CaseForApplicant(ctx);
  if (auto* refused = std::get_if<Response>(&c)) return std::move(*refused);
  return NoticeList(ctx, std::get<LoadedCase>(c), "");
}

Response TrackNoticeDownload(RequestContext& ctx, const Request&) {
  auto c = CaseForApplicant(ctx);
  if (auto* refused = std::get_if<Response>(&c)) return std::move(*refused);
  return NoticeFile(ctx, std::get<LoadedCase>(c), ctx.form.Get("seq"), ctx.form.Get("format"));
}

Response OfficeCaseNotices(RequestContext& ctx, const Request& req) {
  auto c = CaseForStaff(ctx, req);
  if (auto* refused = std::get_if<Response>(&c)) return std::move(*refused);
  const auto& loaded = std::get<LoadedCase>(c);
  return NoticeList(ctx, loaded,
                    CaseUrl(loaded.agency.id, loaded.detail.summary.number) + "/notices");
}

Response OfficeCaseNoticeDownload(RequestContext& ctx, const Request& req) {
  auto c = CaseForStaff(ctx, req);
  if (auto* refused = std::get_if<Response>(&c)) return std::move(*refused);
  return NoticeFile(ctx, std::get<LoadedCase>(c), req.Param("seq"), req.Param("format"));
}

}  // namespace gongkai::web
