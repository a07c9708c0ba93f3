#include "services/stats.h"

#include <nlohmann/json.hpp>

namespace gongkai {

CatalogueStats CountCatalogue(std::span<const ServiceItem> items, Date date) {
  CatalogueStats stats;
  stats.date = date;
  for (const auto& level : ItemLevels()) {
    stats.in_use[std::string(level.key)] = 0;
    for (const auto& status : ItemStatuses()) {
      stats.by_level_status[std::string(level.key)][std::string(status.key)] = 0;
    }
  }
  for (const ServiceItem& item : items) {
    std::string level(Key(item.level));
    ++stats.by_level_status[level][std::string(Key(item.status))];
    if (item.status != ItemStatus::kInUse) continue;
    ++stats.in_use[level];
    ++stats.by_type[std::string(Key(item.type))][level];
    ++stats.by_department[item.department][level];
    if (OnNegativeList(item)) ++stats.negative_list;
    if (OnCrossProvinceList(item)) {
      CrossProvinceCounts& cp = stats.cross_province;
      ++cp.total;
      ++(item.cross_province->object == ServiceObject::kIndividual ? cp.individual
                                                                   : cp.legal_person);
      const auto& modes = item.cross_province->modes;
      if (modes.contains(CrossProvinceMode::kOnline)) ++cp.online;
      if (modes.contains(CrossProvinceMode::kProxy)) ++cp.proxy;
      if (modes.contains(CrossProvinceMode::kMultiSite)) ++cp.multi_site;
    }
  }
  return stats;
}

std::string CatalogueStatsJson(const CatalogueStats& stats) {
  using Json = nlohmann::ordered_json;
  Json j = Json::object();
  j["date"] = FormatDate(stats.date);
  Json in_use = Json::object();
  for (const auto& level : ItemLevels())
    in_use[level.key] = stats.in_use.at(std::string(level.key));
  j["in_use"] = in_use;
  j["negative_list"] = stats.negative_list;
  const CrossProvinceCounts& cp = stats.cross_province;
  j["cross_province"] = {
      {"total", cp.total},   {"individual", cp.individual}, {"legal_person", cp.legal_person},
      {"online", cp.online}, {"proxy", cp.proxy},           {"multi_site", cp.multi_site}};
  j["by_level_status"] = stats.by_level_status;
  j["by_type"] = stats.by_type;
  j["by_department"] = stats.by_department;
  return j.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace gongkai
