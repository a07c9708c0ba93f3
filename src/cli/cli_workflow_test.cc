// The `gongkai` binary as an office uses it from a shell: import a register, refuse a bad file
// without touching what was saved, list and show with personal data masked, export and
// re-import, build and export the year's report, and compute a deadline. Each step runs the
// real binary (GONGKAI_BINARY) in a child process and checks its exit code and output.

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

void Write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// Three applications of 2024, worked by hand: 001 (a person) granted; 002 (a company) asked to
// supplement, supplemented, answered 本机关不掌握; 003 (a person) received on 20 December and
// still open at the year's end, so carried forward.
const char* const kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet","applicant_id_number":"110101199003074512","applicant_phone":"13812345678","applicant_address":"某市某区某路1号"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
{"case":"2024-002","type":"received","date":"2024-03-05","applicant_kind":"commercial","applicant_name":"某某科技有限公司","channel":"post_signed","arrived":"2024-03-04"}
{"case":"2024-002","type":"correction_requested","date":"2024-03-07","deadline":"2024-03-21"}
{"case":"2024-002","type":"correction_received","date":"2024-03-12"}
{"case":"2024-002","type":"answered","date":"2024-04-01","outcome":"unavailable.not_held"}
{"case":"2024-003","type":"received","date":"2024-12-20","applicant_kind":"natural_person","applicant_name":"李四","channel":"in_person"}
)";

class CliWorkflowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_cli_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db() const { return "--db " + Quote(db_); }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliWorkflowTest, ImportRefuseListExportAndReport) {
  Write(dir_ / "good.jsonl", kRegister);
  Outcome imported = Gongkai("cases import " + Quote((dir_ / "good.jsonl").string()) + " " + Db());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  // A file with a misspelt event type (line 2) and an impossible date (line 4) is refused
  // whole, naming both lines, and the register keeps exactly what it had.
  Write(
      dir_ / "bad.jsonl",
      R"({"case":"2024-010","type":"received","date":"2024-05-06","applicant_kind":"natural_person","channel":"internet"}
{"case":"2024-010","type":"answerd","date":"2024-05-08"}
{"case":"2024-011","type":"received","date":"2024-05-06","applicant_kind":"research","channel":"fax"}
{"case":"2024-011","type":"answered","date":"2024-13-40","outcome":"granted"}
)");
  Outcome refused = Gongkai("cases import " + Quote((dir_ / "bad.jsonl").string()) + " " + Db());
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("第 2 行"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("第 4 行"), std::string::npos) << refused.err;

  Outcome list = Gongkai("cases list " + Db());
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const char* number : {"2024-001", "2024-002", "2024-003"}) {
    EXPECT_NE(list.out.find(number), std::string::npos) << number << "\n" << list.out;
  }
  EXPECT_EQ(list.out.find("2024-010"), std::string::npos) << list.out;
  EXPECT_EQ((list.out + list.err).find("张三丰"), std::string::npos) << "the name is masked:\n"
                                                                     << list.out;

  Outcome show = Gongkai("cases show 2024-001 " + Db());
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const std::string shown = show.out + show.err;
  EXPECT_EQ(shown.find("110101199003074512"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("13812345678"), std::string::npos) << shown;

  // Export, then import the export into a new register: the second export is identical.
  Outcome exported = Gongkai("cases export " + Db());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  Write(dir_ / "export.jsonl", exported.out);
  const std::string db2 = (dir_ / "copy.db").string();
  Outcome reimported =
      Gongkai("cases import " + Quote((dir_ / "export.jsonl").string()) + " --db " + Quote(db2));
  ASSERT_EQ(reimported.exit_code, 0) << reimported.err;
  Outcome exported2 = Gongkai("cases export --db " + Quote(db2));
  EXPECT_EQ(exported2.out, exported.out);

  // The 2024 report from the register: the cells worked out by hand above.
  const fs::path json = dir_ / "2024.json";
  Outcome report =
      Gongkai("report export --year 2024 --format json -o " + Quote(json.string()) + " " + Db());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto r = nlohmann::json::parse(ReadAll(json));
  const auto& t = r.at("section3");
  EXPECT_EQ(t.at("new").at("natural_person"), 2);
  EXPECT_EQ(t.at("new").at("commercial"), 1);
  EXPECT_EQ(t.at("new").at("total"), 3);
  EXPECT_EQ(t.at("granted").at("natural_person"), 1);
  EXPECT_EQ(t.at("unavailable.not_held").at("commercial"), 1);
  EXPECT_EQ(t.at("closed_total").at("total"), 2);
  EXPECT_EQ(t.at("carried_forward").at("natural_person"), 1);
  EXPECT_EQ(t.at("carried_forward").at("total"), 1);
}

// Bug: a step dated next month was accepted. `cases import` refuses a line dated after today
// (the machine's date in Asia/Shanghai; 2099 is after it whenever this runs) with file:line,
// and imports nothing.
TEST_F(CliWorkflowTest, ImportRefusesAFutureDatedLine) {
  Write(
      dir_ / "future.jsonl",
      R"({"case":"2024-020","type":"received","date":"2024-05-06","applicant_kind":"natural_person","channel":"internet"}
{"case":"2024-020","type":"answered","date":"2099-01-05","outcome":"granted"}
)");
  Outcome refused = Gongkai("cases import " + Quote((dir_ / "future.jsonl").string()) + " " + Db());
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("第 2 行（案件 2024-020）：日期 2099-01-05 晚于今天"),
            std::string::npos)
      << refused.err;
  Outcome list = Gongkai("cases list " + Db());
  EXPECT_EQ(list.out.find("2024-020"), std::string::npos) << list.out;
}

TEST_F(CliWorkflowTest, DeadlineIntoAYearWithoutItsNoticeIsComputedAndFlagged) {
  // Worked by hand in calendar_test: 20 working days from Sunday 2026-12-20 end on 2027-01-18
  // on the provisional 2027 calendar.
  Outcome r = Gongkai("deadline --from 2026-12-20 --working-days 20 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("due"), "2027-01-18");
  EXPECT_EQ(j.at("may_change"), true);
  Outcome settled = Gongkai("deadline --from 2024-09-27 --working-days 20 --json");
  ASSERT_EQ(settled.exit_code, 0) << settled.err;
  EXPECT_EQ(nlohmann::json::parse(settled.out).at("may_change"), false);
  // The month view says when its days are reckoned, not published.
  Outcome january = Gongkai("calendar 2027-01");
  ASSERT_EQ(january.exit_code, 0) << january.err;
  EXPECT_NE(january.out.find("注意：2027年的放假安排尚未发布；本月只列出法定节日"),
            std::string::npos)
      << january.out;
  Outcome november = Gongkai("calendar 2026-11");
  ASSERT_EQ(november.exit_code, 0) << november.err;
  EXPECT_EQ(november.out.find("注意："), std::string::npos) << november.out;
  // Past the provisional year the refusal names the year and exits 1.
  Outcome beyond = Gongkai("deadline --from 2027-12-20 --working-days 20");
  EXPECT_EQ(beyond.exit_code, 1) << beyond.err;
  EXPECT_NE(beyond.err.find("2028年的放假安排尚未载入"), std::string::npos) << beyond.err;
}

}  // namespace
}  // namespace gongkai::cli
