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

}  // namespace

std::span<const RoleEntry> Roles() { return kRoles; }

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
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str(hash.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Status::Internal("计算密码哈希时内存不足");
  }
  return RunInTransaction(db, "添加用户", [&](soci::session& sql) -> Result<User> {
    long long taken = 0;
    sql << "SELECT count(*) FROM users WHERE name = :n", soci::use(name), soci::into(taken);
    if (taken) return Status::Conflict(fmt::format("用户名“{}”已被使用", name));
    std::string role_key(Key(role));
    std::string hash_text(hash.data());
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
      out.push_back(User{id, agency, name, RoleFromKey(role).value_or(Role::kClerk)});
    }
    return out;
  });
}

Result<User> FindUserByName(Database& db, const std::string& name) {
  return Run(db, "查找用户", [&](soci::session& sql) -> Result<User> {
    long long id = 0, agency = 0;
    std::string role;
    sql << "SELECT id, agency_id, role FROM users WHERE name = :n", soci::use(name), soci::into(id),
        soci::into(agency), soci::into(role);
    if (!sql.got_data()) {
      return Status::NotFound(fmt::format("用户“{}”不存在：请用 `gongkai users list` 查看", name));
    }
    return User{id, agency, name, RoleFromKey(role).value_or(Role::kClerk)};
  });
}

Result<User> Authenticate(Database& db, const std::string& name, const std::string& password) {
  auto found = Run(db, "登录", [&](soci::session& sql) -> Result<std::pair<User, std::string>> {
    long long id = 0, agency = 0;
    std::string role, hash;
    soci::indicator ind = soci::i_null;
    sql << "SELECT id, agency_id, role, password_hash FROM users WHERE name = :n", soci::use(name),
        soci::into(id), soci::into(agency), soci::into(role), soci::into(hash, ind);
    if (!sql.got_data()) return Status::PermissionDenied("用户名或密码错误");
    return std::pair{User{id, agency, name, RoleFromKey(role).value_or(Role::kClerk)}, hash};
  });
  if (!found.ok()) return found.status();
  EnsureSodium();
  const auto& [user, hash] = *found;
  if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0) {
    return Status::PermissionDenied("用户名或密码错误");
  }
  return user;
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
           "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = :h",
        soci::use(hash), soci::into(id), soci::into(agency), soci::into(name), soci::into(role),
        soci::into(csrf), soci::into(expires);
    if (!sql.got_data()) return Status::NotFound("会话不存在或已过期：请重新登录");
    auto expiry = ParseUtc(expires);
    if (!expiry.ok()) return expiry.status();
    return SessionInfo{User{id, agency, name, RoleFromKey(role).value_or(Role::kClerk)}, csrf,
                       *expiry};
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
