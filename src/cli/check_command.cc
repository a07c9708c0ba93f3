// `gongkai check FILE|DIR...` reads published annual reports (text, HTML, DOCX, PDF, or report
// JSON named explicitly), parses them (report/parse.h), checks every rule (report/rules.h), and
// checks reports of the same agency for consecutive years against each other (CROSS-YEAR,
// IN-FORCE-TREND, COPY). Directories are searched recursively; files are checked on every core
// (a pool of threads taking the next file); a progress bar goes to stderr only when stderr is a
// terminal. Output: a readable report per file, or --json, --csv, --summary; --export writes
// the (single) report read as HTML/DOCX/PDF/XLSX/JSON. Exit code: 0 clean, 1 when any finding is
// an error, 2 when an input cannot be read — including a file over a limit of ingest/limits.h
// or over its time per file: each file is read in a child process (cli/extract_guard.h), so a
// hostile file ends in an error naming it and the batch goes on with the next.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/extract_guard.h"
#include "docs/report_export.h"
#include "report/csv.h"
#include "report/json.h"
#include "report/parse.h"
#include "report/rollup.h"
#include "report/rules.h"
#include "util/text.h"

namespace gongkai::cli {
namespace {

constexpr int kErrorFindings = 1;
constexpr int kUnreadable = 2;
constexpr std::uintmax_t kMaxFileBytes = 256u << 20;  // no annual report is larger

struct CheckOptions {
  std::vector<std::string> paths;
  bool json = false;
  bool csv = false;
  bool summary = false;
  std::string export_format;
  std::string output;
  int jobs = 0;  // 0: every core
  // Wall-clock seconds per file, each read in a child process (cli/extract_guard.h).
  int file_seconds = kDefaultFileSeconds;
};

// One input file and what became of it.
struct FileResult {
  std::string path;
  bool readable = false;
  std::string error_zh;  // why it could not be read, naming the file and what to do
  std::string error_en;
  ParseResult parsed;
  std::vector<Finding> findings;  // parse findings, then the rules'

  const std::string& error(bool en) const { return en ? error_en : error_zh; }
};

FileResult Unreadable(const std::string& path, std::string zh, std::string en) {
  FileResult r;
  r.path = path;
  r.error_zh = std::move(zh);
  r.error_en = std::move(en);
  return r;
}

bool En(const GlobalOptions& g) { return g.lang == "en"; }

bool Checkable(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".docx" || ext == ".pdf" ||
         ext == ".md";
}

// Files named on the command line, and the checkable files under the directories, sorted.
std::vector<std::string> CollectFiles(const std::vector<std::string>& paths,
                                      std::vector<FileResult>* missing) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && Checkable(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      missing->push_back(Unreadable(p, "找不到文件或目录「" + p + "」。请检查路径是否写错。",
                                    "No such file or directory: " + p + ". Check the path."));
    }
  }
  return files;
}

// Reads the file's bytes; on failure fills `r`'s error and returns false.
bool ReadBytes(const std::string& path, std::string* bytes, FileResult* r) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    r->error_zh = "无法读取文件「" + path + "」：文件已不存在或无法访问。请检查路径和权限。";
    r->error_en = "Cannot read " + path +
                  ": it no longer exists or cannot be accessed. Check the "
                  "path and the permissions.";
    return false;
  }
  if (size > kMaxFileBytes) {
    r->error_zh = "文件「" + path + "」大于 256 MiB，不是年度报告。请检查是否选错了文件。";
    r->error_en = path +
                  " is larger than 256 MiB, too large for an annual report. Check that "
                  "this is the right file.";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r->error_zh = "无法打开文件「" + path + "」：没有读取权限。请用 chmod 等方式允许读取后重试。";
    r->error_en = "Cannot open " + path +
                  ": no permission to read it. Make it readable (e.g. "
                  "chmod a+r) and try again.";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  *bytes = ss.str();
  return true;
}

