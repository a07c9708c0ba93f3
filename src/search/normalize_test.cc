#include "search/normalize.h"

#include <gtest/gtest.h>

#include "search/tokens.h"

namespace gongkai {
namespace {

TEST(NormalizeForSearchTest, FoldsTheFormsPeopleTypeAndPublish) {
  struct Case {
    const char* input;
    const char* expected;
  } cases[] = {
      {"营业执照", "营业执照"},
      {"營業執照", "营业执照"},              // Traditional → Simplified
      {"ＡＢＣ１２３", "abc123"},            // full-width → ASCII, lower case
      {"营业\n执照", "营业执照"},            // a word split across a line break
      {"营 业　执 照", "营业执照"},          // ASCII and ideographic spaces
      {"国发〔2024〕12号", "国发202412号"},  // brackets dropped
      {"《关于办理户籍的通知》。", "关于办理户籍的通知"},
      {"Hello, World!", "helloworld"},
      {"②③", "23"},  // circled numbers (NFKC)
      {"", ""},
      {"，。！", ""},
      {"\xFF营业", "营业"},  // invalid bytes are dropped
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NormalizeForSearch(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(NormalizeForSearchTest, OffsetsPointBackIntoTheSource) {
  std::string text = "營，業";  // 3 + 3 + 3 bytes
  FoldedText f = FoldWithOffsets(text);
  ASSERT_EQ(f.folded, "营业");
  ASSERT_EQ(f.source_begin.size(), 6u);
  EXPECT_EQ(f.source_begin[0], 0u);
  EXPECT_EQ(f.source_end[2], 3u);
  EXPECT_EQ(f.source_begin[3], 6u);  // the comma (bytes 3..6) is dropped
  EXPECT_EQ(f.source_end[5], 9u);
}

TEST(NormalizeForSearchTest, AsciiLettersOnly) {
  EXPECT_TRUE(IsAsciiLetters("yyzz"));
  EXPECT_FALSE(IsAsciiLetters("yyzz1"));
  EXPECT_FALSE(IsAsciiLetters("营业"));
  EXPECT_FALSE(IsAsciiLetters(""));
}

std::vector<std::string> Texts(const std::vector<SearchToken>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

TEST(TokenizeTest, BigramsOfHanRunsAndWordsOfTheRest) {
  using V = std::vector<std::string>;
  struct Case {
    const char* normalized;
    V expected;
  } cases[] = {
      {"营业执照", {"营业", "业执", "执照"}},
      {"税", {"税"}},
      {"abc营业2024", {"abc", "营业", "2024"}},
      {"国发202412号", {"国发", "202412", "号"}},
      {"营业\n执照", {"营业", "执照"}},  // '\n' joins fields: no bigram across it
      {"", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Texts(Tokenize(c.normalized)), c.expected) << "input: " << c.normalized;
  }
}

TEST(TokenizeTest, LongWordsAreCutOnACodePointBoundary) {
  std::string word(200, 'a');
  auto tokens = Tokenize(word);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text.size(), kMaxWordBytes);
  std::string greek;
  for (int i = 0; i < 60; ++i) greek += "α";  // 2 bytes each
  tokens = Tokenize(greek);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text.size(), kMaxWordBytes);  // 48 whole letters
}

TEST(TokenizeTest, RequiredBigramsIgnoreSingleCharactersAndWords) {
  using V = std::vector<std::string>;
  EXPECT_EQ(RequiredBigrams("营业执照"), (V{"营业", "业执", "执照"}));
  EXPECT_EQ(RequiredBigrams("12号"), V{});
  EXPECT_EQ(RequiredBigrams("2024年度报告"), (V{"年度", "度报", "报告"}));
  EXPECT_EQ(RequiredBigrams("税"), V{});
}

}  // namespace
}  // namespace gongkai
