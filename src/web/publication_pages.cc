#include "web/publication_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <variant>

#include "publications/jsonl.h"
#include "publications/tabular.h"
#include "store/publications.h"
#include "store/standard_catalogue.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/public_items.h"
#include "web/upload.h"
#include "web/url.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// The form's text fields, kept when a submission is refused so nothing typed is lost.
constexpr std::string_view kTextFields[] = {
    "index_no", "title",   "doc_no",    "publisher", "summary",     "kind", "category",
    "created",  "changed", "published", "status",    "status_date", "text"};

std::optional<int> ParseSmallInt(std::string_view text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::string Base(int64_t agency_id) { return fmt::format("/office/a/{}/publications", agency_id); }

// The form's values of `item`.
Form FormOf(const Publication& item) {
  Form f;
  f.Add("index_no", item.index_no);
  f.Add("title", item.title);
  f.Add("doc_no", item.doc_no);
  f.Add("publisher", item.publisher);
  f.Add("summary", item.summary);
  f.Add("kind", std::string(Key(item.kind)));
  f.Add("category", item.category);
  f.Add("created", FormatDate(item.created));
  f.Add("changed", item.changed ? FormatDate(*item.changed) : "");
  f.Add("published", item.published ? FormatDate(*item.published) : "");
  f.Add("status", std::string(Key(item.status)));
  f.Add("status_date", item.status_date ? FormatDate(*item.status_date) : "");
  f.Add("text", item.text);
  for (auto c : item.channels) f.Add("channels", std::string(Key(c)));
  return f;
}

// Reads an optional date field; a problem naming the field when it is not YYYY-MM-DD.
std::optional<Date> OptionalDate(const Form& f, std::string_view name, std::string_view label,
                                 std::vector<std::string>* problems) {
  std::string_view text = Trim(f.Get(name));
  if (text.empty()) return std::nullopt;
  auto d = ParseDate(text);
  if (!d.ok()) {
    problems->push_back(fmt::format("{}：{}", label, d.status().message()));
    return std::nullopt;
  }
  return *d;
}

// The item the form describes, starting from `base` (unknown fields and attachments kept).
Publication ItemFromForm(const Form& f, Publication base, std::vector<std::string>* problems) {
  Publication item = std::move(base);
  item.index_no = std::string(Trim(f.Get("index_no")));
  item.title = std::string(Trim(f.Get("title")));
  item.doc_no = std::string(Trim(f.Get("doc_no")));
  item.publisher = std::string(Trim(f.Get("publisher")));
  item.summary = std::string(Trim(f.Get("summary")));
  item.text = std::string(f.Get("text"));
  item.category = std::string(Trim(f.Get("category")));
  auto kind = PublicationKindFromKey(f.Get("kind"));
  if (!kind) problems->push_back("类别：请选择规章、行政规范性文件或其他");
  item.kind = kind.value_or(PublicationKind::kOther);
  auto status = ValidityFromKey(f.Get("status"));
  if (!status) problems->push_back("有效性：请选择有效、失效或废止");
  item.status = status.value_or(Validity::kInForce);
  auto created = OptionalDate(f, "created", "生成日期", problems);
  if (created) {
    item.created = *created;
  } else if (Trim(f.Get("created")).empty()) {
    problems->push_back("生成日期：必填（条例第十二条），如 2024-03-01");
  }
  item.changed = OptionalDate(f, "changed", "变更日期", problems);
  item.published = OptionalDate(f, "published", "公开日期", problems);
  item.status_date = OptionalDate(f, "status_date", "失效或废止日期", problems);
  item.channels.clear();
  for (std::string_view c : f.GetAll("channels")) {
    if (auto ch = PublicationChannelFromText(c)) item.channels.push_back(*ch);
  }
  return item;
}

// The add/edit form page; `attachments` are the stored item's (none for a new one).
Response RenderForm(RequestContext& ctx, const Agency& agency, std::optional<int64_t> id,
                    const Form& values, const std::vector<std::string>& errors, int status,
                    bool published_before, const std::vector<AttachmentMeta>& attachments = {},
                    std::string_view notice = "") {
  View v;
  v.set("agency", Text(agency.name));
  v.set("back", Text(Base(agency.id)));
  v.set("action", Text(id ? fmt::format("{}/{}", Base(agency.id), *id)
                          : fmt::format("{}/new", Base(agency.id))));
  v.set("editing", Flag(id.has_value()));
  if (id) {
    v.set("id", Text(std::to_string(*id)));
    v.set("item_base", Text(fmt::format("{}/{}", Base(agency.id), *id)));
    v.set("public_href", Text(ItemPath(agency.id, *id)));
  }
  for (std::string_view name : kTextFields) v.set(std::string(name), Text(values.Get(name)));
  v.set("index_no_locked", Flag(published_before));
  v.set("kinds", KeyedOptions(PublicationKinds(), values.Get("kind")));
  v.set("statuses", KeyedOptions(Validities(),
                                 values.Get("status").empty() ? "in_force" : values.Get("status")));
  View categories = List();
  for (const auto& c : StatutoryCategories()) {
    View o;
    o.set("key", Text(c.key));
    o.set("label", Text(fmt::format("{} {}", c.item, c.label)));
    o.set("selected", Flag(values.Get("category") == c.key));
    categories.push_back(o);
  }
  v.set("categories", categories);
  auto standard = GetStandardCatalogue(ctx.app.db(), agency.id);
  if (!standard.ok()) {
    return InternalFailure(standard.status(),
                           fmt::format("standard catalogue of agency {}", agency.id));
  }
  View standard_options = List();
  for (const StandardCatalogueRow& row : *standard) {
    View o;
    o.set("key", Text(StandardRowKey(row)));
    o.set("label", Text(fmt::format("{} {}", row.number, StandardRowTitle(row))));
    o.set("selected", Flag(values.Get("category") == StandardRowKey(row)));
    standard_options.push_back(o);
  }
  v.set("standard_options", standard_options);
  v.set("has_standard", Flag(!standard->empty()));
  View files = List();
  for (std::size_t n = 0; n < attachments.size(); ++n) {
    const AttachmentMeta& a = attachments[n];
    View o;
    o.set("name", Text(a.name));
    o.set("size", Text(a.size >= 1024 ? fmt::format("{} KB", (a.size + 1023) / 1024)
                                      : fmt::format("{} 字节", a.size)));
    o.set("sha256", Text(a.sha256));
    o.set("remove_action",
          Text(fmt::format("{}/{}/attachments/{}/remove", Base(agency.id), id.value_or(0), n)));
    files.push_back(o);
  }
  v.set("files", files);
  v.set("has_files", Flag(!attachments.empty()));
  v.set("max_upload_mb", Text(std::to_string(kMaxUploadBytes >> 20)));
  v.set("notice", Text(notice));
  v.set("has_notice", Flag(!notice.empty() && errors.empty()));
  View channels = List();
  auto chosen = values.GetAll("channels");
  for (const auto& c : PublicationChannels()) {
    View o;
    o.set("key", Text(c.key));
    o.set("label", Text(c.label));
    bool on = false;
    for (std::string_view k : chosen) on = on || k == c.key;
    o.set("checked", Flag(on));
    channels.push_back(o);
  }
  v.set("channels", channels);
  v.set("errors", Lines(errors));
  v.set("has_errors", Flag(!errors.empty()));
  v.set("can_edit", Flag(ctx.session->user.role != Role::kSupervisor));
  return ctx.app.Page(ctx, "publication_form", id ? "修改公开信息" : "登记公开信息", v, status);
}

// Redirects to the list after a change, or shows `on_error` with the store's refusal: 422 for
// a bad field, 409 for a 索引号 taken or a locked year.
template <typename Render>
Response AfterChange(const Status& s, const std::string& done_url, Render on_error) {
  if (s.ok()) return Redirect(done_url);
  switch (s.code()) {
    case Status::Code::kInvalidInput:
      return on_error(ProblemLines(s), 422);
    case Status::Code::kConflict:
      return on_error(ProblemLines(s), 409);
    case Status::Code::kNotFound:
      return NotFound();
    default:
      return InternalFailure(s, "register change");
  }
}

View DueRows(const std::vector<DueItem>& due, const std::vector<StoredPublication>& items,
             int64_t agency_id) {
  View list = List();
  for (const auto& d : due) {
    const StoredPublication& p = items[d.index];
    View o;
    o.set("href", Text(fmt::format("{}/{}", Base(agency_id), p.id)));
    o.set("title", Text(p.item.title));
    o.set("start", Text(FormatDateZh(d.clock.start)));
    o.set("from_change", Flag(d.clock.from_change));
    o.set("due", Text(FormatDateZh(d.clock.due)));
    o.set("overdue", Flag(d.clock.overdue));
    o.set("days_left", Text(std::to_string(d.clock.working_days_left)));
    o.set("may_change", Flag(d.clock.may_change));
    o.set("explanation", Lines(d.clock.explanation));
    list.push_back(o);
  }
  return list;
}

// The items of an uploaded register file, by its name's extension.
Result<std::vector<Publication>> ReadUpload(const FormPart& file) {
  const std::string name = file.filename.value_or("");
  if (HasExtension(name, ".jsonl") || HasExtension(name, ".json")) {
    return ParsePublicationsJsonl(file.data, name);
  }
  auto rows = ReadTableFile(name, file.data, "请上传 .jsonl、.csv 或 .xlsx 文件");
  if (!rows.ok()) return rows.status();
  return PublicationsFromRows(*rows, name);
}

Response RenderList(RequestContext& ctx, const Request& req, const Agency& agency,
                    const std::vector<std::string>& errors, int status) {
  const Date today = ctx.app.Today();
  const int year = static_cast<int>(today.year());
  int page = 1;
  if (auto p = ParseSmallInt(req.Query("page")); p && *p > 1) page = *p;
  PublicationFilter filter;
  filter.limit = kRegisterPageSize;
  filter.offset = (page - 1) * kRegisterPageSize;
  auto listed = ListPublications(ctx.app.db(), agency.id, filter);
  std::vector<StoredPublication> all;
  auto due = PublicationsDue(ctx.app.db(), ctx.app.calendars(), agency.id, today, &all);
  auto stats = PublicationStats(ctx.app.db(), ctx.app.calendars(), agency.id, year);
  auto repeated = RepeatedRequests(ctx.app.db(), agency.id, kArt44MinCases);
  auto standard = GetStandardCatalogue(ctx.app.db(), agency.id);
  if (!standard.ok()) {
    return InternalFailure(standard.status(), fmt::format("register of agency {}", agency.id));
  }
  const std::string context = fmt::format("register of agency {}", agency.id);
  if (!listed.ok()) return InternalFailure(listed.status(), context);
  if (!due.ok()) return InternalFailure(due.status(), context);
  if (!stats.ok()) return InternalFailure(stats.status(), context);
  if (!repeated.ok()) return InternalFailure(repeated.status(), context);
  View v;
  v.set("agency", Text(agency.name));
  v.set("base", Text(Base(agency.id)));
  v.set("standard_href", Text(fmt::format("/office/a/{}/standard-catalogue", agency.id)));
  v.set("year", Text(std::to_string(year)));
  v.set("late", Text(std::to_string(stats->late)));
  v.set("published_count", Text(std::to_string(stats->published)));
  v.set("created_count", Text(std::to_string(stats->created)));
  v.set("overdue", DueRows(due->overdue, all, agency.id));
  v.set("overdue_count", Text(std::to_string(due->overdue.size())));
  v.set("due_soon", DueRows(due->due_soon, all, agency.id));
  v.set("later", DueRows(due->later, all, agency.id));
  v.set("has_due", Flag(!due->overdue.empty() || !due->due_soon.empty() || !due->later.empty()));
  View rows = List();
  for (const auto& p : listed->items) {
    View o;
    o.set("href", Text(fmt::format("{}/{}", Base(agency.id), p.id)));
    o.set("title", Text(p.item.title));
    o.set("index_no", Text(p.item.index_no.empty() ? "—" : p.item.index_no));
    o.set("created", Text(FormatDate(p.item.created)));
    o.set("published", Text(p.item.published ? FormatDate(*p.item.published) : "未公开"));
    o.set("validity", Text(ValidityText(p.item)));
    o.set("category", Text(CategoryLabel(p.item.category, *standard)));
    o.set("public", Flag(IsPublic(p.item, today)));
    o.set("public_href", Text(ItemPath(agency.id, p.id)));
    rows.push_back(o);
  }
  v.set("items", rows);
  v.set("total", Text(std::to_string(listed->total)));
  const int64_t pages =
      std::max<int64_t>(1, (listed->total + kRegisterPageSize - 1) / kRegisterPageSize);
  v.set("page", Text(std::to_string(page)));
  v.set("pages", Text(std::to_string(pages)));
  if (page > 1) v.set("prev_href", Text(fmt::format("{}?page={}", Base(agency.id), page - 1)));
  if (page < pages) v.set("next_href", Text(fmt::format("{}?page={}", Base(agency.id), page + 1)));
  View suggestions = List();
  for (const auto& r : *repeated) {
    View o;
    o.set("text", Text(r.text));
    o.set("count", Text(std::to_string(r.case_numbers.size())));
    std::string cases;
    for (const auto& n : r.case_numbers) cases += (cases.empty() ? "" : "、") + n;
    o.set("cases", Text(cases));
    o.set("href", Text(fmt::format("{}/new?title={}", Base(agency.id), EncodeQueryValue(r.text))));
    suggestions.push_back(o);
  }
  v.set("suggestions", suggestions);
  v.set("has_suggestions", Flag(!repeated->empty()));
  v.set("min_cases", Text(std::to_string(kArt44MinCases)));
  v.set("errors", Lines(errors));
  v.set("has_errors", Flag(!errors.empty()));
  std::string_view done = req.Query("done");
  std::string notice;
  if (done == "created") notice = "已登记。";
  if (done == "changed") notice = "已保存修改。";
  if (done == "withdrawn") notice = "已撤回公开；索引号保留，不再使用。";
  if (done == "expired") notice = "已标记为失效。";
  if (done == "repealed") notice = "已标记为废止。";
  if (done == "import") {
    if (auto n = ParseSmallInt(req.Query("rows"))) notice = fmt::format("已导入 {} 条信息。", *n);
  }
  v.set("done", Text(notice));
  v.set("has_done", Flag(!notice.empty() && errors.empty()));
  v.set("can_edit", Flag(ctx.session->user.role != Role::kSupervisor));
  return ctx.app.Page(ctx, "publications", fmt::format("{} 主动公开信息", agency.name), v, status);
}

// The stored item of the URL, or the response to send.
std::variant<StoredPublication, Response> FindItem(RequestContext& ctx, const Request& req,
                                                   const Agency& agency) {
  auto id = ParseId(req.Param("id"));
  if (!id) return NotFound();
  auto p = GetPublication(ctx.app.db(), agency.id, *id);
  if (!p.ok()) {
    return StatusPage(p.status(), "无法显示该页面", "register item");
  }
  return std::move(p).value();
}

// Moves item `id` to `validity` on the form's date (event expire / repeal).
Response SetValidity(RequestContext& ctx, const Request& req, Validity validity,
                     std::string_view done) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto item = FindItem(ctx, req, agency);
  if (auto* r = std::get_if<Response>(&item)) return std::move(*r);
  StoredPublication p = std::get<StoredPublication>(std::move(item));
  auto date = ParseDate(Trim(ctx.form.Get("date")));
  auto refuse = [&](const std::vector<std::string>& errors, int status) {
    return RenderForm(ctx, agency, p.id, FormOf(p.item), errors, status,
                      p.item.published.has_value(), p.item.attachments);
  };
  if (!date.ok()) return refuse({"日期：" + date.status().message()}, 422);
  p.item.status = validity;
  p.item.status_date = *date;
  Status s = ChangePublication(ctx.app.db(), agency.id, p.id, p.item, ctx.session->user.name);
  return AfterChange(s, fmt::format("{}?done={}", Base(agency.id), done), refuse);
}

}  // namespace

