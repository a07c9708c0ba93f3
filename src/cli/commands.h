// The subcommands of the `gongkai` binary. main.cc is the one table that wires them; each
// Add*Command function declares a subcommand's options and its callback. Callbacks print for a
// person (Chinese by default, `--lang en` for English) and set the process exit code through
// the returned int stored in `exit_code`.

#ifndef GONGKAI_CLI_COMMANDS_H_
#define GONGKAI_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <string>

namespace gongkai::cli {

struct GlobalOptions {
  std::string lang = "zh";  // "zh" or "en"
  int exit_code = 0;        // set by a subcommand's callback
};

void AddCalendarCommands(CLI::App& app, GlobalOptions& global);  // calendar, deadline
void AddCheckCommand(CLI::App& app, GlobalOptions& global);      // check
void AddCasesCommands(CLI::App& app, GlobalOptions& global);     // cases, fee
void AddReportCommands(CLI::App& app, GlobalOptions& global);    // report build|approve|…
// `report export`: called by AddReportCommands with the `report` subcommand.
void AddReportExportCommand(CLI::App& report, GlobalOptions& global);
void AddDbCommands(CLI::App& app, GlobalOptions& global);     // db, users, agencies, records
void AddServeCommand(CLI::App& app, GlobalOptions& global);   // serve
void AddNoticeCommand(CLI::App& app, GlobalOptions& global);  // notice (typed 告知书)
void AddAuditCommands(CLI::App& app, GlobalOptions& global);  // audit keygen|verify|seal|…
// publications import|export|list|stats|due|suggest|numbering
void AddPublicationsCommands(CLI::App& app, GlobalOptions& global);
// search QUERY, search reindex, search misses
void AddSearchCommands(CLI::App& app, GlobalOptions& global);
// services import|export|list|show|stats|check|division|change
void AddServicesCommands(CLI::App& app, GlobalOptions& global);

// services qr|guide|book|sheet (the printed guides and QR codes); adds to the `services`
// subcommand when another Add*Commands made it, else makes it.
void AddServiceGuideCommands(CLI::App& app, GlobalOptions& global);
// services intermediaries …, services institutions … (the 中介服务 lists); joins `services`.
void AddIntermediaryCommands(CLI::App& app, GlobalOptions& global);
// The `services` subcommand of `app`, made on first use.
CLI::App* ServicesCommand(CLI::App& app);
// notify list|send|retry|staff-email (the outbox of messages)
void AddNotifyCommands(CLI::App& app, GlobalOptions& global);
// ratings import|stats|tickets|step|approve|reject|period (好差评)
void AddRatingsCommands(CLI::App& app, GlobalOptions& global);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_COMMANDS_H_
