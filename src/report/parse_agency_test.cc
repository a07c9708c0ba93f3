// ReadAgency (parse_agency.cc): where the agency's name is read from, how the body completes it,
// and which misprints are read as what they stand for — each change with a notice that quotes
// what was printed.

#include "report/parse_internal.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/text.h"

namespace gongkai::parse_internal {
namespace {

std::vector<Line> LinesOf(const std::string& text) { return SplitLines(text); }

std::u32string BodyOf(const std::string& text) {
  return ToUtf32(RemoveWhitespace(FoldWidth(text)));
}

struct Case {
  int n;
  std::string title_agency;  // as the title prints it; "" when the title names none
  std::string document;      // the whole text
  std::string want;
  std::vector<std::string> rules;  // the findings, in order
};

const Case kCases[] = {
    {1,
     "沭阳县发展和改革局",
     "现向社会公布沭阳县发展和改革局2023年度报告。",
     "沭阳县发展和改革局",
     {}},
    {2,
     "洪泽区人民政府",
     "本报告由淮安市洪泽区人民政府办公室编制。",
     "淮安市洪泽区人民政府",
     {"PARSE-AGENCY-FULL-NAME"}},
    {3,
     "沐阳县人民政府",
     "现将沐阳县人民政府2025年报告公布。",
     "沭阳县人民政府",
     {"PARSE-AGENCY-MISPRINT"}},
    {4,
     "新华区政务服务和大数数据管理局",
     "2023年度平顶山市新华区政务服务和大数数据管理局未收到申请。",
     "平顶山市新华区政务服务和大数据管理局",
     {"PARSE-AGENCY-FULL-NAME", "PARSE-AGENCY-MISPRINT"}},
    {5,
     "平潭综合实验区",
     "根据《平潭综合实验区管委会办公室关于…》，我区编制完成了本报告。",
     "平潭综合实验区管委会",
     {"PARSE-AGENCY-FULL-NAME"}},
    {6,
     "某某县",
     "某某县人民政府办公室负责。某某县人民政府网站。某某县管委会。",
     "某某县人民政府",
     {"PARSE-AGENCY-FULL-NAME"}},
    {7,
     "",
     "一、总体情况\n正文。\n\n沭阳县发展和改革局\n\n2024年1月17日\n",
     "沭阳县发展和改革局",
     {"PARSE-AGENCY-ELSEWHERE"}},
    {8,
     "",
     "名称\t报告\n发布机构\t沭阳县发展和改革局\t公开日期\t2024-01-17\n正文。\n",
     "沭阳县发展和改革局",
     {"PARSE-AGENCY-ELSEWHERE"}},
    {9,
     "",
     "沐阳县人民政府\n(2026年1月23日)\n",
     "沭阳县人民政府",
     {"PARSE-AGENCY-ELSEWHERE", "PARSE-AGENCY-MISPRINT"}},
    // Nothing names the agency: a closing line that is not a name, no page fields.
    {10, "", "六、其他需要报告的事项\n无。\n特此报告\n2024年1月17日\n", "", {}},
    {11, "", "", "", {}},
    // A place name not followed by a governing body stays as printed.
    {12, "平潭综合实验区", "我区编制完成了本报告。", "平潭综合实验区", {}},
};

TEST(ParseAgencyTest, ReadsTheNameFromTheBestPlace) {
  for (const Case& c : kCases) {
    SCOPED_TRACE("case " + std::to_string(c.n) + ": " + c.title_agency + " | " + c.document);
    const AgencyRead read =
        ReadAgency(LinesOf(c.document), BodyOf(c.document), ToUtf32(c.title_agency), {1, 1});
    EXPECT_EQ(read.agency, c.want);
    std::vector<std::string> rules;
    for (const auto& f : read.findings) {
      rules.push_back(f.rule);
      EXPECT_EQ(f.severity, Finding::Severity::kNotice) << f.rule;
    }
    EXPECT_EQ(rules, c.rules);
  }
}

TEST(ParseAgencyTest, MisprintNoticeQuotesWhatWasPrintedAndWhatWasRead) {
  const AgencyRead read = ReadAgency({}, U"", U"沐阳县人民政府", {1, 3});
  ASSERT_EQ(read.findings.size(), 1u);
  const Finding& f = read.findings.front();
  EXPECT_NE(f.message_zh.find("原文为「沐阳」，按「沭阳」识别"), std::string::npos) << f.message_zh;
  EXPECT_NE(f.message_en.find("\"沐阳\", read as \"沭阳\""), std::string::npos) << f.message_en;
  EXPECT_EQ(f.found, "沐阳县人民政府");
  EXPECT_EQ(f.expected, "沭阳县人民政府");
  EXPECT_EQ(f.pos.line, 1);
  EXPECT_EQ(f.pos.column, 3);
}

}  // namespace
}  // namespace gongkai::parse_internal
