// Issue 10: JSON nested 100,000 deep crashed `gongkai cases import` with SIGSEGV. Every line is
// now bounded in length and depth before nlohmann parses it, and over a limit is a bad line
// with its number, like any other.

#include <gtest/gtest.h>

#include <string>

#include "cases/events_jsonl.h"

namespace gongkai {
namespace {

const std::string kGood =
    R"({"case":"2024-001","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"in_person"})";

TEST(EventsJsonlLimitsTest, Nested100000DeepIsABadLineNotACrash) {
  // 200,000 bytes: the line limit answers first.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto got = ParseEventsJsonl(kGood + "\n" + deep + "\n");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("第 2 行"), std::string::npos) << got.status().message();
  EXPECT_NE(got.status().message().find("64 KiB"), std::string::npos) << got.status().message();
}

TEST(EventsJsonlLimitsTest, Nested30000DeepWithinTheLineLimit) {
  const std::string deep = std::string(30000, '[') + std::string(30000, ']');
  ASSERT_LT(deep.size(), kMaxEventLineBytes);
  auto got = ParseEventsJsonl(kGood + "\n" + deep + "\n");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("第 2 行"), std::string::npos) << got.status().message();
  EXPECT_NE(got.status().message().find("16 层"), std::string::npos) << got.status().message();
}

TEST(EventsJsonlLimitsTest, DeepValueInsideAnEvent) {
  const std::string line = R"({"case":"1","type":"received","date":"2024-09-02","x":)" +
                           std::string(17, '[') + std::string(17, ']') + "}";
  auto got = ParseEventLine(line, 7);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("第 7 行"), std::string::npos) << got.status().message();
}

TEST(EventsJsonlLimitsTest, OverlongLine) {
  const std::string line = R"({"case":"1","type":"received","date":"2024-09-02","note":")" +
                           std::string(kMaxEventLineBytes, 'x') + R"("})";
  auto got = ParseEventLine(line, 3);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("第 3 行"), std::string::npos);
  EXPECT_NE(got.status().message().find("64 KiB"), std::string::npos) << got.status().message();
}

TEST(EventsJsonlLimitsTest, WithinTheLimitsStillParses) {
  EXPECT_TRUE(ParseEventLine(kGood, 1).ok());
}

}  // namespace
}  // namespace gongkai
