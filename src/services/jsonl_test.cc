#include "services/jsonl.h"

#include <gtest/gtest.h>

#include "services/testing.h"

namespace gongkai {
namespace {

constexpr const char* kMain =
    R"({"code": "M1", "name": "食品经营许可", "level": "main", "parent": null, "type": "licence", )"
    R"("department": "区市场监督管理局", "status": "in_use", "provincial_type": "01"})";
constexpr const char* kSub =
    R"({"code": "S1", "name": "食品经营许可（区级）", "level": "sub", "parent": "M1", )"
    R"("type": "licence", "department": "区市场监督管理局", "status": "in_use"})";

TEST(ServicesJsonl, RoundTripKeepsEveryFieldAndUnknownOnes) {
  ServiceItem task = testing::CleanTask();
  task.parent = "S1";
  task.in_hall = false;
  task.not_in_hall_reason = NotInHallReason::kOther;
  task.not_in_hall_note = "需现场核验";
  task.handled_at = "区市场监督管理局一楼";
  task.cross_province = CrossProvince{ServiceObject::kIndividual,
                                      {CrossProvinceMode::kOnline, CrossProvinceMode::kProxy}};
  task.materials[0].extra = R"({"sample":"样表.pdf"})";
  task.extra = R"({"provincial_type":"01","nested":{"a":[1,2]}})";
  std::string text = std::string(kMain) + "\n" + kSub + "\n" + ServiceItemToJsonLine(task) + "\n";
  auto items = ParseServicesJsonl(text, "c.jsonl");
  ASSERT_TRUE(items.ok()) << items.status().message();
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ((*items)[0].extra, R"({"provincial_type":"01"})");
  const ServiceItem& back = (*items)[2];
  EXPECT_EQ(ServiceItemToJsonLine(back), ServiceItemToJsonLine(task));
  EXPECT_EQ(back.materials[0].extra, R"({"sample":"样表.pdf"})");
  EXPECT_EQ(back.cross_province->modes.size(), 2u);
  EXPECT_EQ(*back.not_in_hall_reason, NotInHallReason::kOther);
  std::string exported = ServicesToJsonl(*items);
  auto again = ParseServicesJsonl(exported, "export.jsonl");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(ServicesToJsonl(*again), exported);
}

// Each bad line → what the message must name (line, field, allowed values).
TEST(ServicesJsonl, BadLinesAreNamedAndNothingIsReturned) {
  struct Case {
    std::string line;
    std::vector<std::string> expected;
  } cases[] = {
      {R"({"code": "T1", "name": "x", "level": "item", "parent": "S1", "type": "licence", "department": "d", "status": "in_use"})",
       {"字段 level", "main | sub | task"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "permit", "department": "d", "status": "in_use", "object": "individual"})",
       {"字段 type", "licence | confirmation"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "in_use"})",
       {"字段 object", "individual | legal_person | both"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "in_use", "object": "both", "in_hall": false})",
       {"字段 not_in_hall_reason", "site | secret | law | other"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "in_use", "object": "both", "in_hall": true, "not_in_hall_reason": "site"})",
       {"字段 not_in_hall_reason", "二选一"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "in_use", "object": "both", "cross_province": {"object": "individual", "modes": ["fax"]}})",
       {"字段 cross_province", "online | proxy | multi_site"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "open", "object": "both"})",
       {"字段 status", "in_use | suspended | cancelled"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "in_use", "object": "both", "legal_days": -1})",
       {"字段 legal_days"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "in_use", "object": "both", "materials": [{"name": "a", "form": "scan"}]})",
       {"字段 materials", "original | copy | electronic"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "S1", "type": "licence", "department": "d", "status": "in_use", "object": "both", "effective": "2024-13-01"})",
       {"字段 effective", "YYYY-MM-DD"}},
      {R"({"name": "x", "level": "main", "type": "licence", "department": "d", "status": "in_use"})",
       {"字段 code", "缺少必填字段"}},
      {R"({"code": "T1", "name": "x", "level": "sub", "parent": null, "type": "licence", "department": "d", "status": "in_use"})",
       {"字段 parent"}},
      {R"({"code": "M1", "name": "again", "level": "main", "type": "licence", "department": "d", "status": "in_use"})",
       {"字段 code", "与第 1 行重复"}},
      {R"({"code": "T1", "name": "x", "level": "task", "parent": "M2", "type": "licence", "department": "d", "status": "in_use", "object": "both"})"
       "\n"
       R"({"code": "M2", "name": "x", "level": "main", "type": "licence", "department": "d", "status": "in_use"})",
       {"字段 parent", "上级在前"}},
      {"[1, 2]", {"JSON 对象"}},
      {"{\"code\": ", {"不是有效的 JSON"}},
  };
  for (const Case& c : cases) {
    std::string text = std::string(kMain) + "\n" + kSub + "\n" + c.line + "\n";
    auto items = ParseServicesJsonl(text, "c.jsonl");
    ASSERT_FALSE(items.ok()) << c.line;
    EXPECT_EQ(items.status().code(), Status::Code::kInvalidInput);
    const std::string& m = items.status().message();
    EXPECT_NE(m.find("c.jsonl:3:"), std::string::npos) << m;
    for (const std::string& e : c.expected) EXPECT_NE(m.find(e), std::string::npos) << m;
  }
}

TEST(ServicesJsonl, EveryBadLineIsListed) {
  std::string text = std::string(kMain) + "\n{\n" + kSub + "\n[]\n";
  auto items = ParseServicesJsonl(text, "c.jsonl");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find("c.jsonl:2:"), std::string::npos);
  EXPECT_NE(items.status().message().find("c.jsonl:4:"), std::string::npos);
  EXPECT_NE(items.status().message().find("2 处错误"), std::string::npos);
}

TEST(ServicesJsonl, AParentNotInTheFileIsLeftToTheImport) {
  auto items = ParseServicesJsonl(kSub, "c.jsonl");
  ASSERT_TRUE(items.ok()) << items.status().message();
}

}  // namespace
}  // namespace gongkai
