#include "util/log_text.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

TEST(EscapeForLogTest, ControlCharactersAndBadBytesAreEscaped) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"/cases/2024-001", "/cases/2024-001"},
      {"/依申请公开", "/依申请公开"},
      {"a\nb", "a\\x0Ab"},              // a forged second log line
      {"\x1B[31mred", "\\x1B[31mred"},  // a terminal escape
      {"tab\there\r", "tab\\x09here\\x0D"},
      {std::string("nul\0x", 5), "nul\\x00x"},
      {"del\x7F", "del\\x7F"},
      {"back\\slash", "back\\\\slash"},  // so \x0A in the input cannot pass as escaped
      {"bad\xC3(utf8", "bad\\xC3(utf8"},
      {"\xE4\xB8", "\\xE4\\xB8"},  // truncated
      {"U+FFFD \xEF\xBF\xBD stays", "U+FFFD \xEF\xBF\xBD stays"},
  };
  for (const auto& c : cases) EXPECT_EQ(EscapeForLog(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace gongkai
