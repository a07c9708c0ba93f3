// The rendered files of a published report version: the public page's HTML body and every
// download (HTML, DOCX, PDF, XLSX, JSON), rendered once when the version is published and served
// from here ever after, so the public always gets the published bytes (never a fold of the
// register as it stands now) and an anonymous download costs one row read, not a PDF render.
// Each file carries its SHA-256, which the web serves as its ETag. Rows are written once per
// (agency, year, version, format) and never updated: a second write of the same key keeps the
// first bytes.

#ifndef GONGKAI_STORE_REPORT_FILES_H_
#define GONGKAI_STORE_REPORT_FILES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// The format key of the public page's body (the other keys are docs/report_export.h's).
inline constexpr std::string_view kReportPageFormat = "page";

struct ReportFile {
  std::string format;  // "page" | "html" | "docx" | "pdf" | "xlsx" | "json"
  std::string bytes;
  std::string sha256;  // hex, of `bytes`
  std::string created_at;
};

// Hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Stores `files` for the version (sha256 and created_at are filled in here), in one transaction;
// a format already stored for the version keeps its bytes. kInternal on a database failure.
Status PutReportFiles(Database& db, int64_t agency_id, int year, int version,
                      const std::vector<ReportFile>& files);

// The stored file of the version in `format`; nullopt when none was stored.
Result<std::optional<ReportFile>> GetReportFile(Database& db, int64_t agency_id, int year,
                                                int version, std::string_view format);

}  // namespace gongkai

#endif  // GONGKAI_STORE_REPORT_FILES_H_
