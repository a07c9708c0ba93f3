#include "files/calendar_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace gongkai {
namespace fs = std::filesystem;

fs::path DefaultDataDir() {
  if (const char* env = std::getenv("GONGKAI_DATA_DIR"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  return fs::path(GONGKAI_SOURCE_DIR) / "data";
}

Result<std::string> ReadFile(const fs::path& path) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) {
    return Status::NotFound(fmt::format("找不到文件 {} — 检查路径或 --data 参数", path.string()));
  }
  if (!fs::is_regular_file(st)) {
    return Status::InvalidInput(fmt::format("{} 不是普通文件 — 请给出文件路径", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::InvalidInput(fmt::format("无法读取文件 {} — 检查文件权限", path.string()));
  }
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) {
    return Status::InvalidInput(fmt::format("读取文件 {} 时出错 — 检查磁盘与权限", path.string()));
  }
  return out.str();
}

namespace {

// The *.cal files of `dir`, in name order.
std::vector<fs::path> CalFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec) && e.path().extension() == ".cal") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::vector<Notice>> ParseAll(const fs::path& data_dir, const fs::path& dir) {
  std::vector<Notice> notices;
  for (const fs::path& file : CalFiles(dir)) {
    Result<std::string> text = ReadFile(file);
    if (!text.ok()) return text.status();
    std::string name = file.lexically_relative(data_dir).generic_string();
    Result<Notice> notice = ParseNotice(*text, name);
    if (!notice.ok()) return notice.status();
    notices.push_back(std::move(notice).value());
  }
  return notices;
}

}  // namespace

std::vector<std::string> ListRegions(const fs::path& data_dir) {
  std::vector<std::string> regions;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(data_dir / "calendar" / "local", ec)) {
    if (e.is_directory(ec)) regions.push_back(e.path().filename().string());
  }
  std::sort(regions.begin(), regions.end());
  return regions;
}

Result<Calendar> LoadCalendar(const fs::path& data_dir, std::string_view region) {
  fs::path national_dir = data_dir / "calendar" / "national";
  std::error_code ec;
  if (!fs::is_directory(national_dir, ec)) {
    return Status::NotFound(fmt::format(
        "找不到全国放假通知目录 {} — 用 --data 或环境变量 GONGKAI_DATA_DIR 指定数据目录",
        national_dir.string()));
  }
  Result<std::vector<Notice>> national = ParseAll(data_dir, national_dir);
  if (!national.ok()) return national.status();
  if (national->empty()) {
    return Status::NotFound(
        fmt::format("{} 下没有 .cal 文件 — 每年的国务院办公厅放假通知写成一个 YYYY.cal 文件",
                    national_dir.string()));
  }
  std::vector<Notice> local;
  if (!region.empty()) {
    fs::path local_dir = data_dir / "calendar" / "local" / std::string(region);
    if (region.find('/') != std::string_view::npos || region.find("..") != std::string_view::npos ||
        !fs::is_directory(local_dir, ec)) {
      std::vector<std::string> known = ListRegions(data_dir);
      return Status::NotFound(
          fmt::format("没有地区“{}”的地方日历 — 可用的地区：{}", region,
                      known.empty() ? "（无）" : fmt::format("{}", fmt::join(known, "、"))));
    }
    Result<std::vector<Notice>> parsed = ParseAll(data_dir, local_dir);
    if (!parsed.ok()) return parsed.status();
    local = std::move(parsed).value();
    for (const Notice& n : local) {
      if (n.region.empty()) {
        return Status::InvalidInput(fmt::format(
            "{}: 地方日历缺少 region 行 — 写明地区，例如 region 湖北省，并用 source 写明依据",
            n.source));
      }
    }
  }
  return Calendar::Build(std::move(national).value(), std::move(local));
}

}  // namespace gongkai
