#include "web/upload.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "web/security.h"

namespace gongkai::web {

std::optional<UploadKind> DetectUploadKind(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (bytes.starts_with("%PDF-"sv)) return UploadKind::kPdf;
  if (bytes.starts_with("\xFF\xD8\xFF"sv)) return UploadKind::kJpeg;
  if (bytes.starts_with("\x89PNG\r\n\x1A\n"sv)) return UploadKind::kPng;
  return std::nullopt;
}

std::string_view UploadExtension(UploadKind kind) {
  switch (kind) {
    case UploadKind::kPdf:
      return ".pdf";
    case UploadKind::kJpeg:
      return ".jpg";
    case UploadKind::kPng:
      return ".png";
  }
  return "";
}

std::string_view UploadMime(UploadKind kind) {
  switch (kind) {
    case UploadKind::kPdf:
      return "application/pdf";
    case UploadKind::kJpeg:
      return "image/jpeg";
    case UploadKind::kPng:
      return "image/png";
  }
  return "application/octet-stream";
}

Result<UploadKind> CheckUpload(std::string_view bytes) {
  if (bytes.empty()) return Status::InvalidInput("上传的文件是空的，请重新选择文件。");
  if (bytes.size() > kMaxUploadBytes) {
    return Status::InvalidInput(fmt::format("上传的文件超过 {} MB，请压缩或缩小后重新上传。",
                                            kMaxUploadBytes / (1024 * 1024)));
  }
  auto kind = DetectUploadKind(bytes);
  if (!kind) {
    return Status::InvalidInput("上传的文件不是 PDF、JPEG 或 PNG 格式，请转换后重新上传。");
  }
  return *kind;
}

// True for a name Save() produces: 64 hex characters and .pdf, .jpg or .png (so no path).
static bool IsStoredName(std::string_view stored_name) {
  std::size_t dot = stored_name.find('.');
  bool valid = dot == 64;
  for (std::size_t i = 0; valid && i < dot; ++i) {
    char c = stored_name[i];
    valid = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
  std::string_view ext = valid ? stored_name.substr(dot) : std::string_view();
  return valid && (ext == ".pdf" || ext == ".jpg" || ext == ".png");
}

UploadStore::UploadStore(std::string directory) : directory_(std::move(directory)) {}

namespace {

// Creates `directory` (mode 0700) when missing.
Status MakePrivateDirectory(const std::string& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    return Status::Internal(fmt::format("无法创建上传目录 {}：{}", directory, ec.message()));
  }
  std::filesystem::permissions(directory, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  return Status::Ok();
}

// Writes `bytes` to a new file `path` (mode 0600); fails if it exists.
Status WriteNewFile(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::Internal(fmt::format("无法写入上传文件 {}：{}", path, std::strerror(errno)));
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(path.c_str());
      return Status::Internal(fmt::format("写入上传文件失败（{}）：{}", path, std::strerror(err)));
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return Status::Ok();
}

constexpr UploadKind kUploadKinds[] = {UploadKind::kPdf, UploadKind::kJpeg, UploadKind::kPng};

// The file name (without extension) of a form's kept proof: BLAKE2b-256 of a domain and the
// token, in hex.
std::string KeptStem(std::string_view form_token) {
  static constexpr std::string_view kDomain = "gongkai kept identity proof v1";
  std::array<unsigned char, 32> hash;
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, hash.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kDomain.data()),
                            kDomain.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(form_token.data()),
                            form_token.size());
  crypto_generichash_final(&state, hash.data(), hash.size());
  char hex[2 * 32 + 1];
  sodium_bin2hex(hex, sizeof hex, hash.data(), hash.size());
  return hex;
}

}  // namespace

Result<std::string> UploadStore::Save(std::string_view bytes) {
  auto kind = CheckUpload(bytes);
  if (!kind.ok()) return kind.status();
  if (Status s = MakePrivateDirectory(directory_); !s.ok()) return s;
  std::string name = RandomToken() + std::string(UploadExtension(*kind));
  if (Status s = WriteNewFile(directory_ + "/" + name, bytes); !s.ok()) return s;
  return name;
}

