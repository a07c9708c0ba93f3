#include "web/guide_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <variant>

#include "store/guides.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// Elements written as paragraphs get a text area; the rest are one line.
bool IsParagraph(std::string_view key) {
  return key == "classification" || key == "arrangement" || key == "access_methods" ||
         key == "notes";
}

// The non-blank lines of `text`, each a paragraph of the public page.
std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    if (!line.empty()) out.emplace_back(line);
    text = nl == std::string_view::npos ? "" : text.substr(nl + 1);
  }
  return out;
}

DisclosureGuide GuideFromForm(const Form& form) {
  DisclosureGuide g;
  for (const auto& e : GuideElements()) g.*e.field = std::string(form.Get(e.key));
  return g;
}

// {key, label, value, required, paragraph, missing} per element of `guide`.
View ElementFields(const DisclosureGuide& guide) {
  auto missing = MissingElements(guide);
  View list = List();
  for (const auto& e : GuideElements()) {
    View o;
    o.set("key", Text(e.key));
    o.set("label", Text(e.label));
    o.set("value", Text(guide.*e.field));
    o.set("required", Flag(e.required));
    o.set("paragraph", Flag(IsParagraph(e.key)));
    bool is_missing = false;
    for (const auto* m : missing) is_missing = is_missing || m == &e;
    o.set("missing", Flag(is_missing));
    list.push_back(o);
  }
  return list;
}

View MissingLabels(const DisclosureGuide& guide) {
  View list = List();
  for (const auto* e : MissingElements(guide)) {
    View o;
    o.set("line", Text(e->label));
    list.push_back(o);
  }
  return list;
}

std::string ShowUtc(const std::string& utc) {
  // "2024-10-14T02:00:00Z" → "2024-10-14 02:00 UTC": the stored instant, unambiguous.
  if (utc.size() < 16) return utc;
  return utc.substr(0, 10) + " " + utc.substr(11, 5) + " UTC";
}

std::variant<Agency, Response> OfficeAgency(RequestContext& ctx, const Request& req) {
  auto id = ParseId(req.Param("agency"));
  if (!id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *id)) return *denied;
  auto agency = GetAgency(ctx.app.db(), *id);
  if (!agency.ok()) {
    return StatusPage(agency.status(), "无法显示该页面", "guide");
  }
  return std::move(agency).value();
}

// The editor with `shown` in its fields, `errors` above them and `done` as a notice.
Response RenderEditor(RequestContext& ctx, const Agency& agency,
                      const std::optional<DisclosureGuide>& typed,
                      const std::vector<std::string>& errors, std::string_view done, int status) {
  auto latest = LatestGuide(ctx.app.db(), agency.id);
  auto published = PublishedGuide(ctx.app.db(), agency.id);
  auto reminders = StoredGuideReminders(ctx.app.db(), agency.id, ctx.app.Today());
  const std::string context = fmt::format("guide editor of agency {}", agency.id);
  if (!latest.ok()) return InternalFailure(latest.status(), context);
  if (!published.ok()) return InternalFailure(published.status(), context);
  if (!reminders.ok()) return InternalFailure(reminders.status(), context);
  DisclosureGuide shown;
  if (typed) {
    shown = *typed;
  } else if (*latest) {
    shown = (*latest)->guide;
  } else {
    shown.office_name = agency.name;  // a start the office corrects (often its 办公室)
  }
  View v;
  v.set("agency", Text(agency.name));
  v.set("action", Text(fmt::format("/office/a/{}/guide", agency.id)));
  v.set("public_href", Text(fmt::format("/guide/{}", agency.id)));
  v.set("fields", ElementFields(shown));
  v.set("missing", MissingLabels(shown));
  v.set("has_missing", Flag(!MissingElements(shown).empty()));
  v.set("errors", Lines(errors));
  v.set("has_errors", Flag(!errors.empty()));
  v.set("done", Text(done));
  v.set("has_done", Flag(!done.empty()));
  v.set("reminders", Lines(*reminders));
  v.set("has_reminders", Flag(!reminders->empty()));
  v.set("can_edit", Flag(ctx.session->user.role != Role::kSupervisor));
  if (*latest) {
    v.set("version", Text(std::to_string((*latest)->version)));
    v.set("saved_by", Text((*latest)->saved_by));
    v.set("saved_at", Text(ShowUtc((*latest)->saved_at)));
    v.set("latest_published", Flag((*latest)->published()));
  }
  if (*published) {
    View p;
    p.set("version", Text(std::to_string((*published)->version)));
    p.set("by", Text((*published)->published_by));
    p.set("on", Text(ShowDate((*published)->published_on)));
    v.set("published", p);
  }
  return ctx.app.Page(ctx, "guide_edit", fmt::format("{} 政府信息公开指南", agency.name), v,
                      status);
}

}  // namespace

