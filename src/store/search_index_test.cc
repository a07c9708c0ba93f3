#include "store/search_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "search/normalize.h"
#include "store/agencies.h"
#include "store/migrations.h"
#include "store/search_index_sql.h"
#include "store/search_sources.h"
#include "store/test_database.h"
#include "util/text.h"

// Documents and options are written with designated initializers, naming only the fields a
// case is about; the others keep their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace gongkai {
namespace {

SearchVocabulary TestVocabulary() {
  SearchVocabulary v;
  v.synonym_groups = *ParseSynonyms("户口\t户籍\n公积金\t住房公积金\n", "synonyms.tsv");
  v.stop_phrases = *ParseStopPhrases("怎么办\n需要什么材料\n", "stop-phrases.txt");
  return v;
}

class SearchIndexTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    vocabulary_ = TestVocabulary();
    index_.emplace(db(), vocabulary_);
    Agency hr{.name = "市人力资源和社会保障局"};
    Agency market{.name = "市市场监督管理局"};
    hr_ = *AddAgency(db(), hr);
    market_ = *AddAgency(db(), market);
  }

  void Add(const SearchDocument& doc) {
    Status s = index_->Upsert(doc);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // The fixture of the contract tests, each document with the point it makes.
  void AddFixture() {
    Add({.agency_id = market_,
         .kind = SearchKind::kPublication,
         .ref = "licence",
         .title = "关于办理營業執照的通知",  // Traditional in the title
         .codes = {"11100000000013338W/2024-00001", "市监发〔2024〕12号"},
         .date = "2024-03-01",
         .url = "/p/licence",
         .summary = "",
         .body = "申请人持居民身份证到窗口办理。"});
    Add({.agency_id = market_,
         .kind = SearchKind::kPublication,
         .ref = "annual-check",
         .title = "营业执照年检公告",
         .date = "2024-05-01",
         .body = "请于六月底前完成。"});
    Add({.agency_id = hr_,
         .kind = SearchKind::kService,
         .ref = "fund",
         .title = "职工提取指南",
         .date = "2023-01-10",
         .body = "可在异地提取住房\n公积金。"});  // a word split across a line break
    Add({.agency_id = hr_,
         .kind = SearchKind::kService,
         .ref = "hukou",
         .title = "户籍迁移办理指南",
         .date = "2023-02-01",
         .body = "迁入地派出所受理。"});
    Add({.agency_id = hr_,
         .kind = SearchKind::kPolicy,
         .ref = "tax",
         .title = "ＡＢＣ全角标题",
         .date = "2022-12-01",
         .attachment_text = "附件：个人所得税 专项附加扣除"});
  }

  std::vector<std::string> Refs(std::string_view query, SearchOptions options = {}) {
    auto r = index_->Search(query, options);
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& g : r->groups) {
      for (const auto& h : g.hits) out.push_back(h.ref);
    }
    return out;
  }

  SearchVocabulary vocabulary_;
  std::optional<SearchIndex> index_;
  int64_t hr_ = 0, market_ = 0;
};

using V = std::vector<std::string>;

