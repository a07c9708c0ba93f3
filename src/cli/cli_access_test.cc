// The command line acts as a named user (issue 10): once the database has users, commands that
// change the register need --user (or GONGKAI_USER), are checked against the one permission
// table and record that user as the actor; a clerk cannot approve; an export is masked unless an
// administrator asks for --reveal; a disabled user or an unknown role is refused.

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "cli/run_binary_test_util.h"
#include "store/database.h"
#include "store/sql.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

const char* const kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet","applicant_id_number":"110101199003074512","applicant_phone":"13812345678","applicant_address":"某市某区某路1号"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
)";

class CliAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_cli_access_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
    std::ofstream(dir_ / "password") << "long enough password\n";
    std::ofstream(dir_ / "register.jsonl", std::ios::binary) << kRegister;
    unsetenv("GONGKAI_USER");
  }
  void TearDown() override {
    unsetenv("GONGKAI_USER");
    fs::remove_all(dir_);
  }

  Outcome Run(const std::string& args) { return Gongkai(args + " --db " + Quote(db_)); }
  std::string Password() const { return " < " + Quote((dir_ / "password").string()); }
  std::string Register() const { return Quote((dir_ / "register.jsonl").string()); }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliAccessTest, CommandsActAsANamedUserCheckedAgainstThePermissionTable) {
  // An empty database: the first agency and the first administrator need no --user.
  ASSERT_EQ(Run("agencies add --name 某县人民政府 --kind government").exit_code, 0);
  Outcome admin =
      Gongkai("users add --agency 1 --name admin --role admin --db " + Quote(db_) + Password());
  ASSERT_EQ(admin.exit_code, 0) << admin.err;

  // From now on, a user is named.
  Outcome anonymous =
      Gongkai("users add --agency 1 --name li --role clerk --db " + Quote(db_) + Password());
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_NE(anonymous.err.find("--user"), std::string::npos) << anonymous.err;
  for (const char* who : {"li --role clerk", "zhou --role head"}) {
    Outcome added = Gongkai(std::string("users add --agency 1 --name ") + who +
                            " --user admin --db " + Quote(db_) + Password());
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  Outcome by_clerk = Gongkai("users add --agency 1 --name x --role admin --user li --db " +
                             Quote(db_) + Password());
  EXPECT_EQ(by_clerk.exit_code, 1);
  EXPECT_NE(by_clerk.err.find("管理用户"), std::string::npos) << by_clerk.err;

  Outcome unnamed_import = Run("cases import " + Register());
  EXPECT_EQ(unnamed_import.exit_code, 1);
  EXPECT_NE(unnamed_import.err.find("GONGKAI_USER"), std::string::npos) << unnamed_import.err;
  setenv("GONGKAI_USER", "li", 1);
  Outcome imported = Run("cases import " + Register());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  unsetenv("GONGKAI_USER");
  Outcome shown = Run("cases show 2024-001");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("[li "), std::string::npos) << "the import's actor:\n" << shown.out;

  // A clerk neither approves nor publishes; the head does.
  ASSERT_EQ(Run("report build --year 2024 --save --user li").exit_code, 0);
  Outcome snapshot = Run("report show --year 2024");
  ASSERT_EQ(snapshot.exit_code, 0) << snapshot.err;
  std::smatch hex;
  ASSERT_TRUE(std::regex_search(snapshot.out, hex, std::regex("[0-9a-f]{64}"))) << snapshot.out;
  const std::string fingerprint = " --fingerprint " + hex.str();
  for (std::string step : {"approve" + fingerprint, std::string("publish --confirm-empty")}) {
    Outcome refused = Run("report " + step + " --year 2024 --user li");
    EXPECT_EQ(refused.exit_code, 1) << step;
    EXPECT_NE(refused.err.find("经办人"), std::string::npos) << refused.err;
  }
  EXPECT_EQ(Run("report approve --year 2024 --user zhou" + fingerprint).exit_code, 0);

  // Exports are masked, and say so, unless an administrator reveals.
  Outcome masked = Run("cases export --user li");
  ASSERT_EQ(masked.exit_code, 0) << masked.err;
  EXPECT_EQ(masked.out.find("110101199003074512"), std::string::npos) << masked.out;
  EXPECT_EQ(masked.out.find("13812345678"), std::string::npos) << masked.out;
  EXPECT_EQ(masked.out.find("某市某区某路1号"), std::string::npos) << masked.out;
  EXPECT_NE(masked.out.find("1101**********4512"), std::string::npos) << masked.out;
  EXPECT_NE(masked.err.find("已脱敏"), std::string::npos) << masked.err;
  Outcome clerk_reveal = Run("cases export --reveal --user li");
  EXPECT_EQ(clerk_reveal.exit_code, 1);
  EXPECT_EQ(clerk_reveal.out.find("110101199003074512"), std::string::npos);
  Outcome revealed = Run("cases export --reveal --user admin");
  ASSERT_EQ(revealed.exit_code, 0) << revealed.err;
  EXPECT_NE(revealed.out.find("110101199003074512"), std::string::npos) << revealed.out;
  EXPECT_NE(revealed.err.find("完整"), std::string::npos) << revealed.err;

  // A disabled user acts no more; an unknown role written with SQL is refused, not a clerk.
  ASSERT_EQ(Run("users disable li --user admin").exit_code, 0);
  Outcome disabled = Run("records set-counts --year 2024 --licensing 1 --user li");
  EXPECT_EQ(disabled.exit_code, 1);
  EXPECT_NE(disabled.err.find("停用"), std::string::npos) << disabled.err;
  ASSERT_EQ(Run("users enable li --user admin").exit_code, 0);
  ASSERT_EQ(Run("records set-counts --year 2024 --licensing 1 --user li").exit_code, 0);
  {
    auto db = Database::Open(db_);
    ASSERT_TRUE(db.ok());
    db->impl().sql << "UPDATE users SET role = 'root' WHERE name = 'li'";
  }
  Outcome bad_role = Run("records set-counts --year 2024 --licensing 2 --user li");
  EXPECT_EQ(bad_role.exit_code, 1);
  EXPECT_NE(bad_role.err.find("root"), std::string::npos) << bad_role.err;
}

}  // namespace
}  // namespace gongkai::cli
