// The public portal: apply online (Art. 29), track a case by number and query code, the
// deadline calculator. Nothing here shows another applicant's personal data: tracking returns
// the masked name only, and logs carry case numbers, never names, numbers or codes.
//
// Art. 31: an application submitted through the internet channel is received on the day both
// sides confirm it; the portal confirms at once (the receipt page), so the submission date is
// the receipt date.
//
// Each application form carries a one-time filing token (store/online_filings.h). The POST files
// the case under it and answers 303 to /apply/receipt, setting the token in a short-lived
// HttpOnly cookie; the receipt page opens the sealed query code with it. So the code is shown
// only to the browser that sent the form, for kReceiptLifetime, and the database never holds it
// (or the token) in clear; a resent form lands on the same receipt.
//
// A form sent back with errors keeps its identity proof under its filing token
// (UploadStore::Keep): the page says 已上传：文件名, the next send may omit the file, and filing
// claims the kept proof for the case. A form never filed loses it after kKeptProofLifetime.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "calendar/deadline.h"
#include "cases/receipt.h"
#include "store/online_filings.h"
#include "store/ratings.h"
#include "util/date.h"
#include "util/text.h"
#include "web/errors.h"
#include "web/handlers.h"
#include "web/upload.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// The Art. 33 reply period shown on the calculator by default.
constexpr int kDefaultReplyDays = 20;
// The calculator refuses longer periods (no statutory period comes near it).
constexpr int kMaxCalculatorDays = 200;

struct TextField {
  std::string_view name;
  std::string_view label;
  std::string_view type;
  std::string_view autocomplete;
  std::string_view hint;
  bool required;
};

constexpr TextField kContactFields[] = {
    {"name", "姓名或名称", "text", "name", "自然人填写姓名；法人或其他组织填写全称。", true},
    {"phone", "联系电话", "tel", "tel", "11位手机号码或带区号的固定电话，可用空格或短横线分隔。",
     true},
    {"email", "电子邮箱", "email", "email", "选择以电子邮件获取信息时必填。", false},
    {"address", "通信地址", "text", "street-address", "选择邮寄时必填。", false},
};

Result<std::vector<Agency>> LoadAgencies(RequestContext& ctx) {
  auto agencies = ListAgencies(ctx.app.db());
  if (!agencies.ok()) spdlog::error("listing agencies: {}", agencies.status().message());
  return agencies;
}

// The receipt page reads the filing token from this cookie (store/online_filings.h): only the
// browser that sent the form sees the query code, and only while the receipt lives.
constexpr std::string_view kReceiptCookie = "gk_receipt";

// The name shown for an uploaded proof: the last part of what the browser sent (old browsers
// send a whole path), valid UTF-8, at most kMaxProofNameChars characters.
constexpr std::size_t kMaxProofNameChars = 80;
std::string ProofDisplayName(std::string_view sent) {
  std::size_t slash = sent.find_last_of("/\\");
  if (slash != std::string_view::npos) sent.remove_prefix(slash + 1);
  std::u32string name = ToUtf32(sent);
  if (name.size() > kMaxProofNameChars) name.resize(kMaxProofNameChars);
  std::string shown = ToUtf8(name);
  return shown.empty() ? "身份证明文件" : shown;
}

// `kept_proof`: the display name of the proof kept for this form (UploadStore::Keep), shown as
// 「已上传：…」 with the choice to replace it; nullopt when the form holds none.
Response ApplyPage(RequestContext& ctx, const std::vector<Agency>& agencies, const Form& values,
                   const FieldErrors& errors, int status,
                   const std::optional<std::string>& kept_proof = std::nullopt) {
  View v;
  // A form keeps its token across validation errors: it is still the same, unfiled application.
  std::string token(values.Get("filing_token"));
  v.set("filing_token", Text(IsFilingToken(token) ? token : NewFilingToken()));
  if (kept_proof) v.set("kept_proof", Text(*kept_proof));
  v.set("agencies", AgencyOptions(agencies, ParseId(values.Get("agency"))));
  std::string_view kind = values.Get("applicant_kind");
  v.set("kinds", VocabOptions(ApplicantKinds(), kind.empty() ? "natural_person" : kind));
  std::string_view id_type = values.Get("id_type");
  v.set("id_types", ChoiceOptions(IdDocumentTypes(), id_type.empty() ? "resident_id" : id_type));
  v.set("forms", ChoiceOptions(ProvisionForms(), values.Get("provision_form")));
  v.set("deliveries", ChoiceOptions(DeliveryMethods(), values.Get("delivery")));
  View fields = List();
  for (const auto& f : kContactFields) {
    View o;
    o.set("name", Text(f.name));
    o.set("label", Text(f.label));
    o.set("type", Text(f.type));
    o.set("autocomplete", Text(f.autocomplete));
    o.set("hint", Text(f.hint));
    o.set("required", Flag(f.required));
    o.set("value", Text(values.Get(f.name)));
    auto e = errors.find(std::string(f.name));
    if (e != errors.end()) o.set("error", Text(e->second));
    fields.push_back(o);
  }
  v.set("text_fields", fields);
  for (std::string_view name : {"id_number", "description", "document_number"}) {
    v.set(std::string(name), Text(values.Get(name)));
  }
  for (const auto& [field, message] : errors) v.set("err_" + field, Text(message));
  v.set("has_errors", Flag(!errors.empty()));
  v.set("max_upload_mb", Text(std::to_string(kMaxUploadBytes >> 20)));
  return ctx.app.Page(ctx, "apply", "在线申请", v, status);
}