std::variant<Agency, Response> RegisterAgency(RequestContext& ctx, const Request& req) {
  auto id = ParseId(req.Param("agency"));
  if (!id) return NotFound();
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *id)) return *denied;
  auto agency = GetAgency(ctx.app.db(), *id);
  if (!agency.ok()) {
    return StatusPage(agency.status(), "无法显示该页面", "register pages");
  }
  return std::move(agency).value();
}

std::vector<std::string> ProblemLines(const Status& s) {
  std::vector<std::string> out;
  std::string_view message = s.message();
  while (!message.empty()) {
    auto nl = message.find('\n');
    out.emplace_back(message.substr(0, nl));
    message = nl == std::string_view::npos ? "" : message.substr(nl + 1);
  }
  return out;
}

Response EditPublicationPage(RequestContext& ctx, const Agency& agency, const StoredPublication& p,
                             const std::vector<std::string>& errors, int status) {
  return RenderForm(ctx, agency, p.id, FormOf(p.item), errors, status, p.item.published.has_value(),
                    p.item.attachments);
}

Response PublicationsPage(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  return RenderList(ctx, req, std::get<Agency>(found), {}, 200);
}

Response NewPublicationForm(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  Form values;
  values.Add("title", std::string(req.Query("title")));
  values.Add("publisher", agency.name);
  values.Add("kind", "other");
  values.Add("status", "in_force");
  values.Add("channels", "website");
  return RenderForm(ctx, agency, std::nullopt, values, {}, 200, false);
}

