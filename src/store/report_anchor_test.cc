#include "store/report_anchor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "store/case_store.h"
#include "store/ledger.h"
#include "store/test_database.h"
#include "store/users.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet"}
{"case":"2024-001","type":"answered","date":"2024-03-15","outcome":"granted"}
)";

// A register of one case written with the audit key set, anchored as report 2024 v1 would be.
class ReportAnchorTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h; });
    db().SetAuditKey(key_);
    auto imported = CaseRegister(db(), calendars_).Import(kRegister, {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
    ASSERT_TRUE(AddUser(db(), agency_, "head1", Role::kHead, "head-password").ok());
    checkpoints_ = TempPath("gongkai-anchor-checkpoints") + ".log";
    auto anchor = AnchorPublication(db(), calendars_, *key_, checkpoints_, agency_, 2024, 1);
    ASSERT_TRUE(anchor.ok()) << anchor.status().message();
    anchor_ = *anchor;
  }

  void TearDown() override {
    std::filesystem::remove(checkpoints_);
    DatabaseTest::TearDown();
  }

  std::vector<std::string> InDatabase() {
    auto problems = CheckAnchorInDatabase(db(), anchor_);
    EXPECT_TRUE(problems.ok()) << problems.status().message();
    return problems.ok() ? *problems : std::vector<std::string>{"(error)"};
  }

  static bool Mentions(const std::vector<std::string>& problems, const std::string& what) {
    for (const std::string& p : problems) {
      if (p.find(what) != std::string::npos) return true;
    }
    return false;
  }

  std::shared_ptr<const AuditKey> key_ = std::make_shared<const AuditKey>(AuditKey::Generate());
  Calendars calendars_;
  int64_t agency_ = 0;
  std::string checkpoints_;
  ReportAnchor anchor_;
};

TEST_P(ReportAnchorTest, AnchorNamesTheCheckpointAndTheLedgerAtPublication) {
  EXPECT_EQ(anchor_.agency_id, agency_);
  EXPECT_EQ(anchor_.year, 2024);
  EXPECT_EQ(anchor_.version, 1);
  EXPECT_EQ(anchor_.checkpoint, 1);
  // The agency row, the case, its applicant's record and the act recording it, its two events
  // and the user.
  EXPECT_EQ(anchor_.seq, 7);
  EXPECT_EQ(anchor_.at, "2025-01-10T01:00:00Z");
  EXPECT_EQ(anchor_.ledger.size(), 64u);
  EXPECT_EQ(anchor_.key, KeyFingerprint(key_->PublicKeyHex()));
  EXPECT_EQ(anchor_.signature.size(), 128u);
  EXPECT_TRUE(CheckAnchorSignature(anchor_, key_->PublicKeyHex()).empty());
  EXPECT_TRUE(InDatabase().empty());
  auto file = VerifyCheckpointFile(checkpoints_, key_->PublicKeyHex());
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file->problems.empty());
  ASSERT_EQ(file->checkpoints.size(), 1u);
}

TEST_P(ReportAnchorTest, PrintedLineReadsBackEvenWrapped) {
  std::string line = AnchorLine(anchor_);
  EXPECT_TRUE(line.starts_with("GONGKAI-ANCHOR-1 agency=")) << line;
  // A layout that wrapped the line anywhere, in a text with more around it.
  std::string wrapped = "六、其他需要报告的事项\n审计检查点：…\n";
  for (size_t i = 0; i < line.size(); ++i) {
    wrapped += line[i];
    if (i % 37 == 36) wrapped += "\n  ";
  }
  wrapped += "\n— 3 —\n";
  for (const std::string& text : {line, wrapped}) {
    auto found = FindAnchor(text);
    ASSERT_TRUE(found.ok()) << found.status().message() << "\n" << text;
    EXPECT_EQ(AnchorMessage(*found), AnchorMessage(anchor_));
    EXPECT_EQ(found->signature, anchor_.signature);
  }
  EXPECT_EQ(FindAnchor("没有检查点的报告").status().code(), Status::Code::kNotFound);
  auto cut = FindAnchor(line.substr(0, line.size() - 10));
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("sig"), std::string::npos) << cut.status().message();
}

