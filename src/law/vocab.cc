#include "law/vocab.h"

#include <array>

#include "law/vocab_table.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<ApplicantKind>, 6> kApplicantKinds{{
    {ApplicantKind::kNaturalPerson, "natural_person", "自然人"},
    {ApplicantKind::kCommercial, "commercial", "商业企业"},
    {ApplicantKind::kResearch, "research", "科研机构"},
    {ApplicantKind::kPublicInterest, "public_interest", "社会公益组织"},
    {ApplicantKind::kLegalService, "legal_service", "法律服务机构"},
    {ApplicantKind::kOtherOrg, "other_org", "其他"},
}};

constexpr std::array<VocabEntry<Channel>, 6> kChannels{{
    {Channel::kInPerson, "in_person", "当面提交"},
    {Channel::kPostSigned, "post_signed", "邮寄（签收）"},
    {Channel::kPostOrdinary, "post_ordinary", "平常信函"},
    {Channel::kInternet, "internet", "互联网"},
    {Channel::kFax, "fax", "传真"},
    {Channel::kOral, "oral", "口头申请"},
}};

constexpr std::array<VocabEntry<Outcome>, 21> kOutcomes{{
    {Outcome::kGranted, "granted", "予以公开"},
    {Outcome::kPartial, "partial", "部分公开"},
    {Outcome::kRefusedStateSecret, "refused.state_secret", "属于国家秘密"},
    {Outcome::kRefusedLawForbidden, "refused.law_forbidden", "其他法律行政法规禁止公开"},
    {Outcome::kRefusedSecurityStability, "refused.security_stability", "危及“三安全一稳定”"},
    {Outcome::kRefusedThirdParty, "refused.third_party", "保护第三方合法权益"},
    {Outcome::kRefusedInternalAffairs, "refused.internal_affairs", "属于三类内部事务信息"},
    {Outcome::kRefusedProcessInfo, "refused.process_info", "属于四类过程性信息"},
    {Outcome::kRefusedEnforcementFile, "refused.enforcement_file", "属于行政执法案卷"},
    {Outcome::kRefusedInquiryMatter, "refused.inquiry_matter", "属于行政查询事项"},
    {Outcome::kUnavailableNotHeld, "unavailable.not_held", "本机关不掌握相关政府信息"},
    {Outcome::kUnavailableNeedsCreation, "unavailable.needs_creation", "没有现成信息需要另行制作"},
    {Outcome::kUnavailableUnclear, "unavailable.unclear", "补正后申请内容仍不明确"},
    {Outcome::kNotProcessedPetition, "not_processed.petition", "信访举报投诉类申请"},
    {Outcome::kNotProcessedRepeat, "not_processed.repeat", "重复申请"},
    {Outcome::kNotProcessedPublication, "not_processed.publication", "要求提供公开出版物"},
    {Outcome::kNotProcessedExcessive, "not_processed.excessive", "无正当理由大量反复申请"},
    {Outcome::kNotProcessedConfirm, "not_processed.confirm",
     "要求行政机关确认或重新出具已获取信息"},
    {Outcome::kOtherNoCorrection, "other.no_correction", "申请人无正当理由逾期不补正"},
    {Outcome::kOtherFeeUnpaid, "other.fee_unpaid", "申请人逾期未按收费通知要求缴纳费用"},
    {Outcome::kOtherOther, "other.other", "其他"},
}};

constexpr std::array<VocabEntry<RemedyBlock>, 3> kRemedyBlocks{{
    {RemedyBlock::kReconsideration, "reconsideration", "行政复议"},
    {RemedyBlock::kLitigationDirect, "litigation_direct", "行政诉讼（未经复议直接起诉）"},
    {RemedyBlock::kLitigationAfterReconsideration, "litigation_after_reconsideration",
     "行政诉讼（复议后起诉）"},
}};

constexpr std::array<VocabEntry<RemedyResult>, 3> kRemedyResults{{
    {RemedyResult::kUpheld, "upheld", "结果维持"},
    {RemedyResult::kCorrected, "corrected", "结果纠正"},
    {RemedyResult::kOther, "other", "其他结果"},
}};

}  // namespace

std::span<const VocabEntry<ApplicantKind>> ApplicantKinds() { return kApplicantKinds; }
std::span<const VocabEntry<Channel>> Channels() { return kChannels; }
std::span<const VocabEntry<Outcome>> Outcomes() { return kOutcomes; }
std::span<const VocabEntry<RemedyBlock>> RemedyBlocks() { return kRemedyBlocks; }
std::span<const VocabEntry<RemedyResult>> RemedyResults() { return kRemedyResults; }

std::optional<ApplicantKind> ApplicantKindFromKey(std::string_view k) {
  return VocabFromKey(kApplicantKinds, k);
}
std::optional<Channel> ChannelFromKey(std::string_view k) { return VocabFromKey(kChannels, k); }
std::optional<Outcome> OutcomeFromKey(std::string_view k) { return VocabFromKey(kOutcomes, k); }
std::optional<RemedyResult> RemedyResultFromKey(std::string_view k) {
  return VocabFromKey(kRemedyResults, k);
}

std::string_view Key(ApplicantKind v) { return VocabEntryOf(kApplicantKinds, v).key; }
std::string_view Key(Channel v) { return VocabEntryOf(kChannels, v).key; }
std::string_view Key(Outcome v) { return VocabEntryOf(kOutcomes, v).key; }
std::string_view Key(RemedyBlock v) { return VocabEntryOf(kRemedyBlocks, v).key; }
std::string_view Key(RemedyResult v) { return VocabEntryOf(kRemedyResults, v).key; }
std::string_view Label(ApplicantKind v) { return VocabEntryOf(kApplicantKinds, v).label; }
std::string_view Label(Channel v) { return VocabEntryOf(kChannels, v).label; }
std::string_view Label(Outcome v) { return VocabEntryOf(kOutcomes, v).label; }
std::string_view Label(RemedyBlock v) { return VocabEntryOf(kRemedyBlocks, v).label; }
std::string_view Label(RemedyResult v) { return VocabEntryOf(kRemedyResults, v).label; }

bool IsRefusal(Outcome v) {
  return v >= Outcome::kRefusedStateSecret && v <= Outcome::kRefusedInquiryMatter;
}

}  // namespace gongkai
