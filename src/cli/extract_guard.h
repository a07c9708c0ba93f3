// `gongkai check` reads each published report in a child process of its own (this binary run
// as `gongkai _extract FILE`), so a file that defeats the parsers' own limits (ingest/limits.h)
// — a filter poppler inflates that we do not count, a page that takes minutes to lay out, a
// crash inside poppler — costs at most kDefaultFileSeconds of wall-clock time and
// kMaxExtractMemoryBytes of address space, and ends as an error naming the file and the limit
// while the batch goes on. posix_spawn of /proc/self/exe, not fork(): the checker is
// multi-threaded, and a forked child could inherit a lock held by another thread. Functions;
// safe to call from many threads at once (each call has its own child and pipe).

#ifndef GONGKAI_CLI_EXTRACT_GUARD_H_
#define GONGKAI_CLI_EXTRACT_GUARD_H_

#include <cstdint>
#include <string>

namespace gongkai::cli {

// Default wall-clock time per file (`gongkai check --file-timeout`); also the child's CPU limit.
inline constexpr int kDefaultFileSeconds = 60;
// The child's address space (RLIMIT_AS): poppler and the text of a 256 MiB file fit well.
inline constexpr std::uint64_t kMaxExtractMemoryBytes = 4ull << 30;
// The most text a child may hand back.
inline constexpr std::size_t kMaxExtractedTextBytes = 256u << 20;

struct ExtractedText {
  bool ok = false;
  std::string text;                // when ok
  std::string error_zh, error_en;  // otherwise: naming the file, and the limit when one was hit
};

// The text of the report file at `path` (ExtractText of ingest/extract.h), extracted in a child
// process that is killed after `seconds` of wall-clock time. REQUIRES: seconds > 0.
ExtractedText ExtractInChild(const std::string& path, int seconds);

// The child's side, for `gongkai _extract`: applies the CPU (`seconds`) and memory limits,
// extracts `path` and writes the result to stdout for ExtractInChild. Returns the exit code.
int RunExtractChild(const std::string& path, int seconds);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_EXTRACT_GUARD_H_
