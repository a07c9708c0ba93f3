#include "report/rollup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/json.h"

namespace gongkai {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

Report Fixture(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/reports/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Report> r = ReportFromJson(ss.str(), name);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Report{};
}

const char k000[] = "000_xinhua-zhengwufuwu-dashuju-2023.expected.json";
const char k007[] = "007_huaian-hongze-qu-2023.expected.json";
const char k012[] = "012_suqian-shuyang-fagaiju-2023.expected.json";
const char k013[] = "013_suqian-shuyang-xian-2025.expected.json";

double At(const Table& t, const char* row, const char* column) {
  const Cell* c = t.FindCell(row, column);
  EXPECT_NE(c, nullptr) << row << "." << column;
  return c ? c->number : -1;
}

// The three 2023 fixtures, summed. Expected values added by hand from the expected.json files:
// 000 is all zeros; 007 has new 21 (all 自然人), reconsideration 10 upheld + 1 corrected, total 0,
// fee 7730.28; 012 has new 26 (自然人; the other applicant columns blank), reconsideration 1
// pending, total 1, fee 0.
TEST(SumReportsTest, AddsNumbersCellByCellAndNamesAgenciesWhoseCellsAreNotNumbers) {
  const Report a = Fixture(k000), b = Fixture(k007), c = Fixture(k012);
  std::vector<Finding> issues;
  Report sum = SumReports({&a, &b, &c}, "2023年度合计", &issues);

  EXPECT_EQ(sum.agency, "2023年度合计");
  EXPECT_EQ(sum.year, 2023);
  EXPECT_EQ(At(sum.section3, "new", "natural_person"), 47);
  EXPECT_EQ(At(sum.section3, "new", "total"), 47);
  EXPECT_EQ(At(sum.section3, "unavailable.not_held", "total"), 10);
  EXPECT_EQ(At(sum.section3, "closed_total", "total"), 47);
  EXPECT_EQ(At(sum.section3, "new", "commercial"), 0);  // only blanks and zeros
  EXPECT_EQ(At(sum.section4, "reconsideration", "upheld"), 10);
  EXPECT_EQ(At(sum.section4, "reconsideration", "pending"), 1);
  EXPECT_EQ(At(sum.section4, "reconsideration", "total"), 1);
  EXPECT_EQ(At(sum.section2, "normative_documents", "in_force"), 5 + 18);
  EXPECT_DOUBLE_EQ(At(sum.section2, "fees", "amount_wan_yuan"), 7730.28);

  // Rows in the format's order, with 007's single （六）其他处理 row after them.
  ASSERT_EQ(sum.section3.rows.size(), 26u);
  EXPECT_EQ(sum.section3.rows.front().key, "new");
  EXPECT_EQ(sum.section3.rows[24].key, "carried_forward");
  EXPECT_EQ(sum.section3.rows[25].key, "other");

  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].rule, "ROLLUP-NOT-SUMMABLE");
  EXPECT_THAT(issues[0].message_zh,
              HasSubstr("「沭阳县发展和改革局」的表三有 125 个单元格不是数字"));
  EXPECT_THAT(issues[0].message_zh,
              HasSubstr("「一、本年新收政府信息公开申请数量」行「商业企业」列为空"));
  EXPECT_THAT(sum.uncertain_paths, ::testing::Contains("section3.new.commercial"));
  EXPECT_EQ(sum.uncertain_paths.size(), 125u);

  // The sum keeps the identities each input keeps, and 007's table C error.
  std::vector<Finding> f = CheckReport(sum, CheckSettings{});
  std::multiset<std::string> rules;
  for (const Finding& x : f) rules.insert(x.rule);
  EXPECT_EQ(rules, (std::multiset<std::string>{"C-BLOCK-SUM", "C-BLOCK-SUM"}));
}

TEST(SumReportsTest, LeavesOutReportsOfAnotherYear) {
  const Report a = Fixture(k007), b = Fixture(k013);
  std::vector<Finding> issues;
  Report sum = SumReports({&a, &b}, "合计", &issues);
  EXPECT_EQ(At(sum.section3, "new", "total"), 21);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].rule, "ROLLUP-YEAR");
  EXPECT_EQ(issues[0].severity, Finding::Severity::kError);
  EXPECT_THAT(issues[0].message_zh, HasSubstr("「沭阳县人民政府」的报告是2025年度的"));
}

