// An Event is one step of a disclosure case (政府信息公开申请): the case is nothing but the ordered
// list of its events (DESIGN.md), and its status, deadlines and report cell are derived from that
// list (cases/case_state.h). The vocabulary and the fields each type carries are those of the
// interchange format, ../shared/spec/case-events.md. Plain value types; copy freely.
//
// DO NOT CHANGE the event type keys, the party keys, the fee method keys or the
// deemed-withdrawal reason keys: they are stored in case events, hashed into the audit chain and
// exported as JSON Lines.

#ifndef GONGKAI_CASES_EVENT_H_
#define GONGKAI_CASES_EVENT_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "law/fees.h"
#include "law/vocab.h"
#include "util/date.h"

namespace gongkai {

// DO NOT CHANGE the keys (see the file comment). Declaration order is the table order.
enum class EventType {
  kReceived,                // received: the legal receipt date (Art. 31)
  kCorrectionRequested,     // 补正告知 (Art. 30)
  kCorrectionReceived,      // the supplemented application arrived; the 20 days restart
  kReasonsRequested,        // 说明理由 (Art. 35)
  kReasonsReceived,         //
  kConsultationSent,        // 征求意见 (Art. 32, 34): the reply clock stops
  kConsultationAnswered,    // the clock resumes
  kConsultationTimedOut,    // 15 working days passed without an answer; the clock resumes
  kExtensionApproved,       // 延期 (Art. 33), once per case
  kFeeNoticeSent,           // 收费通知 (国办函〔2020〕109号)
  kFeePaid,                 //
  kAnswered,                // the reply; closes the case in its table B row
  kDeemedWithdrawn,         // 视为放弃申请: no 补正 or fee unpaid; closes the case
  kWithdrawn,               // the applicant withdrew; closes the case
  kDelivered,               // the reply reached the applicant
  kReconsiderationFiled,    // 行政复议
  kReconsiderationDecided,  //
  kLitigationFiled,         // 行政诉讼
  kLitigationDecided,       //
  kVoided,                  // voids a mistaken step (not in case-events.md; see below)
};

// `voided` (design, added to the interchange format by Gongkai): {"type": "voided", "voids": N,
// "reason": "…"} declares the case's N-th event (its seq, 1-based, in the case's order) a
// mistake. Nothing is edited or deleted: the voided step stays in the history, struck through,
// and every fold (ComputeCaseState, the annual report, the sequence rule) skips both the voided
// step and the void. A void needs the head's approval (store/proposals.h). What may be voided is
// CheckNextEvent's rule (cases/case_state.h): the latest step still in force, never `received`
// nor another void.

// Whom a consultation asks (Art. 32 third party, Art. 34 co-author agency).
enum class ConsultationParty { kThirdParty, kCoAuthor };

// Why a case was deemed withdrawn (Art. 30; 109号). Each maps to a table B row.
enum class WithdrawalReason { kNoCorrection, kFeeUnpaid };

std::span<const VocabEntry<EventType>> EventTypes();
std::span<const VocabEntry<ConsultationParty>> ConsultationParties();
// FeeMethod itself is declared in law/fees.h (the schedule lives in law/).
std::span<const VocabEntry<FeeMethod>> FeeMethods();
std::span<const VocabEntry<WithdrawalReason>> WithdrawalReasons();

// Lookups by key; nullopt when the key is unknown.
std::optional<EventType> EventTypeFromKey(std::string_view key);
std::optional<ConsultationParty> ConsultationPartyFromKey(std::string_view key);
std::optional<FeeMethod> FeeMethodFromKey(std::string_view key);
std::optional<WithdrawalReason> WithdrawalReasonFromKey(std::string_view key);

std::string_view Key(EventType v);
std::string_view Key(ConsultationParty v);
std::string_view Key(FeeMethod v);
std::string_view Key(WithdrawalReason v);
std::string_view Label(EventType v);
std::string_view Label(ConsultationParty v);
std::string_view Label(FeeMethod v);
std::string_view Label(WithdrawalReason v);

// The outcomes an `answered` event may carry: every table B result row except the （六）其他处理
// rows, which only `deemed_withdrawn` and `withdrawn` reach.
bool IsAnswerOutcome(Outcome v);

// True for the events that close a case: answered, deemed_withdrawn, withdrawn.
bool IsClosing(EventType t);
// True for `voided`: an event about the record, not a step of the case.
inline bool IsVoid(EventType t) { return t == EventType::kVoided; }
// True for the remedies (reconsideration and litigation, filed or decided): they may follow a
// closed case.
bool IsRemedy(EventType t);

// One event. The optional fields are the extras of case-events.md; each is set only for the
// types that carry it (a known field on a type that does not take it is kept in `extra`, like an
// unknown one). `extra` keeps every field the format does not define for the type, in input
// order, so an exported line carries what was imported.
struct Event {
  std::string case_number;  // `case`: unique within the agency
  EventType type = EventType::kReceived;
  Date date;  // the legally relevant date of the step
  std::string agency;
  std::string note;
  std::string actor;

  // received
  std::optional<ApplicantKind> applicant_kind;
  std::optional<std::string> applicant_name;
  std::optional<Channel> channel;
  std::optional<Date> arrived;  // physical arrival; `date` when absent (law.md §2)
  // received, correction_requested: what is asked / what must be supplemented
  std::optional<std::vector<std::string>> items;
  // correction_requested: the day the applicant must supplement by
  std::optional<Date> deadline;
  // reasons_received
  std::optional<bool> accepted;
  // consultation_sent
  std::optional<ConsultationParty> party;
  std::optional<std::string> to;
  // consultation_answered
  std::optional<bool> agrees;
  // extension_approved
  std::optional<int> working_days;
  std::optional<std::string> approved_by;
  // fee_notice_sent: a FeeMethod key; delivered: free text (e.g. "邮寄", "电子邮件")
  std::optional<std::string> method;
  // fee_notice_sent
  std::optional<int64_t> amount_fen;
  // answered
  std::optional<Outcome> outcome;
  // deemed_withdrawn
  std::optional<WithdrawalReason> reason;
  // reconsideration_filed: the reconsideration body (复议机关)
  std::optional<std::string> body;
  // reconsideration_decided, litigation_decided
  std::optional<RemedyResult> result;
  // litigation_filed
  std::optional<bool> after_reconsideration;
  // voided: the seq (1-based position in the case) of the voided event, and why (required)
  std::optional<int> voids;
  std::optional<std::string> void_reason;

  // Fields the format does not define, in input order: an object, or null when there are none
  // (null costs no allocation; a million generated events carry none).
  nlohmann::ordered_json extra;

  // The date the applicant's received event records as arrival (arrived or date).
  Date ArrivalDate() const { return arrived.value_or(date); }

  friend bool operator==(const Event&, const Event&) = default;
};

// The events of one case, in order, with the input line of each (0 when not from a file).
struct CaseEvents {
  std::string agency;
  std::string case_number;
  std::vector<Event> events;
  std::vector<int> lines;  // lines[i] is the line of events[i]
};

}  // namespace gongkai

#endif  // GONGKAI_CASES_EVENT_H_
