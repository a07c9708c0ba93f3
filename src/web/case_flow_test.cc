// HTTP-level tests of the case workflow: proposals that survive a restart of the application,
// the head's rejection that leaves a trace, the legal next steps the case page offers in each
// state, and a refusal whose legal basis and reasons reach the downloaded notice. A real
// server on an ephemeral loopback port over a temporary SQLite register; cpp-httplib as the
// browser. "Today" is fixed by the database clock (2024-10-14, a Monday).

#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>

#include "files/calendar_files.h"
#include "web/app.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;
using std::chrono::October;
using std::chrono::September;

// 2024-10-14 10:00 in Beijing.
const auto kNow = std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h;

const std::string kBasis = "《中华人民共和国政府信息公开条例》第十五条";
const std::string kReasons = "所申请信息含有第三方商业秘密，第三方书面答复不同意公开";

std::string Match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, std::regex(pattern))) return "";
  return m[1];
}

std::vector<std::string> AllMatches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

Date Day(int y, std::chrono::month m, unsigned d) {
  return Date(std::chrono::year(y), m, std::chrono::day(d));
}

// One running application: its own connection to the register file, its App and its server.
// Destroying it stops the server, as a process exit would.
struct Running {
  std::unique_ptr<Database> db;
  std::unique_ptr<Calendars> calendars;
  std::unique_ptr<App> app;
  std::unique_ptr<Server> server;

  ~Running() {
    if (server) {
      server->Stop();
      server->Join();
    }
  }
};

class CaseFlowTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::signal(SIGPIPE, SIG_IGN);
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("gk_case_flow_test_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Start();
    Database& db = *running_->db;
    Agency a;
    a.name = "甲区人民政府";
    a.kind = AgencyKind::kGovernment;
    agency_ = *AddAgency(db, a);
    ASSERT_TRUE(AddUser(db, agency_, "clerk_a", Role::kClerk, "password-a1").ok());
    ASSERT_TRUE(AddUser(db, agency_, "head_a", Role::kHead, "password-a2").ok());
    ASSERT_TRUE(AddUser(db, agency_, "sup_a", Role::kSupervisor, "password-a3").ok());
  }

  static void TearDownTestSuite() {
    delete running_;
    running_ = nullptr;
    std::filesystem::remove_all(dir_);
  }

  // Opens the register file and starts an application on it.
  static void Start() {
    auto opened = Database::Open((dir_ / "register.db").string());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    auto r = std::make_unique<Running>();
    r->db = std::make_unique<Database>(std::move(opened).value());
    r->db->SetClock([] { return std::chrono::system_clock::time_point(kNow); });
    ASSERT_TRUE(r->db->EnsureSchema().ok());
    r->calendars = std::make_unique<Calendars>(DefaultDataDir());
    AppOptions options;
    options.data_dir = DefaultDataDir();
    options.upload_dir = dir_ / "uploads";
    options.public_post_burst = 1000;
    options.sign_in_burst = 1000;
    auto app = App::Create(*r->db, *r->calendars, options);
    ASSERT_TRUE(app.ok()) << app.status().message();
    r->app = std::move(app).value();
    ServerOptions so;
    so.port = 0;
    so.threads = 2;
    App* handler = r->app.get();
    r->server =
        std::make_unique<Server>(so, [handler](Request& req) { return handler->Handle(req); });
    ASSERT_TRUE(r->server->Start().ok());
    r->server->RunInBackground();
    running_ = r.release();
  }

  // Stops the application and closes its connection, then starts a new one on the same file:
  // nothing held in the old process's memory survives.
  static void Restart() {
    delete running_;
    running_ = nullptr;
    Start();
  }

  httplib::Client Client() {
    httplib::Client c("127.0.0.1", running_->server->port());
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
    std::string visitor = Match(login->get_header_value("Set-Cookie"), "gk_csrf=([0-9a-f]{64})");
    httplib::Params form{{"_csrf", visitor}, {"name", name}, {"password", password}};
    auto res = c.Post("/office/login", {{"Cookie", "gk_csrf=" + visitor}}, form);
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, 303) << name;
    Staff s;
    s.cookie =
        "gk_session=" + Match(res->get_header_value("Set-Cookie"), "gk_session=([0-9A-Za-z_\\-]+)");
    auto page = c.Get("/office", {{"Cookie", s.cookie}});
    EXPECT_TRUE(page);
    s.csrf = Match(page->body, "name=\"_csrf\" value=\"([0-9A-Za-z]+)\"");
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

  // Registers a case received on the internet on `received` followed by `steps` (recorded as
  // the system, checked by the register like any step); returns its page's URL.
  static std::string CaseWith(Date received, std::vector<Event> steps = {}) {
    CaseRegister cases(*running_->db, *running_->calendars);
    Event r;
    r.type = EventType::kReceived;
    r.date = received;
    r.channel = Channel::kInternet;
    r.applicant_kind = ApplicantKind::kNaturalPerson;
    r.applicant_name = "王五";
    r.items = std::vector<std::string>{"2024年道路维修计划"};
    Applicant applicant{"王五", "resident_id", "11010519491231002X", "13912345678", "", ""};
    auto created = cases.RegisterCase(agency_, r, applicant, "电子数据；电子邮件", "test");
    EXPECT_TRUE(created.ok()) << created.status().message();
    if (!created.ok()) return "";
    for (Event e : steps) {
      e.case_number = created->number;
      Status s = cases.AppendEvent(agency_, e, "test");
      EXPECT_TRUE(s.ok()) << Key(e.type) << ": " << s.message();
    }
    return "/office/a/" + std::to_string(agency_) + "/cases/" + created->number;
  }

  static Event Step(EventType type, Date date) {
    Event e;
    e.type = type;
    e.date = date;
    return e;
  }

  static inline std::filesystem::path dir_;
  static inline Running* running_ = nullptr;
  static inline int64_t agency_ = 0;
};

