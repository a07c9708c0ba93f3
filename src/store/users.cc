#include "store/users.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>

#include "store/agencies.h"
#include "store/ledger_rows.h"
#include "store/sql.h"

namespace gongkai {
namespace {

constexpr std::array<RoleEntry, 4> kRoles{{
    {Role::kClerk, "clerk", "经办人"},
    {Role::kHead, "head", "负责人"},
    {Role::kAdmin, "admin", "管理员"},
    {Role::kSupervisor, "supervisor", "监督人员"},
}};

void EnsureSodium() {
  static const int ready = sodium_init();
  (void)ready;  // 0 or 1 (already initialised) are both fine; -1 leaves randombytes unusable.
}

std::string RandomHex(size_t bytes) {
  EnsureSodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), buf.data(), buf.size());
  hex.pop_back();
  return hex;
}

std::string TokenHash(const std::string& token) {
  EnsureSodium();
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

// Argon2id hash of `password` with the parameters every stored hash uses.
Result<std::string> HashPassword(const std::string& password) {
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str(hash.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("计算密码哈希时内存不足");
  }
  return std::string(hash.data());
}

// A hash of a random password nobody knows, made once: an unknown name is verified against it
// so that it costs what a known one does.
const std::string& DummyHash() {
  static const std::string hash = [] {
    auto made = HashPassword(RandomHex(16));
    return made.ok() ? *made : std::string();
  }();
  return hash;
}

bool PasswordMatches(const std::string& hash, const std::string& password) {
  EnsureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<int64_t> UserId(soci::session& sql, const std::string& name) {
  long long id = 0;
  sql << "SELECT id FROM users WHERE name = :n", soci::use(name), soci::into(id);
  if (!sql.got_data()) {
    return Status::NotFound(fmt::format("用户“{}”不存在：请用 `gongkai users list` 查看", name));
  }
  return id;
}

int DeleteSessionsOf(soci::session& sql, long long user_id) {
  long long n = 0;
  sql << "SELECT count(*) FROM sessions WHERE user_id = :u", soci::use(user_id), soci::into(n);
  sql << "DELETE FROM sessions WHERE user_id = :u", soci::use(user_id);
  return static_cast<int>(n);
}

// How long `name` stays locked after its `failures`-th failure in a row; zero below the limit.
std::chrono::seconds LockFor(const SignInPolicy& policy, int failures) {
  if (failures < policy.free_failures) return std::chrono::seconds(0);
  auto lock = policy.first_lock;
  for (int i = policy.free_failures; i < failures && lock < policy.longest_lock; ++i) lock *= 2;
  return std::min(lock, policy.longest_lock);
}

// Failures older than this are forgotten, so names that were only guessed do not pile up.
constexpr std::chrono::hours kFailureMemory{24};

}  // namespace

std::span<const RoleEntry> Roles() { return kRoles; }

Result<Role> StoredRole(std::string_view name, std::string_view key) {
  if (auto role = RoleFromKey(key)) return *role;
  return Status::PermissionDenied(fmt::format(
      "用户“{}”在数据库中的角色“{}”无法识别，已拒绝：请管理员核对 users 表（可用角色：clerk、"
      "head、admin、supervisor）",
      name, key));
}

std::optional<Role> RoleFromKey(std::string_view key) {
  for (const auto& e : kRoles) {
    if (e.key == key) return e.value;
  }
  return std::nullopt;
}

std::string_view Key(Role role) {
  for (const auto& e : kRoles) {
    if (e.value == role) return e.key;
  }
  return "clerk";
}

std::string_view Label(Role role) {
  for (const auto& e : kRoles) {
    if (e.value == role) return e.label;
  }
  return "";
}

std::string GeneratePassword() {
  EnsureSodium();
  static constexpr std::string_view kAlphabet =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    out += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
  }
  return out;
}

