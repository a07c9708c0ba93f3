#include "store/outbox.h"

#include <gtest/gtest.h>

#include <memory>

#include "store/agencies.h"
#include "store/applicant_records.h"
#include "store/case_store.h"
#include "store/staff_digests.h"
#include "store/test_database.h"
#include "store/users.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

class OutboxTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    // 2025-01-10 09:00 in Shanghai, moved by the tests.
    *now_ = std::chrono::sys_days(std::chrono::year(2025) / 1 / 10) + 1h;
    db().SetClock([now = now_] { return *now; });
    auto agency = AddAgency(db(), Agency{0, {}, "某县教育局", AgencyKind::kDepartment, "", "{}"});
    ASSERT_TRUE(agency.ok()) << agency.status().message();
    agency_ = *agency;
  }

  // Registers a case received on Monday 2025-01-06 from an applicant with both contacts.
  NewCase Register(const std::string& email = "wang@example.cn",
                   const std::string& phone = "13900000000") {
    Event received;
    received.type = EventType::kReceived;
    received.date = {std::chrono::year(2025), std::chrono::January, std::chrono::day(6)};
    received.applicant_kind = ApplicantKind::kNaturalPerson;
    received.channel = Channel::kInternet;
    received.items = std::vector<std::string>{"2024年学校食堂抽检报告"};
    Applicant applicant{"王小明", "resident_id", "110101199003074512", phone, email, ""};
    auto created = reg_.RegisterCase(agency_, received, applicant, "电子邮件", "clerk");
    EXPECT_TRUE(created.ok()) << created.status().message();
    return created.ok() ? *created : NewCase{};
  }

  std::vector<OutboxMessage> All() {
    auto listed = outbox_.List({});
    EXPECT_TRUE(listed.ok()) << listed.status().message();
    return listed.ok() ? *listed : std::vector<OutboxMessage>{};
  }

  const std::set<MessageChannel> kBoth{MessageChannel::kEmail, MessageChannel::kSms};
  std::shared_ptr<std::chrono::system_clock::time_point> now_ =
      std::make_shared<std::chrono::system_clock::time_point>();
  int64_t agency_ = 0;
  Calendars calendars_;
  CaseRegister reg_{db(), calendars_};
  Outbox outbox_{db()};
};

TEST_P(OutboxTest, RegistrationQueuesTheReceiptWithNumberCodeAndDeadline) {
  NewCase c = Register();
  auto messages = All();
  ASSERT_EQ(messages.size(), 2u);
  for (const OutboxMessage& m : messages) {
    EXPECT_EQ(m.state, OutboxState::kQueued);
    EXPECT_EQ(m.case_number, c.number);
    EXPECT_EQ(m.message.kind, MessageKind::kReceipt);
    EXPECT_NE(m.message.body.find(c.number), std::string::npos) << m.message.body;
    EXPECT_NE(m.message.body.find(c.query_code), std::string::npos) << m.message.body;
    // Received Monday 2025-01-06 (day 0), counted by hand on the 2025 notice: 7–10 January (4),
    // 13–17 (9), 20–24 (14), Sunday 26 worked (15), 27 (16), 28 January – 4 February off, 5–7
    // February (19), Saturday 8 worked (20).
    EXPECT_NE(m.message.body.find("2025年2月8日"), std::string::npos) << m.message.body;
  }
}

TEST_P(OutboxTest, StepsQueueInTheirTransactionAndRefusedStepsQueueNothing) {
  NewCase c = Register("", "13900000000");
  ASSERT_EQ(All().size(), 1u) << "no e-mail address, so the SMS alone";
  Event correction;
  correction.case_number = c.number;
  correction.type = EventType::kCorrectionRequested;
  correction.date = {std::chrono::year(2025), std::chrono::January, std::chrono::day(8)};
  correction.deadline = std::chrono::year(2025) / 1 / 22;
  correction.items = std::vector<std::string>{"所需信息的名称"};
  ASSERT_TRUE(reg_.AppendEvent(agency_, correction, "clerk").ok());
  auto messages = All();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].message.kind, messages[1].message.kind) << "a receipt and a 补正 request";
  // A second 补正 request while one is open is refused: no message for it.
  correction.date = {std::chrono::year(2025), std::chrono::January, std::chrono::day(9)};
  EXPECT_FALSE(reg_.AppendEvent(agency_, correction, "clerk").ok());
  EXPECT_EQ(All().size(), 2u);
  // The same cause and channel again keeps the first message.
  auto again = outbox_.Enqueue(agency_, "case/" + c.number + "/1", c.number,
                               Message{MessageKind::kReceipt, MessageChannel::kSms, "1", "", "x"});
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
}

