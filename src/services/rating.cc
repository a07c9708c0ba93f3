#include "services/rating.h"

#include <fmt/format.h>

#include <array>

#include "law/vocab_table.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<RatingObject>, 4> kObjects{{
    {RatingObject::kItem, "item", "事项"},
    {RatingObject::kWindow, "window", "窗口"},
    {RatingObject::kPlatform, "platform", "平台"},
    {RatingObject::kStaff, "staff", "工作人员"},
}};

constexpr std::array<VocabEntry<RatingChannel>, 5> kChannels{{
    {RatingChannel::kPc, "pc", "PC端"},
    {RatingChannel::kMobile, "mobile", "移动端"},
    {RatingChannel::kQr, "qr", "二维码"},
    {RatingChannel::kTablet, "tablet", "大厅评价器"},
    {RatingChannel::kOther, "other", "其他"},
}};

constexpr std::array<VocabEntry<TicketStepKind>, 8> kSteps{{
    {TicketStepKind::kVerified, "verified", "核实"},
    {TicketStepKind::kRectified, "rectified", "整改"},
    {TicketStepKind::kExplained, "explained", "解释说明"},
    {TicketStepKind::kAppealUpheld, "appeal_upheld", "申诉成立（无效差评）"},
    {TicketStepKind::kAppealRejected, "appeal_rejected", "申诉未成立"},
    {TicketStepKind::kCannotRectify, "cannot_rectify", "无法整改"},
    {TicketStepKind::kExtended, "extended", "延期"},
    {TicketStepKind::kRevisited, "revisited", "回访"},
}};

constexpr std::array<VocabEntry<RevisitResult>, 3> kResults{{
    {RevisitResult::kSatisfied, "satisfied", "满意"},
    {RevisitResult::kBasically, "basically", "基本满意"},
    {RevisitResult::kUnsatisfied, "unsatisfied", "不满意"},
}};

constexpr std::array<std::string_view, 5> kLevelLabels{"非常不满意", "不满意", "基本满意", "满意",
                                                       "非常满意"};

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

std::span<const VocabEntry<RatingObject>> RatingObjects() { return kObjects; }
std::span<const VocabEntry<RatingChannel>> RatingChannels() { return kChannels; }
std::span<const VocabEntry<TicketStepKind>> TicketStepKinds() { return kSteps; }
std::span<const VocabEntry<RevisitResult>> RevisitResults() { return kResults; }
std::optional<RatingObject> RatingObjectFromKey(std::string_view k) {
  return VocabFromKey(kObjects, k);
}
std::optional<RatingChannel> RatingChannelFromKey(std::string_view k) {
  return VocabFromKey(kChannels, k);
}
std::optional<TicketStepKind> TicketStepKindFromKey(std::string_view k) {
  return VocabFromKey(kSteps, k);
}
std::optional<RevisitResult> RevisitResultFromKey(std::string_view k) {
  return VocabFromKey(kResults, k);
}
std::string_view Key(RatingObject v) { return VocabEntryOf(kObjects, v).key; }
std::string_view Key(RatingChannel v) { return VocabEntryOf(kChannels, v).key; }
std::string_view Key(TicketStepKind v) { return VocabEntryOf(kSteps, v).key; }
std::string_view Key(RevisitResult v) { return VocabEntryOf(kResults, v).key; }
std::string_view Label(RatingObject v) { return VocabEntryOf(kObjects, v).label; }
std::string_view Label(RatingChannel v) { return VocabEntryOf(kChannels, v).label; }
std::string_view Label(TicketStepKind v) { return VocabEntryOf(kSteps, v).label; }
std::string_view Label(RevisitResult v) { return VocabEntryOf(kResults, v).label; }

std::string_view RatingLevelLabel(int level) { return kLevelLabels[level - 1]; }

Result<LocalMinute> ParseLocalMinute(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidInput(fmt::format("应为北京时间 YYYY-MM-DDTHH:MM，实为「{}」", text));
  };
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return bad();
  auto date = ParseDate(text.substr(0, 10));
  std::string_view hh = text.substr(11, 2), mm = text.substr(14, 2);
  if (!date.ok() || !Digits(hh) || !Digits(mm)) return bad();
  int h = (hh[0] - '0') * 10 + (hh[1] - '0'), m = (mm[0] - '0') * 10 + (mm[1] - '0');
  if (h > 23 || m > 59) return bad();
  return LocalMinute{*date, h * 60 + m};
}

std::string FormatLocalMinute(const LocalMinute& t) {
  return fmt::format("{}T{:02}:{:02}", FormatDate(t.date), t.minute / 60, t.minute % 60);
}

bool NeedsApproval(TicketStepKind kind) {
  return kind != TicketStepKind::kVerified && kind != TicketStepKind::kRevisited;
}

Status CheckRating(const Rating& r) {
  if (r.id.empty()) return Status::InvalidInput("字段 id：不能为空");
  if (r.item.empty()) return Status::InvalidInput("字段 item：不能为空（事项目录中的编码）");
  if (r.level < 1 || r.level > 5) {
    return Status::InvalidInput(
        "字段 level：应为 1 至 5 的整数（5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意）");
  }
  return Status::Ok();
}

}  // namespace gongkai
