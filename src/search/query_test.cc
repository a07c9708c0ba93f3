#include "search/query.h"

#include <gtest/gtest.h>

#include "search/highlight.h"

namespace gongkai {
namespace {

SearchVocabulary Vocabulary() {
  SearchVocabulary v;
  v.synonym_groups = *ParseSynonyms("户口\t户籍\n社保\t社会保险\n公积金\t住房公积金\n", "s.tsv");
  v.stop_phrases = *ParseStopPhrases("怎么办\n需要什么材料\n怎么办理\n", "p.txt");
  return v;
}

TEST(ParseSearchQueryTest, StripsStopPhrasesAndExpandsSynonyms) {
  using V = std::vector<std::string>;
  SearchVocabulary v = Vocabulary();
  struct Case {
    const char* raw;
    const char* normalized;
    V forms;
  } cases[] = {
      {"营业执照怎么办理", "营业执照", {"营业执照"}},
      {"营业执照 需要什么材料？", "营业执照", {"营业执照"}},
      {"怎么办", "怎么办", {"怎么办"}},  // nothing but a stop-phrase: kept
      {"户口迁移", "户口迁移", {"户口迁移", "户籍迁移"}},
      {"社保卡补办", "社保卡补办", {"社保卡补办", "社会保险卡补办"}},
      {"住房公积金提取", "住房公积金提取", {"住房公积金提取", "公积金提取"}},
      {"公积金", "公积金", {"公积金", "住房公积金"}},
      {"  ，", "", {}},
  };
  for (const auto& c : cases) {
    SearchQuery q = ParseSearchQuery(c.raw, v);
    EXPECT_EQ(q.normalized, c.normalized) << "input: " << c.raw;
    EXPECT_EQ(q.forms, c.forms) << "input: " << c.raw;
  }
}

TEST(ParseSearchQueryTest, RecognisesCodesAndPinyin) {
  SearchVocabulary v;
  SearchQuery code = ParseSearchQuery("国发[2024]12号", v);
  ASSERT_TRUE(code.code.has_value());
  EXPECT_EQ(code.code->code, "国发〔2024〕12号");
  EXPECT_TRUE(ParseSearchQuery("YYZZ", v).ascii_letters);
  EXPECT_FALSE(ParseSearchQuery("营业", v).ascii_letters);
  EXPECT_FALSE(ParseSearchQuery("yyzz2", v).ascii_letters);
}

TEST(MaskLongDigitRunsTest, PhoneAndIdNumbersNeverSurvive) {
  EXPECT_EQ(MaskLongDigitRuns("13812345678"), "###########");
  EXPECT_EQ(MaskLongDigitRuns("身份证11010519900101123x"), "身份证#################x");
  EXPECT_EQ(MaskLongDigitRuns("2024年报告12345"), "2024年报告12345");  // short runs stay
  EXPECT_EQ(MaskLongDigitRuns("电话123456"), "电话######");
}

std::string Render(const std::vector<HighlightSegment>& segments) {
  std::string out;
  for (const auto& s : segments) out += s.marked ? "[" + s.text + "]" : s.text;
  return out;
}

TEST(HighlightTest, MarksMatchesInTheOriginalText) {
  std::vector<std::string> forms{"营业执照"};
  EXPECT_EQ(Render(Highlight("关于營業執照的通知", forms)), "关于[營業執照]的通知");
  EXPECT_EQ(Render(Highlight("营业\n执照与营业执照", forms)), "[营业\n执照]与[营业执照]");
  EXPECT_EQ(Render(Highlight("无关", forms)), "无关");
  EXPECT_TRUE(Highlight("", forms).empty());
  std::vector<std::string> two{"户口", "户籍"};
  EXPECT_EQ(Render(Highlight("户口与户籍", two)), "[户口]与[户籍]");
}

TEST(HighlightTest, SnippetIsAWindowAroundTheFirstMatch) {
  std::string text(300, 'x');
  text += "营业执照";
  text += std::string(300, 'y');
  std::vector<std::string> forms{"营业执照"};
  auto snippet = Snippet(text, forms, 40);
  std::string rendered = Render(snippet);
  EXPECT_EQ(rendered, "…" + std::string(10, 'x') + "[营业执照]" + std::string(26, 'y') + "…");
  EXPECT_EQ(Render(Snippet("短文本", forms, 40)), "短文本");
}

}  // namespace
}  // namespace gongkai
