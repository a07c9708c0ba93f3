// The public portal shows a year's report only once published, and then the stored bytes of the
// published version; the head approves the snapshot he was shown. Bug (issue 10): a year's
// report that nobody approved was shown on the portal as if it were the official one, folded
// live from the register. A real server on a loopback port over a fresh SQLite register per
// test; "today" is the database clock, 2025-02-10 (Beijing): after a department's 31 January
// deadline for the 2024 report, before a government's 31 March one.

#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <filesystem>
#include <regex>
#include <set>

#include "files/calendar_files.h"
#include "store/report_files.h"
#include "store/report_store.h"
#include "web/app.h"
#include "web/report_publication.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

const auto kNow = std::chrono::sys_days(std::chrono::year(2025) / 2 / 10) + 2h;

std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "";
  return m[1];
}

// The numbers of the table row labelled `label`.
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

const std::string kNew = "一、本年新收政府信息公开申请数量";

class ReportPortalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::signal(SIGPIPE, SIG_IGN);
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("gk_portal_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = Database::Open((dir_ / "test.db").string());
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_.emplace(std::move(db).value());
    db_->SetClock([] { return std::chrono::system_clock::time_point(kNow); });
    ASSERT_TRUE(db_->EnsureSchema().ok());
    calendars_.emplace(DefaultDataDir());
    Agency government;
    government.name = "丙区人民政府";
    government.kind = AgencyKind::kGovernment;
    government_ = *AddAgency(*db_, government);
    Agency department;
    department.name = "丙区教育局";
    department.kind = AgencyKind::kDepartment;
    department.parent_id = government_;
    department_ = *AddAgency(*db_, department);
    ASSERT_TRUE(AddUser(*db_, government_, "clerk", Role::kClerk, "password-c1").ok());
    ASSERT_TRUE(AddUser(*db_, government_, "head", Role::kHead, "password-h1").ok());
    AddCase(Date(std::chrono::year(2024), std::chrono::March, std::chrono::day(4)));

    AppOptions options;
    options.data_dir = DefaultDataDir();
    options.upload_dir = dir_ / "uploads";
    options.public_post_burst = 1000;
    auto app = App::Create(*db_, *calendars_, options);
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(app).value();
    ServerOptions so;
    so.port = 0;
    so.threads = 2;
    server_.emplace(so, [this](Request& r) { return app_->Handle(r); });
    ASSERT_TRUE(server_->Start().ok());
    server_->RunInBackground();
    clerk_ = SignIn("clerk", "password-c1");
    head_ = SignIn("head", "password-h1");
  }

  void TearDown() override {
    server_->Stop();
    server_->Join();
    server_.reset();
    app_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  // A natural person's application to the government, received on the internet.
  void AddCase(Date received_on) {
    CaseRegister cases(*db_, *calendars_);
    Event received;
    received.type = EventType::kReceived;
    received.date = received_on;
    received.channel = Channel::kInternet;
    received.applicant_kind = ApplicantKind::kNaturalPerson;
    received.applicant_name = "赵六";
    received.items = std::vector<std::string>{"2024年学校布局调整方案"};
    Applicant applicant{"赵六", "resident_id", "11010519491231002X", "13912345678", "", ""};
    auto created = cases.RegisterCase(government_, received, applicant, "电子数据", "test");
    ASSERT_TRUE(created.ok()) << created.status().message();
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
    std::string csrf = Match(login->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
    httplib::Params form{{"_csrf", csrf}, {"name", name}, {"password", password}};
    auto res = c.Post("/office/login", {{"Cookie", "gk_csrf=" + csrf}}, form);
    EXPECT_EQ(res->status, 303) << name;
    Staff s;
    s.cookie =
        "gk_session=" + Match(res->get_header_value("Set-Cookie"), "gk_session=([0-9A-Za-z_\\-]+)");
    auto page = c.Get("/office/reports", {{"Cookie", s.cookie}});
    s.csrf = Match(page->body, "name=\"_csrf\" value=\"([0-9A-Za-z]+)\"");
    EXPECT_FALSE(s.csrf.empty());
    return s;
  }

  httplib::Result PostAs(const Staff& who, const std::string& path, httplib::Params form = {}) {
    form.emplace("_csrf", who.csrf);
    return Client().Post(path, {{"Cookie", who.cookie}}, form);
  }

  std::string OfficeUrl(int year) const {
    return "/office/a/" + std::to_string(government_) + "/reports/" + std::to_string(year);
  }
  std::string PublicUrl(int64_t agency, int year) const {
    return "/reports/" + std::to_string(agency) + "/" + std::to_string(year);
  }

  // The snapshot fingerprint the office page's approve form carries.
  std::string ShownFingerprint(int year) {
    auto page = Client().Get(OfficeUrl(year), {{"Cookie", head_.cookie}});
    return Match(page->body, "name=\"fingerprint\" value=\"([0-9a-f]{64})\"");
  }

  // Saves the draft, writes 五 and 六, approves what the page shows and publishes.
  void Publish(int year) {
    const std::string url = OfficeUrl(year);
    ASSERT_EQ(PostAs(clerk_, url + "/draft")->status, 303);
    ASSERT_EQ(PostAs(clerk_, url + "/narrative", {{"section", "5"}, {"text", "答复时限把握不严。"}})
                  ->status,
              303);
    ASSERT_EQ(
        PostAs(clerk_, url + "/narrative", {{"section", "6"}, {"text", "无其他事项。"}})->status,
        303);
    auto approved = PostAs(head_, url + "/approve", {{"fingerprint", ShownFingerprint(year)}});
    ASSERT_EQ(approved->status, 303) << approved->body;
    auto published = PostAs(head_, url + "/publish");
    ASSERT_EQ(published->status, 303) << published->body;
  }

  std::filesystem::path dir_;
  std::optional<Database> db_;
  std::optional<Calendars> calendars_;
  std::unique_ptr<App> app_;
  std::optional<Server> server_;
  int64_t government_ = 0, department_ = 0;
  Staff clerk_, head_;
};

// An unpublished year is not on the portal: its page says 尚未发布 with the Art. 49 date, 31
// March 2025 for the government (not yet overdue on 10 February), 31 January 2025 for the
// department (overdue); no table, no download, no link in the index. A saved or approved draft
// changes nothing.
TEST_F(ReportPortalTest, AnUnpublishedYearSaysWhenItIsDue) {
  ASSERT_EQ(PostAs(clerk_, OfficeUrl(2024) + "/draft")->status, 303);
  auto c = Client();
  auto government = c.Get(PublicUrl(government_, 2024));
  ASSERT_EQ(government->status, 200);
  EXPECT_NE(government->body.find("尚未发布"), std::string::npos);
  EXPECT_NE(government->body.find("应于2025年3月31日前向社会公布"), std::string::npos);
  EXPECT_EQ(government->body.find("已逾期"), std::string::npos);
  EXPECT_EQ(government->body.find("<table class=\"report\">"), std::string::npos);
  EXPECT_TRUE(RowCells(government->body, kNew).empty());

  auto department = c.Get(PublicUrl(department_, 2024));
  ASSERT_EQ(department->status, 200);
  EXPECT_NE(department->body.find("应于2025年1月31日前向社会公布"), std::string::npos);
  EXPECT_NE(department->body.find("已逾期"), std::string::npos);

  for (const char* format : {"html", "docx", "pdf", "xlsx", "json"}) {
    EXPECT_EQ(c.Get(PublicUrl(government_, 2024) + "/" + format)->status, 404) << format;
  }
  auto index = c.Get("/reports");
  ASSERT_EQ(index->status, 200);
  EXPECT_EQ(index->body.find("href=\"" + PublicUrl(government_, 2024) + "\""), std::string::npos);
  EXPECT_NE(index->body.find("2024 年度尚未发布（应于2025年3月31日前发布）"), std::string::npos);
  EXPECT_NE(index->body.find("2024 年度尚未发布（应于2025年1月31日前发布，已逾期）"),
            std::string::npos);
  // 2023's were due on 31 January / 31 March 2024: both overdue.
  EXPECT_NE(index->body.find("2023 年度尚未发布（应于2024年3月31日前发布，已逾期）"),
            std::string::npos);
}

// A published report is served as stored: after a reopening and a new case the public page and
// downloads are the same bytes, under the revision notice, while the office's new draft shows the
// change. Downloads carry ETag (their SHA-256), answer 304 to If-None-Match and a Chinese file
// name; the office's export of the same version is the same file.
TEST_F(ReportPortalTest, APublishedReportIsServedAsStoredUntilTheNextIsPublished) {
  Publish(2024);
  auto c = Client();
  auto page = c.Get(PublicUrl(government_, 2024));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("本报告已于2025年2月10日发布。"), std::string::npos);
  EXPECT_NE(page->body.find("答复时限把握不严。"), std::string::npos);
  EXPECT_EQ(page->body.find("可引用的数据"), std::string::npos);
  EXPECT_EQ(RowCells(page->body, kNew),
            (std::vector<std::string>{"1", "0", "0", "0", "0", "0", "1"}));
  auto index = c.Get("/reports");
  EXPECT_NE(index->body.find("href=\"" + PublicUrl(government_, 2024) + "\""), std::string::npos);

  auto json = c.Get(PublicUrl(government_, 2024) + "/json");
  ASSERT_EQ(json->status, 200);
  const std::string etag = json->get_header_value("ETag");
  EXPECT_EQ(etag, "\"" + Sha256Hex(json->body) + "\"");
  EXPECT_NE(json->body.find("答复时限把握不严。"), std::string::npos);
  const std::string disposition = json->get_header_value("Content-Disposition");
  EXPECT_NE(disposition.find("丙区人民政府2024年政府信息公开工作年度报告.json"), std::string::npos)
      << disposition;
  EXPECT_NE(disposition.find("filename=\"report-"), std::string::npos) << disposition;
  auto cached = c.Get(PublicUrl(government_, 2024) + "/json", {{"If-None-Match", etag}});
  EXPECT_EQ(cached->status, 304);
  EXPECT_TRUE(cached->body.empty());
  auto pdf = c.Get(PublicUrl(government_, 2024) + "/pdf");
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
  auto office_json = c.Get(OfficeUrl(2024) + "/json", {{"Cookie", clerk_.cookie}});
  EXPECT_EQ(office_json->body, json->body) << "the office and the public export one version";

  // Reopened, with one more 2024 case: the public keeps version 1, byte for byte.
  ASSERT_EQ(PostAs(head_, OfficeUrl(2024) + "/reopen", {{"reason", "漏登一件申请"}})->status, 303);
  AddCase(Date(std::chrono::year(2024), std::chrono::November, std::chrono::day(4)));
  ASSERT_EQ(PostAs(clerk_, OfficeUrl(2024) + "/draft")->status, 303);
  auto office = c.Get(OfficeUrl(2024), {{"Cookie", clerk_.cookie}});
  EXPECT_EQ(RowCells(office->body, kNew),
            (std::vector<std::string>{"2", "0", "0", "0", "0", "0", "2"}));
  auto revised = c.Get(PublicUrl(government_, 2024));
  ASSERT_EQ(revised->status, 200);
  EXPECT_NE(revised->body.find("本报告正在修订，以下为2025年2月10日发布的版本"), std::string::npos);
  EXPECT_EQ(RowCells(revised->body, kNew), RowCells(page->body, kNew));
  const std::string body_of = "<p class=\"downloads\">";
  EXPECT_EQ(revised->body.substr(revised->body.find(body_of)),
            page->body.substr(page->body.find(body_of)));
  auto again = c.Get(PublicUrl(government_, 2024) + "/json");
  EXPECT_EQ(again->body, json->body);
  EXPECT_EQ(again->get_header_value("ETag"), etag);
  EXPECT_NE(c.Get(OfficeUrl(2024) + "/json", {{"Cookie", clerk_.cookie}})->body, json->body);

  // Once version 2 is published, it replaces version 1 and the notice goes.
  Publish(2024);
  auto second = c.Get(PublicUrl(government_, 2024));
  EXPECT_EQ(second->body.find("本报告正在修订"), std::string::npos);
  EXPECT_EQ(RowCells(second->body, kNew),
            (std::vector<std::string>{"2", "0", "0", "0", "0", "0", "2"}));
  EXPECT_NE(c.Get(PublicUrl(government_, 2024) + "/json")->get_header_value("ETag"), etag);
}

