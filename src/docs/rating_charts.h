// The charts of the public 好差评 statistics page, drawn on the server as SVG so they show
// without JavaScript: the year's ratings month by month, each bar stacked by level, and the 差评
// of each department as horizontal bars. Each chart carries a <title> and <desc> and each bar a
// <title> with its figures, so a screen reader reads what the eye sees; every number drawn is
// also in the page's tables. Pure functions returning the SVG text (UTF-8, escaped); safe from any
// thread.

#ifndef GONGKAI_DOCS_RATING_CHARTS_H_
#define GONGKAI_DOCS_RATING_CHARTS_H_

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

// Twelve stacked bars (January … December), each of the five levels (index 0 = level 1) in its
// own colour, with a legend. `year` titles the chart.
std::string MonthlyRatingsSvg(int year, const std::array<std::array<int64_t, 5>, 12>& months);

// One horizontal bar per (department, 差评 count), in the order given.
std::string PoorByDepartmentSvg(const std::vector<std::pair<std::string, int64_t>>& rows);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_RATING_CHARTS_H_
