#include "report/rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "report/json.h"
#include "report/layout.h"
#include "report/rules_internal.h"

namespace gongkai {
namespace {

using ::testing::HasSubstr;

// Table B of the balanced report, columns natural_person, commercial, research,
// public_interest, legal_service, other_org (total computed). Checked by hand:
//   new 20+3+0+1+2+0 = 26, carried_over 2+1 = 3, closed_total 19+2+0+1+2+0 = 24,
//   carried_forward 3+2 = 5; per column new + carried_over = closed_total + carried_forward
//   (22 = 19 + 3, 4 = 2 + 2, 1 = 1 + 0, 2 = 2 + 0); 26 + 3 = 24 + 5.
struct BRow {
  const char* key;
  double cells[6];
};
const BRow kBalancedB[] = {
    {"new", {20, 3, 0, 1, 2, 0}},
    {"carried_over", {2, 1, 0, 0, 0, 0}},
    {"granted", {10, 2, 0, 1, 0, 0}},
    {"partial", {3, 0, 0, 0, 0, 0}},
    {"refused.state_secret", {1, 0, 0, 0, 0, 0}},
    {"unavailable.not_held", {4, 0, 0, 0, 1, 0}},
    {"not_processed.repeat", {1, 0, 0, 0, 0, 0}},
    {"other.other", {0, 0, 0, 0, 1, 0}},
    {"closed_total", {19, 2, 0, 1, 2, 0}},
    {"carried_forward", {3, 2, 0, 0, 0, 0}},
};

const char kSection1Text[] =
    "2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
    "持续深化重点领域信息公开。全年通过门户网站主动公开政府信息356条，及时发布政策解读12篇。"
    "依申请公开方面，本局共收到政府信息公开申请26件，上年结转3件，均在法定期限内答复。"
    "政府信息管理方面，严格落实公开前保密审查和发布审核制度，动态更新政府信息公开指南和目录。"
    "平台建设方面，持续优化门户网站栏目设置，加强政务新媒体日常监管，确保信息发布准确及时。"
    "监督保障方面，将政务公开纳入年度绩效考核，组织业务培训两次，未发生责任追究情况。";
const char kSection5Text[] =
    "存在的主要问题：政策解读形式较为单一，图解和视频解读偏少；依申请公开答复文书的规范性有待提高。"
    "改进措施：一是丰富解读形式，推出图文和短视频解读；二是加强答复文书审核，邀请法律顾问参与疑难"
    "申请的办理，提升答复质量。上年度提出的栏目更新不及时问题，已通过建立周报制度整改到位。";
const char kSection6Text[] = "本年度未收取信息处理费。";

// A different narrative for last year's report, for COPY.
const char kOtherYearText[] =
    "2022年，我局围绕优化营商环境中心工作，推进决策、执行、管理、服务、结果全过程公开。"
    "聚焦市场主体关切，集中发布涉企优惠政策汇编，开设惠企政策专栏并逐条标注适用对象和办理渠道。"
    "组织召开政务开放日活动三场，邀请人大代表、政协委员和企业代表走进机关，现场听取意见建议。"
    "完善政府信息公开工作机构，明确分管领导和专职人员，落实工作经费，健全信息发布协调机制。"
    "问题与改进：基层政务公开标准化规范化建设推进不够平衡，部分事项目录更新滞后，下一步将开展"
    "专项督查，建立问题清单和整改台账，按月通报进展，推动目录动态调整到位，切实提升公开质效。";

void SetB(Report& r, const char* key, const double (&cells)[6]) {
  Row& row = r.section3.Get(key);
  row.cells.clear();
  double total = 0;
  int i = 0;
  for (const ColumnSpec& col : TableBColumns()) {
    if (col.key == "total") break;
    row.Set(col.key, Cell::Number(cells[i]));
    total += cells[i++];
  }
  row.Set("total", Cell::Number(total));
}

// Table B rows of `format` in order, zero unless kBalancedB says otherwise.
void FillTableB(Report& r, ReportFormat format) {
  for (const RowSpec& spec : TableBRows(format)) {
    double cells[6] = {0, 0, 0, 0, 0, 0};
    for (const BRow& b : kBalancedB) {
      std::string key = b.key;
      if (format == ReportFormat::k2019Trial && key == "other.other") key = "other";
      if (key == spec.key) std::copy(std::begin(b.cells), std::end(b.cells), cells);
    }
    SetB(r, std::string(spec.key).c_str(), cells);
  }
}

void FillTableC(Report& r) {
  const double blocks[3][4] = {{2, 1, 0, 1}, {1, 0, 0, 0}, {0, 0, 0, 0}};
  int i = 0;
  for (const RowSpec& block : TableCBlocks()) {
    Row& row = r.section4.Get(block.key);
    const char* cols[] = {"upheld", "corrected", "other", "pending"};
    double total = 0;
    for (int k = 0; k < 4; ++k) {
      row.Set(cols[k], Cell::Number(blocks[i][k]));
      total += blocks[i][k];
    }
    row.Set("total", Cell::Number(total));
    ++i;
  }
}

void FillSections(Report& r) {
  const char* titles[] = {"一、总体情况",
                          "二、主动公开政府信息情况",
                          "三、收到和处理政府信息公开申请情况",
                          "四、政府信息公开行政复议、行政诉讼情况",
                          "五、存在的主要问题及改进情况",
                          "六、其他需要报告的事项"};
  const char* texts[] = {kSection1Text, "", "", "", kSection5Text, kSection6Text};
  for (int n = 1; n <= 6; ++n) r.sections.push_back(Section{n, titles[n - 1], texts[n - 1], {}});
}

// A department's 2023 report in the 2021 format that passes every rule.
Report Balanced2021() {
  Report r;
  r.format = ReportFormat::k2021;
  r.agency = "某市生态环境局";
  r.year = 2023;
  r.published = Date{std::chrono::year(2024), std::chrono::January, std::chrono::day(20)};
  auto a = [&](const char* row, const char* col, double v) {
    r.section2.Get(row).Set(col, Cell::Number(v));
  };
  a("rules", "issued", 0), a("rules", "abolished", 0), a("rules", "in_force", 0);
  a("normative_documents", "issued", 5), a("normative_documents", "abolished", 1);
  a("normative_documents", "in_force", 40);
  a("licensing", "decisions", 120), a("punishment", "decisions", 30);
  a("enforcement", "decisions", 2), a("fees", "amount_wan_yuan", 12.5);
  FillTableB(r, ReportFormat::k2021);
  FillTableC(r);
  FillSections(r);
  return r;
}

// A 2020 report in the 2019 trial format that passes every rule.
Report BalancedTrial() {
  Report r;
  r.format = ReportFormat::k2019Trial;
  r.agency = "某县人民政府";
  r.year = 2020;
  r.published = Date{std::chrono::year(2021), std::chrono::January, std::chrono::day(28)};
  for (const RowSpec& spec : TableARows(ReportFormat::k2019Trial)) {
    for (const ColumnSpec& col : spec.columns) {
      r.section2.Get(spec.key).Set(col.key, Cell::Number(col.key == "change" ? -1 : 3));
    }
  }
  FillTableB(r, ReportFormat::k2019Trial);
  FillTableC(r);
  FillSections(r);
  // The narrative's year must be the report's.
  for (Section& s : r.sections) {
    if (s.number == 1) s.text = "2020年，本县共收到政府信息公开申请26件，均已按期答复。";
  }
  return r;
}

Cell& CellAt(Table& t, const char* row, const char* column) { return *t.Find(row)->Find(column); }

std::set<std::string> Rules(const std::vector<Finding>& findings) {
  std::set<std::string> out;
  for (const Finding& f : findings) out.insert(f.rule);
  return out;
}

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) out += "\n  " + f.rule + ": " + f.message_zh;
  return out;
}

