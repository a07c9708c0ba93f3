#include "store/database.h"

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fcntl.h>
#include <libpq-fe.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "search/pinyin.h"
#include "store/migrations.h"
#include "store/sql.h"

namespace gongkai {
namespace {

bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// postgresql://user:secret@host/db → postgresql://user:***@host/db
std::string MaskPassword(std::string_view url) {
  std::string out(url);
  auto scheme = out.find("://");
  auto at = out.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return out;
  auto colon = out.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return out;
  return out.replace(colon + 1, at - colon - 1, "***");
}

// SOCI 4.0's PostgreSQL backend scans the connection string for its own options and mangles a
// URI ("postgresql:///db" reaches the server as database "db="), so hand it libpq's
// keyword='value' form, parsed by libpq itself.
Result<std::string> PostgresConnectString(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string why = error ? error : "内存不足";
    PQfreemem(error);
    return Status::InvalidInput(
        fmt::format("无法解析 PostgreSQL 地址 {}：{}", MaskPassword(url), why));
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string value;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    out += fmt::format("{}{}='{}'", out.empty() ? "" : " ", o->keyword, value);
  }
  PQconninfoFree(options);
  return out;
}

// Statements run on every SQLite connection: WAL lets readers proceed while one writer
// commits; the busy timeout makes a second process wait for the lock instead of failing.
// secure_delete overwrites deleted and replaced content with zeros, so an erased applicant record
// (store/applicant_records.h) leaves no copy in the file's free space.
constexpr std::string_view kSqlitePragmas[] = {
    "PRAGMA secure_delete = ON", "PRAGMA journal_mode = WAL",  "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",  "PRAGMA busy_timeout = 5000",
};

// Database files, their -wal/-shm/-journal and backups are readable by their owner only: they
// hold applicants' personal data.
constexpr mode_t kOwnerOnly = 0600;

// Creates `path` empty with kOwnerOnly when it does not exist, so SQLite never creates it under
// the process umask (SQLite gives its -wal, -shm and -journal files the main file's mode).
// O_EXCL: an existing file is left alone. Returns errno, or 0.
int CreateOwnerOnly(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kOwnerOnly);
  if (fd < 0) return errno == EEXIST ? 0 : errno;
  ::close(fd);
  return 0;
}

// Tightens an existing database and its companions to kOwnerOnly (a file made by an older
// version, or copied in); absent companions are skipped.
void RestrictToOwner(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    ::chmod((path + suffix).c_str(), kOwnerOnly);
  }
}

// True for a path SQLite treats as a file on disk (not ":memory:" or a URI).
bool IsPlainFile(std::string_view url) { return url != ":memory:" && !url.starts_with("file:"); }

}  // namespace

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  auto secs = std::chrono::floor<std::chrono::seconds>(t);
  auto day = std::chrono::floor<std::chrono::days>(secs);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss hms(secs - day);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

Result<std::chrono::system_clock::time_point> ParseUtc(std::string_view text) {
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0;
  std::string copy(text);
  if (text.size() != 20 ||
      std::sscanf(copy.c_str(), "%4d-%2u-%2uT%2u:%2u:%2uZ", &y, &mo, &d, &h, &mi, &s) != 6) {
    return Status::Internal(
        fmt::format("数据库中的时间 '{}' 格式不对，应为 YYYY-MM-DDTHH:MM:SSZ", text));
  }
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo),
                                  std::chrono::day(d)};
  return std::chrono::system_clock::time_point(std::chrono::sys_days(ymd) + std::chrono::hours(h) +
                                               std::chrono::minutes(mi) + std::chrono::seconds(s));
}

