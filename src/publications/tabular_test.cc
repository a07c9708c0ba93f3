#include "publications/tabular.h"

#include <gtest/gtest.h>

#include "publications/jsonl.h"
#include "publications/testing.h"

namespace gongkai {
namespace {

using testing_publications::D;

TEST(TabularTest, ColumnLetters) {
  EXPECT_EQ(ColumnLetters(0), "A");
  EXPECT_EQ(ColumnLetters(25), "Z");
  EXPECT_EQ(ColumnLetters(26), "AA");
  EXPECT_EQ(ColumnLetters(27), "AB");
  EXPECT_EQ(ColumnLetters(701), "ZZ");
  EXPECT_EQ(ColumnLetters(702), "AAA");
}

TEST(TabularTest, CsvWithChineseHeadersAndQuotedCells) {
  const std::string csv =
      "\xEF\xBB\xBF名称,发布机构,内容概述,信息类别,主题分类,生成日期,公开日期,有效性,有效性日期,"
      "公开渠道,备注\r\n"
      "\"关于调整最低工资标准的通知，2024年\",某县人社局,\"标准 \"\"上调\"\"\",行政规范性文件,"
      "art20.11,2024-05-06,2024-05-10,有效,,政府网站、政府公报;new_media,内部编号 7\r\n"
      ",,,,,,,,,,\r\n"
      "某规章,某县人民政府,概述,regulation,art20.1,2023-01-05,,废止,2024-02-01,,\r\n";
  auto rows = ReadCsvRows(csv);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);  // the blank row is dropped
  EXPECT_EQ((*rows)[2].number, 4);
  auto items = PublicationsFromRows(*rows, "a.csv");
  ASSERT_TRUE(items.ok()) << items.status().message();
  ASSERT_EQ(items->size(), 2u);
  const Publication& a = (*items)[0];
  EXPECT_EQ(a.title, "关于调整最低工资标准的通知，2024年");
  EXPECT_EQ(a.summary, "标准 \"上调\"");
  EXPECT_EQ(a.kind, PublicationKind::kNormativeDocument);
  EXPECT_EQ(a.published, D("2024-05-10"));
  EXPECT_EQ(a.channels, (std::vector<PublicationChannel>{PublicationChannel::kWebsite,
                                                         PublicationChannel::kGazette,
                                                         PublicationChannel::kNewMedia}));
  EXPECT_EQ(a.extra, R"({"备注":"内部编号 7"})");
  const Publication& b = (*items)[1];
  EXPECT_EQ(b.status, Validity::kRepealed);
  EXPECT_EQ(b.status_date, D("2024-02-01"));
  EXPECT_FALSE(b.published.has_value());
}

TEST(TabularTest, BadCellsAreNamedByRowAndColumn) {
  const std::string csv =
      "title,publisher,summary,kind,category,created,status\n"
      "a,p,s,other,art20.1,2024-01-01,in_force\n"
      "b,p,s,法规,art20.1,2024-01-01,in_force\n"
      "c,p,,other,art20.1,2024/01/01,in_force\n";
  auto rows = ReadCsvRows(csv);
  ASSERT_TRUE(rows.ok());
  auto items = PublicationsFromRows(*rows, "b.csv");
  ASSERT_FALSE(items.ok());
  const std::string& m = items.status().message();
  EXPECT_NE(m.find("有 3 处错误"), std::string::npos) << m;
  EXPECT_NE(
      m.find("第 3 行 D 列（kind）：“法规”无法识别（可选值：regulation | normative_document | "
             "other）"),
      std::string::npos)
      << m;
  EXPECT_NE(m.find("第 4 行 C 列（summary）：必填，不能为空"), std::string::npos) << m;
  EXPECT_NE(m.find("第 4 行 F 列（created）：“2024/01/01”不是日期"), std::string::npos) << m;
}

TEST(TabularTest, MissingRequiredColumnIsNamed) {
  auto rows = ReadCsvRows("title,publisher\na,b\n");
  ASSERT_TRUE(rows.ok());
  auto items = PublicationsFromRows(*rows, "c.csv");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find("缺少必填列 summary（内容概述）"), std::string::npos);
}

TEST(TabularTest, UnterminatedQuoteNamesItsLine) {
  auto rows = ReadCsvRows("title\n\"abc\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("第 2 行：引号未闭合"), std::string::npos);
}

TEST(TabularTest, CsvExportReadsBackTheSameItems) {
  auto items = ParsePublicationsJsonl(
      R"({"index_no":"X/2024-00001","title":"标题, 带逗号","publisher":"p","summary":"s","kind":"regulation","category":"art20.1","created":"2024-01-02","changed":"2024-02-01","published":"2024-02-03","status":"expired","status_date":"2024-06-01","channels":["website","gazette"]})",
      "x.jsonl");
  ASSERT_TRUE(items.ok()) << items.status().message();
  std::string csv = PublicationsToCsv(*items);
  auto rows = ReadCsvRows(csv);
  ASSERT_TRUE(rows.ok());
  auto back = PublicationsFromRows(*rows, "x.csv");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ(PublicationToJsonLine((*back)[0]), PublicationToJsonLine((*items)[0]));
}

}  // namespace
}  // namespace gongkai
