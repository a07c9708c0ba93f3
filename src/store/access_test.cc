// Sign-in and sessions that resist abuse (issue 10, "Abuse"), against the store: an unknown role
// is refused wherever a user is loaded, unknown and known names cost the same to try, wrong
// passwords lock a name for a doubling time, and disabling, revoking and a new password end
// sessions on the server. Plus the modes of the files that hold the register.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "store/agencies.h"
#include "store/permissions.h"
#include "store/report_store.h"
#include "store/test_database.h"
#include "store/users.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

class AccessTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([this] { return now_; });
    agency_ =
        AddAgency(db(), Agency{0, {}, "某县人民政府", AgencyKind::kGovernment, "", "{}"}).value();
    ASSERT_TRUE(AddUser(db(), agency_, "wang", Role::kClerk, "correct horse").ok());
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::sys_days(std::chrono::year(2024) / 3 / 1) + 9h;
  int64_t agency_ = 0;
};

TEST_P(AccessTest, UnknownRoleInTheDatabaseIsRefusedNeverReadAsClerk) {
  auto session = CreateSession(db(), FindUserByName(db(), "wang")->id);
  ASSERT_TRUE(session.ok());
  Exec("UPDATE users SET role = 'superuser' WHERE name = 'wang'");

  auto signed_in = Authenticate(db(), "wang", "correct horse");
  EXPECT_EQ(signed_in.status().code(), Status::Code::kPermissionDenied);
  EXPECT_NE(signed_in.status().message().find("superuser"), std::string::npos)
      << signed_in.status().message();
  EXPECT_EQ(FindSession(db(), session->token).status().code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(FindUserByName(db(), "wang").status().code(), Status::Code::kPermissionDenied);
  EXPECT_FALSE(ListUsers(db(), std::nullopt).ok());
  // The same for a wrong password: no hint that the password was right.
  EXPECT_EQ(Authenticate(db(), "wang", "wrong horse").status().message(), "用户名或密码错误");
}

// Runs Authenticate `n` times and returns the median duration.
std::chrono::nanoseconds MedianSignIn(Database& db, const std::string& name, int n) {
  std::vector<std::chrono::nanoseconds> times;
  for (int i = 0; i < n; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto r = Authenticate(db, name, "not the password", SignInPolicy{1000});
    times.push_back(std::chrono::steady_clock::now() - start);
    EXPECT_EQ(r.status().message(), "用户名或密码错误");
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

TEST_P(AccessTest, UnknownAndKnownNamesTakeComparableTime) {
  MedianSignIn(db(), "nobody", 1);  // makes the dummy hash once
  auto known = MedianSignIn(db(), "wang", 5);
  auto unknown = MedianSignIn(db(), "nobody", 5);
  // Without the dummy verification an unknown name answers ~1000 times faster; the bound
  // leaves room for a busy machine.
  EXPECT_GT(unknown * 3, known) << "known " << known.count() << " ns, unknown " << unknown.count()
                                << " ns";
  EXPECT_GT(known * 3, unknown) << "known " << known.count() << " ns, unknown " << unknown.count()
                                << " ns";
}

TEST_P(AccessTest, WrongPasswordsLockTheNameForADoublingTime) {
  const SignInPolicy policy{3, 30s, 100s};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Authenticate(db(), "wang", "wrong", policy).status().message(), "用户名或密码错误");
  }
  // Locked for 30 s after the third failure: even the right password is refused.
  auto locked = Authenticate(db(), "wang", "correct horse", policy);
  EXPECT_EQ(locked.status().code(), Status::Code::kPermissionDenied);
  EXPECT_NE(locked.status().message().find("30 秒"), std::string::npos)
      << locked.status().message();
  now_ += 31s;
  EXPECT_FALSE(Authenticate(db(), "wang", "wrong", policy).ok());  // 4th: 60 s
  now_ += 59s;
  EXPECT_NE(Authenticate(db(), "wang", "correct horse", policy).status().message().find("1 秒"),
            std::string::npos);
  now_ += 1s;
  EXPECT_FALSE(Authenticate(db(), "wang", "wrong", policy).ok());  // 5th: 120 s, capped at 100
  EXPECT_NE(Authenticate(db(), "wang", "correct horse", policy).status().message().find("100 秒"),
            std::string::npos);
  now_ += 100s;
  ASSERT_TRUE(Authenticate(db(), "wang", "correct horse", policy).ok());
  // Success forgets the failures: one wrong password now locks nothing.
  EXPECT_FALSE(Authenticate(db(), "wang", "wrong", policy).ok());
  EXPECT_TRUE(Authenticate(db(), "wang", "correct horse", policy).ok());

  // An unknown name locks alike, so a lock does not tell which names exist.
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(Authenticate(db(), "nobody", "x", policy).ok());
  EXPECT_NE(Authenticate(db(), "nobody", "x", policy).status().message().find("锁定"),
            std::string::npos);
}

TEST_P(AccessTest, DisablingRevokingAndANewPasswordEndSessions) {
  const int64_t id = FindUserByName(db(), "wang")->id;
  auto first = CreateSession(db(), id);
  auto second = CreateSession(db(), id);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(RevokeSessions(db(), "wang").value(), 2);
  EXPECT_EQ(FindSession(db(), first->token).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(FindSession(db(), second->token).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(RevokeSessions(db(), "nobody").status().code(), Status::Code::kNotFound);

  auto third = CreateSession(db(), id);
  ASSERT_TRUE(SetUserEnabled(db(), "wang", false).ok());
  EXPECT_EQ(FindSession(db(), third->token).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(Authenticate(db(), "wang", "correct horse").status().code(),
            Status::Code::kPermissionDenied);
  EXPECT_EQ(FindUserByName(db(), "wang").status().code(), Status::Code::kPermissionDenied);
  ASSERT_TRUE(SetUserEnabled(db(), "wang", true).ok());
  ASSERT_TRUE(Authenticate(db(), "wang", "correct horse").ok());

  auto fourth = CreateSession(db(), id);
  ASSERT_TRUE(SetPassword(db(), "wang", "battery staple").ok());
  EXPECT_EQ(FindSession(db(), fourth->token).status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(Authenticate(db(), "wang", "correct horse").ok());
  EXPECT_TRUE(Authenticate(db(), "wang", "battery staple").ok());
  EXPECT_EQ(SetPassword(db(), "wang", "short").code(), Status::Code::kInvalidInput);
}

TEST_P(AccessTest, LogoutDeletesTheSessionOnTheServer) {
  auto session = CreateSession(db(), FindUserByName(db(), "wang")->id);
  ASSERT_TRUE(FindSession(db(), session->token).ok());
  ASSERT_TRUE(DeleteSession(db(), session->token).ok());
  EXPECT_EQ(FindSession(db(), session->token).status().code(), Status::Code::kNotFound);
}

// Bug: PublishReport let a clerk publish (it refused only supervisors).
TEST_P(AccessTest, AClerkCannotApproveOrPublishAReport) {
  User clerk = FindUserByName(db(), "wang").value();
  Calendars calendars;
  for (Status s : {ApproveReport(db(), calendars, agency_, 2024, clerk, "fingerprint"),
                   PublishReport(db(), agency_, 2024, clerk, PublishOptions{}),
                   ReopenReport(db(), agency_, 2024, clerk, "理由")}) {
    EXPECT_EQ(s.code(), Status::Code::kPermissionDenied) << s.message();
    EXPECT_NE(s.message().find("经办人"), std::string::npos) << s.message();
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessTest, ::testing::ValuesIn(TestBackends()));

mode_t Mode(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 0777;
}

TEST(FileModes, DatabaseWalShmAndBackupAreOwnerOnly) {
  const mode_t old_umask = ::umask(022);  // a usual umask: files would be world-readable
  const std::string path = TempPath("gongkai-modes") + ".db";
  const std::string backup = path + ".bak";
  {
    auto db = Database::OpenForUse(path);
    ASSERT_TRUE(db.ok()) << db.status().message();
    ASSERT_TRUE(std::filesystem::exists(path + "-wal"));
    ASSERT_TRUE(std::filesystem::exists(path + "-shm"));
    EXPECT_EQ(Mode(path), 0600u);
    EXPECT_EQ(Mode(path + "-wal"), 0600u);
    EXPECT_EQ(Mode(path + "-shm"), 0600u);
    ASSERT_TRUE(db->Backup(backup).ok());
    EXPECT_EQ(Mode(backup), 0600u);
  }
  // A file left world-readable by an older version is tightened when opened.
  ::chmod(path.c_str(), 0644);
  ASSERT_TRUE(Database::Open(path).ok());
  EXPECT_EQ(Mode(path), 0600u);
  ::umask(old_umask);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  std::filesystem::remove(backup);
}

}  // namespace
}  // namespace gongkai
