// `gongkai cases correct-applicant` and `erase-applicant` (issue 10, personal data): a clerk
// corrects (Art. 41), only the head erases; both leave the events and their hashes as they were,
// `audit verify` stays clean, exports carry the corrected data masked (unless an administrator
// reveals it) and nothing of the erased data.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/run_binary_test_util.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

const char* const kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet","applicant_id_number":"110101199003074512","applicant_phone":"13812345678","applicant_address":"某市某区某路1号"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
)";

class CliApplicantTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_cli_applicant_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
    std::ofstream(dir_ / "password") << "long enough password\n";
    std::ofstream(dir_ / "register.jsonl", std::ios::binary) << kRegister;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome Run(const std::string& args) { return Gongkai(args + " --db " + Quote(db_)); }
  std::string Password() const { return " < " + Quote((dir_ / "password").string()); }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliApplicantTest, ClerkCorrectsHeadErasesAndTheRegisterVerifies) {
  ASSERT_EQ(Run("agencies add --name 某县人民政府 --kind government").exit_code, 0);
  ASSERT_EQ(
      Gongkai("users add --agency 1 --name admin --role admin --db " + Quote(db_) + Password())
          .exit_code,
      0);
  for (const char* who : {"li --role clerk", "zhou --role head"}) {
    ASSERT_EQ(Gongkai(std::string("users add --agency 1 --name ") + who + " --user admin --db " +
                      Quote(db_) + Password())
                  .exit_code,
              0);
  }
  ASSERT_EQ(
      Run("cases import " + Quote((dir_ / "register.jsonl").string()) + " --user li").exit_code, 0);

  Outcome unnamed =
      Run("cases correct-applicant 2024-001 --field phone --value 13900001111 "
          "--reason 来电更正");
  EXPECT_EQ(unnamed.exit_code, 1);
  EXPECT_NE(unnamed.err.find("--user"), std::string::npos) << unnamed.err;
  Outcome bad_field =
      Run("cases correct-applicant 2024-001 --field salary --value 1 --reason x "
          "--user li");
  EXPECT_EQ(bad_field.exit_code, 1);
  EXPECT_NE(bad_field.err.find("--field"), std::string::npos) << bad_field.err;
  Outcome corrected =
      Run("cases correct-applicant 2024-001 --field phone --value 13900001111 "
          "--reason 来电更正 --user li");
  ASSERT_EQ(corrected.exit_code, 0) << corrected.err;

  Outcome masked = Run("cases export --user li");
  ASSERT_EQ(masked.exit_code, 0) << masked.err;
  EXPECT_EQ(masked.out.find("13900001111"), std::string::npos) << masked.out;
  EXPECT_EQ(masked.out.find("applicant_ref"), std::string::npos) << masked.out;
  EXPECT_NE(masked.out.find("\"applicant_phone\":\"139****1111\""), std::string::npos)
      << masked.out;
  Outcome revealed = Run("cases export --reveal --user admin");
  ASSERT_EQ(revealed.exit_code, 0) << revealed.err;
  EXPECT_NE(revealed.out.find("\"applicant_phone\":\"13900001111\""), std::string::npos)
      << revealed.out;
  EXPECT_NE(revealed.out.find("\"applicant_name\":\"张三丰\""), std::string::npos);
  Outcome verified = Run("audit verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;

  // Erasure is the head's decision.
  for (const char* who : {"li", "admin"}) {
    Outcome refused =
        Run(std::string("cases erase-applicant 2024-001 --reason 依法删除 --user ") + who);
    EXPECT_EQ(refused.exit_code, 1) << who;
    EXPECT_NE(refused.err.find("负责人"), std::string::npos) << refused.err;
  }
  Outcome erased = Run("cases erase-applicant 2024-001 --reason 依法删除 --user zhou");
  ASSERT_EQ(erased.exit_code, 0) << erased.err;
  Outcome after = Run("cases export --reveal --user admin");
  ASSERT_EQ(after.exit_code, 0) << after.err;
  for (const char* personal :
       {"张三丰", "110101199003074512", "13900001111", "13812345678", "某市某区某路1号"}) {
    EXPECT_EQ(after.out.find(personal), std::string::npos) << personal << "\n" << after.out;
  }
  EXPECT_NE(after.out.find("\"outcome\":\"granted\""), std::string::npos) << after.out;
  Outcome shown = Run("cases show 2024-001");
  ASSERT_EQ(shown.exit_code, 0);
  EXPECT_NE(shown.out.find("（已删除）"), std::string::npos) << shown.out;
  Outcome still = Run("audit verify");
  EXPECT_EQ(still.exit_code, 0) << still.out << still.err;
}

}  // namespace
}  // namespace gongkai::cli