Response NewPublicationSubmit(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  std::vector<std::string> problems;
  Publication item = ItemFromForm(ctx.form, Publication(), &problems);
  auto refuse = [&](const std::vector<std::string>& errors, int status) {
    return RenderForm(ctx, agency, std::nullopt, ctx.form, errors, status, false);
  };
  if (!problems.empty()) return refuse(problems, 422);
  auto created = CreatePublication(ctx.app.db(), agency.id, item, ctx.session->user.name);
  if (!created.ok()) return AfterChange(created.status(), "", refuse);
  spdlog::info("publication {} of agency {} created", *created, agency.id);
  return Redirect(fmt::format("{}?done=created", Base(agency.id)));
}

Response EditPublicationForm(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto item = FindItem(ctx, req, agency);
  if (auto* r = std::get_if<Response>(&item)) return std::move(*r);
  const StoredPublication& p = std::get<StoredPublication>(item);
  std::string_view done = req.Query("done");
  std::string notice = done == "attached"  ? "附件已上传，其文字已纳入检索。"
                       : done == "removed" ? "附件已删除，其文字已移出检索。"
                                           : "";
  if (done == "attached" && req.Query("scanned") == "1") {
    notice = "附件已上传；该 PDF 没有文字层（扫描件），其内容无法被检索。";
  }
  return RenderForm(ctx, agency, p.id, FormOf(p.item), {}, 200, p.item.published.has_value(),
                    p.item.attachments, notice);
}

