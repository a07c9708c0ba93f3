// A published change of the service catalogue is an entry of the proactive-disclosure register
// with Art. 26's clock (services/change_notice.h): counted by the register's year stats (and
// its late count), linked from the change, and the public change log and the register agree.

#include <gtest/gtest.h>

#include "calendar/calendar.h"
#include "services/testing.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/ledger.h"
#include "store/publications.h"
#include "store/services.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

Date D(const char* s) { return ParseDate(s).value(); }

class ServiceChangeNoticeTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    Agency a;
    a.name = "某区政务服务管理局";
    a.kind = AgencyKind::kDepartment;
    agency_ = AddAgency(db(), a).value();
    clerk_ = AddUser(db(), agency_, "clerk1", Role::kClerk, "clerk-password").value();
    head_ = AddUser(db(), agency_, "head1", Role::kHead, "head-password").value();
    At("2026-01-05");
    ServiceItem sub;
    sub.code = "000164213003";
    sub.name = "食品经营许可";
    sub.level = ItemLevel::kMain;
    sub.department = "区市场监督管理局";
    std::vector<ServiceItem> items = {sub, testing::CleanTask("00016421300301")};
    auto imported = ImportServiceItems(db(), agency_, items, D("2026-01-05"), "clerk1");
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }

  // Sets the database's clock to 10:00 Beijing time on `day`.
  void At(const char* day) {
    auto t = std::chrono::sys_days(D(day)) + 2h;
    db().SetClock([t] { return t; });
  }

  // Drafts a suspension effective on `effective`, approves it on `approved` and publishes it on
  // `published`.
  StoredServiceChange Suspend(const char* effective, const char* approved, const char* published) {
    ChangeRequest r;
    r.kind = ChangeKind::kSuspend;
    r.code = "00016421300301";
    r.reason = "场地改造";
    r.basis = "区政府通知";
    r.effective = D(effective);
    At(approved);
    auto id = DraftServiceChange(db(), agency_, r, clerk_);
    EXPECT_TRUE(id.ok()) << id.status().message();
    EXPECT_TRUE(ApproveServiceChange(db(), agency_, *id, head_).ok());
    At(published);
    auto c = PublishServiceChange(db(), agency_, *id, head_);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? *c : StoredServiceChange{};
  }

  int64_t agency_ = 0;
  User clerk_, head_;
};

TEST_P(ServiceChangeNoticeTest, APublishedChangeIsARegisterEntryOnTheArticle26Clock) {
  // Approved 2026-01-06 (Tue), effective 2026-03-01: the clock runs from the approval; the 20th
  // working day after 2026-01-06 is 2026-02-03 (no holiday in between), so publication on
  // 2026-02-04 is late.
  StoredServiceChange c = Suspend("2026-03-01", "2026-01-06", "2026-02-04");
  ASSERT_NE(c.publication_id, 0);
  EXPECT_FALSE(c.index_no.empty());
  auto entry = GetPublication(db(), agency_, c.publication_id);
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  EXPECT_EQ(entry->item.created, D("2026-01-06"));
  EXPECT_EQ(entry->item.published, D("2026-02-04"));
  EXPECT_EQ(entry->item.index_no, c.index_no);
  EXPECT_EQ(entry->item.category, "art20.5");
  EXPECT_EQ(entry->item.title, "食品经营许可（新设）（00016421300301）调整情况公示（暂停）");

  Calendars calendars;
  auto clock = ServiceChangeClock(db(), calendars, agency_, c, D("2026-03-01"));
  ASSERT_TRUE(clock.ok()) << clock.status().message();
  ASSERT_TRUE(*clock);
  EXPECT_EQ((*clock)->due, D("2026-02-03"));
  EXPECT_TRUE((*clock)->late);
  auto stats = PublicationStats(db(), calendars, agency_, 2026);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->created, 1);
  EXPECT_EQ(stats->published, 1);
  EXPECT_EQ(stats->late, 1);

  // The public change log names the same entry.
  auto log = ServiceChangeLog(db(), agency_, D("2026-01-01"), D("2026-12-31"));
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ(log->front().publication_id, c.publication_id);
  EXPECT_EQ(log->front().index_no, c.index_no);

  auto ledger = VerifyLedger(db(), calendars, {});
  ASSERT_TRUE(ledger.ok()) << ledger.status().message();
  for (const AuditProblem& p : ledger->problems) ADD_FAILURE() << p.table << " " << p.row;
}

TEST_P(ServiceChangeNoticeTest, ARetroactiveChangeRunsFromItsEffectiveDate) {
  // Effective 2026-01-05 (Mon), approved 2026-01-20: the clock runs from 2026-01-05; published
  // 2026-01-21, within 20 working days, so in time.
  StoredServiceChange c = Suspend("2026-01-05", "2026-01-20", "2026-01-21");
  Calendars calendars;
  auto clock = ServiceChangeClock(db(), calendars, agency_, c, D("2026-03-01"));
  ASSERT_TRUE(clock.ok()) << clock.status().message();
  ASSERT_TRUE(*clock);
  EXPECT_EQ((*clock)->start, D("2026-01-05"));
  EXPECT_FALSE((*clock)->late);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceChangeNoticeTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