TEST(CheckReportTest, BalancedReportsPassEveryRule) {
  std::vector<Finding> f = CheckReport(Balanced2021(), CheckSettings{});
  EXPECT_TRUE(f.empty()) << Describe(f);
  f = CheckReport(BalancedTrial(), CheckSettings{});
  EXPECT_TRUE(f.empty()) << Describe(f);
}

struct MutationCase {
  const char* name;
  std::function<void(Report&)> change;
  std::set<std::string> rules;             // exactly the rules that must fire
  int count;                               // how many findings
  std::vector<std::string> message_parts;  // in the first finding's Chinese message
};

void RunCases(const std::vector<MutationCase>& cases, const std::function<Report()>& make) {
  for (const MutationCase& c : cases) {
    Report r = make();
    c.change(r);
    std::vector<Finding> f = CheckReport(r, CheckSettings{});
    EXPECT_EQ(Rules(f), c.rules) << c.name << Describe(f);
    EXPECT_EQ(static_cast<int>(f.size()), c.count) << c.name << Describe(f);
    if (f.empty()) continue;
    for (const std::string& part : c.message_parts) {
      EXPECT_THAT(f[0].message_zh, HasSubstr(part)) << c.name;
    }
    EXPECT_FALSE(f[0].message_en.empty()) << c.name;
  }
}

