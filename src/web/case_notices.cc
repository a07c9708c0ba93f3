// Which notices a case's events call for (law.md §6): Art. 31 makes the receipt the start of
// every case; Art. 30 a 补正告知书 per correction request; Art. 33 a 延期答复告知书 per approved
// extension; Art. 36–39 one reply per answer. Fields come from the events up to the notice's own
// event, so an early notice keeps the deadline it announced even after later steps.

#include "web/case_notices.h"

#include <fmt/format.h>

#include "cases/receipt.h"
#include "util/text.h"

namespace gongkai::web {

namespace {

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string_view FieldLabel(std::string_view key) {
  for (const NoticeFieldKey& f : NoticeFieldKeys()) {
    if (f.key == key) return f.label;
  }
  return key;
}

// `text`, or the fallback when it is empty.
std::string Or(std::string text, const std::string& fallback) {
  return text.empty() ? fallback : text;
}

}  // namespace

std::string DecisionText(const Event& e, std::string_view key) {
  if (!e.extra.is_object()) return "";
  auto it = e.extra.find(std::string(key));
  if (it == e.extra.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

Status SetDecisionTexts(Event& event, const AnswerTexts& texts) {
  const std::pair<std::string_view, std::string> fields[] = {
      {kLegalBasisKey, std::string(Trim(texts.legal_basis))},
      {kReasonsKey, std::string(Trim(texts.reasons))},
      {kAccessKey, std::string(Trim(texts.access))},
  };
  for (const auto& [key, text] : fields) {
    const std::size_t chars = CodePointCount(text);
    if (chars > static_cast<std::size_t>(kMaxDecisionTextChars)) {
      return Status::InvalidInput(fmt::format("“{}”最多 {} 个字，现有 {} 个字；请精简后重新提交",
                                              FieldLabel(key), kMaxDecisionTextChars, chars));
    }
  }
  std::optional<NoticeKind> reply;
  if (event.type == EventType::kAnswered && event.outcome) reply = ReplyFor(*event.outcome);
  if (reply) {
    const NoticeKindInfo& info = Info(*reply);
    bool refusal = info.withholds;
    for (std::string_view needed : info.required) refusal = refusal || needed == kLegalBasisKey;
    for (std::string_view needed : info.required) {
      for (const auto& [key, text] : fields) {
        if (refusal && key == needed && text.empty()) {
          return Status::InvalidInput(fmt::format(
              "请填写“{}”：答复“{}”须出具{}，告知书必须写明此项（条例第三十六条、第三十七条）",
              FieldLabel(key), Label(*event.outcome), info.label));
        }
      }
    }
  }
  for (const auto& [key, text] : fields) {
    if (text.empty()) continue;
    if (!event.extra.is_object()) event.extra = nlohmann::ordered_json::object();
    event.extra[std::string(key)] = text;
  }
  return Status::Ok();
}

std::vector<IssuedNotice> IssuedNotices(const CaseDetail& c) {
  std::vector<IssuedNotice> out;
  // A voided step issued no notice (cases/event.h, `voided`).
  std::vector<Event> events;
  for (const StoredEvent& stored : c.events) events.push_back(stored.event);
  const std::vector<bool> skipped = SkippedByVoids(events);
  for (std::size_t i = 0; i < c.events.size(); ++i) {
    if (skipped[i]) continue;
    const StoredEvent& stored = c.events[i];
    const Event& e = stored.event;
    std::optional<NoticeKind> kind;
    switch (e.type) {
      case EventType::kReceived:
        kind = NoticeKind::kReceipt;
        break;
      case EventType::kCorrectionRequested:
        kind = NoticeKind::kCorrection;
        break;
      case EventType::kExtensionApproved:
        kind = NoticeKind::kExtension;
        break;
      case EventType::kAnswered:
        if (e.outcome) kind = ReplyFor(*e.outcome);
        break;
      default:
        break;
    }
    if (kind) out.push_back(IssuedNotice{*kind, e.date, stored.seq});
  }
  return out;
}

NoticeFields NoticeFieldsFor(const CaseDetail& c, const std::string& agency_name,
                             const IssuedNotice& n, const DeadlineSettings& settings) {
  const CaseSummary& s = c.summary;
  NoticeFields f;
  f.agency_name = agency_name;
  f.case_number = s.number;
  f.applicant_name = c.applicant.name;
  f.received = s.received;
  f.request = Join(s.items, "；");
  f.reply_due = s.due;
  f.issued = n.issued;
  if (n.kind == NoticeKind::kReceipt) {
    ReceiptFacts receipt = BuildReceipt(s.number, std::nullopt, s.received, s.due, settings);
    f.received = receipt.received;
    f.reply_due = receipt.reply_due;
    f.reply_due_explanation = receipt.due_explanation;
  }
  for (const StoredEvent& stored : c.events) {
    if (stored.seq > n.seq) break;
    const Event& e = stored.event;
    switch (e.type) {
      case EventType::kCorrectionRequested:
        if (e.items) f.correction_items = Join(*e.items, "\n");
        f.respond_by = e.deadline;
        break;
      case EventType::kExtensionApproved:
        f.extended_due = s.due;
        f.extension_working_days = e.working_days;
        f.reasons = DecisionText(e, kReasonsKey);
        break;
      case EventType::kAnswered:
        // Answers recorded before the texts had their own fields kept them in the note.
        f.legal_basis = DecisionText(e, kLegalBasisKey);
        f.reasons = Or(DecisionText(e, kReasonsKey), e.note);
        f.access = Or(DecisionText(e, kAccessKey), e.note);
        break;
      default:
        break;
    }
  }
  return f;
}

std::optional<IssuedNotice> FindIssued(const CaseDetail& c, int seq) {
  for (const IssuedNotice& n : IssuedNotices(c)) {
    if (n.seq == seq) return n;
  }
  return std::nullopt;
}

}  // namespace gongkai::web
