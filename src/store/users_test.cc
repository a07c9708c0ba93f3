#include "store/users.h"

#include <gtest/gtest.h>

#include "store/agencies.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

class UsersTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([this] { return now_; });
    county_ =
        AddAgency(db(), Agency{0, {}, "某县人民政府", AgencyKind::kGovernment, "", "{}"}).value();
    bureau_ = AddAgency(db(), Agency{0, county_, "某县教育局", AgencyKind::kDepartment, "", "{}"})
                  .value();
    school_office_ =
        AddAgency(db(), Agency{0, bureau_, "某县教育局办公室", AgencyKind::kDepartment, "", "{}"})
            .value();
    town_ = AddAgency(db(), Agency{0, county_, "某镇人民政府", AgencyKind::kTownship, "", "{}"})
                .value();
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::sys_days(std::chrono::year(2024) / 3 / 1) + 9h;
  int64_t county_ = 0, bureau_ = 0, school_office_ = 0, town_ = 0;
};

TEST_P(UsersTest, AgencyHierarchyAndListing) {
  auto all = ListAgencies(db());
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[1].parent_id, county_);
  EXPECT_EQ((*all)[3].kind, AgencyKind::kTownship);
  auto subtree = AgencySubtree(db(), bureau_);
  ASSERT_TRUE(subtree.ok());
  EXPECT_EQ(*subtree, (std::vector<int64_t>{bureau_, school_office_}));
  EXPECT_EQ(AddAgency(db(), Agency{0, {}, "某县教育局", AgencyKind::kDepartment, "", "{}"})
                .status()
                .code(),
            Status::Code::kConflict);
  EXPECT_EQ(
      AddAgency(db(), Agency{0, {}, "坏设置", AgencyKind::kDepartment, "", "[1]"}).status().code(),
      Status::Code::kInvalidInput);
  EXPECT_EQ(GetAgency(db(), 999).status().code(), Status::Code::kNotFound);
}

TEST_P(UsersTest, PasswordsAreArgon2idAndCheckedWithoutHints) {
  auto user = AddUser(db(), bureau_, "wang", Role::kClerk, "correct horse");
  ASSERT_TRUE(user.ok()) << user.status().message();
  std::string stored;
  db().impl().sql << "SELECT password_hash FROM users WHERE name = 'wang'", soci::into(stored);
  EXPECT_TRUE(stored.starts_with("$argon2id$")) << stored;
  EXPECT_EQ(stored.find("correct horse"), std::string::npos);

  auto ok = Authenticate(db(), "wang", "correct horse");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->agency_id, bureau_);
  EXPECT_EQ(ok->role, Role::kClerk);
  auto wrong = Authenticate(db(), "wang", "wrong horse");
  auto nobody = Authenticate(db(), "li", "correct horse");
  EXPECT_EQ(wrong.status().code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(wrong.status().message(), nobody.status().message());

  EXPECT_EQ(AddUser(db(), bureau_, "wang", Role::kHead, "another pass").status().code(),
            Status::Code::kConflict);
  EXPECT_EQ(AddUser(db(), bureau_, "zhao", Role::kHead, "short").status().code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(AddUser(db(), 999, "zhao", Role::kHead, "long enough").status().code(),
            Status::Code::kInvalidInput);
}

TEST_P(UsersTest, RolesAreScopedToTheAgencyAndBelow) {
  auto user = AddUser(db(), bureau_, "head", Role::kHead, "12345678").value();
  struct {
    int64_t agency;
    bool allowed;
  } cases[] = {{bureau_, true}, {school_office_, true}, {county_, false}, {town_, false}};
  for (const auto& c : cases) {
    auto can = UserCanAccess(db(), user, c.agency);
    ASSERT_TRUE(can.ok());
    EXPECT_EQ(*can, c.allowed) << "agency " << c.agency;
  }
  auto listed = ListUsers(db(), bureau_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(ListUsers(db(), town_)->size(), 0u);
  EXPECT_EQ(RoleFromKey("supervisor"), Role::kSupervisor);
  EXPECT_EQ(RoleFromKey("boss"), std::nullopt);
}

TEST_P(UsersTest, SessionsAreStoredHashedAndExpire) {
  auto user = AddUser(db(), town_, "zhou", Role::kAdmin, "12345678").value();
  auto session = CreateSession(db(), user.id, 1h);
  ASSERT_TRUE(session.ok()) << session.status().message();
  EXPECT_EQ(session->token.size(), 64u);
  long long plain = 0;
  db().impl().sql << "SELECT count(*) FROM sessions WHERE token_hash = :t",
      soci::use(session->token), soci::into(plain);
  EXPECT_EQ(plain, 0) << "the token must not be stored in clear";

  auto found = FindSession(db(), session->token);
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ(found->user.name, "zhou");
  EXPECT_EQ(found->csrf_token, session->csrf_token);
  EXPECT_EQ(found->expires, now_ + 1h);
  EXPECT_EQ(FindSession(db(), "not-a-token").status().code(), Status::Code::kNotFound);

  now_ += 2h;
  EXPECT_EQ(FindSession(db(), session->token).status().code(), Status::Code::kNotFound);
  long long left = 0;
  db().impl().sql << "SELECT count(*) FROM sessions", soci::into(left);
  EXPECT_EQ(left, 0) << "an expired session is deleted when found";

  auto second = CreateSession(db(), user.id).value();
  ASSERT_TRUE(DeleteSession(db(), second.token).ok());
  EXPECT_EQ(FindSession(db(), second.token).status().code(), Status::Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, UsersTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
