// HTTP-level tests of the whole application: a real server on an ephemeral loopback port, a
// temporary SQLite register with two unrelated agencies, and cpp-httplib as the browser.
// "Today" is fixed by the database clock (2024-10-14, a Monday), never read from the machine.

#include "web/app.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <filesystem>
#include <regex>
#include <thread>

#include "files/calendar_files.h"
#include "store/online_filings.h"
#include "store/records.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

// 2024-10-14 10:00 in Beijing.
const auto kNow = std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h;

std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "";
  return m[1];
}

// A PNG signature followed by junk: enough for the content check.
const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);

class AppTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::signal(SIGPIPE, SIG_IGN);  // a refused upload may close the socket under the client
    dir_ =
        std::filesystem::path(::testing::TempDir()) / ("gk_app_test_" + std::to_string(getpid()));
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
    agency_a_ = *AddAgency(*db_, a);
    Agency b;
    b.name = "乙县人民政府";
    b.kind = AgencyKind::kGovernment;
    agency_b_ = *AddAgency(*db_, b);
    ASSERT_TRUE(AddUser(*db_, agency_a_, "clerk_a", Role::kClerk, "password-a1").ok());
    ASSERT_TRUE(AddUser(*db_, agency_a_, "head_a", Role::kHead, "password-a2").ok());
    ASSERT_TRUE(AddUser(*db_, agency_a_, "sup_a", Role::kSupervisor, "password-a3").ok());
    ASSERT_TRUE(AddUser(*db_, agency_b_, "clerk_b", Role::kClerk, "password-b1").ok());

    // A case of agency A, received on the internet on 2024-09-30.
    CaseRegister cases(*db_, *calendars_);
    Event received;
    received.type = EventType::kReceived;
    received.date = Date(std::chrono::year(2024), std::chrono::September, std::chrono::day(30));
    received.channel = Channel::kInternet;
    received.applicant_kind = ApplicantKind::kNaturalPerson;
    received.applicant_name = "李四";
    received.items = std::vector<std::string>{"2024年城市更新项目批复"};
    Applicant applicant{"李四", "resident_id", "11010519491231002X", "13912345678", "", ""};
    auto created = cases.RegisterCase(agency_a_, received, applicant, "电子数据；电子邮件", "test");
    ASSERT_TRUE(created.ok()) << created.status().message();
    case_a_ = created->number;

    AppOptions options;
    options.data_dir = DefaultDataDir();
    options.upload_dir = dir_ / "uploads";
    options.public_post_burst = 1000;
    options.sign_in_burst = 1000;
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

  // A visitor: the CSRF cookie and token from a GET of `page`.
  struct Visitor {
    std::string cookie;  // "gk_csrf=…"
    std::string csrf;
    std::string filing_token;  // of the application form, when `page` is /apply
  };
  Visitor Visit(const std::string& page = "/apply") {
    auto c = Client();
    auto res = c.Get(page);
    EXPECT_TRUE(res);
    Visitor v;
    v.csrf = Match(res->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
    v.cookie = "gk_csrf=" + v.csrf;
    EXPECT_EQ(Match(res->body, "name=\"_csrf\" value=\"([0-9a-f]+)\""), v.csrf);
    v.filing_token = Match(res->body, "name=\"filing_token\" value=\"([0-9a-f]{64})\"");
    return v;
  }

  // A signed-in user: the session cookie and the session's CSRF token.
  struct Staff {
    std::string cookie;
    std::string csrf;
  };
  Staff SignIn(const std::string& name, const std::string& password) {
    Visitor v = Visit("/office/login");
    auto c = Client();
    httplib::Params form{{"_csrf", v.csrf}, {"name", name}, {"password", password}};
    auto res = c.Post("/office/login", {{"Cookie", v.cookie}}, form);
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, 303) << name;
    std::string set_cookie = res->get_header_value("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
    Staff s;
    s.cookie = "gk_session=" + Match(set_cookie, "gk_session=([0-9A-Za-z_\\-]+)");
    auto page = c.Get("/office/reports", {{"Cookie", s.cookie}});
    EXPECT_TRUE(page);
    s.csrf = Match(page->body, "name=\"_csrf\" value=\"([0-9A-Za-z]+)\"");
    EXPECT_FALSE(s.csrf.empty());
    return s;
  }

  httplib::MultipartFormDataItems Application(const std::string& csrf, const std::string& id,
                                              const std::string& file,
                                              const std::string& filing_token = "") {
    return {
        {"_csrf", csrf, "", ""},
        {"filing_token", filing_token, "", ""},
        {"agency", std::to_string(agency_a_), "", ""},
        {"applicant_kind", "natural_person", "", ""},
        {"name", "张三", "", ""},
        {"id_type", "resident_id", "", ""},
        {"id_number", id, "", ""},
        {"phone", "13812345678", "", ""},
        {"email", "", "", ""},
        {"address", "河南省平顶山市新华区中兴路1号", "", ""},
        {"description", "新华区2024年老旧小区改造项目的批复文件", "", ""},
        {"document_number", "", "", ""},
        {"provision_form", "paper", "", ""},
        {"delivery", "post", "", ""},
        {"id_proof", file, "id.png", "image/png"},
    };
  }

  static inline std::filesystem::path dir_;
  static inline Database* db_ = nullptr;
  static inline Calendars* calendars_ = nullptr;
  static inline App* app_ = nullptr;
  static inline Server* server_ = nullptr;
  static inline int64_t agency_a_ = 0, agency_b_ = 0;
  static inline std::string case_a_;

  // A new case of agency A received on the internet on `received`, with its query code.
  static NewCase RegisterCaseA(Date received_on) {
    CaseRegister cases(*db_, *calendars_);
    Event received;
    received.type = EventType::kReceived;
    received.date = received_on;
    received.channel = Channel::kInternet;
    received.applicant_kind = ApplicantKind::kNaturalPerson;
    received.applicant_name = "王五";
    received.items = std::vector<std::string>{"2024年道路维修计划"};
    Applicant applicant{"王五", "resident_id", "11010519491231002X", "13912345678", "", ""};
    auto created = cases.RegisterCase(agency_a_, received, applicant, "电子数据；电子邮件", "test");
    EXPECT_TRUE(created.ok()) << created.status().message();
    return *created;
  }

  // The head approves the snapshot the report page shows him and publishes it, confirming
  // that sections 五 and 六 may stay empty.
  void ApproveAndPublish(const Staff& head, const std::string& report) {
    auto page = Client().Get(report, {{"Cookie", head.cookie}});
    const std::string fingerprint =
        Match(page->body, "name=\"fingerprint\" value=\"([0-9a-f]{64})\"");
    ASSERT_EQ(PostAs(head, report + "/approve", {{"fingerprint", fingerprint}})->status, 303);
    ASSERT_EQ(PostAs(head, report + "/publish", {{"confirm_empty", "1"}})->status, 303);
  }

  // POSTs a form as a signed-in user.
  httplib::Result PostAs(const Staff& who, const std::string& path, httplib::Params form = {}) {
    form.emplace("_csrf", who.csrf);
    return Client().Post(path, {{"Cookie", who.cookie}}, form);
  }
};

