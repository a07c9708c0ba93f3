#include "ingest/zip_reader.h"

#include <fmt/format.h>

#include <algorithm>

#include "ingest/limits.h"

namespace gongkai::ingest {
namespace {

constexpr std::size_t kChunkBytes = 64u << 10;

std::string MiB(std::uint64_t bytes) { return fmt::format("{} MiB", bytes >> 20); }

}  // namespace

ZipReader::ZipReader(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    problem_ = {false, "内存不足", "out of memory"};
    zip_error_fini(&error);
    return;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    problem_ = {false, "ZIP 结构损坏：" + why, why};
    return;
  }
  zip_error_fini(&error);
  std::unique_ptr<zip_t, decltype(&zip_discard)> owned(archive, zip_discard);
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries > kMaxZipEntries) {
    problem_ = {
        true, fmt::format("ZIP 有 {} 个条目，超过 {} 个的上限", entries, kMaxZipEntries),
        fmt::format("the ZIP has {} entries, over the limit of {}", entries, kMaxZipEntries)};
    return;
  }
  archive_ = std::move(owned);
}

std::optional<std::string> ZipReader::Read(const char* name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive_.get(), name, 0, &st) != 0) {
    problem_ = {false, fmt::format("缺少 {}", name), fmt::format("no {}", name)};
    return std::nullopt;
  }
  zip_file_t* file = zip_fopen(archive_.get(), name, 0);
  if (!file) {
    problem_ = {false, fmt::format("无法打开 {}", name), fmt::format("{} cannot be opened", name)};
    return std::nullopt;
  }
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> closer(file, zip_fclose);
  // The compressed size bounds the ratio; a header that lies about it only makes the ratio cap
  // stricter or looser, never the per-entry and total caps.
  const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  std::string out;
  char chunk[kChunkBytes];
  for (;;) {
    const zip_int64_t n = zip_fread(file, chunk, sizeof chunk);
    if (n < 0) {
      problem_ = {false, fmt::format("{} 不完整或已损坏", name),
                  fmt::format("{} is truncated or damaged", name)};
      return std::nullopt;
    }
    if (n == 0) break;
    const auto got = static_cast<std::uint64_t>(n);
    total_read_ += got;
    if (out.size() + got > kMaxZipEntryBytes) {
      problem_ = {
          true, fmt::format("{} 解压后超过 {} 的上限", name, MiB(kMaxZipEntryBytes)),
          fmt::format("{} inflates to more than the limit of {}", name, MiB(kMaxZipEntryBytes))};
      return std::nullopt;
    }
    if (total_read_ > kMaxZipTotalBytes) {
      problem_ = {true, fmt::format("解压总量超过 {} 的上限", MiB(kMaxZipTotalBytes)),
                  fmt::format("the entries inflate to more than the limit of {} in total",
                              MiB(kMaxZipTotalBytes))};
      return std::nullopt;
    }
    out.append(chunk, got);
    if (out.size() > kZipRatioFloorBytes &&
        out.size() > kMaxZipRatio * std::max<std::uint64_t>(compressed, 1)) {
      problem_ = {true, fmt::format("{} 的压缩比超过 {}:1 的上限", name, kMaxZipRatio),
                  fmt::format("{} inflates more than the ratio limit of {}:1", name, kMaxZipRatio)};
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace gongkai::ingest