TEST_P(OutboxTest, TwoServersNeverClaimTheSameMessage) {
  Register();
  // The second app server: its own connection to the same database.
  auto other = Database::Open(url_);
  ASSERT_TRUE(other.ok()) << other.status().message();
  other->SetClock([now = now_] { return *now; });
  Outbox second(*other);
  auto a = outbox_.Claim("server-a", kBoth, 10, 60s);
  auto b = second.Claim("server-b", kBoth, 10, 60s);
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(a->size(), 2u);
  EXPECT_TRUE(b->empty());
  // A claimant that died: its lease runs out and the other server takes the message over; the
  // first one's late report changes nothing.
  *now_ += 61s;
  auto taken = second.Claim("server-b", kBoth, 10, 60s);
  ASSERT_TRUE(taken.ok());
  ASSERT_EQ(taken->size(), 2u);
  EXPECT_FALSE(*outbox_.MarkSent((*a)[0], "server-a"));
  EXPECT_TRUE(*second.MarkSent((*taken)[0], "server-b"));
  auto sent = outbox_.List(OutboxFilter{std::nullopt, "", OutboxState::kSent, 100});
  ASSERT_EQ(sent->size(), 1u);
  EXPECT_TRUE((*sent)[0].message.body.empty()) << "a sent body (with the query code) is erased";
  EXPECT_FALSE((*sent)[0].sent_at.empty());
  // Sent is sent: nobody claims it again.
  *now_ += 1h;
  auto rest = outbox_.Claim("server-a", kBoth, 10, 60s);
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_NE((*rest)[0].id, (*sent)[0].id);
}

TEST_P(OutboxTest, FailuresBackOffThenGiveUpAndRetryRequeues) {
  Register("wang@example.cn", "");
  const std::set<MessageChannel> mail{MessageChannel::kEmail};
  // Only the channels asked for: the SMS transport may be unconfigured.
  EXPECT_TRUE(outbox_.Claim("w", {MessageChannel::kSms}, 10, 60s)->empty());
  for (int attempt = 1; attempt <= kMaxSendAttempts; ++attempt) {
    auto claimed = outbox_.Claim("w", mail, 10, 60s);
    ASSERT_EQ(claimed->size(), 1u) << "attempt " << attempt;
    ASSERT_TRUE(*outbox_.MarkFailed((*claimed)[0], "w", "无法连接邮件服务器"));
    auto listed = All();
    EXPECT_EQ(listed[0].attempts, attempt);
    EXPECT_EQ(listed[0].last_error, "无法连接邮件服务器");
    if (attempt == kMaxSendAttempts) {
      EXPECT_EQ(listed[0].state, OutboxState::kFailed);
      break;
    }
    EXPECT_EQ(listed[0].state, OutboxState::kQueued);
    // Not before the back-off has passed, then due.
    *now_ += RetryDelay(attempt) - 1s;
    EXPECT_TRUE(outbox_.Claim("w", mail, 10, 60s)->empty()) << "attempt " << attempt;
    *now_ += 1s;
  }
  *now_ += 24h;
  EXPECT_TRUE(outbox_.Claim("w", mail, 10, 60s)->empty()) << "failed waits for the office";
  std::string id = All()[0].id;
  EXPECT_EQ(outbox_.Retry(agency_, "nope").code(), Status::Code::kNotFound);
  ASSERT_TRUE(outbox_.Retry(agency_, id).ok());
  auto claimed = outbox_.Claim("w", mail, 10, 60s);
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ((*claimed)[0].attempts, 0);
}

TEST_P(OutboxTest, QueuedMessagesSurviveReopeningTheDatabase) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "the file is SQLite's; PostgreSQL's is the server";
  Register();
  auto claimed = outbox_.Claim("dead-server", kBoth, 1, 60s);
  ASSERT_EQ(claimed->size(), 1u);
  db_.reset();
  auto reopened = Database::Open(url_);
  ASSERT_TRUE(reopened.ok());
  reopened->SetClock([now = now_] { return *now + 61s; });
  Outbox after(*reopened);
  EXPECT_EQ(*after.CountQueued(MessageChannel::kEmail) + *after.CountQueued(MessageChannel::kSms),
            2);
  EXPECT_EQ(after.Claim("new-server", kBoth, 10, 60s)->size(), 2u);
}

