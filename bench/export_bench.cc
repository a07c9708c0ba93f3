// Time to export one annual report in each format, and to write the notices of 10,000 cases
// (one reply each, DOCX and PDF). Run: build/bench/export_bench. The report is a register-sized
// 2023 report with every cell filled; notices use the repository's templates.

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "docs/notice.h"
#include "docs/report_export.h"
#include "report/layout.h"

namespace gongkai {
namespace {

Report BenchReport() {
  Report r;
  r.agency = "平顶山市新华区政务服务和大数据管理局";
  r.year = 2023;
  for (const RowSpec& row : TableARows(r.format)) {
    for (const ColumnSpec& c : row.columns) r.section2.Get(row.key).Set(c.key, Cell::Number(7));
  }
  int v = 1;
  for (const RowSpec& row : TableBRows(r.format)) {
    for (const ColumnSpec& c : row.columns)
      r.section3.Get(row.key).Set(c.key, Cell::Number(v++ % 40));
  }
  for (const RowSpec& block : TableCBlocks()) {
    for (const ColumnSpec& c : block.columns) r.section4.Get(block.key).Set(c.key, Cell::Number(1));
  }
  for (int n = 1; n <= 6; ++n) {
    r.sections.push_back(
        {n, "", std::string(40, 'x') + "本年度依法依规做好政府信息公开工作。", {}});
  }
  return r;
}

void BM_ExportReport(benchmark::State& state) {
  const Report report = BenchReport();
  const auto format = static_cast<ExportFormat>(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    Result<std::string> out = ExportReport(report, format);
    if (!out.ok()) state.SkipWithError(out.status().message().c_str());
    bytes = out.ok() ? out->size() : 0;
  }
  state.SetLabel(std::string(ExportFormatExtension(format)) + " " + std::to_string(bytes) + " B");
}
BENCHMARK(BM_ExportReport)
    ->Arg(static_cast<int>(ExportFormat::kHtml))
    ->Arg(static_cast<int>(ExportFormat::kDocx))
    ->Arg(static_cast<int>(ExportFormat::kPdf))
    ->Arg(static_cast<int>(ExportFormat::kXlsx))
    ->Arg(static_cast<int>(ExportFormat::kJson))
    ->Unit(benchmark::kMillisecond);

std::string ReadTemplate(const std::string& file) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/data/templates/notices/" + file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The replies of `cases` cases, cycling through the reply kinds; range(0) = format,
// range(1) = number of cases.
void BM_CaseNotices(benchmark::State& state) {
  const auto format = static_cast<ExportFormat>(state.range(0));
  const int cases = static_cast<int>(state.range(1));
  const NoticeKind kinds[] = {NoticeKind::kGranted,       NoticeKind::kPartial,
                              NoticeKind::kRefused,       NoticeKind::kNotExist,
                              NoticeKind::kNotThisAgency, NoticeKind::kNotProcessed};
  std::vector<NoticeTemplates> templates;
  for (NoticeKind k : kinds) {
    templates.push_back(
        {ReadTemplate(std::string(Info(k).template_file)), ReadTemplate("remedies.mustache")});
  }
  NoticeFields f;
  f.agency_name = "平顶山市新华区政务服务和大数据管理局";
  f.document_number = "新华政务公开〔2024〕第12号";
  f.applicant_name = "张三";
  f.received = Date{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{4}};
  f.request = "2023年本区老旧小区改造项目的资金使用明细";
  f.reasons = "该信息包含第三方商业秘密";
  f.legal_basis = "《中华人民共和国政府信息公开条例》第十五条";
  f.access = "到本机关政务公开办公室领取";
  f.issued = Date{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{20}};
  size_t bytes = 0;
  for (auto _ : state) {
    for (int i = 0; i < cases; ++i) {
      f.case_number = "2024-" + std::to_string(100000 + i);
      const size_t k = static_cast<size_t>(i) % std::size(kinds);
      Result<Document> doc = NoticeDocument(kinds[k], f, templates[k]);
      if (!doc.ok()) {
        state.SkipWithError(doc.status().message().c_str());
        break;
      }
      Result<std::string> out = WriteNotice(*doc, format);
      bytes += out.ok() ? out->size() : 0;
    }
  }
  state.counters["notices/s"] = benchmark::Counter(static_cast<double>(cases) * state.iterations(),
                                                   benchmark::Counter::kIsRate);
  state.SetLabel(std::string(ExportFormatExtension(format)) + " " + std::to_string(cases) +
                 " cases, " +
                 std::to_string(bytes / 1024 / std::max<int64_t>(1, state.iterations())) + " KiB");
}
BENCHMARK(BM_CaseNotices)
    ->Args({static_cast<int>(ExportFormat::kDocx), 10000})
    ->Args({static_cast<int>(ExportFormat::kPdf), 10000})
    ->Iterations(1)
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace gongkai

BENCHMARK_MAIN();
