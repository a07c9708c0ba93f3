#include "services/intermediary_jsonl.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

constexpr const char* kService =
    R"({"kind": "intermediary", "code": "ZJ-001", "name": "环境影响报告书编制", "items": ["T1"], )"
    R"("department": "区生态环境分局", "basis": [{"title": "中华人民共和国环境影响评价法", "doc_no": null, "article": "第十九条"}], )"
    R"("time_limit": 30, "fee": {"nature": "market", "standard": "按合同约定", "basis": null}, )"
    R"("commissioned": false, "status": "in_use", "version": 1, "effective": "2024-01-01", "provincial_no": "ZJ01"})";
constexpr const char* kInstitution =
    R"({"kind": "institution", "credit_code": "91411302MA44ABCD13", "name": "某环境科技有限公司", )"
    R"("qualifications": [{"name": "环境影响评价资质", "number": "乙字1234", "grade": "乙级", "valid_from": "2022-01-01", "valid_until": "2025-12-31", "issuer": "生态环境部"}], )"
    R"("services": ["ZJ-001"], "fees": "按合同约定", "contacts": {"phone": "0375-2961111", "address": "建设路1号", "website": null}, )"
    R"("joined": "2023-01-01", "left": null, "version": 1, "effective": "2024-01-01", "note": {"a": [1]}})";

TEST(IntermediaryJsonl, RoundTripKeepsEveryFieldAndUnknownOnes) {
  const std::string text = std::string(kService) + "\n\n" + kInstitution + "\r\n";
  auto entries = ParseDirectoryJsonl(text, "d.jsonl");
  ASSERT_TRUE(entries.ok()) << entries.status().message();
  ASSERT_EQ(entries->size(), 2u);
  const auto& s = std::get<IntermediaryService>((*entries)[0]);
  EXPECT_EQ(s.items, std::vector<std::string>{"T1"});
  EXPECT_EQ(*s.time_limit, 30);
  EXPECT_EQ(s.fee->nature, FeeNature::kMarket);
  EXPECT_EQ(s.extra, R"({"provincial_no":"ZJ01"})");
  const auto& i = std::get<Institution>((*entries)[1]);
  ASSERT_EQ(i.qualifications.size(), 1u);
  EXPECT_EQ(i.qualifications[0].grade, "乙级");
  EXPECT_EQ(FormatDate(*i.qualifications[0].valid_until), "2025-12-31");
  EXPECT_EQ(i.extra, R"({"note":{"a":[1]}})");
  const std::string exported = DirectoryToJsonl(*entries);
  // A qualification is a fixed record: its unknown "issuer" is dropped.
  EXPECT_EQ(exported.find("issuer"), std::string::npos);
  auto again = ParseDirectoryJsonl(exported, "export.jsonl");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(DirectoryToJsonl(*again), exported);
  EXPECT_NE(exported.find(R"("provincial_no":"ZJ01")"), std::string::npos);
  EXPECT_TRUE(exported.starts_with(R"({"kind":"intermediary","code":"ZJ-001")"));
}

// Each bad line → what the message must name: the line, the field, the allowed values.
TEST(IntermediaryJsonl, BadLinesAreNamedAndTheFileYieldsNothing) {
  struct Case {
    std::string line;
    std::vector<std::string> expected;
  } cases[] = {
      {R"({"code": "Z", "name": "x", "department": "d"})",
       {"字段 kind", "intermediary | institution"}},
      {R"({"kind": "agency", "code": "Z"})", {"字段 kind", "intermediary | institution"}},
      {R"({"kind": "intermediary", "code": "Z", "name": "x", "department": "d", "status": "suspended"})",
       {"字段 status", "in_use | cancelled"}},
      {R"({"kind": "intermediary", "code": "Z", "name": "x", "department": "d", "fee": {"nature": "cheap"}})",
       {"字段 fee", "government_set | government_guided | market | free"}},
      {R"({"kind": "intermediary", "code": "Z", "name": "x", "department": "d", "time_limit": "30天"})",
       {"字段 time_limit", "整数"}},
      {R"({"kind": "intermediary", "code": "Z", "name": "x"})",
       {"字段 department", "缺少必填字段"}},
      {R"({"kind": "intermediary", "code": "Z", "name": "x", "department": "d", "items": "T1"})",
       {"字段 items", "字符串数组"}},
      {R"({"kind": "intermediary", "code": "Z", "name": "x", "department": "d", "commissioned": "yes"})",
       {"字段 commissioned", "true 或 false"}},
      {R"({"kind": "institution", "credit_code": "91411302MA44ABCD14", "name": "x"})",
       {"字段 credit_code", "校验码应为 3"}},
      {R"({"kind": "institution", "credit_code": "91411302MA44ABCD13", "name": "x", "qualifications": [{"name": "q", "valid_until": "2025-02-30"}]})",
       {"字段 qualifications", "YYYY-MM-DD", "第 1 项资质"}},
      {R"({"kind": "institution", "credit_code": "91411302MA44ABCD13", "name": "x", "joined": "2024/01/01"})",
       {"字段 joined", "YYYY-MM-DD"}},
      {R"({"kind": "institution", "credit_code": "91411302MA44ABCD13", "name": "x", "contacts": {"phone": "13900001111"}})",
       {"字段 contacts", "个人手机号码"}},
      {std::string(kService), {"字段 code", "ZJ-001 与第 1 行重复"}},
      {"{\"kind\": ", {"不是有效的 JSON"}},
  };
  for (const Case& c : cases) {
    const std::string text = std::string(kService) + "\n" + c.line + "\n";
    auto parsed = ParseDirectoryJsonl(text, "d.jsonl");
    ASSERT_FALSE(parsed.ok()) << c.line;
    const std::string& m = parsed.status().message();
    EXPECT_NE(m.find("d.jsonl:2: "), std::string::npos) << m;
    EXPECT_NE(m.find("未导入任何条目"), std::string::npos) << m;
    for (const std::string& e : c.expected)
      EXPECT_NE(m.find(e), std::string::npos) << e << "\n" << m;
  }
}

}  // namespace
}  // namespace gongkai