Response EditPublicationSubmit(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto item = FindItem(ctx, req, agency);
  if (auto* r = std::get_if<Response>(&item)) return std::move(*r);
  const StoredPublication& p = std::get<StoredPublication>(item);
  const bool locked = p.item.published.has_value();
  auto refuse = [&](const std::vector<std::string>& errors, int status) {
    return RenderForm(ctx, agency, p.id, ctx.form, errors, status, locked, p.item.attachments);
  };
  std::vector<std::string> problems;
  Publication changed = ItemFromForm(ctx.form, p.item, &problems);
  if (locked) changed.index_no = p.item.index_no;  // the 索引号 of a published item stays
  if (!problems.empty()) return refuse(problems, 422);
  Status s = ChangePublication(ctx.app.db(), agency.id, p.id, changed, ctx.session->user.name);
  return AfterChange(s, fmt::format("{}?done=changed", Base(agency.id)), refuse);
}

Response WithdrawPublicationSubmit(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  auto item = FindItem(ctx, req, agency);
  if (auto* r = std::get_if<Response>(&item)) return std::move(*r);
  const StoredPublication& p = std::get<StoredPublication>(item);
  auto refuse = [&](const std::vector<std::string>& errors, int status) {
    return RenderForm(ctx, agency, p.id, FormOf(p.item), errors, status,
                      p.item.published.has_value(), p.item.attachments);
  };
  std::string reason(Trim(ctx.form.Get("reason")));
  if (reason.empty()) return refuse({"撤回理由：必填，将记入信息的变更记录"}, 422);
  Status s = WithdrawPublication(ctx.app.db(), agency.id, p.id, reason, ctx.session->user.name);
  return AfterChange(s, fmt::format("{}?done=withdrawn", Base(agency.id)), refuse);
}