TEST_F(AppTest, PublicPagesInChineseWithSecurityHeaders) {
  struct Case {
    std::string path;
    std::string text;
  } cases[] = {
      {"/", "政府信息公开"},        {"/apply", "政府信息公开申请"},
      {"/track", "申请进度查询"},   {"/deadline", "答复期限计算器"},
      {"/reports", "甲区人民政府"}, {"/office/login", "工作人员登录"},
  };
  auto c = Client();
  for (const auto& tc : cases) {
    auto res = c.Get(tc.path);
    ASSERT_TRUE(res) << tc.path;
    EXPECT_EQ(res->status, 200) << tc.path;
    EXPECT_NE(res->body.find(tc.text), std::string::npos) << tc.path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << tc.path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << tc.path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"),
              std::string::npos);
    EXPECT_EQ(res->body.find("<script>"), std::string::npos) << tc.path;
  }
  auto css = c.Get("/static/site.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(c.Get("/static/../CMakeLists.txt")->status, 404);
  EXPECT_EQ(c.Get("/no-such-page")->status, 404);
}

TEST_F(AppTest, DeadlineCalculatorSkipsNationalDay) {
  // Received Mon 2024-09-30 (day 0). 10-01..10-07 are rest days, Sat 10-12 is a make-up working
  // day: the 20th working day is 2024-11-01 (10-08..10-12 = 1..5, 10-14..18 = 6..10,
  // 10-21..25 = 11..15, 10-28..11-01 = 16..20).
  auto res = Client().Get("/deadline?start=2024-09-30&days=20");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("2024年11月1日"), std::string::npos);
  auto bad = Client().Get("/deadline?start=2024-02-30&days=20");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("年-月-日"), std::string::npos);
}

TEST_F(AppTest, PostWithoutCsrfIsRefused) {
  Visitor v = Visit();
  auto c = Client();
  auto items = Application("", "11010519491231002X", kPng);
  auto res = c.Post("/apply", {{"Cookie", v.cookie}}, items);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  items = Application(std::string(64, 'a'), "11010519491231002X", kPng);
  EXPECT_EQ(c.Post("/apply", {{"Cookie", v.cookie}}, items)->status, 403);
  httplib::Params login{{"name", "clerk_a"}, {"password", "password-a1"}};
  EXPECT_EQ(c.Post("/office/login", {{"Cookie", v.cookie}}, login)->status, 403);
}

TEST_F(AppTest, ApplyThenTrackShowsOnlyMaskedData) {
  Visitor v = Visit();
  auto c = Client();
  auto posted = c.Post("/apply", {{"Cookie", v.cookie}},
                       Application(v.csrf, "11010519491231002X", kPng, v.filing_token));
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 303) << posted->body;
  EXPECT_EQ(posted->get_header_value("Location"), "/apply/receipt");
  std::string receipt =
      "gk_receipt=" + Match(posted->get_header_value("Set-Cookie"), "gk_receipt=([0-9a-f]{64})");
  auto res = c.Get("/apply/receipt", {{"Cookie", receipt}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("申请已提交"), std::string::npos);
  // Received on the internet on Mon 2024-10-14: the 20th working day after is 2024-11-11.
  EXPECT_NE(res->body.find("2024年10月14日"), std::string::npos);
  EXPECT_NE(res->body.find("2024年11月11日"), std::string::npos);
  std::string number = Match(res->body, "案件编号</dt><dd class=\"code\">([^<]+)<");
  std::string code = Match(res->body, "查询码</dt><dd class=\"code\">([^<]+)<");
  ASSERT_FALSE(number.empty());
  ASSERT_FALSE(code.empty());

  httplib::Params track{
      {"_csrf", v.csrf}, {"agency", std::to_string(agency_a_)}, {"number", number}, {"code", code}};
  auto page = c.Post("/track", {{"Cookie", v.cookie}}, track);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("张*"), std::string::npos);
  EXPECT_EQ(page->body.find("张三"), std::string::npos);
  EXPECT_EQ(page->body.find("13812345678"), std::string::npos);
  EXPECT_EQ(page->body.find("11010519491231002X"), std::string::npos);
  EXPECT_NE(page->body.find("办理中"), std::string::npos);

  track = {{"_csrf", v.csrf},
           {"agency", std::to_string(agency_a_)},
           {"number", number},
           {"code", "wrong"}};
  auto wrong = c.Post("/track", {{"Cookie", v.cookie}}, track);
  EXPECT_EQ(wrong->status, 404);
  EXPECT_NE(wrong->body.find("案件编号或查询码不正确"), std::string::npos);
  track = {
      {"_csrf", v.csrf}, {"agency", std::to_string(agency_b_)}, {"number", number}, {"code", code}};
  EXPECT_EQ(c.Post("/track", {{"Cookie", v.cookie}}, track)->status, 404);
}

TEST_F(AppTest, ApplyRejectsBadIdAndBadUploadNextToTheField) {
  Visitor v = Visit();
  auto c = Client();
  auto res =
      c.Post("/apply", {{"Cookie", v.cookie}}, Application(v.csrf, "110105194912310021", kPng));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("校验位不正确"), std::string::npos);
  EXPECT_NE(res->body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(res->body.find("value=\"张三\""), std::string::npos);  // what was typed is kept

  res = c.Post("/apply", {{"Cookie", v.cookie}},
               Application(v.csrf, "11010519491231002X", "<html><script>x</script>"));
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("不是 PDF、JPEG 或 PNG"), std::string::npos);
  res = c.Post("/apply", {{"Cookie", v.cookie}}, Application(v.csrf, "11010519491231002X", ""));
  EXPECT_EQ(res->status, 422);
}

// Issue 13: a form sent back for a wrong field keeps the identity proof already uploaded, so the
// corrected form is filed without uploading it again.
TEST_F(AppTest, ProofSurvivesAValidationError) {
  Visitor v = Visit();
  auto c = Client();
  auto items = Application(v.csrf, "110105 19491231 0021", kPng, v.filing_token);
  items.back().filename = "身份证 正面.png";
  auto res = c.Post("/apply", {{"Cookie", v.cookie}}, items);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("读到的号码：110105194912310021（18位）"), std::string::npos);
  EXPECT_NE(res->body.find("已上传：身份证 正面.png"), std::string::npos);
  EXPECT_NE(res->body.find("name=\"id_proof_name\" value=\"身份证 正面.png\""), std::string::npos);
  EXPECT_NE(res->body.find("name=\"filing_token\" value=\"" + v.filing_token + "\""),
            std::string::npos);

  // Corrected, with no file this time (a browser sends an empty part for an empty file input).
  items = Application(v.csrf, "１１０１０５ １９４９１２３１ ００２ｘ", "", v.filing_token);
  items.back().filename = "";
  items.push_back({"id_proof_name", "身份证 正面.png", "", ""});
  res = c.Post("/apply", {{"Cookie", v.cookie}}, items);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 303) << res->body;

  // The case records the kept proof, with the bytes first uploaded; nothing stays kept.
  std::string receipt =
      "gk_receipt=" + Match(res->get_header_value("Set-Cookie"), "gk_receipt=([0-9a-f]{64})");
  auto page = c.Get("/apply/receipt", {{"Cookie", receipt}});
  std::string number = Match(page->body, "案件编号</dt><dd class=\"code\">([^<]+)<");
  auto detail = CaseRegister(*db_, *calendars_).Get(agency_a_, number);
  ASSERT_TRUE(detail.ok()) << number;
  const auto& extra = detail->events.front().event.extra;
  ASSERT_TRUE(extra.contains(kIdProofField));
  auto bytes = app_->uploads().Read(extra[std::string(kIdProofField)].get<std::string>());
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, kPng);
  EXPECT_FALSE(app_->uploads().HasKept(v.filing_token));

  // Without a kept proof, an empty file input is still refused.
  Visitor w = Visit();
  items = Application(w.csrf, "11010519491231002X", "", w.filing_token);
  items.back().filename = "";
  res = c.Post("/apply", {{"Cookie", w.cookie}}, items);
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("请上传身份证明文件"), std::string::npos);
  EXPECT_EQ(res->body.find("已上传："), std::string::npos);
}

