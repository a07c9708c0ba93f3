// Dynamic management of the 中介服务事项清单 and the institution directory (spec services.md §5
// "same workflow" as §3), the pure part. The catalogue's change model (services/change.h) is
// built around a ServiceItem; these lists reuse its vocabulary (ChangeKind, ChangeState), its
// field-level diff (DiffJsonLines) and its rule for the version in force (LatestInForce), with
// the three kinds that make sense for a list entry: 新增 (add), 变更 (modify), 取消 (cancel — for
// an institution: it leaves the directory on the effective date). Pure; safe from any thread.

#ifndef GONGKAI_SERVICES_INTERMEDIARY_CHANGE_H_
#define GONGKAI_SERVICES_INTERMEDIARY_CHANGE_H_

#include <optional>
#include <string>

#include "services/intermediary.h"
#include "services/vocab.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct DirectoryChangeRequest {
  ChangeKind kind = ChangeKind::kModify;  // kAdd, kModify or kCancel
  DirectoryKind target = DirectoryKind::kIntermediary;
  std::string key;     // the service's code or the institution's credit code
  std::string reason;  // 原因, required
  std::string basis;   // 依据, required
  Date effective;      // 生效时间 of the version the change makes
  // The entry after the change: required for add and modify (of the target's kind, with `key`);
  // absent for cancel.
  std::optional<DirectoryEntry> entry;
};

// Checks a request on its own: a kind among add/modify/cancel, key, reason and basis present,
// `entry` present exactly when needed, of the target kind and key, and valid. kInvalidInput
// naming the field.
Status CheckDirectoryChangeRequest(const DirectoryChangeRequest& request);

// The version `request` makes of `current` (the newest version of the key; nullopt when the key
// is unknown): version current's + 1 (1 when new), effective = request.effective. kConflict,
// saying why, for: add of a key in use (a cancelled service or an institution that left may come
// back); modify or cancel of an absent or cancelled one; a modify that cancels (use cancel); a
// change effective before the current version's 生效时间.
Result<DirectoryEntry> ApplyDirectoryChange(const std::optional<DirectoryEntry>& current,
                                            const DirectoryChangeRequest& request);

// Whether the entry is off the list: a cancelled service, an institution with a left date.
bool Withdrawn(const DirectoryEntry& entry);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_INTERMEDIARY_CHANGE_H_
