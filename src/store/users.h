// Staff users and their web sessions. A user belongs to one agency and acts on it and every
// agency below it (store/agencies.h AgencySubtree), with one role. Passwords are stored only as
// Argon2id hashes (libsodium crypto_pwhash_str); session tokens only as BLAKE2b hashes
// (crypto_generichash), so a copy of the database lets nobody log in. The plain token exists
// once, in CreateSession's result, for the cookie.

#ifndef GONGKAI_STORE_USERS_H_
#define GONGKAI_STORE_USERS_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// DO NOT CHANGE the keys: stored in users.role.
enum class Role {
  kClerk,       // 经办人: registers applications and records steps
  kHead,        // 负责人: approves extensions and the annual report
  kAdmin,       // 管理员: manages users and agencies
  kSupervisor,  // 监督人员: reads everything below the agency, changes nothing
};

struct RoleEntry {
  Role value;
  std::string_view key;
  std::string_view label;
};
std::span<const RoleEntry> Roles();
std::optional<Role> RoleFromKey(std::string_view key);
std::string_view Key(Role role);
std::string_view Label(Role role);

struct User {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string name;  // login name, unique
  Role role = Role::kClerk;
};

// Passwords shorter than this are refused.
inline constexpr size_t kMinPasswordLength = 8;

// Adds a user with an Argon2id hash of `password`. Returns kInvalidInput for an empty name, a
// password shorter than kMinPasswordLength or an unknown agency; kConflict when the name is taken.
Result<User> AddUser(Database& db, int64_t agency_id, const std::string& name, Role role,
                     const std::string& password);

// Users of `agency_id` (all agencies when nullopt), by name.
Result<std::vector<User>> ListUsers(Database& db, std::optional<int64_t> agency_id);

// The user called `name`; kNotFound naming it.
Result<User> FindUserByName(Database& db, const std::string& name);

// Returns the user when `password` matches. kPermissionDenied "用户名或密码错误" for an unknown
// name or a wrong password alike (no hint which).
Result<User> Authenticate(Database& db, const std::string& name, const std::string& password);

// True when `user` may act on `agency_id`: it is the user's agency or below it.
Result<bool> UserCanAccess(Database& db, const User& user, int64_t agency_id);

// A random password of 16 characters from an alphabet without look-alikes, for `users add`.
std::string GeneratePassword();

struct NewSession {
  std::string token;       // for the cookie; stored only hashed
  std::string csrf_token;  // for forms of this session
  std::chrono::system_clock::time_point expires;
};

struct SessionInfo {
  User user;
  std::string csrf_token;
  std::chrono::system_clock::time_point expires;
};

// Default lifetime of a session.
inline constexpr std::chrono::hours kSessionLifetime{12};

// Opens a session for `user_id` lasting `lifetime` from db.Now().
Result<NewSession> CreateSession(Database& db, int64_t user_id,
                                 std::chrono::seconds lifetime = kSessionLifetime);

// The session of `token`. kNotFound when unknown or expired (an expired one is deleted).
Result<SessionInfo> FindSession(Database& db, const std::string& token);

// Ends the session of `token`; OK also when there is none.
Status DeleteSession(Database& db, const std::string& token);

}  // namespace gongkai

#endif  // GONGKAI_STORE_USERS_H_
