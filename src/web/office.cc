// The office's case queue and the registration of applications that arrived on paper (in
// person, by post, by fax, orally). The queue puts what is urgent first: overdue cases, then
// those due within kDueSoonWorkingDays, then the rest, with the filters and counts the office
// needs for its register (Art. 45). Above them, the proposals awaiting the head's decision.
//
// Receipt dates (Art. 31, law.md §2): in person — the day of submission; signed-for post — the
// day of signing; ordinary letters — the day the office confirms with the applicant; fax and
// internet — the day both sides confirm; oral — the day it is made. The form records both the
// arrival and the legal receipt date, so a letter confirmed later keeps its history.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <set>

#include "store/duplicates.h"
#include "util/date.h"
#include "util/log_text.h"
#include "web/errors.h"
#include "web/guide_pages.h"
#include "web/handlers.h"
#include "web/proposals.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// "Due soon" in the queue: open cases due within this many working days.
constexpr int kDueSoonWorkingDays = 3;
// Rows shown per queue section.
constexpr int kQueuePageSize = 100;

View CaseRow(const CaseSummary& s) {
  View o;
  o.set("agency_id", Text(std::to_string(s.agency_id)));
  o.set("number", Text(s.number));
  o.set("case_url", Text(CaseUrl(s.agency_id, s.number)));
  o.set("applicant", Text(s.applicant_display));
  o.set("kind", Text(Label(s.applicant_kind)));
  o.set("channel", Text(Label(s.channel)));
  o.set("received", Text(FormatDate(s.received)));
  o.set("status", Text(Label(s.status)));
  o.set("due", Text(s.due ? FormatDate(*s.due) : "—"));
  o.set("days_left", Text(s.days_left && !s.closed ? std::to_string(*s.days_left) : "—"));
  o.set("overdue", Flag(s.overdue));
  o.set("soon",
        Flag(!s.overdue && !s.closed && s.days_left && *s.days_left <= kDueSoonWorkingDays));
  return o;
}

// The agencies the user may act on: their own and everything below it.
Result<std::vector<Agency>> AgenciesOf(RequestContext& ctx) {
  auto all = ListAgencies(ctx.app.db());
  if (!all.ok()) return all.status();
  auto subtree = AgencySubtree(ctx.app.db(), ctx.session->user.agency_id);
  if (!subtree.ok()) return subtree.status();
  std::set<int64_t> ids(subtree->begin(), subtree->end());
  std::vector<Agency> out;
  for (auto& a : *all) {
    if (ids.count(a.id)) out.push_back(std::move(a));
  }
  return out;
}

Response NewCasePage(RequestContext& ctx, const std::vector<Agency>& agencies, const Form& values,
                     const std::vector<std::string>& errors, int status) {
  View v;
  auto selected = ParseId(values.Get("agency"));
  v.set("agencies", AgencyOptions(agencies, selected ? selected : ctx.session->user.agency_id));
  std::vector<VocabEntry<Channel>> paper;
  for (const auto& c : Channels()) {
    if (c.value != Channel::kInternet) paper.push_back(c);
  }
  v.set("channels",
        VocabOptions(std::span<const VocabEntry<Channel>>(paper), values.Get("channel")));
  v.set("kinds", VocabOptions(ApplicantKinds(), values.Get("applicant_kind")));
  v.set("id_types", ChoiceOptions(IdDocumentTypes(), values.Get("id_type")));
  v.set("forms", ChoiceOptions(ProvisionForms(), values.Get("provision_form")));
  v.set("deliveries", ChoiceOptions(DeliveryMethods(), values.Get("delivery")));
  std::string arrived(values.Get("arrived"));
  v.set("arrived", Text(arrived.empty() ? FormatDate(ctx.app.Today()) : arrived));
  for (std::string_view name : {"received", "name", "id_number", "phone", "email", "address",
                                "description", "document_number"}) {
    v.set(std::string(name), Text(values.Get(name)));
  }
  View list = List();
  for (const auto& e : errors) list.push_back(Text(e));
  v.set("errors", list);
  v.set("has_errors", Flag(!errors.empty()));
  return ctx.app.Page(ctx, "new_case", "登记来件", v, status);
}

}  // namespace

