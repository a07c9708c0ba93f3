// Builds a ZIP archive in memory (libzip), the container of DOCX files. Every entry gets the
// same modification time, so the same entries always give the same bytes. Thread-compatible:
// each call is independent.

#ifndef GONGKAI_DOCS_ZIP_WRITER_H_
#define GONGKAI_DOCS_ZIP_WRITER_H_

#include <string>
#include <vector>

#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct ZipEntry {
  std::string name;  // path inside the archive, e.g. "word/document.xml"
  std::string data;
};

// Returns the archive holding `entries` in order, deflated, each stamped with `date` at 00:00
// (ZIP stores local DOS time; the stamp is the same in every time zone). Returns an internal
// error when libzip fails.
Result<std::string> ZipArchive(const std::vector<ZipEntry>& entries, Date date);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_ZIP_WRITER_H_
