#include "publications/standard_catalogue.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai {
namespace {

std::vector<CellRow> Csv(std::string_view text) {
  auto rows = ReadCsvRows(text);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  return rows.ok() ? *rows : std::vector<CellRow>{};
}

TEST(StandardCatalogueTest, ReadsOneRowHeaderWithWords) {
  auto rows = StandardCatalogueFromRows(
      Csv("序号,公开事项（一级事项）,公开事项（二级事项）,公开内容（要素）,公开依据,公开时限,"
          "公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n"
          "1,财政预决算,部门预算,预算说明及表格,《预算法》,批准后20日内,县财政局,政府网站,"
          "全社会,主动,县级\n"
          "2,,部门决算,决算说明,《预算法》,批准后20日内,各部门,政府网站、公开查阅点,"
          "全社会、特定群体,主动、依申请,县级、乡级\n"),
      "目录.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  const StandardCatalogueRow& a = (*rows)[0];
  EXPECT_EQ(a.number, "1");
  EXPECT_EQ(StandardRowKey(a), "local.1");
  EXPECT_EQ(a.topic, "财政预决算");
  EXPECT_EQ(a.subtopic, "部门预算");
  EXPECT_EQ(a.time_limit, "批准后20日内");
  EXPECT_EQ(a.flags, kForEveryone | kProactive | kCountyLevel);
  const StandardCatalogueRow& b = (*rows)[1];
  EXPECT_EQ(b.topic, "财政预决算") << "an empty 一级事项 repeats the one above (merged cell)";
  EXPECT_EQ(b.channels, "政府网站、公开查阅点");
  EXPECT_EQ(StandardFlagsText(b.flags, "audience"), "全社会、特定群体");
  EXPECT_EQ(StandardFlagsText(b.flags, "mode"), "主动、依申请");
  EXPECT_EQ(StandardFlagsText(b.flags, "level"), "县级、乡级");
  EXPECT_EQ(StandardRowTitle(b), "财政预决算 · 部门决算");
}

TEST(StandardCatalogueTest, ReadsOfficialTwoRowHeaderWithMarks) {
  auto rows = StandardCatalogueFromRows(
      Csv("序号,公开事项,,公开内容（要素）,公开对象,,公开方式,,公开层级,\n"
          ",一级事项,二级事项,,全社会,特定群体,主动,依申请,县级,乡级\n"
          "１２,社会救助,最低生活保障,低保对象名单,√,,√,,√,√\n"),
      "two.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].number, "12") << "full-width digits fold";
  EXPECT_EQ((*rows)[0].subtopic, "最低生活保障");
  EXPECT_EQ((*rows)[0].flags, kForEveryone | kProactive | kCountyLevel | kTownshipLevel);
}

TEST(StandardCatalogueTest, FlagKeysRoundTrip) {
  unsigned all =
      kForEveryone | kForGroups | kProactive | kOnRequest | kCountyLevel | kTownshipLevel;
  EXPECT_EQ(StandardFlagKeys(kForGroups | kOnRequest), "groups,on_request");
  EXPECT_EQ(StandardFlagsFromKeys(StandardFlagKeys(all)), all);
  EXPECT_EQ(StandardFlagsFromKeys(""), 0u);
  EXPECT_EQ(StandardFlagsText(0, "mode"), "—");
}

// Inputs that must fail, and the place each message must name.
TEST(StandardCatalogueTest, NamesEveryBadRowAndColumn) {
  struct Case {
    const char* csv;
    std::vector<std::string> expected;  // substrings of the message
  } cases[] = {
      {"一级事项,公开内容\n财政,预算\n", {"缺少必填列“序号”"}},
      {"序号,一级事项,颜色\n1,财政,红\n", {"第 1 行 C 列（表头）", "“颜色”无法识别"}},
      {"序号,一级事项,公开方式\n1,财政,主动\n2,财政,随意\n3,财政,主动\n",
       {"第 3 行 C 列（公开方式）", "“随意”无法识别（可选值：主动、依申请）"}},
      {"序号,一级事项\n1,财政\n1,财政\n", {"第 3 行 A 列（序号）", "与第 2 行重复"}},
      {"序号,一级事项\n,财政\n", {"第 2 行 A 列（序号）：必填"}},
      {"序号,一级事项\n1 2,财政\n", {"第 2 行 A 列（序号）", "含有空格"}},
      {"序号,一级事项\n1,\n", {"第 2 行 B 列（一级事项）：必填"}},
      {"序号,一级事项,全社会\n1,财政,也许\n", {"第 2 行 C 列（全社会）", "“也许”无法识别"}},
      {"序号,一级事项\n", {"没有任何事项"}},
  };
  for (const Case& c : cases) {
    auto rows = StandardCatalogueFromRows(Csv(c.csv), "bad.csv");
    ASSERT_FALSE(rows.ok()) << c.csv;
    EXPECT_EQ(rows.status().code(), Status::Code::kInvalidInput) << c.csv;
    for (const std::string& part : c.expected) {
      EXPECT_NE(rows.status().message().find(part), std::string::npos)
          << c.csv << "\n→ " << rows.status().message() << "\nlacks: " << part;
    }
  }
}

TEST(StandardCatalogueTest, ListsAllProblemsAtOnce) {
  auto rows = StandardCatalogueFromRows(
      Csv("序号,一级事项,公开层级\n1,财政,省级\n,财政,县级\n3,财政,县级\n"), "many.csv");
  ASSERT_FALSE(rows.ok());
  const std::string& m = rows.status().message();
  EXPECT_NE(m.find("many.csv 有 2 处错误"), std::string::npos) << m;
  EXPECT_NE(m.find("第 2 行 C 列（公开层级）"), std::string::npos) << m;
  EXPECT_NE(m.find("第 3 行 A 列（序号）"), std::string::npos) << m;
}

TEST(StandardCatalogueTest, JsonNamesTheWords) {
  StandardCatalogueRow row;
  row.number = "3";
  row.topic = "重大建设项目";
  row.flags = kForEveryone | kProactive;
  auto j = StandardRowJson(row);
  EXPECT_EQ(j["key"], "local.3");
  EXPECT_EQ(j["audience"], nlohmann::ordered_json::array({"全社会"}));
  EXPECT_EQ(j["level"], nlohmann::ordered_json::array());
}

}  // namespace
}  // namespace gongkai
