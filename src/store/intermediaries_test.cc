#include "store/intermediaries.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "services/intermediary_jsonl.h"
#include "services/jsonl.h"
#include "services/testing.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/ledger.h"
#include "store/services.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

Date D(const char* s) { return ParseDate(s).value(); }

std::vector<DirectoryEntry> Fixture() {
  std::ifstream in(
      std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/services/intermediaries.jsonl",
      std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  auto entries = ParseDirectoryJsonl(s.str(), "intermediaries.jsonl");
  EXPECT_TRUE(entries.ok()) << entries.status().message();
  return entries.ok() ? *entries : std::vector<DirectoryEntry>{};
}

class IntermediaryStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2026) / 1 / 15) + 2h; });
    Agency a;
    a.name = "某区政务服务管理局";
    a.kind = AgencyKind::kDepartment;
    agency_ = AddAgency(db(), a).value();
    clerk_ = AddUser(db(), agency_, "clerk1", Role::kClerk, "clerk-password").value();
    head_ = AddUser(db(), agency_, "head1", Role::kHead, "head-password").value();
    // The approval items the fixture's services serve: one in use, one cancelled.
    ServiceItem env = testing::CleanTask("T-ENV-01");
    env.parent.clear();
    env.level = ItemLevel::kMain;
    env.object.reset();
    ServiceItem bld = env;
    bld.code = "T-BLD-01";
    bld.status = ItemStatus::kCancelled;
    ASSERT_TRUE(
        ImportServiceItems(db(), agency_, std::vector{env, bld}, D("2025-01-01"), "clerk1").ok());
  }

  std::vector<AuditProblem> Verify() {
    Calendars calendars;
    auto report = VerifyLedger(db(), calendars, {});
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? report->problems : std::vector<AuditProblem>{};
  }

  int64_t agency_ = 0;
  User clerk_, head_;
};

TEST_P(IntermediaryStoreTest, ImportIsAllOrNothingAndExportsWhatCameIn) {
  std::vector<DirectoryEntry> entries = Fixture();
  ASSERT_EQ(entries.size(), 5u);
  auto imported = ImportDirectory(db(), agency_, entries, D("2026-01-15"), "clerk1");
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  EXPECT_EQ(imported->added, 5);
  auto again = ImportDirectory(db(), agency_, entries, D("2026-01-15"), "clerk1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 5);

  // One entry differs: nothing of the file is stored, the message names the entry.
  std::vector<DirectoryEntry> changed = entries;
  std::get<IntermediaryService>(changed[0]).time_limit = 20;
  IntermediaryService extra = std::get<IntermediaryService>(entries[0]);
  extra.code = "ZJ-NEW";
  changed.push_back(extra);
  auto refused = ImportDirectory(db(), agency_, changed, D("2026-01-15"), "clerk1");
  EXPECT_EQ(refused.status().code(), Status::Code::kConflict);
  EXPECT_NE(refused.status().message().find("ZJ-001"), std::string::npos);
  auto current = CurrentDirectory(db(), agency_, std::nullopt);
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->size(), 5u);
  EXPECT_EQ(DirectoryToJsonl(*current), DirectoryToJsonl(entries));  // the fixture is in order

  auto services = CurrentDirectory(db(), agency_, DirectoryKind::kInstitution);
  ASSERT_TRUE(services.ok());
  EXPECT_EQ(services->size(), 2u);
  EXPECT_TRUE(Verify().empty());
}

TEST_P(IntermediaryStoreTest, FindingsAndTheGuideLinkAsCountedByHand) {
  ASSERT_TRUE(ImportDirectory(db(), agency_, Fixture(), D("2026-01-15"), "clerk1").ok());
  // On 2026-01-15: ZJ-002 serves a cancelled item; ZJ-003 has no basis, an unknown item, no
  // time limit, no fee standard and no institution; the environment firm's qualification ran out
  // on 2025-12-31. ZJ-002 is commissioned: no fee finding.
  auto findings = CheckIntermediaryLists(db(), agency_, D("2026-01-15"));
  ASSERT_TRUE(findings.ok()) << findings.status().message();
  std::vector<std::string> got;
  for (const auto& f : *findings) got.push_back(f.key + " " + std::string(Key(f.rule)));
  EXPECT_EQ(got, (std::vector<std::string>{"ZJ-002 approval_item_not_in_use", "ZJ-003 no_basis",
                                           "ZJ-003 approval_item_unknown", "ZJ-003 no_time_limit",
                                           "ZJ-003 no_fee_standard", "ZJ-003 no_institution",
                                           "91411302MA44ABCD13 qualification_expired"}));
  // A year earlier the qualification was valid.
  auto earlier = CheckIntermediaryLists(db(), agency_, D("2025-06-01"));
  ASSERT_TRUE(earlier.ok());
  EXPECT_EQ(earlier->size(), 6u);

  auto env = IntermediariesForItem(db(), agency_, "T-ENV-01", D("2026-01-15"));
  ASSERT_TRUE(env.ok());
  ASSERT_EQ(env->size(), 1u);
  EXPECT_EQ(env->front().code, "ZJ-001");
  auto lists = IntermediaryListsAt(db(), agency_, D("2026-01-15"));
  ASSERT_TRUE(lists.ok());
  EXPECT_EQ(lists->services.size(), 3u);
  EXPECT_EQ(lists->institutions.size(), 2u);
  EXPECT_EQ(lists->services.front().department, "某区住房和城乡建设局");  // by department
}

