#include "web/report_workflow.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <map>

#include "cases/narrative.h"
#include "store/report_store.h"
#include "web/errors.h"
#include "web/report_publication.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// Longest narrative a section may hold; a whole report is rarely over 20 000 characters.
constexpr size_t kMaxNarrativeBytes = 64 * 1024;
// Longest reason for reopening a published report.
constexpr size_t kMaxReasonBytes = 2000;

Response WorkflowRefusal(const Status& s) {
  return StatusPage(s,
                    s.code() == Status::Code::kConflict ? "报告当前状态不允许此操作" : "无法保存",
                    "report workflow");
}

// The section number 1..6 of the narrative form.
std::optional<int> ParseSection(std::string_view field) {
  if (field.size() != 1 || field[0] < '1' || field[0] > '6') return std::nullopt;
  return field[0] - '0';
}

// Runs `step` on the report of the URL once the URL and the caller's agency are checked, and
// redirects back to the report page when it succeeds. `step` validates its own fields, returning
// kInvalidInput (shown as 422) before it asks the store.
template <typename Step>
Response WorkflowStep(RequestContext& ctx, const Request& req, Step step) {
  auto key = ParseReportUrl(ctx, req, false);
  if (!key) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, key->agency)) return *denied;
  Status s = step(key->agency, key->year, ctx.session->user);
  if (!s.ok()) return WorkflowRefusal(s);
  return Redirect(fmt::format("/office/a/{}/reports/{}", key->agency, key->year));
}

}  // namespace

Response ReportSaveDraft(RequestContext& ctx, const Request& req) {
  return WorkflowStep(ctx, req, [&](int64_t agency, int year, const User& user) {
    auto saved = SaveDraft(ctx.app.db(), ctx.app.calendars(), agency, year, user);
    return saved.ok() ? Status::Ok() : saved.status();
  });
}

// The editor is one form of six textareas (text_1 … text_6), so saving never drops what was
// typed in another section. A section whose text is unchanged is not written: it keeps its
// 「系统生成」 mark. Browsers send textarea line breaks as CRLF; they are compared and stored as
// LF. A form naming one `section` with its `text` (scripts, the older page) saves that one.
Response ReportNarrativeSubmit(RequestContext& ctx, const Request& req) {
  return WorkflowStep(ctx, req, [&](int64_t agency, int year, const User& user) {
    auto text_of = [&](std::string_view field) {
      std::string text;
      for (char c : ctx.form.Get(field)) {
        if (c != '\r') text += c;
      }
      return text;
    };
    std::map<int, std::string> typed;
    if (ctx.form.Has("section")) {
      auto section = ParseSection(ctx.form.Get("section"));
      if (!section) return Status::InvalidInput("章节编号无效：应为 1 至 6（一 至 六）");
      typed[*section] = text_of("text");
    } else {
      for (int n = 1; n <= 6; ++n) {
        std::string field = fmt::format("text_{}", n);
        if (ctx.form.Has(field)) typed[n] = text_of(field);
      }
    }
    if (typed.empty())
      return Status::InvalidInput("没有收到任何章节的文字，请在报告页面编辑后保存");
    for (const auto& [n, text] : typed) {
      if (text.size() > kMaxNarrativeBytes) {
        return Status::InvalidInput(
            fmt::format("「{}」文字过长：请精简后再保存（上限 64 KB）", SectionTitle(n)));
      }
    }
    auto versions = ListReportVersions(ctx.app.db(), agency, year);
    if (!versions.ok()) return versions.status();
    // Only an open draft is compared; otherwise SetNarrative says why nothing can be saved.
    const ReportVersion* draft = versions->empty() || versions->front().state != ReportState::kDraft
                                     ? nullptr
                                     : &versions->front();
    for (const auto& [n, text] : typed) {
      if (draft) {
        auto stored = draft->narratives.find(n);
        if ((stored == draft->narratives.end() ? std::string() : stored->second) == text) continue;
      }
      if (Status s = SetNarrative(ctx.app.db(), agency, year, n, text, user); !s.ok()) return s;
    }
    return Status::Ok();
  });
}

// The head approves the snapshot the page showed him, named by the fingerprint its form
// carries. When the store refuses because the draft or the register moved since, the page says
// what changed and offers to rebuild the draft.
Response ReportApprove(RequestContext& ctx, const Request& req) {
  auto key = ParseReportUrl(ctx, req, false);
  if (!key) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, key->agency)) return *denied;
  const std::string base = fmt::format("/office/a/{}/reports/{}", key->agency, key->year);
  Status s = ApproveReport(ctx.app.db(), ctx.app.calendars(), key->agency, key->year,
                           ctx.session->user, std::string(ctx.form.Get("fingerprint")));
  if (s.ok()) return Redirect(base);
  if (s.code() != Status::Code::kConflict) return WorkflowRefusal(s);
  View v;
  v.set("base", Text(base));
  std::vector<std::string> lines;
  std::string_view message = s.message();
  for (size_t start = 0; start <= message.size();) {
    size_t end = message.find('\n', start);
    if (end == std::string_view::npos) end = message.size();
    if (end > start) lines.emplace_back(message.substr(start, end - start));
    start = end + 1;
  }
  v.set("lines", Lines(lines));
  v.set("can_rebuild", Flag(ctx.session->user.role != Role::kSupervisor));
  return ctx.app.Page(ctx, "report_refused", "未能批准年度报告", v, 409);
}

Response ReportPublish(RequestContext& ctx, const Request& req) {
  return WorkflowStep(ctx, req, [&](int64_t agency_id, int year, const User& user) {
    auto agency = GetAgency(ctx.app.db(), agency_id);
    if (!agency.ok()) return agency.status();
    PublishOptions options;
    options.confirm_empty = ctx.form.Get("confirm_empty") == "1";
    options.render = PublishingRenderer(ctx.app.db(), ctx.app.calendars(), ctx.app.templates(),
                                        *agency, ctx.app.options().checkpoints);
    return PublishReport(ctx.app.db(), agency_id, year, user, options);
  });
}

Response ReportReopen(RequestContext& ctx, const Request& req) {
  return WorkflowStep(ctx, req, [&](int64_t agency, int year, const User& user) {
    std::string reason(ctx.form.Get("reason"));
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Status::InvalidInput("请填写重新打开已发布报告的原因");
    }
    if (reason.size() > kMaxReasonBytes) {
      return Status::InvalidInput("原因过长：请精简到 2000 字节以内");
    }
    return ReopenReport(ctx.app.db(), agency, year, user, reason);
  });
}

}  // namespace gongkai::web
