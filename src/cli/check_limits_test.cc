// Issue 10 at the command line: a 2.6 MB PDF whose content stream inflated to 1 GiB kept
// `gongkai check` busy for 100 s (or took all memory), and JSON nested 100,000 deep crashed
// `gongkai cases import` with SIGSEGV. Now each is an error naming the file and the limit, exit
// 2 for `check`, and a batch goes on with the next file. Runs the real binary.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/run_binary_test_util.h"
#include "docs/report_export.h"
#include "docs/sample_report_test_util.h"
#include "ingest/bomb_test_util.h"
#include "ingest/limits.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class CheckLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gongkai_limits_test_" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(CheckLimitsTest, PdfAndDocxBombsAreExit2AndTheBatchGoesOn) {
  const std::string bomb = gongkai::testing::MinimalPdf(
      gongkai::testing::DeflateZeros(ingest::kMaxPdfInflatedBytes * 2, false));
  ASSERT_LT(bomb.size(), 3u << 20);
  std::ofstream(dir_ / "a-bomb.pdf", std::ios::binary) << bomb;
  std::ofstream(dir_ / "b-bomb.docx", std::ios::binary)
      << gongkai::testing::ZipOfZeros("word/document.xml", 1u << 30, 1u << 30);
  Result<std::string> html = ExportReport(gongkai::testing::SampleReport(), ExportFormat::kHtml);
  ASSERT_TRUE(html.ok());
  std::ofstream(dir_ / "c-sample.html", std::ios::binary) << *html;

  const Outcome r = Gongkai("check " + Quote(dir_.string()));
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(Has(r.out, "a-bomb.pdf")) << r.out;
  EXPECT_TRUE(Has(r.out, "512 MiB")) << r.out;
  EXPECT_TRUE(Has(r.out, "b-bomb.docx")) << r.out;
  EXPECT_TRUE(Has(r.out, "64 MiB")) << r.out;
  // The next file was still checked.
  EXPECT_TRUE(Has(r.out, "c-sample.html")) << r.out;
  EXPECT_TRUE(Has(r.out, "结论：通过") || Has(r.out, "未发现问题：通过")) << r.out;

  const Outcome en = Gongkai("--lang en check " + Quote((dir_ / "a-bomb.pdf").string()));
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_TRUE(Has(en.out, "inflate to more than the limit of 512 MiB")) << en.out;
}

TEST_F(CheckLimitsTest, DeepReportJsonIsExit2) {
  std::ofstream(dir_ / "deep.json") << std::string(100000, '[') << std::string(100000, ']');
  const Outcome r = Gongkai("check " + Quote((dir_ / "deep.json").string()));
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(Has(r.out, "32 层")) << r.out;
}

TEST_F(CheckLimitsTest, CasesImportOfJsonNested100000DeepIsAnErrorNotACrash) {
  std::ofstream(dir_ / "deep.jsonl") << std::string(100000, '[') + std::string(100000, ']') + "\n" +
                                            std::string(30000, '[') + std::string(30000, ']') +
                                            "\n";
  const Outcome r = Gongkai("cases import " + Quote((dir_ / "deep.jsonl").string()) + " --db " +
                            Quote((dir_ / "register.db").string()));
  EXPECT_NE(r.exit_code, -1) << "killed by a signal";
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(Has(r.err, "第 1 行")) << r.err;  // over the line limit
  EXPECT_TRUE(Has(r.err, "第 2 行")) << r.err;  // within it, over the depth limit
  EXPECT_TRUE(Has(r.err, "16 层")) << r.err;
}

}  // namespace
}  // namespace gongkai::cli