TEST_F(AppTest, BodyLargerThanTheLimitIs413) {
  Visitor v = Visit();
  std::string big = kPng + std::string(kMaxRequestBodyBytes, 'x');
  auto res = Client().Post("/apply", {{"Cookie", v.cookie}},
                           Application(v.csrf, "11010519491231002X", big));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

// Fills the placeholders of a route pattern.
std::string Fill(std::string pattern, int64_t agency, const std::string& number) {
  auto replace = [&](const std::string& key, const std::string& value) {
    auto at = pattern.find(key);
    if (at != std::string::npos) pattern.replace(at, key.size(), value);
  };
  replace("{agency}", std::to_string(agency));
  replace("{number}", number);
  replace("{id}", "1");
  replace("{year}", "2024");
  replace("{format}", "json");
  replace("{token}", "x");
  replace("{seq}", "1");
  return pattern;
}

TEST_F(AppTest, EveryOfficeRouteRefusesThePublic) {
  auto c = Client();
  Visitor v = Visit("/track");
  int checked = 0;
  for (const auto& route : app_->routes()) {
    if (route.access == Access::kPublic) continue;
    std::string path = Fill(route.pattern, agency_a_, case_a_);
    if (route.method == Method::kGet) {
      auto res = c.Get(path, {{"Cookie", v.cookie}});
      ASSERT_TRUE(res) << path;
      EXPECT_EQ(res->status, 303) << path;
      EXPECT_EQ(res->get_header_value("Location"), "/office/login") << path;
    } else {
      auto res = c.Post(path, {{"Cookie", v.cookie}}, httplib::Params{{"_csrf", v.csrf}});
      ASSERT_TRUE(res) << path;
      EXPECT_EQ(res->status, 403) << path;
    }
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST_F(AppTest, EveryAgencyRouteRefusesAnotherAgencysUser) {
  Staff b = SignIn("clerk_b", "password-b1");
  auto c = Client();
  int checked = 0;
  for (const auto& route : app_->routes()) {
    if (route.access == Access::kPublic) continue;  // published reports are for everyone
    if (route.pattern.find("{agency}") == std::string::npos) continue;
    if (route.access == Access::kHead || route.access == Access::kAdmin) continue;  // role first
    std::string path = Fill(route.pattern, agency_a_, case_a_);
    httplib::Result res = route.method == Method::kGet
                              ? c.Get(path, {{"Cookie", b.cookie}})
                              : c.Post(path, {{"Cookie", b.cookie}},
                                       httplib::Params{{"_csrf", b.csrf}, {"type", "withdrawn"}});
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 403) << path;
    EXPECT_NE(res->body.find("其他机关"), std::string::npos) << path;
    ++checked;
  }
  EXPECT_GE(checked, 4);
  auto queue = c.Get("/office?agency=" + std::to_string(agency_a_), {{"Cookie", b.cookie}});
  EXPECT_EQ(queue->status, 403);
  auto own = c.Get("/office", {{"Cookie", b.cookie}});
  EXPECT_EQ(own->status, 200);
  EXPECT_EQ(own->body.find(case_a_), std::string::npos);
}

TEST_F(AppTest, RolesAreEnforced) {
  Staff sup = SignIn("sup_a", "password-a3");
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto c = Client();
  for (const auto& route : app_->routes()) {
    std::string path = Fill(route.pattern, agency_a_, case_a_);
    if (route.access == Access::kClerk && route.method == Method::kPost) {
      auto res = c.Post(path, {{"Cookie", sup.cookie}}, httplib::Params{{"_csrf", sup.csrf}});
      EXPECT_EQ(res->status, 403) << "supervisor " << path;
    }
    if (route.access == Access::kHead) {
      // The head's pages (the inbox) as well as the head's actions.
      auto res = route.method == Method::kGet ? c.Get(path, {{"Cookie", clerk.cookie}})
                                              : c.Post(path, {{"Cookie", clerk.cookie}},
                                                       httplib::Params{{"_csrf", clerk.csrf}});
      EXPECT_EQ(res->status, 403) << "clerk " << path;
    }
  }
  auto page = c.Get(Fill("/office/a/{agency}/cases/{number}", agency_a_, case_a_),
                    {{"Cookie", sup.cookie}});
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body.find("下一步"), std::string::npos);  // a supervisor only reads
}

TEST_F(AppTest, WrongPasswordIs401) {
  Visitor v = Visit("/office/login");
  httplib::Params form{{"_csrf", v.csrf}, {"name", "clerk_a"}, {"password", "nope-nope"}};
  auto res = Client().Post("/office/login", {{"Cookie", v.cookie}}, form);
  EXPECT_EQ(res->status, 401);
  EXPECT_NE(res->body.find("用户名或密码错误"), std::string::npos);
}

TEST_F(AppTest, ClerkProposesAnswerHeadApproves) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto c = Client();
  std::string url = "/office/a/" + std::to_string(agency_a_) + "/cases/" + case_a_;
  auto page = c.Get(url, {{"Cookie", clerk.cookie}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("李四"), std::string::npos);  // staff see the applicant
  EXPECT_NE(page->body.find("补正告知"), std::string::npos);
  EXPECT_EQ(page->body.find("value=\"fee_paid\""), std::string::npos);  // no fee notice yet

  httplib::Params answer{{"_csrf", clerk.csrf},
                         {"type", "answered"},
                         {"date", "2024-10-14"},
                         {"outcome", "granted"},
                         {"reason", "信息已制作，予以公开"}};
  auto proposed = c.Post(url + "/steps", {{"Cookie", clerk.cookie}}, answer);
  ASSERT_EQ(proposed->status, 303) << proposed->body;
  page = c.Get(url, {{"Cookie", clerk.cookie}});
  EXPECT_NE(page->body.find("待负责人审批"), std::string::npos);
  EXPECT_EQ(page->body.find("批准并记录"), std::string::npos);  // the clerk cannot approve
  std::string proposal = Match(page->body, "/proposals/([0-9]+)/");
  EXPECT_TRUE(proposal.empty());

  Staff head = SignIn("head_a", "password-a2");
  page = c.Get(url, {{"Cookie", head.cookie}});
  proposal = Match(page->body, "/proposals/([0-9]+)/approve");
  ASSERT_FALSE(proposal.empty());
  auto approved =
      c.Post("/office/a/" + std::to_string(agency_a_) + "/proposals/" + proposal + "/approve",
             {{"Cookie", head.cookie}}, httplib::Params{{"_csrf", head.csrf}});
  ASSERT_EQ(approved->status, 303) << approved->body;
  page = c.Get(url, {{"Cookie", head.cookie}});
  EXPECT_NE(page->body.find("已答复"), std::string::npos);
  EXPECT_NE(page->body.find("予以公开"), std::string::npos);
}

TEST_F(AppTest, OfficeReportShowsTablesAndDownloads) {
  Staff head = SignIn("head_a", "password-a2");
  auto c = Client();
  std::string url = "/office/a/" + std::to_string(agency_a_) + "/reports/2024";
  auto page = c.Get(url, {{"Cookie", head.cookie}});
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_NE(page->body.find("收到和处理政府信息公开申请情况"), std::string::npos);
  auto json = c.Get(url + "/json", {{"Cookie", head.cookie}});
  ASSERT_EQ(json->status, 200);
  EXPECT_NE(json->body.find("\"year\": 2024"), std::string::npos);
  // The public sees only years that have ended.
  EXPECT_EQ(c.Get("/reports/" + std::to_string(agency_a_) + "/2024")->status, 404);
  EXPECT_EQ(c.Get("/reports/" + std::to_string(agency_a_) + "/2023")->status, 200);
}

// The whole workflow of a year that has ended: the draft from the register, a narrative, the
// head's approval and publication, which the public then sees; a reopening needs a reason.
TEST_F(AppTest, ReportWorkflowDraftNarrativeApprovePublishReopen) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  Staff head = SignIn("head_a", "password-a2");
  const std::string url = "/office/a/" + std::to_string(agency_a_) + "/reports/2023";
  auto c = Client();

  auto page = c.Get(url, {{"Cookie", clerk.cookie}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("尚未保存草稿"), std::string::npos);
  EXPECT_NE(page->body.find(url + "/draft"), std::string::npos);
  EXPECT_EQ(page->body.find(url + "/approve"), std::string::npos);  // nothing to approve yet

  // Without the CSRF token the draft is refused.
  auto no_csrf = c.Post(url + "/draft", {{"Cookie", clerk.cookie}}, httplib::Params{});
  EXPECT_EQ(no_csrf->status, 403);

  auto saved = PostAs(clerk, url + "/draft");
  ASSERT_EQ(saved->status, 303) << saved->body;
  EXPECT_EQ(saved->get_header_value("Location"), url);
  page = c.Get(url, {{"Cookie", clerk.cookie}});
  EXPECT_NE(page->body.find("第 1 版，状态：<strong class=\"state-draft\">草稿"),
            std::string::npos);
  EXPECT_NE(page->body.find("name=\"text_6\""), std::string::npos);

  const std::string overview = "2023年本机关未收到政府信息公开申请。";
  auto written = PostAs(clerk, url + "/narrative", {{"section", "1"}, {"text", overview}});
  ASSERT_EQ(written->status, 303) << written->body;
  EXPECT_EQ(PostAs(clerk, url + "/narrative", {{"section", "7"}, {"text", "x"}})->status, 422);

  // A clerk may neither approve (the route is the head's) nor reach the head's buttons.
  EXPECT_EQ(PostAs(clerk, url + "/approve")->status, 403);
  // Publishing a draft that is not approved is refused with the store's reason.
  auto early = PostAs(head, url + "/publish");
  EXPECT_EQ(early->status, 409);
  EXPECT_NE(early->body.find("已批准"), std::string::npos);

  page = c.Get(url, {{"Cookie", head.cookie}});
  const std::string fingerprint =
      Match(page->body, "name=\"fingerprint\" value=\"([0-9a-f]{64})\"");
  ASSERT_EQ(PostAs(head, url + "/approve", {{"fingerprint", fingerprint}})->status, 303);
  // Once approved the narrative is frozen.
  EXPECT_EQ(PostAs(clerk, url + "/narrative", {{"section", "1"}, {"text", "改写"}})->status, 409);
  ASSERT_EQ(PostAs(head, url + "/publish", {{"confirm_empty", "1"}})->status, 303);
  page = c.Get(url, {{"Cookie", head.cookie}});
  EXPECT_NE(page->body.find("已发布"), std::string::npos);
  EXPECT_NE(page->body.find(url + "/reopen"), std::string::npos);

  // The public sees the published version with its narrative.
  auto published = c.Get("/reports/" + std::to_string(agency_a_) + "/2023");
  ASSERT_EQ(published->status, 200);
  EXPECT_NE(published->body.find(overview), std::string::npos);
  EXPECT_NE(published->body.find("已于"), std::string::npos);

  // Reopening needs a reason, and a head.
  EXPECT_EQ(PostAs(head, url + "/reopen", {{"reason", "  "}})->status, 422);
  EXPECT_EQ(PostAs(clerk, url + "/reopen", {{"reason", "更正"}})->status, 403);
  auto reopened = PostAs(head, url + "/reopen", {{"reason", "更正表三数据"}});
  ASSERT_EQ(reopened->status, 303) << reopened->body;
  page = c.Get(url, {{"Cookie", head.cookie}});
  EXPECT_NE(page->body.find("已重新打开"), std::string::npos);
  EXPECT_NE(page->body.find("更正表三数据"), std::string::npos);
}

// Publishing locks the year: a step dated in it is refused with the reason until reopened.
TEST_F(AppTest, PublishedReportLocksTheYearsCases) {
  Staff head = SignIn("head_a", "password-a2");
  NewCase locked =
      RegisterCaseA(Date(std::chrono::year(2024), std::chrono::October, std::chrono::day(8)));
  const std::string report = "/office/a/" + std::to_string(agency_a_) + "/reports/2024";
  const std::string steps =
      "/office/a/" + std::to_string(agency_a_) + "/cases/" + locked.number + "/steps";
  ASSERT_EQ(PostAs(head, report + "/draft")->status, 303);
  ApproveAndPublish(head, report);

  httplib::Params withdrawal{{"type", "withdrawn"}, {"date", "2024-10-14"}};
  auto refused = PostAs(head, steps, withdrawal);
  EXPECT_EQ(refused->status, 409);  // the store's kConflict, as on the records page (errors.h)
  EXPECT_NE(refused->body.find("2024 年度报告已公开发布"), std::string::npos);

  ASSERT_EQ(PostAs(head, report + "/reopen", {{"reason", "补录撤回申请"}})->status, 303);
  EXPECT_EQ(PostAs(head, steps, withdrawal)->status, 303);
}

// The applicant lists and downloads notices with the number and query code in the POST body;
// a wrong code gets 404 and no document.
TEST_F(AppTest, TrackNoticesDownloadNeedsTheQueryCode) {
  NewCase mine =
      RegisterCaseA(Date(std::chrono::year(2024), std::chrono::October, std::chrono::day(9)));
  Visitor v = Visit("/track");
  auto c = Client();
  const std::string agency = std::to_string(agency_a_);
  httplib::Params list{
      {"_csrf", v.csrf}, {"agency", agency}, {"number", mine.number}, {"code", mine.query_code}};
  auto page = c.Post("/track/notices", {{"Cookie", v.cookie}}, list);
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_NE(page->body.find("申请接收回执"), std::string::npos);
  EXPECT_EQ(page->body.find("补正告知书"), std::string::npos);  // none requested
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");

  httplib::Params pdf = list;
  pdf.emplace("seq", "1");
  pdf.emplace("format", "pdf");
  auto file = c.Post("/track/notices/download", {{"Cookie", v.cookie}}, pdf);
  ASSERT_EQ(file->status, 200) << file->body;
  EXPECT_EQ(file->body.rfind("%PDF", 0), 0u);
  httplib::Params docx = list;
  docx.emplace("seq", "1");
  docx.emplace("format", "docx");
  auto word = c.Post("/track/notices/download", {{"Cookie", v.cookie}}, docx);
  ASSERT_EQ(word->status, 200);
  EXPECT_EQ(word->body.rfind("PK", 0), 0u);  // a zip container

  httplib::Params wrong{{"_csrf", v.csrf},     {"agency", agency}, {"number", mine.number},
                        {"code", "WRONGCODE"}, {"seq", "1"},       {"format", "pdf"}};
  auto denied = c.Post("/track/notices/download", {{"Cookie", v.cookie}}, wrong);
  EXPECT_EQ(denied->status, 404);
  EXPECT_EQ(denied->body.find("%PDF"), std::string::npos);
  EXPECT_EQ(c.Post("/track/notices", {{"Cookie", v.cookie}}, wrong)->status, 404);
  // An event that called for no notice, and a format not offered.
  httplib::Params no_notice = list;
  no_notice.emplace("seq", "9");
  no_notice.emplace("format", "pdf");
  EXPECT_EQ(c.Post("/track/notices/download", {{"Cookie", v.cookie}}, no_notice)->status, 404);
  // Without the CSRF token.
  httplib::Params no_csrf{{"agency", agency}, {"number", mine.number}, {"code", mine.query_code}};
  EXPECT_EQ(c.Post("/track/notices", {{"Cookie", v.cookie}}, no_csrf)->status, 403);
}

// Staff download the same notices from the case; a correction request adds the 补正告知书.
TEST_F(AppTest, OfficeCaseNoticesIncludeTheCorrectionRequest) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  NewCase c_case =
      RegisterCaseA(Date(std::chrono::year(2024), std::chrono::October, std::chrono::day(10)));
  const std::string base = "/office/a/" + std::to_string(agency_a_) + "/cases/" + c_case.number;
  auto step = PostAs(clerk, base + "/steps",
                     {{"type", "correction_requested"},
                      {"date", "2024-10-11"},
                      {"deadline", "2024-10-25"},
                      {"items", "请说明所需信息的文号"}});
  ASSERT_EQ(step->status, 303) << step->body;
  auto c = Client();
  auto case_page = c.Get(base, {{"Cookie", clerk.cookie}});
  EXPECT_NE(case_page->body.find("href=\"" + base + "/notices\""), std::string::npos);
  auto page = c.Get(base + "/notices", {{"Cookie", clerk.cookie}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("申请接收回执"), std::string::npos);
  EXPECT_NE(page->body.find("补正告知书"), std::string::npos);
  auto pdf = c.Get(base + "/notices/2/pdf", {{"Cookie", clerk.cookie}});
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(c.Get(base + "/notices/2/xlsx", {{"Cookie", clerk.cookie}})->status, 404);
  Staff other = SignIn("clerk_b", "password-b1");
  EXPECT_EQ(c.Get(base + "/notices/2/pdf", {{"Cookie", other.cookie}})->status, 403);
}

// The cells of the first table row whose label cell reads `label` exactly, in order.
std::vector<std::string> RowCells(const std::string& html, const std::string& label) {
  std::vector<std::string> cells;
  const std::string opening = ">" + label + "</t";
  auto at = html.find(opening);
  if (at == std::string::npos) return cells;
  std::string rest = html.substr(at + opening.size());
  rest = rest.substr(0, rest.find("</tr>"));
  std::regex cell("<td[^>]*>([^<]*)</td>");
  for (auto it = std::sregex_iterator(rest.begin(), rest.end(), cell); it != std::sregex_iterator();
       ++it) {
    cells.push_back((*it)[1]);
  }
  return cells;
}

// Bug: the web report page folded the cases itself and never filled table A, so the office saw
// zeros however many 规章 and decisions were recorded.
TEST_F(AppTest, ReportPageTableAComesFromTheRecords) {
  using std::chrono::year;
  const StoredDocument docs[] = {
      {PublicationKind::kRegulation, "甲府令〔2022〕1号", "甲区城市绿化管理办法",
       Date(year(2022), std::chrono::March, std::chrono::day(1)), std::nullopt},
      {PublicationKind::kNormativeDocument, "甲府规〔2021〕2号", "甲区停车收费规定",
       Date(year(2021), std::chrono::May, std::chrono::day(1)),
       Date(year(2022), std::chrono::June, std::chrono::day(30))},
      {PublicationKind::kNormativeDocument, "甲府规〔2022〕3号", "甲区老旧小区改造实施细则",
       Date(year(2022), std::chrono::November, std::chrono::day(1)), std::nullopt},
  };
  for (const auto& d : docs) ASSERT_TRUE(AddDocument(*db_, agency_a_, d).ok()) << d.number;
  YearDecisionCounts counts;
  counts.licensing = 120;
  counts.punishment = 7;
  counts.enforcement = 3;
  counts.fees_collected_fen = 160596400;  // 1 605 964 元 = 160.5964 万元
  ASSERT_TRUE(SetYearCounts(*db_, agency_a_, 2022, counts).ok());

  Staff clerk = SignIn("clerk_a", "password-a1");
  auto page = Client().Get("/office/a/" + std::to_string(agency_a_) + "/reports/2022",
                           {{"Cookie", clerk.cookie}});
  ASSERT_EQ(page->status, 200) << page->body;
  // 2022: one 规章 issued and in force; one 规范性文件 issued in 2022 and one from 2021 abolished
  // on 2022-06-30, so one in force. Cells: issued, abolished, in force; one decision count per
  // row below; the fee in 万元.
  struct Row {
    std::string label;
    std::vector<std::string> cells;
  } expected[] = {
      {"规章", {"1", "0", "1"}}, {"行政规范性文件", {"1", "1", "1"}},
      {"行政许可", {"120"}},     {"行政处罚", {"7"}},
      {"行政强制", {"3"}},       {"行政事业性收费", {"160.5964"}},
  };
  for (const auto& row : expected) {
    EXPECT_EQ(RowCells(page->body, row.label), row.cells) << row.label;
  }
}

// Table 三 on the page has the national format's structure, as the exports print it: the
// results block under 「三、本年度办理结果」 (（一）…（七）, 22 rows), and （三）…（六） as cells
// spanning their numbered sub-rows, which carry the numbers. 2023 has no cases: all zeros.
TEST_F(AppTest, ReportPageTableBHasTheNationalFormatsGroups) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  const std::string agency = std::to_string(agency_a_);
  auto office = Client().Get("/office/a/" + agency + "/reports/2023", {{"Cookie", clerk.cookie}});
  auto open = Client().Get("/reports/" + agency + "/2023");
  const std::vector<std::string> zeros(7, "0");
  for (const httplib::Result* page : {&office}) {
    ASSERT_EQ((*page)->status, 200);
    const std::string& html = (*page)->body;
    EXPECT_NE(html.find("<th rowspan=\"22\">三、本年度办理结果</th>"), std::string::npos);
    EXPECT_NE(html.find("<th scope=\"row\" colspan=\"2\">（一）予以公开</th>"), std::string::npos);
    struct Group {
      std::string label;
      int rows;
      std::string first, last;
    } groups[] = {
        {"（三）不予公开", 8, "1.属于国家秘密", "8.属于行政查询事项"},
        {"（四）无法提供", 3, "1.本机关不掌握相关政府信息", "3.补正后申请内容仍不明确"},
        {"（五）不予处理", 5, "1.信访举报投诉类申请", "5.要求行政机关确认或重新出具已获取信息"},
        {"（六）其他处理", 3, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         "3.其他"},
    };
    for (const auto& g : groups) {
      // The group's cell opens the row of its first sub-row and holds no number of its own.
      const std::string cell = "<th scope=\"row\" rowspan=\"" + std::to_string(g.rows) + "\">" +
                               g.label + "</th><th scope=\"row\">" + g.first + "</th>";
      EXPECT_NE(html.find(cell), std::string::npos) << g.label;
      EXPECT_EQ(RowCells(html, g.first), zeros) << g.first;
      EXPECT_EQ(RowCells(html, g.last), zeros) << g.last;
    }
    EXPECT_EQ(RowCells(html, "（七）总计"), zeros);
    EXPECT_EQ(RowCells(html, "四、结转下年度继续办理"), zeros);
    EXPECT_NE(html.find("申请人情况"), std::string::npos);
  }
  // The facts offered for the narrative are the office's writing aid, not part of the report.
  EXPECT_NE(office->body.find("可引用的数据"), std::string::npos);
  EXPECT_EQ(open->body.find("可引用的数据"), std::string::npos);
}

