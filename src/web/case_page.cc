// The case page: the applicant's details (staff only), the deadlines with their explanation,
// the event timeline, the open proposals, and the legal next steps as forms — only the steps
// ComputeCaseState's next_steps allows are offered, and the store checks each again
// (CheckNextEvent) before recording it.
//
// Art. 33 lets an extension be granted only with the consent of the head of the disclosure
// office; the answer is likewise the head's decision. A clerk therefore proposes those two
// (store/proposals.h) and the head approves, which records the event; a head or administrator
// recording them directly is their own approval. Rejected proposals stay listed on the page
// with the head's name and reason.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "store/applicant_records.h"
#include "store/duplicates.h"
#include "store/outbox.h"
#include "util/date.h"
#include "util/log_text.h"
#include "util/money.h"
#include "web/case_notices.h"
#include "web/errors.h"
#include "web/handlers.h"
#include "web/proposals.h"
#include "web/url.h"
#include "web/urls.h"
#include "web/views.h"

namespace gongkai::web {

namespace {

// A fee notice's amount: at most 10,000,000 元, far above any fee the schedule yields.
constexpr int64_t kMaxFeeNoticeFen = 1'000'000'000;

enum class FieldKind { kDate, kText, kTextarea, kNumber, kSelect };

struct StepField {
  std::string name;
  std::string label;
  FieldKind kind;
  std::vector<std::pair<std::string, std::string>> options;  // key, label
  std::string value;
  std::string hint;
  int min = 0, max = 0;
};

std::vector<std::pair<std::string, std::string>> YesNo() { return {{"yes", "是"}, {"no", "否"}}; }

template <typename E>
std::vector<std::pair<std::string, std::string>> Options(std::span<const VocabEntry<E>> entries) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : entries) out.emplace_back(e.key, e.label);
  return out;
}

// The fields each step asks for, besides its date and note.
std::vector<StepField> FieldsFor(EventType type) {
  switch (type) {
    case EventType::kCorrectionRequested:
      return {{"deadline",
               "申请人补正期限",
               FieldKind::kDate,
               {},
               "",
               "给予申请人合理的补正期限",
               0,
               0},
              {"items",
               "需要补正的事项（一行一项，一次性告知）",
               FieldKind::kTextarea,
               {},
               "",
               "",
               0,
               0}};
    case EventType::kReasonsReceived:
      return {{"accepted", "理由是否合理", FieldKind::kSelect, YesNo(), "", "", 0, 0}};
    case EventType::kConsultationSent:
      return {{"party", "征求意见对象", FieldKind::kSelect, Options(ConsultationParties()), "", "",
               0, 0},
              {"to", "对象名称", FieldKind::kText, {}, "", "", 0, 0}};
    case EventType::kConsultationAnswered:
      return {{"agrees", "是否同意公开", FieldKind::kSelect, YesNo(), "", "", 0, 0}};
    case EventType::kExtensionApproved:
      return {{"working_days",
               "延长工作日数",
               FieldKind::kNumber,
               {},
               "20",
               "最长不超过20个工作日（第三十三条）",
               1,
               20},
              {"reason", "延期理由", FieldKind::kTextarea, {}, "", "", 0, 0}};
    case EventType::kFeeNoticeSent:
      return {{"method", "计费方式", FieldKind::kSelect, Options(FeeMethods()), "", "", 0, 0},
              {"amount_yuan",
               "金额（元）",
               FieldKind::kText,
               {},
               "",
               "按国办函〔2020〕109号标准计算",
               0,
               0}};
    case EventType::kAnswered: {
      std::vector<std::pair<std::string, std::string>> outcomes;
      for (const auto& o : Outcomes()) {
        if (IsAnswerOutcome(o.value)) outcomes.emplace_back(o.key, o.label);
      }
      return {
          {"outcome", "答复类型（年度报告表三的行）", FieldKind::kSelect, outcomes, "", "", 0, 0},
          {std::string(kLegalBasisKey),
           "法律依据",
           FieldKind::kTextarea,
           {},
           "",
           "不予公开、不予处理、无法提供的答复必填，例如：《中华人民共和国政府信息公开条例》第十五"
           "条",
           0,
           0},
          {"reason",
           "理由",
           FieldKind::kTextarea,
           {},
           "",
           "不予公开、部分公开、不予处理、无法提供的答复必填，将写入告知书",
           0,
           0},
          {std::string(kAccessKey),
           "获取信息的方式、途径和时间",
           FieldKind::kTextarea,
           {},
           "",
           "予以公开、部分公开时填写，将写入告知书",
           0,
           0}};
    }
    case EventType::kDeemedWithdrawn:
      return {
          {"withdrawal", "原因", FieldKind::kSelect, Options(WithdrawalReasons()), "", "", 0, 0}};
    case EventType::kDelivered:
      return {{"method", "送达方式", FieldKind::kText, {}, "邮寄", "", 0, 0}};
    case EventType::kReconsiderationFiled:
      return {{"body", "复议机关", FieldKind::kText, {}, "", "", 0, 0}};
    case EventType::kReconsiderationDecided:
    case EventType::kLitigationDecided:
      return {{"result", "结果", FieldKind::kSelect, Options(RemedyResults()), "", "", 0, 0}};
    case EventType::kLitigationFiled:
      return {
          {"after_reconsideration", "是否经复议后起诉", FieldKind::kSelect, YesNo(), "", "", 0, 0}};
    default:
      return {};
  }
}

