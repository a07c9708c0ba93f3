#include "web/report_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace gongkai::web {
namespace {

// A builder that counts its calls and stamps the report with the call number (in `year`).
struct CountingBuilder {
  std::atomic<int> calls{0};

  ReportCache::Builder For(int year) {
    return [this, year]() -> Result<AnnualReport> {
      AnnualReport r;
      r.report.year = year;
      r.facts.received = ++calls;
      return r;
    };
  }
};

const RegisterStamp kStampA{"events=10"};
const RegisterStamp kStampB{"events=11"};

TEST(ReportCacheTest, SameStampIsBuiltOnceNewStampRebuilds) {
  ReportCache cache;
  CountingBuilder b;
  auto first = cache.Get(1, 2024, kStampA, b.For(2024));
  auto again = cache.Get(1, 2024, kStampA, b.For(2024));
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(first->get(), again->get());
  EXPECT_EQ(b.calls, 1);
  auto changed = cache.Get(1, 2024, kStampB, b.For(2024));
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(b.calls, 2);
  EXPECT_EQ((*changed)->facts.received, 2);
  // Another year and another agency are other entries.
  ASSERT_TRUE(cache.Get(1, 2023, kStampB, b.For(2023)).ok());
  ASSERT_TRUE(cache.Get(2, 2024, kStampB, b.For(2024)).ok());
  EXPECT_EQ(b.calls, 4);
  EXPECT_EQ(cache.builds(), 4u);
}

TEST(ReportCacheTest, ErrorsAreReturnedAndNotKept) {
  ReportCache cache;
  int calls = 0;
  auto failing = [&]() -> Result<AnnualReport> {
    ++calls;
    return Status::InvalidInput("机关设置必须是 JSON 对象");
  };
  auto r = cache.Get(1, 2024, kStampA, failing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  EXPECT_FALSE(cache.Get(1, 2024, kStampA, failing).ok());
  EXPECT_EQ(calls, 2);
  auto throwing = []() -> Result<AnnualReport> { throw std::runtime_error("boom"); };
  auto t = cache.Get(1, 2024, kStampA, throwing);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kInternal);
}

TEST(ReportCacheTest, ConcurrentRequestsShareOneBuild) {
  ReportCache cache;
  std::atomic<int> calls{0};
  auto slow = [&]() -> Result<AnnualReport> {
    ++calls;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return AnnualReport{};
  };
  std::vector<std::thread> threads;
  std::vector<const AnnualReport*> seen(8, nullptr);
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      auto r = cache.Get(7, 2024, kStampA, slow);
      if (r.ok()) seen[i] = r->get();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(calls, 1);
  for (const auto* p : seen) EXPECT_EQ(p, seen[0]);
  EXPECT_NE(seen[0], nullptr);
}

TEST(ReportCacheTest, LeastRecentlyUsedGoesFirst) {
  ReportCache cache(2);
  CountingBuilder b;
  ASSERT_TRUE(cache.Get(1, 2024, kStampA, b.For(2024)).ok());
  ASSERT_TRUE(cache.Get(2, 2024, kStampA, b.For(2024)).ok());
  ASSERT_TRUE(cache.Get(1, 2024, kStampA, b.For(2024)).ok());  // agency 1 used last
  ASSERT_TRUE(cache.Get(3, 2024, kStampA, b.For(2024)).ok());  // drops agency 2
  EXPECT_EQ(b.calls, 3);
  ASSERT_TRUE(cache.Get(1, 2024, kStampA, b.For(2024)).ok());
  EXPECT_EQ(b.calls, 3);
  ASSERT_TRUE(cache.Get(2, 2024, kStampA, b.For(2024)).ok());
  EXPECT_EQ(b.calls, 4);
}

}  // namespace
}  // namespace gongkai::web