Result<User> AddUser(Database& db, int64_t agency_id, const std::string& name, Role role,
                     const std::string& password) {
  if (name.empty()) return Status::InvalidInput("用户名不能为空：请用 --name 指定");
  if (password.size() < kMinPasswordLength) {
    return Status::InvalidInput(
        fmt::format("密码太短：至少 {} 个字符（不输入密码则自动生成）", kMinPasswordLength));
  }
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return Status::InvalidInput(agency.status().message());
  auto hash = HashPassword(password);
  if (!hash.ok()) return hash.status();
  return RunInTransaction(db, "添加用户", [&](soci::session& sql) -> Result<User> {
    long long taken = 0;
    sql << "SELECT count(*) FROM users WHERE name = :n", soci::use(name), soci::into(taken);
    if (taken) return Status::Conflict(fmt::format("用户名“{}”已被使用", name));
    std::string role_key(Key(role));
    std::string hash_text = *hash;
    std::string now = FormatUtc(db.Now());
    long long agency = agency_id;
    long long id = 0;
    sql << "INSERT INTO users (agency_id, name, role, password_hash, created_at) "
           "VALUES (:a, :n, :r, :h, :t) RETURNING id",
        soci::use(agency), soci::use(name), soci::use(role_key), soci::use(hash_text),
        soci::use(now), soci::into(id);
    internal::RecordInLedger(db, sql, "users", agency, fmt::format("t.id = {}", id));
    return User{id, agency_id, name, role};
  });
}

Result<std::vector<User>> ListUsers(Database& db, std::optional<int64_t> agency_id) {
  return Run(db, "列出用户", [&](soci::session& sql) -> Result<std::vector<User>> {
    long long id = 0, agency = 0, filter = agency_id.value_or(0);
    int all = agency_id ? 0 : 1;
    std::string name, role;
    soci::statement st = (sql.prepare << "SELECT id, agency_id, name, role FROM users "
                                         "WHERE :all = 1 OR agency_id = :a ORDER BY name",
                          soci::use(all), soci::use(filter), soci::into(id), soci::into(agency),
                          soci::into(name), soci::into(role));
    st.execute();
    std::vector<User> out;
    while (st.fetch()) {
      auto known = StoredRole(name, role);
      if (!known.ok()) return known.status();
      out.push_back(User{id, agency, name, *known});
    }
    return out;
  });
}

Result<User> FindUserByName(Database& db, const std::string& name) {
  return Run(db, "查找用户", [&](soci::session& sql) -> Result<User> {
    long long id = 0, agency = 0;
    std::string role, disabled;
    soci::indicator disabled_ind = soci::i_null;
    sql << "SELECT id, agency_id, role, disabled_at FROM users WHERE name = :n", soci::use(name),
        soci::into(id), soci::into(agency), soci::into(role), soci::into(disabled, disabled_ind);
    if (!sql.got_data()) {
      return Status::NotFound(fmt::format("用户“{}”不存在：请用 `gongkai users list` 查看", name));
    }
    auto known = StoredRole(name, role);
    if (!known.ok()) return known.status();
    if (disabled_ind == soci::i_ok) {
      return Status::PermissionDenied(fmt::format(
          "用户“{}”已于 {} 停用：请管理员用 `gongkai users enable {}` 恢复", name, disabled, name));
    }
    return User{id, agency, name, *known};
  });
}

