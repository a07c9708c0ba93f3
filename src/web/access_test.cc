// Sign-in, sessions and rate limits as the application enforces them (issue 10, "Abuse"): the
// sign-in bucket apart from the public forms, the global cap on tracking look-ups, bounded
// per-client buckets, the client address behind trusted proxies only, HSTS and Secure cookies
// over TLS, and sessions that end on the server (logout, disabling, an unknown role). Requests
// go straight to App::Handle; the database clock is fixed.

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "files/calendar_files.h"
#include "store/test_database.h"
#include "web/app.h"
#include "web/security.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

TEST(ClientAddress, RightMostUntrustedAddressFromTrustedProxiesOnly) {
  const std::vector<std::string> trusted{"127.0.0.1", "10.0.0.2"};
  struct Case {
    const char* peer;
    const char* forwarded_for;
    const char* expected;
  } cases[] = {
      {"203.0.113.5", "", "203.0.113.5"},                         // direct
      {"203.0.113.5", "198.51.100.1", "203.0.113.5"},             // forged by an untrusted peer
      {"127.0.0.1", "198.51.100.1", "198.51.100.1"},              // nginx on loopback
      {"127.0.0.1", "6.6.6.6, 198.51.100.1", "198.51.100.1"},     // client forged the left part
      {"127.0.0.1", "198.51.100.1, 10.0.0.2", "198.51.100.1"},    // two proxies
      {"127.0.0.1", " 198.51.100.1 ,10.0.0.2 ", "198.51.100.1"},  // spaces
      {"127.0.0.1", "10.0.0.2", "10.0.0.2"},                      // all trusted: left-most
      {"127.0.0.1", "", "127.0.0.1"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ClientAddress(c.peer, c.forwarded_for, trusted), c.expected)
        << c.peer << " / " << c.forwarded_for;
  }
}

TEST(RateLimiter, AHundredThousandClientsStayBounded) {
  RateLimiter limiter(3, 10s);
  const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
  for (int i = 0; i < 100000; ++i) {
    EXPECT_EQ(limiter.Take("client-" + std::to_string(i), t0 + std::chrono::microseconds(i)), 0);
  }
  EXPECT_LE(limiter.size(), RateLimiter::kMaxTrackedClients);
  // The newest client kept its bucket through the flood.
  limiter.Take("client-99999", t0 + 1s);
  limiter.Take("client-99999", t0 + 1s);
  EXPECT_GT(limiter.Take("client-99999", t0 + 1s), 0);
  // Once every bucket has refilled (3 × 10 s) they are evicted as idle.
  EXPECT_EQ(limiter.Take("late", t0 + 40s), 0);
  EXPECT_EQ(limiter.size(), 1u);
}

TEST(SecurityHeaders, HstsOnlyOverTls) {
  Response plain;
  AddSecurityHeaders(plain);
  EXPECT_FALSE(plain.FindHeader("Strict-Transport-Security"));
  Response tls;
  AddSecurityHeaders(tls, true);
  EXPECT_EQ(tls.FindHeader("Strict-Transport-Security"), std::string(kStrictTransportSecurity));
}

std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "";
  return m[1];
}

std::string SetCookies(const Response& r) {
  std::string out;
  for (const auto& [name, value] : r.headers) {
    if (name == "Set-Cookie") out += value + "\n";
  }
  return out;
}

class AccessAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempPath("gongkai-access-app") + ".db";
    auto db = Database::OpenForUse(path_);
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_.emplace(std::move(db).value());
    db_->SetClock([] {
      return std::chrono::system_clock::time_point(
          std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h);
    });
    calendars_.emplace(DefaultDataDir());
    Agency a;
    a.name = "甲区人民政府";
    a.kind = AgencyKind::kGovernment;
    agency_ = *AddAgency(*db_, a);
    ASSERT_TRUE(AddUser(*db_, agency_, "clerk_a", Role::kClerk, "password-a1").ok());
    options_.data_dir = DefaultDataDir();
    options_.upload_dir = path_ + "-uploads";
  }
  void TearDown() override {
    app_.reset();
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    std::filesystem::remove_all(path_ + "-uploads");
  }

  void Start() {
    auto app = App::Create(*db_, *calendars_, options_);
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(app).value();
  }

  Response Get(const std::string& path, const std::string& session = "", bool secure = false) {
    Request r;
    r.path = path;
    r.remote_ip = "198.51.100.7";
    r.secure = secure;
    if (!session.empty()) r.cookies[std::string(kSessionCookie)] = session;
    return app_->Handle(r);
  }

  Response Post(const std::string& path, const std::string& body, const std::string& ip,
                const std::string& session = "", const std::string& csrf_cookie = "",
                bool secure = false) {
    Request r;
    r.method = Method::kPost;
    r.path = path;
    r.remote_ip = ip;
    r.secure = secure;
    r.body = body;
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    if (!session.empty()) r.cookies[std::string(kSessionCookie)] = session;
    if (!csrf_cookie.empty()) r.cookies[std::string(kVisitorCsrfCookie)] = csrf_cookie;
    return app_->Handle(r);
  }

  // Signs in through the login form; returns the Set-Cookie headers of the answer.
  std::string SignIn(const std::string& name, const std::string& password, bool secure = false) {
    Response form = Get("/office/login", "", secure);
    std::string csrf = Match(SetCookies(form), "gk_csrf=([0-9a-f]{64})");
    Response r = Post("/office/login", "_csrf=" + csrf + "&name=" + name + "&password=" + password,
                      "198.51.100.7", "", csrf, secure);
    EXPECT_EQ(r.status, 303) << r.body;
    return SetCookies(r);
  }
  std::string Session(const std::string& set_cookies) {
    return Match(set_cookies, "gk_session=([0-9a-f]+)");
  }

  std::string path_;
  std::optional<Database> db_;
  std::optional<Calendars> calendars_;
  AppOptions options_;
  std::unique_ptr<App> app_;
  int64_t agency_ = 0;
};

