// Which notices a case's events call for (law.md §6): Art. 31 makes the receipt the start of
// every case; Art. 30 a 补正告知书 per correction request; Art. 33 a 延期答复告知书 per approved
// extension; Art. 36–39 one reply per answer. Fields come from the events up to the notice's own
// event, so an early notice keeps the deadline it announced even after later steps.

#include "web/case_notices.h"

namespace gongkai::web {

namespace {

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

}  // namespace

std::vector<IssuedNotice> IssuedNotices(const CaseDetail& c) {
  std::vector<IssuedNotice> out;
  for (const StoredEvent& stored : c.events) {
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
                             const IssuedNotice& n) {
  const CaseSummary& s = c.summary;
  NoticeFields f;
  f.agency_name = agency_name;
  f.case_number = s.number;
  f.applicant_name = c.applicant.name;
  f.received = s.received;
  f.request = Join(s.items, "；");
  f.reply_due = s.due;
  f.issued = n.issued;
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
        break;
      case EventType::kAnswered:
        // The office's note on the answer holds its reasons, or how to get the information.
        f.reasons = e.note;
        f.access = e.note;
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
