#include "docs/rating_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "docs/escape.h"

namespace gongkai {
namespace {

// Level 1 … 5: the two 差评 levels warm, the others cool, distinguishable in grey print too.
constexpr std::array<std::string_view, 5> kColours{"#b2182b", "#ef8a62", "#bdbdbd", "#67a9cf",
                                                   "#2166ac"};
constexpr std::array<std::string_view, 5> kLevels{"非常不满意", "不满意", "基本满意", "满意",
                                                  "非常满意"};

// A "nice" axis maximum ≥ v: 1, 2 or 5 times a power of ten.
int64_t AxisMax(int64_t v) {
  if (v <= 0) return 1;
  int64_t step = 1;
  while (true) {
    for (int64_t m : {1, 2, 5}) {
      if (m * step >= v) return m * step;
    }
    step *= 10;
  }
}

}  // namespace

std::string MonthlyRatingsSvg(int year, const std::array<std::array<int64_t, 5>, 12>& months) {
  constexpr int kWidth = 640, kHeight = 300, kLeft = 56, kTop = 20, kPlot = 200, kBar = 30,
                kStep = 46;
  int64_t top = 0;
  for (const auto& m : months) top = std::max(top, m[0] + m[1] + m[2] + m[3] + m[4]);
  const int64_t axis = AxisMax(top);
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" )"
      R"(aria-labelledby="chart-monthly-title chart-monthly-desc" class="chart">)"
      R"(<title id="chart-monthly-title">{}年各月评价数（按评价等级）</title>)"
      R"(<desc id="chart-monthly-desc">柱高为当月评价数，自下而上依次为非常不满意、不满意、基本满意、)"
      R"(满意、非常满意；数字见下表。</desc>)",
      kWidth, kHeight, year);
  for (int i = 0; i <= 4; ++i) {  // grid lines and their values
    int y = kTop + kPlot - kPlot * i / 4;
    out +=
        fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ddd"/><text x="{}" y="{}" )"
                    R"(font-size="11" text-anchor="end">{}</text>)",
                    kLeft, y, kLeft + 12 * kStep, y, kLeft - 6, y + 4, axis * i / 4);
  }
  for (int m = 0; m < 12; ++m) {
    int x = kLeft + 8 + m * kStep;
    int64_t below = 0, total = 0;
    for (int64_t n : months[m]) total += n;
    for (int l = 0; l < 5; ++l) {
      int64_t n = months[m][l];
      if (n == 0) continue;
      int y0 = kTop + kPlot - static_cast<int>(kPlot * below / axis);
      int y1 = kTop + kPlot - static_cast<int>(kPlot * (below + n) / axis);
      out += fmt::format(
          R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}月 {}：{}</title></rect>)",
          x, y1, kBar, std::max(1, y0 - y1), kColours[l], m + 1, kLevels[l], n);
      below += n;
    }
    out += fmt::format(R"(<text x="{}" y="{}" font-size="11" text-anchor="middle">{}月</text>)"
                       R"(<text x="{}" y="{}" font-size="10" text-anchor="middle">{}</text>)",
                       x + kBar / 2, kTop + kPlot + 16, m + 1, x + kBar / 2,
                       kTop + kPlot - static_cast<int>(kPlot * total / axis) - 4, total);
  }
  for (int l = 4; l >= 0; --l) {  // legend, best first
    int x = kLeft + (4 - l) * 112;
    out +=
        fmt::format(R"(<rect x="{}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" )"
                    R"(font-size="12">{}</text>)",
                    x, kHeight - 40, kColours[l], x + 16, kHeight - 30, kLevels[l]);
  }
  return out + "</svg>";
}

std::string PoorByDepartmentSvg(const std::vector<std::pair<std::string, int64_t>>& rows) {
  constexpr int kWidth = 640, kLeft = 200, kPlot = 380, kRow = 28, kTop = 10;
  const int height = kTop * 2 + std::max<int>(1, static_cast<int>(rows.size())) * kRow;
  int64_t top = 0;
  for (const auto& r : rows) top = std::max(top, r.second);
  const int64_t axis = AxisMax(top);
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" )"
      R"(aria-labelledby="chart-poor-title chart-poor-desc" class="chart">)"
      R"(<title id="chart-poor-title">各部门差评数</title>)"
      R"(<desc id="chart-poor-desc">每行一个实施机关，条长为差评数（不含无效差评）；数字见下表。</desc>)",
      kWidth, height);
  if (rows.empty()) {
    return out + fmt::format(R"(<text x="{}" y="{}" font-size="12">本期没有差评</text></svg>)",
                             kLeft, kTop + 18);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& [name, n] = rows[i];
    int y = kTop + static_cast<int>(i) * kRow;
    int w = static_cast<int>(kPlot * n / axis);
    std::string label = EscapeXml(name);
    out += fmt::format(
        R"(<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text>)"
        R"(<rect x="{}" y="{}" width="{}" height="18" fill="{}"><title>{}：差评 {}</title></rect>)"
        R"(<text x="{}" y="{}" font-size="12">{}</text>)",
        kLeft - 8, y + 14, label, kLeft, y + 2, std::max(n > 0 ? 1 : 0, w), kColours[0], label, n,
        kLeft + w + 6, y + 15, n);
  }
  return out + "</svg>";
}

}  // namespace gongkai