TEST_F(AccessAppTest, LogoutEndsTheSessionOnTheServer) {
  Start();
  std::string session = Session(SignIn("clerk_a", "password-a1"));
  ASSERT_FALSE(session.empty());
  ASSERT_EQ(Get("/office", session).status, 200);
  std::string csrf = FindSession(*db_, session)->csrf_token;
  ASSERT_EQ(Post("/office/logout", "_csrf=" + csrf, "198.51.100.7", session).status, 303);
  // The old cookie, replayed from anywhere, is a stranger's now.
  Response after = Get("/office", session);
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.FindHeader("Location"), "/office/login");
}

TEST_F(AccessAppTest, DisabledUsersAndUnknownRolesLoseTheirSessions) {
  Start();
  std::string session = Session(SignIn("clerk_a", "password-a1"));
  ASSERT_TRUE(SetUserEnabled(*db_, "clerk_a", false).ok());
  EXPECT_EQ(Get("/office", session).status, 303);
  ASSERT_TRUE(SetUserEnabled(*db_, "clerk_a", true).ok());
  session = Session(SignIn("clerk_a", "password-a1"));
  ASSERT_EQ(Get("/office", session).status, 200);
  db_->impl().sql << "UPDATE users SET role = 'root' WHERE name = 'clerk_a'";
  Response refused = Get("/office", session);
  EXPECT_EQ(refused.status, 303) << "never read as a clerk";
}

TEST_F(AccessAppTest, AClerkCannotApproveOrPublishOnTheWeb) {
  Start();
  std::string session = Session(SignIn("clerk_a", "password-a1"));
  std::string csrf = FindSession(*db_, session)->csrf_token;
  for (const char* step : {"approve", "publish", "reopen"}) {
    Response r = Post(fmt::format("/office/a/{}/reports/2024/{}", agency_, step), "_csrf=" + csrf,
                      "198.51.100.7", session);
    EXPECT_EQ(r.status, 403) << step;
  }
}

TEST_F(AccessAppTest, SignInHasItsOwnBucketApartFromThePublicForms) {
  options_.public_post_burst = 2;
  options_.sign_in_burst = 3;
  Start();
  const std::string ip = "203.0.113.9";
  EXPECT_NE(Post("/track", "", ip).status, 429);
  EXPECT_NE(Post("/track", "", ip).status, 429);
  EXPECT_EQ(Post("/track", "", ip).status, 429);
  // The public forms are spent; staff can still sign in from the same address.
  for (int i = 0; i < 3; ++i) EXPECT_NE(Post("/office/login", "", ip).status, 429) << i;
  Response spent = Post("/office/login", "", ip);
  EXPECT_EQ(spent.status, 429);
  EXPECT_TRUE(spent.FindHeader("Retry-After"));
}

TEST_F(AccessAppTest, TrackingHasAGlobalCapAgainstDistributedGuessing) {
  options_.tracking_global_burst = 3;
  options_.tracking_global_refill = 1h;
  Start();
  for (int i = 0; i < 3; ++i) {
    EXPECT_NE(Post("/track", "", "203.0.113." + std::to_string(i)).status, 429) << i;
  }
  // A fourth address, never seen before, is refused: the cap is for everyone together.
  EXPECT_EQ(Post("/track", "", "203.0.113.200").status, 429);
  EXPECT_NE(Post("/apply", "", "203.0.113.200").status, 429) << "other forms are not capped";
}

TEST_F(AccessAppTest, OverTlsCookiesAreSecureAndHstsIsSent) {
  Start();
  std::string cookies = SignIn("clerk_a", "password-a1", true);
  EXPECT_NE(cookies.find("gk_session="), std::string::npos);
  EXPECT_NE(cookies.find("; Secure"), std::string::npos) << cookies;
  Response page = Get("/", "", true);
  EXPECT_EQ(page.FindHeader("Strict-Transport-Security"), std::string(kStrictTransportSecurity));
  EXPECT_FALSE(Get("/", "", false).FindHeader("Strict-Transport-Security"));
}

}  // namespace
}  // namespace gongkai::web
