#include "services/rating_stats.h"

#include <fmt/format.h>

#include <array>

namespace gongkai {
namespace {

constexpr std::array<std::string_view, 4> kQuarters{"一", "二", "三", "四"};

constexpr std::array<std::string_view, 7> kCountFormulas{
    "评价总数 = 期间内（按评价的北京时间日期）收到的评价数，不含申诉成立的无效差评",
    "差评 = 评价等级为“不满意”（2）或“非常不满意”（1）的评价数",
    "无效差评 = 申诉复核成立、经批准的差评数（不计入其他各项）",
    "已答复差评 = 已有经批准的整改、解释说明或无法整改答复的差评数",
    "已整改差评 = 已有经批准的整改答复的差评数",
    "回访数 = 已回访的差评数；回访满意 = 回访时评价人对整改“满意”或“基本满意”的差评数",
    "各项答复、整改、回访按统计时已记录的步骤计，不论其日期",
};

void Add(RatingFigures& f, const RatedService& r) {
  const Rating& rating = r.rating;
  bool upheld = false, answered = false, rectified = false;
  std::optional<RevisitResult> revisit;
  for (const TicketStep& s : r.steps) {
    if (!s.approved) continue;
    switch (s.kind) {
      case TicketStepKind::kAppealUpheld:
        upheld = true;
        break;
      case TicketStepKind::kRectified:
        rectified = answered = true;
        break;
      case TicketStepKind::kExplained:
      case TicketStepKind::kCannotRectify:
        answered = true;
        break;
      case TicketStepKind::kRevisited:
        revisit = s.result;
        break;
      default:
        break;
    }
  }
  if (IsPoor(rating.level) && upheld) {
    ++f.invalid;
    return;
  }
  ++f.total;
  ++f.levels[rating.level - 1];
  ++f.by_channel[static_cast<std::size_t>(rating.channel)];
  ++f.by_object[static_cast<std::size_t>(rating.object)];
  if (!IsPoor(rating.level)) return;
  ++f.poor;
  ++f.poor_by_object[static_cast<std::size_t>(rating.object)];
  f.answered += answered;
  f.rectified += rectified;
  if (revisit) {
    ++f.revisited;
    f.revisit_satisfied += *revisit != RevisitResult::kUnsatisfied;
  }
}

}  // namespace

bool RatingPeriod::Contains(Date d) const {
  if (static_cast<int>(d.year()) != year) return false;
  unsigned m = static_cast<unsigned>(d.month());
  if (month) return static_cast<int>(m) == *month;
  if (quarter) return static_cast<int>((m - 1) / 3 + 1) == *quarter;
  return true;
}

std::string RatingPeriod::Label() const {
  if (month) return fmt::format("{}年{}月", year, *month);
  if (quarter) return fmt::format("{}年第{}季度", year, kQuarters[*quarter - 1]);
  return fmt::format("{}年", year);
}

Status CheckRatingPeriod(const RatingPeriod& p) {
  if (p.year < 2000 || p.year > 2100) {
    return Status::InvalidInput(fmt::format("年份 {} 无效：应为 2000 至 2100", p.year));
  }
  if (p.month && p.quarter) return Status::InvalidInput("月份与季度只能选一个");
  if (p.month && (*p.month < 1 || *p.month > 12)) {
    return Status::InvalidInput(fmt::format("月份 {} 无效：应为 1 至 12", *p.month));
  }
  if (p.quarter && (*p.quarter < 1 || *p.quarter > 4)) {
    return Status::InvalidInput(fmt::format("季度 {} 无效：应为 1 至 4", *p.quarter));
  }
  return Status::Ok();
}

RatingStats ComputeRatingStats(std::span<const RatedService> ratings, const RatingPeriod& period,
                               const std::function<std::string(const std::string&)>& department_of,
                               const std::optional<std::string>& department) {
  RatingStats stats;
  stats.period = period;
  stats.department = department;
  for (const RatedService& r : ratings) {
    const Date d = r.rating.at.date;
    if (static_cast<int>(d.year()) != period.year) continue;
    std::string dept = department_of(r.rating.item);
    if (dept.empty()) dept = "（目录外事项）";
    if (department && dept != *department) continue;
    RatingFigures month;
    Add(month, r);
    auto& row = stats.year_by_month[static_cast<unsigned>(d.month()) - 1];
    for (std::size_t i = 0; i < 5; ++i) row[i] += month.levels[i];
    if (!period.Contains(d)) continue;
    Add(stats.all, r);
    Add(stats.by_department[dept], r);
    Add(stats.by_item[r.rating.item], r);
  }
  return stats;
}

std::string Percent(int64_t n, int64_t d) {
  if (d == 0) return "—";
  // Rounded half up to two decimals in integer arithmetic: 1/3 → 33.33%, 2/3 → 66.67%.
  int64_t hundredths = (n * 20000 + d) / (2 * d);
  return fmt::format("{}.{:02}%", hundredths / 100, hundredths % 100);
}

std::vector<RatingRate> RatingRates(const RatingFigures& f) {
  return {
      {"good_rate", "好评率", "好评率 = （非常满意 + 满意 + 基本满意）÷ 评价总数 × 100%",
       Percent(f.good(), f.total)},
      {"poor_rate", "差评率", "差评率 = 差评 ÷ 评价总数 × 100%", Percent(f.poor, f.total)},
      {"answer_rate", "差评回复率", "差评回复率 = 已答复差评 ÷ 差评 × 100%",
       Percent(f.answered, f.poor)},
      {"rectify_rate", "整改率", "整改率 = 已整改差评 ÷ 差评 × 100%", Percent(f.rectified, f.poor)},
      {"revisit_rate", "回访率", "回访率 = 回访数 ÷ 差评 × 100%", Percent(f.revisited, f.poor)},
      {"revisit_satisfaction", "回访整改满意率", "回访整改满意率 = 回访满意 ÷ 回访数 × 100%",
       Percent(f.revisit_satisfied, f.revisited)},
  };
}

std::span<const std::string_view> RatingCountFormulas() { return kCountFormulas; }

}  // namespace gongkai
