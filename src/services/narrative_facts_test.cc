#include "services/narrative_facts.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

// The founding report's figures: 458 跨省通办 items = 244 individual + 214 legal person.
TEST(CatalogueFactLinesTest, EachSentenceCarriesTheDateCounted) {
  CatalogueStats s;
  s.date = ParseDate("2024-12-31").value();
  s.in_use = {{"main", 300}, {"sub", 700}, {"task", 1248}};
  s.by_level_status = {{"task", {{"in_use", 1248}, {"cancelled", 3}}}};
  s.negative_list = 12;
  s.cross_province = {458, 244, 214, 400, 50, 20};
  std::vector<ChangeKind> changes = {ChangeKind::kModify, ChangeKind::kAdd, ChangeKind::kModify,
                                     ChangeKind::kCancel};
  auto lines = CatalogueFactLines(s, 2024, changes);
  const std::string d = "（统计日期：2024年12月31日）";
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0],
            "政务服务事项实行动态管理，目录在用主项300项、子项700项、业务办理项1248项。" + d);
  EXPECT_EQ(lines[1], "公开办事指南1248份（每个在用业务办理项一份）。" + d);
  EXPECT_EQ(lines[2], "进厅负面清单事项12项，其余在用业务办理项均进驻政务服务大厅。" + d);
  EXPECT_EQ(lines[3],
            "跨省通办事项458项，其中个人事项244项、法人事项214项；全程网办400项、异地代收代办50项、"
            "多地联办20项（一项可有多种办理方式）。" +
                d);
  // By kind in ChangeKind order: 新增, 变更, 取消.
  EXPECT_EQ(lines[4],
            "2024年生效的事项调整4项：新增1项、变更2项、取消1项，均已在调整情况公示中公开。" + d);
}

TEST(CatalogueFactLinesTest, NoCatalogueNoSentences) {
  CatalogueStats s;
  s.date = ParseDate("2024-12-31").value();
  EXPECT_TRUE(CatalogueFactLines(s, 2024, {}).empty());
}

}  // namespace
}  // namespace gongkai
