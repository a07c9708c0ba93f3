// `gongkai check` as a person runs it: exit code 0 for a report that passes, 1 when a finding is
// an error, 2 when a file cannot be read — with a message in the chosen language that names the
// file and says what to do, never the system's English text in Chinese output — and the --json,
// --csv and --summary outputs on the fixtures. Runs the real binary (GONGKAI_BINARY).

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_binary_test_util.h"
#include "docs/report_export.h"
#include "docs/sample_report_test_util.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

std::string Fixture(const std::string& stem) {
  return std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/reports/" + stem + ".txt";
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class CheckCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gongkai_check_test_" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

// A report exported from the sample (every sum balanced, all six sections) passes: exit 0.
TEST_F(CheckCommandTest, ABalancedReportPassesWithExitCode0) {
  Report report = gongkai::testing::SampleReport();
  Result<std::string> html = ExportReport(report, ExportFormat::kHtml);
  ASSERT_TRUE(html.ok()) << html.status().message();
  const fs::path file = dir_ / "sample.html";
  std::ofstream(file, std::ios::binary) << *html;
  const Outcome r = Gongkai("check " + Quote(file.string()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Has(r.out, "结论：通过") || Has(r.out, "未发现问题：通过")) << r.out;
}

// Fixture 007 prints table C's 行政复议 block as 维持 10, 纠正 1, 总计 0: an error, exit 1.
// Bug: in a PDF, table B's blank cells left only wider runs of spaces, so every row with a
// blank cell was reported unreadable. The words' x positions now place each number in its column.
TEST_F(CheckCommandTest, APdfWithBlankCellsKeepsEachNumberInItsColumn) {
  Report report = gongkai::testing::SampleReport();
  for (const char* column : {"research", "public_interest", "legal_service", "other_org"}) {
    for (Row& row : report.section3.rows) {
      if (Cell* c = row.Find(column)) *c = Cell{};  // printed blank
    }
  }
  Result<std::string> pdf = ExportReport(report, ExportFormat::kPdf);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  const fs::path file = dir_ / "blank_cells.pdf";
  std::ofstream(file, std::ios::binary) << *pdf;
  const Outcome r = Gongkai("check --json " + Quote(file.string()));
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  const auto j = nlohmann::json::parse(r.out);
  for (const auto& f : j["findings"]) EXPECT_NE(f["rule"], "PARSE-TABLE-UNREADABLE") << f.dump();
  // From the sample: 一、本年新收 21 / 3 / (blank ×4) / 25; （七）总计 20 / 2 / … / 23.
  const auto& b = j["section3"];
  EXPECT_EQ(b["new"]["natural_person"], 21);
  EXPECT_EQ(b["new"]["commercial"], 3);
  EXPECT_TRUE(b["new"]["research"].is_null());
  EXPECT_TRUE(b["new"]["other_org"].is_null());
  EXPECT_EQ(b["new"]["total"], 25);
  EXPECT_EQ(b["closed_total"]["natural_person"], 20);
  EXPECT_EQ(b["closed_total"]["commercial"], 2);
  EXPECT_TRUE(b["closed_total"]["legal_service"].is_null());
  EXPECT_EQ(b["closed_total"]["total"], 23);
  EXPECT_EQ(b["carried_forward"]["commercial"], 1);
  EXPECT_EQ(b.size(), 25u);  // every 2021 row read
}

TEST_F(CheckCommandTest, AnErrorFindingGivesExitCode1) {
  const Outcome r = Gongkai("check " + Quote(Fixture("007_huaian-hongze-qu-2023")));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(Has(r.out, "C-BLOCK-SUM")) << r.out;
  EXPECT_TRUE(Has(r.out, "结论：未通过")) << r.out;
  EXPECT_TRUE(Has(r.out, "淮安市洪泽区人民政府")) << r.out;
}

// Bug: a missing file printed the system's English "no such file or directory" inside the
// Chinese output. Each unreadable input now says, in the chosen language, which file and what to
// do, and the exit code is 2 even when other files were fine.
TEST_F(CheckCommandTest, UnreadableInputsAreNamedInTheChosenLanguageWithExitCode2) {
  const std::string missing = (dir_ / "不存在.txt").string();
  const fs::path damaged = dir_ / "damaged.pdf";
  std::ofstream(damaged, std::ios::binary) << "%PDF-1.4 not really";
  const fs::path legacy = dir_ / "old.doc.txt";
  std::ofstream(legacy, std::ios::binary) << std::string("\xD0\xCF\x11\xE0 legacy word", 16);
  struct Case {
    std::string args;
    std::string zh;
    std::string en;
  } cases[] = {
      {Quote(missing), "找不到文件或目录「" + missing + "」。请检查路径",
       "No such file or directory"},
      {Quote(damaged.string()), "无法打开 PDF 文件「" + damaged.string() + "」",
       "cannot be opened"},
      {Quote(legacy.string()), "旧版 Word", "legacy Word"},
      {Quote(missing) + " " + Quote(Fixture("012_suqian-shuyang-fagaiju-2023")), "找不到文件或目录",
       "No such file or directory"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    const Outcome zh = Gongkai("check " + c.args);
    EXPECT_EQ(zh.exit_code, 2) << zh.out << zh.err;
    EXPECT_TRUE(Has(zh.out, c.zh)) << zh.out;
    EXPECT_FALSE(Has(zh.out, "no such file")) << zh.out;
    EXPECT_FALSE(Has(zh.out, c.en)) << zh.out;
    const Outcome en = Gongkai("--lang en check " + c.args);
    EXPECT_EQ(en.exit_code, 2) << en.out << en.err;
    EXPECT_TRUE(Has(en.out, c.en)) << en.out;
  }
}

TEST_F(CheckCommandTest, AnEmptyDirectorySaysSoWithExitCode2) {
  const Outcome r = Gongkai("check " + Quote(dir_.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Has(r.err, "没有找到报告文件")) << r.err;
}

TEST_F(CheckCommandTest, JsonHoldsTheReportAndItsFindings) {
  const Outcome r = Gongkai("check --json " + Quote(Fixture("013_suqian-shuyang-xian-2025")));
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["agency"], "沭阳县人民政府");  // read past the OCR error 沐阳, with a notice
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["format"], "2021");
  EXPECT_EQ(j["section3"]["new"]["total"], 713);
  bool misprint = false;
  for (const auto& f : j["findings"]) misprint = misprint || f["rule"] == "PARSE-AGENCY-MISPRINT";
  EXPECT_TRUE(misprint) << r.out;

  const Outcome missing = Gongkai("check --json " + Quote((dir_ / "none.txt").string()));
  EXPECT_EQ(missing.exit_code, 2);
  const auto m = nlohmann::json::parse(missing.out);
  EXPECT_TRUE(Has(m["error"].get<std::string>(), "找不到文件或目录")) << missing.out;
}

TEST_F(CheckCommandTest, CsvHasOneLinePerFinding) {
  const Outcome r = Gongkai("check --csv " + Quote(Fixture("007_huaian-hongze-qu-2023")));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::size_t lines = static_cast<std::size_t>(std::count(r.out.begin(), r.out.end(), '\n'));
  const Outcome j = Gongkai("check --json " + Quote(Fixture("007_huaian-hongze-qu-2023")));
  const auto findings = nlohmann::json::parse(j.out)["findings"].size();
  EXPECT_EQ(lines, findings + 1) << r.out;  // a header, then one line per finding
  EXPECT_TRUE(Has(r.out, "C-BLOCK-SUM")) << r.out;
}

TEST_F(CheckCommandTest, SummaryCountsPassedAndFailedFiles) {
  const fs::path batch = dir_ / "batch";
  fs::create_directories(batch);
  for (const char* stem : {"007_huaian-hongze-qu-2023", "012_suqian-shuyang-fagaiju-2023"}) {
    fs::copy_file(Fixture(stem), batch / (std::string(stem) + ".txt"));
  }
  const Outcome zh = Gongkai("check --summary " + Quote(batch.string()));
  EXPECT_EQ(zh.exit_code, 1) << zh.err;
  // 012 has warnings only (blank legal-person columns), so it passes; 007 fails on table C.
  EXPECT_TRUE(Has(zh.out, "共 2 个文件，2 个机关，年度 2023；1 个通过（无错误），1 个未通过。"))
      << zh.out;
  EXPECT_TRUE(Has(zh.out, "淮安市洪泽区人民政府（2023年度")) << zh.out;
  EXPECT_TRUE(Has(zh.out, "错误 2 项（C-BLOCK-SUM 2）")) << zh.out;
  const Outcome en = Gongkai("--lang en check --summary " + Quote(batch.string()));
  EXPECT_EQ(en.exit_code, 1);
  EXPECT_TRUE(Has(en.out, "2 files, 2 agencies, years 2023; 1 passed (no errors), 1 failed."))
      << en.out;
}

}  // namespace
}  // namespace gongkai::cli
