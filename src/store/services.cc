#include "store/services.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/agencies.h"
#include "store/ledger_rows.h"
#include "store/search_index_sql.h"
#include "store/service_rows.h"
#include "store/service_search.h"
#include "store/sql.h"

namespace gongkai {
namespace {

// Parents before children: each root (no parent, or a parent not among `items`) in code order,
// followed depth-first by its children in code order.
std::vector<ServiceItem> ParentsFirst(std::vector<ServiceItem> items) {
  std::sort(items.begin(), items.end(),
            [](const ServiceItem& a, const ServiceItem& b) { return a.code < b.code; });
  std::map<std::string_view, std::vector<std::size_t>> children;
  std::set<std::string_view> codes;
  for (const ServiceItem& i : items) codes.insert(i.code);
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].parent.empty() || !codes.contains(items[i].parent)) {
      roots.push_back(i);
    } else {
      children[items[i].parent].push_back(i);
    }
  }
  std::vector<ServiceItem> out;
  out.reserve(items.size());
  std::vector<std::size_t> stack(roots.rbegin(), roots.rend());
  while (!stack.empty()) {
    std::size_t i = stack.back();
    stack.pop_back();
    out.push_back(items[i]);
    auto it = children.find(items[i].code);
    if (it != children.end()) stack.insert(stack.end(), it->second.rbegin(), it->second.rend());
  }
  return out;
}

Result<std::vector<ServiceItem>> Current(Database& db, int64_t agency_id) {
  return Run(db, "读取政务服务事项目录", [&](soci::session& sql) {
    return internal::LoadServiceVersions(sql, agency_id, std::nullopt, true);
  });
}

}  // namespace

Result<ServiceImportResult> ImportServiceItems(Database& db, int64_t agency_id,
                                               std::span<const ServiceItem> items, Date today,
                                               std::string_view actor) {
  if (auto agency = GetAgency(db, agency_id); !agency.ok()) return agency.status();
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(
      db, "导入政务服务事项目录", [&](soci::session& sql) -> Result<ServiceImportResult> {
        auto current = internal::LoadServiceVersions(sql, agency_id, std::nullopt, true);
        if (!current.ok()) return current.status();
        std::map<std::string, const ServiceItem*, std::less<>> existing;
        std::map<std::string, ItemLevel, std::less<>> levels;
        for (const ServiceItem& i : *current) {
          existing.emplace(i.code, &i);
          levels.emplace(i.code, i.level);
        }
        ServiceImportResult result;
        std::vector<ServiceItem> fresh;
        std::set<std::string_view> in_file;
        for (std::size_t n = 0; n < items.size(); ++n) {
          const ServiceItem& item = items[n];
          std::string where = fmt::format("第 {} 条（{}）：", n + 1, item.code);
          if (Status s = CheckServiceItem(item); !s.ok()) return s.WithContext(where);
          if (!in_file.insert(item.code).second) {
            return Status::InvalidInput(where + "编码在文件中重复");
          }
          if (!item.parent.empty()) {
            auto p = levels.find(item.parent);
            std::optional<ItemLevel> level;
            if (p != levels.end()) level = p->second;
            if (Status s = internal::CheckParent(item, level); !s.ok()) {
              return s.WithContext(where);
            }
          }
          ServiceItem stored = item;
          if (!stored.effective) stored.effective = today;
          if (auto it = existing.find(item.code); it != existing.end()) {
            ServiceItem same = stored;
            same.version = it->second->version;
            same.effective = it->second->effective;
            if (!DiffItems(*it->second, same).empty()) {
              return Status::Conflict(where +
                                      "此编码已在目录中且内容不同：请用“变更”调整，"
                                      "或从文件中去掉此行");
            }
            ++result.unchanged;
            continue;
          }
          levels.emplace(item.code, item.level);
          fresh.push_back(std::move(stored));
        }
        internal::StoreServiceVersions(db, sql, agency_id, fresh, 0, std::string(actor), now);
        // New codes: each is its own first version.
        for (const ServiceItem& item : fresh) {
          auto doc = ServiceSearchDocument(agency_id, item, item.effective);
          if (!doc) continue;
          if (Status s = UpsertSearchDocument(db, sql, db.search_pinyin(), *doc); !s.ok()) {
            return s.WithContext(fmt::format("检索索引（事项 {}）：", item.code));
          }
        }
        result.added = static_cast<int>(fresh.size());
        return result;
      });
}

Status SetServiceDivision(Database& db, int64_t agency_id, std::string_view division) {
  bool digits =
      std::all_of(division.begin(), division.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (division.size() != 6 && division.size() != 12)) {
    return Status::InvalidInput(
        fmt::format("行政区划代码“{}”应为 6 位或 12 位数字，例如 511602", division));
  }
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return agency.status();
  auto settings =
      nlohmann::json::parse(agency->settings.empty() ? "{}" : agency->settings, nullptr, false);
  if (!settings.is_object()) settings = nlohmann::json::object();
  settings["division_code"] = std::string(division);
  std::string text = settings.dump();
  return RunInTransaction(db, "设置行政区划代码", [&](soci::session& sql) -> Status {
    long long id = agency_id;
    sql << "UPDATE agencies SET settings = :s WHERE id = :id", soci::use(text), soci::use(id);
    internal::RecordInLedger(db, sql, "agencies", id, fmt::format("t.id = {}", id));
    return Status::Ok();
  });
}