// Builds the event of a step form. kInvalidInput naming the field when a value is missing or
// malformed.
Result<Event> EventFromForm(EventType type, const Form& form, const std::string& number) {
  Event e;
  e.case_number = number;
  e.type = type;
  auto date = ParseDate(form.Get("date"));
  if (!date.ok()) return Status::InvalidInput("日期应为 年-月-日，例如 2024-09-30。");
  e.date = *date;
  e.note = std::string(form.Get("note"));
  auto yes = [&](std::string_view name) { return form.Get(name) == "yes"; };
  switch (type) {
    case EventType::kCorrectionRequested: {
      auto deadline = ParseDate(form.Get("deadline"));
      if (!deadline.ok()) return Status::InvalidInput("请填写申请人补正期限（年-月-日）。");
      e.deadline = *deadline;
      std::vector<std::string> items;
      std::string_view text = form.Get("items");
      while (!text.empty()) {
        std::size_t eol = text.find('\n');
        std::string line(text.substr(0, eol));
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) items.push_back(line);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
      }
      if (items.empty())
        return Status::InvalidInput("请写明需要补正的事项（第三十条：一次性告知）。");
      e.items = items;
      break;
    }
    case EventType::kReasonsReceived:
      e.accepted = yes("accepted");
      break;
    case EventType::kConsultationSent: {
      auto party = ConsultationPartyFromKey(form.Get("party"));
      if (!party) return Status::InvalidInput("请选择征求意见对象。");
      e.party = *party;
      e.to = std::string(form.Get("to"));
      break;
    }
    case EventType::kConsultationAnswered:
      e.agrees = yes("agrees");
      break;
    case EventType::kExtensionApproved: {
      auto days = ParseId(form.Get("working_days"));
      if (!days || *days > 20) return Status::InvalidInput("延长工作日数应为 1 到 20 之间的整数。");
      e.working_days = static_cast<int>(*days);
      if (Status s = SetDecisionTexts(e, {"", std::string(form.Get("reason")), ""}); !s.ok()) {
        return s;
      }
      break;
    }
    case EventType::kFeeNoticeSent: {
      std::string method(form.Get("method"));
      if (!FeeMethodFromKey(method)) return Status::InvalidInput("请选择计费方式。");
      e.method = method;
      auto fen = ParseYuanAsFen(form.Get("amount_yuan"), 1, kMaxFeeNoticeFen);
      if (!fen.ok()) return fen.status();
      e.amount_fen = *fen;
      break;
    }
    case EventType::kAnswered: {
      auto outcome = OutcomeFromKey(form.Get("outcome"));
      if (!outcome || !IsAnswerOutcome(*outcome)) return Status::InvalidInput("请选择答复类型。");
      e.outcome = *outcome;
      AnswerTexts texts{std::string(form.Get(kLegalBasisKey)), std::string(form.Get("reason")),
                        std::string(form.Get(kAccessKey))};
      if (Status s = SetDecisionTexts(e, texts); !s.ok()) return s;
      break;
    }
    case EventType::kDeemedWithdrawn: {
      auto reason = WithdrawalReasonFromKey(form.Get("withdrawal"));
      if (!reason) return Status::InvalidInput("请选择视为放弃申请的原因。");
      e.reason = *reason;
      break;
    }
    case EventType::kDelivered:
      e.method = std::string(form.Get("method"));
      break;
    case EventType::kReconsiderationFiled:
      e.body = std::string(form.Get("body"));
      break;
    case EventType::kReconsiderationDecided:
    case EventType::kLitigationDecided: {
      auto result = RemedyResultFromKey(form.Get("result"));
      if (!result) return Status::InvalidInput("请选择结果。");
      e.result = *result;
      break;
    }
    case EventType::kLitigationFiled:
      e.after_reconsideration = yes("after_reconsideration");
      break;
    case EventType::kVoided: {
      auto seq = ParseId(form.Get("voids"));
      if (!seq || *seq > 1000000) return Status::InvalidInput("请选择要作废的记录。");
      e.voids = static_cast<int>(*seq);
      e.void_reason = std::string(form.Get("void_reason"));
      break;
    }
    default:
      break;
  }
  return e;
}

}  // namespace

