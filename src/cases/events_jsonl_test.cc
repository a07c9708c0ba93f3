#include "cases/events_jsonl.h"

#include <gtest/gtest.h>

#include "cases/case_state.h"
#include "cases/sample.h"
#include "cases/testing.h"

namespace gongkai {
namespace {

using testing::D;
using testing::NationalCalendar;

// Lines in the writer's field order, each with what it must parse to; they must come back byte
// for byte.
TEST(EventsJsonlTest, CanonicalLinesRoundTripByteForByte) {
  const char* lines[] = {
      R"({"case":"2024-001","type":"received","date":"2024-09-02","agency":"某某市某某局","applicant_kind":"natural_person","applicant_name":"张某某","channel":"post_ordinary","arrived":"2024-08-30","items":["2023年道路维修合同"],"legacy_id":"A-17","scan":{"pages":3}})",
      R"({"case":"2024-001","type":"correction_requested","date":"2024-09-05","note":"请明确年份","deadline":"2024-09-20","items":["年份","路段"]})",
      R"({"case":"2024-001","type":"consultation_sent","date":"2024-09-20","party":"co_author","to":"某某区交通局"})",
      R"({"case":"2024-001","type":"consultation_answered","date":"2024-10-14","agrees":false})",
      R"({"case":"2024-001","type":"extension_approved","date":"2024-10-15","actor":"王五","working_days":20,"approved_by":"办公室主任"})",
      R"({"case":"2024-001","type":"fee_notice_sent","date":"2024-10-16","method":"per_page","amount_fen":470000})",
      R"({"case":"2024-001","type":"answered","date":"2024-11-01","outcome":"refused.process_info"})",
      R"({"case":"2024-001","type":"deemed_withdrawn","date":"2024-11-01","reason":"fee_unpaid"})",
      R"({"case":"2024-001","type":"delivered","date":"2024-11-04","method":"邮寄"})",
      R"({"case":"2024-001","type":"reconsideration_filed","date":"2024-12-02","body":"某某市人民政府"})",
      R"({"case":"2024-001","type":"reconsideration_decided","date":"2025-01-20","result":"corrected"})",
      R"({"case":"2024-001","type":"litigation_filed","date":"2025-02-03","after_reconsideration":true})",
      R"({"case":"2024-001","type":"reasons_received","date":"2024-09-10","accepted":true})",
  };
  for (int i = 0; i < static_cast<int>(std::size(lines)); ++i) {
    auto e = ParseEventLine(lines[i], i + 1);
    ASSERT_TRUE(e.ok()) << lines[i] << ": " << e.status().message();
    EXPECT_EQ(EventToJsonLine(*e), lines[i]);
  }
  auto first = ParseEventLine(lines[0], 1);
  EXPECT_EQ(first->applicant_kind, ApplicantKind::kNaturalPerson);
  EXPECT_EQ(first->channel, Channel::kPostOrdinary);
  EXPECT_EQ(first->arrived, D("2024-08-30"));
  EXPECT_EQ(first->agency, "某某市某某局");
  EXPECT_EQ(first->extra["legacy_id"], "A-17");
  EXPECT_EQ(first->extra["scan"]["pages"], 3);
}

TEST(EventsJsonlTest, OtherOrdersAreNormalizedAndUnknownFieldsKept) {
  // Unknown fields keep their relative order; a known field of another type stays unknown;
  // `items` as one string becomes a list; an integer case number becomes a string.
  auto e = ParseEventLine(
      R"({"z":1,"date":"2024-09-02","outcome":"granted","type":"withdrawn","case":17,"a":[1]})", 3);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->case_number, "17");
  EXPECT_FALSE(e->outcome.has_value());
  EXPECT_EQ(
      EventToJsonLine(*e),
      R"({"case":"17","type":"withdrawn","date":"2024-09-02","z":1,"outcome":"granted","a":[1]})");
  auto items = ParseEventLine(
      R"({"case":"1","type":"correction_requested","date":"2024-09-02","items":"身份证明"})", 1);
  ASSERT_TRUE(items.ok());
  EXPECT_EQ(items->items, std::vector<std::string>{"身份证明"});
}

TEST(EventsJsonlTest, GeneratedEventsRoundTrip) {
  SampleOptions o;
  o.count = 300;
  o.agency = "示例局";
  for (const auto& events : GenerateSampleCases(NationalCalendar(), o)) {
    for (const auto& e : events) {
      std::string line = EventToJsonLine(e);
      auto back = ParseEventLine(line, 1);
      ASSERT_TRUE(back.ok()) << line << ": " << back.status().message();
      EXPECT_TRUE(*back == e) << line;
    }
  }
}

struct BadLine {
  const char* line;
  const char* message;  // the whole message, or a fragment when it ends in "…"
};

TEST(EventsJsonlTest, BadLinesSayLineFieldValueAndWhatIsAllowed) {
  const BadLine cases[] = {
      {R"({"case":"1","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"mail"})",
       "第 12 行：字段 channel 的值 'mail' "
       "无效，应为 in_person、post_signed、post_ordinary、internet、fax、oral"},
      {R"({"case":"1","type":"posted","date":"2024-09-02"})",
       "第 12 行：字段 type 的值 'posted' 无效，应为 received、…"},
      {R"({"case":"1","type":"received","date":"2024-9-2","applicant_kind":"natural_person","channel":"fax"})",
       "第 12 行：字段 date 的值 '2024-9-2' 无效，应为 YYYY-MM-DD 格式的日期，例如 2024-09-27"},
      {R"({"case":"1","type":"answered","date":"2024-02-30","outcome":"granted"})",
       "'2024-02-30' 无效…"},
      {R"({"type":"withdrawn","date":"2024-09-02"})", "第 12 行：缺少字段 case（案件编号）"},
      {R"({"case":"1","date":"2024-09-02"})", "第 12 行：缺少字段 type（事件类型）"},
      {R"({"case":"1","type":"withdrawn"})", "缺少字段 date…"},
      {R"({"case":"","type":"withdrawn","date":"2024-09-02"})", "非空的案件编号…"},
      {R"({"case":"1","type":"received","date":"2024-09-02","channel":"fax"})",
       "缺少字段 applicant_kind…"},
      {R"({"case":"1","type":"answered","date":"2024-09-02"})", "缺少字段 outcome…"},
      {R"({"case":"1","type":"answered","date":"2024-09-02","outcome":"other.other"})",
       "撤回请记为 withdrawn…"},
      {R"({"case":"1","type":"answered","date":"2024-09-02","outcome":"refused"})",
       "字段 outcome 的值 'refused' 无效，应为 granted、partial、refused.state_secret…"},
      {R"({"case":"1","type":"extension_approved","date":"2024-09-02","working_days":"ten"})",
       "字段 working_days 的值 'ten' 无效…"},
      {R"({"case":"1","type":"fee_notice_sent","date":"2024-09-02","method":"per_item"})",
       "第 12 行：字段 method 的值 'per_item' 无效，应为 per_application、per_page"},
      {R"({"case":"1","type":"fee_notice_sent","date":"2024-09-02","method":"per_page","amount_fen":-5})",
       "字段 amount_fen 的值 -5 无效…"},
      {R"({"case":"1","type":"deemed_withdrawn","date":"2024-09-02","reason":"bored"})",
       "应为 no_correction、fee_unpaid…"},
      {R"({"case":"1","type":"litigation_filed","date":"2024-09-02","after_reconsideration":"yes"})",
       "应为 true 或 false…"},
      {R"({"case":"1","type":"litigation_decided","date":"2024-09-02","result":"won"})",
       "应为 upheld、corrected、other…"},
      {R"(["case","1"])", "第 12 行：不是一个 JSON 对象…"},
      {R"({"case":"1","type":"withdrawn",)",
       "第 12 行：不是有效的 JSON；每行应为一个完整的 JSON 对象"},
  };
  for (const auto& c : cases) {
    auto e = ParseEventLine(c.line, 12);
    ASSERT_FALSE(e.ok()) << c.line;
    EXPECT_EQ(e.status().code(), Status::Code::kInvalidInput);
    std::string want = c.message;
    const std::string& got = e.status().message();
    if (want.ends_with("…")) {
      want.resize(want.size() - std::string("…").size());
      EXPECT_NE(got.find(want), std::string::npos) << c.line << "\n got: " << got;
    } else {
      EXPECT_EQ(got, want) << c.line;
    }
  }
}

