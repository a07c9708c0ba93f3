#include "util/text.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

TEST(FoldWidthTest, Cases) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"（一）予以公开", "(一)予以公开"},
      {"１２３．５", "123.5"},
      {"本年收费金额（单位：万元）", "本年收费金额(单位:万元)"},
      {"结果\u3000维持", "结果 维持"},
      {"、。“”", "、。“”"},  // CJK punctuation outside the full-width block stays
      {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FoldWidth(c.in), c.want) << c.in;
    EXPECT_EQ(CodePointCount(FoldWidth(c.in)), CodePointCount(c.in)) << c.in;
  }
}

TEST(NormalizeNfkcTest, FoldsCompatibilityForms) {
  EXPECT_EQ(NormalizeNfkc("（１）"), "(1)");
  EXPECT_EQ(NormalizeNfkc("①"), "1");
  EXPECT_EQ(NormalizeNfkc("行政许可"), "行政许可");
}

TEST(Utf8Test, InvalidBytesBecomeReplacementChars) {
  EXPECT_EQ(ToValidUtf8("a\xff"
                        "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(ToValidUtf8("\xe4\xb8"), "\uFFFD\uFFFD");  // truncated 3-byte sequence
  EXPECT_EQ(ToValidUtf8("\xc0\x80"), "\uFFFD\uFFFD");  // overlong NUL
  EXPECT_EQ(CodePointCount("总计1"), 3u);
}

TEST(WhitespaceTest, Cases) {
  EXPECT_EQ(Trim("  \t总计 \n"), "总计");
  EXPECT_EQ(CollapseWhitespace(" 结果 \t  维持 "), "结果 维持");
  EXPECT_EQ(RemoveWhitespace("三 、本 年 度办 理 结果"), "三、本年度办理结果");
}

TEST(IsHanTest, Cases) {
  std::size_t pos = 0;
  EXPECT_TRUE(IsHan(NextCodePoint("政", &pos)));
  EXPECT_FALSE(IsHan(U'、'));
  EXPECT_FALSE(IsHan(U'a'));
}

}  // namespace
}  // namespace gongkai