// The records routes are in the table, so the route-enumeration tests above (the public gets
// the sign-in page or 403, another agency's clerk 403, a supervisor cannot POST) cover them.
TEST_F(AppTest, RecordsRoutesAreInTheRouteTable) {
  const std::pair<Method, std::string> wanted[] = {
      {Method::kGet, "/office/a/{agency}/records"},
      {Method::kPost, "/office/a/{agency}/records/documents"},
      {Method::kPost, "/office/a/{agency}/records/counts"},
      {Method::kPost, "/office/a/{agency}/records/import"},
  };
  for (const auto& [method, pattern] : wanted) {
    bool found = false;
    for (const auto& route : app_->routes()) {
      if (route.method != method || route.pattern != pattern) continue;
      found = true;
      EXPECT_EQ(route.access, method == Method::kGet ? Access::kStaff : Access::kClerk) << pattern;
    }
    EXPECT_TRUE(found) << pattern;
  }
  Staff other = SignIn("clerk_b", "password-b1");
  auto page = Client().Get("/office/a/" + std::to_string(agency_a_) + "/records",
                           {{"Cookie", other.cookie}});
  EXPECT_EQ(page->status, 403);
  EXPECT_EQ(page->body.find("甲府令"), std::string::npos);
}

TEST_F(AppTest, RecordsPageAddsDocumentsAndSetsCounts) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  const std::string base = "/office/a/" + std::to_string(agency_a_) + "/records";
  auto c = Client();
  // The office navigation leads to the caller's own agency's records.
  auto queue = c.Get("/office", {{"Cookie", clerk.cookie}});
  EXPECT_NE(queue->body.find("href=\"" + base + "\""), std::string::npos);
  auto index = c.Get("/office/reports", {{"Cookie", clerk.cookie}});
  EXPECT_NE(index->body.find("href=\"" + base + "\""), std::string::npos);

  auto added = PostAs(clerk, base + "/documents",
                      {{"kind", "rules"},
                       {"number", "甲府令〔2023〕5号"},
                       {"title", "甲区户外广告设置管理办法"},
                       {"issued", "2023-04-01"},
                       {"abolished", ""}});
  ASSERT_EQ(added->status, 303) << added->body;
  EXPECT_EQ(added->get_header_value("Location"), base + "?done=document");
  auto page = c.Get(base + "?done=document", {{"Cookie", clerk.cookie}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("文件已登记"), std::string::npos);
  EXPECT_NE(page->body.find("<td>甲府令〔2023〕5号</td><td>甲区户外广告设置管理办法</td><td>"
                            "2023-04-01</td><td>—</td>"),
            std::string::npos);

  // The same number again, and a date that does not exist: refused, with what was typed kept.
  auto twice = PostAs(clerk, base + "/documents",
                      {{"kind", "rules"},
                       {"number", "甲府令〔2023〕5号"},
                       {"title", "重复"},
                       {"issued", "2023-05-01"}});
  EXPECT_EQ(twice->status, 409);
  EXPECT_NE(twice->body.find("文号 甲府令〔2023〕5号 已登记"), std::string::npos);
  auto bad_date = PostAs(clerk, base + "/documents",
                         {{"kind", "normative_documents"},
                          {"number", "甲府规〔2023〕9号"},
                          {"title", "日期有误的文件"},
                          {"issued", "2023-02-30"}});
  EXPECT_EQ(bad_date->status, 422);
  EXPECT_NE(bad_date->body.find("制发日期："), std::string::npos);
  EXPECT_NE(bad_date->body.find("value=\"日期有误的文件\""), std::string::npos);

  // 2021: 5 licensing decisions, 2 punishments, no enforcement, 1 234.50 元 of fees, which the
  // report prints as 0.1235 万元 (rounded to whole 元 first: 1 235 元).
  auto set = PostAs(clerk, base + "/counts",
                    {{"year", "2021"},
                     {"licensing", "5"},
                     {"punishment", "2"},
                     {"enforcement", "0"},
                     {"fees_yuan", "1234.5"}});
  ASSERT_EQ(set->status, 303) << set->body;
  page = c.Get(base, {{"Cookie", clerk.cookie}});
  EXPECT_NE(page->body.find("<td>2021</td><td>5</td><td>2</td><td>0</td><td>1234.50</td>"),
            std::string::npos);
  auto report =
      c.Get("/office/a/" + std::to_string(agency_a_) + "/reports/2021", {{"Cookie", clerk.cookie}});
  EXPECT_EQ(RowCells(report->body, "行政许可"), std::vector<std::string>{"5"});
  EXPECT_EQ(RowCells(report->body, "行政处罚"), std::vector<std::string>{"2"});
  EXPECT_EQ(RowCells(report->body, "行政事业性收费"), std::vector<std::string>{"0.1235"});

  struct Bad {
    std::string field, value, message;
  } bad[] = {
      {"licensing", "-1", "行政许可决定数量：“-1”不是非负整数"},
      {"punishment", "3件", "行政处罚决定数量：“3件”不是非负整数"},
      {"fees_yuan", "12.345", "行政事业性收费金额：“12.345”"},
      {"fees_yuan", "1,000", "行政事业性收费金额：“1,000”"},
      {"year", "2018", "年度：应为 2019 至 2024 之间的年份"},
  };
  for (const auto& b : bad) {
    httplib::Params form{{"year", "2021"},
                         {"licensing", "5"},
                         {"punishment", "2"},
                         {"enforcement", "0"},
                         {"fees_yuan", "1"}};
    form.erase(b.field);
    form.emplace(b.field, b.value);
    auto refused = PostAs(clerk, base + "/counts", form);
    EXPECT_EQ(refused->status, 422) << b.field << "=" << b.value;
    EXPECT_NE(refused->body.find(b.message), std::string::npos) << b.field << "=" << b.value;
  }
  // Nothing refused was written.
  page = c.Get(base, {{"Cookie", clerk.cookie}});
  EXPECT_NE(page->body.find("<td>2021</td><td>5</td><td>2</td><td>0</td><td>1234.50</td>"),
            std::string::npos);

  // A supervisor reads the registers but gets no forms.
  Staff sup = SignIn("sup_a", "password-a3");
  auto read_only = c.Get(base, {{"Cookie", sup.cookie}});
  ASSERT_EQ(read_only->status, 200);
  EXPECT_NE(read_only->body.find("甲府令〔2023〕5号"), std::string::npos);
  EXPECT_EQ(read_only->body.find(base + "/documents"), std::string::npos);
}