// Proposals used to live in the web process's memory: a restart lost every open one.
TEST_F(CaseFlowTest, ProposalSurvivesARestartAndTheHeadApprovesIt) {
  std::string url = CaseWith(Day(2024, October, 8));
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto proposed = PostAs(clerk, url + "/steps",
                         {{"type", "extension_approved"},
                          {"date", "2024-10-14"},
                          {"working_days", "15"},
                          {"reason", "需调取2019年的档案"}});
  ASSERT_EQ(proposed->status, 303) << proposed->body;
  EXPECT_NE(proposed->get_header_value("Location").find("proposed=1"), std::string::npos);

  Restart();

  Staff head = SignIn("head_a", "password-a2");
  auto queue = GetAs(head, "/office");
  ASSERT_EQ(queue->status, 200);
  EXPECT_NE(queue->body.find("待负责人审批（1）"), std::string::npos) << queue->body;
  EXPECT_NE(queue->body.find("需调取2019年的档案"), std::string::npos);
  EXPECT_NE(queue->body.find("href=\"" + url + "\""), std::string::npos);
  auto page = GetAs(head, url);
  std::string id = Match(page->body, "/proposals/([0-9]+)/approve");
  ASSERT_FALSE(id.empty()) << page->body;
  auto approved =
      PostAs(head, "/office/a/" + std::to_string(agency_) + "/proposals/" + id + "/approve");
  ASSERT_EQ(approved->status, 303) << approved->body;
  page = GetAs(head, url);
  EXPECT_NE(page->body.find("已延期"), std::string::npos);
  EXPECT_NE(page->body.find("延长 15 个工作日，批准人 head_a"), std::string::npos);
  EXPECT_NE(page->body.find("理由：需调取2019年的档案"), std::string::npos);
  EXPECT_NE(page->body.find("已批准（head_a"), std::string::npos);
  // Approving twice is refused and records nothing more.
  auto again =
      PostAs(head, "/office/a/" + std::to_string(agency_) + "/proposals/" + id + "/approve");
  EXPECT_EQ(again->status, 409);
  EXPECT_NE(again->body.find("不能再次审批"), std::string::npos);
  EXPECT_EQ(GetAs(head, "/office")->body.find("待负责人审批（"), std::string::npos);
}

TEST_F(CaseFlowTest, RejectionLeavesATraceOnTheCase) {
  std::string url = CaseWith(Day(2024, October, 9));
  Staff clerk = SignIn("clerk_a", "password-a1");
  ASSERT_EQ(PostAs(clerk, url + "/steps",
                   {{"type", "answered"},
                    {"date", "2024-10-14"},
                    {"outcome", "granted"},
                    {"access", "电子邮件发送"}})
                ->status,
            303);
  Staff head = SignIn("head_a", "password-a2");
  std::string id = Match(GetAs(head, url)->body, "/proposals/([0-9]+)/reject");
  ASSERT_FALSE(id.empty());
  auto rejected =
      PostAs(head, "/office/a/" + std::to_string(agency_) + "/proposals/" + id + "/reject",
             {{"note", "信息涉及第三方，请先征求意见"}});
  ASSERT_EQ(rejected->status, 303) << rejected->body;
  auto page = GetAs(clerk, url);
  EXPECT_NE(page->body.find("办理中"), std::string::npos);  // nothing recorded
  EXPECT_NE(page->body.find("审批记录"), std::string::npos);
  EXPECT_NE(page->body.find("已退回（head_a"), std::string::npos);
  EXPECT_NE(page->body.find("理由：信息涉及第三方，请先征求意见"), std::string::npos);
  EXPECT_EQ(page->body.find("/proposals/" + id + "/approve"), std::string::npos);
}

