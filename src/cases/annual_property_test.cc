// Property tests of the annual fold: for random registers over several years (seeds in a loop),
// every generated report passes every sum rule, next year's carried_over equals this year's
// carried_forward per column, and each case sits in exactly one cell per year — the last
// checked against a second formulation of the counting rule built on ComputeCaseState.

#include <gtest/gtest.h>

#include <map>

#include "cases/annual.h"
#include "cases/case_state.h"
#include "cases/sample.h"
#include "cases/testing.h"
#include "report/layout.h"
#include "report/rules.h"

namespace gongkai {
namespace {

using testing::D;
using testing::NationalCalendar;

constexpr const char* kKindColumns[] = {"natural_person",  "commercial",    "research",
                                        "public_interest", "legal_service", "other_org"};

int64_t N(const Table& t, std::string_view row, std::string_view col) {
  const Cell* c = t.FindCell(row, col);
  EXPECT_NE(c, nullptr) << row << "/" << col;
  return c == nullptr ? -1 : static_cast<int64_t>(c->number);
}

// The sum rules of annual-report.md, written out here rather than trusted to CheckReport alone.
void ExpectSumRules(const Report& r) {
  const Table& b = r.section3;
  for (const auto& col : TableBColumns()) {
    EXPECT_EQ(N(b, "new", col.key) + N(b, "carried_over", col.key),
              N(b, "closed_total", col.key) + N(b, "carried_forward", col.key))
        << "B-BALANCE " << r.year << " " << col.key;
    int64_t closed = 0;
    for (const auto& row : TableBRows(r.format)) {
      if (IsTableBResultRow(row.key)) closed += N(b, row.key, col.key);
    }
    EXPECT_EQ(closed, N(b, "closed_total", col.key)) << "B-CLOSED-SUM " << r.year << " " << col.key;
  }
  for (const auto& row : TableBRows(r.format)) {
    int64_t sum = 0;
    for (const char* col : kKindColumns) sum += N(b, row.key, col);
    EXPECT_EQ(sum, N(b, row.key, "total")) << "B-ROW-SUM " << r.year << " " << row.key;
  }
  for (const auto& block : TableCBlocks()) {
    const Table& c = r.section4;
    EXPECT_EQ(N(c, block.key, "upheld") + N(c, block.key, "corrected") + N(c, block.key, "other") +
                  N(c, block.key, "pending"),
              N(c, block.key, "total"))
        << "C-BLOCK-SUM " << r.year << " " << block.key;
  }
}

// Where each case should sit in year `year`, from ComputeCaseState as of 31 December: counted
// per (row, column) on both sides of B-BALANCE.
std::map<std::pair<std::string, std::string>, int64_t> ExpectedCells(
    const std::vector<std::vector<Event>>& cases, int year, ReportFormat format) {
  std::map<std::pair<std::string, std::string>, int64_t> cells;
  const Date jan1{std::chrono::year(year), std::chrono::January, std::chrono::day(1)};
  const Date dec31{std::chrono::year(year), std::chrono::December, std::chrono::day(31)};
  for (const auto& events : cases) {
    if (events.front().date > dec31) continue;
    CaseState s = ComputeCaseState(events, NationalCalendar(), CaseSettings{}, dec31);
    EXPECT_FALSE(s.illegal_event.has_value()) << s.error.message();
    if (s.closed && *s.closed < jan1) continue;
    std::string col(Key(*s.applicant_kind));
    std::string left = *s.receipt >= jan1 ? "new" : "carried_over";
    std::string right = "carried_forward";
    if (s.closed) {
      right = std::string(Key(*s.outcome));
      if (format == ReportFormat::k2019Trial && right.starts_with("other.")) right = "other";
    }
    for (const std::string& row : {left, right}) {
      ++cells[{row, col}];
      ++cells[{row, "total"}];
    }
    if (s.closed) {
      ++cells[{"closed_total", col}];
      ++cells[{"closed_total", "total"}];
    }
  }
  return cells;
}

TEST(AnnualPropertyTest, RandomRegistersBalanceAndChainAcrossYears) {
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    SampleOptions options;
    options.seed = seed;
    options.count = 2500;
    options.first_receipt = D("2019-01-01");
    options.last_receipt = D("2025-12-31");
    options.as_of = D("2026-06-30");
    const auto cases = GenerateSampleCases(NationalCalendar(), options);
    CaseSettings settings;
    settings.count_remedies_decided_in_year_filed_earlier = seed % 2 == 0;

    std::optional<Report> previous;
    for (int year = 2019; year <= 2025; ++year) {
      SCOPED_TRACE(::testing::Message() << "seed " << seed << " year " << year);
      AnnualInput input;
      input.agency = "示例市示例局";
      input.year = year;
      auto built = BuildAnnualReport(cases, input, NationalCalendar(), settings);
      ASSERT_TRUE(built.ok()) << built.status().message();
      const Report& report = built->report;
      EXPECT_EQ(report.format, RequiredFormat(year));

      ExpectSumRules(report);
      for (const Finding& f : CheckReport(report, CheckSettings{})) {
        EXPECT_NE(f.severity, Finding::Severity::kError) << f.rule << ": " << f.message_zh;
      }

      // Each case in exactly one cell on each side, per a second formulation of the rule.
      auto expected = ExpectedCells(cases, year, report.format);
      for (const auto& row : report.section3.rows) {
        for (const auto& [col, cell] : row.cells) {
          auto it = expected.find({row.key, col});
          int64_t want = it == expected.end() ? 0 : it->second;
          EXPECT_EQ(static_cast<int64_t>(cell.number), want) << row.key << "/" << col;
        }
      }

      if (previous) {
        for (const auto& col : TableBColumns()) {
          EXPECT_EQ(N(report.section3, "carried_over", col.key),
                    N(previous->section3, "carried_forward", col.key))
              << "CROSS-YEAR " << col.key;
        }
        for (const Finding& f : CheckAcrossYears(*previous, report, CheckSettings{})) {
          EXPECT_NE(f.severity, Finding::Severity::kError) << f.rule << ": " << f.message_zh;
        }
      }
      // The narrative facts agree with the table they summarize.
      const NarrativeFacts& facts = built->facts;
      EXPECT_EQ(facts.received, N(report.section3, "new", "total"));
      EXPECT_EQ(
          facts.answered_on_time + facts.answered_late + static_cast<int>(built->warnings.size()),
          facts.answered);
      int by_channel = 0;
      for (int n : facts.by_channel) by_channel += n;
      EXPECT_EQ(by_channel, facts.received);
      previous = report;
    }
  }
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Streaming the generator into an AnnualFold gives the report of the held register.
TEST(AnnualPropertyTest, StreamingFoldEqualsBatch) {
  SampleOptions options;
  options.seed = 42;
  options.count = 3000;
  AnnualInput input;
  input.agency = "示例市示例局";
  input.year = 2024;
  AnnualFold fold(input, NationalCalendar(), CaseSettings{});
  GenerateSampleCases(NationalCalendar(), options,
                      [&](std::vector<Event>&& events) { fold.Add(events); });
  auto streamed = fold.Finish();
  auto batch = BuildAnnualReport(GenerateSampleCases(NationalCalendar(), options), input,
                                 NationalCalendar(), CaseSettings{});
  ASSERT_TRUE(streamed.ok() && batch.ok());
  for (Table Report::*tables : {&Report::section2, &Report::section3, &Report::section4}) {
    const Table& a = streamed->report.*tables;
    const Table& b = batch->report.*tables;
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
      for (const auto& [col, cell] : a.rows[i].cells) {
        EXPECT_EQ(cell.raw, b.rows[i].Find(col)->raw) << a.rows[i].key << "/" << col;
      }
    }
  }
  EXPECT_EQ(streamed->facts.answered_late, batch->facts.answered_late);
  EXPECT_GT(streamed->facts.received, 0);
}

}  // namespace
}  // namespace gongkai