TEST(EventsJsonlTest, FileGroupsByAgencyAndCase) {
  std::string text =
      "\xEF\xBB\xBF"
      R"({"case":"1","type":"received","date":"2024-09-02","applicant_kind":"commercial","channel":"fax"})"
      "\r\n\n"
      R"({"case":"1","type":"received","date":"2024-09-03","agency":"乙局","applicant_kind":"research","channel":"oral"})"
      "\n"
      R"({"case":"1","type":"answered","date":"2024-09-04","outcome":"granted"})"
      "\n   \n"
      R"({"case":"2","type":"received","date":"2024-09-05","applicant_kind":"other_org","channel":"internet"})";
  auto cases = ParseEventsJsonl(text);
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  ASSERT_EQ(cases->size(), 3u);
  EXPECT_EQ((*cases)[0].agency, "");
  EXPECT_EQ((*cases)[0].case_number, "1");
  EXPECT_EQ((*cases)[0].lines, (std::vector<int>{1, 4}));
  EXPECT_EQ((*cases)[1].agency, "乙局");
  EXPECT_EQ((*cases)[1].lines, std::vector<int>{3});
  EXPECT_EQ((*cases)[2].case_number, "2");
  EXPECT_EQ((*cases)[2].lines, std::vector<int>{6});
  EXPECT_TRUE(CheckImportedCases(*cases, NationalCalendar(), CaseSettings{}, D("2024-12-31")).ok());
  EXPECT_TRUE(ParseEventsJsonl("").ok());
}

