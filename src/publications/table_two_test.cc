#include "publications/table_two.h"

#include <gtest/gtest.h>

#include "publications/testing.h"

namespace gongkai {
namespace {

using testing_publications::D;

Publication Doc(PublicationKind kind, const char* created, const char* published, Validity status,
                const char* status_date) {
  Publication p;
  p.kind = kind;
  p.created = D(created);
  if (published) p.published = D(published);
  p.status = status;
  if (status_date) p.status_date = D(status_date);
  return p;
}

constexpr auto kReg = PublicationKind::kRegulation;
constexpr auto kNorm = PublicationKind::kNormativeDocument;
constexpr auto kIn = Validity::kInForce;

// Seven items; the counts below are worked out by hand from spec §6 and table_two.h.
std::vector<Publication> Register() {
  return {
      Doc(kReg, "2023-05-01", "2023-05-10", kIn, nullptr),                        // 1
      Doc(kReg, "2024-03-01", "2024-03-05", Validity::kRepealed, "2024-11-30"),   // 2
      Doc(kNorm, "2022-01-10", "2022-01-12", Validity::kExpired, "2024-06-30"),   // 3
      Doc(kNorm, "2024-12-31", "2025-01-03", kIn, nullptr),                       // 4
      Doc(kNorm, "2024-06-01", nullptr, kIn, nullptr),                            // 5
      Doc(PublicationKind::kOther, "2024-01-01", "2024-01-02", kIn, nullptr),     // 6: not counted
      Doc(kNorm, "2021-01-01", "2021-01-05", Validity::kRepealed, "2023-12-31"),  // 7
  };
}

TEST(TableTwoTest, Year2024ByHand) {
  TableTwoCounts c = CountTableTwo(Register(), 2024);
  // 规章: issued #2; abolished #2 (11-30); in force on 12-31: #1 only; published in 2024: #2;
  // published by 12-31 and in force: #1.
  EXPECT_EQ(c.regulations, (DocumentCounts{1, 1, 1, 1, 1, 1}));
  // 规范性文件: issued #4 (12-31 counts) and #5; abolished #3 (expired 6-30); in force #4, #5;
  // published in 2024: none (#4 in 2025); in force and published by 12-31: none.
  EXPECT_EQ(c.normative_documents, (DocumentCounts{2, 1, 2, 2, 0, 0}));
}

TEST(TableTwoTest, Year2023ByHand) {
  TableTwoCounts c = CountTableTwo(Register(), 2023);
  EXPECT_EQ(c.regulations, (DocumentCounts{1, 0, 1, 1, 1, 1}));
  // #7 repealed on 12-31 is abolished in 2023 and no longer in force; #3 is still in force.
  EXPECT_EQ(c.normative_documents, (DocumentCounts{0, 1, 1, 0, 0, 1}));
}

TEST(TableTwoTest, EmptyRegisterCountsZero) {
  EXPECT_EQ(CountTableTwo({}, 2024), TableTwoCounts{});
}

}  // namespace
}  // namespace gongkai