// Each rule: a change to the balanced 2021 report, and exactly the rules it must trip.
TEST(CheckReportTest, EachChangeIsCaughtByItsRule2021) {
  const std::vector<MutationCase> kCases = {
      // 1. carried_forward 自然人 and its total +1: only the column identity breaks.
      {"balance",
       [](Report& r) {
         CellAt(r.section3, "carried_forward", "natural_person").number = 4;
         CellAt(r.section3, "carried_forward", "total").number = 6;
       },
       {"B-BALANCE"},
       2,
       {"表三 「自然人」列", "应为 22", "实为 23", "（七）总计"}},
      // 2. One cell moved between two result rows of the same column: only the row sums break.
      {"row sum, two rows",
       [](Report& r) {
         CellAt(r.section3, "granted", "natural_person").number = 11;
         CellAt(r.section3, "partial", "natural_person").number = 2;
       },
       {"B-ROW-SUM"},
       2,
       {"表三 「（一）予以公开」行「总计」列", "应为 14", "实为 13"}},
      // 3. A single total cell: its row and its column both disagree, and 3 (= 2 + 1) repairs
      // both, so the one cell is reported once.
      {"row sum, one cell",
       [](Report& r) { CellAt(r.section3, "carried_over", "total").number = 4; },
       {"B-ROW-SUM"},
       1,
       {"「二、上年结转政府信息公开申请数量」行「总计」列：疑应为 3，实为 4", "2 处勾稽关系",
        "各类申请人之和", "（七）总计」加「四、结转下年度继续办理」应为 30"}},
      // 3a. A cell of （七）总计 is in three identities (its row, its column's balance, its
      // column's sum of results); 19 repairs all three.
      {"closed total, one cell",
       [](Report& r) { CellAt(r.section3, "closed_total", "natural_person").number = 18; },
       {"B-ROW-SUM"},
       1,
       {"「（七）总计」行「自然人」列：疑应为 19，实为 18", "3 处勾稽关系"}},
      // 3b. Two wrong cells of one row: no single cell repairs the row and both columns, so each
      // broken identity is reported (21 + 4 in the row: 总计 26 ≠ 28; columns 23 ≠ 22, 5 ≠ 4).
      {"two cells of one row",
       [](Report& r) {
         CellAt(r.section3, "new", "natural_person").number = 21;
         CellAt(r.section3, "new", "commercial").number = 4;
       },
       {"B-ROW-SUM", "B-BALANCE"},
       3,
       {"「一、本年新收政府信息公开申请数量」行「总计」列：应为 28"}},
      // 4. A result row's cell and its total: only （七）总计 disagrees, in both columns.
      {"closed sum",
       [](Report& r) {
         CellAt(r.section3, "granted", "natural_person").number = 11;
         CellAt(r.section3, "granted", "total").number = 14;
       },
       {"B-CLOSED-SUM"},
       2,
       {"表三 「（七）总计」行「自然人」列：应为 20（各办理结果之和），实为 19"}},
      {"block sum",
       [](Report& r) { CellAt(r.section4, "reconsideration", "total").number = 5; },
       {"C-BLOCK-SUM"},
       1,
       {"表四 「行政复议」「总计」", "应为 4", "实为 5"}},
      {"text cell",
       [](Report& r) {
         Cell& c = CellAt(r.section3, "new", "research");
         c.kind = Cell::Kind::kText;
         c.raw = "0件";
       },
       {"CELL-KIND"},
       1,
       {"表三 「一、本年新收政府信息公开申请数量」行「科研机构」列", "0件"}},
      {"blank cell",
       [](Report& r) { CellAt(r.section3, "new", "research").kind = Cell::Kind::kBlank; },
       {"CELL-KIND"},
       1,
       {"「科研机构」列为空"}},
      {"not-applicable cell",
       [](Report& r) {
         Cell& c = CellAt(r.section4, "litigation_direct", "other");
         c.kind = Cell::Kind::kNotApplicable;
         c.raw = "/";
       },
       {"CELL-KIND"},
       1,
       {"表四 「行政诉讼（未经复议直接起诉）」「其他结果」", "「/」"}},
      {"fractional count",
       [](Report& r) { CellAt(r.section2, "licensing", "decisions").number = 120.5; },
       {"CELL-KIND"},
       1,
       {"表二 「行政许可」行「本年处理决定数量」列", "整数", "120.5"}},
      {"negative count",
       [](Report& r) { CellAt(r.section2, "enforcement", "decisions").number = -2; },
       {"CELL-KIND"},
       1,
       {"负数", "-2"}},
      {"a column blank all the way down",
       [](Report& r) {
         for (Row& row : r.section3.rows) row.Find("research")->kind = Cell::Kind::kBlank;
       },
       {"CELL-KIND"},
       1,
       {"表三 「科研机构」列全部", "25"}},
      {"absent row",
       [](Report& r) {
         std::erase_if(r.section3.rows, [](const Row& x) { return x.key == "other.other"; });
       },
       {"CELL-KIND"},
       1,
       {"缺少「3.其他」行"}},
      {"absent table", [](Report& r) { r.section4.rows.clear(); }, {"SECTIONS"}, 1, {"缺少表四"}},
      {"wrong format for the year",
       [](Report& r) {
         r.year = 2020;
         r.published.reset();
         r.sections[0].text = "";
       },
       {"FORMAT-YEAR"},
       1,
       {"2020年度报告应使用2019年试行格式"}},
      {"provincial （六）其他处理 as one row",
       [](Report& r) {
         std::erase_if(r.section3.rows, [](const Row& x) { return x.key.starts_with("other."); });
         const double cells[6] = {0, 0, 0, 0, 1, 0};
         SetB(r, "other", cells);
       },
       {"FORMAT-YEAR"},
       1,
       {"只有一行"}},
      {"missing section",
       [](Report& r) { std::erase_if(r.sections, [](const Section& s) { return s.number == 5; }); },
       {"SECTIONS"},
       1,
       {"缺少第5部分「五、存在的主要问题及改进情况」"}},
      {"sections out of order",
       [](Report& r) { std::swap(r.sections[4], r.sections[5]); },
       {"SECTIONS"},
       1,
       {"顺序"}},
      {"a large fee, still possible (12.5 亿元)",
       [](Report& r) { CellAt(r.section2, "fees", "amount_wan_yuan").number = 125000; },
       {},
       0,
       {}},
      {"fee beyond any agency's",
       [](Report& r) { CellAt(r.section2, "fees", "amount_wan_yuan").number = 1605964; },
       {"FEE-UNIT"},
       1,
       {"1605964 万元", "应填 160.5964"}},
      {"fee with its unit written",
       [](Report& r) {
         Cell& c = CellAt(r.section2, "fees", "amount_wan_yuan");
         c.kind = Cell::Kind::kText;
         c.raw = "160.5964万元";
       },
       {"FEE-UNIT"},
       1,
       {"「160.5964万元」", "应只填数字 160.5964"}},
      {"fee in yuan with the unit",
       [](Report& r) {
         Cell& c = CellAt(r.section2, "fees", "amount_wan_yuan");
         c.kind = Cell::Kind::kText;
         c.raw = "125000元";
       },
       {"FEE-UNIT"},
       1,
       {"应只填数字 12.5"}},
      {"narrative count",
       [](Report& r) {
         r.sections[0].text = "2023年，本局共收到政府信息公开申请25件，均按期答复。";
       },
       {"NARRATIVE"},
       1,
       {"第一部分正文称「本局共收到政府信息公开申请25件」", "申请25件", "的 26",
        "（加上年结转为 29）"}},
      {"narrative says none",
       [](Report& r) { r.sections[0].text = "2023年度本局未收到依申请公开。"; },
       {"NARRATIVE"},
       1,
       {"未收到依申请公开", "26"}},
      {"published on the last day",
       [](Report& r) {
         r.published = Date{std::chrono::year(2024), std::chrono::January, std::chrono::day(31)};
       },
       {},
       0,
       {}},
      {"published late",
       [](Report& r) {
         r.published = Date{std::chrono::year(2024), std::chrono::February, std::chrono::day(1)};
       },
       {"LATE"},
       1,
       {"2024年2月1日", "2024年1月31日", "3月31日"}},
      {"township, no 规章", [](Report& r) { r.agency = "某县城关镇人民政府"; }, {}, 0, {}},
      {"township reports 规章",
       [](Report& r) {
         r.agency = "某县城关镇人民政府";
         CellAt(r.section2, "rules", "in_force").number = 2;
       },
       {"IMPLAUSIBLE"},
       1,
       {"乡镇不制定规章", "表二 「规章」行「现行有效件数」列为 2"}},
      {"城乡 is not a township",
       [](Report& r) {
         r.agency = "某市住房和城乡建设局";
         CellAt(r.section2, "rules", "in_force").number = 2;
       },
       {},
       0,
       {}},
  };
  RunCases(kCases, Balanced2021);
}

