#include "store/agencies.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "store/ledger_rows.h"
#include "store/sql.h"

namespace gongkai {
namespace {

constexpr std::array<AgencyKindEntry, 3> kAgencyKinds{{
    {AgencyKind::kGovernment, "government", "人民政府"},
    {AgencyKind::kDepartment, "department", "政府部门"},
    {AgencyKind::kTownship, "township", "乡镇（街道）"},
}};

}  // namespace

std::span<const AgencyKindEntry> AgencyKinds() { return kAgencyKinds; }

std::optional<AgencyKind> AgencyKindFromKey(std::string_view key) {
  for (const auto& e : kAgencyKinds) {
    if (e.key == key) return e.value;
  }
  return std::nullopt;
}

std::string_view Key(AgencyKind kind) {
  for (const auto& e : kAgencyKinds) {
    if (e.value == kind) return e.key;
  }
  return "department";
}

std::string_view Label(AgencyKind kind) {
  for (const auto& e : kAgencyKinds) {
    if (e.value == kind) return e.label;
  }
  return "";
}

Publisher ReportPublisher(AgencyKind kind) {
  return kind == AgencyKind::kGovernment ? Publisher::kGovernment : Publisher::kDepartment;
}

Result<CaseSettings> AgencyCaseSettings(const Agency& agency) {
  auto json = nlohmann::json::parse(agency.settings, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Status::InvalidInput(
        fmt::format("机关设置必须是 JSON 对象，例如 {{\"start_day_is_day_zero\": true}}；收到：{}",
                    agency.settings));
  }
  CaseSettings settings;
  const std::pair<std::string_view, bool*> kKeys[] = {
      {"start_day_is_day_zero", &settings.deadlines.start_day_is_day_zero},
      {"fee_stops_clock", &settings.deadlines.fee_stops_clock},
      {"count_remedies_decided_in_year_filed_earlier",
       &settings.count_remedies_decided_in_year_filed_earlier},
  };
  for (const auto& [key, value] : json.items()) {
    if (key == "division_code") {  // the 行政区划代码 of the service catalogue (store/services.h)
      if (!value.is_string()) return Status::InvalidInput("机关设置“division_code”应为字符串");
      continue;
    }
    if (key == "rating_period_days" || key == "rating_period_unit" || key == "rating_case_item") {
      continue;  // 好差评 settings, read by store/ratings.h
    }
    auto known = std::find_if(std::begin(kKeys), std::end(kKeys),
                              [&](const auto& k) { return k.first == key; });
    if (known == std::end(kKeys)) {
      return Status::InvalidInput(
          fmt::format("机关设置中的“{}”无法识别：可用的有 start_day_is_day_zero、fee_stops_clock、"
                      "count_remedies_decided_in_year_filed_earlier、division_code、"
                      "rating_period_days、rating_period_unit、rating_case_item",
                      key));
    }
    if (!value.is_boolean()) {
      return Status::InvalidInput(fmt::format("机关设置“{}”应为 true 或 false", key));
    }
    *known->second = value.get<bool>();
  }
  return settings;
}

Result<int64_t> AddAgency(Database& db, const Agency& agency) {
  if (agency.name.empty()) return Status::InvalidInput("机关名称不能为空：请用 --name 指定");
  if (auto settings = AgencyCaseSettings(agency); !settings.ok()) return settings.status();
  return RunInTransaction(db, "添加机关", [&](soci::session& sql) -> Result<int64_t> {
    soci::indicator parent_ind = agency.parent_id ? soci::i_ok : soci::i_null;
    long long parent = agency.parent_id.value_or(0);
    if (agency.parent_id) {
      long long found = 0;
      sql << "SELECT count(*) FROM agencies WHERE id = :p", soci::use(parent), soci::into(found);
      if (found == 0) {
        return Status::InvalidInput(
            fmt::format("上级机关 {} 不存在：请先用 `gongkai agencies list` 查看编号", parent));
      }
    }
    long long taken = 0;
    sql << "SELECT count(*) FROM agencies WHERE name = :n", soci::use(agency.name),
        soci::into(taken);
    if (taken) return Status::Conflict(fmt::format("机关“{}”已存在", agency.name));
    std::string kind(Key(agency.kind));
    std::string now = FormatUtc(db.Now());
    long long id = 0;
    sql << "INSERT INTO agencies (parent_id, name, kind, region, settings, created_at) "
           "VALUES (:p, :n, :k, :r, :s, :t) RETURNING id",
        soci::use(parent, parent_ind), soci::use(agency.name), soci::use(kind),
        soci::use(agency.region), soci::use(agency.settings), soci::use(now), soci::into(id);
    internal::RecordInLedger(db, sql, "agencies", id, fmt::format("t.id = {}", id));
    return static_cast<int64_t>(id);
  });
}

namespace {

constexpr std::string_view kAgencyColumns =
    "SELECT id, parent_id, name, kind, region, settings FROM agencies";

// Reads the current row of a statement prepared with kAgencyColumns.
struct AgencyRow {
  long long id = 0;
  long long parent = 0;
  soci::indicator parent_ind = soci::i_null;
  std::string name, kind, region, settings;