Status DatabaseError(std::string_view what, const std::exception& e) {
  if (auto* se = dynamic_cast<const soci::soci_error*>(&e)) {
    if (se->get_error_category() == soci::soci_error::constraint_violation) {
      return Status::Conflict(
          fmt::format("{}：与已有数据冲突（{}）", what, se->get_error_message()));
    }
    return Status::Internal(fmt::format("{}：数据库错误：{}", what, se->get_error_message()));
  }
  return Status::Internal(fmt::format("{}：{}", what, e.what()));
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::Open(std::string_view url) {
  auto impl = std::make_unique<Impl>();
  impl->display_url = MaskPassword(url);
  impl->clock = [] { return std::chrono::system_clock::now(); };
  try {
    if (IsPostgresUrl(url)) {
      impl->dialect = Dialect::kPostgres;
      auto connect = PostgresConnectString(std::string(url));
      if (!connect.ok()) return connect.status();
      impl->sql.open(soci::postgresql, *connect);
      impl->sql << "SET client_min_messages = warning";
    } else {
      if (url.empty())
        return Status::InvalidInput("数据库路径为空：请用 --db 指定文件或 postgresql:// 地址");
      impl->dialect = Dialect::kSqlite;
      auto parent = std::filesystem::path(url).parent_path();
      if (!parent.empty() && !std::filesystem::is_directory(parent)) {
        return Status::InvalidInput(
            fmt::format("无法打开数据库 {}：目录 {} 不存在", url, parent.string()));
      }
      std::string path(url);
      if (IsPlainFile(url)) {
        if (int err = CreateOwnerOnly(path); err != 0) {
          return Status::InvalidInput(
              fmt::format("无法创建数据库文件 {}：{}", path, std::strerror(err)));
        }
        RestrictToOwner(path);
      }
      impl->sql.open(soci::sqlite3, fmt::format("db=\"{}\"", url));
      for (auto pragma : kSqlitePragmas) impl->sql << std::string(pragma);
      if (IsPlainFile(url)) RestrictToOwner(path);
    }
  } catch (const std::exception& e) {
    return Status::InvalidInput(fmt::format("无法打开数据库 {}：{}", impl->display_url, e.what()));
  }
  return Database(std::move(impl));
}

Result<Database> Database::OpenForUse(std::string_view url) {
  auto db = Open(url);
  if (!db.ok()) return db;
  if (Status s = db->EnsureSchema(); !s.ok()) return s;
  auto key = AuditKeyFromEnvironment();
  if (!key.ok()) return key.status();
  db->SetAuditKey(*key);
  return db;
}

Dialect Database::dialect() const { return impl_->dialect; }
const std::string& Database::display_url() const { return impl_->display_url; }

void Database::SetAuditKey(std::shared_ptr<const AuditKey> key) {
  impl_->audit_key = std::move(key);
}
const AuditKey* Database::audit_key() const { return impl_->audit_key.get(); }

void Database::SetSearchPinyin(std::shared_ptr<const PinyinOverrides> pinyin) {
  impl_->search_pinyin = std::move(pinyin);
}
const PinyinOverrides& Database::search_pinyin() const {
  static const PinyinOverrides kNone;
  return impl_->search_pinyin ? *impl_->search_pinyin : kNone;
}

void Database::SetClock(Clock clock) { impl_->clock = std::move(clock); }
std::chrono::system_clock::time_point Database::Now() const { return impl_->clock(); }

int Database::LatestSchemaVersion() { return Migrations().back().version; }

Result<int> Database::SchemaVersion() {
  return Run(*this, "读取数据库版本", [&](soci::session& sql) -> Result<int> {
    long long tables = 0;
    if (impl_->dialect == Dialect::kSqlite) {
      sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
             "'schema_version'",
          soci::into(tables);
    } else {
      sql << "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
             "current_schema() AND table_name = 'schema_version'",
          soci::into(tables);
    }
    if (tables == 0) return 0;
    int version = 0;
    sql << "SELECT COALESCE(MAX(version), 0) FROM schema_version", soci::into(version);
    return version;
  });
}

Result<std::vector<int>> Database::Migrate() {
  auto current = SchemaVersion();
  if (!current.ok()) return current.status();
  if (*current > LatestSchemaVersion()) {
    return Status::Conflict(
        fmt::format("数据库 {} 的结构版本为 {}，高于本程序支持的 {}：请升级 gongkai", display_url(),
                    *current, LatestSchemaVersion()));
  }
  std::vector<int> applied;
  for (const Migration& m : Migrations()) {
    if (m.version <= *current) continue;
    Status s = RunInTransaction(*this, fmt::format("迁移到版本 {}（{}）", m.version, m.name),
                                [&](soci::session& sql) {
                                  sql << "CREATE TABLE IF NOT EXISTS schema_version (version "
                                         "INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at "
                                         "TEXT NOT NULL)";
                                  for (auto statement : m.statements) {
                                    std::string text = ForDialect(statement, impl_->dialect);
                                    if (!text.empty()) sql << text;
                                  }
                                  if (m.step) {
                                    if (Status s = m.step(*this, sql); !s.ok()) return s;
                                  }
                                  std::string name(m.name);
                                  std::string now = FormatUtc(Now());
                                  sql << "INSERT INTO schema_version (version, name, applied_at) "
                                         "VALUES (:v, :n, :t)",
                                      soci::use(m.version), soci::use(name), soci::use(now);
                                  return Status::Ok();
                                });
    if (!s.ok()) return s;
    applied.push_back(m.version);
  }
  // A migration may have moved personal data (version 11): the log's old page images go too.
  if (!applied.empty() && impl_->dialect == Dialect::kSqlite) {
    Status s = Run(*this, "清空预写日志", [&](soci::session& sql) {
      int busy = 0, log_frames = 0, checkpointed = 0;
      sql << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(log_frames),
          soci::into(checkpointed);
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return applied;
}

Status Database::EnsureSchema() {
  auto current = SchemaVersion();
  if (!current.ok()) return current.status();
  if (*current == 0) {
    auto applied = Migrate();
    return applied.ok() ? Status::Ok() : applied.status();
  }
  if (*current < LatestSchemaVersion()) {
    return Status::Conflict(fmt::format(
        "数据库 {} 的结构版本为 {}，本程序需要 {}：请先备份，再运行 `gongkai db migrate --db {}`",
        display_url(), *current, LatestSchemaVersion(), display_url()));
  }
  if (*current > LatestSchemaVersion()) {
    return Status::Conflict(
        fmt::format("数据库 {} 的结构版本为 {}，高于本程序支持的 {}：请升级 gongkai", display_url(),
                    *current, LatestSchemaVersion()));
  }
  return Status::Ok();
}

Status Database::Backup(const std::string& path) {
  if (impl_->dialect != Dialect::kSqlite) {
    return Status::InvalidInput(
        "PostgreSQL 数据库请用 pg_dump 备份，例如：pg_dump -Fc -f gongkai.dump \"$URL\"");
  }
  if (std::filesystem::exists(path)) {
    return Status::InvalidInput(fmt::format("备份文件 {} 已存在：请换一个文件名或先删除它", path));
  }
  if (int err = CreateOwnerOnly(path); err != 0) {
    return Status::InvalidInput(fmt::format("无法创建备份文件 {}：{}", path, std::strerror(err)));
  }
  return Run(*this, "备份数据库", [&](soci::session& sql) -> Status {
    namespace api = ::sqlite_api;
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    api::sqlite3* dest = nullptr;
    if (api::sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
      std::string msg = dest ? api::sqlite3_errmsg(dest) : "out of memory";
      api::sqlite3_close(dest);
      return Status::InvalidInput(fmt::format("无法创建备份文件 {}：{}", path, msg));
    }
    api::sqlite3_backup* backup = api::sqlite3_backup_init(dest, "main", backend->conn_, "main");
    int rc = SQLITE_OK;
    if (backup) {
      rc = api::sqlite3_backup_step(backup, -1);
      api::sqlite3_backup_finish(backup);
    }
    Status result = Status::Ok();
    if (!backup || rc != SQLITE_DONE) {
      result = Status::Internal(fmt::format("备份到 {} 失败：{}", path, api::sqlite3_errmsg(dest)));
    }
    api::sqlite3_close(dest);
    RestrictToOwner(path);
    return result;
  });
}

}  // namespace gongkai