// One line saying what an event recorded beyond its type and date.
std::string EventDetail(const Event& e) {
  std::vector<std::string> parts;
  if (e.channel) parts.push_back(std::string(Label(*e.channel)));
  if (e.deadline) parts.push_back("补正期限 " + FormatDateZh(*e.deadline));
  if (e.items && e.type == EventType::kCorrectionRequested) {
    parts.push_back("补正事项：" + fmt::format("{}", fmt::join(*e.items, "；")));
  }
  if (e.party)
    parts.push_back(std::string(Label(*e.party)) + (e.to && !e.to->empty() ? "：" + *e.to : ""));
  if (e.agrees) parts.push_back(*e.agrees ? "同意公开" : "不同意公开");
  if (e.accepted) parts.push_back(*e.accepted ? "理由合理" : "理由不合理");
  if (e.working_days) parts.push_back(fmt::format("延长 {} 个工作日", *e.working_days));
  if (e.approved_by) parts.push_back("批准人 " + *e.approved_by);
  if (e.amount_fen)
    parts.push_back(fmt::format("{}.{:02d} 元", *e.amount_fen / 100, *e.amount_fen % 100));
  if (e.outcome) parts.push_back(std::string(Label(*e.outcome)));
  if (e.reason) parts.push_back(std::string(Label(*e.reason)));
  if (e.result) parts.push_back(std::string(Label(*e.result)));
  if (e.voids) parts.push_back(fmt::format("作废第 {} 条记录", *e.voids));
  if (e.void_reason) parts.push_back("理由：" + *e.void_reason);
  for (auto [key, label] : {std::pair{kLegalBasisKey, "法律依据"}, std::pair{kReasonsKey, "理由"},
                            std::pair{kAccessKey, "获取方式"}}) {
    std::string text = DecisionText(e, key);
    if (!text.empty()) parts.push_back(fmt::format("{}：{}", label, text));
  }
  if (e.method && e.type == EventType::kDelivered) parts.push_back(*e.method);
  if (!e.note.empty()) parts.push_back("备注：" + e.note);
  return fmt::format("{}", fmt::join(parts, "，"));
}

