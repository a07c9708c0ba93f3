// Dynamic management of the catalogue (动态管理, ../shared/spec/services.md §3), the pure part: a
// change request (新增, 变更, 暂停/恢复, 取消, 下放/承接, 认领, each with 原因 and 依据), what it
// makes of the item (the next version, with its 生效时间), the field-level diff between two
// versions (what the public change log 调整情况公示 shows as before/after), and the version in
// force on a date. The workflow (draft → approved → published, who and when) is the store's
// (store/services.h); nothing here reads a clock. Pure; safe to call from any thread.

#ifndef GONGKAI_SERVICES_CHANGE_H_
#define GONGKAI_SERVICES_CHANGE_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/item.h"
#include "services/vocab.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct ChangeRequest {
  ChangeKind kind = ChangeKind::kModify;
  std::string code;    // the item changed (for 新增/承接/认领: the new item's code)
  std::string reason;  // 原因, required
  std::string basis;   // 依据: the law change or higher document behind it, required
  Date effective;      // 生效时间 of the version the change makes
  // The item after the change: required for 新增, 变更, 承接, 认领 (its code must be `code`);
  // ignored for the others, which change only the status.
  std::optional<ServiceItem> item;
  std::string counterpart;  // 下放: the body it goes to; 承接: the body it comes from
  std::string successor;    // 取消/下放: the code that replaces it, if any
};

// True for the kinds whose request carries the item after the change (新增, 变更, 承接, 认领);
// the others change only the status.
bool ChangeNeedsItem(ChangeKind kind);

// Checks a request on its own: reason and basis present, `item` present exactly when the kind
// needs one, with `code` equal to the item's, and the item valid (CheckServiceItem).
// kInvalidInput naming the field.
Status CheckChangeRequest(const ChangeRequest& request);

// The version `request` makes of `current` (the version in force or scheduled last; nullopt when
// the code is not in the catalogue). The new version is current's + 1 (1 for a new code) with
// `effective` = request.effective. Refuses with kConflict, saying why, when the kind does not
// fit the current state: 新增/承接/认领 of a code in use or suspended; 变更 of an absent or
// cancelled item, or a 变更 that changes the status (that is 暂停/恢复/取消); 暂停 of an item not
// in use; 恢复 of an item not suspended; 取消/下放 of an absent or cancelled item; any change
// effective before the current version's 生效时间.
Result<ServiceItem> ApplyChange(const std::optional<ServiceItem>& current,
                                const ChangeRequest& request);

// One changed element: the interchange-format field name and its value before and after, each as
// JSON text ("null" when absent). Unknown fields (`extra`) are compared key by key.
struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
};
// The fields that differ between two versions of an item, in ServiceFields order then unknown
// keys in order of appearance; `version` and `effective` are bookkeeping and never listed.
// `before` nullopt (a new item) lists every field that is set in `after`.
std::vector<FieldChange> DiffItems(const std::optional<ServiceItem>& before,
                                   const ServiceItem& after);
// The same comparison over two lines of any JSON Lines interchange format of this layer (a JSON
// object each; `before` "" = a new entry): the fields of `after` then those only in `before`.
// A line that is not a JSON object counts as an empty one.
std::vector<FieldChange> DiffJsonLines(std::string_view before, std::string_view after);

// The version in force on `date` among `versions` (all versions of one item): the one with the
// latest `effective` not after `date`, the higher version number on a tie. nullptr when none is
// in force yet (or a version lacks `effective`, which never counts).
const ServiceItem* VersionInForce(std::span<const ServiceItem> versions, Date date);

// The rule of VersionInForce for any versioned value: `effective(v)` gives its optional 生效时间
// and `version(v)` its number.
template <typename T, typename Effective, typename Version>
const T* LatestInForce(std::span<const T> versions, Date date, Effective effective,
                       Version version) {
  const T* best = nullptr;
  for (const T& v : versions) {
    const std::optional<Date> e = effective(v);
    if (!e || *e > date) continue;
    if (best == nullptr || *e > *effective(*best) ||
        (*e == *effective(*best) && version(v) > version(*best))) {
      best = &v;
    }
  }
  return best;
}

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_CHANGE_H_