// For each state of a case, the steps its page offers (as of Monday 2024-10-14): exactly those
// the register's rule (CheckNextEvent) accepts — law.md §3 and case-events.md.
TEST_F(CaseFlowTest, CasePageOffersOnlyTheLegalNextSteps) {
  const Date oct8 = Day(2024, October, 8), oct9 = Day(2024, October, 9);
  auto correction = [](Date date, Date deadline) {
    Event e = Step(EventType::kCorrectionRequested, date);
    e.deadline = deadline;
    e.items = std::vector<std::string>{"请写明文号"};
    return e;
  };
  auto consultation = [](Date date) {
    Event e = Step(EventType::kConsultationSent, date);
    e.party = ConsultationParty::kThirdParty;
    return e;
  };
  auto fee = [](Date date) {
    Event e = Step(EventType::kFeeNoticeSent, date);
    e.method = "per_application";
    e.amount_fen = 10000;
    return e;
  };
  auto extension = [](Date date) {
    Event e = Step(EventType::kExtensionApproved, date);
    e.working_days = 10;
    return e;
  };
  auto answer = [](Date date) {
    Event e = Step(EventType::kAnswered, date);
    e.outcome = Outcome::kGranted;
    return e;
  };
  struct Case {
    std::string name;
    Date received;
    std::vector<Event> steps;
    std::vector<std::string> offered;
  };
  const std::vector<Case> cases = {
      {"1 received: every opening step; nothing to answer or deliver yet",
       oct8,
       {},
       {"correction_requested", "reasons_requested", "consultation_sent", "extension_approved",
        "fee_notice_sent", "answered", "withdrawn", "reconsideration_filed", "litigation_filed"}},
      {"2 awaiting 补正 before its deadline: no second notice (Art. 30), not yet deemed withdrawn",
       oct8,
       {correction(oct9, Day(2024, October, 25))},
       {"correction_received", "reasons_requested", "consultation_sent", "extension_approved",
        "fee_notice_sent", "answered", "withdrawn", "reconsideration_filed", "litigation_filed"}},
      {"3 awaiting 补正 past its deadline: deemed withdrawn is open",
       Day(2024, September, 19),
       {correction(Day(2024, September, 20), Day(2024, September, 30))},
       {"correction_received", "reasons_requested", "consultation_sent", "extension_approved",
        "fee_notice_sent", "answered", "deemed_withdrawn", "withdrawn", "reconsideration_filed",
        "litigation_filed"}},
      // The bug: 补正告知 was offered again here; Art. 30 allows one notice listing everything.
      {"4 补正 received: no second 补正 notice",
       oct8,
       {correction(oct9, Day(2024, October, 25)), Step(EventType::kCorrectionReceived, oct9)},
       {"reasons_requested", "consultation_sent", "extension_approved", "fee_notice_sent",
        "answered", "withdrawn", "reconsideration_filed", "litigation_filed"}},
      {"5 awaiting reasons (Art. 35): the reasons, not a second request",
       oct8,
       {Step(EventType::kReasonsRequested, oct9)},
       {"correction_requested", "reasons_received", "consultation_sent", "extension_approved",
        "fee_notice_sent", "answered", "withdrawn", "reconsideration_filed", "litigation_filed"}},
      {"6 consulting for 3 of 15 working days: the answer, no time-out, no fee notice",
       oct8,
       {consultation(oct9)},
       {"correction_requested", "reasons_requested", "consultation_answered", "extension_approved",
        "answered", "withdrawn", "reconsideration_filed", "litigation_filed"}},
      {"7 consultation past 15 working days: the time-out is open",
       Day(2024, September, 2),
       {consultation(Day(2024, September, 3))},
       {"correction_requested", "reasons_requested", "consultation_answered",
        "consultation_timed_out", "extension_approved", "answered", "withdrawn",
        "reconsideration_filed", "litigation_filed"}},
      {"8 awaiting the fee for 3 of 20 working days: payment, not yet deemed withdrawn",
       oct8,
       {fee(oct9)},
       {"correction_requested", "reasons_requested", "extension_approved", "fee_paid", "answered",
        "withdrawn", "reconsideration_filed", "litigation_filed"}},
      {"9 extended once: no second extension (Art. 33)",
       oct8,
       {extension(oct9)},
       {"correction_requested", "reasons_requested", "consultation_sent", "fee_notice_sent",
        "answered", "withdrawn", "reconsideration_filed", "litigation_filed"}},
      {"10 answered: only delivery and the remedies",
       oct8,
       {answer(oct9)},
       {"delivered", "reconsideration_filed", "litigation_filed"}},
      {"11 withdrawn: only delivery and the remedies",
       oct8,
       {Step(EventType::kWithdrawn, oct9)},
       {"delivered", "reconsideration_filed", "litigation_filed"}},
  };
  Staff clerk = SignIn("clerk_a", "password-a1");
  Staff supervisor = SignIn("sup_a", "password-a3");
  for (const auto& c : cases) {
    std::string url = CaseWith(c.received, c.steps);
    auto page = GetAs(clerk, url);
    ASSERT_EQ(page->status, 200) << c.name;
    EXPECT_EQ(AllMatches(page->body, "name=\"type\" value=\"([a-z_]+)\""), c.offered) << c.name;
    auto read_only = GetAs(supervisor, url);
    EXPECT_TRUE(AllMatches(read_only->body, "name=\"type\" value=\"([a-z_]+)\"").empty())
        << c.name << ": a supervisor reads, never records";
  }
}

