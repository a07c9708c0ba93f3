#include "report/table_diff.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

Report Base() {
  Report r;
  r.format = ReportFormat::k2021;
  r.year = 2024;
  r.section3.Get("granted").Set("natural_person", Cell::Number(12));
  r.section3.Get("granted").Set("total", Cell::Number(12));
  r.section2.Get("fees").Set("amount_wan_yuan", Cell::Number(1.2345));
  return r;
}

TEST(DiffReportTablesTest, SameTablesHaveNoChanges) {
  EXPECT_TRUE(DiffReportTables(Base(), Base()).empty());
}

// Each case: what is changed in the second report → the one line expected, in the format's words.
TEST(DiffReportTablesTest, EachChangedCellIsNamedWithBothValues) {
  struct Case {
    const char* what;
    void (*change)(Report&);
    std::vector<std::string> expected;
  } cases[] = {
      {"one more granted",
       [](Report& r) { r.section3.Get("granted").Set("natural_person", Cell::Number(13)); },
       {"表三「（一）予以公开」「自然人」：快照 12，现为 13"}},
      {"a fee in 万元",
       [](Report& r) { r.section2.Get("fees").Set("amount_wan_yuan", Cell::Number(2.5)); },
       {"表二「行政事业性收费」「本年收费金额（单位：万元）」：快照 1.2345，现为 2.5"}},
      {"a row that was blank",
       [](Report& r) { r.section3.Get("new").Set("research", Cell::Number(1)); },
       {"表三「一、本年新收政府信息公开申请数量」「科研机构」：快照 空，现为 1"}},
  };
  for (const auto& c : cases) {
    Report now = Base();
    c.change(now);
    EXPECT_EQ(DiffReportTables(Base(), now), c.expected) << c.what;
  }
}

}  // namespace
}  // namespace gongkai