TEST_P(OutboxTest, ClerksGetTheDailyDigestOnceADay) {
  // Received Monday 2024-12-02: due 20 working days later, Monday 2024-12-30 (no holiday in
  // December), so overdue on 2025-01-10.
  Event received;
  received.type = EventType::kReceived;
  received.date = {std::chrono::year(2024), std::chrono::December, std::chrono::day(2)};
  received.applicant_kind = ApplicantKind::kNaturalPerson;
  received.channel = Channel::kInPerson;
  auto created =
      reg_.RegisterCase(agency_, received, Applicant{"赵六", "", "", "", "", ""}, "", "clerk");
  ASSERT_TRUE(created.ok()) << created.status().message();
  ASSERT_TRUE(AddUser(db(), agency_, "li", Role::kClerk, "password-li").ok());
  ASSERT_TRUE(AddUser(db(), agency_, "wang", Role::kClerk, "password-wang").ok());
  ASSERT_TRUE(AddUser(db(), agency_, "head", Role::kHead, "password-head").ok());
  ASSERT_TRUE(SetStaffEmail(db(), "li", "li@example.gov.cn").ok());
  ASSERT_TRUE(SetStaffEmail(db(), "head", "head@example.gov.cn").ok());
  EXPECT_EQ(SetStaffEmail(db(), "li", "not an address").code(), Status::Code::kInvalidInput);
  EXPECT_EQ(SetStaffEmail(db(), "nobody", "x@example.cn").code(), Status::Code::kNotFound);
  const Date today{std::chrono::year(2025), std::chrono::January, std::chrono::day(10)};
  auto first = QueueStaffDigests(db(), calendars_, today, 3);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(*first, 1) << "li only: wang has no address, the head is not a clerk";
  EXPECT_EQ(*QueueStaffDigests(db(), calendars_, today, 3), 0) << "not twice a day";
  auto digests = outbox_.List(OutboxFilter{agency_, "", OutboxState::kQueued, 100});
  int found = 0;
  for (const OutboxMessage& m : *digests) {
    if (m.message.kind != MessageKind::kStaffDigest) continue;
    ++found;
    EXPECT_EQ(m.message.to, "li@example.gov.cn");
    EXPECT_NE(m.message.body.find(created->number + "  赵*  答复期限 2024年12月30日，已逾期"),
              std::string::npos)
        << m.message.body;
  }
  EXPECT_EQ(found, 1);
  EXPECT_EQ(*QueueStaffDigests(db(), calendars_, AddDays(today, 1), 3), 1) << "the next day";
}

TEST_P(OutboxTest, ErasingTheApplicantErasesTheirMessagesAndStopsThem) {
  NewCase c = Register();
  auto claimed = outbox_.Claim("w", {MessageChannel::kSms}, 10, 60s);
  ASSERT_EQ(claimed->size(), 1u);
  ASSERT_TRUE(*outbox_.MarkSent((*claimed)[0], "w"));
  ASSERT_TRUE(ApplicantRecords(db()).Erase(agency_, c.number, "申请人要求删除", "head").ok());
  for (const OutboxMessage& m : All()) {
    EXPECT_TRUE(m.message.to.empty());
    EXPECT_TRUE(m.message.body.empty());
    if (m.message.channel == MessageChannel::kEmail) {
      EXPECT_EQ(m.state, OutboxState::kFailed) << "the queued e-mail is stopped";
      EXPECT_EQ(m.last_error, "申请人个人信息已删除，消息不再发送");
    } else {
      EXPECT_EQ(m.state, OutboxState::kSent);
    }
  }
  *now_ += 1h;
  EXPECT_TRUE(outbox_.Claim("w", kBoth, 10, 60s)->empty());
}

TEST_P(OutboxTest, ACorrectedAddressReceivesTheQueuedMessages) {
  NewCase c = Register();
  ApplicantRecords records(db());
  ASSERT_TRUE(records
                  .Correct(agency_, c.number, ApplicantField::kEmail, "wang.new@example.cn",
                           "申请人来电更正邮箱", "clerk")
                  .ok());
  ASSERT_TRUE(
      records.Correct(agency_, c.number, ApplicantField::kPhone, "", "申请人撤回手机号", "clerk")
          .ok());
  for (const OutboxMessage& m : All()) {
    if (m.message.channel == MessageChannel::kEmail) {
      EXPECT_EQ(m.message.to, "wang.new@example.cn");
      EXPECT_EQ(m.state, OutboxState::kQueued);
    } else {
      EXPECT_EQ(m.state, OutboxState::kFailed);
      EXPECT_TRUE(m.message.to.empty());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
