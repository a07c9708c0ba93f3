#include "law/fees.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

// Expected amounts computed by hand from 国办函〔2020〕109号 (law.md §5); 1 元 = 100 fen.
struct ApplicationCase {
  int ordinal;
  int count;
  int64_t fen;
};

TEST(PerApplicationFeeTest, BandsByHand) {
  const ApplicationCase cases[] = {
      {1, 1, 0},        // 1–10 free
      {10, 1, 0},       //
      {11, 1, 10000},   // 11–30: 100 元
      {30, 1, 10000},   //
      {31, 1, 20000},   // 31–40: 200 元
      {35, 1, 20000},   // the brief's example: 35th in a month → 200 元
      {40, 1, 20000},   //
      {41, 1, 30000},   // 41–50: 300 元
      {51, 1, 40000},   // 51–60: 400 元
      {61, 1, 50000},   // 61–70: 500 元
      {9, 3, 10000},    // 9, 10 free; 11 → 100 元
      {1, 35, 300000},  // 10×0 + 20×100 + 5×200 = 3000 元
      {28, 5, 70000},   // 28, 29, 30 → 300 元; 31, 32 → 400 元
      {5, 0, 0},        // nothing asked
  };
  for (const auto& c : cases) {
    auto q = PerApplicationFee(c.ordinal, c.count);
    ASSERT_TRUE(q.ok()) << c.ordinal << "+" << c.count << ": " << q.status().message();
    EXPECT_EQ(q->amount_fen, c.fen) << "ordinal " << c.ordinal << " count " << c.count;
    EXPECT_EQ(q->method, FeeMethod::kPerApplication);
  }
}

TEST(PerApplicationFeeTest, ExplanationListsEachBand) {
  auto q = PerApplicationFee(1, 35);
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->bands.size(), 3u);
  EXPECT_EQ(q->bands[0].units, 10);
  EXPECT_EQ(q->bands[0].subtotal_fen, 0);
  EXPECT_EQ(q->bands[1].first, 11);
  EXPECT_EQ(q->bands[1].last, 30);
  EXPECT_EQ(q->bands[1].subtotal_fen, 200000);
  EXPECT_EQ(q->bands[2].first, 31);
  EXPECT_EQ(q->bands[2].last, 35);
  EXPECT_EQ(q->bands[2].fen_per_unit, 20000);
  // basis, three bands, the sum
  ASSERT_EQ(q->explanation.size(), 5u);
  EXPECT_EQ(q->explanation[2], "第 11—30 件：20 件 × 100 元/件 = 2000 元");
  EXPECT_EQ(q->explanation[4], "合计：3000 元");
}

TEST(PerPageFeeTest, MarginalBandsByHand) {
  const std::pair<int, int64_t> cases[] = {
      {0, 0},        {30, 0}, {31, 1000},  // 1 page × 10 元
      {100, 70000},                        // 70 × 10 = 700 元
      {101, 72000},                        // 700 + 1 × 20 = 720 元
      {200, 270000},                       // 700 + 100 × 20 = 2700 元
      {201, 274000},                       // 2700 + 40 = 2740 元
      {250, 470000},                       // 0 + 700 + 2000 + 50 × 40 = 4700 元
  };
  for (const auto& [pages, fen] : cases) {
    auto q = PerPageFee(pages);
    ASSERT_TRUE(q.ok()) << pages;
    EXPECT_EQ(q->amount_fen, fen) << pages << " pages";
    EXPECT_EQ(q->method, FeeMethod::kPerPage);
  }
}

TEST(PerPageFeeTest, ExplanationOf250Pages) {
  auto q = PerPageFee(250);
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->bands.size(), 4u);
  EXPECT_EQ(q->explanation[1], "第 1—30 页：30 页，免费");
  EXPECT_EQ(q->explanation[2], "第 31—100 页：70 页 × 10 元/页 = 700 元");
  EXPECT_EQ(q->explanation[3], "第 101—200 页：100 页 × 20 元/页 = 2000 元");
  EXPECT_EQ(q->explanation[4], "第 201—250 页：50 页 × 40 元/页 = 2000 元");
  EXPECT_EQ(q->explanation[5], "合计：4700 元");
}

TEST(FeesTest, InvalidInputsSaySo) {
  const std::pair<int, int> bad_applications[] = {{0, 1}, {-3, 1}, {1, -1}, {99999, 5}};
  for (const auto& [ordinal, count] : bad_applications) {
    auto q = PerApplicationFee(ordinal, count);
    ASSERT_FALSE(q.ok()) << ordinal << "+" << count;
    EXPECT_EQ(q.status().code(), Status::Code::kInvalidInput);
  }
  auto q = PerPageFee(-1);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("页数 -1 无效"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