namespace {

// The register records a 补正 notice after its 7 working days and an extension after the reply
// period ran out (the history must be kept as it happened) but flags both; the page warns before
// the clerk takes such a step today.
std::optional<std::string> LateStepWarning(EventType type, const CaseState& state, Date today) {
  if (!state.deadlines) return std::nullopt;
  const Deadlines& d = *state.deadlines;
  if (type == EventType::kCorrectionRequested && today > d.correction_notice_due) {
    return fmt::format(
        "补正告知应在收到申请后 7 个工作日内（{} "
        "前）发出（条例第三十条）；今天发出将被标记为逾期。",
        FormatDateZh(d.correction_notice_due));
  }
  if (type == EventType::kExtensionApproved && d.reply_due && today > *d.reply_due) {
    return fmt::format(
        "原答复期限 {} "
        "已过：条例第三十三条要求在期限届满前延期并告知申请人；今天批准将被标记为逾期延期。",
        FormatDateZh(*d.reply_due));
  }
  return std::nullopt;
}

struct LoadedCase {
  Agency agency;
  CaseDetail detail;
  std::vector<Event> events;
  CaseState state;
};

// Loads the case named in the URL after checking the caller may act on its agency.
Result<LoadedCase> LoadCase(RequestContext& ctx, const Request& req,
                            std::optional<Response>* deny) {
  auto agency_id = ParseId(req.Param("agency"));
  if (!agency_id) return Status::NotFound("没有这个机关");
  if (auto denied = ctx.app.DenyUnlessAgency(ctx, *agency_id)) {
    *deny = std::move(denied);
    return Status::PermissionDenied("");
  }
  auto agency = GetAgency(ctx.app.db(), *agency_id);
  if (!agency.ok()) return agency.status();
  auto detail = ctx.app.cases().Get(*agency_id, req.Param("number"));
  if (!detail.ok()) return detail.status();
  auto calendar = ctx.app.calendars().ForRegion(agency->region);
  if (!calendar.ok()) return calendar.status();
  auto settings = AgencyCaseSettings(*agency);
  if (!settings.ok()) return settings.status();
  LoadedCase c{std::move(agency).value(), std::move(detail).value(), {}, {}};
  for (const auto& e : c.detail.events) c.events.push_back(e.event);
  c.state = ComputeCaseState(c.events, **calendar, *settings, ctx.app.Today());
  return c;
}

Response LoadFailure(const Status& s, std::optional<Response>& deny) {
  if (deny) return *deny;
  return StatusPage(s, "", "loading a case");
}

// "已发送 2 条，待发送 1 条，发送失败 1 条" of the case's messages (web/message_pages.h);
// "尚无" when none were queued.
std::string MessagesSummary(RequestContext& ctx, int64_t agency_id, const std::string& number) {
  OutboxFilter filter;
  filter.agency_id = agency_id;
  filter.case_number = number;
  filter.limit = 1000;
  auto messages = Outbox(ctx.app.db()).List(filter);
  if (!messages.ok()) {
    spdlog::error("messages of a case: {}", messages.status().message());
    return "无法读取";
  }
  if (messages->empty()) return "尚无";
  std::map<OutboxState, int> counts;
  for (const OutboxMessage& m : *messages) ++counts[m.state];
  std::string out;
  for (OutboxState st : {OutboxState::kSent, OutboxState::kQueued, OutboxState::kFailed}) {
    if (counts[st] == 0) continue;
    out += fmt::format("{}{} {} 条", out.empty() ? "" : "，", Label(st), counts[st]);
  }
  return out;
}

Response RenderCase(RequestContext& ctx, const LoadedCase& c, std::string_view flash,
                    std::string_view error, int status) {
  const auto& s = c.detail.summary;
  const auto& a = c.detail.applicant;
  bool can_write = Allows(ctx.session->user.role, Action::kRecordStep);
  bool can_approve = Allows(ctx.session->user.role, Action::kApproveProposal);
  View v;
  v.set("agency_id", Text(std::to_string(c.agency.id)));
  v.set("number", Text(s.number));
  v.set("case_url", Text(CaseUrl(c.agency.id, s.number)));
  v.set("messages_summary", Text(MessagesSummary(ctx, c.agency.id, s.number)));
  v.set("messages_url", Text(fmt::format("/office/a/{}/messages?case={}", c.agency.id,
                                         EncodeQueryValue(s.number))));
  v.set("status", Text(Label(c.state.status)));
  v.set("status_key", Text(Key(c.state.status)));
  if (!flash.empty()) v.set("flash", Text(flash));
  if (!error.empty()) v.set("error", Text(error));
  v.set("applicant_name", Text(a.name));
  v.set("kind", Text(Label(s.applicant_kind)));
  v.set("id_type", Text(ChoiceLabel(IdDocumentTypes(), a.id_type)));
  v.set("id_number", Text(a.id_number));
  v.set("phone", Text(a.phone));
  if (!a.email.empty()) v.set("email", Text(a.email));
  if (!a.address.empty()) v.set("address", Text(a.address));
  // The record's history (store/applicant_records.h): staff see who changed what and why; the
  // value before a correction is shown, since the page already shows the data itself.
  auto record = ApplicantRecords(ctx.app.db()).Get(c.agency.id, s.number);
  if (!record.ok()) return StatusPage(record.status(), "", "reading an applicant record");
  v.set("applicant_erased", Flag(record->erased));
  View acts = List();
  for (const ApplicantAct& act : record->acts) {
    if (act.kind == ApplicantActKind::kRecorded) continue;
    View o;
    o.set("label", Text(Label(act.kind)));
    o.set("field", Text(act.field ? FieldEntry(*act.field).label : ""));
    o.set("previous", Text(act.previous));
    o.set("reason", Text(act.reason));
    o.set("actor", Text(act.actor));
    o.set("recorded_at", Text(act.recorded_at));
    acts.push_back(o);
  }
  v.set("has_applicant_acts", Flag(record->acts.size() > 1));
  v.set("applicant_acts", acts);
  if (!record->erased && Allows(ctx.session->user.role, Action::kCorrectApplicant)) {
    View fields = List();
    for (const ApplicantFieldEntry& f : ApplicantFields()) {
      View o;
      o.set("key", Text(f.key));
      o.set("label", Text(f.label));
      fields.push_back(o);
    }
    View form;
    form.set("fields", fields);
    form.set("max_value", Text(std::to_string(kMaxApplicantFieldBytes)));
    v.set("correct_applicant", form);
  }
  v.set("channel", Text(Label(s.channel)));
  v.set("arrived", Text(FormatDateZh(s.arrived)));
  v.set("received", Text(FormatDateZh(s.received)));
  v.set("form", Text(c.detail.form));
  View items = List();
  for (const auto& i : s.items) {
    View o;
    o.set("text", Text(i));
    items.push_back(o);
  }
  v.set("items", items);
  if (c.state.deadlines) {
    const Deadlines& d = *c.state.deadlines;
    auto due = d.extended_due ? d.extended_due : d.reply_due;
    if (due && !c.state.closed) v.set("due", Text(FormatDateZh(*due)));
    if (!c.state.closed) v.set("days_left", Text(std::to_string(d.working_days_left)));
    v.set("overdue", Flag(d.overdue));
    v.set("paused", Flag(d.paused));
  }
  // Flagged, never merged (store/duplicates.h): the clerk decides.
  auto duplicates = FindLikelyDuplicates(ctx.app.db(), c.agency.id, s.number);
  if (!duplicates.ok()) {
    return InternalFailure(duplicates.status(), fmt::format("duplicates of agency {} case {}",
                                                            c.agency.id, EscapeForLog(s.number)));
  }
  View likely = List();
  for (const auto& d : *duplicates) {
    View o;
    o.set("number", Text(d.number));
    o.set("url", Text(fmt::format("/office/a/{}/cases/{}", c.agency.id, d.number)));
    o.set("received", Text(FormatDateZh(d.received)));
    likely.push_back(o);
  }
  v.set("duplicates", likely);
  v.set("duplicate_days", Text(std::to_string(kDuplicateWindowDays)));
  std::vector<std::string> explanation = c.state.explanation;
  if (!c.state.error.ok()) explanation.push_back("注意：" + c.state.error.message());
  v.set("explanation", Lines(explanation));
  // The history shows every record; a voided one struck through with the void's reason. Each
  // record CheckVoid would let be voided offers the form (the rule lives in cases/ only).
  std::string today_text = FormatDate(ctx.app.Today());
  std::map<int, std::string> void_reasons;  // voided seq → reason
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    const Event& e = c.events[i];
    if (IsVoid(e.type) && e.voids && i < c.state.voided.size() && *e.voids >= 1 &&
        c.state.voided[static_cast<std::size_t>(*e.voids - 1)]) {
      void_reasons[*e.voids] = e.void_reason.value_or("");
    }
  }
  View events = List();
  for (const auto& e : c.detail.events) {
    View o;
    o.set("seq", Text(std::to_string(e.seq)));
    if (auto it = void_reasons.find(e.seq); it != void_reasons.end()) {
      o.set("voided", Flag(true));
      o.set("void_reason", Text(it->second));
    }
    if (can_write) {
      Event probe;
      probe.case_number = s.number;
      probe.agency = c.events.front().agency;
      probe.type = EventType::kVoided;
      probe.date = std::max(ctx.app.Today(), e.event.date);
      probe.voids = e.seq;
      probe.void_reason = "?";
      if (CheckVoid(c.events, probe).ok()) {
        o.set("can_void", Flag(true));
        o.set("void_needs_approval", Flag(!can_approve));
        o.set("today", Text(today_text));
      }
    }
    o.set("date", Text(FormatDate(e.event.date)));
    o.set("label", Text(Label(e.event.type)));
    o.set("detail", Text(EventDetail(e.event)));
    o.set("actor", Text(e.actor));
    o.set("recorded_at", Text(BeijingTime(e.recorded_at)));
    events.push_back(o);
  }
  v.set("events", events);
  auto proposals = ctx.app.proposals().ForCase(c.agency.id, s.number);
  if (!proposals.ok()) {
    return InternalFailure(proposals.status(), fmt::format("proposals of agency {} case {}",
                                                           c.agency.id, EscapeForLog(s.number)));
  }
  View pending = List();
  View decided = List();
  for (const auto& p : *proposals) {
    View o;
    o.set("id", Text(std::to_string(p.id)));
    o.set("agency_id", Text(std::to_string(c.agency.id)));
    o.set("label", Text(Label(p.event.type)));
    o.set("detail", Text(FormatDateZh(p.event.date) + " " + EventDetail(p.event)));
    o.set("proposed_by", Text(p.proposed_by));
    o.set("created_at", Text(BeijingTime(p.created_at)));
    // The step's own reasons are part of its detail already.
    if (!p.reason.empty() && p.reason != DecisionText(p.event, kReasonsKey)) {
      o.set("reason", Text(p.reason));
    }
    if (p.decision == ProposalDecision::kPending) {
      o.set("can_approve", Flag(can_approve));
      o.set("csrf", Text(ctx.csrf));
      pending.push_back(o);
    } else {
      o.set("decision", Text(Label(p.decision)));
      o.set("decided_by", Text(p.decided_by));
      o.set("decided_at", Text(BeijingTime(p.decided_at)));
      if (!p.decision_note.empty()) o.set("decision_note", Text(p.decision_note));
      decided.push_back(o);
    }
  }
  v.set("proposals", pending);
  v.set("has_proposals", Flag(pending.is_non_empty_list()));
  v.set("decided_proposals", decided);
  v.set("has_decided_proposals", Flag(decided.is_non_empty_list()));
  v.set("can_write", Flag(can_write));
  std::string today = FormatDate(ctx.app.Today());
  View steps = List();
  for (EventType type : c.state.next_steps) {
    if (type == EventType::kReceived) continue;
    View step;
    step.set("key", Text(Key(type)));
    step.set("label", Text(Label(type)));
    step.set("needs_approval", Flag(NeedsHeadApproval(type) && !can_approve));
    // The step the clerk just submitted and got refused comes back open, as it was typed.
    const bool resubmit = !error.empty() && ctx.form.Get("type") == Key(type);
    step.set("open", Flag(resubmit));
    std::vector<StepField> fields = FieldsFor(type);
    if (auto warning = LateStepWarning(type, c.state, ctx.app.Today())) {
      step.set("warning", Text(*warning));
    }
    fields.insert(fields.begin(), StepField{"date", "日期", FieldKind::kDate, {}, today, "", 0, 0});
    fields.push_back(StepField{"note", "备注", FieldKind::kText, {}, "", "", 0, 0});
    View flist = List();
    for (auto& f : fields) {
      if (resubmit) f.value = std::string(ctx.form.Get(f.name));
      View o;
      o.set("id", Text(std::string(Key(type)) + "-" + f.name));
      o.set("name", Text(f.name));
      o.set("label", Text(f.label));
      o.set("value", Text(f.value));
      if (!f.hint.empty()) o.set("hint", Text(f.hint));
      o.set("is_date", Flag(f.kind == FieldKind::kDate));
      o.set("is_text", Flag(f.kind == FieldKind::kText));
      o.set("is_textarea", Flag(f.kind == FieldKind::kTextarea));
      o.set("is_number", Flag(f.kind == FieldKind::kNumber));
      o.set("is_select", Flag(f.kind == FieldKind::kSelect));
      o.set("min", Text(std::to_string(f.min)));
      o.set("max", Text(std::to_string(f.max)));
      View opts = List();
      for (const auto& [key, label] : f.options) {
        View opt;
        opt.set("key", Text(key));
        opt.set("label", Text(label));
        opt.set("selected", Flag(key == f.value));
        opts.push_back(opt);
      }
      o.set("options", opts);
      flist.push_back(o);
    }
    step.set("fields", flist);
    steps.push_back(step);
  }
  v.set("steps", steps);
  return ctx.app.Page(ctx, "case", "案件 " + s.number, v, status);
}

}  // namespace

