// Test support for the web tests of the public catalogue, the guide and the open-data API: a
// real server on an ephemeral loopback port over a temporary SQLite register with two agencies
// (甲区 with a clerk, a head and a supervisor; 乙县 with a clerk), cpp-httplib as the browser,
// and sign-in. "Today" is fixed by the database clock (2024-10-14, a Monday). Header-only; only
// *_test.cc include it.

#ifndef GONGKAI_WEB_PUBLIC_SITE_TEST_UTIL_H_
#define GONGKAI_WEB_PUBLIC_SITE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <filesystem>
#include <regex>
#include <string>

#include "files/calendar_files.h"
#include "store/agencies.h"
#include "store/users.h"
#include "web/app.h"
#include "web/server.h"

namespace gongkai::web {

inline std::string FirstMatch(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "";
  return m[1];
}

class PublicSiteTest : public ::testing::Test {
 protected:
  // 2024-10-14 10:00 in Beijing.
  static std::chrono::system_clock::time_point Now() {
    using namespace std::chrono_literals;
    return std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h;
  }

  static void SetUpTestSuite() {
    std::signal(SIGPIPE, SIG_IGN);
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("gk_public_site_test_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = Database::Open((dir_ / "test.db").string());
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = new Database(std::move(db).value());
    db_->SetClock([] { return Now(); });
    ASSERT_TRUE(db_->EnsureSchema().ok());
    calendars_ = new Calendars(DefaultDataDir());
    Agency a;
    a.name = "甲区人民政府";
    a.kind = AgencyKind::kGovernment;
    agency_a_ = *AddAgency(*db_, a);
    Agency b;
    b.name = "乙县人民政府";
    b.kind = AgencyKind::kGovernment;
    agency_b_ = *AddAgency(*db_, b);
    ASSERT_TRUE(AddUser(*db_, agency_a_, "clerk_a", Role::kClerk, "password-a1").ok());
    ASSERT_TRUE(AddUser(*db_, agency_a_, "head_a", Role::kHead, "password-a2").ok());
    ASSERT_TRUE(AddUser(*db_, agency_a_, "sup_a", Role::kSupervisor, "password-a3").ok());
    ASSERT_TRUE(AddUser(*db_, agency_b_, "clerk_b", Role::kClerk, "password-b1").ok());
    AppOptions options;
    options.data_dir = DefaultDataDir();
    options.upload_dir = dir_ / "uploads";
    options.public_post_burst = 1000;
    auto app = App::Create(*db_, *calendars_, options);
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(app).value().release();
    ServerOptions so;
    so.port = 0;
    so.threads = 2;
    server_ = new Server(so, [](Request& r) { return app_->Handle(r); });
    ASSERT_TRUE(server_->Start().ok());
    server_->RunInBackground();
  }

  static void TearDownTestSuite() {
    server_->Stop();
    server_->Join();
    delete server_;
    delete app_;
    delete calendars_;
    delete db_;
    std::filesystem::remove_all(dir_);
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30, 0);
    return c;
  }

  struct Staff {
    std::string cookie;
    std::string csrf;
  };
  Staff SignIn(const std::string& name, const std::string& password) {
    auto c = Client();
    auto login = c.Get("/office/login");
    EXPECT_TRUE(login);
    std::string csrf = FirstMatch(login->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
    httplib::Params form{{"_csrf", csrf}, {"name", name}, {"password", password}};
    auto res = c.Post("/office/login", {{"Cookie", "gk_csrf=" + csrf}}, form);
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, 303) << name;
    Staff s;
    s.cookie = "gk_session=" +
               FirstMatch(res->get_header_value("Set-Cookie"), "gk_session=([0-9A-Za-z_\\-]+)");
    auto page = c.Get("/office/reports", {{"Cookie", s.cookie}});
    EXPECT_TRUE(page);
    s.csrf = FirstMatch(page->body, "name=\"_csrf\" value=\"([0-9A-Za-z]+)\"");
    EXPECT_FALSE(s.csrf.empty());
    return s;
  }

  httplib::Result PostAs(const Staff& who, const std::string& path, httplib::Params form = {}) {
    form.emplace("_csrf", who.csrf);
    return Client().Post(path, {{"Cookie", who.cookie}}, form);
  }
  httplib::Result GetAs(const Staff& who, const std::string& path) {
    return Client().Get(path, {{"Cookie", who.cookie}});
  }

  static inline std::filesystem::path dir_;
  static inline Database* db_ = nullptr;
  static inline Calendars* calendars_ = nullptr;
  static inline App* app_ = nullptr;
  static inline Server* server_ = nullptr;
  static inline int64_t agency_a_ = 0, agency_b_ = 0;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_PUBLIC_SITE_TEST_UTIL_H_
