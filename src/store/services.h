// The government service item catalogue (政务服务事项, ../shared/spec/services.md) of each agency:
// the current row of every item (with its materials and basis clauses as their own rows), every
// published version of it (immutable, each with its 生效时间), and the changes of dynamic
// management (§3) with who drafted, approved and published each and when. Every write is covered
// by the keyed audit ledger (store/ledger.h) in its own transaction. Every table carries
// agency_id as the first column of its key.
//
// The guide pages, QR codes, PDFs and public lists are built on this API (the version in force
// on a date, the negative list, the 跨省通办 list, the public change log); the domain types are
// services/*.h. Roles: a clerk drafts, the head approves and publishes (store/permissions.h).
// Plain functions over a Database; thread safety is the Database's.
//

#ifndef GONGKAI_STORE_SERVICES_H_
#define GONGKAI_STORE_SERVICES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "publications/clock.h"
#include "services/change.h"
#include "services/item.h"
#include "services/quality.h"
#include "services/stats.h"
#include "store/calendars.h"
#include "store/database.h"
#include "store/users.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// ---- Import and export -------------------------------------------------------------------

struct ServiceImportResult {
  int added = 0;      // codes new to the catalogue
  int unchanged = 0;  // codes already there with the same content (a re-import): skipped
};

// Imports a catalogue (services/jsonl.h ParseServicesJsonl or the tabular reader) in one
// transaction: all or nothing. Each new item becomes its current row and its first stored
// version (the item's own `version`, `effective` defaulting to `today`). Parents must be in
// the file or already in the catalogue. kConflict naming the code when an item already in the
// catalogue differs (change it through a 变更 instead); kInvalidInput naming the code for a
// parent that is missing or of the wrong level. Codes are the provincial system's and are
// imported as given: a code whose embedded parts do not check is a finding of
// CheckServiceCatalogue, not a refusal. `actor` is recorded.
Result<ServiceImportResult> ImportServiceItems(Database& db, int64_t agency_id,
                                               std::span<const ServiceItem> items, Date today,
                                               std::string_view actor);

// Sets the agency's 行政区划代码 (agency settings `division_code`, 6 or 12 digits), against which
// the codes' embedded division is checked (services/codes.h). kInvalidInput for another shape.
Status SetServiceDivision(Database& db, int64_t agency_id, std::string_view division);

// ---- Reading ---------------------------------------------------------------------------

// The current row (the newest published version, also when scheduled after today).
// kNotFound naming the code.
Result<ServiceItem> GetServiceItem(Database& db, int64_t agency_id, std::string_view code);
// The version in force on `date` (services/change.h VersionInForce over the stored versions).
// kNotFound naming the code and the date when the code is unknown or not yet in force.
Result<ServiceItem> GetServiceItemAt(Database& db, int64_t agency_id, std::string_view code,
                                     Date date);
// Every stored version of the item, oldest first. Empty when the code is unknown.
Result<std::vector<ServiceItem>> ServiceItemVersions(Database& db, int64_t agency_id,
                                                     std::string_view code);

struct ServiceItemFilter {
  std::optional<std::string> department;  // 实施机关, exact
  std::optional<ItemLevel> level;
  std::optional<ItemType> type;
  std::optional<ItemStatus> status;
  std::optional<std::string> parent;  // children of this code
  int offset = 0;
  int limit = 0;  // ≤ 0: no limit
};
struct ServiceItemPage {
  std::vector<ServiceItem> items;  // by code
  int64_t total = 0;               // matching, ignoring offset and limit
};
// The current rows matching `filter`.
Result<ServiceItemPage> ListServiceItems(Database& db, int64_t agency_id,
                                         const ServiceItemFilter& filter);
// Every current row, parents before children (the export order).
Result<std::vector<ServiceItem>> AllServiceItems(Database& db, int64_t agency_id);
// The catalogue as in force on `date`: for each code the version in force, parents first;
// codes not yet in force are left out.
Result<std::vector<ServiceItem>> ServiceItemsAt(Database& db, int64_t agency_id, Date date);
// The agency's departments (实施机关) with at least one current item, sorted.
Result<std::vector<std::string>> ServiceDepartments(Database& db, int64_t agency_id);

