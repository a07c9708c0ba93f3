// Store-internal plumbing shared by the repositories: the Database's connection and lock, and
// Run/RunInTransaction, which take the lock, open a transaction when asked, and turn SOCI's
// exceptions into Status values (a constraint violation becomes kConflict, anything else
// kInternal naming the operation). Only files in store/ include this header (and SOCI).

#ifndef GONGKAI_STORE_SQL_H_
#define GONGKAI_STORE_SQL_H_

#include <soci/soci.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "store/audit_key.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

struct Database::Impl {
  // Constant after Open.
  Dialect dialect = Dialect::kSqlite;
  std::string display_url;
  Database::Clock clock;
  std::shared_ptr<const AuditKey> audit_key;
  std::shared_ptr<const PinyinOverrides> search_pinyin;

  // Protected by mu. Recursive: a repository call may call another under the same lock.
  std::recursive_mutex mu;
  soci::session sql;
};

// "2024-05-06T07:08:09Z": how times are stored (UTC, sortable as text on both databases).
std::string FormatUtc(std::chrono::system_clock::time_point t);
// The inverse of FormatUtc; kInternal when the text is not in that form (a corrupt row).
Result<std::chrono::system_clock::time_point> ParseUtc(std::string_view text);

// The Status for a SOCI exception raised while doing `what` (Chinese, e.g. "导入案件").
Status DatabaseError(std::string_view what, const std::exception& e);

inline bool IsOk(const Status& s) { return s.ok(); }
template <typename T>
bool IsOk(const Result<T>& r) {
  return r.ok();
}

// Runs fn(soci::session&) under the Database's lock; fn returns Status or Result<T>.
template <typename F>
auto Run(Database& db, std::string_view what, F&& fn) -> std::invoke_result_t<F, soci::session&> {
  auto& impl = db.impl();
  std::lock_guard lock(impl.mu);
  try {
    return fn(impl.sql);
  } catch (const std::exception& e) {
    return DatabaseError(what, e);
  }
}

// As Run, inside a transaction committed only when fn returns OK (rolled back otherwise,
// including on an exception).
template <typename F>
auto RunInTransaction(Database& db, std::string_view what, F&& fn)
    -> std::invoke_result_t<F, soci::session&> {
  auto& impl = db.impl();
  std::lock_guard lock(impl.mu);
  try {
    soci::transaction tx(impl.sql);
    auto result = fn(impl.sql);
    if (IsOk(result)) tx.commit();
    return result;
  } catch (const std::exception& e) {
    return DatabaseError(what, e);
  }
}

}  // namespace gongkai

#endif  // GONGKAI_STORE_SQL_H_
