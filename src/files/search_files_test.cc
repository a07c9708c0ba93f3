#include "files/search_files.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "search/pinyin.h"
#include "search/query.h"

namespace gongkai {
namespace {
namespace fs = std::filesystem;

TEST(LoadSearchVocabularyTest, TheRepositoryTablesLoadAndFixTheKnownPolyphones) {
  auto v = LoadSearchVocabulary(fs::path(GONGKAI_SOURCE_DIR) / "data");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(PinyinOf("异地就医", v->pinyin).full, "yidijiuyi");
  EXPECT_EQ(PinyinOf("银行", v->pinyin).full, "yinhang");
  EXPECT_EQ(PinyinOf("重庆", v->pinyin).full, "chongqing");
  EXPECT_EQ(PinyinOf("长沙", v->pinyin).full, "changsha");
  EXPECT_EQ(PinyinOf("会计", v->pinyin).full, "kuaiji");
  SearchQuery q = ParseSearchQuery("身份证怎么办", *v);
  EXPECT_EQ(q.normalized, "身份证");
  EXPECT_EQ(q.forms, (std::vector<std::string>{"身份证", "居民身份证"}));
}

TEST(LoadSearchVocabularyTest, MissingFilesAreEmptyTablesAndBadLinesNameTheFile) {
  fs::path root =
      fs::temp_directory_path() / ("gongkai_search_files_" + std::to_string(::getpid()));
  fs::create_directories(root / "search");
  auto empty = LoadSearchVocabulary(root);
  ASSERT_TRUE(empty.ok()) << empty.status().message();
  EXPECT_TRUE(empty->synonym_groups.empty());
  std::ofstream(root / "search" / "synonyms.tsv") << "# 注释\n户口\t户籍\n社保\n";
  auto bad = LoadSearchVocabulary(root);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().message().starts_with("search/synonyms.tsv:3: "))
      << bad.status().message();
  fs::remove_all(root);
}

}  // namespace
}  // namespace gongkai