// The 进厅负面清单 and the 跨省通办 list on `date`: the in-use 业务办理项 in force then that are
// on the list (services/item.h OnNegativeList / OnCrossProvinceList), by department then code.
Result<std::vector<ServiceItem>> NegativeListAt(Database& db, int64_t agency_id, Date date);
Result<std::vector<ServiceItem>> CrossProvinceListAt(Database& db, int64_t agency_id, Date date);

// services/stats.h CountCatalogue over ServiceItemsAt(date).
Result<CatalogueStats> ServiceStatsAt(Database& db, int64_t agency_id, Date date);

// services/quality.h CheckQuality over ServiceItemsAt(date), with the agency's `division_code`
// and the given reference catalogue (may be empty).
Result<std::vector<QualityFinding>> CheckServiceCatalogue(
    Database& db, int64_t agency_id, Date date, std::span<const CatalogueEntry> reference = {});

// ---- Dynamic management ------------------------------------------------------------------

struct StoredServiceChange {
  int64_t id = 0;  // 1, 2, … within the agency
  ChangeRequest request;
  ChangeState state = ChangeState::kDraft;
  std::optional<ServiceItem> before;   // the current row when drafted (refreshed at publication)
  std::optional<ServiceItem> after;    // the version it makes (services/change.h ApplyChange)
  std::vector<FieldChange> diff;       // DiffItems(before, after)
  std::string drafted_by, drafted_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string approved_by, approved_at;
  std::string published_by, published_at;
  std::string closed_by, closed_at, close_note;  // rejected or withdrawn
  int version = 0;                               // the version published; 0 before publication
  // Its entry in the proactive-disclosure register (services/change_notice.h), once published.
  int64_t publication_id = 0;
  std::string index_no;  // that entry's 索引号
};

// Drafts a change (state draft): checks the request (CheckChangeRequest) and what it makes of
// the current row (ApplyChange), so a draft that could never be published is refused at once.
// Allowed to a clerk, the head, an administrator (Action::kDraftServiceChange); kPermissionDenied
// otherwise or for another agency's user. Returns the change id.
Result<int64_t> DraftServiceChange(Database& db, int64_t agency_id, const ChangeRequest& request,
                                   const User& user);
// draft → approved; only the head (Action::kApproveServiceChange). kConflict when not a draft.
Status ApproveServiceChange(Database& db, int64_t agency_id, int64_t id, const User& user);
// draft → rejected (the head) or withdrawn (the drafter's roles), with a note. kConflict when
// not a draft.
Status RejectServiceChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                           const User& user);
Status WithdrawServiceChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                             const User& user);
// approved → published; only the head (Action::kPublishServiceChange). Re-applies the request
// to the current row (kConflict when another change published since made it impossible),
// stores the new immutable version, replaces the current row, records the final diff and adds
// the change's 调整情况公示 to the proactive-disclosure register (services/change_notice.h:
// 公开日期 today, 生成日期 the earlier of the approval day and the 生效时间, 发布机构 the agency;
// kind other, so a locked report year never refuses it). Returns the stored change.
Result<StoredServiceChange> PublishServiceChange(Database& db, int64_t agency_id, int64_t id,
                                                 const User& user);

struct ServiceChangeFilter {
  std::optional<ChangeState> state;
  std::optional<std::string> code;
};
// Changes by id.
Result<std::vector<StoredServiceChange>> ListServiceChanges(Database& db, int64_t agency_id,
                                                            const ServiceChangeFilter& filter);
Result<StoredServiceChange> GetServiceChange(Database& db, int64_t agency_id, int64_t id);
// The public change log (调整情况公示): published changes whose version is effective in
// [from, to], by 生效时间 then id.
Result<std::vector<StoredServiceChange>> ServiceChangeLog(Database& db, int64_t agency_id,
                                                          Date from, Date to);

// Art. 26's clock of a published change's register entry (publications/clock.h on the agency's
// calendar, as of `as_of`): whether the 调整情况公示 went public in time. nullopt for a change not
// published (or published before migration 17, without an entry).
Result<std::optional<PublicationClock>> ServiceChangeClock(Database& db, Calendars& calendars,
                                                           int64_t agency_id,
                                                           const StoredServiceChange& change,
                                                           Date as_of);

}  // namespace gongkai

#endif  // GONGKAI_STORE_SERVICES_H_
