// What the register's subcommands share for talking to a person: the --db help text, choosing
// the Chinese or English wording by the global --lang, and turning a non-OK Status into an
// error line on stderr and the process exit code (1 for the user's input, 2 for our bug).

#ifndef GONGKAI_CLI_OUTPUT_H_
#define GONGKAI_CLI_OUTPUT_H_

#include <fmt/format.h>

#include <iostream>
#include <string>

#include "cli/commands.h"
#include "util/status.h"

namespace gongkai::cli {

inline constexpr const char* kDbHelp =
    "数据库：文件路径或 postgresql:// 地址 / SQLite file or postgresql:// URL";

inline const char* Say(const GlobalOptions& g, const char* zh, const char* en) {
  return g.lang == "en" ? en : zh;
}

template <typename... Args>
std::string Tr(const GlobalOptions& g, const char* zh, const char* en, const Args&... args) {
  return fmt::format(fmt::runtime(Say(g, zh, en)), args...);
}

// Prints the error and sets the exit code; returns true when `s` is OK.
inline bool Check(GlobalOptions& g, const Status& s) {
  if (s.ok()) return true;
  std::cerr << Say(g, "错误：", "error: ") << s.message() << "\n";
  g.exit_code = s.code() == Status::Code::kInternal ? 2 : 1;
  return false;
}

template <typename T>
bool Check(GlobalOptions& g, const Result<T>& r) {
  return r.ok() || Check(g, r.status());
}

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_OUTPUT_H_
