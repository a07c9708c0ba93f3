#include "notify/messages.h"

#include <gtest/gtest.h>

#include "cases/receipt.h"
#include "cases/testing.h"

namespace gongkai {
namespace {

using testing::D;
using testing::Ev;
using testing::NationalCalendar;
using T = EventType;

CaseContacts Contacts() {
  CaseContacts c;
  c.agency_name = "新华区人民政府办公室";
  c.case_number = "2024-000017";
  c.email = "zhang@example.cn";
  c.phone = "13903751234";
  return c;
}

CaseState StateOf(const std::vector<Event>& events) {
  return ComputeCaseState(events, NationalCalendar(), CaseSettings{}, events.back().date);
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Received on Friday 2024-09-27 (day 0): the 20 working days run over the National Day holiday
// (1–7 October off; Sunday 29 September and Saturday 12 October worked) to Wednesday 2024-10-30,
// counted by hand on the State Council's 2024 notice.
TEST(MessagesTest, ReceiptCarriesNumberCodeReceiptDateAndDeadline) {
  CaseContacts c = Contacts();
  c.query_code = "K7P2-9QXM";
  std::vector<Event> events{Ev(T::kReceived, "2024-09-27", "2024-000017")};
  auto messages = MessagesForStep(c, events.back(), StateOf(events), DeadlineSettings{});
  ASSERT_EQ(messages.size(), 2u);
  const Message& mail = messages[0];
  EXPECT_EQ(mail.channel, MessageChannel::kEmail);
  EXPECT_EQ(mail.kind, MessageKind::kReceipt);
  EXPECT_EQ(mail.to, "zhang@example.cn");
  EXPECT_TRUE(Has(mail.subject, "2024-000017")) << mail.subject;
  for (const char* part : {"案件编号：2024-000017", "查询码：K7P2-9QXM",
                           "收到申请之日：2024年9月27日", "答复期限：2024年10月30日", "第三十三条",
                           "20个工作日", "收到申请当日不计入", "即2024年10月30日前"}) {
    EXPECT_TRUE(Has(mail.body, part)) << part << "\n" << mail.body;
  }
  const Message& sms = messages[1];
  EXPECT_EQ(sms.channel, MessageChannel::kSms);
  EXPECT_EQ(sms.to, "13903751234");
  EXPECT_TRUE(sms.subject.empty());
  for (const char* part :
       {"【新华区人民政府办公室】", "2024-000017", "K7P2-9QXM", "2024年10月30日"}) {
    EXPECT_TRUE(Has(sms.body, part)) << part << "\n" << sms.body;
  }
}

TEST(MessagesTest, ReceiptFactsAreThoseThePageAndNoticePrint) {
  ReceiptFacts r = BuildReceipt("2024-000017", "K7P2-9QXM", D("2024-09-27"), D("2024-10-30"),
                                DeadlineSettings{});
  EXPECT_EQ(r.case_number, "2024-000017");
  EXPECT_EQ(r.query_code, "K7P2-9QXM");
  EXPECT_TRUE(Has(r.due_explanation, "自收到申请之日（2024年9月27日）起20个工作日内"));
  EXPECT_TRUE(Has(r.due_explanation, "最长不超过20个工作日"));
  DeadlineSettings day_one;
  day_one.start_day_is_day_zero = false;
  EXPECT_TRUE(
      Has(BuildReceipt("1", std::nullopt, D("2024-09-27"), std::nullopt, day_one).due_explanation,
          "计为第1个工作日"));
}

TEST(MessagesTest, CorrectionListsItemsAndDeadline) {
  std::vector<Event> events{
      Ev(T::kReceived, "2024-09-02", "2024-000017"),
      Ev(T::kCorrectionRequested, "2024-09-05", "2024-000017").Deadline("2024-09-20")};
  events.back().items = std::vector<std::string>{"所需信息的文号", "身份证明复印件"};
  auto messages = MessagesForStep(Contacts(), events.back(), StateOf(events), DeadlineSettings{});
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].kind, MessageKind::kCorrection);
  for (const char* part :
       {"1. 所需信息的文号", "2. 身份证明复印件", "补正期限：2024年9月20日", "第三十条"}) {
    EXPECT_TRUE(Has(messages[0].body, part)) << part << "\n" << messages[0].body;
  }
  EXPECT_TRUE(Has(messages[1].body, "2024年9月20日前补正")) << messages[1].body;
}

// Received Monday 2024-09-02: due 2024-09-30 (Saturday 14 September worked, 15–17 September
// off); ten more working days from there (Saturday 12 October worked, 1–7 October off) end on
// Friday 2024-10-18.
TEST(MessagesTest, ExtensionGivesTheNewDueDate) {
  std::vector<Event> events{Ev(T::kReceived, "2024-09-02", "2024-000017"),
                            Ev(T::kExtensionApproved, "2024-09-20", "2024-000017").Days(10)};
  auto messages = MessagesForStep(Contacts(), events.back(), StateOf(events), DeadlineSettings{});
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_TRUE(Has(messages[0].body, "延长10个工作日")) << messages[0].body;
  EXPECT_TRUE(Has(messages[0].body, "延长后的答复期限为2024年10月18日")) << messages[0].body;
}

TEST(MessagesTest, EachToldStepHasItsKindAndOthersNone) {
  const struct {
    EventType type;
    std::optional<MessageKind> kind;
  } table[] = {
      {T::kReceived, MessageKind::kReceipt},
      {T::kCorrectionRequested, MessageKind::kCorrection},
      {T::kCorrectionReceived, std::nullopt},
      {T::kConsultationSent, MessageKind::kConsultation},
      {T::kConsultationAnswered, std::nullopt},
      {T::kExtensionApproved, MessageKind::kExtension},
      {T::kFeeNoticeSent, MessageKind::kFeeNotice},
      {T::kFeePaid, std::nullopt},
      {T::kAnswered, MessageKind::kAnswer},
      {T::kDelivered, MessageKind::kDelivery},
      {T::kWithdrawn, std::nullopt},
      {T::kVoided, std::nullopt},
  };
  for (const auto& row : table) EXPECT_EQ(MessageKindFor(row.type), row.kind) << Key(row.type);
}

TEST(MessagesTest, ConsultationFeeAnswerDelivery) {
  std::vector<Event> events{
      Ev(T::kReceived, "2024-09-02", "2024-000017"),
      Ev(T::kConsultationSent, "2024-09-03", "2024-000017").Party(ConsultationParty::kThirdParty)};
  auto consult = MessagesForStep(Contacts(), events.back(), StateOf(events), DeadlineSettings{});
  ASSERT_FALSE(consult.empty());
  EXPECT_TRUE(Has(consult[0].body, "不计入答复期限")) << consult[0].body;
  EXPECT_TRUE(Has(consult[0].body, "第三十二条")) << consult[0].body;

  std::vector<Event> fee{Ev(T::kReceived, "2024-09-02", "2024-000017"),
                         Ev(T::kFeeNoticeSent, "2024-09-03", "2024-000017").Fee(1250)};
  auto fee_messages = MessagesForStep(Contacts(), fee.back(), StateOf(fee), DeadlineSettings{});
  ASSERT_FALSE(fee_messages.empty());
  EXPECT_TRUE(Has(fee_messages[0].body, "12.50元")) << fee_messages[0].body;

  std::vector<Event> answered{
      Ev(T::kReceived, "2024-09-02", "2024-000017"),
      Ev(T::kAnswered, "2024-09-10", "2024-000017").Result(Outcome::kGranted)};
  auto answer = MessagesForStep(Contacts(), answered.back(), StateOf(answered), DeadlineSettings{});
  ASSERT_FALSE(answer.empty());
  EXPECT_TRUE(Has(answer[0].body, "2024年9月10日")) << answer[0].body;
  EXPECT_TRUE(Has(answer[0].body, std::string(Label(Outcome::kGranted)))) << answer[0].body;
}

TEST(MessagesTest, OnlyTheChannelsTheApplicantGave) {
  std::vector<Event> events{Ev(T::kReceived, "2024-09-27", "2024-000017")};
  CaseContacts c = Contacts();
  c.phone = "";
  auto mail_only = MessagesForStep(c, events.back(), StateOf(events), DeadlineSettings{});
  ASSERT_EQ(mail_only.size(), 1u);
  EXPECT_EQ(mail_only[0].channel, MessageChannel::kEmail);
  c.email = "";
  EXPECT_TRUE(MessagesForStep(c, events.back(), StateOf(events), DeadlineSettings{}).empty());
}

TEST(MessagesTest, StaffDigestListsOverdueAndDueSoonOrNothing) {
  EXPECT_FALSE(StaffDigest("机关", "李四", "li@example.cn", D("2024-10-08"), 3, {}, {}));
  auto m = StaffDigest("机关", "李四", "li@example.cn", D("2024-10-08"), 3,
                       {{"2024-000001", "张*", D("2024-09-30"), -1}},
                       {{"2024-000002", "王*", D("2024-10-10"), 2}});
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, MessageKind::kStaffDigest);
  EXPECT_EQ(m->to, "li@example.cn");
  EXPECT_TRUE(Has(m->subject, "已逾期 1 件")) << m->subject;
  EXPECT_TRUE(Has(m->body, "2024-000001  张*  答复期限 2024年9月30日，已逾期 1 个工作日"))
      << m->body;
  EXPECT_TRUE(Has(m->body, "2024-000002  王*  答复期限 2024年10月10日，剩 2 个工作日")) << m->body;
}

TEST(MessagesTest, RetryDelayDoublesFromAMinuteToSixHours) {
  const std::pair<int, long> table[] = {{1, 60},    {2, 120},    {3, 240},   {4, 480},
                                        {9, 15360}, {10, 21600}, {30, 21600}};
  for (const auto& [n, seconds] : table) EXPECT_EQ(RetryDelay(n).count(), seconds) << n;
}

TEST(MessagesTest, RecipientsAreMasked) {
  EXPECT_EQ(MaskRecipient(MessageChannel::kSms, "13903751234"), "139****1234");
  EXPECT_EQ(MaskRecipient(MessageChannel::kEmail, "zhang@example.cn").find("zhang"),
            std::string::npos);
}

}  // namespace
}  // namespace gongkai
