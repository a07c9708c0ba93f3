// `gongkai services intermediaries|institutions` as an office uses them: a bad file refused
// naming its line and field and changing nothing, the fixture imported as the head, the findings
// as JSON with exit code 1, a cancel taken through draft → approval → publication, and both
// exports. Each step runs the real binary in a child process.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_binary_test_util.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

class IntermediaryCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_inter_cli_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
    std::ofstream(dir_ / "password") << "correct horse battery\n";
    ASSERT_EQ(Run("agencies add --name 某区政务服务管理局 --kind department").exit_code, 0);
    // One head, the first user: the head may draft as well as approve and publish.
    Outcome added = Gongkai("users add --agency 1 --name zhou --role head --db " + Quote(db_) +
                            " < " + Quote((dir_ / "password").string()));
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Run(const std::string& args) { return Gongkai(args + " --db " + Quote(db_)); }

  fs::path dir_;
  std::string db_;
};

TEST_F(IntermediaryCommandTest, ImportCheckAChangeAndExport) {
  const std::string fixture =
      (fs::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/services/intermediaries.jsonl").string();
  std::ofstream(dir_ / "bad.jsonl")
      << R"({"kind": "intermediary", "code": "Z1", "name": "甲", "department": "d"})"
      << "\n"
      << R"({"kind": "institution", "credit_code": "91411302MA44ABCD14", "name": "乙"})"
      << "\n";
  Outcome bad =
      Run("services institutions import " + Quote((dir_ / "bad.jsonl").string()) + " --user zhou");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("bad.jsonl:2: 字段 credit_code"), std::string::npos) << bad.err;
  EXPECT_EQ(Run("services intermediaries export").out, "");  // nothing was imported

  Outcome imported = Run("services intermediaries import " + Quote(fixture) + " --user zhou");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("已导入 5 条"), std::string::npos) << imported.out;

  // No catalogue here: every approval item is unknown (3), plus ZJ-003's four and the expired
  // qualification on 2026-01-15.
  Outcome check = Run("services intermediaries check --json --date 2026-01-15");
  EXPECT_EQ(check.exit_code, 1);
  auto findings = nlohmann::json::parse(check.out)["findings"];
  EXPECT_EQ(findings.size(), 3u + 4u + 1u) << check.out;
  EXPECT_EQ(findings.back()["rule"], "qualification_expired");

  Outcome draft =
      Run("services intermediaries change draft --kind cancel --target intermediary --key ZJ-003 "
          "--reason 无设定依据 --basis 国发〔2015〕58号 --effective 2026-02-01 --user zhou");
  ASSERT_EQ(draft.exit_code, 0) << draft.err;
  EXPECT_NE(Run("services intermediaries change publish 1 --user zhou").exit_code, 0);
  ASSERT_EQ(Run("services intermediaries change approve 1 --user zhou").exit_code, 0);
  Outcome published = Run("services intermediaries change publish 1 --user zhou");
  ASSERT_EQ(published.exit_code, 0) << published.err;
  EXPECT_NE(published.out.find("ZJ-003 第 2 版，自 2026-02-01 起生效"), std::string::npos);

  Outcome listed = Run("services intermediaries list --date 2026-02-01");
  EXPECT_EQ(listed.out.find("ZJ-003"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("ZJ-001"), std::string::npos);
  Outcome exported = Run("services institutions export");
  EXPECT_EQ(std::count(exported.out.begin(), exported.out.end(), '\n'), 2);
  EXPECT_NE(exported.out.find(R"("kind":"institution")"), std::string::npos);
  EXPECT_EQ(Run("audit verify").exit_code, 0);
}

}  // namespace
}  // namespace gongkai::cli
