#include "docs/rating_charts.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(RatingCharts, MonthlyBarsStackEachLevelWithItsCount) {
  std::array<std::array<int64_t, 5>, 12> months{};
  months[1] = {1, 1, 0, 0, 0};  // February: one 非常不满意, one 不满意
  months[6] = {0, 0, 0, 3, 4};  // July: 3 满意, 4 非常满意
  std::string svg = MonthlyRatingsSvg(2024, months);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(svg.ends_with("</svg>"));
  EXPECT_NE(svg.find("<title id=\"chart-monthly-title\">2024年各月评价数（按评价等级）</title>"),
            std::string::npos);
  EXPECT_EQ(Count(svg, "<rect "), 4 + 5);  // four non-empty segments and five legend keys
  EXPECT_NE(svg.find("<title>2月 非常不满意：1</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>7月 非常满意：4</title>"), std::string::npos);
  // The axis runs to 10 (the next 1-2-5 step above July's 7), in quarters.
  EXPECT_NE(svg.find("text-anchor=\"end\">10</text>"), std::string::npos);
  EXPECT_NE(svg.find("text-anchor=\"end\">5</text>"), std::string::npos);
}

TEST(RatingCharts, DepartmentNamesAreEscapedAndAnEmptyPeriodSaysSo) {
  std::string svg = PoorByDepartmentSvg({{"甲<局>&乙", 2}, {"丙局", 0}});
  EXPECT_NE(svg.find("甲&lt;局&gt;&amp;乙"), std::string::npos);
  EXPECT_EQ(svg.find("甲<局>"), std::string::npos);
  EXPECT_NE(svg.find("<title>丙局：差评 0</title>"), std::string::npos);
  EXPECT_NE(PoorByDepartmentSvg({}).find("本期没有差评"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
