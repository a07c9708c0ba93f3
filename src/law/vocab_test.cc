#include "law/vocab.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gongkai {
namespace {

// Each table is in enum order (the lookups index by value), its keys are unique and
// round-trip through FromKey.
template <typename E, typename FromKeyFn>
void ExpectTableConsistent(std::span<const VocabEntry<E>> table, FromKeyFn from_key) {
  std::set<std::string_view> keys;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& e = table[i];
    EXPECT_EQ(static_cast<std::size_t>(e.value), i) << e.key;
    EXPECT_TRUE(keys.insert(e.key).second) << "duplicate key " << e.key;
    EXPECT_FALSE(e.label.empty()) << e.key;
    EXPECT_EQ(Key(e.value), e.key);
    EXPECT_EQ(Label(e.value), e.label);
    auto back = from_key(e.key);
    ASSERT_TRUE(back.has_value()) << e.key;
    EXPECT_EQ(*back, e.value);
  }
  EXPECT_FALSE(from_key("no_such_key").has_value());
  EXPECT_FALSE(from_key("").has_value());
}

TEST(VocabTest, TablesAreConsistent) {
  ExpectTableConsistent(ApplicantKinds(), ApplicantKindFromKey);
  ExpectTableConsistent(Channels(), ChannelFromKey);
  ExpectTableConsistent(Outcomes(), OutcomeFromKey);
  ExpectTableConsistent(RemedyResults(), RemedyResultFromKey);
  EXPECT_EQ(RemedyBlocks().size(), 3u);
}

// The stored keys of case-events.md and annual-report.md (DO NOT CHANGE): spelled out here so a
// renamed key fails a test.
TEST(VocabTest, StableKeysMatchTheSpec) {
  const std::pair<ApplicantKind, const char*> kinds[] = {
      {ApplicantKind::kNaturalPerson, "natural_person"},
      {ApplicantKind::kCommercial, "commercial"},
      {ApplicantKind::kResearch, "research"},
      {ApplicantKind::kPublicInterest, "public_interest"},
      {ApplicantKind::kLegalService, "legal_service"},
      {ApplicantKind::kOtherOrg, "other_org"},
  };
  for (const auto& [v, key] : kinds) EXPECT_EQ(Key(v), key);
  const std::pair<Channel, const char*> channels[] = {
      {Channel::kInPerson, "in_person"},
      {Channel::kPostSigned, "post_signed"},
      {Channel::kPostOrdinary, "post_ordinary"},
      {Channel::kInternet, "internet"},
      {Channel::kFax, "fax"},
      {Channel::kOral, "oral"},
  };
  for (const auto& [v, key] : channels) EXPECT_EQ(Key(v), key);
  EXPECT_EQ(Key(Outcome::kGranted), "granted");
  EXPECT_EQ(Key(Outcome::kPartial), "partial");
  EXPECT_EQ(Key(Outcome::kRefusedInquiryMatter), "refused.inquiry_matter");
  EXPECT_EQ(Key(Outcome::kUnavailableUnclear), "unavailable.unclear");
  EXPECT_EQ(Key(Outcome::kNotProcessedConfirm), "not_processed.confirm");
  EXPECT_EQ(Key(Outcome::kOtherNoCorrection), "other.no_correction");
  EXPECT_EQ(Key(Outcome::kOtherFeeUnpaid), "other.fee_unpaid");
  EXPECT_EQ(Key(Outcome::kOtherOther), "other.other");
  EXPECT_EQ(Key(RemedyBlock::kLitigationAfterReconsideration), "litigation_after_reconsideration");
  EXPECT_EQ(Key(RemedyResult::kCorrected), "corrected");
}

TEST(VocabTest, RefusalsAreExactlyTheEightRowsOfSectionThree) {
  int refusals = 0;
  for (const auto& e : Outcomes()) {
    bool expected = std::string_view(e.key).starts_with("refused.");
    EXPECT_EQ(IsRefusal(e.value), expected) << e.key;
    refusals += IsRefusal(e.value) ? 1 : 0;
  }
  EXPECT_EQ(refusals, 8);
}

}  // namespace
}  // namespace gongkai