std::string ProvisionText(const OnlineApplication& app) {
  return fmt::format("{}；{}", ChoiceLabel(ProvisionForms(), app.provision_form),
                     ChoiceLabel(DeliveryMethods(), app.delivery));
}

}  // namespace

Response HomePage(RequestContext& ctx, const Request&) {
  auto agencies = LoadAgencies(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  View v;
  v.set("agencies", AgencyOptions(*agencies, std::nullopt));
  return ctx.app.Page(ctx, "home", "首页", v);
}

Response Health(RequestContext&, const Request&) {
  Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "ok\n";
  return r;
}

Response ApplyForm(RequestContext& ctx, const Request&) {
  auto agencies = LoadAgencies(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  return ApplyPage(ctx, *agencies, Form(), {}, 200);
}

// POST /apply files the application once per form (Post/Redirect/Get): a resent form, a
// double click or a reload of the answer is sent to the same receipt, never filed again.
Response ApplySubmit(RequestContext& ctx, const Request& req) {
  auto agencies = LoadAgencies(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  OnlineFilings filings(ctx.app.db(), ctx.app.calendars());
  std::string token(ctx.form.Get("filing_token"));
  auto to_receipt = [&] {
    Response r = Redirect("/apply/receipt");
    long seconds = std::chrono::duration_cast<std::chrono::seconds>(kReceiptLifetime).count();
    r.AddHeader("Set-Cookie",
                CookieHeader(kReceiptCookie, token, req.secure || ctx.app.options().secure_cookies,
                             seconds));
    return r;
  };
  if (IsFilingToken(token) && filings.Receipt(token).ok()) return to_receipt();
  FieldErrors errors;
  OnlineApplication app = ValidateApplication(ctx.form, &errors);
  if (!IsFilingToken(token)) errors["form"] = "申请表已失效，请核对后重新提交";
  auto agency_id = ParseId(ctx.form.Get("agency"));
  const Agency* agency = nullptr;
  for (const auto& a : *agencies) {
    if (agency_id && a.id == *agency_id) agency = &a;
  }
  if (!agency) errors["agency"] = "请选择受理机关";
  // The identity proof: uploaded with this request, or kept from an earlier send of this form
  // that came back with errors (UploadStore::Keep), so the citizen uploads it once.
  UploadStore& uploads = ctx.app.uploads();
  const FormPart* proof = nullptr;
  for (const auto& f : ctx.files) {
    if (f.name == "id_proof" && f.filename && !f.filename->empty()) proof = &f;
  }
  if (proof) {
    if (auto kind = CheckUpload(proof->data); !kind.ok()) {
      errors["id_proof"] = kind.status().message();
      proof = nullptr;
    }
  }
  std::optional<std::string> kept_proof;
  if (proof) {
    kept_proof = ProofDisplayName(*proof->filename);
  } else if (IsFilingToken(token) && uploads.HasKept(token)) {
    kept_proof = ProofDisplayName(ctx.form.Get("id_proof_name"));
  } else if (!errors.contains("id_proof")) {
    errors["id_proof"] = "请上传身份证明文件（证件照片或扫描件）";
  }
  if (!errors.empty()) {
    if (proof && !IsFilingToken(token)) {
      kept_proof.reset();  // the page gets a new token: nothing to tie the proof to
    } else if (proof) {
      if (Status kept = uploads.Keep(token, proof->data); !kept.ok()) {
        spdlog::error("keeping an identity proof: {}", kept.message());
        kept_proof.reset();  // the page asks for the file again
      }
      // Forms never filed leave their proofs behind: swept here, on the rare error path.
      uploads.SweepKept(kKeptProofLifetime, std::filesystem::file_time_type::clock::now());
    }
    return ApplyPage(ctx, *agencies, ctx.form, errors, 422, kept_proof);
  }

  auto stored = proof ? uploads.Save(proof->data) : uploads.ClaimKept(token);
  if (!stored.ok()) {
    if (stored.status().code() != Status::Code::kNotFound) {
      return InternalFailure(stored.status(), "saving an identity proof");
    }
    // Another send of this form claimed the kept proof first (a double click): it filed the
    // case, or the proof expired meanwhile.
    if (filings.Receipt(token).ok()) return to_receipt();
    errors["id_proof"] = "请上传身份证明文件（证件照片或扫描件）";
    return ApplyPage(ctx, *agencies, ctx.form, errors, 422);
  }
  Date today = ctx.app.Today();
  Event received;
  received.type = EventType::kReceived;
  received.date = today;
  received.arrived = today;
  received.channel = Channel::kInternet;
  received.applicant_kind = app.applicant_kind;
  received.items = std::vector<std::string>{app.description};
  if (!app.document_number.empty()) received.items->push_back("文号：" + app.document_number);
  received.extra[std::string(kIdProofField)] = *stored;
  Applicant applicant{app.name, app.id_type, app.id_number, app.phone, app.email, app.address};
  auto filed = filings.File(token, agency->id, received, applicant, ProvisionText(app), "网上申请");
  // The proof stays only when it is attached to the case just filed.
  if (!filed.ok() || filed->repeated) ctx.app.uploads().Remove(*stored);
  if (!filed.ok()) {
    return StatusPage(filed.status(), "无法提交申请", "registering an online application");
  }
  if (!filed->repeated) {
    if (proof) uploads.DropKept(token);  // replaced by the file sent with this request
    spdlog::info("online application registered: agency {} case {}", agency->id, filed->number);
  }
  return to_receipt();
}

Response ApplyReceipt(RequestContext& ctx, const Request& req) {
  auto receipt =
      OnlineFilings(ctx.app.db(), ctx.app.calendars()).Receipt(req.Cookie(kReceiptCookie));
  if (!receipt.ok()) {
    if (receipt.status().code() != Status::Code::kNotFound) {
      return InternalFailure(receipt.status(), "reading a receipt");
    }
    View v;
    v.set("missing", Flag(true));
    return ctx.app.Page(ctx, "apply_done", "申请回执", v, 404);
  }
  auto agency = GetAgency(ctx.app.db(), receipt->agency_id);
  auto detail = ctx.app.cases().Get(receipt->agency_id, receipt->number);
  if (!agency.ok()) return InternalFailure(agency.status(), "reading the agency of a receipt");
  if (!detail.ok()) return InternalFailure(detail.status(), "reading the case of a receipt");
  auto settings = AgencyCaseSettings(*agency);
  if (!settings.ok()) return InternalFailure(settings.status(), "reading an agency's settings");
  // The same facts as the receipt notice and the receipt message (cases/receipt.h).
  ReceiptFacts facts = BuildReceipt(receipt->number, receipt->query_code, detail->summary.received,
                                    detail->summary.due, settings->deadlines);
  View v;
  v.set("agency", Text(agency->name));
  v.set("received", Text(FormatDateZh(facts.received)));
  v.set("number", Text(facts.case_number));
  if (facts.query_code) v.set("query_code", Text(*facts.query_code));
  v.set("due", Text(ShowDate(facts.reply_due)));
  v.set("due_explanation", Text(facts.due_explanation));
  return ctx.app.Page(ctx, "apply_done", "申请已提交", v);
}

Response TrackForm(RequestContext& ctx, const Request&) {
  auto agencies = LoadAgencies(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  View v;
  v.set("agencies", AgencyOptions(*agencies, std::nullopt));
  return ctx.app.Page(ctx, "track", "进度查询", v);
}

Response TrackSubmit(RequestContext& ctx, const Request&) {
  auto agencies = LoadAgencies(ctx);
  if (!agencies.ok()) return StatusPage(agencies.status(), "", "listing agencies");
  auto agency_id = ParseId(ctx.form.Get("agency"));
  const Agency* agency = nullptr;
  for (const auto& a : *agencies) {
    if (agency_id && a.id == *agency_id) agency = &a;
  }
  std::string number(ctx.form.Get("number"));
  auto refuse = [&](std::string_view message) {
    View v;
    v.set("agencies", AgencyOptions(*agencies, agency_id));
    v.set("number", Text(number));
    v.set("error", Text(message));
    return ctx.app.Page(ctx, "track", "进度查询", v, 404);
  };
  if (!agency) return refuse("请选择受理机关。");
  auto view = ctx.app.cases().Track(agency->id, number, ctx.form.Get("code"));
  if (!view.ok()) {
    if (view.status().code() == Status::Code::kNotFound) {
      return refuse(view.status().message());
    }
    return StatusPage(view.status(), "查询失败", "tracking a case");
  }
  const CaseSummary& s = view->summary;
  View v;
  v.set("number", Text(s.number));
  v.set("agency", Text(agency->name));
  v.set("applicant", Text(s.applicant_display));
  v.set("received", Text(FormatDateZh(s.received)));
  v.set("status", Text(Label(s.status)));
  v.set("status_key", Text(Key(s.status)));
  if (s.due && !s.closed) {
    v.set("due", Text(FormatDateZh(*s.due)));
    if (s.days_left && *s.days_left >= 0) v.set("days_left", Text(std::to_string(*s.days_left)));
  }
  if (s.closed) v.set("closed", Text(FormatDateZh(*s.closed)));
  // 一事一评: a closed case may be rated once, by whoever holds its query code.
  if (s.closed && !CaseRatingItem(*agency).empty()) {
    View rate;
    rate.set("agency_id", Text(std::to_string(agency->id)));
    rate.set("number", Text(s.number));
    rate.set("code", Text(ctx.form.Get("code")));
    View levels = List();
    for (int l = 5; l >= 1; --l) {
      View o;
      o.set("level", Text(std::to_string(l)));
      o.set("label", Text(RatingLevelLabel(l)));
      levels.push_back(o);
    }
    rate.set("levels", levels);
    v.set("rate", rate);
  }
  if (s.outcome) v.set("outcome", Text(Label(*s.outcome)));
  View steps = List();
  for (const auto& [type, date] : view->steps) {
    View o;
    o.set("date", Text(FormatDateZh(date)));
    o.set("label", Text(Label(type)));
    steps.push_back(o);
  }
  v.set("steps", steps);
  // The explanation is about dates and the law only; computed from the stored events.
  std::vector<std::string> explanation;
  if (auto detail = ctx.app.cases().Get(agency->id, s.number); detail.ok()) {
    auto calendar = ctx.app.calendars().ForRegion(agency->region);
    auto settings = AgencyCaseSettings(*agency);
    if (calendar.ok() && settings.ok()) {
      std::vector<Event> events;
      for (const auto& e : detail->events) events.push_back(e.event);
      CaseState state = ComputeCaseState(events, **calendar, *settings, ctx.app.Today());
      if (state.deadlines) explanation = state.deadlines->explanation;
    }
  }
  v.set("explanation", Lines(explanation));
  v.set("has_explanation", Flag(!explanation.empty()));
  return ctx.app.Page(ctx, "track_result", "案件 " + s.number, v);
}

Response DeadlineCalculator(RequestContext& ctx, const Request& req) {
  View v;
  std::string start(req.Query("start"));
  std::string days_text(req.Query("days"));
  v.set("start", Text(start.empty() ? FormatDate(ctx.app.Today()) : start));
  v.set("days", Text(days_text.empty() ? std::to_string(kDefaultReplyDays) : days_text));
  if (start.empty()) return ctx.app.Page(ctx, "deadline", "期限计算", v);
  auto date = ParseDate(start);
  auto days = ParseId(days_text);
  int status = 200;
  if (!date.ok()) {
    v.set("error", Text("请按 年-月-日 填写收到申请之日，例如 2024-09-30。"));
    status = 400;
  } else if (!days || *days > kMaxCalculatorDays) {
    v.set("error", Text(fmt::format("工作日数应为 1 到 {} 之间的整数。", kMaxCalculatorDays)));
    status = 400;
  } else {
    auto calendar = ctx.app.calendars().ForRegion("");
    if (!calendar.ok()) {
      return InternalFailure(calendar.status(), "loading the national calendar");
    }
    auto due = ExplainWorkingDays(*date, static_cast<int>(*days), **calendar, DeadlineSettings());
    if (!due.ok()) {
      v.set("error", Text(due.status().message()));
      status = 400;
    } else {
      v.set("due", Text(FormatDateZh(due->due)));
      v.set("explanation", Lines(due->explanation));
    }
  }
  return ctx.app.Page(ctx, "deadline", "期限计算", v, status);
}

}  // namespace gongkai::web
