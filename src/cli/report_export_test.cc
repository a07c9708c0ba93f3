// Round trips of the report export through the checker's reader: a report exported to DOCX,
// PDF or HTML and read back (ingest ExtractText + report ParseReportText) has the same three
// tables. It lives in the cli layer because only there do docs/ and ingest/ meet.

#include <gtest/gtest.h>

#include "docs/report_export.h"
#include "docs/sample_report_test_util.h"
#include "ingest/extract.h"
#include "report/json.h"
#include "report/parse.h"

namespace gongkai {
namespace {

// The three tables as report JSON, the form the checker compares in.
nlohmann::ordered_json Tables(const Report& r) {
  nlohmann::ordered_json j = ReportToJson(r);
  return {{"section2", j["section2"]}, {"section3", j["section3"]}, {"section4", j["section4"]}};
}

TEST(ReportExportRoundTripTest, CheckerReadsBackTheSameTables) {
  Report report = testing::SampleReport();
  report.agency = "平顶山市新华区政务服务和大数据管理局";
  for (ExportFormat f : {ExportFormat::kHtml, ExportFormat::kDocx, ExportFormat::kPdf}) {
    const std::string name = "report" + std::string(ExportFormatExtension(f));
    Result<std::string> bytes = ExportReport(report, f);
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    Result<std::string> text = ExtractText(*bytes, name);
    ASSERT_TRUE(text.ok()) << name << ": " << text.status().message();
    const ParseResult parsed = ParseReportText(*text, name);
    EXPECT_EQ(parsed.report.year, 2023) << name;
    EXPECT_EQ(parsed.report.format, ReportFormat::k2021) << name;
    EXPECT_EQ(Tables(parsed.report).dump(1), Tables(report).dump(1)) << name;
  }
}

}  // namespace
}  // namespace gongkai