Response CasePage(RequestContext& ctx, const Request& req) {
  std::optional<Response> deny;
  auto c = LoadCase(ctx, req, &deny);
  if (!c.ok()) return LoadFailure(c.status(), deny);
  std::string flash;
  if (auto done = EventTypeFromKey(req.Query("done"))) {
    flash = fmt::format("已记录：{}", Label(*done));
  } else if (req.Query("proposed") == "1") {
    flash = "已提交负责人审批。";
  } else if (req.Query("rejected") == "1") {
    flash = "已退回该提议。";
  } else if (req.Query("corrected") == "1") {
    flash = "已更正申请人信息（办理经过及其哈希不变）。";
  }
  return RenderCase(ctx, *c, flash, "", 200);
}

Response CaseStepSubmit(RequestContext& ctx, const Request& req) {
  std::optional<Response> deny;
  auto c = LoadCase(ctx, req, &deny);
  if (!c.ok()) return LoadFailure(c.status(), deny);
  auto type = EventTypeFromKey(ctx.form.Get("type"));
  if (!type || *type == EventType::kReceived) return BadRequest("未知的办理步骤。");
  auto event = EventFromForm(*type, ctx.form, c->detail.summary.number);
  if (!event.ok()) return RenderCase(ctx, *c, "", event.status().message(), 422);
  const User& user = ctx.session->user;
  bool is_head = Allows(user.role, Action::kApproveProposal);
  if (NeedsHeadApproval(*type) && !is_head) {
    Proposal p;
    p.agency_id = c->agency.id;
    p.case_number = c->detail.summary.number;
    p.event = *event;
    p.proposed_by = user.name;
    p.reason = std::string(ctx.form.Get("reason"));
    auto proposed = ctx.app.proposals().Propose(p);
    if (!proposed.ok()) {
      if (!ShowsOnPage(proposed.status())) {
        return StatusPage(proposed.status(), "", "proposing a step");
      }
      return RenderCase(ctx, *c, "", proposed.status().message(), HttpStatusFor(proposed.status()));
    }
    spdlog::info("user {} proposed {} on agency {} case {}", user.id, Key(*type), c->agency.id,
                 EscapeForLog(c->detail.summary.number));
    return Redirect(CaseUrl(c->agency.id, c->detail.summary.number) + "?proposed=1");
  }
  if (*type == EventType::kExtensionApproved) event->approved_by = user.name;
  Status s = ctx.app.cases().AppendEvent(c->agency.id, *event, user.name);
  if (!s.ok()) {
    if (!ShowsOnPage(s)) return StatusPage(s, "", "recording a step");
    return RenderCase(ctx, *c, "", s.message(), HttpStatusFor(s));
  }
  spdlog::info("user {} recorded {} on agency {} case {}", user.id, Key(*type), c->agency.id,
               EscapeForLog(c->detail.summary.number));
  return Redirect(CaseUrl(c->agency.id, c->detail.summary.number) +
                  "?done=" + std::string(Key(*type)));
}