Response OfficeQueue(RequestContext& ctx, const Request& req) {
  int64_t agency_id = ctx.session->user.agency_id;
  if (!req.Query("agency").empty()) {
    auto id = ParseId(req.Query("agency"));
    if (!id) return BadRequest("机关编号无效。");
    agency_id = *id;
  }
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, agency_id)) return *denied;
  auto agencies = AgenciesOf(ctx);
  if (!agencies.ok()) {
    spdlog::error("queue: {}", agencies.status().message());
    return InternalError();
  }
  std::string agency_name;
  for (const auto& a : *agencies) {
    if (a.id == agency_id) agency_name = a.name;
  }

  CaseFilter filter;
  filter.limit = kQueuePageSize;
  if (auto s = CaseStatusFromKey(req.Query("status"))) filter.status = *s;
  if (auto c = ChannelFromKey(req.Query("channel"))) filter.channel = *c;
  if (auto k = ApplicantKindFromKey(req.Query("kind"))) filter.applicant_kind = *k;
  if (auto y = ParseId(req.Query("year"))) filter.year = static_cast<int>(*y);

  CaseFilter overdue = filter;
  overdue.overdue = true;
  CaseFilter soon = filter;
  soon.due_within_working_days = kDueSoonWorkingDays;
  auto counts = ctx.app.cases().Count(agency_id, filter);
  auto overdue_list = ctx.app.cases().List(agency_id, overdue);
  auto soon_list = ctx.app.cases().List(agency_id, soon);
  auto all_list = ctx.app.cases().List(agency_id, filter);
  auto soon_count = ctx.app.cases().Count(agency_id, soon);
  if (!counts.ok() || !overdue_list.ok() || !soon_list.ok() || !all_list.ok() || !soon_count.ok()) {
    spdlog::error("queue of agency {}: listing cases failed", agency_id);
    return InternalError();
  }
  std::set<std::string> shown;
  auto section = [&](std::string_view heading, const std::vector<CaseSummary>& cases) {
    View rows = List();
    int n = 0;
    for (const auto& c : cases) {
      if (!shown.insert(c.number).second) continue;
      View row = CaseRow(c);
      // Open cases that look like a repeat of another are flagged (store/duplicates.h).
      if (!c.closed) {
        auto duplicates = FindLikelyDuplicates(ctx.app.db(), agency_id, c.number);
        if (duplicates.ok() && !duplicates->empty()) {
          row.set("duplicate_of", Text(duplicates->front().number));
        }
      }
      rows.push_back(row);
      ++n;
    }
    View s;
    s.set("heading", Text(heading));
    s.set("count", Text(std::to_string(n)));
    s.set("rows", rows);
    s.set("has_rows", Flag(n > 0));
    return s;
  };
  View sections = List();
  sections.push_back(section("已超期", *overdue_list));
  sections.push_back(section(fmt::format("{}个工作日内到期", kDueSoonWorkingDays), *soon_list));
  sections.push_back(section("其他案件（按收到日期从新到旧）", *all_list));

  View v;
  v.set("agency", Text(agency_name));
  v.set("agency_id", Text(std::to_string(agency_id)));
  v.set("agencies", AgencyOptions(*agencies, agency_id));
  v.set("has_agencies", Flag(agencies->size() > 1));
  v.set("total", Text(std::to_string(counts->total)));
  v.set("open", Text(std::to_string(counts->open)));
  v.set("overdue", Text(std::to_string(counts->overdue)));
  v.set("due_soon", Text(std::to_string(soon_count->total)));
  auto pending = ctx.app.proposals().Pending(agency_id);
  if (!pending.ok()) {
    spdlog::error("queue of agency {}: {}", agency_id, pending.status().message());
    return InternalError();
  }
  if (!pending->empty()) {
    v.set("proposals", Text(std::to_string(pending->size())));
    v.set("pending", PendingProposalRows(*pending));
  }
  v.set("statuses", VocabOptions(CaseStatuses(), req.Query("status")));
  v.set("channels", VocabOptions(Channels(), req.Query("channel")));
  v.set("kinds", VocabOptions(ApplicantKinds(), req.Query("kind")));
  v.set("year", Text(req.Query("year")));
  v.set("sections", sections);
  v.set("guide_reminders", GuideReminderLines(ctx, agency_id));
  return ctx.app.Page(ctx, "queue", "案件队列", v);
}