TEST(CheckReportTest, AllZeroTableBWhileTheTextCountsApplicationsIsImplausible) {
  Report r = Balanced2021();
  for (Row& row : r.section3.rows) {
    for (auto& [column, cell] : row.cells) cell.number = 0;
  }
  std::vector<Finding> f = CheckReport(r, CheckSettings{});
  ASSERT_EQ(Rules(f), std::set<std::string>{"IMPLAUSIBLE"}) << Describe(f);
  EXPECT_THAT(f[0].message_zh, HasSubstr("表三全部为 0"));
  EXPECT_THAT(f[0].message_zh, HasSubstr("共收到政府信息公开申请26件"));
  EXPECT_EQ(f[0].severity, Finding::Severity::kNotice);
}

// A sum that fails on a row the parser could not split with certainty accuses nobody: it is a
// SUM-UNSETTLED warning naming the doubted cells; the same change on a certain row is an error.
TEST(CheckReportTest, SumsOverDoubtedCellsAreUnsettledNotErrors) {
  Report r = Balanced2021();
  CellAt(r.section3, "carried_over", "total").number = 4;
  r.uncertain_paths.push_back("section3.carried_over");
  std::vector<Finding> f = CheckReport(r, CheckSettings{});
  EXPECT_FALSE(HasErrors(f)) << Describe(f);
  EXPECT_EQ(Rules(f), (std::set<std::string>{"SUM-UNSETTLED"})) << Describe(f);
  ASSERT_EQ(f.size(), 2u) << Describe(f);  // its row and its column, neither blamed on the cell
  EXPECT_THAT(f[0].message_zh, HasSubstr("未能可靠读取"));
  EXPECT_THAT(f[0].message_zh, HasSubstr("「二、上年结转政府信息公开申请数量」行「总计」列"));

  Report one_cell = Balanced2021();
  Cell& c = CellAt(one_cell.section3, "new", "natural_person");
  c.number = 21;
  c.ambiguity = "连写数字有多种拆分";
  f = CheckReport(one_cell, CheckSettings{});
  EXPECT_FALSE(HasErrors(f)) << Describe(f);
  EXPECT_EQ(Rules(f), (std::set<std::string>{"SUM-UNSETTLED"})) << Describe(f);

  Report certain = Balanced2021();
  CellAt(certain.section3, "carried_over", "total").number = 4;
  EXPECT_TRUE(HasErrors(CheckReport(certain, CheckSettings{})));
}