// A 补正 notice after its 7 working days and an extension after the reply period are recorded
// but flagged by the register; the page warns before the clerk takes them today.
TEST_F(CaseFlowTest, LateStepsCarryAWarning) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  // Received Mon 2024-09-02: 补正 notice due 9-11, reply due 9-30 (see case_state_test).
  auto late = GetAs(clerk, CaseWith(Day(2024, September, 2)));
  EXPECT_NE(late->body.find("7 个工作日内（2024年9月11日 前）"), std::string::npos) << late->body;
  EXPECT_NE(late->body.find("原答复期限 2024年9月30日 已过"), std::string::npos);
  auto timely = GetAs(clerk, CaseWith(Day(2024, October, 10)));
  EXPECT_EQ(timely->body.find("将被标记为逾期"), std::string::npos);
}

// Text of a PDF by pdftotext, all whitespace removed (lines wrap anywhere in Chinese).
std::string PdfText(const std::string& pdf, const std::filesystem::path& dir) {
  const auto in = dir / "notice.pdf";
  const auto out = dir / "notice.txt";
  std::ofstream(in, std::ios::binary) << pdf;
  std::string command = "pdftotext -enc UTF-8 '" + in.string() + "' '" + out.string() + "'";
  if (std::system(command.c_str()) != 0) return "";
  std::ifstream text(out);
  std::string joined;
  for (char ch; text.get(ch);) {
    if (ch != '\n' && ch != ' ' && ch != '\f' && ch != '\r') joined += ch;
  }
  return joined;
}

// A refusal's notice needs its legal basis and reasons (Art. 36(三)); the register held neither,
// so its download answered 422. Now the clerk enters them with the answer.
TEST_F(CaseFlowTest, RefusalWithItsBasisDownloadsAsANotice) {
  std::string url = CaseWith(Day(2024, October, 10));
  Staff clerk = SignIn("clerk_a", "password-a1");
  httplib::Params refusal{{"type", "answered"},
                          {"date", "2024-10-14"},
                          {"outcome", "refused.third_party"},
                          {"reason", kReasons}};
  auto missing = PostAs(clerk, url + "/steps", refusal);
  ASSERT_EQ(missing->status, 422);
  EXPECT_NE(missing->body.find("请填写“法律依据”"), std::string::npos) << missing->body;
  EXPECT_NE(missing->body.find(kReasons), std::string::npos) << "the typed text is kept";
  EXPECT_NE(missing->body.find("value=\"refused.third_party\" selected"), std::string::npos);

  refusal.emplace("legal_basis", kBasis);
  auto proposed = PostAs(clerk, url + "/steps", refusal);
  ASSERT_EQ(proposed->status, 303) << proposed->body;
  Staff head = SignIn("head_a", "password-a2");
  std::string id = Match(GetAs(head, url)->body, "/proposals/([0-9]+)/approve");
  ASSERT_FALSE(id.empty());
  ASSERT_EQ(PostAs(head, "/office/a/" + std::to_string(agency_) + "/proposals/" + id + "/approve")
                ->status,
            303);

  auto list = GetAs(clerk, url + "/notices");
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("不予公开告知书"), std::string::npos);
  std::vector<std::string> seqs = AllMatches(list->body, "/notices/([0-9]+)/pdf");
  ASSERT_EQ(seqs.size(), 2u) << list->body;  // the receipt and the refusal
  auto pdf = GetAs(clerk, url + "/notices/" + seqs[1] + "/pdf");
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
  std::string text = PdfText(pdf->body, dir_);
  ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) is needed";
  EXPECT_NE(text.find("政府信息不予公开告知书"), std::string::npos) << text;
  EXPECT_NE(text.find(kBasis), std::string::npos) << text;
  EXPECT_NE(text.find(kReasons), std::string::npos) << text;
  auto docx = GetAs(clerk, url + "/notices/" + seqs[1] + "/docx");
  ASSERT_EQ(docx->status, 200) << docx->body;
  EXPECT_EQ(docx->body.rfind("PK", 0), 0u);
}

