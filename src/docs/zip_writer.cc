#include "docs/zip_writer.h"

#include <zip.h>

#include <ctime>
#include <memory>

namespace gongkai {
namespace {

struct SourceCloser {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// libzip converts the time_t to DOS time with localtime(); mktime() is its inverse, so the
// stored stamp reads `date` 00:00 whatever TZ is.
time_t LocalMidnight(Date date) {
  std::tm tm{};
  tm.tm_year = static_cast<int>(date.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(date.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(date.day()));
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

Status ZipError(const char* step, zip_error_t* error) {
  return Status::Internal(std::string("生成 ZIP 文件失败（") + step + "）：" +
                          zip_error_strerror(error));
}

}  // namespace

Result<std::string> ZipArchive(const std::vector<ZipEntry>& entries, Date date) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceCloser> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return ZipError("buffer", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) return ZipError("open", &error);
  zip_source_keep(buffer.get());  // the archive releases its reference on close; we read it after

  const time_t stamp = LocalMidnight(date);
  for (const ZipEntry& entry : entries) {
    zip_source_t* data = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
    zip_int64_t index =
        data == nullptr ? -1 : zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (data != nullptr) zip_source_free(data);
      Status s = Status::Internal("生成 ZIP 文件失败（添加 " + entry.name + "）：" +
                                  zip_strerror(archive));
      zip_discard(archive);
      return s;
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_file_set_mtime(archive, i, stamp, 0) != 0 ||
        zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) != 0) {
      Status s = Status::Internal("生成 ZIP 文件失败（设置 " + entry.name + "）：" +
                                  zip_strerror(archive));
      zip_discard(archive);
      return s;
    }
  }
  if (zip_close(archive) != 0) {
    Status s = Status::Internal(std::string("生成 ZIP 文件失败（写出）：") + zip_strerror(archive));
    zip_discard(archive);
    return s;
  }

  zip_source_t* src = buffer.get();
  zip_stat_t st;
  if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0) {
    return ZipError("read", zip_source_error(src));
  }
  std::string bytes(static_cast<size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(src, bytes.data(), st.size);
  zip_source_close(src);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    return ZipError("read", zip_source_error(src));
  }
  return bytes;
}

}  // namespace gongkai