TEST(CheckReportTest, WhatTheParserReportedIsNotSaidAgain) {
  Report r = Balanced2021();
  std::erase_if(r.section3.rows, [](const Row& x) { return x.key.starts_with("other."); });
  const double other[6] = {0, 0, 0, 0, 1, 0};
  SetB(r, "other", other);
  std::erase_if(r.section3.rows, [](const Row& x) { return x.key == "not_processed.repeat"; });
  r.section4.rows.clear();
  std::erase_if(r.sections, [](const Section& s) { return s.number == 4; });
  EXPECT_EQ(Rules(CheckReport(r, CheckSettings{})),
            (std::set<std::string>{"CELL-KIND", "SECTIONS", "FORMAT-YEAR"}));
  CheckSettings after_parser;
  after_parser.parser_reported_layout = true;
  std::vector<Finding> f = CheckReport(r, after_parser);
  // The undivided （六） row stays the rules' own notice: the parser only reads it.
  ASSERT_EQ(f.size(), 1u) << Describe(f);
  EXPECT_EQ(f[0].rule, "FORMAT-YEAR");
  EXPECT_EQ(f[0].row, "other");
  EXPECT_EQ(f[0].severity, Finding::Severity::kNotice);
}

TEST(CheckReportTest, GovernmentDeadlineIs31March) {
  Report r = Balanced2021();
  CheckSettings government;
  government.publisher = Publisher::kGovernment;
  r.published = Date{std::chrono::year(2024), std::chrono::March, std::chrono::day(31)};
  EXPECT_TRUE(CheckReport(r, government).empty());
  EXPECT_EQ(Rules(CheckReport(r, CheckSettings{})), std::set<std::string>{"LATE"});
  r.published = Date{std::chrono::year(2024), std::chrono::April, std::chrono::day(1)};
  std::vector<Finding> f = CheckReport(r, government);
  ASSERT_EQ(Rules(f), std::set<std::string>{"LATE"});
  EXPECT_EQ(f[0].expected, "2024-03-31");
  EXPECT_EQ(f[0].found, "2024-04-01");
}

