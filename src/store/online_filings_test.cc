// Bug: reloading the confirmation page of an online application filed it again under a new
// number (and inflated table 三). Filing is keyed by the form's one-time token; these tests send
// the same token twice, from two connections at once, and check the receipt's code is kept
// only sealed and only for kReceiptLifetime.

#include "store/online_filings.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/agencies.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

class OnlineFilingsTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    UseClock(db());
    Agency a;
    a.name = "甲区人民政府";
    a.kind = AgencyKind::kGovernment;
    auto id = AddAgency(db(), a);
    ASSERT_TRUE(id.ok()) << id.status().message();
    agency_ = *id;
  }

  // 2024-10-14 10:00 in Beijing, plus `later_` (shared by every connection of the test).
  void UseClock(Database& d) {
    d.SetClock([this] {
      return std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h + later_.load();
    });
  }

  Event Received() const {
    Event e;
    e.type = EventType::kReceived;
    e.date = Date(std::chrono::year(2024), std::chrono::October, std::chrono::day(14));
    e.channel = Channel::kInternet;
    e.applicant_kind = ApplicantKind::kNaturalPerson;
    e.applicant_name = "张三";
    e.items = std::vector<std::string>{"2024年老旧小区改造项目的批复文件"};
    return e;
  }

  int64_t Cases(Database& d) {
    auto counts = CaseRegister(d, calendars_).Count(agency_, CaseFilter{});
    EXPECT_TRUE(counts.ok()) << counts.status().message();
    return counts.ok() ? counts->total : -1;
  }

  Applicant applicant_{"张三", "resident_id", "11010519491231002X", "13812345678", "", ""};
  Calendars calendars_;
  int64_t agency_ = 0;
  std::atomic<std::chrono::seconds> later_{0s};
};

TEST_P(OnlineFilingsTest, SameTokenTwiceFilesOneCaseAndGivesTheSameReceipt) {
  OnlineFilings filings(db(), calendars_);
  std::string token = NewFilingToken();
  ASSERT_TRUE(IsFilingToken(token));
  auto first = filings.File(token, agency_, Received(), applicant_, "纸质文本；邮寄", "网上申请");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_FALSE(first->repeated);
  ASSERT_TRUE(first->query_code.has_value());
  auto again = filings.File(token, agency_, Received(), applicant_, "纸质文本；邮寄", "网上申请");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(again->number, first->number);
  EXPECT_EQ(again->query_code, first->query_code);
  EXPECT_EQ(Cases(db()), 1);

  // Another form is another application.
  auto other =
      filings.File(NewFilingToken(), agency_, Received(), applicant_, "纸质文本；邮寄", "网上申请");
  ASSERT_TRUE(other.ok()) << other.status().message();
  EXPECT_NE(other->number, first->number);
  EXPECT_EQ(Cases(db()), 2);

  // The database holds neither the token nor the code in clear.
  std::string sealed, hash;
  db().impl().sql << "SELECT token_hash, sealed_code FROM filing_tokens WHERE case_number = :n",
      soci::use(first->number), soci::into(hash), soci::into(sealed);
  EXPECT_NE(hash, token);
  EXPECT_EQ(sealed.find(*first->query_code), std::string::npos);
}

TEST_P(OnlineFilingsTest, ReceiptShowsTheCodeOnlyWhileItLives) {
  OnlineFilings filings(db(), calendars_);
  std::string token = NewFilingToken();
  auto filed = filings.File(token, agency_, Received(), applicant_, "", "网上申请");
  ASSERT_TRUE(filed.ok()) << filed.status().message();
  auto receipt = filings.Receipt(token);
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ(receipt->query_code, filed->query_code);
  EXPECT_EQ(filings.Receipt(NewFilingToken()).status().code(), Status::Code::kNotFound);

  later_ = 31min;
  receipt = filings.Receipt(token);
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ(receipt->number, filed->number);
  EXPECT_FALSE(receipt->query_code.has_value());
  // A resend after that still files nothing.
  auto resent = filings.File(token, agency_, Received(), applicant_, "", "网上申请");
  ASSERT_TRUE(resent.ok());
  EXPECT_TRUE(resent->repeated);
  EXPECT_EQ(Cases(db()), 1);
}

TEST_P(OnlineFilingsTest, ConcurrentPostsOfOneFormOnTwoConnectionsFileOneCase) {
  auto second = Database::Open(url_);
  ASSERT_TRUE(second.ok()) << second.status().message();
  UseClock(*second);
  Calendars second_calendars;
  for (int round = 0; round < 4; ++round) {
    std::string token = NewFilingToken();
    Result<FilingReceipt> a = Status::Internal("not run"), b = Status::Internal("not run");
    std::atomic<int> ready{0};
    auto go = [&](Database& d, Calendars& c, Result<FilingReceipt>& out) {
      ++ready;
      while (ready.load() < 2) std::this_thread::yield();
      out = OnlineFilings(d, c).File(token, agency_, Received(), applicant_, "", "网上申请");
    };
    std::thread t1([&] { go(db(), calendars_, a); });
    std::thread t2([&] { go(*second, second_calendars, b); });
    t1.join();
    t2.join();
    ASSERT_TRUE(a.ok()) << a.status().message();
    ASSERT_TRUE(b.ok()) << b.status().message();
    EXPECT_EQ(a->number, b->number);
    EXPECT_NE(a->repeated, b->repeated);
    EXPECT_EQ(Cases(db()), round + 1);
  }
}

TEST_P(OnlineFilingsTest, AFormWithoutAValidTokenFilesNothing) {
  OnlineFilings filings(db(), calendars_);
  for (std::string bad : {std::string(), std::string("abc"), std::string(64, 'G')}) {
    auto r = filings.File(bad, agency_, Received(), applicant_, "", "网上申请");
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput) << bad;
  }
  EXPECT_EQ(Cases(db()), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, OnlineFilingsTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
