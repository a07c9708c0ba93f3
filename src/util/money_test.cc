#include "util/money.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

TEST(ParseYuanAsFenTest, Amounts) {
  struct Case {
    const char* text;
    std::int64_t fen;
  } cases[] = {
      {"0", 0},    {"100", 10000},   {"100.5", 10050}, {"100.50", 10050},
      {"0.01", 1}, {" 12.3 ", 1230}, {"007", 700},     {"1000000000", 100000000000},
  };
  for (const auto& c : cases) {
    auto got = ParseYuanAsFen(c.text);
    ASSERT_TRUE(got.ok()) << c.text << ": " << got.status().message();
    EXPECT_EQ(*got, c.fen) << c.text;
  }
}

TEST(ParseYuanAsFenTest, NotAmounts) {
  const char* bad[] = {"",      " ",      ".",     "1.",    ".5",    "1.234", "-1",
                       "+1",    "1e3",    "1E3",   "0x10",  "nan",   "inf",   "1,000",
                       "1 000", "１００", "100元", "1.2.3", "0.1e1", "\t1"};
  for (const char* text : bad) {
    auto got = ParseYuanAsFen(text);
    ASSERT_FALSE(got.ok()) << text << " → " << *got;
    EXPECT_NE(got.status().message().find("不是有效金额"), std::string::npos) << text;
  }
}

TEST(ParseYuanAsFenTest, Range) {
  EXPECT_FALSE(ParseYuanAsFen("0", 1).ok());  // must be positive
  EXPECT_TRUE(ParseYuanAsFen("0.01", 1).ok());
  EXPECT_FALSE(ParseYuanAsFen("10000000.01", 1, 1'000'000'000).ok());  // over 1e7 元
  EXPECT_TRUE(ParseYuanAsFen("10000000", 1, 1'000'000'000).ok());
  auto huge = ParseYuanAsFen("99999999999999999999999999");  // would overflow int64
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.status().message().find("超出范围"), std::string::npos);
  EXPECT_FALSE(ParseYuanAsFen("1000000000.01").ok());
}

}  // namespace
}  // namespace gongkai