TEST(CheckReportTest, EachChangeIsCaughtByItsRuleTrial) {
  const std::vector<MutationCase> kCases = {
      {"closed sum through the single （六） row",
       [](Report& r) {
         CellAt(r.section3, "other", "legal_service").number = 2;
         CellAt(r.section3, "other", "total").number = 2;
       },
       {"B-CLOSED-SUM"},
       2,
       {"「法律服务机构」列：应为 3", "实为 2"}},
      {"block sum",
       [](Report& r) { CellAt(r.section4, "litigation_direct", "total").number = 0; },
       {"C-BLOCK-SUM"},
       1,
       {"应为 1", "实为 0"}},
      {"a trial report for 2022",
       [](Report& r) {
         r.year = 2022;
         r.published.reset();
         r.sections[0].text = "";
       },
       {"FORMAT-YEAR"},
       1,
       {"2022年度报告应使用2021年格式"}},
      {"negative change is allowed",
       [](Report& r) { CellAt(r.section2, "licensing", "change").number = -7; },
       {},
       0,
       {}},
      {"negative project count is not",
       [](Report& r) { CellAt(r.section2, "procurement", "projects").number = -1; },
       {"CELL-KIND"},
       1,
       {"「政府集中采购」行「采购项目数量」列"}},
      {"2021 rows in a trial table",
       [](Report& r) {
         std::erase_if(r.section3.rows, [](const Row& x) { return x.key == "other"; });
         const double one[6] = {0, 0, 0, 0, 1, 0}, none[6] = {0, 0, 0, 0, 0, 0};
         SetB(r, "other.no_correction", none);
         SetB(r, "other.fee_unpaid", none);
         SetB(r, "other.other", one);
       },
       {"FORMAT-YEAR"},
       1,
       {"分为三项"}},
  };
  RunCases(kCases, BalancedTrial);
}

// CheckAcrossYears: last year's report whose carried_forward is this year's carried_over, whose
// in_force leads to this year's, and whose narrative is different.
Report LastYear() {
  Report prev = Balanced2021();
  prev.year = 2022;
  const double forward[6] = {2, 1, 0, 0, 0, 0};
  SetB(prev, "carried_forward", forward);
  CellAt(prev.section2, "normative_documents", "in_force").number = 36;
  for (Section& s : prev.sections) {
    if (s.number == 1) s.text = kOtherYearText;
    if (s.number == 5) s.text = "";
  }
  return prev;
}