// An import with bad rows writes nothing and names every bad row by line and column.
TEST_F(AppTest, RecordsImportIsAllOrNothing) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  const std::string base = "/office/a/" + std::to_string(agency_a_) + "/records";
  auto upload = [&](const std::string& csv) {
    httplib::MultipartFormDataItems items{{"_csrf", clerk.csrf, "", ""},
                                          {"file", csv, "records.csv", "text/csv"}};
    return Client().Post(base + "/import", {{"Cookie", clerk.cookie}}, items);
  };
  const std::string bad =
      "kind,number,title,issued,abolished\n"
      "normative_documents,甲府规〔2020〕11号,甲区物业管理办法,2020-05-06,\n"
      "normative_documents,甲府规〔2020〕12号,甲区夜市管理办法,2020/06/01,\n"
      "rules,甲府令〔2020〕13号,甲区河道管理办法,2020-07-01,\n"
      "regulation,甲府规〔2020〕14号,甲区集市管理办法,2020-08-01,\n";
  auto refused = upload(bad);
  ASSERT_EQ(refused->status, 422) << refused->body;
  EXPECT_NE(refused->body.find("导入被拒绝，未写入任何数据"), std::string::npos);
  EXPECT_NE(refused->body.find("<li>第 3 行第 4 列（issued）："), std::string::npos);
  EXPECT_NE(
      refused->body.find("<li>第 5 行第 1 列（kind）：应为 rules 或 normative_documents</li>"),
      std::string::npos);
  auto page = Client().Get(base, {{"Cookie", clerk.cookie}});
  EXPECT_EQ(page->body.find("甲府规〔2020〕11号"), std::string::npos);
  EXPECT_EQ(page->body.find("甲府令〔2020〕13号"), std::string::npos);

  // Not UTF-8 (GB18030 「规章」), and no file at all.
  EXPECT_EQ(upload("kind,number\n\xB9\xE6\xD5\xC2\n")->status, 422);
  EXPECT_EQ(upload("")->status, 422);

  auto good = upload(
      "year,licensing,punishment,enforcement,fees_fen\n"
      "2019,11,12,13,500000\n"
      "2020,21,22,23,0\n");
  ASSERT_EQ(good->status, 303) << good->body;
  EXPECT_EQ(good->get_header_value("Location"), base + "?done=import&rows=2");
  page = Client().Get(base + "?done=import&rows=2", {{"Cookie", clerk.cookie}});
  EXPECT_NE(page->body.find("共 2 行"), std::string::npos);
  EXPECT_NE(page->body.find("<td>2019</td><td>11</td><td>12</td><td>13</td><td>5000.00</td>"),
            std::string::npos);
  EXPECT_NE(page->body.find("<td>2020</td><td>21</td><td>22</td><td>23</td><td>0.00</td>"),
            std::string::npos);
}

