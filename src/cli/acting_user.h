// Who a command acts as. Commands that change the register take `--user NAME` (or the
// environment variable GONGKAI_USER) and are checked against the one permission table
// (store/permissions.h), exactly as the web checks a signed-in user; the user's name is recorded
// as the actor. The CLI trusts whoever holds the database to say who they are — it records and
// limits, it does not authenticate — so the table keeps honest people inside their role and the
// record says who did what.
//
// Without a user the CLI may: read (list, show, export masked, report build/list/export, audit
// verify), maintain (db migrate, db backup, cases recompute — a cache), and, only while the
// database has no users at all, everything (so `users add` can create the first administrator
// and `cases import` can load a register before anyone has an account).

#ifndef GONGKAI_CLI_ACTING_USER_H_
#define GONGKAI_CLI_ACTING_USER_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"
#include "store/permissions.h"
#include "store/users.h"
#include "util/status.h"

namespace gongkai::cli {

// The environment variable read when --user is not given.
inline constexpr const char* kUserEnv = "GONGKAI_USER";

// Adds --user NAME (falling back to $GONGKAI_USER) to `cmd`, stored in `name`.
void AddUserOption(CLI::App* cmd, std::string& name);

struct Actor {
  std::optional<User> user;  // nullopt only in a database without users
  std::string name;          // recorded as the actor: the user's name, or `fallback`
};

// Resolves who does `action` on `agency_id` (when given). With `name` empty: the fallback
// actor while the database has no users and `bootstrap` allows it, else kInvalidInput asking
// for --user. With a name: FindUserByName's errors (unknown, disabled, unknown role),
// Authorize's refusal, and kPermissionDenied when the agency is outside the user's.
Result<Actor> ResolveActor(Database& db, const std::string& name, Action action,
                           std::optional<int64_t> agency_id, bool bootstrap = true,
                           const std::string& fallback = "cli");

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_ACTING_USER_H_
