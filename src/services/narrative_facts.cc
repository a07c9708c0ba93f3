#include "services/narrative_facts.h"

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {
namespace {

int At(const std::map<std::string, int>& counts, const char* key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

std::vector<std::string> CatalogueFactLines(const CatalogueStats& stats, int year,
                                            std::span<const ChangeKind> changes) {
  int items = 0;
  for (const auto& [level, by_status] : stats.by_level_status) {
    for (const auto& [status, n] : by_status) items += n;
  }
  if (items == 0) return {};
  const std::string counted = fmt::format("（统计日期：{}）", FormatDateZh(stats.date));
  const int main = At(stats.in_use, "main"), sub = At(stats.in_use, "sub"),
            task = At(stats.in_use, "task");
  const CrossProvinceCounts& cp = stats.cross_province;
  std::vector<std::string> out;
  out.push_back(
      fmt::format("政务服务事项实行动态管理，目录在用主项{}项、子项{}项、业务办理项{}项。{}", main,
                  sub, task, counted));
  out.push_back(fmt::format("公开办事指南{}份（每个在用业务办理项一份）。{}", task, counted));
  out.push_back(fmt::format("进厅负面清单事项{}项，其余在用业务办理项均进驻政务服务大厅。{}",
                            stats.negative_list, counted));
  out.push_back(fmt::format(
      "跨省通办事项{}项，其中个人事项{}项、法人事项{}项；全程网办{}项、异地代收代办{}项、"
      "多地联办{}项（一项可有多种办理方式）。{}",
      cp.total, cp.individual, cp.legal_person, cp.online, cp.proxy, cp.multi_site, counted));
  std::string by_kind;
  for (const auto& entry : ChangeKinds()) {
    auto n = std::count(changes.begin(), changes.end(), entry.value);
    if (n == 0) continue;
    by_kind += fmt::format("{}{}{}项", by_kind.empty() ? "：" : "、", entry.label, n);
  }
  out.push_back(fmt::format("{}年生效的事项调整{}项{}，均已在调整情况公示中公开。{}", year,
                            changes.size(), by_kind, counted));
  return out;
}

}  // namespace gongkai
