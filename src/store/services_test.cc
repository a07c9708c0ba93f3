#include "store/services.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "services/jsonl.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/ledger.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/services/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Date D(const char* s) { return ParseDate(s).value(); }

class ServiceStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2026) / 1 / 15) + 2h; });
    Agency a;
    a.name = "某区政务服务管理局";
    a.kind = AgencyKind::kDepartment;
    agency_ = AddAgency(db(), a).value();
    ASSERT_TRUE(SetServiceDivision(db(), agency_, "511602000000").ok());
    clerk_ = AddUser(db(), agency_, "clerk1", Role::kClerk, "clerk-password").value();
    head_ = AddUser(db(), agency_, "head1", Role::kHead, "head-password").value();
  }

  std::vector<ServiceItem> Catalogue() {
    auto items = ParseServicesJsonl(Fixture("catalogue.jsonl"), "catalogue.jsonl");
    EXPECT_TRUE(items.ok()) << items.status().message();
    return items.ok() ? *items : std::vector<ServiceItem>{};
  }

  void ExpectLedgerHolds() {
    Calendars calendars;
    auto report = VerifyLedger(db(), calendars, {});
    ASSERT_TRUE(report.ok()) << report.status().message();
    for (const AuditProblem& p : report->problems) {
      ADD_FAILURE() << p.table << " " << p.row << ": " << p.what;
    }
  }

  int64_t agency_ = 0;
  User clerk_, head_;
};

TEST_P(ServiceStoreTest, TheFixtureImportsAndCountsAsByHand) {
  std::vector<ServiceItem> items = Catalogue();
  auto imported = ImportServiceItems(db(), agency_, items, D("2026-01-15"), "clerk1");
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  EXPECT_EQ(imported->added, static_cast<int>(items.size()));
  auto expected = nlohmann::json::parse(Fixture("expected.json"));
  auto reference_items = ParseServicesJsonl(Fixture("reference.jsonl"), "reference.jsonl");
  ASSERT_TRUE(reference_items.ok());
  std::vector<CatalogueEntry> reference;
  for (const ServiceItem& r : *reference_items) reference.push_back({r.code, r.name});
  for (const auto& [date_text, want] : expected["dates"].items()) {
    SCOPED_TRACE(date_text);
    Date date = D(date_text.c_str());
    auto stats = ServiceStatsAt(db(), agency_, date);
    ASSERT_TRUE(stats.ok()) << stats.status().message();
    for (const char* level : {"main", "sub", "task"}) {
      EXPECT_EQ(stats->in_use[level], want["in_use"][level].get<int>()) << level;
    }
    EXPECT_EQ(stats->negative_list, want["negative_list"].get<int>());
    EXPECT_EQ(stats->cross_province.total, want["cross_province"]["total"].get<int>());
    EXPECT_EQ(stats->cross_province.individual, want["cross_province"]["individual"].get<int>());
    EXPECT_EQ(stats->cross_province.legal_person,
              want["cross_province"]["legal_person"].get<int>());
    EXPECT_EQ(stats->cross_province.online, want["cross_province"]["online"].get<int>());
    EXPECT_EQ(stats->cross_province.proxy, want["cross_province"]["proxy"].get<int>());
    EXPECT_EQ(stats->cross_province.multi_site, want["cross_province"]["multi_site"].get<int>());
    auto negative = NegativeListAt(db(), agency_, date);
    ASSERT_TRUE(negative.ok());
    EXPECT_EQ(static_cast<int>(negative->size()), want["negative_list"].get<int>());
    for (const ServiceItem& i : *negative) EXPECT_FALSE(i.in_hall) << i.code;
    auto cross = CrossProvinceListAt(db(), agency_, date);
    ASSERT_TRUE(cross.ok());
    EXPECT_EQ(static_cast<int>(cross->size()), want["cross_province"]["total"].get<int>());

    auto findings = CheckServiceCatalogue(db(), agency_, date, reference);
    ASSERT_TRUE(findings.ok()) << findings.status().message();
    std::set<std::pair<std::string, std::string>> found, wanted;
    for (const QualityFinding& f : *findings) found.emplace(f.code, Key(f.rule));
    for (const auto& f : want["findings"]) wanted.emplace(f[0], f[1]);
    EXPECT_EQ(found.size(), findings->size()) << "one finding per item and rule";
    EXPECT_EQ(found, wanted);
  }
  // A re-import changes nothing; an export reads back the same catalogue.
  auto again = ImportServiceItems(db(), agency_, items, D("2026-01-16"), "clerk1");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->unchanged, static_cast<int>(items.size()));
  auto all = AllServiceItems(db(), agency_);
  ASSERT_TRUE(all.ok());
  auto back = ParseServicesJsonl(ServicesToJsonl(*all), "export.jsonl");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), items.size());
  std::map<std::string, std::string> original;
  for (const ServiceItem& i : items) original[i.code] = ServiceItemToJsonLine(i);
  for (const ServiceItem& i : *back) EXPECT_EQ(ServiceItemToJsonLine(i), original[i.code]);
  ExpectLedgerHolds();
}

