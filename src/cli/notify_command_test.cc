// `gongkai notify list|send|retry` run as a person runs them: the list masks recipients and never
// prints a body; send without a transport leaves the messages queued and says so; a send that
// fails records the error and the next try, and exits 1 for cron to notice.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/run_binary_test_util.h"
#include "store/agencies.h"
#include "store/case_store.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

class NotifyCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_cli_notify_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_path_ = (dir_ / "register.db").string();
    auto db = Database::Open(db_path_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    ASSERT_TRUE(db->EnsureSchema().ok());
    auto agency = AddAgency(*db, Agency{0, {}, "某县教育局", AgencyKind::kDepartment, "", "{}"});
    ASSERT_TRUE(agency.ok());
    Calendars calendars;
    CaseRegister cases(*db, calendars);
    Event received;
    received.type = EventType::kReceived;
    received.date = cases.Today();
    received.applicant_kind = ApplicantKind::kNaturalPerson;
    received.channel = Channel::kInPerson;
    Applicant applicant{"王小明", "", "", "13903751234", "wang@example.cn", ""};
    auto created = cases.RegisterCase(*agency, received, applicant, "", "clerk");
    ASSERT_TRUE(created.ok()) << created.status().message();
    code_ = created->query_code;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db() const { return " --db " + Quote(db_path_); }

  fs::path dir_;
  std::string db_path_;
  std::string code_;
};

TEST_F(NotifyCommandTest, ListSendAndAFailedAttempt) {
  Outcome listed = Gongkai("notify list --json" + Db());
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  auto rows = nlohmann::json::parse(listed.out);
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) {
    EXPECT_EQ(row["state"], "queued");
    EXPECT_EQ(row["kind"], "receipt");
  }
  EXPECT_EQ(listed.out.find("wang@"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("13903751234"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find(code_), std::string::npos) << "bodies are never printed";

  Outcome idle = Gongkai("notify send" + Db());
  EXPECT_EQ(idle.exit_code, 0) << idle.err;
  EXPECT_NE(idle.out.find("未配置电子邮件：1 条保持待发送"), std::string::npos) << idle.out;
  EXPECT_NE(idle.out.find("未配置短信：1 条保持待发送"), std::string::npos) << idle.out;

  // Nothing listens on port 1 of loopback: the attempt fails and is recorded.
  const fs::path key = dir_ / "sms.key";
  std::ofstream(key) << "secret-key\n";
  Outcome failed = Gongkai("notify send --sms-url http://127.0.0.1:1/send --sms-key-file " +
                           Quote(key.string()) + Db());
  EXPECT_EQ(failed.exit_code, 1) << failed.out << failed.err;
  EXPECT_NE(failed.out.find("已发送 0 条，失败 1 条"), std::string::npos) << failed.out;
  Outcome after = Gongkai("notify list --state queued" + Db());
  EXPECT_NE(after.out.find("短信发送失败"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("下次重试"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("139****1234"), std::string::npos) << after.out;

  Outcome missing_key = Gongkai("notify send --sms-url http://127.0.0.1:1/send" + Db());
  EXPECT_EQ(missing_key.exit_code, 1);
  EXPECT_NE(missing_key.err.find("--sms-key-file"), std::string::npos) << missing_key.err;
}

}  // namespace
}  // namespace gongkai::cli
