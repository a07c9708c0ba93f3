// The office's case queue and the registration of applications that arrived on paper (in
// person, by post, by fax, orally). The queue pages through every case of the agency, most
// urgent first (overdue, then the nearest due date), with the filters, the search and the
// counts the office needs for its register (Art. 45); filtering and paging happen in the
// store's SQL. Above it, the deadline reminders (overdue cases, and those due within
// AppOptions::reminder_working_days) and the proposals awaiting the head's decision. The search
// may name an applicant: rows show only the masked name, and the query is never logged.
//
// Receipt dates (Art. 31, law.md §2): in person — the day of submission; signed-for post — the
// day of signing; ordinary letters — the day the office confirms with the applicant; fax and
// internet — the day both sides confirm; oral — the day it is made. The form records both the
// arrival and the legal receipt date, so a letter confirmed later keeps its history.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <utility>

#include "cases/receipt.h"
#include "store/duplicates.h"
#include "util/date.h"
#include "util/log_text.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/guide_pages.h"
#include "web/handlers.h"
#include "web/proposals.h"
#include "web/url.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// Rows per page of the queue.
constexpr int kQueuePageSize = 50;
// Rows of each reminder list above the queue; a link leads to the rest.
constexpr int kReminderRows = 20;
// The widest "due within N working days" a filter may ask for.
constexpr int kMaxDueWithinWorkingDays = 60;
// The longest search text accepted, in bytes (a case number, a name or a phrase).
constexpr std::size_t kMaxSearchBytes = 200;
// Page links shown on each side of the current page (the first and last are always shown).
constexpr int kPagerSpan = 2;

// The deadline mark of a row: 已逾期 when past its due date, 即将到期 when open and due within
// `reminder_days` working days; empty otherwise.
std::string_view DeadlineMark(const CaseSummary& s, int reminder_days) {
  if (s.closed || !s.due) return "";
  if (s.overdue) return "已逾期";
  if (s.days_left && *s.days_left <= reminder_days) return "即将到期";
  return "";
}

// "已逾期 6 个工作日", "今日到期", "剩 2 个工作日"; empty without a count.
std::string DaysText(const CaseSummary& s) {
  if (s.closed || !s.days_left) return "";
  if (*s.days_left < 0) return fmt::format("已逾期 {} 个工作日", -*s.days_left);
  if (*s.days_left == 0) return "今日到期";
  return fmt::format("剩 {} 个工作日", *s.days_left);
}

View CaseRow(const CaseSummary& s, int reminder_days) {
  View o;
  o.set("agency_id", Text(std::to_string(s.agency_id)));
  o.set("number", Text(s.number));
  o.set("case_url", Text(CaseUrl(s.agency_id, s.number)));
  o.set("applicant", Text(s.applicant_display));
  o.set("kind", Text(Label(s.applicant_kind)));
  o.set("channel", Text(Label(s.channel)));
  o.set("received", Text(FormatDateZh(s.received)));
  o.set("status", Text(Label(s.status)));
  o.set("due", Text(s.due ? FormatDateZh(*s.due) : "—"));
  o.set("days_left", Text(s.days_left && !s.closed ? std::to_string(*s.days_left) : "—"));
  o.set("days_text", Text(DaysText(s)));
  std::string_view mark = DeadlineMark(s, reminder_days);
  if (!mark.empty()) o.set("mark", Text(mark));
  o.set("overdue", Flag(s.overdue));
  o.set("soon", Flag(mark == "即将到期"));
  return o;
}

// What the queue was asked for, read from the query string: the agency, the filter, the order,
// the page, and the same as a query string for links.
struct QueueRequest {
  int64_t agency_id = 0;
  CaseFilter filter;
  std::string due;   // "", "overdue" or "soon"
  int within = 0;    // working days of "soon"
  std::string sort;  // "due" or "received"
  int page = 1;
  std::vector<std::pair<std::string, std::string>> params;  // for links, without the page

  std::string Link(int to_page) const {
    std::string out = "/office?";
    for (const auto& [k, v] : params) out += fmt::format("{}={}&", k, EncodeQueryValue(v));
    return out + fmt::format("page={}", to_page);
  }
};

