#include "util/json_depth.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

TEST(CheckJsonDepthTest, WithinTheLimit) {
  const char* ok[] = {
      "",
      "1",
      "{}",
      "[[]]",
      R"({"a":[1,{"b":2}]})",
      R"({"s":"[[[[[[[[[["})",  // brackets in a string do not count
      R"({"s":"\"[[[[[[[["})",  // nor after an escaped quote
      "]]]]",                   // unbalanced closers are the parser's business
  };
  for (const char* text : ok) EXPECT_TRUE(CheckJsonDepth(text, 3).ok()) << text;
}

TEST(CheckJsonDepthTest, TooDeepNamesTheLimitAndTheByte) {
  struct Case {
    std::string text;
    std::string where;
  } cases[] = {
      {"[[[[", "第 4 个字节"},
      {R"({"a":{"b":{"c":{}}}})", "第 16 个字节"},
      {R"(["\\",[[[)", "第 9 个字节"},  // an escaped backslash does not hide the next quote
  };
  for (const auto& c : cases) {
    const Status s = CheckJsonDepth(c.text, 3);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_NE(s.message().find("3 层"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(c.where), std::string::npos) << c.text << " → " << s.message();
  }
}

TEST(CheckJsonDepthTest, Nested100000Deep) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_FALSE(CheckJsonDepth(deep, 64).ok());
}

}  // namespace
}  // namespace gongkai
