// For tests that run the real `gongkai` binary (GONGKAI_BINARY, set by src/CMakeLists.txt) in a
// child process, as a person runs it from a shell: its exit code, stdout and stderr.

#ifndef GONGKAI_CLI_RUN_BINARY_TEST_UTIL_H_
#define GONGKAI_CLI_RUN_BINARY_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace gongkai::cli {

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// `arg` as one single-quoted shell word.
inline std::string Quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs `gongkai ARGS` (ARGS already quoted where needed) and waits for it.
inline Outcome Gongkai(const std::string& args) {
  Outcome r;
  const std::filesystem::path err =
      std::filesystem::temp_directory_path() / ("gongkai_cli_stderr_" + std::to_string(getpid()));
  const std::string command = Quote(GONGKAI_BINARY) + " " + args + " 2>" + Quote(err.string());
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadAll(err);
  std::filesystem::remove(err);
  return r;
}

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_RUN_BINARY_TEST_UTIL_H_