// A positive whole number of at most 9 digits, or nullopt.
std::optional<int> SmallNumber(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// kInvalidInput naming the parameter when one is not understood.
Result<QueueRequest> ReadQueueRequest(const Request& req, int64_t own_agency, int reminder_days) {
  QueueRequest q;
  q.agency_id = own_agency;
  auto keep = [&](std::string_view name) {
    std::string value(Trim(req.Query(name)));
    if (!value.empty()) q.params.emplace_back(std::string(name), value);
    return value;
  };
  auto bad = [](std::string_view what) {
    return Status::InvalidInput(fmt::format("{}无效：请从页面上的选项中选择后重新筛选。", what));
  };
  if (std::string agency = keep("agency"); !agency.empty()) {
    auto id = ParseId(agency);
    if (!id) return bad("机关编号");
    q.agency_id = *id;
  }
  if (std::string status = keep("status"); !status.empty()) {
    q.filter.status = CaseStatusFromKey(status);
    if (!q.filter.status) return bad("办理状态");
  }
  if (std::string channel = keep("channel"); !channel.empty()) {
    q.filter.channel = ChannelFromKey(channel);
    if (!q.filter.channel) return bad("来件渠道");
  }
  if (std::string kind = keep("kind"); !kind.empty()) {
    q.filter.applicant_kind = ApplicantKindFromKey(kind);
    if (!q.filter.applicant_kind) return bad("申请人类型");
  }
  if (std::string year = keep("year"); !year.empty()) {
    auto y = SmallNumber(year);
    if (!y || *y < 2008 || *y > 2100) return bad("年份");
    q.filter.year = *y;
  }
  q.within = reminder_days;
  if (std::string within = keep("within"); !within.empty()) {
    auto n = SmallNumber(within);
    if (!n || *n > kMaxDueWithinWorkingDays) {
      return Status::InvalidInput(
          fmt::format("到期工作日数应为 0 至 {} 的整数。", kMaxDueWithinWorkingDays));
    }
    q.within = *n;
  }
  q.due = keep("due");
  if (q.due == "overdue") {
    q.filter.overdue = true;
  } else if (q.due == "soon") {
    q.filter.due_within_working_days = q.within;
  } else if (!q.due.empty()) {
    return bad("期限条件");
  }
  q.filter.search = keep("q");
  if (q.filter.search.size() > kMaxSearchBytes) {
    return Status::InvalidInput(
        fmt::format("搜索内容过长（最多 {} 个字节），请输入案件编号、申请人或申请内容中的一段。",
                    kMaxSearchBytes));
  }
  q.sort = keep("sort");
  if (q.sort.empty() || q.sort == "due") {
    q.sort = "due";
    q.filter.order = CaseOrder::kDueDate;
  } else if (q.sort == "received") {
    q.filter.order = CaseOrder::kReceivedNewest;
  } else {
    return bad("排序方式");
  }
  if (std::string page(Trim(req.Query("page"))); !page.empty()) {
    auto n = SmallNumber(page);
    if (!n || *n < 1) return Status::InvalidInput("页码应为从 1 开始的整数。");
    q.page = *n;
  }
  return q;
}

// Links to the first, the last and the pages around the current one, with gaps between.
View PagerLinks(const QueueRequest& q, int pages) {
  View out = List();
  int last_shown = 0;
  for (int p = 1; p <= pages; ++p) {
    if (p != 1 && p != pages && std::abs(p - q.page) > kPagerSpan) continue;
    if (last_shown && p > last_shown + 1) {
      View gap;
      gap.set("gap", Flag(true));
      out.push_back(gap);
    }
    View link;
    link.set("number", Text(std::to_string(p)));
    link.set("href", Text(q.Link(p)));
    link.set("current", Flag(p == q.page));
    out.push_back(link);
    last_shown = p;
  }
  return out;
}

// One reminder list above the queue: up to kReminderRows cases of `filter`, most urgent first,
// with the count of all and a link to them when more exist; and whether it has any.
Result<std::pair<View, bool>> ReminderList(RequestContext& ctx, int64_t agency_id,
                                           CaseFilter filter, std::string_view heading,
                                           std::string_view due, int reminder_days) {
  filter.order = CaseOrder::kDueDate;
  filter.limit = kReminderRows;
  auto counts = ctx.app.cases().Count(agency_id, filter);
  if (!counts.ok()) return counts.status();
  auto rows = ctx.app.cases().List(agency_id, filter);
  if (!rows.ok()) return rows.status();
  View list = List();
  for (const CaseSummary& c : *rows) list.push_back(CaseRow(c, reminder_days));
  View v;
  v.set("heading", Text(heading));
  v.set("count", Text(std::to_string(counts->total)));
  v.set("rows", list);
  v.set("has_rows", Flag(!rows->empty()));
  if (counts->total > static_cast<int64_t>(rows->size())) {
    v.set("more_href",
          Text(fmt::format("/office?agency={}&due={}&within={}", agency_id, due, reminder_days)));
  }
  return std::pair{v, !rows->empty()};
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
  const int reminder_days = ctx.app.options().reminder_working_days;
  auto q = ReadQueueRequest(req, ctx.session->user.agency_id, reminder_days);
  if (!q.ok()) return StatusPage(q.status(), "筛选条件无效", "reading the queue's query");
  const int64_t agency_id = q->agency_id;
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, agency_id)) return *denied;
  auto agencies = AgenciesOf(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "queue: listing agencies");
  std::string agency_name;
  for (const auto& a : *agencies) {
    if (a.id == agency_id) agency_name = a.name;
  }

  // Totals first: they fix the number of pages, and a page past the last shows the last.
  auto counts = ctx.app.cases().Count(agency_id, q->filter);
  if (!counts.ok()) return StatusPage(counts.status(), "", "queue: counting cases");
  const int pages =
      std::max<int>(1, static_cast<int>((counts->total + kQueuePageSize - 1) / kQueuePageSize));
  q->page = std::min(q->page, pages);
  CaseFilter page_filter = q->filter;
  page_filter.limit = kQueuePageSize;
  page_filter.offset = (q->page - 1) * kQueuePageSize;
  auto cases = ctx.app.cases().List(agency_id, page_filter);
  if (!cases.ok()) return StatusPage(cases.status(), "", "queue: listing cases");

  // Open cases that look like a repeat of another are flagged (store/duplicates.h), all the
  // page's in one query.
  std::vector<std::string> open_numbers;
  for (const auto& c : *cases) {
    if (!c.closed) open_numbers.push_back(c.number);
  }
  auto duplicates = FirstLikelyDuplicates(ctx.app.db(), agency_id, open_numbers);
  if (!duplicates.ok()) return StatusPage(duplicates.status(), "", "queue: duplicates");
  View rows = List();
  for (const auto& c : *cases) {
    View row = CaseRow(c, reminder_days);
    if (auto d = duplicates->find(c.number); d != duplicates->end()) {
      row.set("duplicate_of", Text(d->second.number));
      row.set("duplicate_url", Text(CaseUrl(agency_id, d->second.number)));
    }
    rows.push_back(row);
  }

  // The reminders concern the whole agency, whatever the filter.
  CaseFilter overdue_filter;
  overdue_filter.overdue = true;
  CaseFilter soon_filter;
  soon_filter.due_within_working_days = reminder_days;
  auto overdue = ReminderList(ctx, agency_id, overdue_filter, "已逾期", "overdue", reminder_days);
  if (!overdue.ok()) return StatusPage(overdue.status(), "", "queue: overdue cases");
  auto soon =
      ReminderList(ctx, agency_id, soon_filter,
                   fmt::format("即将到期（{}个工作日内）", reminder_days), "soon", reminder_days);
  if (!soon.ok()) return StatusPage(soon.status(), "", "queue: cases due soon");
  View reminders = List();
  bool any_reminder = false;
  for (auto* r : {&*overdue, &*soon}) {
    if (r->second) {
      reminders.push_back(r->first);
      any_reminder = true;
    }
  }

  View v;
  v.set("agency", Text(agency_name));
  v.set("agency_id", Text(std::to_string(agency_id)));
  v.set("agencies", AgencyOptions(*agencies, agency_id));
  v.set("has_agencies", Flag(agencies->size() > 1));
  v.set("reminders", reminders);
  v.set("has_reminders", Flag(any_reminder));
  v.set("reminder_days", Text(std::to_string(reminder_days)));
  v.set("total", Text(std::to_string(counts->total)));
  v.set("open", Text(std::to_string(counts->open)));
  v.set("overdue", Text(std::to_string(counts->overdue)));
  v.set("rows", rows);
  v.set("has_rows", Flag(!cases->empty()));
  v.set("page", Text(std::to_string(q->page)));
  v.set("pages", Text(std::to_string(pages)));
  if (!cases->empty()) {
    v.set("first_row", Text(std::to_string(page_filter.offset + 1)));
    v.set("last_row", Text(std::to_string(page_filter.offset + cases->size())));
  }
  v.set("has_pager", Flag(pages > 1));
  if (pages > 1) {
    v.set("pager", PagerLinks(*q, pages));
    if (q->page > 1) v.set("prev_href", Text(q->Link(q->page - 1)));
    if (q->page < pages) v.set("next_href", Text(q->Link(q->page + 1)));
  }
  auto pending = ctx.app.proposals().Pending(agency_id);
  if (!pending.ok()) return StatusPage(pending.status(), "", "queue: pending proposals");
  if (!pending->empty()) {
    v.set("proposals", Text(std::to_string(pending->size())));
    v.set("pending", PendingProposalRows(*pending));
  }
  v.set("can_approve", Flag(Allows(ctx.session->user.role, Action::kApproveProposal)));
  v.set("statuses", VocabOptions(CaseStatuses(), req.Query("status")));
  v.set("channels", VocabOptions(Channels(), req.Query("channel")));
  v.set("kinds", VocabOptions(ApplicantKinds(), req.Query("kind")));
  std::vector<Choice> dues{{"overdue", "已逾期"}, {"soon", "即将到期"}};
  v.set("dues", ChoiceOptions(dues, q->due));
  v.set("within", Text(std::to_string(q->within)));
  std::vector<Choice> sorts{{"due", "按答复期限（逾期在前）"},
                            {"received", "按收到日期（新到旧）"}};
  v.set("sorts", ChoiceOptions(sorts, q->sort));
  v.set("year", Text(req.Query("year")));
  v.set("q", Text(q->filter.search));
  v.set("filtered", Flag(q->params.size() > (req.Query("agency").empty() ? 0u : 1u)));
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
  if (!agency_id) {
    return StatusPage(Status::InvalidInput("请选择受理机关。"), "无法登记", "registering a case");
  }
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
  // The same facts as the receipt notice and the receipt message (cases/receipt.h).
  auto registered = ctx.app.cases().Get(*agency_id, created->number);
  auto agency_row = GetAgency(ctx.app.db(), *agency_id);
  if (!registered.ok()) return StatusPage(registered.status(), "", "reading a registered case");
  if (!agency_row.ok()) return StatusPage(agency_row.status(), "", "reading an agency");
  auto settings = AgencyCaseSettings(*agency_row);
  if (!settings.ok()) return StatusPage(settings.status(), "", "reading an agency's settings");
  ReceiptFacts facts =
      BuildReceipt(created->number, created->query_code, registered->summary.received,
                   registered->summary.due, settings->deadlines);
  View v;
  v.set("heading", Text("已登记"));
  v.set("message",
        Text(fmt::format("案件编号 {}，收到申请之日 {}，答复期限 {}。请将查询码 {} "
                         "告知申请人（写入申请接收回执），"
                         "它只显示这一次；申请人留有电子邮箱或手机号码的，回执已排队发送。{}",
                         facts.case_number, FormatDateZh(facts.received),
                         facts.reply_due ? FormatDateZh(*facts.reply_due) : "另行告知",
                         *facts.query_code, facts.due_explanation)));
  View link;
  link.set("href", Text(CaseUrl(*agency_id, created->number)));
  link.set("text", Text("打开案件"));
  v.set("link", link);
  return ctx.app.Page(ctx, "message", "已登记", v);
}

}  // namespace gongkai::web