// The head approves what he saw: after a case is added the approval is refused naming the
// changed cell, with a button to rebuild; the rebuilt snapshot is approved.
// With the audit key and a checkpoint file, publishing on the web writes a checkpoint and the
// public page prints it: its signature holds under the agency's public key and the ledger still
// holds the history it pins.
TEST_F(ReportPortalTest, APublishedPageCarriesASignedAuditCheckpoint) {
  auto key = std::make_shared<const AuditKey>(AuditKey::Generate());
  db_->SetAuditKey(key);
  AppOptions options;
  options.data_dir = DefaultDataDir();
  options.upload_dir = dir_ / "uploads";
  options.public_post_burst = 1000;
  options.checkpoints = dir_ / "checkpoints.log";
  auto app = App::Create(*db_, *calendars_, options);
  ASSERT_TRUE(app.ok()) << app.status().message();
  app_ = std::move(app).value();
  Publish(2024);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "checkpoints.log"));
  auto page = Client().Get(PublicUrl(government_, 2024));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("审计检查点："), std::string::npos);
  auto anchor = FindAnchor(page->body);
  ASSERT_TRUE(anchor.ok()) << anchor.status().message();
  EXPECT_EQ(anchor->agency_id, government_);
  EXPECT_EQ(anchor->year, 2024);
  EXPECT_TRUE(CheckAnchorSignature(*anchor, key->PublicKeyHex()).empty());
  auto in_db = CheckAnchorInDatabase(*db_, *anchor);
  ASSERT_TRUE(in_db.ok());
  EXPECT_TRUE(in_db->empty());
}