Response ExpirePublicationSubmit(RequestContext& ctx, const Request& req) {
  return SetValidity(ctx, req, Validity::kExpired, "expired");
}

Response RepealPublicationSubmit(RequestContext& ctx, const Request& req) {
  return SetValidity(ctx, req, Validity::kRepealed, "repealed");
}

Response ImportPublicationsSubmit(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  const FormPart* file = nullptr;
  for (const auto& part : ctx.files) {
    if (part.name == "file") file = &part;
  }
  if (file == nullptr || file->data.empty()) {
    return RenderList(ctx, req, agency, {"请选择要导入的文件（.jsonl、.csv 或 .xlsx，不能为空）"},
                      422);
  }
  auto items = ReadUpload(*file);
  if (!items.ok()) {
    if (items.status().code() != Status::Code::kInvalidInput) {
      return InternalFailure(items.status(), "register import");
    }
    return RenderList(ctx, req, agency, ProblemLines(items.status()), 422);
  }
  auto imported = ImportPublications(ctx.app.db(), agency.id, *items, ctx.session->user.name);
  if (!imported.ok()) {
    return AfterChange(imported.status(), "",
                       [&](const std::vector<std::string>& errors, int status) {
                         return RenderList(ctx, req, agency, errors, status);
                       });
  }
  spdlog::info("register import of agency {}: {} items", agency.id, *imported);
  return Redirect(fmt::format("{}?done=import&rows={}", Base(agency.id), *imported));
}

}  // namespace gongkai::web
