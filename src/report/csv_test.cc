#include "report/csv.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(CsvTest, QuotesFieldsAsRfc4180Requires) {
  struct Case {
    const char* field;
    const char* expected;
  };
  const Case kCases[] = {
      {"", ""},
      {"B-BALANCE", "B-BALANCE"},
      {"表三 「自然人」列", "表三 「自然人」列"},  // Chinese punctuation needs no quotes
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""},
  };
  for (const Case& c : kCases) EXPECT_EQ(CsvField(c.field), c.expected) << c.field;
}

TEST(CsvTest, OneLinePerFindingWithFileAgencyAndYear) {
  Finding sum;
  sum.rule = "C-BLOCK-SUM";
  sum.severity = Finding::Severity::kError;
  sum.message_zh = "表四 「行政复议」「总计」：应为 11，实为 0";
  sum.message_en = "Table C, block 「行政复议」, column 「总计」: expected 11, found 0";
  sum.table = "section4";
  sum.row = "reconsideration";
  sum.column = "total";
  sum.expected = "11";
  sum.found = "0";
  sum.pos = SourcePos{97, 3};
  Finding parse;
  parse.rule = "PARSE-MISSING-TABLE";
  parse.severity = Finding::Severity::kWarning;
  parse.message_zh = "没有找到表二";
  parse.message_en = "Table A not found, \"二\"";

  const std::vector<CheckedReport> reports = {
      {"reports/007.txt", "淮安市洪泽区人民政府", 2023, {sum}},
      {"a,b.txt", "", 0, {parse}},
      {"clean.txt", "某局", 2023, {}},
  };
  EXPECT_EQ(FindingsToCsv(reports, "zh"),
            "file,agency,year,rule,severity,table,row,column,expected,found,line,message\r\n"
            "reports/007.txt,淮安市洪泽区人民政府,2023,C-BLOCK-SUM,error,section4,reconsideration,"
            "total,11,0,97,表四 「行政复议」「总计」：应为 11，实为 0\r\n"
            "\"a,b.txt\",,,PARSE-MISSING-TABLE,warning,,,,,,,没有找到表二\r\n");
  const std::string en = FindingsToCsv(reports, "en", /*excel_bom=*/true);
  EXPECT_EQ(en.rfind("\xEF\xBB\xBF"
                     "file,",
                     0),
            0u);
  EXPECT_NE(en.find(",\"Table A not found, \"\"二\"\"\"\r\n"), std::string::npos) << en;
}

}  // namespace
}  // namespace gongkai
