#include "cli/extract_guard.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <vector>

#include "ingest/extract.h"

extern char** environ;

namespace gongkai::cli {
namespace {

// ASan reserves terabytes of address space, so under it the memory limit would kill every child.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLimitAddressSpace = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kLimitAddressSpace = false;
#else
constexpr bool kLimitAddressSpace = true;
#endif
#else
constexpr bool kLimitAddressSpace = true;
#endif

ExtractedText Failure(std::string zh, std::string en) {
  ExtractedText r;
  r.error_zh = std::move(zh);
  r.error_en = std::move(en);
  return r;
}

// What the child wrote: 'T' and the text, or 'E', the Chinese message, NUL, the English one.
ExtractedText FromChild(const std::string& out) {
  ExtractedText r;
  if (out.starts_with("T")) {
    r.ok = true;
    r.text = out.substr(1);
  } else {
    const std::size_t nul = out.find('\0');
    r.error_zh = out.substr(1, nul == std::string::npos ? std::string::npos : nul - 1);
    r.error_en = nul == std::string::npos ? r.error_zh : out.substr(nul + 1);
  }
  return r;
}

void Write(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); }

}  // namespace

ExtractedText ExtractInChild(const std::string& path, int seconds) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    return Failure(fmt::format("无法读取文件「{}」：无法创建子进程管道（{}）。请稍后重试。", path,
                               std::strerror(errno)),
                   fmt::format("Cannot read {}: no pipe for the reader process ({}).", path,
                               std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  std::string program = "gongkai", command = "_extract", flag = "--seconds",
              limit = std::to_string(seconds), end = "--", file = path;
  char* argv[] = {program.data(), command.data(), flag.data(), limit.data(),
                  end.data(),     file.data(),    nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (spawned != 0) {
    close(fds[0]);
    return Failure(fmt::format("无法读取文件「{}」：无法启动读取进程（{}）。请稍后重试。", path,
                               std::strerror(spawned)),
                   fmt::format("Cannot read {}: the reader process did not start ({}).", path,
                               std::strerror(spawned)));
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::string out;
  bool timed_out = false, too_long = false;
  std::vector<char> buf(64u << 10);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      timed_out = true;
      break;
    }
    const ssize_t n = ready < 0 ? -1 : read(fds[0], buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the end, or an error the exit status explains
    out.append(buf.data(), static_cast<std::size_t>(n));
    if (out.size() > kMaxExtractedTextBytes + 1) {
      too_long = true;
      break;
    }
  }
  close(fds[0]);
  if (timed_out || too_long) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return Failure(
        fmt::format("读取文件「{}」超过 {} 秒的时间上限，已停止。文件可能过于复杂或是恶意构造的；"
                    "请确认文件来源，或另存为 DOCX 或文本后重试（--file-timeout 可放宽上限）。",
                    path, seconds),
        fmt::format("Reading {} took longer than the limit of {} s and was stopped; the file may "
                    "be crafted. Check where it came from, or save it as DOCX or text "
                    "(--file-timeout raises the limit).",
                    path, seconds));
  }
  if (too_long) {
    return Failure(fmt::format("文件「{}」的文字超过 {} MiB 的上限，不是年度报告。请检查是否选错了"
                               "文件。",
                               path, kMaxExtractedTextBytes >> 20),
                   fmt::format("The text of {} is over the limit of {} MiB: not an annual report. "
                               "Check that this is the right file.",
                               path, kMaxExtractedTextBytes >> 20));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || out.empty()) {
    const std::string why = WIFSIGNALED(status) ? fmt::format("signal {}", WTERMSIG(status))
                                                : fmt::format("exit {}", WEXITSTATUS(status));
    return Failure(
        fmt::format("读取文件「{}」时读取进程异常结束（{}），可能超出了 {} GiB 的内存上限或 {} 秒的"
                    "处理器时间上限，或文件已损坏。请确认文件来源，或另存为 DOCX 或文本后重试。",
                    path, why, kMaxExtractMemoryBytes >> 30, seconds),
        fmt::format("The reader of {} ended abnormally ({}): over the memory limit of {} GiB or "
                    "the CPU limit of {} s, or the file is damaged. Check where it came from, or "
                    "save it as DOCX or text.",
                    path, why, kMaxExtractMemoryBytes >> 30, seconds));
  }
  return FromChild(out);
}

int RunExtractChild(const std::string& path, int seconds) {
  const rlimit cpu{static_cast<rlim_t>(seconds), static_cast<rlim_t>(seconds) + 1};
  setrlimit(RLIMIT_CPU, &cpu);
  if (kLimitAddressSpace) {
    const rlimit memory{kMaxExtractMemoryBytes, kMaxExtractMemoryBytes};
    setrlimit(RLIMIT_AS, &memory);
  }
  try {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    Result<std::string> text = ExtractText(bytes, path, "zh");
    if (text.ok()) {
      Write("T");
      Write(*text);
    } else {
      Write("E");
      Write(text.status().message());
      Write(std::string_view("\0", 1));
      Write(ExtractText(bytes, path, "en").status().message());
    }
  } catch (const std::bad_alloc&) {
    Write("E");
    Write(fmt::format("读取文件「{}」所需内存超过 {} GiB 的上限，已停止。请确认文件来源。", path,
                      kMaxExtractMemoryBytes >> 30));
    Write(std::string_view("\0", 1));
    Write(fmt::format("Reading {} needed more than the memory limit of {} GiB and was stopped.",
                      path, kMaxExtractMemoryBytes >> 30));
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace gongkai::cli
