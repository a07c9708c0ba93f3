// Hostile input at the HTTP edge (issue 10): invalid UTF-8 in any form field is a 400 naming the
// field, never a 500 or a stored case whose notices cannot be rendered; a case number holding
// `/ ? # %` works in every link; a handler that throws anything — an int, std::bad_alloc — is a
// 500 and the server keeps serving. A real server on a loopback port, cpp-httplib as browser.

#include "web/errors.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <filesystem>
#include <new>
#include <regex>

#include "files/calendar_files.h"
#include "web/app.h"
#include "web/router.h"
#include "web/server.h"
#include "web/urls.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

const auto kNow = std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h;
const std::string kNotUtf8 = "ab\xC3\x28";  // a lead byte followed by ASCII
const std::string kHostileNumber = "2026/01?#%";
const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);

std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "";
  return m[1];
}

TEST(PathSegmentTest, EncodesEverythingButUnreserved) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"2024-001", "2024-001"},
      {"a.b_c~d", "a.b_c~d"},
      {"2026/01?#%", "2026%2F01%3F%23%25"},
      {"A 1+2&3", "A%201%2B2%263"},
      {"依申请2024", "%E4%BE%9D%E7%94%B3%E8%AF%B72024"},
  };
  for (const auto& c : cases) EXPECT_EQ(PathSegment(c.in), c.out) << c.in;
  EXPECT_EQ(CaseUrl(7, kHostileNumber), "/office/a/7/cases/2026%2F01%3F%23%25");
}

TEST(MatchPatternTest, EachSegmentIsDecodedOnItsOwn) {
  std::map<std::string, std::string> params;
  ASSERT_TRUE(MatchPattern("/office/a/{agency}/cases/{number}/notices",
                           "/office/a/7/cases/2026%2F01%3F%23%25/notices", &params));
  EXPECT_EQ(params["number"], kHostileNumber);
  params.clear();
  EXPECT_FALSE(MatchPattern("/office/a/{agency}/cases/{number}", "/office/a/7/cases/2026/01",
                            &params));                                  // two segments
  EXPECT_FALSE(MatchPattern("/x/{id}", "/x/%G1", &params));             // a broken escape
  EXPECT_TRUE(MatchPattern("/static/{name}", "/%73tatic/a", &params));  // literal, encoded
}

TEST(HttpStatusForTest, OneMapping) {
  EXPECT_EQ(HttpStatusFor(Status::Ok()), 200);
  EXPECT_EQ(HttpStatusFor(Status::InvalidInput("x")), 422);
  EXPECT_EQ(HttpStatusFor(Status::NotFound("x")), 404);
  EXPECT_EQ(HttpStatusFor(Status::Conflict("x")), 409);
  EXPECT_EQ(HttpStatusFor(Status::PermissionDenied("x")), 403);
  EXPECT_EQ(HttpStatusFor(Status::Internal("x")), 500);
  // Our bug's message never reaches the page; the user's does.
  Response internal = StatusPage(Status::Internal("SELECT secret"), "t", "test");
  EXPECT_EQ(internal.status, 500);
  EXPECT_EQ(internal.body.find("SELECT secret"), std::string::npos);
  Response conflict = StatusPage(Status::Conflict("已发布"), "无法保存", "test");
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("已发布"), std::string::npos);
}

TEST(PathForLogTest, TokensAndControlCharactersNeverReachTheLog) {
  EXPECT_EQ(PathForLog("/setup/0123456789abcdef"), "/setup/…");
  EXPECT_EQ(PathForLog("/x\n2024-01-01 [info] forged"), "/x\\x0A2024-01-01 [info] forged");
  EXPECT_EQ(PathForLog("/cases/依申请"), "/cases/依申请");
}

class HostileInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::signal(SIGPIPE, SIG_IGN);
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("gk_hostile_test_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = Database::Open((dir_ / "test.db").string());
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = new Database(std::move(db).value());
    db_->SetClock([] { return std::chrono::system_clock::time_point(kNow); });
    ASSERT_TRUE(db_->EnsureSchema().ok());
    calendars_ = new Calendars(DefaultDataDir());
    Agency a;
    a.name = "甲区人民政府";
    a.kind = AgencyKind::kGovernment;
    agency_ = *AddAgency(*db_, a);
    ASSERT_TRUE(AddUser(*db_, agency_, "clerk_h", Role::kClerk, "password-h1").ok());

    // A case whose number holds every character that breaks a naive link.
    CaseRegister cases(*db_, *calendars_);
    const std::string line =
        R"({"case":"2026/01?#%","type":"received","date":"2024-09-30","applicant_kind":)"
        R"("natural_person","applicant_name":"王五","channel":"in_person","items":["城市更新批复"]})";
    auto imported = cases.Import(line + "\n", ImportOptions{agency_, "test"});
    ASSERT_TRUE(imported.ok()) << imported.status().message();

    AppOptions options;
    options.data_dir = DefaultDataDir();
    options.upload_dir = dir_ / "uploads";
    options.public_post_burst = 1000;
    options.extra_routes = {
        {Method::kGet, "/test/throw-int", Access::kPublic,
         [](RequestContext&, const Request&) -> Response { throw 42; }},
        {Method::kGet, "/test/throw-bad-alloc", Access::kPublic,
         [](RequestContext&, const Request&) -> Response { throw std::bad_alloc(); }},
    };
    auto app = App::Create(*db_, *calendars_, options);
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(app).value().release();
    ServerOptions so;
    so.port = 0;
    so.threads = 2;
    server_ = new Server(so, [](Request& r) -> Response {
      if (r.path == "/test/server-throws") throw std::string("not even an exception");
      return app_->Handle(r);
    });
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

  struct Caller {
    std::string cookie;
    std::string csrf;
  };
  Caller Visit() {
    auto res = Client().Get("/apply");
    EXPECT_TRUE(res);
    const std::string csrf = Match(res->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
    return {"gk_csrf=" + csrf, csrf};
  }
  Caller SignIn() {
    auto res = Client().Get("/office/login");
    const std::string visitor =
        Match(res->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
    httplib::Params form{{"_csrf", visitor}, {"name", "clerk_h"}, {"password", "password-h1"}};
    auto signed_in = Client().Post("/office/login", {{"Cookie", "gk_csrf=" + visitor}}, form);
    EXPECT_EQ(signed_in->status, 303);
    Caller c;
    c.cookie = "gk_session=" +
               Match(signed_in->get_header_value("Set-Cookie"), "gk_session=([0-9A-Za-z_\\-]+)");
    auto page = Client().Get("/office", {{"Cookie", c.cookie}});
    c.csrf = Match(page->body, "name=\"_csrf\" value=\"([0-9A-Za-z]+)\"");
    EXPECT_FALSE(c.csrf.empty());
    return c;
  }

  int CaseCount() {
    auto list = CaseRegister(*db_, *calendars_).List(agency_, {});
    return list.ok() ? static_cast<int>(list->size()) : -1;
  }

  static inline std::filesystem::path dir_;
  static inline Database* db_ = nullptr;
  static inline Calendars* calendars_ = nullptr;
  static inline App* app_ = nullptr;
  static inline Server* server_ = nullptr;
  static inline int64_t agency_ = 0;
};

TEST_F(HostileInputTest, InvalidUtf8InEachApplicationFieldIsA400NamingIt) {
  const Caller v = Visit();
  const std::vector<std::pair<std::string, std::string>> valid = {
      {"agency", std::to_string(agency_)},
      {"applicant_kind", "natural_person"},
      {"name", "张三"},
      {"id_type", "resident_id"},
      {"id_number", "11010519491231002X"},
      {"phone", "13812345678"},
      {"email", ""},
      {"address", "河南省平顶山市新华区中兴路1号"},
      {"description", "新华区2024年老旧小区改造项目的批复文件"},
      {"document_number", ""},
      {"provision_form", "paper"},
      {"delivery", "post"},
  };
  const int before = CaseCount();
  for (const auto& [field, unused] : valid) {
    httplib::MultipartFormDataItems form{{"_csrf", v.csrf, "", ""}};
    for (const auto& [name, value] : valid) {
      form.push_back({name, name == field ? kNotUtf8 : value, "", ""});
    }
    form.push_back({"id_proof", kPng, "id.png", "image/png"});
    auto res = Client().Post("/apply", {{"Cookie", v.cookie}}, form);
    ASSERT_TRUE(res) << field;
    EXPECT_EQ(res->status, 400) << field;
    EXPECT_NE(res->body.find("「" + field + "」"), std::string::npos) << field << res->body;
  }
  EXPECT_EQ(CaseCount(), before);  // nothing stored
}

TEST_F(HostileInputTest, InvalidUtf8InEachNewCaseFieldIsA400NamingIt) {
  const Caller staff = SignIn();
  const std::vector<std::pair<std::string, std::string>> valid = {
      {"agency", std::to_string(agency_)},
      {"channel", "in_person"},
      {"arrived", "2024-10-14"},
      {"received", ""},
      {"applicant_kind", "natural_person"},
      {"name", "张三"},
      {"id_type", "resident_id"},
      {"id_number", "11010519491231002X"},
      {"phone", "13812345678"},
      {"email", ""},
      {"address", "河南省平顶山市新华区中兴路1号"},
      {"description", "老旧小区改造项目的批复文件"},
      {"document_number", ""},
      {"provision_form", "paper"},
      {"delivery", "post"},
  };
  const int before = CaseCount();
  for (const auto& [field, unused] : valid) {
    httplib::Params form{{"_csrf", staff.csrf}};
    for (const auto& [name, value] : valid) form.emplace(name, name == field ? kNotUtf8 : value);
    auto res = Client().Post("/office/cases/new", {{"Cookie", staff.cookie}}, form);
    ASSERT_TRUE(res) << field;
    EXPECT_EQ(res->status, 400) << field;
    EXPECT_NE(res->body.find("「" + field + "」"), std::string::npos) << field << res->body;
  }
  EXPECT_EQ(CaseCount(), before);
}

TEST_F(HostileInputTest, CaseNumberWithSlashQuestionHashPercentWorksInEveryLink) {
  const Caller staff = SignIn();
  const std::string url = CaseUrl(agency_, kHostileNumber);
  // The queue links to it encoded.
  auto queue = Client().Get("/office", {{"Cookie", staff.cookie}});
  ASSERT_EQ(queue->status, 200);
  EXPECT_NE(queue->body.find("href=\"" + url + "\""), std::string::npos);
  // Its page opens, and its own links (notices, steps) keep the number in one segment.
  auto page = Client().Get(url, {{"Cookie", staff.cookie}});
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_NE(page->body.find(kHostileNumber), std::string::npos);
  EXPECT_NE(page->body.find("href=\"" + url + "/notices\""), std::string::npos);
  EXPECT_NE(page->body.find("action=\"" + url + "/steps\""), std::string::npos);
  auto notices = Client().Get(url + "/notices", {{"Cookie", staff.cookie}});
  ASSERT_EQ(notices->status, 200) << notices->body;
  EXPECT_NE(notices->body.find("href=\"" + url + "\""), std::string::npos);
  // The unencoded number is another path, not this case.
  EXPECT_EQ(Client()
                .Get("/office/a/" + std::to_string(agency_) + "/cases/2026/01",
                     {{"Cookie", staff.cookie}})
                ->status,
            404);
}

TEST_F(HostileInputTest, HandlerThrowingAnythingIsA500AndTheServerKeepsServing) {
  for (const char* path : {"/test/throw-int", "/test/throw-bad-alloc", "/test/server-throws"}) {
    auto res = Client().Get(path);
    ASSERT_TRUE(res) << path;  // answered, the connection not dropped
    EXPECT_EQ(res->status, 500) << path;
    EXPECT_NE(res->body.find("系统内部错误"), std::string::npos) << path;
  }
  auto home = Client().Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
}

}  // namespace
}  // namespace gongkai::web
