// Staff users and their web sessions. A user belongs to one agency and acts on it and every
// agency below it (store/agencies.h AgencySubtree), with one role. Passwords are stored only as
// Argon2id hashes (libsodium crypto_pwhash_str); session tokens only as BLAKE2b hashes
// (crypto_generichash), so a copy of the database lets nobody log in. The plain token exists
// once, in CreateSession's result, for the cookie.
//
// Sign-in resists guessing: an unknown name costs the same Argon2id verification as a known one
// (against a dummy hash), and each login name — known or not, so a lockout tells nothing about
// which names exist — is locked for a doubling period after SignInPolicy::free_failures wrong
// passwords in a row (table sign_in_failures). A user's role is read strictly: a role key this
// program does not know is refused wherever the user is loaded, never taken for a clerk. A
// disabled user can neither sign in nor keep a session.

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
// The role stored for user `name`: kPermissionDenied naming the user and the key when this
// program does not know it (a damaged or tampered users row), never a default.
Result<Role> StoredRole(std::string_view name, std::string_view key);
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

// Users of `agency_id` (all agencies when nullopt), by name; disabled users included.
// StoredRole's error for a user with an unknown role.
Result<std::vector<User>> ListUsers(Database& db, std::optional<int64_t> agency_id);

// The user called `name`; kNotFound naming it; StoredRole's error for an unknown role;
// kPermissionDenied when the user is disabled.
Result<User> FindUserByName(Database& db, const std::string& name);

// How sign-in failures lock a login name. Defaults in place.
struct SignInPolicy {
  // Wrong passwords in a row allowed before the name is locked.
  int free_failures = 5;
  // The first lock lasts this long; each further failure doubles it.
  std::chrono::seconds first_lock{30};
  // No lock lasts longer than this.
  std::chrono::seconds longest_lock{std::chrono::hours(1)};
};

// Returns the user when `password` matches. kPermissionDenied "用户名或密码错误" for an unknown
// name or a wrong password alike (no hint which, and the same Argon2id work for both);
// kPermissionDenied saying how long to wait while the name is locked (the password is not even
// compared then); kPermissionDenied for a disabled user or one whose stored role is unknown. A
// success clears the name's failures.
Result<User> Authenticate(Database& db, const std::string& name, const std::string& password,
                          const SignInPolicy& policy = {});

// Disables (or, with `enabled`, re-enables) the user called `name` and, when disabling, ends
// every session of the user. kNotFound naming it.
Status SetUserEnabled(Database& db, const std::string& name, bool enabled);

// Replaces the password of `name` (kMinPasswordLength applies) and ends every session of the
// user. kNotFound naming it.
Status SetPassword(Database& db, const std::string& name, const std::string& password);

// Ends every session of the user called `name`; returns how many there were. kNotFound naming
// the user.
Result<int> RevokeSessions(Database& db, const std::string& name);

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

// The session of `token`. kNotFound when unknown or expired (an expired one is deleted) or its
// user is disabled; StoredRole's error when the user's role is unknown.
Result<SessionInfo> FindSession(Database& db, const std::string& token);

// Ends the session of `token`; OK also when there is none.
Status DeleteSession(Database& db, const std::string& token);

}  // namespace gongkai

#endif  // GONGKAI_STORE_USERS_H_
