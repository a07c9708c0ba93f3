// Reads named entries out of a ZIP archive held in memory (DOCX, and any other OOXML file), with
// the limits of ingest/limits.h: at most kMaxZipEntries entries, and the bytes counted as they
// actually inflate — the header's sizes are never trusted — capped per entry, in total over every
// entry read, and by ratio to the entry's compressed size. A ZipReader borrows the bytes (they
// must outlive it) and is not safe to share across threads; make one per file.

#ifndef GONGKAI_INGEST_ZIP_READER_H_
#define GONGKAI_INGEST_ZIP_READER_H_

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::ingest {

// Why an archive or an entry could not be read, in both languages, for ExtractError's detail.
struct ZipProblem {
  bool over_limit = false;  // a limit was hit (a bomb), rather than damage
  std::string zh, en;
};

class ZipReader {
 public:
  // Opens the archive; on failure problem() says why (damaged, or too many entries).
  explicit ZipReader(std::string_view bytes);

  bool ok() const { return archive_ != nullptr; }
  const ZipProblem& problem() const { return problem_; }

  // The inflated bytes of entry `name`. nullopt with problem() filled when it is missing,
  // damaged, or inflates past a limit (reading stops at the limit, so memory stays bounded).
  // REQUIRES: ok().
  std::optional<std::string> Read(const char* name);

 private:
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive_{nullptr, zip_discard};
  std::uint64_t total_read_ = 0;  // over every entry read so far
  ZipProblem problem_;
};

}  // namespace gongkai::ingest

#endif  // GONGKAI_INGEST_ZIP_READER_H_
