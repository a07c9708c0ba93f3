// `gongkai ratings` as a 政务服务管理局 uses it: import the hand-counted fixture of
// tests/fixtures/ratings/ as a named clerk, print the year's figures as JSON (equal to the counts
// in its README), refuse a bad file naming line, field and allowed values without changing
// anything, and take a 差评 through a step the head approves. Each step runs the real binary.

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

const fs::path kFixtures = fs::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/ratings";

class RatingsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_ratings_cli_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
    std::ofstream(dir_ / "password") << "correct horse battery\n";
    ASSERT_EQ(Run("agencies add --name 某区政务服务管理局 --kind department").exit_code, 0);
    for (const char* who : {"admin --role admin", "li --role clerk", "zhou --role head"}) {
      Outcome added = Gongkai(std::string("users add --agency 1 --name ") + who +
                              (std::string(who).starts_with("admin") ? "" : " --user admin") +
                              " --db " + Quote(db_) + " < " + Quote((dir_ / "password").string()));
      ASSERT_EQ(added.exit_code, 0) << added.err;
    }
    Outcome catalogue =
        Run("services import " + Quote((kFixtures / "catalogue.jsonl").string()) + " --user li");
    ASSERT_EQ(catalogue.exit_code, 0) << catalogue.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Run(const std::string& args) { return Gongkai(args + " --db " + Quote(db_)); }

  fs::path dir_;
  std::string db_;
};

TEST_F(RatingsCommandTest, ImportStatsAndATicketStep) {
  Outcome imported =
      Run("ratings import " + Quote((kFixtures / "ratings-2024.jsonl").string()) + " --user li");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("已导入 16 条评价、15 个工单步骤"), std::string::npos)
      << imported.out;

  Outcome stats = Run("ratings stats --year 2024 --json");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  auto j = nlohmann::json::parse(stats.out);
  EXPECT_EQ(j["total"], 13);
  EXPECT_EQ(j["levels"], nlohmann::json::parse(R"({"1":2,"2":3,"3":2,"4":2,"5":4})"));
  EXPECT_EQ(j["poor"], 5);
  EXPECT_EQ(j["by_channel"],
            nlohmann::json::parse(R"({"pc":4,"mobile":3,"qr":2,"tablet":3,"other":1})"));
  EXPECT_EQ(j["answered"], 4);
  EXPECT_EQ(j["rectified"], 2);
  EXPECT_EQ(j["rates"]["good_rate"], "61.54%");
  Outcome q1 = Run("ratings stats --year 2024 --quarter 1 --json");
  EXPECT_EQ(nlohmann::json::parse(q1.out)["total"], 4);

  std::ofstream(dir_ / "bad.jsonl")
      << R"({"type":"rating","id":"z1","item":"00016421300301","object":"item","channel":"fax","level":5,"at":"2024-01-01T08:00"})"
      << "\n";
  Outcome bad = Run("ratings import " + Quote((dir_ / "bad.jsonl").string()) + " --user li");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.jsonl:1: 字段 channel：未知的值「fax」（可选值：pc | mobile | qr | "
                         "tablet | other）"),
            std::string::npos)
      << bad.err;

  // r11 has no steps: verified, then an explanation the head approves.
  ASSERT_EQ(Run("ratings step r11 --kind verified --date 2024-08-09 --user li").exit_code, 0);
  Outcome explained =
      Run("ratings step r11 --kind explained --date 2024-08-12 --note 已电话说明 --user li");
  ASSERT_EQ(explained.exit_code, 0) << explained.err;
  EXPECT_NE(explained.out.find("待负责人批准"), std::string::npos);
  EXPECT_NE(Run("ratings approve 17 --user li").exit_code, 0);  // a clerk does not approve
  ASSERT_EQ(Run("ratings approve 17 --user zhou").exit_code, 0);
  Outcome tickets = Run("ratings tickets --as-of 2024-08-16 --open --json");
  ASSERT_EQ(tickets.exit_code, 0) << tickets.err;
  EXPECT_EQ(nlohmann::json::parse(tickets.out).size(), 0u);  // r11 answered within its period
}

}  // namespace
}  // namespace gongkai::cli
