#include "publications/index_no.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(IndexNoTest, DefaultPatternGivesTheCommonForm) {
  ASSERT_TRUE(CheckIndexNoPattern(kDefaultIndexNoPattern).ok());
  EXPECT_EQ(FormatIndexNo(kDefaultIndexNoPattern, "11441700007280420Y", 2021, 50),
            "11441700007280420Y/2021-00050");
}

TEST(IndexNoTest, Patterns) {
  struct Case {
    const char* pattern;
    int64_t seq;
    const char* expected;
  } cases[] = {
      {"{credit_code}-{year}-{seq}", 7, "X-2024-7"},
      {"ZF{year}{seq:03}", 12, "ZF2024012"},
      {"{seq:02}", 123, "123"},  // wider than the padding: never truncated
  };
  for (const Case& c : cases) {
    ASSERT_TRUE(CheckIndexNoPattern(c.pattern).ok()) << c.pattern;
    EXPECT_EQ(FormatIndexNo(c.pattern, "X", 2024, c.seq), c.expected) << c.pattern;
  }
}

TEST(IndexNoTest, BadPatternsAreRefused) {
  for (const char* p : {"{credit_code}/{year}", "{seq}-{seq}", "{year}{year}{seq}", "{foo}{seq}",
                        "{seq:5}", "{seq", "{year:04}{seq}"}) {
    Status s = CheckIndexNoPattern(p);
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput) << p;
    EXPECT_NE(s.message().find(p), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace gongkai