Result<User> Authenticate(Database& db, const std::string& name, const std::string& password,
                          const SignInPolicy& policy) {
  struct Stored {
    std::optional<User> user;
    std::string role, hash;
    bool disabled = false;
    int failures = 0;
    std::optional<std::chrono::system_clock::time_point> locked_until;
  };
  const auto now = db.Now();
  auto found = Run(db, "登录", [&](soci::session& sql) -> Result<Stored> {
    Stored out;
    long long id = 0, agency = 0;
    std::string disabled;
    soci::indicator disabled_ind = soci::i_null;
    sql << "SELECT id, agency_id, role, password_hash, disabled_at FROM users WHERE name = :n",
        soci::use(name), soci::into(id), soci::into(agency), soci::into(out.role),
        soci::into(out.hash), soci::into(disabled, disabled_ind);
    if (sql.got_data()) {
      out.user = User{id, agency, name, Role::kClerk};  // role checked once the password is
      out.disabled = disabled_ind == soci::i_ok;
    }
    int failures = 0;
    std::string locked;
    soci::indicator locked_ind = soci::i_null;
    sql << "SELECT failures, locked_until FROM sign_in_failures WHERE name = :n", soci::use(name),
        soci::into(failures), soci::into(locked, locked_ind);
    if (sql.got_data()) {
      out.failures = failures;
      if (locked_ind == soci::i_ok) {
        auto until = ParseUtc(locked);
        if (!until.ok()) return until.status();
        out.locked_until = *until;
      }
    }
    return out;
  });
  if (!found.ok()) return found.status();
  // The same verification whether or not the name exists or is locked.
  const std::string& hash = found->user ? found->hash : DummyHash();
  const bool matches = PasswordMatches(hash, password);
  if (found->locked_until && *found->locked_until > now) {
    auto wait = std::chrono::ceil<std::chrono::seconds>(*found->locked_until - now);
    return Status::PermissionDenied(
        fmt::format("该账号连续登录失败次数过多，已暂时锁定：请 {} 秒后再试，或请管理员重设密码",
                    wait.count()));
  }
  if (!matches || !found->user) {
    const int failures = found->failures + 1;
    const auto lock = LockFor(policy, failures);
    Status recorded = RunInTransaction(db, "记录登录失败", [&](soci::session& sql) -> Status {
      std::string at = FormatUtc(now);
      std::string forget = FormatUtc(now - kFailureMemory);
      std::string until = FormatUtc(now + lock);
      soci::indicator until_ind = lock.count() > 0 ? soci::i_ok : soci::i_null;
      sql << "DELETE FROM sign_in_failures WHERE last_failure_at < :f", soci::use(forget);
      sql << "INSERT INTO sign_in_failures (name, failures, last_failure_at, locked_until) "
             "VALUES (:n, :c, :t, :u) ON CONFLICT (name) DO UPDATE SET failures = "
             "excluded.failures, last_failure_at = excluded.last_failure_at, locked_until = "
             "excluded.locked_until",
          soci::use(name), soci::use(failures), soci::use(at), soci::use(until, until_ind);
      return Status::Ok();
    });
    if (!recorded.ok()) return recorded;
    return Status::PermissionDenied("用户名或密码错误");
  }
  if (found->disabled) return Status::PermissionDenied("该账号已停用：请联系管理员");
  auto role = StoredRole(name, found->role);
  if (!role.ok()) return role.status();
  User user = *found->user;
  user.role = *role;
  if (found->failures > 0) {
    Status cleared = Run(db, "清除登录失败记录", [&](soci::session& sql) -> Status {
      sql << "DELETE FROM sign_in_failures WHERE name = :n", soci::use(name);
      return Status::Ok();
    });
    if (!cleared.ok()) return cleared;
  }
  return user;
}

Status SetUserEnabled(Database& db, const std::string& name, bool enabled) {
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, enabled ? "启用用户" : "停用用户", [&](soci::session& sql) -> Status {
    auto id = UserId(sql, name);
    if (!id.ok()) return id.status();
    long long user = *id;
    soci::indicator ind = enabled ? soci::i_null : soci::i_ok;
    sql << "UPDATE users SET disabled_at = :t WHERE id = :u", soci::use(now, ind), soci::use(user);
    long long agency = 0;
    sql << "SELECT agency_id FROM users WHERE id = :u", soci::use(user), soci::into(agency);
    internal::RecordInLedger(db, sql, "users", agency, fmt::format("t.id = {}", user));
    if (!enabled) DeleteSessionsOf(sql, user);
    return Status::Ok();
  });
}