Response GuideEditor(RequestContext& ctx, const Request& req) {
  auto agency = OfficeAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&agency)) return std::move(*r);
  std::string_view done;
  if (req.Query("done") == "saved") done = "已保存为新版本（尚未发布）。";
  if (req.Query("done") == "published") done = "指南已发布，公众现在看到的是这一版。";
  return RenderEditor(ctx, std::get<Agency>(agency), std::nullopt, {}, done, 200);
}

Response GuideSubmit(RequestContext& ctx, const Request& req) {
  auto found = OfficeAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  std::string_view action = ctx.form.Get("action");
  if (action != "save" && action != "publish") return BadRequest("请选择“保存”或“发布”。");
  DisclosureGuide guide = GuideFromForm(ctx.form);
  const std::string& user = ctx.session->user.name;
  auto saved = SaveGuide(ctx.app.db(), agency.id, guide, user);
  if (!saved.ok()) {
    if (!ShowsOnPage(saved.status())) {
      return StatusPage(saved.status(), "",
                        fmt::format("saving the guide of agency {}", agency.id));
    }
    return RenderEditor(ctx, agency, guide, {saved.status().message()}, "", 422);
  }
  if (action == "save") return Redirect(fmt::format("/office/a/{}/guide?done=saved", agency.id));
  auto published = PublishGuide(ctx.app.db(), agency.id, saved->version, user);
  if (!published.ok()) {
    if (!ShowsOnPage(published.status())) {
      return StatusPage(published.status(), "",
                        fmt::format("publishing the guide of agency {}", agency.id));
    }
    return RenderEditor(ctx, agency, guide,
                        {fmt::format("第 {} 版已保存，但未发布：{}。", saved->version,
                                     published.status().message())},
                        "", 422);
  }
  spdlog::info("guide of agency {} published: version {}", agency.id, saved->version);
  return Redirect(fmt::format("/office/a/{}/guide?done=published", agency.id));
}

Response PublicGuidePage(RequestContext& ctx, const Request& req) {
  auto id = ParseId(req.Param("agency"));
  if (!id) return NotFound();
  auto agency = GetAgency(ctx.app.db(), *id);
  if (!agency.ok()) {
    return StatusPage(agency.status(), "无法显示该页面", "public guide");
  }
  auto published = PublishedGuide(ctx.app.db(), *id);
  if (!published.ok()) {
    return InternalFailure(published.status(), fmt::format("public guide of agency {}", *id));
  }
  View v;
  v.set("agency", Text(agency->name));
  v.set("agency_id", Text(std::to_string(*id)));
  std::string title = fmt::format("{}政府信息公开指南", agency->name);
  if (!*published) {
    v.set("none", Flag(true));
    return ctx.app.Page(ctx, "guide", title, v, 404);
  }
  const GuideVersion& g = **published;
  View sections = List();
  for (const auto& e : GuideElements()) {
    const std::string& text = g.guide.*e.field;
    if (text.empty()) continue;
    View o;
    o.set("label", Text(e.label));
    o.set("paragraphs", Lines(SplitParagraphs(text)));
    o.set("contact", Flag(e.contact));
    sections.push_back(o);
  }
  v.set("sections", sections);
  v.set("published_on", Text(ShowDate(g.published_on)));
  v.set("version", Text(std::to_string(g.version)));
  return ctx.app.Page(ctx, "guide", title, v);
}

View GuideReminderLines(RequestContext& ctx, int64_t agency_id) {
  View list = List();
  auto reminders = StoredGuideReminders(ctx.app.db(), agency_id, ctx.app.Today());
  if (!reminders.ok()) {
    spdlog::error("guide reminders of agency {}: {}", agency_id, reminders.status().message());
    return list;
  }
  for (const auto& line : *reminders) {
    View o;
    o.set("line", Text(line));
    o.set("href", Text(fmt::format("/office/a/{}/guide", agency_id)));
    list.push_back(o);
  }
  return list;
}

}  // namespace gongkai::web
