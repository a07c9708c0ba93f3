// `gongkai report export`: writes an agency's annual report as HTML, DOCX, PDF, XLSX or the
// report JSON. The report comes from the database (the newest stored version of the year, with
// its narrative; else built from the register) or, with --from-json, from a report JSON file
// (no database needed). A published version is written as it was published, byte for byte
// (store/report_files.h), audit checkpoint included.

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "docs/report_export.h"
#include "files/calendar_files.h"
#include "report/json.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/database.h"
#include "store/report_files.h"
#include "store/report_store.h"

namespace gongkai::cli {
namespace {

struct ExportArgs {
  std::optional<int64_t> agency;
  int year = 0;
  std::string format;
  std::string output;
  std::string db = "gongkai.db";
  std::string from_json;
};

bool En(const GlobalOptions& g) { return g.lang == "en"; }

int Fail(const GlobalOptions& g, const std::string& zh, const std::string& en) {
  std::cerr << (En(g) ? en : zh) << "\n";
  return 1;
}

Result<Report> ReportFromDatabase(const ExportArgs& args) {
  Result<Database> db = Database::Open(args.db);
  if (!db.ok()) return db.status();
  Result<int64_t> agency = ResolveAgency(*db, args.agency);
  if (!agency.ok()) return agency.status();
  Result<std::vector<ReportVersion>> versions = ListReportVersions(*db, *agency, args.year);
  if (!versions.ok()) return versions.status();
  if (!versions->empty()) return VersionReport(versions->front());
  Calendars calendars;
  Result<AnnualReport> built = BuildRegisterReport(*db, calendars, *agency, args.year);
  if (!built.ok()) return built.status();
  std::cerr << "提示：" << args.year
            << " 年度报告尚未保存草稿，导出的是由案件登记直接生成的表格（没有文字部分）。\n";
  return built->report;
}

// The stored file of the year's newest version when that version is published; nullopt when it
// is not, or was published before files were stored.
Result<std::optional<std::string>> PublishedBytes(const ExportArgs& args, std::string_view format) {
  Result<Database> db = Database::Open(args.db);
  if (!db.ok()) return db.status();
  Result<int64_t> agency = ResolveAgency(*db, args.agency);
  if (!agency.ok()) return agency.status();
  Result<std::vector<ReportVersion>> versions = ListReportVersions(*db, *agency, args.year);
  if (!versions.ok()) return versions.status();
  if (versions->empty() || versions->front().state != ReportState::kPublished) {
    return std::optional<std::string>();
  }
  auto file = GetReportFile(*db, *agency, args.year, versions->front().version, format);
  if (!file.ok()) return file.status();
  if (!*file) return std::optional<std::string>();
  return std::optional<std::string>(std::move((*file)->bytes));
}

int RunExport(const ExportArgs& args, GlobalOptions& g) {
  std::string key = args.format;
  if (key.empty()) key = std::filesystem::path(args.output).extension().string();
  if (!key.empty() && key[0] == '.') key.erase(0, 1);
  const std::optional<ExportFormat> format = ExportFormatFromKey(key);
  if (!format) {
    return Fail(g, "未知的导出格式「" + key + "」：请用 --format html|docx|pdf|xlsx|json",
                "unknown export format '" + key + "': use --format html|docx|pdf|xlsx|json");
  }
  std::optional<std::string> published;
  if (args.from_json.empty() && args.year != 0) {
    auto stored = PublishedBytes(args, key);
    if (!stored.ok()) return Fail(g, stored.status().message(), stored.status().message());
    published = std::move(stored).value();
  }
  Result<std::string> bytes = Status::Internal("no report");
  if (published) {
    bytes = std::move(*published);
  } else {
    Result<Report> report = Status::Internal("no report");
    if (!args.from_json.empty()) {
      Result<std::string> text = ReadFile(args.from_json);
      if (!text.ok()) return Fail(g, text.status().message(), text.status().message());
      report = ReportFromJson(*text, args.from_json);
    } else {
      if (args.year == 0) {
        return Fail(g, "请用 --year 指定报告年度（或用 --from-json 导出报告 JSON 文件）",
                    "give the report year with --year (or a report JSON file with --from-json)");
      }
      report = ReportFromDatabase(args);
    }
    if (!report.ok()) return Fail(g, report.status().message(), report.status().message());
    bytes = ExportReport(*report, *format);
  }
  if (!bytes.ok()) return Fail(g, bytes.status().message(), bytes.status().message());
  std::ofstream out(args.output, std::ios::binary);
  out << *bytes;
  out.close();
  if (!out) {
    return Fail(g, "无法写入「" + args.output + "」：请检查目录是否存在、是否有写权限",
                "cannot write '" + args.output + "': check the directory exists and is writable");
  }
  std::cout << (En(g) ? "wrote " : "已导出 ") << args.output << " (" << bytes->size()
            << (En(g) ? " bytes)" : " 字节)") << "\n";
  return 0;
}

}  // namespace

void AddReportExportCommand(CLI::App& report, GlobalOptions& global) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = report.add_subcommand(
      "export", "导出年度报告：html | docx | pdf | xlsx | json / export the annual report");
  cmd->add_option("--agency", args->agency, "机关编号（数据库只有一个机关时可省略）");
  cmd->add_option("--year", args->year, "报告年度，例如 2024");
  cmd->add_option("--format", args->format, "html | docx | pdf | xlsx | json（默认按文件扩展名）")
      ->check(CLI::IsMember({"html", "docx", "pdf", "xlsx", "json"}));
  cmd->add_option("-o,--output", args->output, "输出文件")->required();
  cmd->add_option("--db", args->db, "数据库：SQLite 文件或 postgresql:// 地址");
  cmd->add_option("--from-json", args->from_json, "从报告 JSON 文件导出（无需数据库）");
  cmd->callback([args, &global] { global.exit_code = RunExport(*args, global); });
}

}  // namespace gongkai::cli