Status SetPassword(Database& db, const std::string& name, const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    return Status::InvalidInput(
        fmt::format("密码太短：至少 {} 个字符（不输入密码则自动生成）", kMinPasswordLength));
  }
  auto hash = HashPassword(password);
  if (!hash.ok()) return hash.status();
  return RunInTransaction(db, "重设密码", [&](soci::session& sql) -> Status {
    auto id = UserId(sql, name);
    if (!id.ok()) return id.status();
    long long user = *id;
    std::string hash_text = *hash;
    sql << "UPDATE users SET password_hash = :h WHERE id = :u", soci::use(hash_text),
        soci::use(user);
    long long agency = 0;
    sql << "SELECT agency_id FROM users WHERE id = :u", soci::use(user), soci::into(agency);
    internal::RecordInLedger(db, sql, "users", agency, fmt::format("t.id = {}", user));
    sql << "DELETE FROM sign_in_failures WHERE name = :n", soci::use(name);
    DeleteSessionsOf(sql, user);
    return Status::Ok();
  });
}

Result<int> RevokeSessions(Database& db, const std::string& name) {
  return RunInTransaction(db, "结束用户的全部会话", [&](soci::session& sql) -> Result<int> {
    auto id = UserId(sql, name);
    if (!id.ok()) return id.status();
    return DeleteSessionsOf(sql, *id);
  });
}

Result<bool> UserCanAccess(Database& db, const User& user, int64_t agency_id) {
  auto subtree = AgencySubtree(db, user.agency_id);
  if (!subtree.ok()) return subtree.status();
  return std::find(subtree->begin(), subtree->end(), agency_id) != subtree->end();
}

Result<NewSession> CreateSession(Database& db, int64_t user_id, std::chrono::seconds lifetime) {
  NewSession session;
  session.token = RandomHex(32);
  session.csrf_token = RandomHex(16);
  auto now = db.Now();
  session.expires = now + lifetime;
  return RunInTransaction(db, "创建会话", [&](soci::session& sql) -> Result<NewSession> {
    std::string hash = TokenHash(session.token);
    std::string created = FormatUtc(now);
    std::string expires = FormatUtc(session.expires);
    long long user = user_id;
    sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
           "VALUES (:h, :u, :c, :t, :e)",
        soci::use(hash), soci::use(user), soci::use(session.csrf_token), soci::use(created),
        soci::use(expires);
    return session;
  });
}

Result<SessionInfo> FindSession(Database& db, const std::string& token) {
  std::string hash = TokenHash(token);
  std::string now = FormatUtc(db.Now());
  return Run(db, "查找会话", [&](soci::session& sql) -> Result<SessionInfo> {
    sql << "DELETE FROM sessions WHERE token_hash = :h AND expires_at <= :now", soci::use(hash),
        soci::use(now);
    long long id = 0, agency = 0;
    std::string name, role, csrf, expires;
    sql << "SELECT u.id, u.agency_id, u.name, u.role, s.csrf_token, s.expires_at "
           "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :h AND "
           "u.disabled_at IS NULL",
        soci::use(hash), soci::into(id), soci::into(agency), soci::into(name), soci::into(role),
        soci::into(csrf), soci::into(expires);
    if (!sql.got_data()) return Status::NotFound("会话不存在或已过期：请重新登录");
    auto known = StoredRole(name, role);
    if (!known.ok()) return known.status();
    auto expiry = ParseUtc(expires);
    if (!expiry.ok()) return expiry.status();
    return SessionInfo{User{id, agency, name, *known}, csrf, *expiry};
  });
}

Status DeleteSession(Database& db, const std::string& token) {
  std::string hash = TokenHash(token);
  return Run(db, "删除会话", [&](soci::session& sql) -> Status {
    sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
    return Status::Ok();
  });
}

}  // namespace gongkai
