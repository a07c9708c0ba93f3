// The published figures of 好差评 (../shared/spec/services.md §7) for a year, a month or a quarter,
// overall, per department (实施机关) and per item. GB/T 39735-2020 names the national figures but
// its formulas were not available to us, so these are "本系统口径", each with its formula
// (RatingFormulas) printed under the table that shows it:
//   - a rating belongs to the period of its local date (Asia/Shanghai);
//   - a 差评 whose appeal was upheld (无效差评, approved) leaves every figure and is counted apart
//     in `invalid`;
//   - 差评 answered, rectified, revisited count the approved steps recorded when the figures are
//     computed, whatever their date.
// Raters never appear: the figures are counts. Pure functions; safe from any thread.

#ifndef GONGKAI_SERVICES_RATING_STATS_H_
#define GONGKAI_SERVICES_RATING_STATS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/rating.h"

namespace gongkai {

// A year, one of its months, or one of its quarters.
struct RatingPeriod {
  int year = 0;
  std::optional<int> month;    // 1 … 12
  std::optional<int> quarter;  // 1 … 4; REQUIRES: not both month and quarter
  bool Contains(Date d) const;
  std::string Label() const;  // 2024年 / 2024年3月 / 2024年第一季度
};
// kInvalidInput for a month outside 1–12, a quarter outside 1–4, or both given.
Status CheckRatingPeriod(const RatingPeriod& period);

struct RatingFigures {
  int64_t total = 0;                        // ratings, without 无效差评
  std::array<int64_t, 5> levels{};          // [level - 1]
  int64_t poor = 0;                         // levels 1 and 2
  int64_t invalid = 0;                      // 差评 removed by an upheld appeal
  std::array<int64_t, 5> by_channel{};      // RatingChannel order
  std::array<int64_t, 4> by_object{};       // RatingObject order
  std::array<int64_t, 4> poor_by_object{};  // 差评 per RatingObject
  int64_t answered = 0;           // 差评 with an approved 整改 / 解释说明 / 无法整改
  int64_t rectified = 0;          // 差评 with an approved 整改
  int64_t revisited = 0;          // 差评 revisited
  int64_t revisit_satisfied = 0;  // … whose rater was 满意 or 基本满意
  int64_t good() const { return levels[2] + levels[3] + levels[4]; }
};

// A rating with its ticket's steps (empty for a rating that is not a 差评).
struct RatedService {
  Rating rating;
  std::vector<TicketStep> steps;
};

struct RatingStats {
  RatingPeriod period;
  std::optional<std::string> department;  // the filter, when one was given
  RatingFigures all;
  std::map<std::string, RatingFigures> by_department;  // 实施机关 → figures
  std::map<std::string, RatingFigures> by_item;        // item code → figures
  // The period's year month by month, each level's count (for the chart), whatever the period.
  std::array<std::array<int64_t, 5>, 12> year_by_month{};
};

// Folds `ratings` over `period`. `department_of` names an item code's 实施机关 ("" when the code
// is not in the catalogue: such ratings count under "（目录外事项）"). With `department` set only
// that department's ratings count.
RatingStats ComputeRatingStats(std::span<const RatedService> ratings, const RatingPeriod& period,
                               const std::function<std::string(const std::string&)>& department_of,
                               const std::optional<std::string>& department = std::nullopt);

// A derived figure, its formula in words, and its value as a percentage with two decimals
// ("99.50%"), "—" when its denominator is 0.
struct RatingRate {
  std::string_view key;    // e.g. "good_rate"
  std::string_view label;  // 好评率
  std::string_view formula;  // 好评率 = （非常满意 + 满意 + 基本满意）÷ 评价总数 × 100%
  std::string value;
};
std::vector<RatingRate> RatingRates(const RatingFigures& f);

// The formulas of the count columns, for the notes under the tables (本系统口径).
std::span<const std::string_view> RatingCountFormulas();

// "12.34%" of n / d, "—" when d is 0.
std::string Percent(int64_t n, int64_t d);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_RATING_STATS_H_
