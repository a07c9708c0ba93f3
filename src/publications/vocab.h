// The vocabularies of the register of proactive disclosure (../shared/spec/proactive.md §2, §6)
// as data: the kinds of information (table 二 counts the first two), the validity statuses, the
// publication channels (公开渠道) and the subject categories (主题分类: the fifteen items of
// Art. 20 and the items Art. 21 adds for city/county governments and for townships), each with
// its stable key and its Chinese label, in one table per vocabulary.
//
// DO NOT CHANGE the keys: they are stored in the publications tables and the JSON Lines
// interchange format. The tables are constant; share them freely.

#ifndef GONGKAI_PUBLICATIONS_VOCAB_H_
#define GONGKAI_PUBLICATIONS_VOCAB_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "law/vocab.h"

namespace gongkai {

// What an item of information is; 规章 and 行政规范性文件 are the rows of table 二.
enum class PublicationKind { kRegulation, kNormativeDocument, kOther };

// 有效性 (§2): in force, expired (失效) or repealed (废止), the last two with a date.
enum class Validity { kInForce, kExpired, kRepealed };

// 公开渠道 (§2; Art. 23–25).
enum class PublicationChannel {
  kWebsite,
  kGazette,
  kNewMedia,
  kPressConference,
  kBroadcast,
  kPrint,
  kReadingRoom,
  kServiceCenter,
  kServiceStation,
  kDoorToDoor,
  kNoticeBoard,
  kTargetedPush,
  kHotline,
  kOther,
};

std::span<const VocabEntry<PublicationKind>> PublicationKinds();
std::span<const VocabEntry<Validity>> Validities();
std::span<const VocabEntry<PublicationChannel>> PublicationChannels();

// Lookups by stable key; nullopt when unknown.
std::optional<PublicationKind> PublicationKindFromKey(std::string_view key);
std::optional<Validity> ValidityFromKey(std::string_view key);
// By key ("website") or by Chinese label ("政府网站"), so spreadsheets may use either.
std::optional<PublicationChannel> PublicationChannelFromText(std::string_view text);

std::string_view Key(PublicationKind v);
std::string_view Key(Validity v);
std::string_view Key(PublicationChannel v);
std::string_view Label(PublicationKind v);
std::string_view Label(Validity v);
std::string_view Label(PublicationChannel v);

// The keys of a vocabulary joined by " | ", for error messages that list the allowed values.
std::string AllowedKeys(std::span<const VocabEntry<PublicationKind>> table);
std::string AllowedKeys(std::span<const VocabEntry<Validity>> table);
std::string AllowedKeys(std::span<const VocabEntry<PublicationChannel>> table);

// A subject category (主题分类). Statutory ones: `art20.1` … `art20.15` (Art. 20 (一)…(十五)),
// `art21.city.1` … `art21.city.7` (Art. 21, 设区的市级、县级 governments and departments),
// `art21.town.1` … `art21.town.8` (Art. 21, 乡(镇)). An agency's local catalogue row is a key
// `local.<anything without spaces>`; its label is the agency's and not known here.
struct CategoryEntry {
  std::string_view key;    // e.g. "art20.7"
  std::string_view label;  // e.g. "财政预算、决算"
  std::string_view item;   // e.g. "第二十条第（七）项"
};
std::span<const CategoryEntry> StatutoryCategories();

// The statutory category of `key`, or nullopt (also for a local key).
std::optional<CategoryEntry> StatutoryCategory(std::string_view key);
// True for a statutory key or a well-formed `local.` key.
bool IsValidCategoryKey(std::string_view key);
// What an error message lists as the allowed values of `category`.
std::string_view AllowedCategoriesText();

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_VOCAB_H_