TEST_P(SearchIndexTest, FindsEveryDocumentThatContainsTheQuery) {
  AddFixture();
  struct Case {
    const char* query;
    V refs;  // in result order: kinds in SearchKinds() order, then title matches, then newest
  } cases[] = {
      {"执照", {"annual-check", "licence"}},            // 2 characters; both titles, newest first
      {"營業執照", {"annual-check", "licence"}},        // Traditional query
      {"营业执照", {"annual-check", "licence"}},        // Simplified query, Traditional title
      {"住房公积金", {"fund"}},                         // across a line break in the body
      {"户口迁移", {"hukou"}},                          // synonym: the title says 户籍
      {"营业执照怎么办", {"annual-check", "licence"}},  // stop-phrase tail stripped
      {"居民身份证", {"licence"}},                      // body
      {"专项附加扣除", {"tax"}},                        // attachment text
      {"税", {"tax"}},                                  // one character: a scan, still exact
      {"ａｂｃ", {"tax"}},                              // full-width letters
      {"yyzz", {"annual-check", "licence"}},            // initials
      {"yingyezhizhao", {"annual-check", "licence"}},   // full pinyin
      {"通知申请", {}},  // end of the title + start of the body: fields never run together
      {"不存在的条目", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(Refs(c.query), c.refs) << "query: " << c.query;
}

TEST_P(SearchIndexTest, ExactCodesComeFirstInEveryBracket) {
  AddFixture();
  Add({.agency_id = market_,
       .kind = SearchKind::kPublication,
       .ref = "mentions",
       .title = "转发市监发〔2024〕12号文件的通知",
       .date = "2025-01-01"});
  for (const char* q : {"市监发〔2024〕12号", "市监发[2024]12号", "市监发（２０２４）１２号",
                        "市监发【2024】12号"}) {
    auto r = index_->Search(q);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->groups.size(), 1u) << q;
    ASSERT_EQ(r->groups[0].hits.size(), 2u) << q;
    EXPECT_EQ(r->groups[0].hits[0].ref, "licence") << q;
    EXPECT_TRUE(r->groups[0].hits[0].exact_code) << q;
    EXPECT_EQ(r->groups[0].hits[1].ref, "mentions") << q;  // newer, but only mentions it
    EXPECT_FALSE(r->groups[0].hits[1].exact_code) << q;
    EXPECT_EQ(r->total, 2) << q;
  }
  auto by_index = index_->Search("11100000000013338w/2024-00001");
  ASSERT_TRUE(by_index.ok()) << by_index.status().message();
  ASSERT_FALSE(by_index->groups.empty());
  EXPECT_EQ(by_index->groups[0].hits[0].ref, "licence");
  EXPECT_TRUE(by_index->groups[0].hits[0].exact_code);
}

TEST_P(SearchIndexTest, GroupsByKindWithAgencyTotalsAndHighlights) {
  AddFixture();
  auto r = index_->Search("指南");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->groups.size(), 1u);
  EXPECT_EQ(r->groups[0].kind, SearchKind::kService);
  EXPECT_EQ(r->groups[0].total, 2);
  EXPECT_EQ(r->groups[0].hits[0].agency_name, "市人力资源和社会保障局");

  auto licence = index_->Search("营业执照", {.kinds = {SearchKind::kPublication}, .limit = 1});
  ASSERT_TRUE(licence.ok()) << licence.status().message();
  ASSERT_EQ(licence->groups.size(), 1u);
  EXPECT_EQ(licence->groups[0].total, 2);         // every match counted
  ASSERT_EQ(licence->groups[0].hits.size(), 1u);  // one shown
  auto page2 = index_->Search("营业执照", {.limit = 1, .offset = 1});
  ASSERT_TRUE(page2.ok());
  const SearchHit& hit = page2->groups[0].hits[0];
  EXPECT_EQ(hit.ref, "licence");
  EXPECT_EQ(hit.date, "2024-03-01");
  EXPECT_EQ(hit.url, "/p/licence");
  ASSERT_EQ(hit.title_segments.size(), 3u);
  EXPECT_EQ(hit.title_segments[1].text, "營業執照");
  EXPECT_TRUE(hit.title_segments[1].marked);

  auto fund = index_->Search("公积金");
  ASSERT_TRUE(fund.ok());
  ASSERT_EQ(fund->groups.size(), 1u);
  std::string snippet;
  for (const auto& s : fund->groups[0].hits[0].snippet)
    snippet += s.marked ? "[" + s.text + "]" : s.text;
  EXPECT_EQ(snippet, "可在异地提取[住房 公积金]。");

  EXPECT_EQ(Refs("营业执照", {.agency_id = hr_}), V{});
  EXPECT_EQ(Refs("指南", {.kinds = {SearchKind::kPolicy}}), V{});
  EXPECT_FALSE(index_->Search("营业", {.limit = 0}).ok());
  EXPECT_FALSE(index_->Search("营业", {.offset = -1}).ok());
}

