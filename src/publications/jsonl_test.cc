#include "publications/jsonl.h"

#include <gtest/gtest.h>

#include "publications/testing.h"

namespace gongkai {
namespace {

using testing_publications::D;

constexpr const char* kGood =
    R"({"index_no":"11441700007280420Y/2024-00001","title":"关于印发某县农村宅基地管理办法的通知","doc_no":"某府规〔2024〕1号","publisher":"某县人民政府","summary":"规范宅基地审批","kind":"normative_document","category":"art21.town.4","created":"2024-03-01","published":"2024-03-08","status":"in_force","status_date":null,"channels":["website","政府公报"],"text":"第一条……","cms_id":42,"tags":["宅基地"]})";

TEST(PublicationsJsonlTest, ReadsEveryFieldAndKeepsUnknownOnes) {
  auto items = ParsePublicationsJsonl(std::string(kGood) + "\n\n", "a.jsonl");
  ASSERT_TRUE(items.ok()) << items.status().message();
  ASSERT_EQ(items->size(), 1u);
  const Publication& p = (*items)[0];
  EXPECT_EQ(p.index_no, "11441700007280420Y/2024-00001");
  EXPECT_EQ(p.doc_no, "某府规〔2024〕1号");
  EXPECT_EQ(p.kind, PublicationKind::kNormativeDocument);
  EXPECT_EQ(p.category, "art21.town.4");
  EXPECT_EQ(p.created, D("2024-03-01"));
  EXPECT_EQ(p.published, D("2024-03-08"));
  EXPECT_FALSE(p.changed.has_value());
  EXPECT_EQ(p.status, Validity::kInForce);
  ASSERT_EQ(p.channels.size(), 2u);
  EXPECT_EQ(p.channels[1], PublicationChannel::kGazette);  // by its Chinese label
  EXPECT_EQ(p.extra, R"({"cms_id":42,"tags":["宅基地"]})");
}

TEST(PublicationsJsonlTest, RoundTripIsTheSameLine) {
  auto items = ParsePublicationsJsonl(kGood, "a.jsonl");
  ASSERT_TRUE(items.ok());
  std::string line = PublicationToJsonLine((*items)[0]);
  // Channels are written by key; everything else as read, unknown fields last.
  EXPECT_EQ(
      line,
      R"({"index_no":"11441700007280420Y/2024-00001","title":"关于印发某县农村宅基地管理办法的通知","doc_no":"某府规〔2024〕1号","publisher":"某县人民政府","summary":"规范宅基地审批","kind":"normative_document","category":"art21.town.4","created":"2024-03-01","published":"2024-03-08","status":"in_force","status_date":null,"channels":["website","gazette"],"text":"第一条……","cms_id":42,"tags":["宅基地"]})");
  auto again = ParsePublicationsJsonl(line, "b.jsonl");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(PublicationToJsonLine((*again)[0]), line);
}

// Each bad line must be refused with its line number, the field, and what is allowed.
struct BadCase {
  const char* line;
  const char* expected;  // substring of the message
};
const BadCase kBad[] = {
    {R"({"title":"t","publisher":"p","summary":"s","kind":"law","category":"art20.1","created":"2024-01-01","status":"in_force"})",
     "字段 kind：“law”无法识别（可选值：regulation | normative_document | other）"},
    {R"({"title":"t","publisher":"p","summary":"s","kind":"other","category":"art20.16","created":"2024-01-01","status":"in_force"})",
     "字段 category：“art20.16”无法识别"},
    {R"({"title":"t","publisher":"p","summary":"s","kind":"other","category":"art20.1","created":"2024-2-1","status":"in_force"})",
     "字段 created：“2024-2-1”不是日期：应为 YYYY-MM-DD"},
    {R"({"title":"t","publisher":"p","summary":"s","kind":"other","category":"art20.1","created":"2024-02-30","status":"in_force"})",
     "字段 created：“2024-02-30”不是日期"},
    {R"({"title":"t","publisher":"p","kind":"other","category":"art20.1","created":"2024-01-01","status":"in_force"})",
     "字段 summary：缺少必填字段（内容概述）"},
    {R"({"title":"t","publisher":"p","summary":"s","kind":"other","category":"art20.1","created":"2024-01-01","status":"repealed"})",
     "字段 status_date：status 为 repealed（废止）时必须填写"},
    {R"({"title":"t","publisher":"p","summary":"s","kind":"other","category":"art20.1","created":"2024-01-01","status":"in_force","channels":["微博"]})",
     "字段 channels：公开渠道“微博”无法识别（可选值：website | gazette"},
    {R"({"title":5,"publisher":"p","summary":"s","kind":"other","category":"art20.1","created":"2024-01-01","status":"in_force"})",
     "字段 title：应为字符串"},
    {R"(["not", "an", "object"])", "应为 JSON 对象"},
    {R"({"title":"t",)", "不是有效的 JSON"},
    {R"({"title":"t","publisher":"p","summary":"s","kind":"other","category":"art20.1","created":"2024-03-01","published":"2024-02-01","status":"in_force"})",
     "字段 published（公开日期）2024-02-01 早于生成日期 2024-03-01"},
};

TEST(PublicationsJsonlTest, BadLinesAreNamedAndNothingIsReturned) {
  for (const BadCase& c : kBad) {
    std::string text = std::string(kGood) + "\n" + c.line + "\n" + kGood + "\n";
    auto items = ParsePublicationsJsonl(text, "reg.jsonl");
    ASSERT_FALSE(items.ok()) << c.line;
    EXPECT_EQ(items.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(items.status().message().find(std::string("reg.jsonl:2: ") + c.expected),
              std::string::npos)
        << c.line << "\n"
        << items.status().message();
  }
}

TEST(PublicationsJsonlTest, EveryBadLineIsListed) {
  std::string text = std::string(kBad[0].line) + "\n" + kGood + "\n" + kBad[1].line + "\n";
  auto items = ParsePublicationsJsonl(text, "reg.jsonl");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find("有 2 处错误"), std::string::npos);
  EXPECT_NE(items.status().message().find("reg.jsonl:1: "), std::string::npos);
  EXPECT_NE(items.status().message().find("reg.jsonl:3: "), std::string::npos);
}

TEST(PublicationsJsonlTest, DepthAndLengthAreLimited) {
  std::string deep = R"({"title":"t","x":)" + std::string(kMaxPublicationJsonDepth, '[') +
                     std::string(kMaxPublicationJsonDepth, ']') + "}";
  auto items = ParsePublicationsJsonl(deep, "d.jsonl");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find("d.jsonl:1: JSON 嵌套超过"), std::string::npos);

  std::string longline = R"({"title":")" + std::string(kMaxPublicationLineBytes, 'a') + "\"}";
  items = ParsePublicationsJsonl(longline, "l.jsonl");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.status().message().find("l.jsonl:1: 一行超过"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