TEST_P(ReportAnchorTest, AlteredPrintedFieldsOrAnotherKeyFailTheSignature) {
  // Each printed field, altered in the text a reader holds.
  const std::string line = AnchorLine(anchor_);
  struct Edit {
    std::string from, to;
  };
  const Edit edits[] = {
      {"seq=7", "seq=8"},
      {"report=2024v1", "report=2024v2"},
      {"checkpoint=1 ", "checkpoint=2 "},
      {"at=2025-01-10T01", "at=2025-01-11T01"},
      {"ledger=" + anchor_.ledger.substr(0, 4),
       "ledger=" + std::string(anchor_.ledger[0] == '0' ? "1" : "0") + anchor_.ledger.substr(1, 3)},
  };
  for (const Edit& e : edits) {
    SCOPED_TRACE(e.from);
    std::string altered = line;
    auto pos = altered.find(e.from);
    ASSERT_NE(pos, std::string::npos);
    altered.replace(pos, e.from.size(), e.to);
    auto found = FindAnchor(altered);
    ASSERT_TRUE(found.ok()) << found.status().message();
    auto problems = CheckAnchorSignature(*found, key_->PublicKeyHex());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("签名不符"), std::string::npos) << problems[0];
  }
  AuditKey other = AuditKey::Generate();
  auto problems = CheckAnchorSignature(anchor_, other.PublicKeyHex());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("公钥指纹"), std::string::npos) << problems[0];
}

TEST_P(ReportAnchorTest, LaterWritesKeepTheAnchorButRewrittenHistoryFailsIt) {
  // Writes after the publication append to the ledger: the history the anchor pins stands.
  ASSERT_TRUE(AddUser(db(), agency_, "clerk1", Role::kClerk, "clerk-password").ok());
  EXPECT_TRUE(InDatabase().empty());

  // An entry before the anchor rewritten (as whoever re-records an edited row would).
  Exec("BEGIN");
  Exec("UPDATE audit_ledger SET digest = 'x' WHERE seq = 3");
  EXPECT_TRUE(Mentions(InDatabase(), "第 1 至 7 条与报告发布时不同：发布前的历史被改写"));
  Exec("ROLLBACK");

  // The whole ledger rebuilt with the key, as someone holding the database and the key would
  // after editing a row: consistent to `audit verify`, not to the printed digest.
  Exec("BEGIN");
  Exec("UPDATE audit_ledger SET recorded_at = '2025-01-10T02:00:00Z'");
  EXPECT_TRUE(Mentions(InDatabase(), "发布前的历史被改写"));
  Exec("ROLLBACK");

  // The newest entries before the anchor deleted, or the database rolled back to before it.
  Exec("BEGIN");
  Exec("DELETE FROM audit_ledger WHERE seq >= 4");
  EXPECT_TRUE(Mentions(InDatabase(), "第 1 至 7 条现只余 3 条"));
  Exec("ROLLBACK");

  // The checkpoint it names deleted or rewritten.
  Exec("BEGIN");
  Exec("DELETE FROM audit_checkpoints");
  EXPECT_TRUE(Mentions(InDatabase(), "数据库中没有检查点 #1"));
  Exec("ROLLBACK");
  Exec("BEGIN");
  Exec("UPDATE audit_checkpoints SET body = REPLACE(body, '\"entries\":7', '\"entries\":6')");
  EXPECT_TRUE(Mentions(InDatabase(), "与报告所印（2025-01-10T01:00:00Z，7 条）不符"));
  Exec("ROLLBACK");
  EXPECT_TRUE(InDatabase().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportAnchorTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
