#include "web/upload.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
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

Result<std::string> UploadStore::Save(std::string_view bytes) {
  auto kind = CheckUpload(bytes);
  if (!kind.ok()) return kind.status();
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  if (ec) {
    return Status::Internal(fmt::format("无法创建上传目录 {}：{}", directory_, ec.message()));
  }
  std::filesystem::permissions(directory_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  std::string name = RandomToken() + std::string(UploadExtension(*kind));
  std::string path = directory_ + "/" + name;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::Internal(
        fmt::format("无法写入上传目录 {}：{}", directory_, std::strerror(errno)));
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(path.c_str());
      return Status::Internal(
          fmt::format("写入上传文件失败（{}）：{}", directory_, std::strerror(err)));
    }
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return name;
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
