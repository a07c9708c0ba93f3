// Uploaded files (the applicant's identity proof, Art. 29（一）): accepted only when their
// content is a PDF, JPEG or PNG — judged by the magic bytes, never by the file name or the
// browser's Content-Type — and no larger than kMaxUploadBytes. Stored under a directory that is
// not served (outside data/static), each under a random name, readable by the owner only.
// The stored name is what the case records; the original file name is dropped (it may carry
// personal data). An UploadStore may be shared across threads (it only creates new files).

#ifndef GONGKAI_WEB_UPLOAD_H_
#define GONGKAI_WEB_UPLOAD_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai::web {

inline constexpr std::size_t kMaxUploadBytes = 5 * 1024 * 1024;

enum class UploadKind { kPdf, kJpeg, kPng };

// The kind the bytes are, by signature; nullopt for anything else.
std::optional<UploadKind> DetectUploadKind(std::string_view bytes);
std::string_view UploadExtension(UploadKind kind);  // ".pdf", ".jpg", ".png"
std::string_view UploadMime(UploadKind kind);

// Checks an upload: kInvalidInput with a message for the applicant when it is empty, too large
// or not a PDF/JPEG/PNG.
Result<UploadKind> CheckUpload(std::string_view bytes);

class UploadStore {
 public:
  // `directory` is created (mode 0700) on first save when missing.
  explicit UploadStore(std::string directory);

  // Checks and saves the bytes; returns the stored name (64 hex characters plus extension).
  // kInvalidInput as CheckUpload; kInternal naming the directory when it cannot be written.
  Result<std::string> Save(std::string_view bytes);

  // Reads a stored file back. kNotFound for a name that is not one Save() could produce or
  // that does not exist (no path traversal: the name is checked character by character).
  Result<std::string> Read(std::string_view stored_name) const;

  const std::string& directory() const { return directory_; }

 private:
  const std::string directory_;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_UPLOAD_H_
