// `gongkai publications` as an office uses it: import the fixture register, refuse a bad file
// naming its line and field without changing anything, print the year's figures as JSON (which
// must equal the hand count in tests/fixtures/publications/expected.json), and export and
// re-import the register unchanged. Each step runs the real binary in a child process.

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

const fs::path kFixtures = fs::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/publications";

class PublicationsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_pub_cli_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
    Outcome added = Gongkai("agencies add --name 示例县人民政府 --kind government " + Db());
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db() const { return "--db " + Quote(db_); }
  std::string Path(const std::string& name) const { return Quote((dir_ / name).string()); }

  fs::path dir_;
  std::string db_;
};

TEST_F(PublicationsCommandTest, ImportRefuseStatsAndExportRoundTrip) {
  Outcome imported =
      Gongkai("publications import " + Quote((kFixtures / "register.jsonl").string()) + " " + Db());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("已导入 420 条"), std::string::npos) << imported.out;

  // Line 2 has a kind the format does not know: the file is refused whole, naming the line, the
  // field and the allowed values, and the register still holds exactly 420 items.
  std::ofstream(dir_ / "bad.jsonl")
      << R"({"title":"甲","publisher":"p","summary":"s","kind":"other","category":"art20.2","created":"2025-01-02","status":"in_force"})"
      << "\n"
      << R"({"title":"乙","publisher":"p","summary":"s","kind":"law","category":"art20.2","created":"2025-01-02","status":"in_force"})"
      << "\n";
  Outcome refused = Gongkai("publications import " + Path("bad.jsonl") + " " + Db());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("bad.jsonl:2: 字段 kind：“law”无法识别（可选值：regulation | "
                             "normative_document | other）"),
            std::string::npos)
      << refused.err;
  Outcome exported = Gongkai("publications export -o " + Path("out.jsonl") + " " + Db());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::ifstream in(dir_ / "out.jsonl");
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  EXPECT_EQ(lines, 420);

  const nlohmann::json expected = nlohmann::json::parse(ReadAll(kFixtures / "expected.json"));
  for (const char* year : {"2023", "2024"}) {
    Outcome stats = Gongkai(std::string("publications stats --json --year ") + year + " " + Db());
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    const nlohmann::json j = nlohmann::json::parse(stats.out);
    const nlohmann::json& e = expected["years"][year];
    EXPECT_EQ(j["late"], e["late"]) << year;
    EXPECT_EQ(j["created"], e["created"]) << year;
    EXPECT_EQ(j["published"], e["published"]) << year;
    EXPECT_EQ(j["table_two"], e["table_two"]) << year;
  }

  // The export, imported into a fresh register, exports again byte for byte the same.
  const std::string other = (dir_ / "copy.db").string();
  ASSERT_EQ(Gongkai("agencies add --name 示例县人民政府 --kind government --db " + Quote(other))
                .exit_code,
            0);
  Outcome reimported =
      Gongkai("publications import " + Path("out.jsonl") + " --db " + Quote(other));
  ASSERT_EQ(reimported.exit_code, 0) << reimported.err;
  Outcome again = Gongkai("publications export --db " + Quote(other));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, ReadAll(dir_ / "out.jsonl"));

  Outcome csv = Gongkai("publications export --format csv " + Db());
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_TRUE(csv.out.starts_with("\xEF\xBB\xBFindex_no,title,doc_no,publisher,"));
}

TEST_F(PublicationsCommandTest, CsvImportNamesTheCellAndDueExplains) {
  std::ofstream(dir_ / "bad.csv") << "名称,发布机构,内容概述,信息类别,主题分类,生成日期,有效性\n"
                                  << "甲,某局,概述,其他政府信息,art20.2,2024-09-20,有效\n"
                                  << "乙,某局,概述,其他政府信息,art20.2,2024-13-01,有效\n";
  Outcome refused = Gongkai("publications import " + Path("bad.csv") + " " + Db());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("第 3 行 F 列（created）：“2024-13-01”不是日期"), std::string::npos)
      << refused.err;

  std::ofstream(dir_ / "good.csv") << "名称,发布机构,内容概述,信息类别,主题分类,生成日期,有效性\n"
                                   << "甲,某局,概述,其他政府信息,art20.2,2024-09-20,有效\n";
  ASSERT_EQ(Gongkai("publications import " + Path("good.csv") + " " + Db()).exit_code, 0);
  Outcome due = Gongkai("publications due --as-of 2024-10-21 " + Db());
  ASSERT_EQ(due.exit_code, 0) << due.err;
  // Formed Friday 2024-09-20: the 20th working day, across National Day, is 2024-10-23.
  EXPECT_NE(due.out.find("即将到期 1 条"), std::string::npos) << due.out;
  EXPECT_NE(due.out.find("2024-10-23"), std::string::npos) << due.out;
  EXPECT_NE(due.out.find("国庆节"), std::string::npos) << due.out;
}

}  // namespace
}  // namespace gongkai::cli