TEST_F(ReportPortalTest, ApprovalIsOfTheShownSnapshot) {
  ASSERT_EQ(PostAs(clerk_, OfficeUrl(2024) + "/draft")->status, 303);
  const std::string shown = ShownFingerprint(2024);
  ASSERT_EQ(shown.size(), 64u);
  AddCase(Date(std::chrono::year(2024), std::chrono::June, std::chrono::day(3)));
  auto office = Client().Get(OfficeUrl(2024), {{"Cookie", head_.cookie}});
  EXPECT_NE(office->body.find("登记簿在本草稿生成之后有变动"), std::string::npos);
  EXPECT_EQ(RowCells(office->body, kNew),
            (std::vector<std::string>{"1", "0", "0", "0", "0", "0", "1"}))
      << "the page shows the stored snapshot";
  // …while the writing aid states the register as it now stands.
  EXPECT_NE(office->body.find("<li>本年新收政府信息公开申请 2 件，上年结转 0 件。</li>"),
            std::string::npos);

  auto refused = PostAs(head_, OfficeUrl(2024) + "/approve", {{"fingerprint", shown}});
  ASSERT_EQ(refused->status, 409);
  EXPECT_NE(
      refused->body.find("表三「一、本年新收政府信息公开申请数量」「自然人」：快照 1，现为 2"),
      std::string::npos)
      << refused->body;
  EXPECT_NE(refused->body.find("action=\"" + OfficeUrl(2024) + "/draft\""), std::string::npos);
  EXPECT_EQ(PostAs(head_, OfficeUrl(2024) + "/approve")->status, 409) << "no fingerprint";

  ASSERT_EQ(PostAs(head_, OfficeUrl(2024) + "/draft")->status, 303);
  const std::string rebuilt = ShownFingerprint(2024);
  EXPECT_NE(rebuilt, shown);
  EXPECT_EQ(PostAs(head_, OfficeUrl(2024) + "/approve", {{"fingerprint", shown}})->status, 409);
  ASSERT_EQ(PostAs(head_, OfficeUrl(2024) + "/approve", {{"fingerprint", rebuilt}})->status, 303);
  office = Client().Get(OfficeUrl(2024), {{"Cookie", head_.cookie}});
  EXPECT_NE(office->body.find("state-approved"), std::string::npos);
}

