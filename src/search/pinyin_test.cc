#include "search/pinyin.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gongkai {
namespace {

PinyinOverrides Overrides(std::string_view text) {
  auto parsed = ParsePinyinOverrides(text, "pinyin-overrides.tsv");
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  return parsed.ok() ? *parsed : PinyinOverrides{};
}

TEST(PinyinTest, ReadsTitlesPerCharacter) {
  PinyinOverrides none;
  TitlePinyin p = PinyinOf("营业执照", none);
  EXPECT_EQ(p.full, "yingyezhizhao");
  EXPECT_EQ(p.initials, "yyzz");
  EXPECT_EQ(PinyinOf("公积金", none).initials, "gjj");
}

TEST(PinyinTest, OverridesFixPolyphonesLongestFirst) {
  PinyinOverrides o =
      Overrides("异地\tyi di\n银行\tyin hang\n行\txing\n# comment\n\n重庆\tchong qing\n");
  EXPECT_EQ(PinyinOf("异地就医", o).full, "yidijiuyi");
  EXPECT_EQ(PinyinOf("银行卡", o).full, "yinhangka");
  EXPECT_EQ(PinyinOf("行政", o).initials, "xz");  // the single-character row applies
  EXPECT_EQ(PinyinOf("重庆市", o).initials, "cqs");
  EXPECT_EQ(o.longest_word_chars, 2u);
}

TEST(PinyinTest, TokensStartAtEverySyllable) {
  PinyinOverrides none;
  TitlePinyin p = PinyinOf("办营业执照", none);
  auto has = [&](const std::string& t) {
    return std::find(p.tokens.begin(), p.tokens.end(), t) != p.tokens.end();
  };
  EXPECT_TRUE(has("banyingyezhizhao"));
  EXPECT_TRUE(has("yingyezhizhao"));
  EXPECT_TRUE(has("zhao"));
  EXPECT_TRUE(has("byyzz"));
  EXPECT_TRUE(has("yyzz"));
  EXPECT_FALSE(has("ngyezhizhao"));  // not a syllable start
}

TEST(PinyinTest, BadOverrideLinesNameFileAndLine) {
  struct Case {
    const char* text;
    const char* where;
  } cases[] = {
      {"异地 yi di\n", "pinyin-overrides.tsv:1: "},      // no tab
      {"# x\n异地\tyi\n", "pinyin-overrides.tsv:2: "},   // one syllable for two characters
      {"银行\tyin h4ng\n", "pinyin-overrides.tsv:1: "},  // not letters
      {"abc\tabc\n", "pinyin-overrides.tsv:1: "},        // not Han
      {"地\tdi\n地\tde\n", "pinyin-overrides.tsv:2: "},  // twice
  };
  for (const auto& c : cases) {
    auto parsed = ParsePinyinOverrides(c.text, "pinyin-overrides.tsv");
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidInput);
    EXPECT_TRUE(parsed.status().message().starts_with(c.where)) << parsed.status().message();
  }
}

}  // namespace
}  // namespace gongkai
