// `gongkai report show|approve|publish` from a shell: the head approves the snapshot `show`
// printed, named by its fingerprint, through the same store function as the web; a register
// change after the snapshot is refused naming the cell; publishing with 五 and 六 empty needs
// --confirm-empty. Each step runs the real binary (GONGKAI_BINARY) in a child process.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "cli/run_binary_test_util.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

std::string Fingerprint(const std::string& text) {
  std::smatch m;
  static const std::regex kFingerprint("快照指纹 ([0-9a-f]{64})");
  return std::regex_search(text, m, kFingerprint) ? std::string(m[1]) : "";
}

TEST(ReportApprovalCliTest, ApproveTheShownSnapshotAndConfirmEmptySections) {
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("gk_cli_approval_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = " --db " + Quote((dir / "register.db").string());
  Write(
      dir / "one.jsonl",
      R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","channel":"internet"}
)");
  Write(
      dir / "two.jsonl",
      R"({"case":"2024-002","type":"received","date":"2024-05-06","applicant_kind":"natural_person","channel":"internet"}
)");
  ASSERT_EQ(Gongkai("cases import " + Quote((dir / "one.jsonl").string()) + db).exit_code, 0);
  Outcome user = Gongkai("users add --agency 1 --name head --role head" + db + " </dev/null");
  ASSERT_EQ(user.exit_code, 0) << user.err;

  Outcome built = Gongkai("report build --year 2024 --save --user head" + db);
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string first = Fingerprint(built.err);
  ASSERT_EQ(first.size(), 64u) << built.err;
  Outcome shown = Gongkai("report show --year 2024" + db);
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(Fingerprint(shown.out), first) << shown.out;

  // A second application after the snapshot: refused, naming the cell (1 → 2).
  ASSERT_EQ(Gongkai("cases import " + Quote((dir / "two.jsonl").string()) + " --user head" + db)
                .exit_code,
            0);
  Outcome refused = Gongkai("report approve --year 2024 --user head --fingerprint " + first + db);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("表三「一、本年新收政府信息公开申请数量」「自然人」：快照 1，现为 2"),
            std::string::npos)
      << refused.err;

  ASSERT_EQ(Gongkai("report build --year 2024 --save --user head" + db).exit_code, 0);
  const std::string second = Fingerprint(Gongkai("report show --year 2024" + db).out);
  ASSERT_NE(second, first);
  Outcome approved = Gongkai("report approve --year 2024 --user head --fingerprint " + second + db);
  ASSERT_EQ(approved.exit_code, 0) << approved.err;

  Outcome unconfirmed = Gongkai("report publish --year 2024 --user head" + db);
  EXPECT_EQ(unconfirmed.exit_code, 1);
  EXPECT_NE(unconfirmed.err.find("五、存在的主要问题及改进情况"), std::string::npos)
      << unconfirmed.err;
  EXPECT_NE(unconfirmed.err.find("六、其他需要报告的事项"), std::string::npos) << unconfirmed.err;
  Outcome published = Gongkai("report publish --year 2024 --user head --confirm-empty" + db);
  EXPECT_EQ(published.exit_code, 0) << published.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::cli
