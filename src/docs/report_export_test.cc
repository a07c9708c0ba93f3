#include "docs/report_export.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "docs/report_document.h"
#include "docs/sample_report_test_util.h"
#include "docs/zip_test_util.h"
#include "report/json.h"

namespace gongkai {
namespace {

using testing::ReadZip;
using testing::SampleReport;
using testing::ZipMemberData;

std::string Export(const Report& r, ExportFormat f) {
  Result<std::string> bytes = ExportReport(r, f);
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? *bytes : "";
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST(ExportFormatTest, KeysExtensionsAndUnknownKeys) {
  struct Case {
    const char* key;
    ExportFormat format;
    const char* extension;
  };
  const Case cases[] = {{"html", ExportFormat::kHtml, ".html"},
                        {"docx", ExportFormat::kDocx, ".docx"},
                        {"pdf", ExportFormat::kPdf, ".pdf"},
                        {"xlsx", ExportFormat::kXlsx, ".xlsx"},
                        {"json", ExportFormat::kJson, ".json"}};
  for (const Case& c : cases) {
    ASSERT_EQ(ExportFormatFromKey(c.key), c.format) << c.key;
    EXPECT_EQ(ExportFormatExtension(c.format), c.extension) << c.key;
    EXPECT_FALSE(ExportFormatMime(c.format).empty()) << c.key;
  }
  for (const char* bad : {"", "HTML", "doc", "xls", "pdf "}) {
    EXPECT_EQ(ExportFormatFromKey(bad), std::nullopt) << "'" << bad << "'";
  }
}

TEST(CellTextTest, PrintsWhatTheCellStates) {
  Cell na{Cell::Kind::kNotApplicable, 0, "/", {}, {}};
  Cell text{Cell::Kind::kText, 0, "160.5964万元", {}, {}};
  Cell blank{Cell::Kind::kBlank, 0, "", {}, {}};
  struct Case {
    const Cell* cell;
    const char* expected;
  };
  const Cell twelve = Cell::Number(12), zero = Cell::Number(0), half = Cell::Number(0.5),
             fee = Cell::Number(160.5964), negative = Cell::Number(-3);
  const Case cases[] = {{&twelve, "12"},         {&zero, "0"},      {&half, "0.5"},
                        {&fee, "160.5964"},      {&negative, "-3"}, {&na, "/"},
                        {&text, "160.5964万元"}, {&blank, ""},      {nullptr, ""}};
  for (const Case& c : cases) EXPECT_EQ(CellText(c.cell), c.expected) << c.expected;
}

// The national format's table B header and row labels, placed on the grid.
TEST(ReportTableBTest, MergedCellsSitWhereTheFormatPutsThem) {
  const DocTable t = ReportTableB(SampleReport());
  ASSERT_EQ(t.column_weights.size(), 10u);
  ASSERT_EQ(t.rows.size(), 3u + 25u);  // three header rows, 25 rows of the 2021 format
  struct Expect {
    const char* text;
    int row, col, row_span, col_span;
  };
  const Expect expected[] = {
      {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 0, 3, 3},
      {"申请人情况", 0, 3, 1, 7},
      {"自然人", 1, 3, 2, 1},
      {"法人或其他组织", 1, 4, 1, 5},
      {"总计", 1, 9, 2, 1},
      {"商业企业", 2, 4, 1, 1},
      {"其他", 2, 8, 1, 1},
      {"一、本年新收政府信息公开申请数量", 3, 0, 1, 3},
      {"三、本年度办理结果", 5, 0, 22, 1},  // 21 result rows and （七）总计
      {"（一）予以公开", 5, 1, 1, 2},
      {"（三）不予公开", 7, 1, 8, 1},
      {"1.属于国家秘密", 7, 2, 1, 1},
      {"（四）无法提供", 15, 1, 3, 1},
      {"（五）不予处理", 18, 1, 5, 1},
      {"（六）其他处理", 23, 1, 3, 1},
      {"（七）总计", 26, 1, 1, 2},
      {"四、结转下年度继续办理", 27, 0, 1, 3},
  };
  const std::vector<PlacedCell> placed = PlaceCells(t);
  for (const Expect& e : expected) {
    const PlacedCell* found = nullptr;
    for (const PlacedCell& p : placed) {
      if (p.cell->text == e.text) found = &p;
    }
    ASSERT_NE(found, nullptr) << e.text;
    EXPECT_EQ(found->row, e.row) << e.text;
    EXPECT_EQ(found->col, e.col) << e.text;
    EXPECT_EQ(found->row_span, e.row_span) << e.text;
    EXPECT_EQ(found->col_span, e.col_span) << e.text;
  }
  // The granted row's values: natural persons 10, commercial 2, research 1, total 13.
  std::vector<std::string> granted;
  for (const PlacedCell& p : placed) {
    if (p.row == 5 && p.col >= 3) granted.push_back(p.cell->text);
  }
  EXPECT_EQ(granted, (std::vector<std::string>{"10", "2", "1", "0", "0", "0", "13"}));
}

TEST(ReportTableBTest, TrialFormatHasOneOtherRow) {
  Report r = SampleReport();
  r.format = ReportFormat::k2019Trial;
  const DocTable t = ReportTableB(r);
  ASSERT_EQ(t.rows.size(), 3u + 23u);
  const std::vector<PlacedCell> placed = PlaceCells(t);
  for (const PlacedCell& p : placed) {
    if (p.cell->text == "三、本年度办理结果") {
      EXPECT_EQ(p.row_span, 20);  // 19 result rows and （七）总计
    }
    if (p.cell->text == "（六）其他处理") {
      EXPECT_EQ(p.col_span, 2);
      EXPECT_EQ(p.row_span, 1);
    }
  }
}

TEST(ReportTableATest, GroupsRowsUnderTheItemsOfArticle20) {
  const DocTable t = ReportTableA(SampleReport());
  std::vector<std::string> first_cells;
  for (const auto& row : t.rows) first_cells.push_back(row[0].text);
  EXPECT_EQ(first_cells,
            (std::vector<std::string>{"第二十条第（一）项", "信息内容", "规章", "行政规范性文件",
                                      "第二十条第（五）项", "信息内容", "行政许可",
                                      "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
                                      "第二十条第（八）项", "信息内容", "行政事业性收费"}));
  // 行政许可 has one value, spanning the three value columns; the fee keeps its decimal.
  EXPECT_EQ(t.rows[6][1].text, "120");
  EXPECT_EQ(t.rows[6][1].col_span, 3);
  EXPECT_EQ(t.rows[13][1].text, "0.5");
  EXPECT_EQ(t.rows[12][1].text, "本年收费金额（单位：万元）");
}

TEST(ReportTableCTest, FifteenCellsUnderTwoHeaderLevels) {
  const DocTable t = ReportTableC(SampleReport());
  ASSERT_EQ(t.rows.size(), 4u);
  ASSERT_EQ(t.rows[3].size(), 15u);
  std::vector<std::string> values;
  for (const auto& c : t.rows[3]) values.push_back(c.text);
  EXPECT_EQ(values, (std::vector<std::string>{"1", "0", "0", "1", "2", "1", "0", "0", "0", "1", "0",
                                              "0", "0", "0", "0"}));
  EXPECT_EQ(t.rows[0][1].text, "行政诉讼");
  EXPECT_EQ(t.rows[0][1].col_span, 10);
}

TEST(HtmlExportTest, SelfContainedEscapedPageWithTheNationalTables) {
  const std::string html = Export(SampleReport(), ExportFormat::kHtml);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(
      html.find(
          "<title>新华区&lt;政务&gt;服务&amp;大数据管理局2023年政府信息公开工作年度报告</title>"),
      std::string::npos);
  EXPECT_EQ(html.find("<政务>"), std::string::npos);
  EXPECT_NE(html.find("本年主动公开文件&lt;12&gt;件"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos) << "no external resources";
  EXPECT_NE(html.find("<th colspan=\"7\">申请人情况</th>"), std::string::npos);
  EXPECT_NE(html.find("<th rowspan=\"22\">三、本年度办理结果</th>"), std::string::npos);
  EXPECT_NE(html.find("<td colspan=\"2\" class=\"left\">（一）予以公开</td><td>10</td><td>2</td>"
                      "<td>1</td><td>0</td><td>0</td><td>0</td><td>13</td>"),
            std::string::npos);
  EXPECT_EQ(Count(html, "<table>"), 3u);
  // The six section headings, in order.
  size_t at = 0;
  for (int n = 1; n <= 6; ++n) {
    const size_t next = html.find("<h2>" + std::string(StandardSectionTitle(n)) + "</h2>", at);
    ASSERT_NE(next, std::string::npos) << n;
    at = next;
  }
}

TEST(DocxExportTest, PackageHoldsTheOoxmlPartsWithMergedCells) {
  const std::string docx = Export(SampleReport(), ExportFormat::kDocx);
  auto members = ReadZip(docx);
  ASSERT_TRUE(members.has_value());
  std::vector<std::string> names;
  for (const auto& m : *members) names.push_back(m.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                       "word/_rels/document.xml.rels", "word/settings.xml", "word/footer1.xml",
                       "word/footer2.xml", "docProps/core.xml"}));
  // GB/T 9704 §7.5: page numbers on the right of odd pages and the left of even ones.
  EXPECT_NE(ZipMemberData(*members, "word/settings.xml").find("<w:evenAndOddHeaders/>"),
            std::string::npos);
  EXPECT_NE(ZipMemberData(*members, "word/footer1.xml").find("<w:jc w:val=\"right\"/>"),
            std::string::npos);
  EXPECT_NE(ZipMemberData(*members, "word/footer2.xml").find("<w:jc w:val=\"left\"/>"),
            std::string::npos);
  const std::string xml = ZipMemberData(*members, "word/document.xml");
  EXPECT_EQ(Count(xml, "<w:tbl>"), 3u);
  EXPECT_NE(xml.find("<w:gridSpan w:val=\"7\"/>"), std::string::npos);
  // 「三、本年度办理结果」 starts a vertical merge that 21 continuation cells extend.
  EXPECT_NE(xml.find("<w:vMerge w:val=\"restart\"/>"), std::string::npos);
  EXPECT_NE(xml.find("新华区&lt;政务&gt;服务&amp;大数据管理局"), std::string::npos);
  // GB/T 9704 page: A4, top 37 mm, left 28 mm.
  EXPECT_NE(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  EXPECT_NE(xml.find("w:top=\"2098\""), std::string::npos);
  EXPECT_NE(xml.find("w:left=\"1587\""), std::string::npos);
  // Every entry carries the report's publication date, 2024-01-20 00:00 local time.
  std::tm tm{};
  tm.tm_year = 124;
  tm.tm_mon = 0;
  tm.tm_mday = 20;
  tm.tm_isdst = -1;
  const time_t midnight = std::mktime(&tm);
  for (const auto& m : *members) EXPECT_EQ(m.mtime, midnight) << m.name;
  EXPECT_NE(ZipMemberData(*members, "docProps/core.xml").find("2024-01-20T00:00:00Z"),
            std::string::npos);
}

TEST(XlsxExportTest, ThreeSheetsWithTotalsAsFormulas) {
  const std::string xlsx = Export(SampleReport(), ExportFormat::kXlsx);
  auto members = ReadZip(xlsx);
  ASSERT_TRUE(members.has_value());
  const std::string workbook = ZipMemberData(*members, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"主动公开\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"依申请公开\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"复议诉讼\""), std::string::npos);
  // Sheet 2 (table B): row 1 is the title, rows 2-4 the header, 「一、本年新收」 is row 5 with
  // the total in column J; （七）总计 is row 28, the result rows 7..27.
  const std::string b = ZipMemberData(*members, "xl/worksheets/sheet2.xml");
  EXPECT_NE(b.find("<f>SUM(D5:I5)</f><v>25</v>"), std::string::npos);
  EXPECT_NE(b.find("<f>SUM(D7:D27)</f><v>20</v>"), std::string::npos);
  EXPECT_NE(b.find("<f>SUM(J7:J27)</f><v>23</v>"), std::string::npos);
  EXPECT_NE(b.find("<mergeCell ref=\"A2:C4\"/>"), std::string::npos);
  EXPECT_NE(b.find("<mergeCell ref=\"D2:J2\"/>"), std::string::npos);
  EXPECT_NE(b.find("<mergeCell ref=\"A7:A28\"/>"), std::string::npos);
  // Sheet 3 (table C): 行政复议 总计 = SUM of 维持 … 尚未审结, cached 2.
  const std::string c = ZipMemberData(*members, "xl/worksheets/sheet3.xml");
  EXPECT_NE(c.find("<f>SUM(A5:D5)</f><v>2</v>"), std::string::npos);
  EXPECT_NE(ZipMemberData(*members, "docProps/core.xml").find("2024-01-20T00:00:00Z"),
            std::string::npos);
}

// A parsed report that does not balance keeps its stated total, as a number, not a formula.
TEST(XlsxExportTest, StatedTotalThatDoesNotAddUpStaysAsStated) {
  Report r = SampleReport();
  r.section3.Get("closed_total").Set("natural_person", Cell::Number(19));
  auto members = ReadZip(Export(r, ExportFormat::kXlsx));
  ASSERT_TRUE(members.has_value());
  const std::string b = ZipMemberData(*members, "xl/worksheets/sheet2.xml");
  EXPECT_EQ(b.find("SUM(D7:D27)"), std::string::npos);
  EXPECT_NE(b.find("<v>19</v>"), std::string::npos);
  EXPECT_NE(b.find("<f>SUM(E7:E27)</f><v>2</v>"), std::string::npos);
}

TEST(PdfExportTest, StampsTheReportDateNotTheClock) {
  const std::string pdf = Export(SampleReport(), ExportFormat::kPdf);
  EXPECT_TRUE(pdf.starts_with("%PDF-"));
  // cairo 1.16 writes the date without the "D:" prefix; later versions add it.
  const size_t created = pdf.find("/CreationDate (");
  ASSERT_NE(created, std::string::npos);
  EXPECT_NE(pdf.substr(created, 40).find("20240120000000"), std::string::npos);
  EXPECT_NE(pdf.find("NotoSerifCJK"), std::string::npos) << "the CJK font is embedded";
}

TEST(ReportExportTest, SameReportGivesByteIdenticalFiles) {
  const Report r = SampleReport();
  std::vector<std::string> first;
  const ExportFormat formats[] = {ExportFormat::kHtml, ExportFormat::kDocx, ExportFormat::kPdf,
                                  ExportFormat::kXlsx, ExportFormat::kJson};
  for (ExportFormat f : formats) first.push_back(Export(r, f));
  // Long enough for any "now" in seconds to change.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  for (size_t i = 0; i < std::size(formats); ++i) {
    EXPECT_EQ(Export(r, formats[i]), first[i]) << ExportFormatExtension(formats[i]);
    EXPECT_GT(first[i].size(), 500u) << ExportFormatExtension(formats[i]);
  }
}

TEST(JsonExportTest, ReadBackGivesTheSameReport) {
  const Report r = SampleReport();
  const std::string json = Export(r, ExportFormat::kJson);
  Result<Report> back = ReportFromJson(json, "export.json");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(ReportToJson(*back), ReportToJson(r));
  EXPECT_EQ(back->section3.FindCell("granted", "total")->number, 13);
}

}  // namespace
}  // namespace gongkai
