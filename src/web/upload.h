// Uploaded files (the applicant's identity proof, Art. 29（一）): accepted only when their
// content is a PDF, JPEG or PNG — judged by the magic bytes, never by the file name or the
// browser's Content-Type — and no larger than kMaxUploadBytes. Stored under a directory that is
// not served (outside data/static), each under a random name, readable by the owner only.
// The stored name is what the case records; the original file name is dropped (it may carry
// personal data). An UploadStore may be shared across threads (it creates new files and deletes
// files no case records).

#ifndef GONGKAI_WEB_UPLOAD_H_
#define GONGKAI_WEB_UPLOAD_H_

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai::web {

inline constexpr std::size_t kMaxUploadBytes = 5 * 1024 * 1024;
// An upload no case records after this long belongs to an abandoned submission (a proof is
// attached within the request that saved it).
inline constexpr std::chrono::hours kAbandonedUploadLifetime{24};

// How long an identity proof kept for an application form that came back with errors stays
// (UploadStore::Keep): a form still open after a day is uploaded again.
inline constexpr std::chrono::hours kKeptProofLifetime{24};

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

  // Deletes a stored file: the proof of a submission that filed no case (a failed filing, or a
  // resent form whose case already has its proof). Names Save() could not produce are ignored.
  void Remove(std::string_view stored_name);

  // Deletes every stored file older than `lifetime` (by modification time, at `now`) that
  // `attached` does not name: uploads of abandoned submissions (e.g. the server stopped between
  // saving the proof and filing the case). Returns how many were deleted.
  int SweepUnattached(const std::set<std::string>& attached, std::chrono::seconds lifetime,
                      std::filesystem::file_time_type now) const;

  // Proofs kept for a form that came back with errors, so the citizen need not upload again.
  // Each lives in `directory`/kept under a name derived from the form's filing token (a keyed
  // BLAKE2b hash: the token itself is never on disk), one per form, outside what Read() and
  // SweepUnattached() see: a kept proof belongs to no case until ClaimKept moves it out.
  //
  // Keep checks the bytes as Save and replaces the form's earlier kept proof, if any.
  Status Keep(std::string_view form_token, std::string_view bytes);
  // True when the form has a kept proof younger than kKeptProofLifetime.
  bool HasKept(std::string_view form_token) const;
  // Moves the form's kept proof into the store under a fresh stored name (as Save returns) and
  // returns that name. kNotFound when the form has none, or it expired; atomic (a rename), so
  // of two concurrent claims one gets the file.
  Result<std::string> ClaimKept(std::string_view form_token);
  // Deletes the form's kept proof (the form was filed with a newly uploaded one).
  void DropKept(std::string_view form_token);
  // Deletes every kept proof older than `lifetime` at `now`: forms that were never filed.
  // Returns how many were deleted.
  int SweepKept(std::chrono::seconds lifetime, std::filesystem::file_time_type now) const;

  const std::string& directory() const { return directory_; }

 private:
  // The form's kept proof, if any: its path (whatever its extension).
  std::optional<std::filesystem::path> KeptPath(std::string_view form_token) const;

  const std::string directory_;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_UPLOAD_H_
