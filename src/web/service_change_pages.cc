#include "web/service_change_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <map>
#include <variant>

#include "services/change.h"
#include "services/jsonl.h"
#include "services/vocab.h"
#include "store/permissions.h"
#include "store/services.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/publication_pages.h"
#include "web/url.h"
#include "web/views.h"

namespace gongkai::web {
namespace {

// Longest 原因, 依据 or note; longest item line (a guide with many materials is a few KB).
constexpr std::size_t kMaxTextBytes = 4000;
constexpr std::size_t kMaxItemBytes = 256 * 1024;

std::string Base(int64_t agency_id) {
  return fmt::format("/office/a/{}/service-changes", agency_id);
}

// The before/after rows of `diff`, labelled as the public change log labels them.
View DiffRows(const std::vector<FieldChange>& diff) {
  std::map<std::string_view, std::string_view> labels;
  for (const ServiceField& f : ServiceFields()) labels[f.name] = f.label;
  View rows = List();
  for (const FieldChange& f : diff) {
    View d;
    auto label = labels.find(f.field);
    d.set("field", Text(label != labels.end() ? label->second : std::string_view(f.field)));
    d.set("before", Text(f.before == "null" ? "（无）" : f.before));
    d.set("after", Text(f.after == "null" ? "（无）" : f.after));
    rows.push_back(d);
  }
  return rows;
}

// The form's fields as typed (or as prefilled).
struct DraftForm {
  std::string kind = "modify", code, reason, basis, effective, item, counterpart, successor;
};

DraftForm FormFrom(const Form& f) {
  DraftForm d;
  d.kind = std::string(f.Get("kind"));
  d.code = std::string(Trim(f.Get("code")));
  d.reason = std::string(Trim(f.Get("reason")));
  d.basis = std::string(Trim(f.Get("basis")));
  d.effective = std::string(Trim(f.Get("effective")));
  d.item = std::string(Trim(f.Get("item")));
  d.counterpart = std::string(Trim(f.Get("counterpart")));
  d.successor = std::string(Trim(f.Get("successor")));
  return d;
}

// The request the form describes; every problem, one line each, in `problems`.
ChangeRequest RequestFrom(const DraftForm& d, std::vector<std::string>* problems) {
  ChangeRequest r;
  auto kind = ChangeKindFromText(d.kind);
  if (!kind) {
    problems->push_back("调整类型：请选择新增、变更、暂停、恢复、取消、下放、承接或认领");
  } else {
    r.kind = *kind;
  }
  r.code = d.code;
  if (r.code.empty()) problems->push_back("事项编码：必填");
  r.reason = d.reason;
  r.basis = d.basis;
  if (r.reason.empty()) problems->push_back("调整原因：必填");
  if (r.basis.empty()) problems->push_back("调整依据：必填（法律法规的修改或上级文件）");
  for (const std::string* text : {&d.reason, &d.basis, &d.counterpart, &d.successor}) {
    if (text->size() > kMaxTextBytes) problems->push_back("文字过长：每栏不超过 4000 字节");
  }
  auto effective = ParseDate(d.effective);
  if (effective.ok()) {
    r.effective = *effective;
  } else {
    problems->push_back("生效日期：" + effective.status().message());
  }
  r.counterpart = d.counterpart;
  r.successor = d.successor;
  if (kind && ChangeNeedsItem(*kind)) {
    if (d.item.empty()) {
      problems->push_back(
          fmt::format("调整后的事项：{}须填写调整后的事项内容（目录格式 JSON）", Label(*kind)));
    } else if (d.item.size() > kMaxItemBytes) {
      problems->push_back("调整后的事项：内容过长（上限 256 KB）");
    } else {
      auto item = ParseServiceItemJson(d.item);
      if (item.ok()) {
        r.item = std::move(*item);
      } else {
        problems->push_back("调整后的事项：" + item.status().message());
      }
    }
  }
  return r;
}

View ChangeRow(const StoredServiceChange& c, int64_t agency_id) {
  View o;
  o.set("id", Text(std::to_string(c.id)));
  o.set("href", Text(fmt::format("{}/{}", Base(agency_id), c.id)));
  o.set("kind", Text(Label(c.request.kind)));
  o.set("code", Text(c.request.code));
  const ServiceItem* shown = c.after ? &*c.after : c.before ? &*c.before : nullptr;
  o.set("name", Text(shown ? shown->name : c.request.code));
  o.set("state", Text(Label(c.state)));
  o.set("effective", Text(ShowDate(c.request.effective)));
  o.set("drafted_by", Text(c.drafted_by));
  return o;
}

// The list page with the drafting form holding `d`; `errors` and `preview` (a diff) when set.
Response RenderList(RequestContext& ctx, const Agency& agency, const DraftForm& d,
                    const std::vector<std::string>& errors,
                    const std::optional<std::vector<FieldChange>>& preview, int status) {
  auto changes = ListServiceChanges(ctx.app.db(), agency.id, {});
  if (!changes.ok()) return StatusPage(changes.status(), "事项调整", "service changes: list");
  View pending = List(), closed = List();
  for (auto it = changes->rbegin(); it != changes->rend(); ++it) {
    bool open = it->state == ChangeState::kDraft || it->state == ChangeState::kApproved;
    (open ? pending : closed).push_back(ChangeRow(*it, agency.id));
  }
  const Role role = ctx.session->user.role;
  View v;
  v.set("agency", Text(agency.name));
  v.set("public_href", Text(fmt::format("/services/{}/changes", agency.id)));
  v.set("action", Text(Base(agency.id)));
  v.set("csrf", Text(ctx.csrf));
  v.set("pending", pending);
  v.set("closed", closed);
  v.set("has_pending", Flag(!pending.is_empty_list()));
  v.set("has_closed", Flag(!closed.is_empty_list()));
  v.set("can_draft", Flag(Allows(role, Action::kDraftServiceChange)));
  v.set("kinds", VocabOptions(ChangeKinds(), d.kind));
  v.set("code", Text(d.code));
  v.set("load_href", Text(fmt::format("{}?kind=modify&code={}#draft", Base(agency.id),
                                      EncodeQueryValue(d.code))));
  v.set("reason", Text(d.reason));
  v.set("basis", Text(d.basis));
  v.set("effective", Text(d.effective));
  v.set("item", Text(d.item));
  v.set("counterpart", Text(d.counterpart));
  v.set("successor", Text(d.successor));
  v.set("has_errors", Flag(!errors.empty()));
  v.set("errors", Lines(errors));
  if (preview) {
    v.set("has_preview", Flag(true));
    v.set("preview", DiffRows(*preview));
    v.set("preview_empty", Flag(preview->empty()));
  }
  return ctx.app.Page(ctx, "service_changes_office", "政务服务事项调整", v, status);
}

std::variant<StoredServiceChange, Response> FindChange(RequestContext& ctx, const Request& req,
                                                       const Agency& agency) {
  auto id = ParseId(req.Param("id"));
  if (!id) return NotFound();
  auto change = GetServiceChange(ctx.app.db(), agency.id, *id);
  if (!change.ok()) return StatusPage(change.status(), "事项调整", "service changes: read");
  return std::move(change).value();
}

Response RenderChange(RequestContext& ctx, const Agency& agency, const StoredServiceChange& c,
                      const std::vector<std::string>& errors, const std::string& note, int status) {
  const Role role = ctx.session->user.role;
  const bool draft = c.state == ChangeState::kDraft;
  View v = ChangeRow(c, agency.id);
  v.set("agency", Text(agency.name));
  v.set("list_href", Text(Base(agency.id)));
  v.set("csrf", Text(ctx.csrf));
  v.set("reason", Text(c.request.reason));
  v.set("basis", Text(c.request.basis));
  v.set("counterpart", Text(c.request.counterpart));
  v.set("successor", Text(c.request.successor));
  v.set("diff", DiffRows(c.diff));
  v.set("has_diff", Flag(!c.diff.empty()));
  View steps = List();
  auto step = [&](std::string_view what, const std::string& by, const std::string& at) {
    if (by.empty()) return;
    View s;
    s.set("what", Text(what));
    s.set("by", Text(by));
    s.set("at", Text(at));
    steps.push_back(s);
  };
  step("起草", c.drafted_by, c.drafted_at);
  step("批准", c.approved_by, c.approved_at);
  step("发布", c.published_by, c.published_at);
  step(c.state == ChangeState::kRejected ? "驳回" : "撤回", c.closed_by, c.closed_at);
  v.set("steps", steps);
  if (!c.close_note.empty()) {
    v.set("close_label", Text(c.state == ChangeState::kRejected ? "驳回理由" : "撤回说明"));
    v.set("close_note", Text(c.close_note));
  }
  if (c.publication_id != 0) {
    v.set("index_no", Text(c.index_no));
    v.set("register_href",
          Text(fmt::format("/office/a/{}/publications/{}", agency.id, c.publication_id)));
  }
  const std::string base = fmt::format("{}/{}", Base(agency.id), c.id);
  v.set("approve_href", Text(base + "/approve"));
  v.set("reject_href", Text(base + "/reject"));
  v.set("withdraw_href", Text(base + "/withdraw"));
  v.set("publish_href", Text(base + "/publish"));
  v.set("can_approve", Flag(draft && Allows(role, Action::kApproveServiceChange)));
  v.set("can_withdraw", Flag(draft && Allows(role, Action::kDraftServiceChange)));
  v.set("can_publish",
        Flag(c.state == ChangeState::kApproved && Allows(role, Action::kPublishServiceChange)));
  v.set("note", Text(note));
  v.set("has_errors", Flag(!errors.empty()));
  v.set("errors", Lines(errors));
  return ctx.app.Page(ctx, "service_change_office", fmt::format("事项调整 #{}", c.id), v, status);
}

// Runs the workflow step `run` on the change of the URL; back to its page when it succeeds,
// else the page again with the reason (and the note as typed).
template <typename Run>
Response Step(RequestContext& ctx, const Request& req, bool needs_note, Run run) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto change = FindChange(ctx, req, agency);
  if (auto* r = std::get_if<Response>(&change)) return std::move(*r);
  const StoredServiceChange& c = std::get<StoredServiceChange>(change);
  std::string note(Trim(ctx.form.Get("note")));
  if (needs_note && note.empty()) {
    return RenderChange(ctx, agency, c, {"请填写理由：经办人将看到它"}, note, 422);
  }
  if (note.size() > kMaxTextBytes) {
    return RenderChange(ctx, agency, c, {"理由过长：不超过 4000 字节"}, note, 422);
  }
  Status s = run(agency.id, c.id, note, ctx.session->user);
  if (s.ok()) return Redirect(fmt::format("{}/{}", Base(agency.id), c.id));
  if (!ShowsOnPage(s)) return StatusPage(s, "事项调整", "service changes: step");
  auto now = GetServiceChange(ctx.app.db(), agency.id, c.id);
  return RenderChange(ctx, agency, now.ok() ? *now : c, {s.message()}, note, HttpStatusFor(s));
}

}  // namespace