// A year whose report is published is locked: the store's refusal is shown, until reopened.
TEST_F(AppTest, RecordsOfAPublishedYearAreRefused) {
  Staff head = SignIn("head_a", "password-a2");
  const std::string agency = std::to_string(agency_a_);
  const std::string report = "/office/a/" + agency + "/reports/2020";
  const std::string base = "/office/a/" + agency + "/records";
  ASSERT_EQ(PostAs(head, base + "/counts",
                   {{"year", "2020"},
                    {"licensing", "4"},
                    {"punishment", "5"},
                    {"enforcement", "6"},
                    {"fees_yuan", "7"}})
                ->status,
            303);
  ASSERT_EQ(PostAs(head, report + "/draft")->status, 303);
  ApproveAndPublish(head, report);

  httplib::Params counts{{"year", "2020"},
                         {"licensing", "1"},
                         {"punishment", "1"},
                         {"enforcement", "1"},
                         {"fees_yuan", "1"}};
  auto refused = PostAs(head, base + "/counts", counts);
  EXPECT_EQ(refused->status, 409);
  EXPECT_NE(refused->body.find("2020 年度报告已公开发布"), std::string::npos);
  auto document = PostAs(head, base + "/documents",
                         {{"kind", "rules"},
                          {"number", "甲府令〔2020〕99号"},
                          {"title", "补登的规章"},
                          {"issued", "2020-03-01"}});
  EXPECT_EQ(document->status, 409);
  auto page = Client().Get(base, {{"Cookie", head.cookie}});
  EXPECT_NE(
      page->body.find(
          "<td>2020</td><td>4</td><td>5</td><td>6</td><td>7.00</td><td>报告已发布（锁定）</td>"),
      std::string::npos);

  ASSERT_EQ(PostAs(head, report + "/reopen", {{"reason", "补录行政许可数量"}})->status, 303);
  EXPECT_EQ(PostAs(head, base + "/counts", counts)->status, 303);
}

