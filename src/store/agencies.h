// Agencies: the bodies that receive applications and publish reports, in a hierarchy (a county
// government, its departments, its townships). Each carries the region of its local calendar
// and its settings as JSON. Users are scoped to an agency and everything below it.

#ifndef GONGKAI_STORE_AGENCIES_H_
#define GONGKAI_STORE_AGENCIES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cases/case_state.h"
#include "report/rules.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// DO NOT CHANGE the keys: stored in agencies.kind.
enum class AgencyKind { kGovernment, kDepartment, kTownship };

struct AgencyKindEntry {
  AgencyKind value;
  std::string_view key;    // "government", "department", "township"
  std::string_view label;  // 人民政府, 政府部门, 乡镇（街道）
};
std::span<const AgencyKindEntry> AgencyKinds();
std::optional<AgencyKind> AgencyKindFromKey(std::string_view key);
std::string_view Key(AgencyKind kind);
std::string_view Label(AgencyKind kind);
// Whose Art. 49 deadline an agency's report keeps (report/rules.h PublicationDeadline): a
// government's by 31 March; a department's, and a township's (it reports to the county like a
// department), by 31 January.
Publisher ReportPublisher(AgencyKind kind);

struct Agency {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string name;
  AgencyKind kind = AgencyKind::kDepartment;
  std::string region;           // local calendar region, e.g. "西藏自治区"; "" = national only
  std::string settings = "{}";  // JSON object: case settings (cases/case_state.h CaseSettings)
};

// The case settings an agency's settings JSON states; defaults for keys absent. Known keys
// (booleans): start_day_is_day_zero, fee_stops_clock,
// count_remedies_decided_in_year_filed_earlier. kInvalidInput naming an unknown key or a value
// that is not a boolean.
Result<CaseSettings> AgencyCaseSettings(const Agency& agency);

// Adds an agency and returns its id (the `id` field of `agency` is ignored). Returns
// kInvalidInput when the name is empty, the settings are not a JSON object or the parent does
// not exist; kConflict when the name is taken.
Result<int64_t> AddAgency(Database& db, const Agency& agency);

// Every agency, parents before children (ordered by id).
Result<std::vector<Agency>> ListAgencies(Database& db);

// kNotFound naming the id when absent.
Result<Agency> GetAgency(Database& db, int64_t id);

// The agency a command acts on: `id` when given (kInvalidInput when it does not exist), else the
// only agency of the database; kInvalidInput asking for --agency when there are none or several.
Result<int64_t> ResolveAgency(Database& db, std::optional<int64_t> id);

// `id` and every agency below it, at any depth.
Result<std::vector<int64_t>> AgencySubtree(Database& db, int64_t id);

}  // namespace gongkai

#endif  // GONGKAI_STORE_AGENCIES_H_