  template <typename Stmt>
  void Bind(Stmt& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(parent, parent_ind));
    st.exchange(soci::into(name));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(region));
    st.exchange(soci::into(settings));
  }
  Agency ToAgency() const {
    Agency a;
    a.id = id;
    if (parent_ind == soci::i_ok) a.parent_id = parent;
    a.name = name;
    a.kind = AgencyKindFromKey(kind).value_or(AgencyKind::kDepartment);
    a.region = region;
    a.settings = settings;
    return a;
  }
};

}  // namespace

Result<std::vector<Agency>> ListAgencies(Database& db) {
  return Run(db, "列出机关", [&](soci::session& sql) -> Result<std::vector<Agency>> {
    AgencyRow row;
    soci::statement st(sql);
    row.Bind(st);
    st.alloc();
    st.prepare(std::string(kAgencyColumns) + " ORDER BY id");
    st.define_and_bind();
    st.execute();
    std::vector<Agency> out;
    while (st.fetch()) out.push_back(row.ToAgency());
    return out;
  });
}

Result<Agency> GetAgency(Database& db, int64_t id) {
  return Run(db, "读取机关", [&](soci::session& sql) -> Result<Agency> {
    AgencyRow row;
    long long key = id;
    soci::statement st(sql);
    row.Bind(st);
    st.exchange(soci::use(key));
    st.alloc();
    st.prepare(std::string(kAgencyColumns) + " WHERE id = :id");
    st.define_and_bind();
    if (!st.execute(true)) {
      return Status::NotFound(
          fmt::format("机关 {} 不存在：请用 `gongkai agencies list` 查看编号", id));
    }
    return row.ToAgency();
  });
}

Result<int64_t> ResolveAgency(Database& db, std::optional<int64_t> id) {
  if (id) {
    auto agency = GetAgency(db, *id);
    if (!agency.ok()) return Status::InvalidInput(agency.status().message());
    return *id;
  }
  auto all = ListAgencies(db);
  if (!all.ok()) return all.status();
  if (all->size() == 1) return all->front().id;
  if (all->empty()) {
    return Status::InvalidInput(
        "数据库中还没有机关：请先 `gongkai agencies add --name 名称 --kind department`，"
        "或用 `gongkai cases import FILE` 导入案件（空数据库会自动建立机关）");
  }
  return Status::InvalidInput(fmt::format(
      "数据库中有 {} 个机关：请用 --agency 指定编号（`gongkai agencies list` 查看）", all->size()));
}

Result<std::vector<int64_t>> AgencySubtree(Database& db, int64_t id) {
  auto all = ListAgencies(db);
  if (!all.ok()) return all.status();
  std::vector<int64_t> out{id};
  // Parents come before children (ids increase), so one pass per level suffices; the loop
  // ends when a pass adds nothing.
  for (size_t added = 1; added;) {
    added = 0;
    for (const Agency& a : *all) {
      if (!a.parent_id || std::find(out.begin(), out.end(), a.id) != out.end()) continue;
      if (std::find(out.begin(), out.end(), *a.parent_id) != out.end()) {
        out.push_back(a.id);
        ++added;
      }
    }
  }
  return out;
}

}  // namespace gongkai
