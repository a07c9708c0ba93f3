// `gongkai report publish` with the audit key and a checkpoint file prints a signed audit
// checkpoint in every published file, and `gongkai audit verify-report FILE --public-key HEX
// [--db]` checks it: in the PDF, DOCX, HTML and JSON as published (`report export` of a published
// version writes the stored bytes); a printed field altered or another agency's key fails it
// (exit 1). Each step runs the real binary (GONGKAI_BINARY) in a child process.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "cli/run_binary_test_util.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

std::string Match(const std::string& text, const std::regex& pattern) {
  std::smatch m;
  return std::regex_search(text, m, pattern) ? std::string(m[1]) : "";
}

const std::regex kPublicKey("：([0-9a-f]{64})");
const std::regex kFingerprint("快照指纹 ([0-9a-f]{64})");

TEST(AuditReportCliTest, PublishedReportCarriesACheckpointThatVerifies) {
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("gk_cli_anchor_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = " --db " + Quote((dir / "register.db").string());
  const fs::path key = dir / "audit.key", other_key = dir / "other.key";
  const fs::path checkpoints = dir / "checkpoints.log";
  std::ofstream(dir / "one.jsonl")
      << R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","channel":"internet"}
)";
  Outcome made = Gongkai("audit keygen --out " + Quote(key.string()));
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const std::string public_key = Match(made.out, kPublicKey);
  ASSERT_EQ(public_key.size(), 64u) << made.out;
  Outcome other = Gongkai("audit keygen --out " + Quote(other_key.string()));
  const std::string other_public_key = Match(other.out, kPublicKey);
  ASSERT_EQ(other_public_key.size(), 64u) << other.out;
  setenv("GONGKAI_AUDIT_KEY", key.c_str(), 1);

  ASSERT_EQ(Gongkai("cases import " + Quote((dir / "one.jsonl").string()) + db).exit_code, 0);
  ASSERT_EQ(Gongkai("users add --agency 1 --name head --role head" + db + " </dev/null").exit_code,
            0);
  Outcome built = Gongkai("report build --year 2024 --save --user head" + db);
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string fingerprint = Match(built.err, kFingerprint);
  ASSERT_EQ(
      Gongkai("report approve --year 2024 --user head --fingerprint " + fingerprint + db).exit_code,
      0);
  Outcome published = Gongkai("report publish --year 2024 --user head --confirm-empty " +
                              std::string("--checkpoints ") + Quote(checkpoints.string()) + db);
  ASSERT_EQ(published.exit_code, 0) << published.err;
  EXPECT_EQ(published.out.find("未印审计检查点"), std::string::npos) << published.out;
  EXPECT_TRUE(fs::exists(checkpoints));

  for (const char* format : {"pdf", "docx", "html", "json"}) {
    SCOPED_TRACE(format);
    const fs::path file = dir / (std::string("report.") + format);
    Outcome exported = Gongkai("report export --year 2024 -o " + Quote(file.string()) + db);
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    Outcome verified =
        Gongkai("audit verify-report " + Quote(file.string()) + " --public-key " + public_key + db);
    EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
    EXPECT_NE(verified.out.find("2024 年度第 1 版报告，检查点 #1"), std::string::npos)
        << verified.out;
    EXPECT_NE(verified.out.find("签名：成立"), std::string::npos) << verified.out;
    EXPECT_NE(verified.out.find("台账：发布前的历史未被改写"), std::string::npos) << verified.out;
    // Without the database only the signature is checked, and it says so.
    Outcome alone =
        Gongkai("audit verify-report " + Quote(file.string()) + " --public-key " + public_key);
    EXPECT_EQ(alone.exit_code, 0) << alone.out << alone.err;
    EXPECT_NE(alone.out.find("未给出 --db"), std::string::npos) << alone.out;
    Outcome foreign = Gongkai("audit verify-report " + Quote(file.string()) + " --public-key " +
                              other_public_key);
    EXPECT_EQ(foreign.exit_code, 1) << foreign.out;
    EXPECT_NE(foreign.out.find("公钥指纹"), std::string::npos) << foreign.out;
  }

  // The printed ledger length altered in the JSON a reader holds.
  std::string json = ReadAll(dir / "report.json");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(json, m, std::regex("seq=(\\d+)"))) << json;
  const std::string altered_seq = "seq=" + std::to_string(std::stoi(m[1]) + 1);
  json.replace(m.position(0), m.length(0), altered_seq);
  std::ofstream(dir / "altered.json", std::ios::binary) << json;
  Outcome altered = Gongkai("audit verify-report " + Quote((dir / "altered.json").string()) +
                            " --public-key " + public_key + db);
  EXPECT_EQ(altered.exit_code, 1) << altered.out;
  EXPECT_NE(altered.out.find("签名不符"), std::string::npos) << altered.out;

  // A file with no checkpoint is named as such.
  std::ofstream(dir / "plain.html") << "<html><body><p>报告</p></body></html>";
  Outcome plain = Gongkai("audit verify-report " + Quote((dir / "plain.html").string()) +
                          " --public-key " + public_key);
  EXPECT_EQ(plain.exit_code, 1);
  EXPECT_NE(plain.out.find("文件中没有审计检查点"), std::string::npos) << plain.out;
  unsetenv("GONGKAI_AUDIT_KEY");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::cli