TEST_P(ServiceStoreTest, AnImportIsAllOrNothing) {
  std::vector<ServiceItem> items = Catalogue();
  items.resize(40);
  ASSERT_TRUE(ImportServiceItems(db(), agency_, items, D("2026-01-15"), "clerk1").ok());
  std::vector<ServiceItem> next = Catalogue();
  next.resize(80);
  next[5].name += "（改）";
  auto refused = ImportServiceItems(db(), agency_, next, D("2026-01-15"), "clerk1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kConflict);
  EXPECT_NE(refused.status().message().find("第 6 条（" + next[5].code), std::string::npos)
      << refused.status().message();
  EXPECT_EQ(AllServiceItems(db(), agency_)->size(), 40u);
  ServiceItem orphan = items[2];
  orphan.code = "ORPHAN01";
  orphan.parent = "NO-SUCH-PARENT";
  auto missing = ImportServiceItems(db(), agency_, {&orphan, 1}, D("2026-01-15"), "clerk1");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("NO-SUCH-PARENT"), std::string::npos);
  EXPECT_EQ(AllServiceItems(db(), agency_)->size(), 40u);
}

TEST_P(ServiceStoreTest, AChangeGoesThroughDraftApprovalAndPublication) {
  std::vector<ServiceItem> items = Catalogue();
  items.resize(60);
  ASSERT_TRUE(ImportServiceItems(db(), agency_, items, D("2026-01-15"), "clerk1").ok());
  const ServiceItem* task = nullptr;
  for (const ServiceItem& i : items) {
    if (i.level == ItemLevel::kTask && i.status == ItemStatus::kInUse && i.materials.size() >= 2 &&
        i.effective < D("2025-06-01")) {
      task = &i;
      break;
    }
  }
  ASSERT_NE(task, nullptr);
  ChangeRequest r;
  r.kind = ChangeKind::kModify;
  r.code = task->code;
  r.reason = "减少申请材料";
  r.basis = "川府发〔2025〕1号";
  r.effective = D("2026-03-01");
  r.item = *task;
  r.item->materials.pop_back();
  const int promised = task->promised_days == 1 ? 2 : 1;
  r.item->promised_days = promised;
  auto id = DraftServiceChange(db(), agency_, r, clerk_);
  ASSERT_TRUE(id.ok()) << id.status().message();
  // A clerk neither approves nor publishes; nothing is published before approval.
  EXPECT_EQ(ApproveServiceChange(db(), agency_, *id, clerk_).code(),
            Status::Code::kPermissionDenied);
  EXPECT_EQ(PublishServiceChange(db(), agency_, *id, head_).status().code(),
            Status::Code::kConflict);
  ASSERT_TRUE(ApproveServiceChange(db(), agency_, *id, head_).ok());
  EXPECT_EQ(ApproveServiceChange(db(), agency_, *id, head_).code(), Status::Code::kConflict);
  auto published = PublishServiceChange(db(), agency_, *id, head_);
  ASSERT_TRUE(published.ok()) << published.status().message();
  EXPECT_EQ(published->state, ChangeState::kPublished);
  EXPECT_EQ(published->version, 2);
  EXPECT_EQ(published->drafted_by, "clerk1");
  EXPECT_EQ(published->approved_by, "head1");
  EXPECT_EQ(published->published_by, "head1");
  EXPECT_EQ(published->published_at, "2026-01-15T02:00:00Z");
  ASSERT_EQ(published->diff.size(), 2u);
  EXPECT_EQ(published->diff[0].field, "promised_days");
  EXPECT_EQ(published->diff[0].after, std::to_string(promised));
  EXPECT_EQ(published->diff[1].field, "materials");

  // The version in force is a function of the date.
  auto before = GetServiceItemAt(db(), agency_, task->code, D("2026-02-28"));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->version, 1);
  EXPECT_EQ(before->materials.size(), task->materials.size());
  auto after = GetServiceItemAt(db(), agency_, task->code, D("2026-03-01"));
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->version, 2);
  EXPECT_EQ(after->materials.size(), task->materials.size() - 1);
  EXPECT_EQ(GetServiceItem(db(), agency_, task->code)->version, 2);
  EXPECT_EQ(ServiceItemVersions(db(), agency_, task->code)->size(), 2u);

  auto log = ServiceChangeLog(db(), agency_, D("2026-01-01"), D("2026-12-31"));
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ(log->front().id, *id);

  // Suspension, then a draft that is rejected and one withdrawn.
  ChangeRequest s;
  s.kind = ChangeKind::kSuspend;
  s.code = task->code;
  s.reason = "系统升级";
  s.basis = "省政务服务管理局通知";
  s.effective = D("2026-04-01");
  auto sid = DraftServiceChange(db(), agency_, s, clerk_);
  ASSERT_TRUE(sid.ok()) << sid.status().message();
  ASSERT_TRUE(ApproveServiceChange(db(), agency_, *sid, head_).ok());
  auto suspended = PublishServiceChange(db(), agency_, *sid, head_);
  ASSERT_TRUE(suspended.ok()) << suspended.status().message();
  ASSERT_EQ(suspended->diff.size(), 1u);
  EXPECT_EQ(suspended->diff[0].field, "status");
  EXPECT_EQ(suspended->diff[0].before, "\"in_use\"");
  EXPECT_EQ(suspended->diff[0].after, "\"suspended\"");
  EXPECT_EQ(GetServiceItemAt(db(), agency_, task->code, D("2026-04-01"))->status,
            ItemStatus::kSuspended);
  s.kind = ChangeKind::kResume;
  s.effective = D("2026-05-01");
  auto rid = DraftServiceChange(db(), agency_, s, clerk_);
  ASSERT_TRUE(rid.ok());
  EXPECT_EQ(RejectServiceChange(db(), agency_, *rid, "依据不足", clerk_).code(),
            Status::Code::kPermissionDenied);
  ASSERT_TRUE(RejectServiceChange(db(), agency_, *rid, "依据不足", head_).ok());
  auto wid = DraftServiceChange(db(), agency_, s, clerk_);
  ASSERT_TRUE(wid.ok());
  ASSERT_TRUE(WithdrawServiceChange(db(), agency_, *wid, "重复提交", clerk_).ok());
  auto drafts = ListServiceChanges(db(), agency_, {ChangeState::kDraft, std::nullopt});
  ASSERT_TRUE(drafts.ok());
  EXPECT_TRUE(drafts->empty());
  EXPECT_EQ(GetServiceChange(db(), agency_, *rid)->state, ChangeState::kRejected);
  EXPECT_EQ(GetServiceChange(db(), agency_, *wid)->close_note, "重复提交");
  ExpectLedgerHolds();
}

TEST_P(ServiceStoreTest, ADraftThatCouldNeverBePublishedIsRefused) {
  std::vector<ServiceItem> items = Catalogue();
  items.resize(10);
  ASSERT_TRUE(ImportServiceItems(db(), agency_, items, D("2026-01-15"), "clerk1").ok());
  ChangeRequest r;
  r.kind = ChangeKind::kResume;
  r.code = items[0].code;
  r.reason = "x";
  r.basis = "y";
  r.effective = D("2026-03-01");
  EXPECT_EQ(DraftServiceChange(db(), agency_, r, clerk_).status().code(), Status::Code::kConflict);
  r.kind = ChangeKind::kAdd;
  r.code = "NEW-001";
  r.item = items.back();
  r.item->code = "NEW-001";
  r.item->parent = "NO-SUCH";
  EXPECT_EQ(DraftServiceChange(db(), agency_, r, clerk_).status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(DraftServiceChange(db(), agency_, r, User{99, agency_, "guest", Role::kSupervisor})
                .status()
                .code(),
            Status::Code::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Databases, ServiceStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