TEST(CheckAcrossYearsTest, EachChangeIsCaughtByItsRule) {
  struct Case {
    const char* name;
    std::function<void(Report& prev, Report& cur)> change;
    std::set<std::string> rules;
    std::vector<std::string> message_parts;
  };
  const Case kCases[] = {
      {"consistent", [](Report&, Report&) {}, {}, {}},
      {"carried over differs",
       [](Report&, Report& cur) {
         CellAt(cur.section3, "carried_over", "natural_person").number = 3;
       },
       {"CROSS-YEAR"},
       {"表三 「二、上年结转政府信息公开申请数量」行「自然人」列：应为 "
        "2（2022年度报告的「四、结转下年度继续办理」），实为 3"}},
      {"in force within the tolerance",
       [](Report&, Report& cur) {
         CellAt(cur.section2, "normative_documents", "in_force").number = 43;
       },
       {},
       {}},
      {"in force off the trend",
       [](Report&, Report& cur) {
         CellAt(cur.section2, "normative_documents", "in_force").number = 50;
       },
       {"IN-FORCE-TREND"},
       {"约应为 40", "36 + 本年制发 5 − 本年废止 1", "实为 50"}},
      {"copied narrative",
       [](Report& prev, Report& cur) { prev.sections = cur.sections; },
       {"COPY"},
       {"相似度为 100%"}},
      {"copied narrative with new numbers and years",
       [](Report& prev, Report& cur) {
         prev.sections = cur.sections;
         std::string& t = prev.sections[0].text;
         t.replace(t.find("2023"), 4, "2022");
         t.replace(t.find("356"), 3, "298");
       },
       {"COPY"},
       {"2022年度报告"}},
      {"not consecutive years",
       [](Report& prev, Report& cur) {
         prev.year = 2021;
         CellAt(cur.section3, "carried_over", "natural_person").number = 3;
       },
       {"CROSS-YEAR"},
       {"未做跨年度核对"}},
      {"same agency written with spaces and full-width brackets",
       [](Report& prev, Report& cur) {
         prev.agency = "某市生态环境局（本级）";
         cur.agency = "某市 生态环境局(本级)";
       },
       {},
       {}},
  };
  for (const Case& c : kCases) {
    Report prev = LastYear(), cur = Balanced2021();
    c.change(prev, cur);
    std::vector<Finding> f = CheckAcrossYears(prev, cur, CheckSettings{});
    EXPECT_EQ(Rules(f), c.rules) << c.name << Describe(f);
    if (f.empty()) continue;
    for (const std::string& part : c.message_parts) {
      EXPECT_THAT(f[0].message_zh, HasSubstr(part)) << c.name;
    }
  }
}

TEST(NarrativeTest, FindsStatedApplicationCounts) {
  struct Case {
    const char* text;
    int year;
    std::vector<long long> counts;  // -1 for "none received"
  };
  // Sentences 1–5 are from the fixtures (003, 007, 012, 013, 000).
  const Case kCases[] = {
      {"本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。", 2021, {70}},
      {"依申请公开受理渠。2023 年全区受理政府信息公开申请 21 件，\n均在法定期限答复。", 2023, {21}},
      {"2023年度我局共收到依申请信息公开26件，及时回复申请人", 2023, {26}},
      {"全县全年共受理政府信息公开申请 749 件，其中自然人申请 741 件，法人或其他组织申请 8 件；"
       "共办理 718 件，结转下一年 31 件。",
       2025,
       {749}},
      {"2023 年度平顶山市新华区政务服务和大数数据管理局未收到依申请公开。", 2023, {-1}},
      {"本年度无依申请公开事项。", 2023, {-1}},
      {"共收到政府信息公开申请１２件。", 2023, {12}},
      {"共收到政府信息公开申请٣件。", 2023, {}},  // other scripts' digits: not read, no crash
      {"全年受理网络问政182件。", 2023, {}},
      {"收到行政复议申请3件，均已办结。", 2023, {}},
      {"2022年共收到政府信息公开申请15件。", 2023, {}},
      {"2022年，共收到政府信息公开申请15件。", 2023, {}},
      {"2022年收到申请10件，2023年共收到政府信息公开申请15件。", 2023, {15}},
      {"其中通过网络收到申请5件。", 2023, {}},
      {"较上年收到申请增加5件。", 2023, {}},
      {"全县共办理相关案件 74 件。", 2025, {}},
      {"未出现因依申请公开引发的行政复议。", 2023, {}},
      {"未收到相关问题责任追究。", 2023, {}},
      {"一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0", 2023, {}},
  };
  for (const Case& c : kCases) {
    std::vector<long long> got;
    for (const auto& s : rules_internal::FindStatedApplicationCounts(c.text, c.year)) {
      got.push_back(s.count ? *s.count : -1);
    }
    EXPECT_EQ(got, c.counts) << c.text;
  }
}