TEST_P(SearchIndexTest, UpsertReplacesAndRemoveDeletes) {
  AddFixture();
  Add({.agency_id = market_,
       .kind = SearchKind::kPublication,
       .ref = "licence",
       .title = "关于换发许可证的通知",
       .codes = {"市监发〔2024〕13号"}});
  EXPECT_EQ(Refs("营业执照"), V{"annual-check"});
  EXPECT_EQ(Refs("市监发〔2024〕12号"), V{});
  EXPECT_EQ(Refs("市监发〔2024〕13号"), V{"licence"});
  EXPECT_EQ(Refs("许可证"), V{"licence"});
  ASSERT_TRUE(index_->Remove(market_, SearchKind::kPublication, "licence").ok());
  EXPECT_EQ(Refs("许可证"), V{});
  EXPECT_TRUE(index_->Remove(market_, SearchKind::kPublication, "licence").ok());
  EXPECT_EQ(*index_->Count(), 4);
  EXPECT_EQ(*index_->Rebuild(), 4);
  EXPECT_EQ(Refs("营业执照"), V{"annual-check"});

  Status bad = index_->Upsert({.agency_id = market_, .ref = "x", .title = ""});
  EXPECT_EQ(bad.code(), Status::Code::kInvalidInput);
  Status no_agency = index_->Upsert({.agency_id = 999, .ref = "x", .title = "标题"});
  EXPECT_FALSE(no_agency.ok());
}

TEST_P(SearchIndexTest, ZeroResultQueriesAreLoggedWithoutPersonalNumbers) {
  AddFixture();
  ASSERT_TRUE(index_->Search("残疾人证，补办").ok());
  ASSERT_TRUE(index_->Search("残疾人证补办").ok());
  ASSERT_TRUE(index_->Search("13812345678").ok());
  ASSERT_TRUE(index_->Search("营业执照").ok());  // found: not logged
  ASSERT_TRUE(index_->Search("无此事", {.log_miss = false}).ok());
  auto misses = index_->Misses();
  ASSERT_TRUE(misses.ok()) << misses.status().message();
  ASSERT_EQ(misses->size(), 2u);
  EXPECT_EQ((*misses)[0].query, "残疾人证补办");
  EXPECT_EQ((*misses)[0].count, 2);
  EXPECT_EQ((*misses)[1].query, "###########");
  EXPECT_EQ((*misses)[1].count, 1);
}

TEST_P(SearchIndexTest, ReindexReplacesASourcesKindsAndRebuildsTheRest) {
  AddFixture();
  SearchSource publications{
      "测试来源",
      {SearchKind::kPublication},
      [&](Database&, const std::function<Status(const SearchDocument&)>& emit) {
        return emit({.agency_id = market_,
                     .kind = SearchKind::kPublication,
                     .ref = "new",
                     .title = "新发布的通知"});
      }};
  auto report = Reindex(db(), vocabulary_, std::span(&publications, 1));
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->per_source.size(), 1u);
  EXPECT_EQ(report->per_source[0].second, 1);
  EXPECT_EQ(report->rebuilt, 4);     // the new one and the three of other kinds
  EXPECT_EQ(Refs("营业执照"), V{});  // the source no longer lists them
  EXPECT_EQ(Refs("新发布"), V{"new"});
  EXPECT_EQ(Refs("指南"), (V{"hukou", "fund"}));
}

