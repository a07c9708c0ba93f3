#include "docs/intermediary_lists.h"

#include <gtest/gtest.h>

#include "publications/tabular.h"

namespace gongkai {
namespace {

Date D(const char* s) { return ParseDate(s).value(); }

IntermediaryService Service() {
  IntermediaryService s;
  s.code = "ZJ-001";
  s.name = "建设项目环境影响报告书编制";
  s.items = {"T1", "T9"};
  s.department = "某区生态环境分局";
  s.basis = {{"中华人民共和国环境影响评价法", "", "第十九条"},
             {"建设项目环境保护管理条例", "国务院令第682号", "第七条"}};
  s.time_limit = 30;
  s.fee = IntermediaryFee{FeeNature::kMarket, "按合同约定", ""};
  return s;
}

Institution Firm() {
  Institution i;
  i.credit_code = "91411302MA44ABCD13";
  i.name = "某环境科技有限公司";
  i.qualifications = {{"环境影响评价资质", "乙字1234", "乙级", D("2022-01-01"), D("2025-12-31")},
                      {"检验检测机构资质认定", "", "", std::nullopt, std::nullopt}};
  i.services = {"ZJ-001"};
  i.fees = "按合同约定";
  i.contacts = {"0375-2961111", "某区建设路1号", ""};
  return i;
}

TEST(IntermediaryLists, TheListRowSaysEverythingOfficesPublish) {
  IntermediaryService commissioned = Service();
  commissioned.code = "ZJ-002";
  commissioned.commissioned = true;
  commissioned.time_limit.reset();
  const DocTable t = IntermediaryListTable({Service(), commissioned}, {{"T1", "环评审批"}});
  ASSERT_EQ(t.rows.size(), 3u);
  const auto& row = t.rows[1];
  EXPECT_EQ(row[0].text, "1");
  EXPECT_EQ(row[3].text, "环评审批（T1）；T9");  // an unknown code stays bare
  EXPECT_EQ(
      row[5].text,
      "《中华人民共和国环境影响评价法》第十九条；《建设项目环境保护管理条例》（国务院令第682号）"
      "第七条");
  EXPECT_EQ(row[6].text, "30个工作日");
  EXPECT_EQ(row[7].text, "市场调节价：按合同约定");
  EXPECT_EQ(t.rows[2][6].text, "未公布");
  EXPECT_EQ(t.rows[2][7].text, "审批部门委托，费用由审批部门承担，申请人不承担费用");
  EXPECT_EQ(t.rows[2][8].text, "审批部门委托开展");
}

TEST(IntermediaryLists, AnExpiredQualificationIsMarkedOnTheListsDate) {
  Qualification q = Firm().qualifications[0];
  EXPECT_EQ(ValidityText(q, D("2025-12-31")), "2022年1月1日至2025年12月31日");
  EXPECT_EQ(ValidityText(q, D("2026-01-01")), "2022年1月1日至2025年12月31日（已过期）");
  EXPECT_EQ(ValidityText(Firm().qualifications[1], D("2026-01-01")), "长期");
}

// The workbook opens and its cells read back as laid out.
TEST(IntermediaryLists, TheWorkbooksReadBackCellByCell) {
  auto list = IntermediaryListXlsx("某区", {Service()}, {{"T1", "环评审批"}}, D("2026-01-15"));
  ASSERT_TRUE(list.ok()) << list.status().message();
  auto rows = ReadTableFile("list.xlsx", *list, "");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].cells[0], "某区行政审批中介服务事项清单（截至2026年1月15日）");
  EXPECT_EQ((*rows)[1].cells,
            (std::vector<std::string>{"序号", "中介服务事项名称", "编码", "涉及的审批事项",
                                      "实施部门", "设定依据", "时限", "收费性质及标准", "备注"}));
  EXPECT_EQ((*rows)[2].cells[0], "1");
  EXPECT_EQ((*rows)[2].cells[1], "建设项目环境影响报告书编制");
  EXPECT_EQ((*rows)[2].cells[6], "30个工作日");

  auto directory =
      InstitutionDirectoryXlsx("某区", {Firm()}, {{"ZJ-001", "环评报告编制"}}, D("2026-01-15"));
  ASSERT_TRUE(directory.ok()) << directory.status().message();
  auto drows = ReadTableFile("directory.xlsx", *directory, "");
  ASSERT_TRUE(drows.ok()) << drows.status().message();
  ASSERT_EQ(drows->size(), 3u);
  EXPECT_EQ((*drows)[0].cells[0], "某区中介服务机构名录（截至2026年1月15日）");
  EXPECT_EQ((*drows)[1].cells[4], "资质有效期");
  const auto& firm = (*drows)[2].cells;
  EXPECT_EQ(firm[2], "91411302MA44ABCD13");
  EXPECT_EQ(firm[3], "环境影响评价资质，乙字1234，乙级；检验检测机构资质认定");
  EXPECT_EQ(firm[4], "2022年1月1日至2025年12月31日（已过期）；长期");
  EXPECT_EQ(firm[5], "环评报告编制（ZJ-001）");
  EXPECT_EQ(firm[7], "0375-2961111");
}

}  // namespace
}  // namespace gongkai