TEST_P(IntermediaryStoreTest, AChangeGoesThroughTheWorkflowAndMakesAVersion) {
  ASSERT_TRUE(ImportDirectory(db(), agency_, Fixture(), D("2025-01-01"), "clerk1").ok());
  auto current = CurrentDirectory(db(), agency_, DirectoryKind::kInstitution);
  ASSERT_TRUE(current.ok());
  Institution firm = std::get<Institution>(current->front());
  firm.qualifications[0].valid_until = D("2030-12-31");
  DirectoryChangeRequest r;
  r.kind = ChangeKind::kModify;
  r.target = DirectoryKind::kInstitution;
  r.key = firm.credit_code;
  r.reason = "资质延续";
  r.basis = "生态环境部换证通知";
  r.effective = D("2026-02-01");
  r.entry = firm;
  EXPECT_EQ(DraftDirectoryChange(db(), agency_, r, User{99, agency_, "guest", Role::kSupervisor})
                .status()
                .code(),
            Status::Code::kPermissionDenied);
  auto id = DraftDirectoryChange(db(), agency_, r, clerk_);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(PublishDirectoryChange(db(), agency_, *id, head_).status().code(),
            Status::Code::kConflict);  // not approved yet
  EXPECT_EQ(ApproveDirectoryChange(db(), agency_, *id, clerk_).code(),
            Status::Code::kPermissionDenied);
  ASSERT_TRUE(ApproveDirectoryChange(db(), agency_, *id, head_).ok());
  auto published = PublishDirectoryChange(db(), agency_, *id, head_);
  ASSERT_TRUE(published.ok()) << published.status().message();
  EXPECT_EQ(published->state, ChangeState::kPublished);
  EXPECT_EQ(published->version, 2);
  ASSERT_EQ(published->diff.size(), 1u);
  EXPECT_EQ(published->diff[0].field, "qualifications");
  EXPECT_NE(published->diff[0].after.find("2030-12-31"), std::string::npos);
  EXPECT_EQ(published->approved_by, "head1");

  // Before 2026-02-01 the old version is in force, from then the new one.
  auto before = DirectoryAt(db(), agency_, D("2026-01-31"), DirectoryKind::kInstitution);
  auto after = DirectoryAt(db(), agency_, D("2026-02-01"), DirectoryKind::kInstitution);
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(FormatDate(*std::get<Institution>(before->front()).qualifications[0].valid_until),
            "2025-12-31");
  EXPECT_EQ(FormatDate(*std::get<Institution>(after->front()).qualifications[0].valid_until),
            "2030-12-31");

  // A cancel drafted and rejected, another withdrawn: neither makes a version.
  DirectoryChangeRequest cancel;
  cancel.kind = ChangeKind::kCancel;
  cancel.target = DirectoryKind::kIntermediary;
  cancel.key = "ZJ-003";
  cancel.reason = "无设定依据";
  cancel.basis = "国发〔2015〕58号";
  cancel.effective = D("2026-03-01");
  auto rid = DraftDirectoryChange(db(), agency_, cancel, clerk_);
  ASSERT_TRUE(rid.ok()) << rid.status().message();
  ASSERT_TRUE(RejectDirectoryChange(db(), agency_, *rid, "另行研究", head_).ok());
  auto wid = DraftDirectoryChange(db(), agency_, cancel, clerk_);
  ASSERT_TRUE(wid.ok());
  ASSERT_TRUE(WithdrawDirectoryChange(db(), agency_, *wid, "重复", clerk_).ok());
  EXPECT_EQ(ApproveDirectoryChange(db(), agency_, *wid, head_).code(), Status::Code::kConflict);
  auto all = ListDirectoryChanges(db(), agency_, std::nullopt);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[1].state, ChangeState::kRejected);
  EXPECT_EQ((*all)[2].close_note, "重复");
  auto drafts = ListDirectoryChanges(db(), agency_, ChangeState::kDraft);
  ASSERT_TRUE(drafts.ok());
  EXPECT_TRUE(drafts->empty());
  EXPECT_TRUE(Verify().empty());
}

// A row edited behind the store's back is named by `audit verify`.
TEST_P(IntermediaryStoreTest, AnEditBehindTheStoresBackIsNamedByVerify) {
  ASSERT_TRUE(ImportDirectory(db(), agency_, Fixture(), D("2025-01-01"), "clerk1").ok());
  ASSERT_TRUE(Verify().empty());
  db().impl().sql << "UPDATE intermediary_versions SET entry = REPLACE(entry, '\"time_limit\":30', "
                     "'\"time_limit\":3') WHERE entry_key = 'ZJ-001'";
  db().impl().sql << "UPDATE intermediary_entries SET name = '改过的名称' WHERE entry_key = "
                     "'91411302MA45XK2P3A'";
  std::vector<std::string> named;
  for (const AuditProblem& p : Verify()) named.push_back(p.table + " " + p.row);
  EXPECT_EQ(named,
            (std::vector<std::string>{"intermediary_versions intermediary ZJ-001 v1",
                                      "intermediary_entries institution 91411302MA45XK2P3A"}));
}

INSTANTIATE_TEST_SUITE_P(Databases, IntermediaryStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
