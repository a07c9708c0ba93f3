#include "web/case_notices.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

using std::chrono::day;
using std::chrono::October;
using std::chrono::year;

Date Oct(int d) { return Date(year(2024), October, day(d)); }

StoredEvent Stored(int seq, EventType type, Date date) {
  StoredEvent s;
  s.seq = seq;
  s.event.type = type;
  s.event.date = date;
  return s;
}

// A case received on 2024-10-08, asked to correct on 10-09 (due 10-23), extended on 10-30 and
// answered with a refusal (third party) on 11-05.
CaseDetail RefusedCase() {
  CaseDetail c;
  c.summary.number = "2024-0007";
  c.summary.received = Oct(8);
  c.summary.items = {"甲项目批复", "乙项目验收"};
  c.summary.due = Date(year(2024), std::chrono::November, day(27));
  c.applicant.name = "王五";
  c.events.push_back(Stored(1, EventType::kReceived, Oct(8)));
  StoredEvent correction = Stored(2, EventType::kCorrectionRequested, Oct(9));
  correction.event.items = std::vector<std::string>{"文号", "年份"};
  correction.event.deadline = Oct(23);
  c.events.push_back(correction);
  c.events.push_back(Stored(3, EventType::kCorrectionReceived, Oct(14)));
  StoredEvent extension = Stored(4, EventType::kExtensionApproved, Oct(30));
  extension.event.working_days = 20;
  c.events.push_back(extension);
  StoredEvent answer =
      Stored(5, EventType::kAnswered, Date(year(2024), std::chrono::November, day(5)));
  answer.event.outcome = Outcome::kRefusedThirdParty;
  answer.event.note = "涉及第三方商业秘密";
  c.events.push_back(answer);
  return c;
}

TEST(CaseNoticesTest, OneNoticePerStepThatCallsForOne) {
  const CaseDetail c = RefusedCase();
  const std::vector<IssuedNotice> notices = IssuedNotices(c);
  // seq → kind; the correction received (seq 3) calls for no notice.
  const std::vector<std::pair<int, NoticeKind>> expected = {{1, NoticeKind::kReceipt},
                                                            {2, NoticeKind::kCorrection},
                                                            {4, NoticeKind::kExtension},
                                                            {5, NoticeKind::kRefused}};
  ASSERT_EQ(notices.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(notices[i].seq, expected[i].first) << i;
    EXPECT_EQ(notices[i].kind, expected[i].second) << "seq " << expected[i].first;
  }
  EXPECT_EQ(notices[1].issued, Oct(9));
  EXPECT_FALSE(FindIssued(c, 3));
  ASSERT_TRUE(FindIssued(c, 4));
  EXPECT_EQ(FindIssued(c, 4)->kind, NoticeKind::kExtension);
}

TEST(CaseNoticesTest, WithdrawalCallsForNoReply) {
  CaseDetail c;
  c.events.push_back(Stored(1, EventType::kReceived, Oct(8)));
  c.events.push_back(Stored(2, EventType::kWithdrawn, Oct(9)));
  ASSERT_EQ(IssuedNotices(c).size(), 1u);
  EXPECT_EQ(IssuedNotices(c)[0].kind, NoticeKind::kReceipt);
}

// A voided answer issued no reply notice; the answer recorded after the void did.
TEST(CaseNoticesTest, AVoidedAnswerIssuesNoNotice) {
  CaseDetail c = RefusedCase();
  StoredEvent v = Stored(6, EventType::kVoided, Date(year(2024), std::chrono::November, day(6)));
  v.event.voids = 5;
  v.event.void_reason = "答复类型录错";
  c.events.push_back(v);
  std::vector<IssuedNotice> notices = IssuedNotices(c);
  ASSERT_EQ(notices.size(), 3u);
  EXPECT_EQ(notices.back().seq, 4);
  StoredEvent answer =
      Stored(7, EventType::kAnswered, Date(year(2024), std::chrono::November, day(6)));
  answer.event.outcome = Outcome::kPartial;
  c.events.push_back(answer);
  notices = IssuedNotices(c);
  ASSERT_EQ(notices.size(), 4u);
  EXPECT_EQ(notices.back().seq, 7);
  EXPECT_FALSE(FindIssued(c, 5));
}