// The report pages are served from the App's cache while the register is unchanged, and any
// change made behind the web app's back (here straight in the store) shows on the next request.
TEST_F(AppTest, CachedReportPageChangesRightAfterANewEvent) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  const std::string url = "/office/a/" + std::to_string(agency_a_) + "/reports/2024";
  const std::string kNew = "一、本年新收政府信息公开申请数量";
  auto c = Client();
  auto first = c.Get(url, {{"Cookie", clerk.cookie}});
  ASSERT_EQ(first->status, 200);
  const uint64_t builds = app_->report_cache().builds();
  auto again = c.Get(url, {{"Cookie", clerk.cookie}});
  EXPECT_EQ(app_->report_cache().builds(), builds);  // no second fold
  const auto before = RowCells(first->body, kNew);
  ASSERT_EQ(before.size(), 7u);
  EXPECT_EQ(RowCells(again->body, kNew), before);

  // One more application from a natural person: its column and the total go up by one.
  RegisterCaseA(Date(std::chrono::year(2024), std::chrono::October, std::chrono::day(11)));
  auto after = c.Get(url, {{"Cookie", clerk.cookie}});
  const auto now = RowCells(after->body, kNew);
  ASSERT_EQ(now.size(), 7u);
  EXPECT_EQ(std::stoi(now[0]), std::stoi(before[0]) + 1);
  EXPECT_EQ(std::stoi(now[6]), std::stoi(before[6]) + 1);
  for (size_t col = 1; col < 6; ++col) EXPECT_EQ(now[col], before[col]) << col;
  EXPECT_EQ(app_->report_cache().builds(), builds + 1);

  // A table-A record, on the office page and on the public page of a year that has ended.
  ASSERT_TRUE(SetYearCounts(*db_, agency_a_, 2024, {42, 0, 0, 0}).ok());
  EXPECT_EQ(RowCells(c.Get(url, {{"Cookie", clerk.cookie}})->body, "行政许可"),
            std::vector<std::string>{"42"});
  const std::string open = "/reports/" + std::to_string(agency_a_) + "/2023";
  ASSERT_EQ(c.Get(open)->status, 200);
  // The public never sees the register as it stands: only a published version's stored page.
  ASSERT_TRUE(SetYearCounts(*db_, agency_a_, 2023, {0, 17, 0, 0}).ok());
  EXPECT_NE(RowCells(c.Get(open)->body, "行政处罚"), std::vector<std::string>{"17"});
}