// An Art. 41 correction of one field of the applicant's record, with the reason; the events
// are not touched (store/applicant_records.h).
Response CaseApplicantCorrect(RequestContext& ctx, const Request& req) {
  std::optional<Response> deny;
  auto c = LoadCase(ctx, req, &deny);
  if (!c.ok()) return LoadFailure(c.status(), deny);
  const User& user = ctx.session->user;
  if (Status allowed = Authorize(user, Action::kCorrectApplicant); !allowed.ok()) {
    return StatusPage(allowed, "", "correcting an applicant record");
  }
  auto field = ApplicantFieldFromKey(ctx.form.Get("field"));
  if (!field) return BadRequest("未知的申请人信息字段。");
  const std::string& number = c->detail.summary.number;
  Status s = ApplicantRecords(ctx.app.db())
                 .Correct(c->agency.id, number, *field, ctx.form.Get("value"),
                          ctx.form.Get("reason"), user.name);
  if (!s.ok()) {
    if (!ShowsOnPage(s)) return StatusPage(s, "", "correcting an applicant record");
    return RenderCase(ctx, *c, "", s.message(), HttpStatusFor(s));
  }
  spdlog::info("user {} corrected the applicant's {} on agency {} case {}", user.id,
               FieldEntry(*field).key, c->agency.id, EscapeForLog(number));
  return Redirect(CaseUrl(c->agency.id, number) + "?corrected=1");
}

}  // namespace gongkai::web
