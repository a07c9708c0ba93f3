// Every write of the publications register keeps the search index current in its own
// transaction (store/publication_search_sql.h): create, import, change, withdraw, attachment and
// the records register's documents are found at once, with the Database's pinyin table; a
// refused write leaves the index as it was.

#include "store/publication_search.h"

#include <gtest/gtest.h>

#include <memory>

#include "store/agencies.h"
#include "store/publications.h"
#include "store/records.h"
#include "store/search_index.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

Publication Item(std::string title, std::optional<std::string> published) {
  Publication p;
  p.title = std::move(title);
  p.publisher = "示例县人民政府办公室";
  p.summary = "关于" + p.title;
  p.kind = PublicationKind::kOther;
  p.category = "art20.2";
  p.created = *ParseDate("2024-03-01");
  if (published) p.published = *ParseDate(*published);
  return p;
}

class PublicationSearchTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    Agency a;
    a.name = "示例县人民政府";
    a.kind = AgencyKind::kGovernment;
    agency_ = AddAgency(db(), a).value();
    // 银行 reads yinhang only with the override table (ICU says yinxing).
    auto pinyin = std::make_shared<PinyinOverrides>(*ParsePinyinOverrides("银行\tyin hang\n", "t"));
    db().SetSearchPinyin(pinyin);
    vocabulary_.pinyin = *pinyin;
  }

  // The refs (item ids) found for `query`, in order.
  std::vector<std::string> Found(std::string_view query) {
    SearchOptions options;
    options.log_miss = false;
    auto r = SearchIndex(db(), vocabulary_).Search(query, options);
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& g : r->groups) {
      for (const auto& h : g.hits) out.push_back(h.ref);
    }
    return out;
  }

  SearchVocabulary vocabulary_;
  int64_t agency_ = 0;
};

using V = std::vector<std::string>;

TEST_P(PublicationSearchTest, EveryWriteIsFoundWithoutAReindex) {
  auto created =
      CreatePublication(db(), agency_, Item("农村信用社银行网点公告", "2024-03-05"), "t");
  ASSERT_TRUE(created.ok()) << created.status().message();
  EXPECT_EQ(Found("银行网点"), V{"1"});
  EXPECT_EQ(Found("yinhang"), V{"1"});  // the Database's override table, not ICU's yinxing

  std::vector<Publication> batch{Item("耕地保护实施细则", "2024-04-01"),
                                 Item("耕地保护工作方案（草案）", std::nullopt)};
  auto imported = ImportPublications(db(), agency_, batch, "t");
  ASSERT_TRUE(imported.ok()) << imported.status().message();
  EXPECT_EQ(Found("耕地保护"), V{"2"});  // the unpublished draft is not public

  Publication changed = batch[1];
  changed.title = "耕地保护工作方案";
  changed.summary = "关于耕地保护工作方案";
  changed.published = *ParseDate("2024-04-02");
  ASSERT_TRUE(ChangePublication(db(), agency_, 3, changed, "t").ok());
  EXPECT_EQ(Found("耕地保护"), (V{"3", "2"}));  // newest first
  EXPECT_EQ(Found("草案"), V{});                // the old title is gone

  Attachment file;
  file.meta.name = "细则.pdf";
  file.meta.media_type = "application/pdf";
  file.bytes = "%PDF-1.4";
  file.text = "基本农田划定图";
  ASSERT_TRUE(AddAttachment(db(), agency_, 2, file, "t").ok());
  EXPECT_EQ(Found("农田划定"), V{"2"});

  ASSERT_TRUE(WithdrawPublication(db(), agency_, 2, "内容有误", "t").ok());
  EXPECT_EQ(Found("耕地保护"), V{"3"});
  EXPECT_EQ(Found("农田划定"), V{});

  StoredDocument doc;
  doc.kind = PublicationKind::kNormativeDocument;
  doc.number = "示政规〔2024〕5号";
  doc.title = "示例县物业服务收费管理办法";
  doc.issued = *ParseDate("2024-05-01");
  ASSERT_TRUE(AddDocument(db(), agency_, doc, "t").ok());
  EXPECT_EQ(Found("物业服务"), V{"4"});
  EXPECT_EQ(Found("示政规[2024]5号"), V{"4"});
}

TEST_P(PublicationSearchTest, ARefusedImportLeavesTheIndexAsItWas) {
  Publication first = Item("河道采砂管理公告", "2024-03-05");
  first.index_no = "G1/2024-00001";
  ASSERT_TRUE(CreatePublication(db(), agency_, first, "t").ok());
  Publication reused = Item("河道清淤工程公示", "2024-03-06");
  reused.index_no = "G1/2024-00001";  // numbers are never reused: the whole import is refused
  std::vector<Publication> batch{Item("河道保洁招标公告", "2024-03-06"), reused};
  EXPECT_EQ(ImportPublications(db(), agency_, batch, "t").status().code(), Status::Code::kConflict);
  EXPECT_EQ(Found("河道"), V{"1"});
}

INSTANTIATE_TEST_SUITE_P(Backends, PublicationSearchTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