FileResult CheckFile(const std::string& path, const CheckSettings& settings, int file_seconds) {
  FileResult r;
  r.path = path;
  std::string bytes;
  if (!ReadBytes(path, &bytes, &r)) return r;
  CheckSettings file_settings = settings;
  if (std::filesystem::path(path).extension() == ".json") {
    Result<Report> report = ReportFromJson(bytes, path);
    if (!report.ok()) {
      r.error_zh = "文件「" + path + "」不是有效的报告 JSON：" + report.status().message() +
                   "。请按 annual-report.md 的格式修正。";
      r.error_en = path + " is not valid report JSON: " + report.status().message() + ".";
      return r;
    }
    r.parsed.report = std::move(report).value();
  } else {
    ExtractedText text = ExtractInChild(path, file_seconds);
    if (!text.ok) {
      r.error_zh = std::move(text.error_zh);
      r.error_en = std::move(text.error_en);
      return r;
    }
    r.parsed = ParseReportText(text.text, path);
    file_settings.parser_reported_layout = true;
  }
  r.readable = true;
  r.findings = r.parsed.findings;
  for (auto& f : CheckReport(r.parsed.report, file_settings)) r.findings.push_back(std::move(f));
  return r;
}

// Draws `done`/`total` as a bar on stderr; called under the progress mutex.
void DrawProgress(std::size_t done, std::size_t total) {
  constexpr int kWidth = 30;
  const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
            << done << "/" << total << std::flush;
  if (done == total) std::cerr << "\r" << std::string(kWidth + 24, ' ') << "\r" << std::flush;
}

std::vector<FileResult> CheckAll(const std::vector<std::string>& files,
                                 const CheckSettings& settings, int jobs, int file_seconds) {
  std::vector<FileResult> results(files.size());
  std::atomic<std::size_t> next{0};
  std::mutex progress_mu;
  std::size_t done = 0;  // protected by progress_mu
  const bool progress = isatty(STDERR_FILENO) && files.size() > 1;
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      results[i] = CheckFile(files[i], settings, file_seconds);
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        DrawProgress(++done, files.size());
      }
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads =
      std::min<std::size_t>(files.size(), jobs > 0 ? static_cast<std::size_t>(jobs) : cores);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return results;
}

// Agency names compared as the rules compare them: no spaces, brackets folded.
std::string AgencyKey(const std::string& agency) { return RemoveWhitespace(NormalizeNfkc(agency)); }

// Checks each readable report against the same agency's report of the year before, if read.
void CheckAcrossYearsInBatch(std::vector<FileResult>* results, const CheckSettings& settings) {
  std::map<std::pair<std::string, int>, const FileResult*> by_agency_year;
  for (const auto& r : *results) {
    if (r.readable && !r.parsed.report.agency.empty() && r.parsed.report.year != 0) {
      by_agency_year.emplace(
          std::make_pair(AgencyKey(r.parsed.report.agency), r.parsed.report.year), &r);
    }
  }
  for (auto& r : *results) {
    if (!r.readable || r.parsed.report.agency.empty()) continue;
    const auto prev =
        by_agency_year.find({AgencyKey(r.parsed.report.agency), r.parsed.report.year - 1});
    if (prev == by_agency_year.end()) continue;
    for (auto& f : CheckAcrossYears(prev->second->parsed.report, r.parsed.report, settings)) {
      r.findings.push_back(std::move(f));
    }
  }
}

std::string SeverityLabel(Finding::Severity s, bool en) {
  switch (s) {
    case Finding::Severity::kError:
      return en ? "error" : "错误";
    case Finding::Severity::kWarning:
      return en ? "warning" : "警告";
    case Finding::Severity::kNotice:
      return en ? "notice" : "提示";
  }
  return "";
}

