// gongkai: the disclosure office's command line. See README.md for the subcommands.

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Gongkai 公开 — 政府信息公开：依申请公开登记、期限计算、年度报告生成与核查"};
  app.require_subcommand(1);
  gongkai::cli::GlobalOptions global;
  app.add_option("--lang", global.lang, "输出语言 / output language: zh | en")
      ->check(CLI::IsMember({"zh", "en"}));

  gongkai::cli::AddCalendarCommands(app, global);
  gongkai::cli::AddCheckCommand(app, global);
  gongkai::cli::AddCasesCommands(app, global);
  gongkai::cli::AddReportCommands(app, global);
  gongkai::cli::AddDbCommands(app, global);
  gongkai::cli::AddServeCommand(app, global);
  gongkai::cli::AddNoticeCommand(app, global);
  gongkai::cli::AddAuditCommands(app, global);
  gongkai::cli::AddPublicationsCommands(app, global);
  gongkai::cli::AddSearchCommands(app, global);
  gongkai::cli::AddServicesCommands(app, global);
  // After AddServicesCommands: it joins the `services` subcommand made there.
  gongkai::cli::AddServiceGuideCommands(app, global);
  gongkai::cli::AddIntermediaryCommands(app, global);
  gongkai::cli::AddNotifyCommands(app, global);
  gongkai::cli::AddRatingsCommands(app, global);

  CLI11_PARSE(app, argc, argv);
  return global.exit_code;
}
