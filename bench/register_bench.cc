// The register at scale: N cases (default 1,000,000) over five report years (2020–2024) from
// GenerateSampleCases, imported into a fresh SQLite file in one transaction, then the 2023
// annual report folded from it. Prints the import time, the report build time and the peak
// memory of each (the report is built in a fresh process so its peak is its own), next to the
// floor: the raw aggregate query over the same cases, run by the `sqlite3` shell on the same
// file, and the ratio.
//
//   register_bench [N] [FILE]          (FILE default /tmp/gongkai-register-bench.db, replaced)
//   register_bench --report FILE YEAR  (internal: the report phase in its own process)

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "cases/events_jsonl.h"
#include "cases/sample.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"
#include "store/report_store.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kReportYear = 2023;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

double PeakMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

int Fail(const gongkai::Status& s) {
  std::cerr << "register_bench: " << s.message() << "\n";
  return 1;
}

// The report phase: prints "seconds peak_mib new_total" on stdout.
int BuildReport(const std::string& path, int year) {
  auto db = gongkai::Database::OpenForUse(path);
  if (!db.ok()) return Fail(db.status());
  gongkai::Calendars calendars;
  auto agency = gongkai::ResolveAgency(*db, std::nullopt);
  if (!agency.ok()) return Fail(agency.status());
  auto start = Clock::now();
  auto report = gongkai::BuildRegisterReport(*db, calendars, *agency, year);
  if (!report.ok()) return Fail(report.status());
  double seconds = Seconds(start);
  const gongkai::Cell* total = report->report.section3.FindCell("new", "total");
  std::printf("%.3f %.1f %.0f\n", seconds, PeakMiB(), total ? total->number : -1.0);
  return 0;
}

// Runs the sqlite3 shell on `path` with `sql`; returns the wall time, or a negative number.
double TimeSqliteShell(const std::string& path, const std::string& sql) {
  std::string command = "sqlite3 '" + path + "' \"" + sql + "\" > /dev/null";
  auto start = Clock::now();
  int rc = std::system(command.c_str());
  return rc == 0 ? Seconds(start) : -1.0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--report")
    return BuildReport(argv[2], std::atoi(argv[3]));
  int n = argc > 1 ? std::atoi(argv[1]) : 1000000;
  std::string path = argc > 2 ? argv[2] : "/tmp/gongkai-register-bench.db";
  if (n <= 0) {
    std::cerr << "usage: register_bench [N] [FILE]\n";
    return 2;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);

  gongkai::Calendars calendars;
  auto calendar = calendars.ForRegion("");
  if (!calendar.ok()) return Fail(calendar.status());
  gongkai::SampleOptions options;
  options.count = n;
  options.first_receipt = {std::chrono::year(2020), std::chrono::January, std::chrono::day(1)};
  options.last_receipt = {std::chrono::year(2024), std::chrono::December, std::chrono::day(31)};
  options.as_of = {std::chrono::year(2025), std::chrono::June, std::chrono::day(30)};
  auto start = Clock::now();
  std::string jsonl;
  size_t events = 0, cases = 0;
  gongkai::GenerateSampleCases(**calendar, options, [&](std::vector<gongkai::Event>&& history) {
    ++cases;
    events += history.size();
    for (const gongkai::Event& e : history) {
      jsonl += gongkai::EventToJsonLine(e);
      jsonl += '\n';
    }
  });
  std::printf("generated %zu cases, %zu events, %.1f MiB of JSONL in %.1f s\n", cases, events,
              static_cast<double>(jsonl.size()) / (1024.0 * 1024.0), Seconds(start));

  {
    auto db = gongkai::Database::OpenForUse(path);
    if (!db.ok()) return Fail(db.status());
    gongkai::CaseRegister reg(*db, calendars);
    start = Clock::now();
    auto imported = reg.Import(jsonl, {});
    if (!imported.ok()) return Fail(imported.status());
    double seconds = Seconds(start);
    std::printf("import: %d cases, %d events in %.1f s (%.0f events/s), peak memory %.0f MiB\n",
                imported->cases, imported->events, seconds, imported->events / seconds, PeakMiB());
  }
  jsonl.clear();
  jsonl.shrink_to_fit();

  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::string command = "'" + self + "' --report '" + path + "' " + std::to_string(kReportYear);
  FILE* child = popen(command.c_str(), "r");
  double report_seconds = 0, report_peak = 0, new_total = 0;
  if (!child || std::fscanf(child, "%lf %lf %lf", &report_seconds, &report_peak, &new_total) != 3) {
    std::cerr << "register_bench: the report phase failed\n";
    return 1;
  }
  pclose(child);
  std::printf("report %d: built in %.2f s, peak memory %.0f MiB (new applications: %.0f)\n",
              kReportYear, report_seconds, report_peak, new_total);

  // The floor: one aggregate over the cached columns of the cases the report reads.
  std::string floor_sql =
      "SELECT applicant_kind, COALESCE(outcome, 'open'), count(*) FROM cases WHERE agency_id = 1 "
      "AND received_date <= '2023-12-31' AND (closed_date IS NULL OR last_event_date >= "
      "'2023-01-01') GROUP BY 1, 2";
  double floor_seconds = TimeSqliteShell(path, floor_sql);
  if (floor_seconds < 0) {
    std::printf("floor: the sqlite3 shell is not available\n");
  } else {
    std::printf("floor (sqlite3 shell, raw aggregate): %.2f s; report build / floor = %.1fx\n",
                floor_seconds, report_seconds / floor_seconds);
  }
  return 0;
}