TEST(SumReportsTest, NothingToSum) {
  std::vector<Finding> issues;
  Report sum = SumReports({}, "合计", &issues);
  EXPECT_TRUE(sum.section3.rows.empty());
  EXPECT_TRUE(issues.empty());
}

std::vector<CheckedReport> Checked() {
  std::vector<CheckedReport> out;
  for (const char* name : {k000, k007, k012}) {
    Report r = Fixture(name);
    out.push_back({name, r.agency, r.year, CheckReport(r, CheckSettings{})});
  }
  Finding late;
  late.rule = "LATE";
  late.severity = Finding::Severity::kWarning;
  out[0].findings.push_back(late);
  Finding unreadable;
  unreadable.rule = "PARSE-MISSING-TABLE";
  unreadable.severity = Finding::Severity::kError;
  out.push_back({"broken.txt", "", 0, {unreadable}});
  return out;
}

TEST(SummarizeTest, CountsPassesFailuresMissingAndLate) {
  RollupSummary s =
      Summarize(Checked(), {"淮安市洪泽区人民政府", "沭阳县 发展和改革局", "沭阳县交通运输局"});
  EXPECT_EQ(s.files, 4);
  EXPECT_EQ(s.agencies, 3);
  EXPECT_THAT(s.years, ElementsAre(2023));
  EXPECT_EQ(s.passed, 2);  // 000 (a LATE warning only) and 012 (CELL-KIND warnings only)
  ASSERT_EQ(s.failed.size(), 2u);
  EXPECT_EQ(s.failed[0].agency, "淮安市洪泽区人民政府");
  EXPECT_EQ(s.failed[0].errors, 2);
  EXPECT_THAT(s.failed[0].errors_by_rule, ElementsAre(Pair("C-BLOCK-SUM", 2)));
  EXPECT_EQ(s.failed[1].file, "broken.txt");
  EXPECT_THAT(s.missing, ElementsAre("沭阳县交通运输局"));
  EXPECT_THAT(s.late, ElementsAre("平顶山市新华区政务服务和大数据管理局"));
  // Each rule once per file; notices (007's FORMAT-YEAR) do not count as failures.
  EXPECT_THAT(s.top_failures, ElementsAre(Pair("C-BLOCK-SUM", 1), Pair("CELL-KIND", 1),
                                          Pair("LATE", 1), Pair("PARSE-MISSING-TABLE", 1)));
}

TEST(SummarizeTest, FormatsForAPersonInBothLanguages) {
  RollupSummary s = Summarize(Checked(), {"沭阳县交通运输局"});
  const std::string zh = FormatSummary(s, "zh");
  EXPECT_THAT(zh, HasSubstr("共 4 个文件，3 个机关，年度 2023；2 个通过（无错误），2 个未通过。"));
  EXPECT_THAT(zh, HasSubstr("淮安市洪泽区人民政府（2023年度，007_huaian-hongze-qu-2023.expected."
                            "json）：错误 2 项（C-BLOCK-SUM 2），警告 0 项"));
  EXPECT_THAT(zh, HasSubstr("broken.txt（年度不明，broken.txt）：错误 1 项"));
  EXPECT_THAT(zh, HasSubstr("缺少报告：沭阳县交通运输局"));
  EXPECT_THAT(zh, HasSubstr("逾期发布：平顶山市新华区政务服务和大数据管理局"));
  EXPECT_THAT(zh, HasSubstr("最常见的问题：C-BLOCK-SUM（1 个文件）"));
  const std::string en = FormatSummary(s, "en");
  EXPECT_THAT(en, HasSubstr("4 files, 3 agencies, years 2023; 2 passed (no errors), 2 failed."));
  EXPECT_THAT(en, HasSubstr("Missing reports: 沭阳县交通运输局"));
}

}  // namespace
}  // namespace gongkai
