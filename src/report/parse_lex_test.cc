// SplitLines and AppendUtf8Run, the parser's own one-pass decoding and encoding (written for
// speed): they must agree with util/text.h's FoldWidth, ToUtf32 and ToUtf8, which define the
// folding, on every kind of input — ASCII, CJK, full-width forms, four-byte characters, invalid
// bytes, and every line terminator.

#include "report/parse_internal.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/text.h"

namespace gongkai::parse_internal {
namespace {

struct Case {
  std::string input;
  std::vector<std::u32string> lines;
};

const Case kCases[] = {
    {"", {U""}},
    {"abc", {U"abc"}},
    {"abc\n", {U"abc", U""}},
    {"a\r\nb\rc\fd\ne", {U"a", U"b", U"c", U"d", U"e"}},
    {"\xEF\xBB\xBF一、总体情况", {U"一、总体情况"}},  // byte-order mark dropped
    {"（一）１２３　ａ\xC2\xA0z", {U"(一)123 a z"}},  // full-width and spaces folded
    {"\xF0\x9F\x98\x80x", {U"\U0001F600x"}},          // four bytes
    {"a\xFF"
     "b\xE4\xB8",
     {U"a\uFFFDb\uFFFD\uFFFD"}},                // invalid and truncated
    {"\xED\xA0\x80", {U"\uFFFD\uFFFD\uFFFD"}},  // an encoded surrogate
    {"\xE0\x80\x80", {U"\uFFFD\uFFFD\uFFFD"}},  // overlong
};

TEST(SplitLinesTest, DecodesFoldsAndSplits) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.input);
    const std::vector<Line> lines = SplitLines(c.input);
    ASSERT_EQ(lines.size(), c.lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      EXPECT_EQ(lines[i].text, c.lines[i]) << "line " << i;
      EXPECT_EQ(lines[i].number, static_cast<int>(i) + 1);
    }
  }
}

TEST(SplitLinesTest, AgreesWithFoldWidthOnOneLine) {
  for (const Case& c : kCases) {
    if (c.input.find_first_of("\r\n\f") != std::string::npos) continue;
    SCOPED_TRACE(c.input);
    std::u32string want = ToUtf32(FoldWidth(c.input));
    if (!want.empty() && want.front() == 0xFEFF) want.erase(0, 1);
    EXPECT_EQ(SplitLines(c.input).front().text, want);
  }
}

TEST(AppendUtf8RunTest, AgreesWithToUtf8) {
  const std::u32string inputs[] = {U"",
                                   U"abc",
                                   U"二、主动公开",
                                   U"é\U0001F600",
                                   U"\uFFFD",
                                   std::u32string(1, static_cast<char32_t>(0x110000))};
  for (const auto& s : inputs) {
    std::string out = "x";
    AppendUtf8Run(&out, s);
    EXPECT_EQ(out, "x" + ToUtf8(s));
  }
}

}  // namespace
}  // namespace gongkai::parse_internal
