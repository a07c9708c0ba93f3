// `gongkai search` run as a person runs it: documents indexed through the store, then found by
// the binary, as JSON and as text, a page at a time; items imported with `gongkai publications
// import` found without a reindex; zero-result queries listed by `search misses`, masked.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/run_binary_test_util.h"
#include "store/agencies.h"
#include "store/database.h"
#include "store/search_index.h"

namespace gongkai::cli {
namespace {

class SearchCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("gongkai_search_cli_" + std::to_string(getpid()) + ".db"))
                .string();
    auto db = Database::OpenForUse(path_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    Agency agency;
    agency.name = "市市场监督管理局";
    auto id = AddAgency(*db, agency);
    ASSERT_TRUE(id.ok()) << id.status().message();
    SearchVocabulary none;
    SearchIndex index(*db, none);
    SearchDocument doc;
    doc.agency_id = *id;
    doc.kind = SearchKind::kPublication;
    doc.ref = "1";
    doc.title = "关于办理營業執照的通知";
    doc.codes = {"市监发〔2024〕12号"};
    doc.date = "2024-03-01";
    doc.url = "/p/1/items/1";
    doc.body = "申请人持居民身份证到窗口办理营业执照。";
    ASSERT_TRUE(index.Upsert(doc).ok());
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string Db() const { return " --db " + Quote(path_); }

  std::string path_;
};

TEST_F(SearchCommandTest, JsonListsTheHitWithAgencyDateAndSnippet) {
  Outcome r = Gongkai("search " + Quote("营业执照需要什么材料") + " --json" + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["query"], "营业执照");  // the repository's stop-phrase table strips the tail
  ASSERT_EQ(j["hits"].size(), 1u);
  EXPECT_EQ(j["hits"][0]["kind"], "publication");
  EXPECT_EQ(j["hits"][0]["title"], "关于办理營業執照的通知");
  EXPECT_EQ(j["hits"][0]["agency"], "市市场监督管理局");
  EXPECT_EQ(j["hits"][0]["date"], "2024-03-01");
  EXPECT_EQ(j["hits"][0]["url"], "/p/1/items/1");
  EXPECT_EQ(j["hits"][0]["snippet"], "申请人持居民身份证到窗口办理营业执照。");
}

TEST_F(SearchCommandTest, PlainOutputGroupsByKindAndMarksTheMatch) {
  Outcome r = Gongkai("search " + Quote("市监发[2024]12号") + Db());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("公开信息（1 条）"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("★ 关于办理營業執照的通知"), std::string::npos) << r.out;
  Outcome yyzz = Gongkai("search yyzz" + Db());
  EXPECT_NE(yyzz.out.find("关于办理營業執照的通知"), std::string::npos) << yyzz.out;
}

TEST_F(SearchCommandTest, MissesAreListedMaskedAndBadOptionsFail) {
  ASSERT_EQ(Gongkai("search " + Quote("电话13812345678") + Db()).exit_code, 0);
  Outcome misses = Gongkai("search misses --json" + Db());
  ASSERT_EQ(misses.exit_code, 0) << misses.err;
  auto j = nlohmann::json::parse(misses.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["query"], "电话###########");
  EXPECT_EQ(misses.out.find("13812345678"), std::string::npos);
  EXPECT_NE(Gongkai("search x --kind nonsense" + Db()).exit_code, 0);
  Outcome reindex = Gongkai("search reindex" + Db());
  EXPECT_EQ(reindex.exit_code, 0) << reindex.err;
  // The index is derived: reindex rebuilds the publications from their register, which holds
  // none here, so the document written straight into the index is gone.
  EXPECT_NE(reindex.out.find("已按当前读音表重算 0 条索引"), std::string::npos) << reindex.out;
  Outcome after = Gongkai("search " + Quote("营业执照") + " --json" + Db());
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out)["hits"].size(), 0u) << after.out;
}

// The import writes the index in its own transaction: its items are found at once, every one of
// them (counted here by brute force over the fixture), page by page with exact totals.
TEST_F(SearchCommandTest, ImportedItemsAreFoundAtOnceAndPaged) {
  const auto fixture =
      std::filesystem::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/publications/register.jsonl";
  std::ifstream in(fixture);
  int expected = 0;
  for (std::string line; std::getline(in, line);) {
    auto item = nlohmann::json::parse(line);
    if (item.value("published", nlohmann::json()).is_null()) continue;
    std::string text = item.value("title", "") + "\n" + item.value("summary", "") + "\n" +
                       item.value("text", "") + "\n" + item.value("doc_no", "");
    if (text.find("公积金") != std::string::npos) ++expected;
  }
  ASSERT_GT(expected, 10);
  Outcome imported = Gongkai("publications import " + Quote(fixture.string()) + Db());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  std::set<std::string> seen;
  const int pages = (expected + 4) / 5;
  for (int page = 1; page <= pages + 1; ++page) {
    Outcome r = Gongkai("search 公积金 --kind publication --limit 5 --json --page " +
                        std::to_string(page) + Db());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["totals"]["publication"], expected) << "page " << page;
    EXPECT_EQ(j["page"], page);
    std::size_t want = page < pages ? 5 : page == pages ? expected - 5 * (pages - 1) : 0;
    EXPECT_EQ(j["hits"].size(), want) << "page " << page;
    for (const auto& h : j["hits"]) seen.insert(h["url"].get<std::string>());
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(expected));
  Outcome plain = Gongkai("search 公积金 --kind publication --limit 5 --page 2" + Db());
  EXPECT_NE(plain.out.find(fmt::format("公开信息（{} 条，第 2/{} 页）", expected, pages)),
            std::string::npos)
      << plain.out;
  EXPECT_NE(Gongkai("search 公积金 --page 2 --offset 5" + Db()).exit_code, 0);
}

}  // namespace
}  // namespace gongkai::cli