TEST(EventsJsonlTest, FileReportsEveryBadLine) {
  std::string text =
      R"({"case":"1","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"mail"})"
      "\n"
      R"({"case":"1","type":"answered","date":"2024-09-04","outcome":"granted"})"
      "\n"
      "not json\n"
      R"({"case":"2","type":"nope","date":"2024-09-05"})"
      "\n";
  auto cases = ParseEventsJsonl(text);
  ASSERT_FALSE(cases.ok());
  const std::string& m = cases.status().message();
  EXPECT_NE(m.find("第 1 行：字段 channel"), std::string::npos) << m;
  EXPECT_NE(m.find("\n第 3 行：不是有效的 JSON"), std::string::npos) << m;
  EXPECT_NE(m.find("\n第 4 行：字段 type 的值 'nope'"), std::string::npos) << m;
  EXPECT_EQ(m.find("第 2 行"), std::string::npos) << m;
}

TEST(EventsJsonlTest, ImportCheckNamesLineAndCaseOfEveryIllegalSequence) {
  std::string text =
      R"({"case":"A","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"fax"})"
      "\n"
      R"({"case":"B","type":"correction_received","date":"2024-09-03"})"
      "\n"
      R"({"case":"A","type":"extension_approved","date":"2024-09-10","working_days":25})"
      "\n";
  auto cases = ParseEventsJsonl(text);
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  Status s = CheckImportedCases(*cases, NationalCalendar(), CaseSettings{}, D("2024-12-31"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("第 3 行（案件 A）：延长 25 个工作日无效"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("第 2 行（案件 B）：本案还没有“收到申请”"), std::string::npos)
      << s.message();
  EXPECT_EQ(CasesToJsonl(*cases).substr(0, 12), R"({"case":"A",)");
}

}  // namespace
}  // namespace gongkai