Report Fixture(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/reports/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Report> r = ReportFromJson(ss.str(), name);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Report{};
}

TEST(CheckReportTest, FixturesGiveSensibleFindings) {
  struct Case {
    const char* name;
    std::multiset<std::string> rules;
  };
  const Case kCases[] = {
      {"000_xinhua-zhengwufuwu-dashuju-2023.expected.json", {}},
      {"003_pingtan-2021.expected.json", {}},
      // 洪泽区: （六）其他处理 as one row; 行政复议 10 + 1 printed with 总计 0, 复议后起诉 5 with
      // 0.
      {"007_huaian-hongze-qu-2023.expected.json", {"C-BLOCK-SUM", "C-BLOCK-SUM", "FORMAT-YEAR"}},
      // 沭阳县发改局: the five 法人或其他组织 columns are blank all the way down.
      {"012_suqian-shuyang-fagaiju-2023.expected.json",
       {"CELL-KIND", "CELL-KIND", "CELL-KIND", "CELL-KIND", "CELL-KIND"}},
      {"013_suqian-shuyang-xian-2025.expected.json", {}},
  };
  for (const Case& c : kCases) {
    std::vector<Finding> f = CheckReport(Fixture(c.name), CheckSettings{});
    std::multiset<std::string> got;
    for (const Finding& x : f) got.insert(x.rule);
    EXPECT_EQ(got, c.rules) << c.name << Describe(f);
  }
}

TEST(CheckReportTest, Fixture007TableCInconsistencyNamesBlockValuesAndCells) {
  std::vector<Finding> f =
      CheckReport(Fixture("007_huaian-hongze-qu-2023.expected.json"), CheckSettings{});
  std::vector<const Finding*> block;
  for (const Finding& x : f) {
    if (x.rule == "C-BLOCK-SUM") block.push_back(&x);
  }
  ASSERT_EQ(block.size(), 2u) << Describe(f);
  EXPECT_EQ(block[0]->row, "reconsideration");
  EXPECT_EQ(block[0]->column, "total");
  EXPECT_EQ(block[0]->expected, "11");  // 10 upheld + 1 corrected
  EXPECT_EQ(block[0]->found, "0");
  EXPECT_THAT(block[0]->message_zh, HasSubstr("表四 「行政复议」「总计」：应为 11"));
  EXPECT_THAT(block[0]->message_en,
              HasSubstr("Table C, block 「行政复议」, column 「总计」: expected 11"));
  EXPECT_EQ(block[1]->row, "litigation_after_reconsideration");
  EXPECT_EQ(block[1]->expected, "5");
  EXPECT_EQ(block[1]->severity, Finding::Severity::kError);
}

TEST(CheckReportTest, LabelDriftFindingNamesBothLabels) {
  Finding f = LabelDriftFinding(ReportFormat::k2021, "section2", "normative_documents",
                                "规范性文件", SourcePos{41, 1});
  EXPECT_EQ(f.rule, "FORMAT-YEAR");
  EXPECT_EQ(f.severity, Finding::Severity::kWarning);
  EXPECT_THAT(f.message_zh, HasSubstr("「规范性文件」"));
  EXPECT_THAT(f.message_zh, HasSubstr("「行政规范性文件」"));
  EXPECT_EQ(f.pos.line, 41);
}

}  // namespace
}  // namespace gongkai