// A refusal imported without its basis cannot be printed: the list says what is missing
// instead of offering a download that fails, and the download itself answers 422.
TEST_F(CaseFlowTest, NoticeListNamesWhatARefusalLacks) {
  Event refused = Step(EventType::kAnswered, Day(2024, October, 11));
  refused.outcome = Outcome::kRefusedStateSecret;
  std::string url = CaseWith(Day(2024, October, 10), {refused});
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto list = GetAs(clerk, url + "/notices");
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("暂不能生成："), std::string::npos) << list->body;
  EXPECT_NE(list->body.find("法律依据"), std::string::npos);
  EXPECT_EQ(AllMatches(list->body, "/notices/([0-9]+)/pdf").size(), 1u) << "the receipt only";
  auto pdf = GetAs(clerk, url + "/notices/2/pdf");
  EXPECT_EQ(pdf->status, 422);
  EXPECT_NE(pdf->body.find("法律依据"), std::string::npos);
}

// Art. 41: the case page corrects the applicant's record; the events stay, and the notices
// printed afterwards carry the corrected name.
TEST_F(CaseFlowTest, ApplicantCorrectedOnTheCasePageReachesTheNotices) {
  std::string url = CaseWith(Day(2024, October, 10));
  Staff sup = SignIn("sup_a", "password-a3");
  EXPECT_EQ(GetAs(sup, url)->body.find("/applicant\""), std::string::npos)
      << "a supervisor is offered no correction";
  auto refused =
      PostAs(sup, url + "/applicant", {{"field", "name"}, {"value", "王六"}, {"reason", "更正"}});
  EXPECT_EQ(refused->status, 403);

  Staff clerk = SignIn("clerk_a", "password-a1");
  ASSERT_NE(GetAs(clerk, url)->body.find("/applicant\""), std::string::npos);
  auto no_reason = PostAs(clerk, url + "/applicant", {{"field", "name"}, {"value", "王六"}});
  EXPECT_EQ(no_reason->status, 422);
  EXPECT_NE(no_reason->body.find("理由"), std::string::npos) << no_reason->body;
  auto corrected = PostAs(clerk, url + "/applicant",
                          {{"field", "name"}, {"value", "王六"}, {"reason", "申请人持证更正"}});
  ASSERT_EQ(corrected->status, 303) << corrected->body;
  auto page = GetAs(clerk, url);
  EXPECT_NE(page->body.find("王六"), std::string::npos);
  EXPECT_NE(page->body.find("（原为 王五）：申请人持证更正"), std::string::npos) << page->body;
  auto pdf = GetAs(clerk, url + "/notices/1/pdf");
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  std::string text = PdfText(pdf->body, dir_);
  EXPECT_NE(text.find("王六"), std::string::npos) << text;
  EXPECT_EQ(text.find("王五"), std::string::npos) << text;
}

TEST_F(CaseFlowTest, AnswerTextsHaveALengthLimit) {
  std::string url = CaseWith(Day(2024, October, 11));
  Staff head = SignIn("head_a", "password-a2");
  std::string long_text;
  for (int i = 0; i < 2001; ++i) long_text += "理";
  auto res = PostAs(head, url + "/steps",
                    {{"type", "answered"},
                     {"date", "2024-10-14"},
                     {"outcome", "refused.state_secret"},
                     {"legal_basis", kBasis},
                     {"reason", long_text}});
  ASSERT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("“理由”最多 2000 个字，现有 2001 个字"), std::string::npos);
  EXPECT_NE(GetAs(head, url)->body.find("办理中"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
