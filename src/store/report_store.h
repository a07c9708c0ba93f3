// The annual report as the register produces it, and its versions per agency and year:
//   draft ──approve (负责人 / head)──▶ approved ──publish──▶ published ──reopen (head, reason)──▶
//   reopened
// A draft holds the tables as last built from the register and the narrative of each section
// (一 … 六) as the office wrote it. Publishing locks the year: events, case imports and table-A
// records dated in it are refused with kConflict (store/case_store.h, store/records.h) until a
// head reopens the report; the reopening is kept with who, when and why, and the next build
// starts a new version that inherits the narrative.

#ifndef GONGKAI_STORE_REPORT_STORE_H_
#define GONGKAI_STORE_REPORT_STORE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/annual.h"
#include "report/model.h"
#include "store/calendars.h"
#include "store/database.h"
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

// draft → approved; only a head of the agency or above (kPermissionDenied otherwise; the
// roles of every action are in store/permissions.h).
Status ApproveReport(Database& db, int64_t agency_id, int year, const User& user);
// approved → published; only a head (store/permissions.h). Locks the year.
Status PublishReport(Database& db, int64_t agency_id, int year, const User& user);
// published → reopened; only a head, with a reason. Unlocks the year.
Status ReopenReport(Database& db, int64_t agency_id, int year, const User& user,
                    const std::string& reason);

// Versions of the agency (of one year when given), newest year and version first.
Result<std::vector<ReportVersion>> ListReportVersions(Database& db, int64_t agency_id,
                                                      std::optional<int> year);

}  // namespace gongkai

#endif  // GONGKAI_STORE_REPORT_STORE_H_