Result<ServiceItem> GetServiceItem(Database& db, int64_t agency_id, std::string_view code) {
  auto item = Run(db, "读取政务服务事项", [&](soci::session& sql) {
    return internal::LoadCurrentServiceItem(sql, agency_id, std::string(code));
  });
  if (!item.ok()) return item.status();
  if (!*item) return Status::NotFound(fmt::format("目录中没有编码为 {} 的事项", code));
  return std::move(**item);
}

Result<ServiceItem> GetServiceItemAt(Database& db, int64_t agency_id, std::string_view code,
                                     Date date) {
  auto versions = ServiceItemVersions(db, agency_id, code);
  if (!versions.ok()) return versions.status();
  const ServiceItem* v = VersionInForce(*versions, date);
  if (v == nullptr) {
    return Status::NotFound(fmt::format("{} 时目录中没有编码为 {} 的事项（{}）", FormatDate(date),
                                        code, versions->empty() ? "编码未知" : "尚未生效"));
  }
  return *v;
}

Result<std::vector<ServiceItem>> ServiceItemVersions(Database& db, int64_t agency_id,
                                                     std::string_view code) {
  return Run(db, "读取政务服务事项的版本", [&](soci::session& sql) {
    return internal::LoadServiceVersions(sql, agency_id, std::string(code), false);
  });
}

Result<ServiceItemPage> ListServiceItems(Database& db, int64_t agency_id,
                                         const ServiceItemFilter& f) {
  auto all = Current(db, agency_id);
  if (!all.ok()) return all.status();
  std::vector<ServiceItem> match;
  for (ServiceItem& i : *all) {
    if ((f.department && i.department != *f.department) || (f.level && i.level != *f.level) ||
        (f.type && i.type != *f.type) || (f.status && i.status != *f.status) ||
        (f.parent && i.parent != *f.parent)) {
      continue;
    }
    match.push_back(std::move(i));
  }
  std::sort(match.begin(), match.end(),
            [](const ServiceItem& a, const ServiceItem& b) { return a.code < b.code; });
  ServiceItemPage page;
  page.total = static_cast<int64_t>(match.size());
  std::size_t from = std::min<std::size_t>(std::max(0, f.offset), match.size());
  std::size_t to = f.limit > 0 ? std::min(match.size(), from + f.limit) : match.size();
  page.items.assign(std::make_move_iterator(match.begin() + from),
                    std::make_move_iterator(match.begin() + to));
  return page;
}

Result<std::vector<ServiceItem>> AllServiceItems(Database& db, int64_t agency_id) {
  auto all = Current(db, agency_id);
  if (!all.ok()) return all.status();
  return ParentsFirst(std::move(*all));
}

Result<std::vector<ServiceItem>> ServiceItemsAt(Database& db, int64_t agency_id, Date date) {
  auto versions = Run(db, "读取政务服务事项目录", [&](soci::session& sql) {
    return internal::LoadServiceVersions(sql, agency_id, std::nullopt, false);
  });
  if (!versions.ok()) return versions.status();
  std::map<std::string, std::vector<ServiceItem>> by_code;
  for (ServiceItem& v : *versions) by_code[v.code].push_back(std::move(v));
  std::vector<ServiceItem> in_force;
  for (const auto& [code, list] : by_code) {
    if (const ServiceItem* v = VersionInForce(list, date)) in_force.push_back(*v);
  }
  return ParentsFirst(std::move(in_force));
}

Result<std::vector<std::string>> ServiceDepartments(Database& db, int64_t agency_id) {
  auto all = Current(db, agency_id);
  if (!all.ok()) return all.status();
  std::set<std::string> names;
  for (const ServiceItem& i : *all) names.insert(i.department);
  return std::vector<std::string>(names.begin(), names.end());
}

namespace {

Result<std::vector<ServiceItem>> ListAt(Database& db, int64_t agency_id, Date date,
                                        bool (*on_list)(const ServiceItem&)) {
  auto items = ServiceItemsAt(db, agency_id, date);
  if (!items.ok()) return items.status();
  std::vector<ServiceItem> out;
  for (ServiceItem& i : *items) {
    if (on_list(i)) out.push_back(std::move(i));
  }
  std::sort(out.begin(), out.end(), [](const ServiceItem& a, const ServiceItem& b) {
    return std::tie(a.department, a.code) < std::tie(b.department, b.code);
  });
  return out;
}

}  // namespace

Result<std::vector<ServiceItem>> NegativeListAt(Database& db, int64_t agency_id, Date date) {
  return ListAt(db, agency_id, date, OnNegativeList);
}

Result<std::vector<ServiceItem>> CrossProvinceListAt(Database& db, int64_t agency_id, Date date) {
  return ListAt(db, agency_id, date, OnCrossProvinceList);
}

Result<CatalogueStats> ServiceStatsAt(Database& db, int64_t agency_id, Date date) {
  auto items = ServiceItemsAt(db, agency_id, date);
  if (!items.ok()) return items.status();
  return CountCatalogue(*items, date);
}

Result<std::vector<QualityFinding>> CheckServiceCatalogue(
    Database& db, int64_t agency_id, Date date, std::span<const CatalogueEntry> reference) {
  auto division = internal::AgencyDivision(db, agency_id);
  if (!division.ok()) return division.status();
  auto items = ServiceItemsAt(db, agency_id, date);
  if (!items.ok()) return items.status();
  return CheckQuality(*items, QualityOptions{*division, reference});
}

}  // namespace gongkai
