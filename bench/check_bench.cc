// Throughput of `gongkai check`'s work (text extraction, parsing, every rule) on a generated
// corpus of 10,000 reports, next to merely reading the same files (like `cat`) as the floor.
// The corpus is made from the text fixtures: each copy keeps its fixture's layout (tabs, pipes,
// PDF layout, concatenated digits) and gets its own digits and report year (fixed seed), so the
// parser meets all its paths. Plain main: prints MB/s and reports/s for both and their ratio,
// by wall clock and by the process's CPU time (std::clock): on a shared machine the wall clock
// measures the neighbours too, the CPU time only this process.
// Usage: check_bench [N] (default 10000); single-threaded, to measure per-core cost.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/extract.h"
#include "report/parse.h"
#include "report/rules.h"

namespace {

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A copy of `text` with each ASCII digit replaced, with probability 1/4, by a random digit.
std::string Vary(const std::string& text, std::mt19937& rng) {
  std::string out = text;
  std::uniform_int_distribution<int> coin(0, 3), digit(0, 9);
  for (char& c : out) {
    if (c >= '0' && c <= '9' && coin(rng) == 0) c = static_cast<char>('0' + digit(rng));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10000;
  const std::filesystem::path fixtures =
      std::filesystem::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/reports";
  std::vector<std::string> seeds;
  for (const auto& e : std::filesystem::directory_iterator(fixtures)) {
    if (e.path().extension() == ".txt") seeds.push_back(Read(e.path()));
  }
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "gongkai_check_bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::mt19937 rng(20240101);
  std::vector<std::filesystem::path> files;
  std::uintmax_t bytes = 0;
  for (int i = 0; i < n; ++i) {
    const auto path = dir / ("report_" + std::to_string(i) + ".txt");
    const std::string text = Vary(seeds[i % seeds.size()], rng);
    std::ofstream(path, std::ios::binary) << text;
    bytes += text.size();
    files.push_back(path);
  }
  using Clock = std::chrono::steady_clock;
  const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  const auto cpu_seconds = [](std::clock_t from) {
    return static_cast<double>(std::clock() - from) / CLOCKS_PER_SEC;
  };

  const auto t0 = Clock::now();
  const std::clock_t c0 = std::clock();
  std::size_t sink = 0;
  for (const auto& f : files) sink += Read(f).size();
  const double read_s = seconds(Clock::now() - t0);
  const double read_cpu = cpu_seconds(c0);

  const gongkai::CheckSettings settings;
  std::size_t findings = 0, errors = 0;
  const auto t1 = Clock::now();
  const std::clock_t c1 = std::clock();
  for (const auto& f : files) {
    const std::string raw = Read(f);
    auto text = gongkai::ExtractText(raw, f.string());
    if (!text.ok()) continue;
    const auto parsed = gongkai::ParseReportText(*text, f.string());
    const auto checked = gongkai::CheckReport(parsed.report, settings);
    findings += parsed.findings.size() + checked.size();
    errors += gongkai::HasErrors(checked) ? 1 : 0;
  }
  const double check_s = seconds(Clock::now() - t1);
  const double check_cpu = cpu_seconds(c1);

  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %d reports, %.1f MB (%zu bytes read)\n", n, mb, sink);
  std::printf("                     wall clock                 CPU time\n");
  std::printf("read (cat floor):   %8.1f MB/s %8.0f rep/s   %8.1f MB/s %8.0f rep/s\n", mb / read_s,
              n / read_s, mb / read_cpu, n / read_cpu);
  std::printf("parse+check:        %8.1f MB/s %8.0f rep/s   %8.1f MB/s %8.0f rep/s\n", mb / check_s,
              n / check_s, mb / check_cpu, n / check_cpu);
  std::printf("ratio check/read:   %8.1fx                   %8.1fx\n", check_s / read_s,
              check_cpu / read_cpu);
  std::printf("findings: %zu, reports with errors: %zu\n", findings, errors);
  std::filesystem::remove_all(dir);
  return 0;
}
