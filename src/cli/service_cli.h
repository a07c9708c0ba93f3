// CLI-internal pieces shared by the `services …` subcommands (cli/services_command.cc for the
// catalogue, cli/intermediary_command.cc for the 中介服务 lists): opening the database for one
// agency as a named user, today's date in Asia/Shanghai, a --date option, and writing to a file
// or standard output.

#ifndef GONGKAI_CLI_SERVICE_CLI_H_
#define GONGKAI_CLI_SERVICE_CLI_H_

#include <cstdint>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/users.h"
#include "util/date.h"

namespace gongkai::cli {

struct OpenedAgency {
  Database db;
  int64_t agency;
  std::optional<User> user;  // set when an action was asked for (nullopt in a user-less database)
  std::string actor;         // recorded as the actor
};

// Opens `url`, resolves the agency (optional when the database holds one) and, when `action`
// is given, who does it (cli/acting_user.h; `bootstrap` allows an empty database's fallback
// actor). Prints the error and returns nullopt on failure.
std::optional<OpenedAgency> OpenAgency(GlobalOptions& g, const std::string& url,
                                       std::optional<int64_t> agency, const std::string& user,
                                       std::optional<Action> action, bool bootstrap = false);

// Today in Asia/Shanghai by the database's clock.
Date StoreToday(Database& db);

// `text` as a date, or today when empty; prints the error naming `option` and returns nullopt.
std::optional<Date> DateOrToday(GlobalOptions& g, Database& db, const std::string& text,
                                const char* option = "--date");

// Writes `text` to `output`, or standard output when it is empty. False (printed) on failure.
bool WriteOutput(GlobalOptions& g, const std::string& output, const std::string& text);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_SERVICE_CLI_H_