// Bug: reloading the confirmation page of an online application filed it again under a new
// number (and inflated table 三). The same form sent twice, and twice at once, files one case;
// each answer is the same receipt; the extra uploads are not kept.
TEST_F(AppTest, ResentApplicationFormFilesOneCase) {
  auto count = [] { return CaseRegister(*db_, *calendars_).Count(agency_a_, CaseFilter{})->total; };
  auto uploads = [] {
    int n = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir_ / "uploads", ec)) {
      n += e.is_regular_file() ? 1 : 0;
    }
    return n;
  };
  Visitor v = Visit();
  ASSERT_FALSE(v.filing_token.empty());
  const int64_t before = count();
  const int uploads_before = uploads();
  auto form = Application(v.csrf, "11010519491231002X", kPng, v.filing_token);
  std::vector<std::string> receipts;
  for (int i = 0; i < 2; ++i) {
    auto res = Client().Post("/apply", {{"Cookie", v.cookie}}, form);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303) << res->body;
    receipts.push_back(Match(res->get_header_value("Set-Cookie"), "gk_receipt=([0-9a-f]{64})"));
  }
  EXPECT_EQ(count(), before + 1);
  EXPECT_EQ(uploads(), uploads_before + 1);
  EXPECT_EQ(receipts[0], receipts[1]);
  auto page = Client().Get("/apply/receipt", {{"Cookie", "gk_receipt=" + receipts[0]}});
  ASSERT_EQ(page->status, 200);
  std::string number = Match(page->body, "案件编号</dt><dd class=\"code\">([^<]+)<");
  EXPECT_FALSE(number.empty());
  EXPECT_NE(page->body.find("查询码</dt>"), std::string::npos);
  // Without the browser's cookie there is no receipt.
  EXPECT_EQ(Client().Get("/apply/receipt")->status, 404);

  // Two POSTs of one new form at the same moment.
  Visitor w = Visit();
  auto twin = Application(w.csrf, "11010519491231002X", kPng, w.filing_token);
  int statuses[2] = {0, 0};
  std::thread a([&] {
    statuses[0] = Client().Post("/apply", {{"Cookie", w.cookie}}, twin)->status;
  });
  std::thread b([&] {
    statuses[1] = Client().Post("/apply", {{"Cookie", w.cookie}}, twin)->status;
  });
  a.join();
  b.join();
  EXPECT_EQ(statuses[0], 303);
  EXPECT_EQ(statuses[1], 303);
  EXPECT_EQ(count(), before + 2);
  EXPECT_EQ(uploads(), uploads_before + 2);

  // A form without its token files nothing and is offered again with a fresh one.
  auto stale = Client().Post("/apply", {{"Cookie", v.cookie}},
                             Application(v.csrf, "11010519491231002X", kPng, ""));
  EXPECT_EQ(stale->status, 422);
  EXPECT_NE(stale->body.find("申请表已失效"), std::string::npos);
  EXPECT_FALSE(Match(stale->body, "name=\"filing_token\" value=\"([0-9a-f]{64})\"").empty());
  EXPECT_EQ(count(), before + 2);
  EXPECT_EQ(uploads(), uploads_before + 2);
}

// Bug: a step dated next month was accepted. Today is 2024-10-14 by the database clock.
TEST_F(AppTest, FutureDatedStepIsRefusedOnTheCasePage) {
  NewCase created =
      RegisterCaseA(Date(std::chrono::year(2024), std::chrono::October, std::chrono::day(8)));
  Staff head = SignIn("head_a", "password-a2");
  std::string url = "/office/a/" + std::to_string(agency_a_) + "/cases/" + created.number;
  auto res =
      PostAs(head, url + "/steps",
             {{"type", "consultation_sent"}, {"date", "2024-11-04"}, {"party", "third_party"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("日期 2024-11-04 晚于今天（2024-10-14）"), std::string::npos)
      << res->body;
  auto detail = CaseRegister(*db_, *calendars_).Get(agency_a_, created.number);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->events.size(), 1u);
}

// A mistaken answer is voided on the clerk's proposal and the head's approval: the case reopens
// and the history shows the answer struck through with the reason.
TEST_F(AppTest, ClerkProposesVoidHeadApprovesHistoryShowsBoth) {
  NewCase created =
      RegisterCaseA(Date(std::chrono::year(2024), std::chrono::October, std::chrono::day(8)));
  std::string url = "/office/a/" + std::to_string(agency_a_) + "/cases/" + created.number;
  Staff head = SignIn("head_a", "password-a2");
  auto answered = PostAs(head, url + "/steps",
                         {{"type", "answered"},
                          {"date", "2024-10-14"},
                          {"outcome", "granted"},
                          {"reason", "信息已制作，予以公开"}});
  ASSERT_EQ(answered->status, 303) << answered->body;
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto page = Client().Get(url, {{"Cookie", clerk.cookie}});
  EXPECT_NE(page->body.find("name=\"voids\" value=\"2\""), std::string::npos);
  EXPECT_EQ(page->body.find("name=\"voids\" value=\"1\""), std::string::npos);  // not received
  auto proposed = PostAs(clerk, url + "/steps",
                         {{"type", "voided"},
                          {"date", "2024-10-14"},
                          {"voids", "2"},
                          {"void_reason", "答复类型录错，应为部分公开"}});
  ASSERT_EQ(proposed->status, 303) << proposed->body;
  EXPECT_EQ(CaseRegister(*db_, *calendars_).Get(agency_a_, created.number)->events.size(), 2u);
  page = Client().Get(url, {{"Cookie", head.cookie}});
  std::string proposal = Match(page->body, "/proposals/([0-9]+)/approve");
  ASSERT_FALSE(proposal.empty());
  auto approved = PostAs(
      head, "/office/a/" + std::to_string(agency_a_) + "/proposals/" + proposal + "/approve");
  ASSERT_EQ(approved->status, 303) << approved->body;
  page = Client().Get(url, {{"Cookie", head.cookie}});
  EXPECT_NE(page->body.find("<del><strong>作出答复</strong>"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("已作废：答复类型录错，应为部分公开"), std::string::npos);
  EXPECT_NE(page->body.find("<strong>作废错误记录</strong>"), std::string::npos);
  auto detail = CaseRegister(*db_, *calendars_).Get(agency_a_, created.number);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->events.size(), 3u);
  EXPECT_NE(detail->summary.status, CaseStatus::kAnswered);
}

// The same applicant asking the same thing twice within 30 days is flagged on the case page,
// with a link to the other case; both cases stay.
TEST_F(AppTest, LikelyDuplicateIsFlaggedWithALinkToTheOtherCase) {
  Date day(std::chrono::year(2024), std::chrono::October, std::chrono::day(9));
  NewCase first = RegisterCaseA(day);
  NewCase second = RegisterCaseA(day);
  Staff clerk = SignIn("clerk_a", "password-a1");
  std::string base = "/office/a/" + std::to_string(agency_a_) + "/cases/";
  auto page = Client().Get(base + second.number, {{"Cookie", clerk.cookie}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("可能重复的申请"), std::string::npos);
  EXPECT_NE(page->body.find("href=\"" + base + first.number + "\""), std::string::npos);
  EXPECT_NE(page->body.find("系统不会自动合并"), std::string::npos);
  auto queue = Client().Get("/office", {{"Cookie", clerk.cookie}});
  ASSERT_EQ(queue->status, 200);
  EXPECT_NE(queue->body.find("疑似重复："), std::string::npos);
}

TEST(RateLimitTest, PublicPostsAreLimitedPerAddress) {
  auto dir = std::filesystem::path(::testing::TempDir()) / ("gk_rate_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db = Database::Open((dir / "rate.db").string());
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db->EnsureSchema().ok());
  Calendars calendars(DefaultDataDir());
  AppOptions options;
  options.data_dir = DefaultDataDir();
  options.upload_dir = dir / "uploads";
  options.public_post_burst = 2;
  options.public_post_refill = std::chrono::seconds(60);
  auto app = App::Create(*db, calendars, options);
  ASSERT_TRUE(app.ok());
  ServerOptions so;
  so.port = 0;
  Server server(so, [&](Request& r) { return (*app)->Handle(r); });
  ASSERT_TRUE(server.Start().ok());
  server.RunInBackground();
  httplib::Client c("127.0.0.1", server.port());
  auto form = c.Get("/track");
  std::string csrf = Match(form->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
  httplib::Params track{{"_csrf", csrf}, {"number", "1"}, {"code", "x"}};
  httplib::Headers h{{"Cookie", "gk_csrf=" + csrf}};
  EXPECT_NE(c.Post("/track", h, track)->status, 429);
  EXPECT_NE(c.Post("/track", h, track)->status, 429);
  auto limited = c.Post("/track", h, track);
  EXPECT_EQ(limited->status, 429);
  EXPECT_FALSE(limited->get_header_value("Retry-After").empty());
  EXPECT_EQ(c.Get("/track")->status, 200);  // reading is not limited
  server.Stop();
  server.Join();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::web