// Publishing with 五 and 六 as generated (empty) needs the checkbox; the page marks the sections
// still holding the generated text.
TEST_F(ReportPortalTest, PublishingWithEmptySectionsNeedsConfirmation) {
  ASSERT_EQ(PostAs(clerk_, OfficeUrl(2024) + "/draft")->status, 303);
  ASSERT_EQ(PostAs(clerk_, OfficeUrl(2024) + "/narrative", {{"section", "1"}, {"text", "概述。"}})
                ->status,
            303);
  auto page = Client().Get(OfficeUrl(2024), {{"Cookie", head_.cookie}});
  const std::string mark = "<span class=\"generated\">（系统生成的文字，尚未编辑）</span>";
  EXPECT_EQ(page->body.find("一、总体情况 " + mark), std::string::npos) << "section 1 was written";
  EXPECT_NE(page->body.find("二、主动公开政府信息情况 " + mark), std::string::npos);
  EXPECT_NE(page->body.find("六、其他需要报告的事项 " + mark), std::string::npos);
  ASSERT_EQ(PostAs(head_, OfficeUrl(2024) + "/approve", {{"fingerprint", ShownFingerprint(2024)}})
                ->status,
            303);
  page = Client().Get(OfficeUrl(2024), {{"Cookie", head_.cookie}});
  EXPECT_NE(page->body.find("name=\"confirm_empty\""), std::string::npos);

  auto refused = PostAs(head_, OfficeUrl(2024) + "/publish");
  ASSERT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("「五、存在的主要问题及改进情况」"), std::string::npos);
  EXPECT_NE(refused->body.find("「六、其他需要报告的事项」"), std::string::npos);
  EXPECT_NE(Client().Get(PublicUrl(government_, 2024))->body.find("尚未发布"), std::string::npos);
  ASSERT_EQ(PostAs(head_, OfficeUrl(2024) + "/publish", {{"confirm_empty", "1"}})->status, 303);
  EXPECT_NE(Client().Get(PublicUrl(government_, 2024))->body.find("本报告已于2025年2月10日发布"),
            std::string::npos);
}

