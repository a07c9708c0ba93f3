#include "services/tabular.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

std::vector<CellRow> Rows(std::vector<std::vector<std::string>> cells) {
  std::vector<CellRow> rows;
  int n = 0;
  for (auto& c : cells) rows.push_back(CellRow{++n, std::move(c)});
  return rows;
}

TEST(ServicesTabular, ChineseHeadersLabelsAndSimpleCells) {
  auto items = ServicesFromRows(
      Rows({{"事项编码", "事项名称", "层级", "上级编码", "事项类型", "实施机关", "状态", "服务对象",
             "是否进驻大厅", "未进驻原因", "跨省通办", "法定办结时限", "承诺办结时限", "收费",
             "申请条件", "申请材料", "设定依据", "联系方式", "窗口"},
            {"M1", "食品经营许可", "主项", "", "行政许可", "区市场监督管理局", "在用"},
            {"T1", "食品经营许可（新设）", "业务办理项", "M1", "行政许可", "区市场监督管理局",
             "在用", "法人", "否", "场地/设备限制", "法人：全程网办、多地联办", "20", "10",
             "不收费", "有经营场所\n有管理人员", "申请书；营业执照", "中华人民共和国食品安全法",
             "0826-12345；12345", "3号窗口"}}),
      "items.csv");
  ASSERT_TRUE(items.ok()) << items.status().message();
  ASSERT_EQ(items->size(), 2u);
  const ServiceItem& t = (*items)[1];
  EXPECT_EQ(t.level, ItemLevel::kTask);
  EXPECT_EQ(t.object, ServiceObject::kLegalPerson);
  EXPECT_FALSE(t.in_hall);
  EXPECT_EQ(t.not_in_hall_reason, NotInHallReason::kSite);
  ASSERT_TRUE(t.cross_province);
  EXPECT_EQ(t.cross_province->object, ServiceObject::kLegalPerson);
  EXPECT_EQ(t.cross_province->modes, (std::set<CrossProvinceMode>{CrossProvinceMode::kOnline,
                                                                  CrossProvinceMode::kMultiSite}));
  EXPECT_EQ(t.legal_days, 20);
  EXPECT_FALSE(t.fee->charged);
  EXPECT_EQ(t.conditions.size(), 2u);
  EXPECT_EQ(t.materials.size(), 2u);
  EXPECT_EQ(t.materials[1].name, "营业执照");
  EXPECT_EQ(t.basis.size(), 1u);
  EXPECT_EQ(t.contacts->complaint, "12345");
  EXPECT_EQ(t.extra, R"({"窗口":"3号窗口"})");
}

TEST(ServicesTabular, EveryBadCellIsNamedByRowAndColumn) {
  auto items = ServicesFromRows(
      Rows({{"code", "name", "level", "parent", "type", "department", "status", "legal_days"},
            {"M1", "x", "主项", "", "行政许可", "d", "在用", "二十"},
            {"M2", "y", "总项", "", "行政许可", "d", "在用", ""}}),
      "items.xlsx");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find("items.xlsx: 第 2 行 H 列（legal_days）：应为整数"),
            std::string::npos)
      << items.status().message();
  items =
      ServicesFromRows(Rows({{"code", "name", "level", "parent", "type", "department", "status"},
                             {"M1", "x", "主项", "", "行政许可", "d", "在用"},
                             {"M2", "y", "总项", "", "行政许可", "d", "在用"}}),
                       "items.xlsx");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find(
                "items.xlsx: 第 3 行 C 列（level）：未知的值「总项」（可选值：main | sub | task）"),
            std::string::npos)
      << items.status().message();
}

}  // namespace
}  // namespace gongkai
