// The 中介服务事项清单 and the institution directory of each agency (spec services.md §5;
// services/intermediary.h): every published version of an entry (immutable, with its 生效时间),
// the newest version of each key, and the changes under the catalogue's workflow — drafted by a
// clerk, approved and published by the head, or rejected or withdrawn — with who and when. Every
// write is recorded in the audit ledger (store/ledger.h) in its own transaction; every table
// carries agency_id first in its key (migration 16). Plain functions over a Database; thread
// safety is the Database's.

#ifndef GONGKAI_STORE_INTERMEDIARIES_H_
#define GONGKAI_STORE_INTERMEDIARIES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/change.h"
#include "services/intermediary.h"
#include "services/intermediary_change.h"
#include "store/database.h"
#include "store/users.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct DirectoryImportResult {
  int added = 0;      // keys new to the lists
  int unchanged = 0;  // keys already there with the same content: skipped
};

// Imports entries (services/intermediary_jsonl.h) in one transaction: all or nothing. Each new
// key becomes its first stored version (its own `version`; `effective` defaulting to `today`).
// kConflict naming the entry when a key already stored differs (change it through a 变更
// instead). Links to approval items and services are not refused: they are findings of
// CheckIntermediaryLists. `actor` is recorded.
Result<DirectoryImportResult> ImportDirectory(Database& db, int64_t agency_id,
                                              std::span<const DirectoryEntry> entries, Date today,
                                              std::string_view actor);

// The newest version of every key of `kind` (both kinds when nullopt): services first, then
// institutions, each by key — the export order.
Result<std::vector<DirectoryEntry>> CurrentDirectory(Database& db, int64_t agency_id,
                                                     std::optional<DirectoryKind> kind);
// The version in force on `date` of every key (services/change.h LatestInForce), same order;
// keys not yet in force are left out.
Result<std::vector<DirectoryEntry>> DirectoryAt(Database& db, int64_t agency_id, Date date,
                                                std::optional<DirectoryKind> kind);

struct IntermediaryLists {
  std::vector<IntermediaryService> services;  // in use on the date, by department then code
  std::vector<Institution> institutions;      // in the directory on the date, by name
};
// What the public pages show on `date`.
Result<IntermediaryLists> IntermediaryListsAt(Database& db, int64_t agency_id, Date date);
// The in-use services on `date` that serve the approval item `item_code`, by code.
Result<std::vector<IntermediaryService>> IntermediariesForItem(Database& db, int64_t agency_id,
                                                               std::string_view item_code,
                                                               Date date);
// services/intermediary.h CheckIntermediaries over DirectoryAt(date) and the catalogue in force
// on `date` (store/services.h ServiceItemsAt).
Result<std::vector<IntermediaryFinding>> CheckIntermediaryLists(Database& db, int64_t agency_id,
                                                                Date date);

// ---- Changes (the catalogue's workflow, store/services.h) ---------------------------------

struct StoredDirectoryChange {
  int64_t id = 0;  // 1, 2, … within the agency
  DirectoryChangeRequest request;
  ChangeState state = ChangeState::kDraft;
  std::optional<DirectoryEntry>
      before;  // the newest version when drafted (refreshed at publication)
  std::optional<DirectoryEntry> after;  // the version it makes
  std::vector<FieldChange> diff;
  std::string drafted_by, drafted_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string approved_by, approved_at;
  std::string published_by, published_at;
  std::string closed_by, closed_at, close_note;
  int version = 0;  // the version published; 0 before
};

// Drafts a change after checking what it would make of the newest version
// (ApplyDirectoryChange). A clerk, the head or an administrator (Action::kDraftServiceChange);
// kPermissionDenied otherwise. Returns the change id.
Result<int64_t> DraftDirectoryChange(Database& db, int64_t agency_id,
                                     const DirectoryChangeRequest& request, const User& user);
// draft → approved (the head). kConflict when not a draft.
Status ApproveDirectoryChange(Database& db, int64_t agency_id, int64_t id, const User& user);
// draft → rejected (the head) or withdrawn (the drafter's roles), with a note.
Status RejectDirectoryChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                             const User& user);
Status WithdrawDirectoryChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                               const User& user);
// approved → published (the head): re-applies the request to the newest version (kConflict when
// a change published since made it impossible) and stores the new immutable version.
Result<StoredDirectoryChange> PublishDirectoryChange(Database& db, int64_t agency_id, int64_t id,
                                                     const User& user);
// Every change, by id; `state` limits them.
Result<std::vector<StoredDirectoryChange>> ListDirectoryChanges(Database& db, int64_t agency_id,
                                                                std::optional<ChangeState> state);
Result<StoredDirectoryChange> GetDirectoryChange(Database& db, int64_t agency_id, int64_t id);

}  // namespace gongkai

#endif  // GONGKAI_STORE_INTERMEDIARIES_H_