// On the wire the Chinese file name is percent-encoded UTF-8 (RFC 6266 filename*), with an ASCII
// fallback for old clients: 丙 is U+4E19, E4 B8 99.
TEST(ReportFileResponseTest, ChineseFileNameETagAnd304) {
  Request req;
  Response r = ReportFileResponse(req, "{}", "abc123", ExportFormat::kJson, "丙区.json", "r.json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.FindHeader("Content-Disposition"),
            "attachment; filename=\"r.json\"; filename*=UTF-8''%E4%B8%99%E5%8C%BA.json");
  EXPECT_EQ(r.FindHeader("ETag"), "\"abc123\"");
  EXPECT_EQ(r.body, "{}");
  req.headers["if-none-match"] = "\"other\", \"abc123\"";
  Response cached =
      ReportFileResponse(req, "{}", "abc123", ExportFormat::kJson, "丙区.json", "r.json");
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.body.empty());
  req.headers["if-none-match"] = "\"other\"";
  EXPECT_EQ(
      ReportFileResponse(req, "{}", "abc123", ExportFormat::kJson, "丙区.json", "r.json").status,
      200);
}

// Issue 13: the editor saves all six sections in one form, so typing in one section and saving
// another loses nothing; sections sent back unchanged keep their 「系统生成」 mark.
TEST_F(ReportPortalTest, OneFormSavesEverySectionAndKeepsTheGeneratedMarks) {
  ASSERT_EQ(PostAs(clerk_, OfficeUrl(2024) + "/draft")->status, 303);
  auto page = Client().Get(OfficeUrl(2024), {{"Cookie", clerk_.cookie}});
  const std::string& body = page->body;
  const auto form_at = body.find("action=\"" + OfficeUrl(2024) + "/narrative\"");
  ASSERT_NE(form_at, std::string::npos);
  for (int n = 1; n <= 6; ++n) {  // all six textareas inside the one form, before its button
    const auto at = body.find("name=\"text_" + std::to_string(n) + "\"");
    EXPECT_GT(at, form_at) << n;
    EXPECT_LT(at, body.find("保存全部章节")) << n;
  }
  EXPECT_EQ(body.find("name=\"section\""), std::string::npos);

  auto before = ListReportVersions(*db_, government_, 2024);
  ASSERT_TRUE(before.ok() && !before->empty());
  const auto generated = before->front().narratives;
  // As a browser sends it: every textarea, line breaks as CRLF.
  auto as_sent = [](std::string text) {
    for (auto at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) {
      text.replace(at, 1, "\r\n");
    }
    return text;
  };
  httplib::Params form;
  for (int n = 1; n <= 6; ++n) {
    auto it = generated.find(n);
    form.emplace("text_" + std::to_string(n), as_sent(it == generated.end() ? "" : it->second));
  }
  form.erase("text_1");
  form.emplace("text_1", "概述第一段。\r\n概述第二段。");
  form.erase("text_5");
  form.emplace("text_5", "答复时限把握不严。");
  ASSERT_EQ(PostAs(clerk_, OfficeUrl(2024) + "/narrative", form)->status, 303);

  auto after = ListReportVersions(*db_, government_, 2024);
  ASSERT_TRUE(after.ok() && !after->empty());
  const ReportVersion& draft = after->front();
  EXPECT_EQ(draft.narratives.at(1), "概述第一段。\n概述第二段。");
  EXPECT_EQ(draft.narratives.at(5), "答复时限把握不严。");
  EXPECT_EQ(draft.generated, (std::set<int>{2, 3, 4, 6}));
  for (int n : {2, 3, 4}) EXPECT_EQ(draft.narratives.at(n), generated.at(n)) << n;

  page = Client().Get(OfficeUrl(2024), {{"Cookie", clerk_.cookie}});
  const std::string mark = "<span class=\"generated\">（系统生成的文字，尚未编辑）</span>";
  EXPECT_EQ(page->body.find("一、总体情况 " + mark), std::string::npos);
  EXPECT_EQ(page->body.find("五、存在的主要问题及改进情况 " + mark), std::string::npos);
  EXPECT_NE(page->body.find("二、主动公开政府信息情况 " + mark), std::string::npos);
  EXPECT_NE(page->body.find("仍为系统生成文字、尚未编辑的章节：二、主动公开政府信息情况、"),
            std::string::npos);
  EXPECT_NE(page->body.find("概述第一段。\n概述第二段。</textarea>"), std::string::npos);

  // The older one-section form still saves that section alone.
  ASSERT_EQ(
      PostAs(clerk_, OfficeUrl(2024) + "/narrative", {{"section", "6"}, {"text", "无其他事项。"}})
          ->status,
      303);
  after = ListReportVersions(*db_, government_, 2024);
  EXPECT_EQ(after->front().generated, (std::set<int>{2, 3, 4}));
  EXPECT_EQ(after->front().narratives.at(1), "概述第一段。\n概述第二段。");
}

}  // namespace
}  // namespace gongkai::web