TEST(CaseNoticesTest, FieldsComeFromTheEventsUpToTheNotice) {
  const CaseDetail c = RefusedCase();
  const NoticeFields correction = NoticeFieldsFor(c, "甲区人民政府", *FindIssued(c, 2));
  EXPECT_EQ(correction.agency_name, "甲区人民政府");
  EXPECT_EQ(correction.case_number, "2024-0007");
  EXPECT_EQ(correction.applicant_name, "王五");
  EXPECT_EQ(correction.request, "甲项目批复；乙项目验收");
  EXPECT_EQ(correction.correction_items, "文号\n年份");
  EXPECT_EQ(correction.respond_by, Oct(23));
  EXPECT_EQ(correction.issued, Oct(9));
  EXPECT_FALSE(correction.extended_due);  // the extension came later
  EXPECT_EQ(correction.reasons, "");

  const NoticeFields reply = NoticeFieldsFor(c, "甲区人民政府", *FindIssued(c, 5));
  EXPECT_EQ(reply.reasons, "涉及第三方商业秘密");
  EXPECT_EQ(reply.extended_due, Date(year(2024), std::chrono::November, day(27)));
  EXPECT_EQ(reply.extension_working_days, 20);
}

TEST(CaseNoticesTest, ReplyTextsComeFromTheAnswersOwnFields) {
  CaseDetail c = RefusedCase();
  Event& answer = c.events[4].event;
  answer.note = "内部备注";
  ASSERT_TRUE(SetDecisionTexts(answer, {"《中华人民共和国政府信息公开条例》第十五条",
                                        "  涉及第三方商业秘密，第三方不同意公开  ", ""})
                  .ok());
  Event& extension = c.events[3].event;
  ASSERT_TRUE(SetDecisionTexts(extension, {"", "需调取 2019 年档案", ""}).ok());
  const NoticeFields reply = NoticeFieldsFor(c, "甲区人民政府", *FindIssued(c, 5));
  EXPECT_EQ(reply.legal_basis, "《中华人民共和国政府信息公开条例》第十五条");
  EXPECT_EQ(reply.reasons, "涉及第三方商业秘密，第三方不同意公开");  // trimmed
  EXPECT_EQ(reply.access, "内部备注");  // no access text: the note, as before
  const NoticeFields extended = NoticeFieldsFor(c, "甲区人民政府", *FindIssued(c, 4));
  EXPECT_EQ(extended.reasons, "需调取 2019 年档案");
  EXPECT_EQ(DecisionText(answer, kAccessKey), "");
}

TEST(CaseNoticesTest, RefusalsNeedTheirBasisAndReasons) {
  const std::string basis = "《中华人民共和国政府信息公开条例》第十四条";
  const std::string too_long(kMaxDecisionTextChars + 1, 'x');
  struct Case {
    Outcome outcome;
    AnswerTexts texts;
    std::string error;  // part of the message; "" when accepted
  };
  const std::vector<Case> cases = {
      {Outcome::kRefusedStateSecret, {basis, "属于国家秘密", ""}, ""},
      {Outcome::kRefusedStateSecret, {"", "属于国家秘密", ""}, "请填写“法律依据”"},
      {Outcome::kRefusedStateSecret, {basis, " ", ""}, "请填写“理由”"},
      {Outcome::kPartial, {"", "部分涉及个人隐私", "邮寄"}, ""},
      {Outcome::kPartial, {"", "部分涉及个人隐私", ""}, "请填写“获取信息的方式、途径和时间”"},
      {Outcome::kNotProcessedPetition, {"条例第三十九条第一款", "", ""}, "请填写“理由”"},
      {Outcome::kUnavailableNeedsCreation, {"", "需另行制作", ""}, "请填写“法律依据”"},
      {Outcome::kUnavailableNotHeld, {"", "", ""}, ""},  // 不存在: no reasons required
      {Outcome::kGranted, {"", "", ""}, ""},
      {Outcome::kGranted, {"", too_long, ""}, "“理由”最多 2000 个字"},
  };
  for (const auto& c : cases) {
    Event e;
    e.type = EventType::kAnswered;
    e.outcome = c.outcome;
    Status s = SetDecisionTexts(e, c.texts);
    if (c.error.empty()) {
      EXPECT_TRUE(s.ok()) << Key(c.outcome) << ": " << s.message();
    } else {
      EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << Key(c.outcome) << " " << c.error;
      EXPECT_NE(s.message().find(c.error), std::string::npos)
          << Key(c.outcome) << ": " << s.message();
      EXPECT_TRUE(e.extra.is_null()) << "nothing stored on a refusal";
    }
  }
}

}  // namespace
}  // namespace gongkai::web
