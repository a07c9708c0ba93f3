// Working-day queries of Calendar (per-day table, prefix sums, working-day index) against the
// baseline an implementation without them would use: walking day by day with IsWorkingDay.
// Dates are random in 2019–2026 (fixed seed), n in 1..60 working days, so both sides answer the
// same questions. scripts/bench.sh prints the Naive/Indexed ratio.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "calendar/calendar.h"
#include "files/calendar_files.h"

namespace gongkai {
namespace {

const Calendar& Cal() {
  static const Calendar* cal = [] {
    Result<Calendar> c = LoadCalendar(DefaultDataDir());
    if (!c.ok()) {
      fprintf(stderr, "%s\n", c.status().message().c_str());
      std::abort();
    }
    return new Calendar(std::move(c).value());
  }();
  return *cal;
}

struct Query {
  Date start;
  Date end;
  int n;
};

// Starts from 2019-01-01 to 2026-08-31, so 60 working days or 120 calendar days later still
// fall inside 2026 (the naive loops cannot meet an uncovered year).
const std::vector<Query>& Queries() {
  static const std::vector<Query> qs = [] {
    std::mt19937 rng(42);
    int lo = DayNumber(*ParseDate("2019-01-01"));
    int hi = DayNumber(*ParseDate("2026-08-31"));
    std::uniform_int_distribution<int> day(lo, hi);
    std::uniform_int_distribution<int> n(1, 60);
    std::vector<Query> out;
    for (int i = 0; i < 4096; ++i) {
      int a = day(rng);
      out.push_back({FromDayNumber(a), FromDayNumber(a + n(rng) * 2), n(rng)});
    }
    return out;
  }();
  return qs;
}

Date NaiveAdd(const Calendar& cal, Date start, int n) {
  int d = DayNumber(start);
  while (n > 0) {
    ++d;
    if (*cal.IsWorkingDay(FromDayNumber(d))) --n;
  }
  return FromDayNumber(d);
}

int NaiveCount(const Calendar& cal, Date from, Date to) {
  int count = 0;
  for (int d = DayNumber(from) + 1; d <= DayNumber(to); ++d) {
    count += *cal.IsWorkingDay(FromDayNumber(d));
  }
  return count;
}

void BM_AddWorkingDays_Indexed(benchmark::State& state) {
  const Calendar& cal = Cal();
  const auto& qs = Queries();
  size_t i = 0;
  for (auto _ : state) {
    const Query& q = qs[i++ & (qs.size() - 1)];
    benchmark::DoNotOptimize(cal.AddWorkingDays(q.start, q.n));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_AddWorkingDays_Naive(benchmark::State& state) {
  const Calendar& cal = Cal();
  const auto& qs = Queries();
  size_t i = 0;
  for (auto _ : state) {
    const Query& q = qs[i++ & (qs.size() - 1)];
    benchmark::DoNotOptimize(NaiveAdd(cal, q.start, q.n));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CountWorkingDays_Indexed(benchmark::State& state) {
  const Calendar& cal = Cal();
  const auto& qs = Queries();
  size_t i = 0;
  for (auto _ : state) {
    const Query& q = qs[i++ & (qs.size() - 1)];
    benchmark::DoNotOptimize(cal.CountWorkingDays(q.start, q.end));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CountWorkingDays_Naive(benchmark::State& state) {
  const Calendar& cal = Cal();
  const auto& qs = Queries();
  size_t i = 0;
  for (auto _ : state) {
    const Query& q = qs[i++ & (qs.size() - 1)];
    benchmark::DoNotOptimize(NaiveCount(cal, q.start, q.end));
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_AddWorkingDays_Indexed);
BENCHMARK(BM_AddWorkingDays_Naive);
BENCHMARK(BM_CountWorkingDays_Indexed);
BENCHMARK(BM_CountWorkingDays_Naive);

}  // namespace
}  // namespace gongkai

BENCHMARK_MAIN();
