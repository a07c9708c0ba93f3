#include "web/templates.h"

#include <fmt/format.h>
#include <atomic>
#include <fstream>
#include <memory>
#include <sstream>

namespace gongkai::web {

namespace {

std::atomic<long> next_generation{1};

}  // namespace

Result<Templates> Templates::Load(const std::filesystem::path& directory) {
  Templates t;
  t.generation_ = next_generation++;
  std::error_code ec;
  std::filesystem::directory_iterator it(directory, ec);
  if (ec) {
    return Status::InvalidInput(
        fmt::format("无法读取页面模板目录 {}：{}（请检查 GONGKAI_DATA_DIR）", directory.string(),
                    ec.message()));
  }
  for (const auto& entry : it) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    kainjow::mustache::mustache parsed(text.str());
    if (!parsed.is_valid()) {
      return Status::InvalidInput(
          fmt::format("页面模板 {} 有误：{}", entry.path().string(), parsed.error_message()));
    }
    t.texts_[entry.path().stem().string()] = text.str();
  }
  if (!t.texts_.count("layout")) {
    return Status::InvalidInput(
        fmt::format("页面模板目录 {} 中缺少 layout.mustache", directory.string()));
  }
  return t;
}

Result<std::string> Templates::Render(std::string_view name, const View& view) const {
  thread_local std::map<std::pair<long, std::string>, std::unique_ptr<kainjow::mustache::mustache>>
      cache;
  auto key = std::make_pair(generation_, std::string(name));
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto text = texts_.find(key.second);
    if (text == texts_.end()) {
      return Status::Internal(fmt::format("页面模板 {}.mustache 不存在", name));
    }
    it = cache.emplace(key, std::make_unique<kainjow::mustache::mustache>(text->second)).first;
  }
  std::string out = it->second->render(view);
  if (!it->second->is_valid()) {
    return Status::Internal(
        fmt::format("页面模板 {}.mustache 渲染失败：{}", name, it->second->error_message()));
  }
  return out;
}

}  // namespace gongkai::web
