// The vocabulary of the Regulation (政府信息公开条例, 2019) as data: every enumerated thing the law
// names, with its stable key (used in case events, JSON, CSV and the database) and its Chinese
// label, in one table per vocabulary. Adding a report row or a channel is one table edit here.
//
// DO NOT CHANGE the keys: they are stored in case events and exported report JSON
// (../shared/spec/case-events.md, annual-report.md). The tables are constant; share them freely.

#ifndef GONGKAI_LAW_VOCAB_H_
#define GONGKAI_LAW_VOCAB_H_

#include <optional>
#include <span>
#include <string_view>

namespace gongkai {

// The applicant kinds of Art. 27; each is a column of report table B.
enum class ApplicantKind {
  kNaturalPerson,
  kCommercial,
  kResearch,
  kPublicInterest,
  kLegalService,
  kOtherOrg,
};

// How an application arrived; decides its legal receipt date (Art. 31, law.md §2).
enum class Channel { kInPerson, kPostSigned, kPostOrdinary, kInternet, kFax, kOral };

// Where a closed case lands in report table B (law.md §4). One value per result row of the
// 2021 format; kOtherUndivided is the 2019 trial format's single （六）其他处理 row.
enum class Outcome {
  kGranted,
  kPartial,
  kRefusedStateSecret,
  kRefusedLawForbidden,
  kRefusedSecurityStability,
  kRefusedThirdParty,
  kRefusedInternalAffairs,
  kRefusedProcessInfo,
  kRefusedEnforcementFile,
  kRefusedInquiryMatter,
  kUnavailableNotHeld,
  kUnavailableNeedsCreation,
  kUnavailableUnclear,
  kNotProcessedPetition,
  kNotProcessedRepeat,
  kNotProcessedPublication,
  kNotProcessedExcessive,
  kNotProcessedConfirm,
  kOtherNoCorrection,
  kOtherFeeUnpaid,
  kOtherOther,
};

// The blocks of report table C.
enum class RemedyBlock { kReconsideration, kLitigationDirect, kLitigationAfterReconsideration };

// How a reconsideration or lawsuit ended (table C columns, `pending` aside).
enum class RemedyResult { kUpheld, kCorrected, kOther };

template <typename E>
struct VocabEntry {
  E value;
  std::string_view key;    // stable key, e.g. "natural_person"
  std::string_view label;  // Chinese label as printed in the national format
};

std::span<const VocabEntry<ApplicantKind>> ApplicantKinds();
std::span<const VocabEntry<Channel>> Channels();
std::span<const VocabEntry<Outcome>> Outcomes();
std::span<const VocabEntry<RemedyBlock>> RemedyBlocks();
std::span<const VocabEntry<RemedyResult>> RemedyResults();

// Lookups by key; nullopt when the key is unknown.
std::optional<ApplicantKind> ApplicantKindFromKey(std::string_view key);
std::optional<Channel> ChannelFromKey(std::string_view key);
std::optional<Outcome> OutcomeFromKey(std::string_view key);
std::optional<RemedyResult> RemedyResultFromKey(std::string_view key);

std::string_view Key(ApplicantKind v);
std::string_view Key(Channel v);
std::string_view Key(Outcome v);
std::string_view Key(RemedyBlock v);
std::string_view Key(RemedyResult v);
std::string_view Label(ApplicantKind v);
std::string_view Label(Channel v);
std::string_view Label(Outcome v);
std::string_view Label(RemedyBlock v);
std::string_view Label(RemedyResult v);

// True for the refusal rows (（三）不予公开): their reply must state reasons and, from
// 2024-01-01, tell the applicant to seek 行政复议 before suing (行政复议法 2023 第二十三条).
bool IsRefusal(Outcome v);

}  // namespace gongkai

#endif  // GONGKAI_LAW_VOCAB_H_
