// A Database is an open connection to the register: an SQLite file (the default, one file next
// to the program) or a PostgreSQL database (the scale-out path), reached through the same code.
// It owns the connection and the schema's migrations; the repositories (store/agencies.h,
// store/users.h, store/case_store.h, store/records.h, store/report_store.h) take a Database& and
// speak the domain's types, never SQL.
//
// Thread safety: every repository call takes the Database's internal lock, so one Database may
// be shared by threads, whose calls are then serialized. Open one Database per thread for
// parallel reads on PostgreSQL.
//
// Tables holding an agency's data (cases, events, table-A records, reports) carry agency_id as
// the first column of their primary key: the shard key if a province-wide deployment outgrows
// one node. agencies, users and sessions are small reference tables.

#ifndef GONGKAI_STORE_DATABASE_H_
#define GONGKAI_STORE_DATABASE_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace gongkai {

class AuditKey;
struct PinyinOverrides;

enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  // Opens `url`: a file path ("./gongkai.db", created when absent) or a PostgreSQL URI
  // ("postgresql://user@host:port/db", "postgresql:///db?host=/tmp"). SQLite files are opened
  // in WAL mode with foreign keys on and a busy timeout; the file (created mode 0600) and its
  // -wal/-shm are made readable by their owner only. Does not migrate: call EnsureSchema()
  // or Migrate(). Returns kInvalidInput naming the URL when the connection fails.
  static Result<Database> Open(std::string_view url);

  // Open, then EnsureSchema: what a command that reads or writes the register does first.
  // When the environment variable GONGKAI_AUDIT_KEY names a key file, it is loaded and set
  // with SetAuditKey (its error, naming the file, when it cannot be).
  static Result<Database> OpenForUse(std::string_view url);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  Dialect dialect() const;
  // The URL with any password replaced by "***", for messages and logs.
  const std::string& display_url() const;

  // The schema version of this database (0 when empty) and the newest this program knows.
  Result<int> SchemaVersion();
  static int LatestSchemaVersion();

  // Applies every migration newer than SchemaVersion(), each in its own transaction, and
  // returns the versions applied (empty when up to date). Returns kConflict when the database
  // is newer than this program.
  Result<std::vector<int>> Migrate();

  // For commands that need the schema: migrates an empty database; returns kConflict saying to
  // run `gongkai db migrate` when an existing one is behind (a deliberate step: back up first),
  // or to upgrade the program when it is ahead.
  Status EnsureSchema();

  // Copies an SQLite database to `path` with SQLite's online backup API (consistent while
  // others write), created mode 0600. Returns kInvalidInput for PostgreSQL, saying to use
  // pg_dump, and when `path` exists.
  Status Backup(const std::string& path);

  // The clock used for recorded_at and session expiry; tests replace it.
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  void SetClock(Clock clock);
  std::chrono::system_clock::time_point Now() const;

  // The key that seals every covered write into the audit ledger as it is made
  // (store/ledger.h); nullptr (the default) leaves new ledger entries unsealed until
  // `gongkai audit seal`. Set before sharing the Database across threads.
  void SetAuditKey(std::shared_ptr<const AuditKey> key);
  const AuditKey* audit_key() const;

  // The pinyin overrides (search/pinyin.h, data/search/pinyin-overrides.tsv) the store's writers
  // index titles with when they keep the search index current in their own transactions;
  // none by default (ICU's readings; `gongkai search reindex` applies the table later). Set
  // before sharing the Database across threads.
  void SetSearchPinyin(std::shared_ptr<const PinyinOverrides> pinyin);
  const PinyinOverrides& search_pinyin() const;

  // Store-internal: the connection and its lock (store/sql.h). Not for other layers.
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_DATABASE_H_