Status UploadStore::Keep(std::string_view form_token, std::string_view bytes) {
  auto kind = CheckUpload(bytes);
  if (!kind.ok()) return kind.status();
  const std::string kept_dir = directory_ + "/kept";
  if (Status s = MakePrivateDirectory(kept_dir); !s.ok()) return s;
  // Written aside, then renamed over the form's proof: a concurrent claim sees the old file or
  // the new one, never half of one.
  std::string temporary = kept_dir + "/" + RandomToken() + ".tmp";
  if (Status s = WriteNewFile(temporary, bytes); !s.ok()) return s;
  std::string stem = KeptStem(form_token);
  std::error_code ec;
  for (UploadKind k : kUploadKinds) {
    if (k != *kind)
      std::filesystem::remove(kept_dir + "/" + stem + std::string(UploadExtension(k)), ec);
  }
  std::filesystem::rename(temporary, kept_dir + "/" + stem + std::string(UploadExtension(*kind)),
                          ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return Status::Internal(fmt::format("无法保存上传文件到 {}：{}", kept_dir, ec.message()));
  }
  return Status::Ok();
}

std::optional<std::filesystem::path> UploadStore::KeptPath(std::string_view form_token) const {
  std::string stem = KeptStem(form_token);
  auto now = std::filesystem::file_time_type::clock::now();
  for (UploadKind k : kUploadKinds) {
    std::filesystem::path path = directory_ + "/kept/" + stem + std::string(UploadExtension(k));
    std::error_code ec;
    auto modified = std::filesystem::last_write_time(path, ec);
    if (!ec && now - modified < kKeptProofLifetime) return path;
  }
  return std::nullopt;
}

bool UploadStore::HasKept(std::string_view form_token) const {
  return KeptPath(form_token).has_value();
}

Result<std::string> UploadStore::ClaimKept(std::string_view form_token) {
  auto path = KeptPath(form_token);
  if (!path) return Status::NotFound("这份申请表没有已上传的身份证明文件");
  std::string name = RandomToken() + path->extension().string();
  std::error_code ec;
  std::filesystem::rename(*path, directory_ + "/" + name, ec);
  if (ec) return Status::NotFound("这份申请表没有已上传的身份证明文件");
  return name;
}

void UploadStore::DropKept(std::string_view form_token) {
  std::string stem = KeptStem(form_token);
  std::error_code ec;
  for (UploadKind k : kUploadKinds) {
    std::filesystem::remove(directory_ + "/kept/" + stem + std::string(UploadExtension(k)), ec);
  }
}

int UploadStore::SweepKept(std::chrono::seconds lifetime,
                           std::filesystem::file_time_type now) const {
  std::error_code ec;
  int removed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory_ + "/kept", ec)) {
    auto modified = entry.last_write_time(ec);
    if (ec || now - modified < lifetime) continue;
    if (std::filesystem::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

void UploadStore::Remove(std::string_view stored_name) {
  if (!IsStoredName(stored_name)) return;
  std::error_code ec;
  std::filesystem::remove(directory_ + "/" + std::string(stored_name), ec);
}

int UploadStore::SweepUnattached(const std::set<std::string>& attached,
                                 std::chrono::seconds lifetime,
                                 std::filesystem::file_time_type now) const {
  std::error_code ec;
  int removed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory_, ec)) {
    std::string name = entry.path().filename().string();
    if (!IsStoredName(name) || attached.contains(name)) continue;
    auto modified = entry.last_write_time(ec);
    if (ec || now - modified < lifetime) continue;
    if (std::filesystem::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

Result<std::string> UploadStore::Read(std::string_view stored_name) const {
  if (!IsStoredName(stored_name)) return Status::NotFound("没有这个上传文件");
  std::ifstream in(directory_ + "/" + std::string(stored_name), std::ios::binary);
  if (!in) return Status::NotFound("没有这个上传文件");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace gongkai::web
