#include "cases/event.h"

#include <array>

#include "law/vocab_table.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<EventType>, 20> kEventTypes{{
    {EventType::kReceived, "received", "收到申请"},
    {EventType::kCorrectionRequested, "correction_requested", "补正告知"},
    {EventType::kCorrectionReceived, "correction_received", "收到补正"},
    {EventType::kReasonsRequested, "reasons_requested", "要求说明理由"},
    {EventType::kReasonsReceived, "reasons_received", "收到理由说明"},
    {EventType::kConsultationSent, "consultation_sent", "征求意见"},
    {EventType::kConsultationAnswered, "consultation_answered", "收到征求意见答复"},
    {EventType::kConsultationTimedOut, "consultation_timed_out", "征求意见期满"},
    {EventType::kExtensionApproved, "extension_approved", "延期答复"},
    {EventType::kFeeNoticeSent, "fee_notice_sent", "收费通知"},
    {EventType::kFeePaid, "fee_paid", "缴纳费用"},
    {EventType::kAnswered, "answered", "作出答复"},
    {EventType::kDeemedWithdrawn, "deemed_withdrawn", "视为放弃申请"},
    {EventType::kWithdrawn, "withdrawn", "申请人撤回申请"},
    {EventType::kDelivered, "delivered", "送达"},
    {EventType::kReconsiderationFiled, "reconsideration_filed", "申请行政复议"},
    {EventType::kReconsiderationDecided, "reconsideration_decided", "行政复议决定"},
    {EventType::kLitigationFiled, "litigation_filed", "提起行政诉讼"},
    {EventType::kLitigationDecided, "litigation_decided", "行政诉讼裁判"},
    {EventType::kVoided, "voided", "作废错误记录"},
}};

constexpr std::array<VocabEntry<ConsultationParty>, 2> kParties{{
    {ConsultationParty::kThirdParty, "third_party", "第三方"},
    {ConsultationParty::kCoAuthor, "co_author", "共同制作机关"},
}};

constexpr std::array<VocabEntry<FeeMethod>, 2> kFeeMethods{{
    {FeeMethod::kPerApplication, "per_application", "按件计收"},
    {FeeMethod::kPerPage, "per_page", "按量计收"},
}};

constexpr std::array<VocabEntry<WithdrawalReason>, 2> kWithdrawalReasons{{
    {WithdrawalReason::kNoCorrection, "no_correction", "逾期不补正"},
    {WithdrawalReason::kFeeUnpaid, "fee_unpaid", "逾期未缴费"},
}};

}  // namespace

std::span<const VocabEntry<EventType>> EventTypes() { return kEventTypes; }
std::span<const VocabEntry<ConsultationParty>> ConsultationParties() { return kParties; }
std::span<const VocabEntry<FeeMethod>> FeeMethods() { return kFeeMethods; }
std::span<const VocabEntry<WithdrawalReason>> WithdrawalReasons() { return kWithdrawalReasons; }

std::optional<EventType> EventTypeFromKey(std::string_view k) {
  return VocabFromKey(kEventTypes, k);
}
std::optional<ConsultationParty> ConsultationPartyFromKey(std::string_view k) {
  return VocabFromKey(kParties, k);
}
std::optional<FeeMethod> FeeMethodFromKey(std::string_view k) {
  return VocabFromKey(kFeeMethods, k);
}
std::optional<WithdrawalReason> WithdrawalReasonFromKey(std::string_view k) {
  return VocabFromKey(kWithdrawalReasons, k);
}

std::string_view Key(EventType v) { return VocabEntryOf(kEventTypes, v).key; }
std::string_view Key(ConsultationParty v) { return VocabEntryOf(kParties, v).key; }
std::string_view Key(FeeMethod v) { return VocabEntryOf(kFeeMethods, v).key; }
std::string_view Key(WithdrawalReason v) { return VocabEntryOf(kWithdrawalReasons, v).key; }
std::string_view Label(EventType v) { return VocabEntryOf(kEventTypes, v).label; }
std::string_view Label(ConsultationParty v) { return VocabEntryOf(kParties, v).label; }
std::string_view Label(FeeMethod v) { return VocabEntryOf(kFeeMethods, v).label; }
std::string_view Label(WithdrawalReason v) { return VocabEntryOf(kWithdrawalReasons, v).label; }

bool IsAnswerOutcome(Outcome v) {
  return v != Outcome::kOtherNoCorrection && v != Outcome::kOtherFeeUnpaid &&
         v != Outcome::kOtherOther;
}

bool IsClosing(EventType t) {
  return t == EventType::kAnswered || t == EventType::kDeemedWithdrawn ||
         t == EventType::kWithdrawn;
}

bool IsRemedy(EventType t) {
  return t == EventType::kReconsiderationFiled || t == EventType::kReconsiderationDecided ||
         t == EventType::kLitigationFiled || t == EventType::kLitigationDecided;
}

}  // namespace gongkai