Response ServiceChangesOffice(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  DraftForm d;
  if (!req.Query("kind").empty()) d.kind = std::string(req.Query("kind"));
  d.code = std::string(Trim(req.Query("code")));
  d.effective = FormatDate(ctx.app.Today());
  // 载入当前内容: the item as it stands, to edit into the 变更.
  auto kind = ChangeKindFromText(d.kind);
  if (!d.code.empty() && kind && ChangeNeedsItem(*kind)) {
    auto current = GetServiceItem(ctx.app.db(), agency.id, d.code);
    if (current.ok()) {
      d.item = ServiceItemToJsonLine(*current);
    } else if (current.status().code() != Status::Code::kNotFound) {
      return StatusPage(current.status(), "事项调整", "service changes: current item");
    }
  }
  return RenderList(ctx, agency, d, {}, std::nullopt, 200);
}

Response ServiceChangeDraftSubmit(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  const DraftForm d = FormFrom(ctx.form);
  std::vector<std::string> problems;
  ChangeRequest request = RequestFrom(d, &problems);
  if (problems.empty()) {
    if (Status s = CheckChangeRequest(request); !s.ok()) problems.push_back(s.message());
  }
  if (!problems.empty()) return RenderList(ctx, agency, d, problems, std::nullopt, 422);
  if (ctx.form.Get("action") == "preview") {
    std::optional<ServiceItem> current;
    auto loaded = GetServiceItem(ctx.app.db(), agency.id, request.code);
    if (loaded.ok()) {
      current = std::move(*loaded);
    } else if (loaded.status().code() != Status::Code::kNotFound) {
      return StatusPage(loaded.status(), "事项调整", "service changes: preview");
    }
    auto next = ApplyChange(current, request);
    if (!next.ok()) {
      return RenderList(ctx, agency, d, {next.status().message()}, std::nullopt,
                        HttpStatusFor(next.status()));
    }
    return RenderList(ctx, agency, d, {}, DiffItems(current, *next), 200);
  }
  auto id = DraftServiceChange(ctx.app.db(), agency.id, request, ctx.session->user);
  if (!id.ok()) {
    if (!ShowsOnPage(id.status())) return StatusPage(id.status(), "事项调整", "service changes");
    return RenderList(ctx, agency, d, {id.status().message()}, std::nullopt,
                      HttpStatusFor(id.status()));
  }
  spdlog::info("service change {} of agency {} drafted", *id, agency.id);
  return Redirect(fmt::format("{}/{}", Base(agency.id), *id));
}