void PrintReadable(const FileResult& r, bool en, std::ostream& out) {
  out << "== " << r.path << "\n";
  if (!r.readable) {
    out << (en ? "  unreadable: " : "  无法读取：") << r.error(en) << "\n\n";
    return;
  }
  const Report& rep = r.parsed.report;
  const std::string unknown = en ? "(unknown)" : "（未知）";
  out << (en ? "  agency: " : "  机关：") << (rep.agency.empty() ? unknown : rep.agency)
      << (en ? "   year: " : "   年度：") << (rep.year ? std::to_string(rep.year) : unknown)
      << (en ? "   format: " : "   格式：")
      << (rep.format == ReportFormat::k2021 ? (en ? "2021" : "2021 年格式")
                                            : (en ? "2019 trial" : "2019 年试行格式"))
      << "\n";
  out << (en ? "  tables: A " : "  表格：表一 ") << rep.section2.rows.size()
      << (en ? " rows, B " : " 行，表二 ") << rep.section3.rows.size()
      << (en ? " rows, C " : " 行，表三 ") << rep.section4.rows.size() << (en ? " blocks" : " 块")
      << (en ? "; sections: " : "；正文部分：") << rep.sections.size() << "/6\n";
  int counts[3] = {0, 0, 0};
  for (const auto& f : r.findings) ++counts[static_cast<int>(f.severity)];
  if (r.findings.empty()) {
    out << (en ? "  no findings: passed\n\n" : "  未发现问题：通过\n\n");
    return;
  }
  out << (en ? "  findings: " : "  发现 ") << r.findings.size() << (en ? " (errors " : " 项（错误 ")
      << counts[0] << (en ? ", warnings " : "，警告 ") << counts[1]
      << (en ? ", notices " : "，提示 ") << counts[2] << (en ? ")\n" : "）\n");
  for (const auto& f : r.findings) {
    out << "  [" << SeverityLabel(f.severity, en) << "] " << f.rule;
    if (f.pos.line > 0) out << (en ? " line " : " 第") << f.pos.line << (en ? "" : "行");
    out << "  " << f.message(en ? "en" : "zh") << "\n";
  }
  out << (counts[0] ? (en ? "  result: FAILED\n\n" : "  结论：未通过\n\n")
                    : (en ? "  result: passed\n\n" : "  结论：通过\n\n"));
}

nlohmann::ordered_json FileJson(const FileResult& r, bool en) {
  nlohmann::ordered_json j;
  j["file"] = r.path;
  if (!r.readable) {
    j["error"] = r.error(en);
    return j;
  }
  const nlohmann::ordered_json report = ReportToJson(r.parsed.report);
  for (const auto& [k, v] : report.items()) j[k] = v;
  j["findings"] = FindingsToJson(r.findings, en ? "en" : "zh");
  return j;
}

std::vector<CheckedReport> ToChecked(const std::vector<FileResult>& results) {
  std::vector<CheckedReport> checked;
  for (const auto& r : results) {
    CheckedReport c{r.path, r.parsed.report.agency, r.parsed.report.year, r.findings};
    if (!r.readable) {
      Finding f;
      f.rule = "INPUT-UNREADABLE";
      f.severity = Finding::Severity::kError;
      f.message_zh = r.error_zh;
      f.message_en = r.error_en;
      c.findings = {f};
      c.agency.clear();
      c.year = 0;
    }
    checked.push_back(std::move(c));
  }
  return checked;
}

int Export(const CheckOptions& o, const std::vector<FileResult>& results, bool en) {
  const auto format = ExportFormatFromKey(o.export_format);
  if (!format) {
    std::cerr << (en ? "error: --export takes html, docx, pdf, xlsx or json\n"
                     : "错误：--export 只能是 html、docx、pdf、xlsx 或 json\n");
    return kUnreadable;
  }
  if (results.size() != 1 || !results.front().readable || o.output.empty()) {
    std::cerr << (en ? "error: --export needs exactly one readable report and -o OUT\n"
                     : "错误：--export 需要恰好一个可读的报告文件，并用 -o 指定输出文件\n");
    return kUnreadable;
  }
  Result<std::string> bytes = ExportReport(results.front().parsed.report, *format);
  if (!bytes.ok()) {
    std::cerr << (en ? "error: " : "错误：") << bytes.status().message() << "\n";
    return kUnreadable;
  }
  std::ofstream out(o.output, std::ios::binary);
  out << *bytes;
  if (!out) {
    std::cerr << (en ? "error: cannot write " : "错误：无法写入 ") << o.output << "\n";
    return kUnreadable;
  }
  return 0;
}