// The contract, property-style: over a generated corpus whose texts are drawn from a small
// alphabet (so bigrams collide everywhere) and written in mixed forms (Traditional characters,
// full-width digits, line breaks and punctuation inside words), every query's hits are exactly
// the documents a brute-force substring scan of the folded fields finds.
TEST_P(SearchIndexTest, NeverMissesAgainstABruteForceScan) {
  const std::vector<std::string> alphabet = {"营", "業", "执", "照", "办", "理", "社", "保",
                                             "證", "明", "户", "籍", "公", "积", "金", "国"};
  const std::vector<std::string> noise = {"\n", "，", " ", "（", "１", "2", "、", "a"};
  std::mt19937 rng(20241202);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  auto text = [&](int min, int max) {
    std::string out;
    int n = min + static_cast<int>(rng() % static_cast<unsigned>(max - min + 1));
    for (int i = 0; i < n; ++i) out += rng() % 6 == 0 ? pick(noise) : pick(alphabet);
    return out;
  };
  const int kDocs = GetParam() == "sqlite" ? 2000 : 1000;
  std::vector<SearchDocument> docs;
  std::vector<std::string> folded;
  {
    PinyinOverrides no_overrides;
    Status s = RunInTransaction(db(), "测试", [&](soci::session& sql) {
      for (int i = 0; i < kDocs; ++i) {
        SearchDocument d{.agency_id = i % 2 ? hr_ : market_,
                         .kind = SearchKinds()[i % 3].value,
                         .ref = "r" + std::to_string(i),
                         .title = text(3, 12),
                         .summary = text(0, 10),
                         .body = text(0, 40),
                         .attachment_text = rng() % 4 == 0 ? text(10, 60) : ""};
        folded.push_back(NormalizeForSearch(d.title) + "\n" + NormalizeForSearch(d.summary) + "\n" +
                         NormalizeForSearch(d.body) + "\n" + NormalizeForSearch(d.attachment_text));
        Status up = UpsertSearchDocument(db(), sql, no_overrides, d);  // the caller's transaction
        if (!up.ok()) return up;
        docs.push_back(std::move(d));
      }
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
  SearchVocabulary none;
  SearchIndex plain(db(), none);
  int queries = 0, nonempty = 0;
  for (int round = 0; round < 120; ++round) {
    std::string q;
    if (round % 2 == 0) {  // a substring of a document, so the answer is never empty
      std::u32string all = ToUtf32(folded[rng() % folded.size()]);
      std::size_t len = 2 + rng() % 4;
      std::size_t line = all.find(U'\n');
      if (line == std::u32string::npos || line < len) continue;
      std::size_t start = rng() % (line - len + 1);
      q = ToUtf8(all.substr(start, len));
    } else {
      q = text(2, 4);
    }
    std::string nq = NormalizeForSearch(q);
    std::u32string chars = ToUtf32(nq);
    // The contract is for Chinese queries; ASCII ones match words by prefix.
    if (std::none_of(chars.begin(), chars.end(), IsHan)) continue;
    std::set<std::string> expected;
    for (int i = 0; i < kDocs; ++i) {
      if (!nq.empty() && folded[i].find(nq) != std::string::npos) expected.insert(docs[i].ref);
    }
    std::set<std::string> found;
    int64_t total = 0;
    for (int offset = 0;; offset += 200) {
      auto r = plain.Search(q, {.limit = 200, .offset = offset, .log_miss = false});
      ASSERT_TRUE(r.ok()) << r.status().message();
      total = r->total;
      std::size_t page = 0;
      for (const auto& g : r->groups) {
        for (const auto& h : g.hits) {
          found.insert(h.ref);
          ++page;
        }
      }
      if (page == 0) break;
    }
    ++queries;
    if (!expected.empty()) ++nonempty;
    EXPECT_EQ(found, expected) << "query: " << q << " (folded " << nq << ")";
    EXPECT_EQ(total, static_cast<int64_t>(expected.size())) << "query: " << q;
  }
  EXPECT_GT(queries, 90);
  EXPECT_GT(nonempty, 50);
}

TEST(SearchMigrationTest, DialectOnlyStatementsRunOnTheirDatabaseAlone) {
  EXPECT_EQ(ForDialect("{{sqlite}}CREATE VIRTUAL TABLE t", Dialect::kSqlite),
            "CREATE VIRTUAL TABLE t");
  EXPECT_EQ(ForDialect("{{sqlite}}CREATE VIRTUAL TABLE t", Dialect::kPostgres), "");
  EXPECT_EQ(ForDialect("{{postgres}}CREATE INDEX i", Dialect::kSqlite), "");
  EXPECT_EQ(ForDialect("{{postgres}}CREATE INDEX i", Dialect::kPostgres), "CREATE INDEX i");
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchIndexTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
