// The office's message page (web/message_pages.h): a case's messages with their state and masked
// recipients, never their text; the notice that a channel is not configured; another agency's
// clerk refused; a failed message put back in the queue.

#include "web/message_pages.h"

#include <gtest/gtest.h>

#include "store/case_store.h"
#include "store/outbox.h"
#include "web/public_site_test_util.h"

namespace gongkai::web {
namespace {

class MessagePagesTest : public PublicSiteTest {
 protected:
  // Registers a case received today (2024-10-14) with an e-mail address and a phone.
  NewCase Register() {
    Event received;
    received.type = EventType::kReceived;
    received.date = {std::chrono::year(2024), std::chrono::October, std::chrono::day(14)};
    received.applicant_kind = ApplicantKind::kNaturalPerson;
    received.channel = Channel::kInPerson;
    received.items = std::vector<std::string>{"2023年道路养护合同"};
    Applicant applicant{"赵六",        "resident_id",        "110101199003074512",
                        "13903751234", "zhaoliu@example.cn", ""};
    auto created =
        CaseRegister(*db_, *calendars_).RegisterCase(agency_a_, received, applicant, "", "clerk_a");
    EXPECT_TRUE(created.ok()) << created.status().message();
    return created.ok() ? *created : NewCase{};
  }
};

TEST_F(MessagePagesTest, ShowsACasesMessagesMaskedAndWithoutTheirText) {
  NewCase c = Register();
  Staff clerk = SignIn("clerk_a", "password-a1");
  std::string url = "/office/a/" + std::to_string(agency_a_) + "/messages?case=" + c.number;
  auto page = GetAs(clerk, url);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  for (const char* part : {"申请已收到", "电子邮件", "短信", "139****1234", "待发送",
                           "本服务器未配置「电子邮件」「短信」发送"}) {
    EXPECT_NE(page->body.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(page->body.find("zhaoliu@"), std::string::npos) << "the address is masked";
  EXPECT_EQ(page->body.find(c.query_code), std::string::npos) << "bodies are not shown";
  // The case page links to them.
  auto case_page = GetAs(clerk, "/office/a/" + std::to_string(agency_a_) + "/cases/" + c.number);
  ASSERT_TRUE(case_page);
  EXPECT_NE(case_page->body.find("通知申请人的消息</a>（待发送 2 条）"), std::string::npos);
  // Another agency's clerk sees nothing of them.
  auto other = GetAs(SignIn("clerk_b", "password-b1"), url);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
}

TEST_F(MessagePagesTest, AFailedMessageIsShownWithItsErrorAndCanBeRetried) {
  NewCase c = Register();
  Outbox outbox(*db_);
  auto claimed = outbox.Claim("test", {MessageChannel::kEmail}, 10, std::chrono::seconds(60));
  ASSERT_TRUE(claimed.ok());
  const OutboxMessage* mine = nullptr;
  for (const auto& m : *claimed) {
    if (m.case_number == c.number) mine = &m;
  }
  ASSERT_NE(mine, nullptr);
  ASSERT_TRUE(*outbox.MarkFailed(*mine, "test", "收件地址格式不正确", true));
  Staff clerk = SignIn("clerk_a", "password-a1");
  std::string base = "/office/a/" + std::to_string(agency_a_) + "/messages";
  auto page = GetAs(clerk, base + "?case=" + c.number);
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("发送失败"), std::string::npos);
  EXPECT_NE(page->body.find("最近一次失败：收件地址格式不正确"), std::string::npos);
  auto retried = PostAs(clerk, base + "/" + mine->id + "/retry", {{"case", c.number}});
  ASSERT_TRUE(retried);
  EXPECT_EQ(retried->status, 303);
  auto queued = outbox.List(OutboxFilter{agency_a_, c.number, OutboxState::kQueued, 10});
  EXPECT_EQ(queued->size(), 2u);
}

}  // namespace
}  // namespace gongkai::web