int RunCheck(const CheckOptions& o, bool en) {
  std::vector<FileResult> missing;
  const std::vector<std::string> files = CollectFiles(o.paths, &missing);
  const CheckSettings settings;
  std::vector<FileResult> results = CheckAll(files, settings, o.jobs, o.file_seconds);
  for (auto& m : missing) results.push_back(std::move(m));
  CheckAcrossYearsInBatch(&results, settings);

  int code = 0;
  for (const auto& r : results) {
    if (!r.readable) {
      code = kUnreadable;
    } else if (code == 0 && HasErrors(r.findings)) {
      code = kErrorFindings;
    }
  }
  if (results.empty()) {
    std::cerr << (en ? "error: no report files (.txt .html .docx .pdf .md) found\n"
                     : "错误：没有找到报告文件（.txt .html .docx .pdf .md）\n");
    return kUnreadable;
  }
  if (!o.export_format.empty()) {
    const int export_code = Export(o, results, en);
    if (export_code != 0) return export_code;
  }
  if (o.json) {
    if (results.size() == 1) {
      std::cout << FileJson(results.front(), en).dump(1) << "\n";
    } else {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (const auto& r : results) all.push_back(FileJson(r, en));
      std::cout << all.dump(1) << "\n";
    }
  } else if (o.csv) {
    std::cout << FindingsToCsv(ToChecked(results), en ? "en" : "zh");
  } else if (!o.summary) {
    for (const auto& r : results) PrintReadable(r, en, std::cout);
  }
  if (o.summary) std::cout << FormatSummary(Summarize(ToChecked(results), {}), en ? "en" : "zh");
  return code;
}

}  // namespace

void AddCheckCommand(CLI::App& app, GlobalOptions& global) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "核查已发布的年度报告（文本、HTML、DOCX、PDF）/ check published annual reports");
  cmd->add_option("paths", options->paths, "报告文件或目录 / report files or directories")
      ->required();
  cmd->add_flag("--json", options->json, "输出报告 JSON 及发现的问题 / report JSON with findings");
  cmd->add_flag("--csv", options->csv, "每个问题一行的 CSV / one CSV line per finding");
  cmd->add_flag("--summary", options->summary,
                "汇总：文件、机关、年度、通过数、常见问题 / batch summary");
  cmd->add_option("--export", options->export_format,
                  "导出格式 html|docx|pdf|xlsx|json / export format");
  cmd->add_option("-o,--output", options->output, "导出文件 / export file");
  cmd->add_option("-j,--jobs", options->jobs,
                  "并行数（默认全部核心）/ parallel jobs (default: all cores)");
  cmd->add_option("--file-timeout", options->file_seconds,
                  "每个文件的读取时间上限（秒）/ seconds allowed to read each file")
      ->check(CLI::Range(1, 24 * 3600));
  cmd->callback([options, &global] { global.exit_code = RunCheck(*options, En(global)); });

  // The child side of ExtractInChild: hidden (no group), run only by `check` itself.
  auto child = std::make_shared<std::pair<std::string, int>>("", kDefaultFileSeconds);
  CLI::App* extract = app.add_subcommand("_extract", "")->group("");
  extract->add_option("file", child->first)->required();
  extract->add_option("--seconds", child->second)->required();
  extract->callback(
      [child, &global] { global.exit_code = RunExtractChild(child->first, child->second); });
}

}  // namespace gongkai::cli
