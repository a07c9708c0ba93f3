// The annual report as the register produces it, and its versions per agency and year:
//   draft ──approve (负责人 / head)──▶ approved ──publish──▶ published ──reopen (head, reason)──▶
//   reopened
// A draft holds the tables as last built from the register and the narrative of each section
// (一 … 六) as the office wrote it. Publishing locks the year: events, case imports and table-A
// records dated in it are refused with kConflict (store/case_store.h, store/records.h) until a
// head reopens the report; the reopening is kept with who, when and why, and the next build
// starts a new version that inherits the narrative.
//
// A draft is a frozen snapshot: its tables, its narrative and the register stamp
// (store/register_stamp.h) it was built at. A section the office never wrote holds the generated
// text (cases/narrative.h) and is refreshed by every build; a written one is kept. The head
// approves the snapshot he was shown, named by its fingerprint, and only while the register still
// gives the same tables. Publishing renders the version's files once and stores them
// (store/report_files.h): the public is served those bytes, never a fold of the register.

#ifndef GONGKAI_STORE_REPORT_STORE_H_
#define GONGKAI_STORE_REPORT_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cases/annual.h"
#include "report/model.h"
#include "store/calendars.h"
#include "store/database.h"
#include "store/report_files.h"
#include "store/users.h"
#include "util/status.h"

namespace gongkai {

// DO NOT CHANGE the keys: stored in report_versions.state.
enum class ReportState { kDraft, kApproved, kPublished, kReopened };
std::string_view Key(ReportState state);
std::string_view Label(ReportState state);  // 草稿, 已批准, 已发布, 已重新打开

struct ReportVersion {
  int64_t agency_id = 0;
  int year = 0;
  int version = 0;  // 1, 2, … per agency and year
  ReportState state = ReportState::kDraft;
  std::string report_json;                // the tables as built (report/json.h)
  std::map<int, std::string> narratives;  // section number 1..6 → text
  std::set<int> generated;                // sections still holding the generated text
  std::string register_stamp;             // store/register_stamp.h, read before the build
  std::string created_by, created_at;
  std::string approved_by, approved_at;
  std::string published_by, published_at;
  std::string reopened_by, reopened_at, reopen_reason;
};

// Folds the register into the report of `year` (cases/annual.h BuildAnnualReport) with table A
// from the records (store/records.h). The folding errors of BuildAnnualReport pass through.
Result<AnnualReport> BuildRegisterReport(Database& db, Calendars& calendars, int64_t agency_id,
                                         int year);

// The report of a stored version: its tables and the six sections with their narrative.
Result<Report> VersionReport(const ReportVersion& version);

// Builds the report and stores it as the year's draft: replaces the tables of an open draft, or
// starts a new version (inheriting the last version's narrative) after a reopening or when
// there is none. kConflict when the current version is approved or published.
Result<ReportVersion> SaveDraft(Database& db, Calendars& calendars, int64_t agency_id, int year,
                                const User& user);

// Sets the narrative of section 1..6 of the draft. kConflict when there is no draft.
Status SetNarrative(Database& db, int64_t agency_id, int year, int section, const std::string& text,
                    const User& user);

// The fingerprint of the version's snapshot: hex SHA-256 of its report JSON, each section's
// narrative and the register stamp it was built from. What the approve form carries.
std::string SnapshotFingerprint(const ReportVersion& version);

// The first version of `versions` (newest first, as ListReportVersions) that was ever published:
// the one the public sees, published or since reopened. nullptr when none was.
const ReportVersion* LastPublished(const std::vector<ReportVersion>& versions);

// The civil date in Asia/Shanghai on which the version was published; nullopt when it was not
// (or its published_at is not a stored time).
std::optional<Date> PublishedOn(const ReportVersion& version);

// draft → approved, of exactly the snapshot whose SnapshotFingerprint is `fingerprint`; only a
// head of the agency (kPermissionDenied otherwise; the roles of every action are in
// store/permissions.h). kConflict when the stored draft's fingerprint
// is another (it was rebuilt or rewritten after the head saw it), or when the register changed
// after the snapshot so that a cell of the tables or a generated section differs: the message
// names each changed cell (report/table_diff.h) and asks for the draft to be rebuilt. A changed
// register stamp whose rebuild gives the same tables and texts does not block the approval.
Status ApproveReport(Database& db, Calendars& calendars, int64_t agency_id, int year,
                     const User& user, const std::string& fingerprint);

// The rendered files of a version to publish (store/report_files.h); an error stops the
// publication.
using ReportRenderer = std::function<Result<std::vector<ReportFile>>(const ReportVersion&)>;

struct PublishOptions {
  // Publish even though section 五 or 六 is empty (whitespace only).
  bool confirm_empty = false;
  // Renders the files stored with the publication; none are stored when empty.
  ReportRenderer render;
};

// approved → published; only a head (store/permissions.h). Locks the year. The rendered files are
// stored in the same transaction. kInvalidInput naming the sections when 五 or 六 is empty and
// `options.confirm_empty` is not set.
Status PublishReport(Database& db, int64_t agency_id, int year, const User& user,
                     const PublishOptions& options);
// published → reopened; only a head, with a reason. Unlocks the year.
Status ReopenReport(Database& db, int64_t agency_id, int year, const User& user,
                    const std::string& reason);

// Versions of the agency (of one year when given), newest year and version first.
Result<std::vector<ReportVersion>> ListReportVersions(Database& db, int64_t agency_id,
                                                      std::optional<int> year);

}  // namespace gongkai

#endif  // GONGKAI_STORE_REPORT_STORE_H_