Response NewCaseForm(RequestContext& ctx, const Request&) {
  auto agencies = AgenciesOf(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  return NewCasePage(ctx, *agencies, Form(), {}, 200);
}

Response NewCaseSubmit(RequestContext& ctx, const Request&) {
  auto agencies = AgenciesOf(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  std::vector<std::string> errors;
  auto agency_id = ParseId(ctx.form.Get("agency"));
  if (!agency_id) return BadRequest("请选择受理机关。");
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) return *denied;
  auto channel = ChannelFromKey(ctx.form.Get("channel"));
  if (!channel || *channel == Channel::kInternet) {
    errors.push_back("请选择来件渠道（网上申请由申请人在门户提交）。");
  }
  auto arrived = ParseDate(ctx.form.Get("arrived"));
  if (!arrived.ok()) errors.push_back("到达日期应为 年-月-日，例如 2024-09-30。");
  Result<Date> received = arrived;
  if (!ctx.form.Get("received").empty()) {
    received = ParseDate(ctx.form.Get("received"));
    if (!received.ok()) errors.push_back("收到申请之日应为 年-月-日，例如 2024-09-30。");
  }
  if (arrived.ok() && received.ok() && DayNumber(*received) < DayNumber(*arrived)) {
    errors.push_back("收到申请之日不能早于到达日期。");
  }
  if (arrived.ok() && DayNumber(*arrived) > DayNumber(ctx.app.Today())) {
    errors.push_back("到达日期不能晚于今天。");
  }
  if (channel && (*channel == Channel::kInPerson || *channel == Channel::kOral) && arrived.ok() &&
      received.ok() && DayNumber(*received) != DayNumber(*arrived)) {
    errors.push_back("当面或口头提出的申请，以提出之日为收到申请之日，两个日期应相同。");
  }
  FieldErrors field_errors;
  Form checked;
  for (const auto& [k, v] : ctx.form.fields()) checked.Add(k, v);
  OnlineApplication app = ValidateApplication(checked, &field_errors);
  for (const auto& [field, message] : field_errors) errors.push_back(message);
  if (!errors.empty()) return NewCasePage(ctx, *agencies, ctx.form, errors, 422);

  Event event;
  event.type = EventType::kReceived;
  event.date = *received;
  event.arrived = *arrived;
  event.channel = *channel;
  event.applicant_kind = app.applicant_kind;
  event.items = std::vector<std::string>{app.description};
  if (!app.document_number.empty()) event.items->push_back("文号：" + app.document_number);
  Applicant applicant{app.name, app.id_type, app.id_number, app.phone, app.email, app.address};
  std::string form = fmt::format("{}；{}", ChoiceLabel(ProvisionForms(), app.provision_form),
                                 ChoiceLabel(DeliveryMethods(), app.delivery));
  auto created =
      ctx.app.cases().RegisterCase(*agency_id, event, applicant, form, ctx.session->user.name);
  if (!created.ok()) {
    if (!ShowsOnPage(created.status())) {
      return StatusPage(created.status(), "", "registering a case");
    }
    return NewCasePage(ctx, *agencies, ctx.form, {created.status().message()},
                       HttpStatusFor(created.status()));
  }
  spdlog::info("case registered by user {}: agency {} case {}", ctx.session->user.id, *agency_id,
               EscapeForLog(created->number));
  // The query code exists only now: shown once, for the receipt given to the applicant.
  View v;
  v.set("heading", Text("已登记"));
  v.set("message",
        Text(fmt::format(
            "案件编号 {}，收到申请之日 {}。请将查询码 {} 告知申请人（写入申请接收回执），"
            "它只显示这一次。",
            created->number, FormatDateZh(*received), created->query_code)));
  View link;
  link.set("href", Text(CaseUrl(*agency_id, created->number)));
  link.set("text", Text("打开案件"));
  v.set("link", link);
  return ctx.app.Page(ctx, "message", "已登记", v);
}

}  // namespace gongkai::web
