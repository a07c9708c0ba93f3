// 好差评: a rating of a government service (国办发〔2019〕51号; ../shared/spec/services.md §7) and
// the steps of the ticket every 差评 opens. A rating names the catalogue item (实施编码),
// optionally the case it rated (一事一评), what was rated (事项 / 窗口 / 平台 / 工作人员), the
// channel, one of five levels (5 非常满意 … 1 非常不满意; 2 and 1 are 差评), the options chosen,
// free text, whether the rater gave a name, and the local time in Asia/Shanghai. A rating belongs
// to the year, month and quarter of its local date.
//
// The vocabularies below are tables of (value, stable key, Chinese label). DO NOT CHANGE the keys:
// they are the JSON Lines keys of §9 and are stored in the ratings tables.
//
// Plain values; the tables are constant; share freely.

#ifndef GONGKAI_SERVICES_RATING_H_
#define GONGKAI_SERVICES_RATING_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "law/vocab.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// What was rated.
enum class RatingObject { kItem, kWindow, kPlatform, kStaff };
// Where the rating was given: 一次一评 in the hall (tablet), 一事一评 online (PC, mobile, QR code).
enum class RatingChannel { kPc, kMobile, kQr, kTablet, kOther };
// A step of a 差评 ticket (§7): 核实, then one answer — 整改 | 解释说明 | 申诉 (upheld: 无效差评,
// removed from the figures; rejected: the ticket needs another answer) | 无法整改 — then 回访.
// 延期 moves the deadline.
enum class TicketStepKind {
  kVerified,
  kRectified,
  kExplained,
  kAppealUpheld,
  kAppealRejected,
  kCannotRectify,
  kExtended,
  kRevisited,
};
// The rater's verdict on the rectification at 回访.
enum class RevisitResult { kSatisfied, kBasically, kUnsatisfied };

std::span<const VocabEntry<RatingObject>> RatingObjects();
std::span<const VocabEntry<RatingChannel>> RatingChannels();
std::span<const VocabEntry<TicketStepKind>> TicketStepKinds();
std::span<const VocabEntry<RevisitResult>> RevisitResults();
std::optional<RatingObject> RatingObjectFromKey(std::string_view key);
std::optional<RatingChannel> RatingChannelFromKey(std::string_view key);
std::optional<TicketStepKind> TicketStepKindFromKey(std::string_view key);
std::optional<RevisitResult> RevisitResultFromKey(std::string_view key);
std::string_view Key(RatingObject v);
std::string_view Key(RatingChannel v);
std::string_view Key(TicketStepKind v);
std::string_view Key(RevisitResult v);
std::string_view Label(RatingObject v);
std::string_view Label(RatingChannel v);
std::string_view Label(TicketStepKind v);
std::string_view Label(RevisitResult v);

// 1 … 5 → 非常不满意 … 非常满意. REQUIRES: 1 <= level <= 5.
std::string_view RatingLevelLabel(int level);
// Levels 1 and 2 (不满意, 非常不满意) are 差评.
inline bool IsPoor(int level) { return level <= 2; }

// A local time in Asia/Shanghai to the minute, as rated.
struct LocalMinute {
  Date date;
  int minute = 0;  // minutes since local midnight, 0 … 1439
  friend bool operator==(const LocalMinute&, const LocalMinute&) = default;
};
// Parses `YYYY-MM-DDTHH:MM`; kInvalidInput naming the text otherwise.
Result<LocalMinute> ParseLocalMinute(std::string_view text);
std::string FormatLocalMinute(const LocalMinute& t);

struct Rating {
  std::string id;           // the rating's id on the platform; unique within the agency
  std::string item;         // the catalogue code (实施编码 / 业务办理项编码)
  std::string case_number;  // the case rated (一事一评); "" when none
  RatingObject object = RatingObject::kItem;
  RatingChannel channel = RatingChannel::kOther;
  int level = 5;                     // 1 … 5
  std::vector<std::string> options;  // the options ticked, as offered
  std::string text;                  // free text; never shown publicly
  bool named = false;                // the rater gave a name (kept by the platform, not here)
  LocalMinute at;
  std::string extra = "{}";  // unknown fields, a JSON object
  friend bool operator==(const Rating&, const Rating&) = default;
};

// One step of a 差评's ticket.
struct TicketStep {
  std::string rating;  // the rating's id
  TicketStepKind kind = TicketStepKind::kVerified;
  Date date;
  std::optional<RevisitResult> result;  // kRevisited only
  std::optional<int> days;              // kExtended: the extension's length; unset = one period
  std::string note;                     // what was found / done / explained
  bool approved = true;                 // false while a step that NeedsApproval awaits the head
  std::string extra = "{}";
  friend bool operator==(const TicketStep&, const TicketStep&) = default;
};

// Whether a step waits for the head's approval before it counts (§7: each answer is approved,
// and so is an extension). 核实 and 回访 are recorded as done.
bool NeedsApproval(TicketStepKind kind);

// Checks a rating on its own: id, item, level 1–5. kInvalidInput `字段 FIELD：…`.
Status CheckRating(const Rating& rating);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_RATING_H_