Response ServiceChangeOffice(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto change = FindChange(ctx, req, agency);
  if (auto* r = std::get_if<Response>(&change)) return std::move(*r);
  return RenderChange(ctx, agency, std::get<StoredServiceChange>(change), {}, "", 200);
}

Response ServiceChangeApprove(RequestContext& ctx, const Request& req) {
  return Step(ctx, req, false,
              [&](int64_t agency, int64_t id, const std::string&, const User& user) {
                return ApproveServiceChange(ctx.app.db(), agency, id, user);
              });
}

Response ServiceChangeReject(RequestContext& ctx, const Request& req) {
  return Step(ctx, req, true,
              [&](int64_t agency, int64_t id, const std::string& note, const User& user) {
                return RejectServiceChange(ctx.app.db(), agency, id, note, user);
              });
}

Response ServiceChangeWithdraw(RequestContext& ctx, const Request& req) {
  return Step(ctx, req, true,
              [&](int64_t agency, int64_t id, const std::string& note, const User& user) {
                return WithdrawServiceChange(ctx.app.db(), agency, id, note, user);
              });
}

Response ServiceChangePublish(RequestContext& ctx, const Request& req) {
  return Step(ctx, req, false,
              [&](int64_t agency, int64_t id, const std::string&, const User& user) {
                auto published = PublishServiceChange(ctx.app.db(), agency, id, user);
                return published.ok() ? Status::Ok() : published.status();
              });
}

}  // namespace gongkai::web
