// Counts of the catalogue (../shared/spec/services.md §3, §9), what the annual report quotes:
// items in use per level, by type, department and status, the 进厅负面清单 and the 跨省通办 list
// by object and mode. A pure function of the items in force on a date (the store supplies them:
// store/services.h ServiceItemsAt), so "at any date" is the caller's choice of items.

#ifndef GONGKAI_SERVICES_STATS_H_
#define GONGKAI_SERVICES_STATS_H_

#include <map>
#include <span>
#include <string>

#include "services/item.h"
#include "util/date.h"

namespace gongkai {

struct CrossProvinceCounts {
  int total = 0;
  int individual = 0;    // object individual
  int legal_person = 0;  // object legal_person
  int online = 0;      // entries offering 全程网办 (an entry with several modes counts in each)
  int proxy = 0;       // 异地代收代办
  int multi_site = 0;  // 多地联办
};

struct CatalogueStats {
  Date date;  // the date counted at
  // in-use items per level key (`main`, `sub`, `task`), every level present
  std::map<std::string, int> in_use;
  // every item by level key → status key → count (in_use, suspended, cancelled)
  std::map<std::string, std::map<std::string, int>> by_level_status;
  // in-use items by type key → level key → count
  std::map<std::string, std::map<std::string, int>> by_type;
  // in-use items by department → level key → count
  std::map<std::string, std::map<std::string, int>> by_department;
  int negative_list = 0;               // in-use 业务办理项 not in the hall
  CrossProvinceCounts cross_province;  // over in-use 业务办理项
};

// Counts `items` (one version of each item: the one in force on `date`).
CatalogueStats CountCatalogue(std::span<const ServiceItem> items, Date date);

// The JSON `gongkai services stats --json` prints: {"date", "in_use": {main, sub, task},
// "negative_list", "cross_province": {total, individual, legal_person, online, proxy,
// multi_site}, "by_level_status", "by_type", "by_department"}.
std::string CatalogueStatsJson(const CatalogueStats& stats);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_STATS_H_
