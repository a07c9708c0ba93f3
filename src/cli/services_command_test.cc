// `gongkai services` as a 政务服务管理局 uses it: import the generated catalogue as a named clerk,
// refuse a bad file naming its line and field without changing anything, print the counts at a
// date as JSON (which must equal the hand count in tests/fixtures/services/expected.json), list
// the quality findings with exit code 1, and take a change through draft → approval →
// publication. Each step runs the real binary in a child process.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/run_binary_test_util.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/services";

class ServicesCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_services_cli_test_" + std::to_string(getpid()));
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
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Run(const std::string& args) { return Gongkai(args + " --db " + Quote(db_)); }
  std::string Path(const std::string& name) const { return Quote((dir_ / name).string()); }

  fs::path dir_;
  std::string db_;
};

TEST_F(ServicesCommandTest, ImportStatsCheckAndAChangeThroughPublication) {
  ASSERT_EQ(Run("services division 511602000000 --user li").exit_code, 0);
  Outcome imported =
      Run("services import " + Quote((kFixtures / "catalogue.jsonl").string()) + " --user li");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("已导入 1532 项"), std::string::npos) << imported.out;

  std::ofstream(dir_ / "bad.jsonl")
      << R"({"code":"X1","name":"甲","level":"main","type":"licence","department":"d","status":"in_use"})"
      << "\n"
      << R"({"code":"X2","name":"乙","level":"main","type":"permit","department":"d","status":"in_use"})"
      << "\n";
  Outcome refused = Run("services import " + Path("bad.jsonl") + " --user li");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("bad.jsonl:2: 字段 type：未知的值「permit」（可选值：licence | "),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(Run("services show X1").exit_code, 1) << "nothing of the bad file was imported";

  auto expected = nlohmann::json::parse(std::ifstream(kFixtures / "expected.json"));
  for (const auto& [date, want] : expected["dates"].items()) {
    Outcome stats = Run("services stats --json --date " + date);
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    auto got = nlohmann::json::parse(stats.out);
    EXPECT_EQ(got["in_use"], want["in_use"]) << date;
    EXPECT_EQ(got["negative_list"], want["negative_list"]) << date;
    EXPECT_EQ(got["cross_province"], want["cross_province"]) << date;

    Outcome check = Run("services check --json --date " + date + " --catalogue " +
                        Quote((kFixtures / "reference.jsonl").string()));
    EXPECT_EQ(check.exit_code, 1) << check.err;
    std::set<std::pair<std::string, std::string>> found, wanted;
    const auto report = nlohmann::json::parse(check.out);
    for (const auto& f : report["findings"]) {
      found.emplace(f["code"], f["rule"]);
    }
    for (const auto& f : want["findings"]) wanted.emplace(f[0], f[1]);
    EXPECT_EQ(found, wanted) << date;
  }

  // A 变更 drafted by the clerk, approved and published by the head.
  Outcome shown = Run("services show 00010000100101");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  auto item = nlohmann::json::parse(shown.out);
  item["place"] = "区政务服务中心三楼";
  std::ofstream(dir_ / "item.jsonl") << item.dump() << "\n";
  Outcome drafted =
      Run("services change draft --kind 变更 --code 00010000100101 --reason 窗口调整 --basis "
          "区政务服务管理局通知 --effective 2026-03-01 --item " +
          Path("item.jsonl") + " --user li");
  ASSERT_EQ(drafted.exit_code, 0) << drafted.err;
  EXPECT_NE(drafted.out.find("#1"), std::string::npos) << drafted.out;
  Outcome by_clerk = Run("services change approve 1 --user li");
  EXPECT_EQ(by_clerk.exit_code, 1);
  EXPECT_NE(by_clerk.err.find("批准政务服务事项调整"), std::string::npos) << by_clerk.err;
  ASSERT_EQ(Run("services change approve 1 --user zhou").exit_code, 0);
  Outcome published = Run("services change publish 1 --user zhou");
  ASSERT_EQ(published.exit_code, 0) << published.err;
  EXPECT_NE(published.out.find("第 2 版"), std::string::npos) << published.out;
  EXPECT_NE(published.out.find("place：\"区政务服务中心二楼综合窗口\" → \"区政务服务中心三楼\""),
            std::string::npos)
      << published.out;
  Outcome log = Run("services change log --from 2026-01-01 --to 2026-12-31 --json");
  ASSERT_EQ(log.exit_code, 0) << log.err;
  auto entries = nlohmann::json::parse(log.out);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["diff"][0]["field"], "place");
  EXPECT_EQ(entries[0]["approved"]["by"], "zhou");
  // The change log and the register agree: the change's 调整情况公示 is the register's entry.
  ASSERT_TRUE(entries[0]["register"].is_object()) << log.out;
  const std::string index_no = entries[0]["register"]["index_no"];
  EXPECT_FALSE(index_no.empty());
  Outcome register_export = Run("publications export");
  ASSERT_EQ(register_export.exit_code, 0) << register_export.err;
  EXPECT_NE(register_export.out.find("\"index_no\":\"" + index_no + "\""), std::string::npos)
      << register_export.out;
  EXPECT_NE(register_export.out.find("调整情况公示（变更）"), std::string::npos);
  Outcome before = Run("services show 00010000100101 --date 2026-02-28");
  EXPECT_NE(before.out.find("二楼综合窗口"), std::string::npos) << before.out;
  Outcome after = Run("services show 00010000100101 --date 2026-03-01");
  EXPECT_NE(after.out.find("三楼"), std::string::npos) << after.out;
}

}  // namespace
}  // namespace gongkai::cli
