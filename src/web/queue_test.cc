// The office queue and the head's inbox over HTTP: 250 cases paged with totals, each filter by a
// hand count, the order by due date across the National Day holiday, the search by number,
// applicant and request text (masked on the page), the deadline reminders at the top, and the
// head's inbox across the agencies the head may approve, where a rejection needs a reason.
//
// The register is tests/fixtures/queue/open_cases.jsonl plus 242 answered cases; its due dates
// are counted by hand in src/store/case_queue_test.cc. Today is Monday 2024-10-14; the reminder
// setting is the default, 3 working days.

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "store/proposals.h"
#include "web/public_site_test_util.h"
#include "web/url.h"
#include "web/urls.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

std::string Register(const std::string& fixture_lines, int answered) {
  std::stringstream text;
  text << fixture_lines;
  for (int i = 1; i <= answered; ++i) {
    text << fmt::format(
        R"({{"case":"2024-{:06d}","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"某甲","channel":"in_person","items":["本单位2023年度财政预算"]}})"
        "\n"
        R"({{"case":"2024-{:06d}","type":"answered","date":"2024-03-05","outcome":"granted"}})"
        "\n",
        i, i);
  }
  return text.str();
}

std::string FixtureLines() {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/queue/open_cases.jsonl",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int Occurrences(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

class QueueTest : public PublicSiteTest {
 protected:
  static void SetUpTestSuite() {
    PublicSiteTest::SetUpTestSuite();
    Calendars calendars(DefaultDataDir());
    CaseRegister cases(*db_, calendars);
    ImportOptions options;
    options.agency_id = agency_a_;
    auto imported = cases.Import(Register(FixtureLines(), 242), options);
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }

  // The rows of the queue's case table (not the proposals above it): the case numbers in order.
  static std::vector<std::string> QueueNumbers(const std::string& page) {
    std::vector<std::string> out;
    auto table = page.find("aria-labelledby=\"queue-heading\"");
    if (table == std::string::npos) return out;
    std::string rest = page.substr(table, page.find("</table>", table) - table);
    std::regex row("<td data-label=\"编号\"><a href=\"[^\"]*\">([^<]+)</a>");
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), row);
         it != std::sregex_iterator(); ++it) {
      out.push_back((*it)[1]);
    }
    return out;
  }

  std::string Queue(const Staff& who, const std::string& query) {
    auto res = GetAs(who, "/office?agency=" + std::to_string(agency_a_) + query);
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 200) << query << "\n" << res->body;
    return res->body;
  }
};

TEST_F(QueueTest, PagesThroughAll250CasesWithTotals) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  std::string page = Queue(clerk, "");
  EXPECT_NE(page.find("共 250 件，第 1/5 页，本页第 1–50 件"), std::string::npos) << page;
  EXPECT_NE(page.find("办理中 <strong>8</strong> 件"), std::string::npos);
  std::set<std::string> seen;
  std::string next = "/office?agency=" + std::to_string(agency_a_);
  int pages = 0;
  while (!next.empty() && pages < 10) {
    auto res = GetAs(clerk, next);
    ASSERT_EQ(res->status, 200) << next;
    ++pages;
    auto numbers = QueueNumbers(res->body);
    EXPECT_EQ(numbers.size(), 50u) << "page " << pages;
    seen.insert(numbers.begin(), numbers.end());
    EXPECT_NE(res->body.find(fmt::format("第 {}/5 页", pages)), std::string::npos);
    std::string href = FirstMatch(res->body, "<a href=\"([^\"]+)\" rel=\"next\">下一页</a>");
    next = std::regex_replace(href, std::regex("&amp;"), "&");
  }
  EXPECT_EQ(pages, 5);
  EXPECT_EQ(seen.size(), 250u) << "every case on exactly one page";

  // The last page links back and to the first; a page past the last shows the last.
  page = Queue(clerk, "&page=9");
  EXPECT_NE(page.find("第 5/5 页，本页第 201–250 件"), std::string::npos);
  EXPECT_NE(page.find("rel=\"prev\""), std::string::npos);
  EXPECT_EQ(page.find("rel=\"next\""), std::string::npos);
  EXPECT_NE(page.find(">1</a>"), std::string::npos);
  // Nonsense is refused with the shared error page, not ignored.
  for (std::string bad :
       {"&page=0", "&page=x", "&status=nope", "&due=later", "&within=99", "&sort=random"}) {
    auto res = GetAs(clerk, "/office?agency=" + std::to_string(agency_a_) + bad);
    EXPECT_EQ(res->status, 422) << bad;
  }
}

TEST_F(QueueTest, EachFilterMatchesTheHandCount) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  const std::vector<std::pair<std::string, int>> cases{
      {"&due=overdue", 2},                           // 901, 908
      {"&due=soon", 2},                              // 907 (today), 902 (10-16)
      {"&due=soon&within=7", 3},                     // + 903 (10-23)
      {"&channel=internet", 4},                      // 901, 904, 905, 907
      {"&channel=fax", 1},                           // 906
      {"&channel=in_person", 244},                   // 242 + 902, 908
      {"&kind=commercial", 1},                       // 902
      {"&kind=research", 1},                         // 905
      {"&kind=natural_person", 248},                 // 250 - 902 - 905
      {"&status=extended", 1},                       // 904
      {"&status=answered", 242},                     //
      {"&channel=internet&kind=natural_person", 3},  // 901, 904, 907
      {"&due=overdue&channel=in_person", 1},         // 908
      {"&year=2023", 0},
  };
  for (const auto& [query, expected] : cases) {
    std::string page = Queue(clerk, query);
    EXPECT_NE(page.find(fmt::format("符合条件 <strong>{}</strong> 件", expected)),
              std::string::npos)
        << query;
    EXPECT_EQ(QueueNumbers(page).size(), static_cast<size_t>(std::min(expected, 50))) << query;
  }
  // The page links keep the filter.
  std::string page = Queue(clerk, "&kind=natural_person");
  EXPECT_NE(page.find("kind=natural_person&amp;page=2\" rel=\"next\""), std::string::npos);
}

TEST_F(QueueTest, SortsByDueDateAcrossTheHoliday) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  // 904 was received first (09-02) but its extension runs over National Day to 11-01.
  std::vector<std::string> want{"2024-000901", "2024-000908", "2024-000907", "2024-000902",
                                "2024-000903", "2024-000905", "2024-000904", "2024-000906"};
  auto numbers = QueueNumbers(Queue(clerk, ""));
  ASSERT_GE(numbers.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(numbers.begin(), numbers.begin() + 8), want);
  numbers = QueueNumbers(Queue(clerk, "&sort=received"));
  ASSERT_GE(numbers.size(), 2u);
  EXPECT_EQ(numbers[0], "2024-000906");  // received 10-08, the newest
  EXPECT_EQ(numbers[1], "2024-000905");
}

TEST_F(QueueTest, SearchesByNumberRequestTextAndMaskedApplicant) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto numbers = QueueNumbers(Queue(clerk, "&q=2024-000903"));
  EXPECT_EQ(numbers, std::vector<std::string>{"2024-000903"});
  numbers = QueueNumbers(Queue(clerk, "&q=" + EncodeQueryValue("垃圾分类收运")));
  EXPECT_EQ(numbers, std::vector<std::string>{"2024-000903"});
  numbers = QueueNumbers(Queue(clerk, "&q=" + EncodeQueryValue("老旧小区")));
  EXPECT_EQ(numbers, (std::vector<std::string>{"2024-000901", "2024-000908"}));
  // By the applicant's name: found, shown masked, and nothing unmasked on the page.
  std::string page = Queue(clerk, "&q=" + EncodeQueryValue("张三"));
  EXPECT_EQ(QueueNumbers(page), (std::vector<std::string>{"2024-000901", "2024-000908"}));
  EXPECT_NE(page.find("<td data-label=\"申请人\">张**</td>"), std::string::npos);
  EXPECT_EQ(page.find("张三丰"), std::string::npos);
  page = Queue(clerk, "&q=" + EncodeQueryValue("139-0375-1234"));
  EXPECT_EQ(QueueNumbers(page).size(), 2u);
  EXPECT_EQ(page.find("13903751234"), std::string::npos);
  EXPECT_EQ(page.find("110101199003074512"), std::string::npos);
  // The two are one applicant's same request three days apart: flagged, in one query.
  EXPECT_NE(page.find("疑似重复：2024-000908"), std::string::npos);
  EXPECT_NE(page.find("共 2 件，第 1/1 页"), std::string::npos);
  EXPECT_EQ(page.find("rel=\"next\""), std::string::npos);
}

TEST_F(QueueTest, RemindersMarkOverdueAndDueSoonCasesAtTheTop) {
  Staff clerk = SignIn("clerk_a", "password-a1");
  // Filtered to answered cases, the reminders still concern the whole agency.
  std::string page = Queue(clerk, "&status=answered");
  auto top = page.find("期限提醒");
  auto table = page.find("aria-labelledby=\"queue-heading\"");
  ASSERT_NE(top, std::string::npos);
  ASSERT_LT(top, table);
  std::string reminders = page.substr(top, table - top);
  EXPECT_NE(reminders.find("已逾期（2）"), std::string::npos) << reminders;
  EXPECT_NE(reminders.find("即将到期（3个工作日内）（2）"), std::string::npos);
  std::string url = CaseUrl(agency_a_, "2024-000901");
  EXPECT_NE(reminders.find("<span class=\"mark\">已逾期</span> <a href=\"" + url +
                           "\">2024-000901</a> 张** · 答复期限 2024年9月30日（已逾期 6 个工作日）"),
            std::string::npos)
      << reminders;
  EXPECT_NE(reminders.find("2024-000907</a> 孙* · 答复期限 2024年10月14日（今日到期）"),
            std::string::npos);
  EXPECT_NE(reminders.find("<span class=\"mark\">即将到期</span> <a href=\"" +
                           CaseUrl(agency_a_, "2024-000902") +
                           "\">2024-000902</a> 某某科技有限公司 · 答复期限 2024年10月16日（剩 2 "
                           "个工作日）"),
            std::string::npos);
  // 903 (7 working days left) and 906 are not reminded; overdue before due soon.
  EXPECT_EQ(reminders.find("2024-000903"), std::string::npos);
  EXPECT_EQ(reminders.find("2024-000906"), std::string::npos);
  EXPECT_LT(reminders.find("2024-000908"), reminders.find("2024-000907"));
  // The rows of the queue carry the same marks.
  page = Queue(clerk, "");
  EXPECT_NE(page.find("<td data-label=\"答复期限\"><span class=\"mark\">已逾期</span> "
                      "2024年10月10日</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<td data-label=\"答复期限\">2024年10月23日</td>"), std::string::npos);
}

// The head's inbox: proposals of the head's agency and of the one below it, oldest first; the
// other county's stay out. Rejecting needs a reason, which the clerk then reads.
TEST_F(QueueTest, InboxListsTheHeadsAgenciesOldestFirstAndRejectionNeedsAReason) {
  Agency child;
  child.name = "甲区教育局";
  child.parent_id = agency_a_;
  auto child_id = AddAgency(*db_, child);
  ASSERT_TRUE(child_id.ok()) << child_id.status().message();
  Calendars calendars(DefaultDataDir());
  const std::string two =
      R"({"case":"2024-100001","type":"received","date":"2024-10-08","applicant_kind":"natural_person","applicant_name":"钱八","channel":"internet"}
{"case":"2024-100002","type":"received","date":"2024-10-09","applicant_kind":"natural_person","applicant_name":"周九","channel":"internet"}
)";
  for (int64_t agency : {*child_id, agency_b_}) {
    ImportOptions options;
    options.agency_id = agency;
    auto imported = CaseRegister(*db_, calendars).Import(two, options);
    ASSERT_TRUE(imported.ok()) << imported.status().message();
  }
  ProposalStore store(*db_, calendars);
  // Proposed at 09:00, 09:30, 10:00 and 10:30 Beijing time, each an extension of 15 days.
  int minute = 0;
  auto propose = [&](int64_t agency, const std::string& number) {
    db_->SetClock([m = minute] {
      return std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 1h +
             std::chrono::minutes(m);
    });
    minute += 30;
    Proposal p;
    p.agency_id = agency;
    p.case_number = number;
    p.event.case_number = number;
    p.event.type = EventType::kExtensionApproved;
    p.event.date = Date{std::chrono::year(2024), std::chrono::October, std::chrono::day(14)};
    p.event.working_days = 15;
    p.proposed_by = "clerk";
    p.reason = "需调取档案" + number;
    auto id = store.Propose(p);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  };
  int64_t child_first = propose(*child_id, "2024-100002");
  propose(agency_b_, "2024-100001");
  int64_t own = propose(agency_a_, "2024-000906");
  propose(*child_id, "2024-100001");
  db_->SetClock([] { return Now(); });

  Staff head = SignIn("head_a", "password-a2");
  auto inbox = GetAs(head, "/office/inbox");
  ASSERT_EQ(inbox->status, 200) << inbox->body;
  const std::string& body = inbox->body;
  EXPECT_NE(body.find("共有 <strong>3</strong> 项提请"), std::string::npos) << body;
  auto first = body.find("需调取档案2024-100002");
  auto second = body.find("需调取档案2024-000906");
  auto third = body.find("需调取档案2024-100001");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(third, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_EQ(Occurrences(body, "需调取档案2024-100001"), 1) << "乙县's proposal is not listed";
  EXPECT_EQ(body.find("乙县人民政府"), std::string::npos);
  EXPECT_NE(body.find("甲区教育局"), std::string::npos);
  EXPECT_NE(body.find("2024年10月14日 延长 15 个工作日"), std::string::npos);
  EXPECT_NE(body.find("2024-10-14 09:00"), std::string::npos);
  // A clerk has no inbox; the navigation offers it to the head only.
  Staff clerk = SignIn("clerk_a", "password-a1");
  EXPECT_EQ(GetAs(clerk, "/office/inbox")->status, 403);
  EXPECT_EQ(GetAs(clerk, "/office")->body.find("href=\"/office/inbox\""), std::string::npos);
  EXPECT_NE(GetAs(head, "/office")->body.find("href=\"/office/inbox\""), std::string::npos);
  // The head of 甲区 may not decide 乙县's proposal.
  auto foreign = PostAs(head, fmt::format("/office/a/{}/proposals/1/reject", agency_b_),
                        {{"note", "不同意"}, {"from", "inbox"}});
  EXPECT_EQ(foreign->status, 403);

  // Rejecting without a reason is refused, and the proposal stays in the inbox.
  const std::string reject = fmt::format("/office/a/{}/proposals/{}/reject", agency_a_, own);
  for (std::string note : {"", "   "}) {
    auto refused = PostAs(head, reject, {{"note", note}, {"from", "inbox"}});
    EXPECT_EQ(refused->status, 422) << "[" << note << "]";
    EXPECT_NE(refused->body.find("退回理由"), std::string::npos);
  }
  EXPECT_NE(GetAs(head, "/office/inbox")->body.find("需调取档案2024-000906"), std::string::npos);
  auto rejected = PostAs(head, reject, {{"note", "档案已电子化，无需延期"}, {"from", "inbox"}});
  ASSERT_EQ(rejected->status, 303) << rejected->body;
  EXPECT_EQ(rejected->get_header_value("Location"), "/office/inbox?done=rejected");
  auto after = GetAs(head, "/office/inbox?done=rejected");
  EXPECT_NE(after->body.find("已退回"), std::string::npos);
  EXPECT_EQ(after->body.find("需调取档案2024-000906"), std::string::npos);
  EXPECT_NE(after->body.find("共有 <strong>2</strong> 项提请"), std::string::npos);
  // The clerk sees the reason on the case page.
  auto case_page = GetAs(clerk, CaseUrl(agency_a_, "2024-000906"));
  ASSERT_EQ(case_page->status, 200);
  EXPECT_NE(case_page->body.find("理由：档案已电子化，无需延期"), std::string::npos);

  // Approving from the inbox records the step and returns there.
  auto approved =
      PostAs(head, fmt::format("/office/a/{}/proposals/{}/approve", *child_id, child_first),
             {{"from", "inbox"}});
  ASSERT_EQ(approved->status, 303) << approved->body;
  EXPECT_EQ(approved->get_header_value("Location"), "/office/inbox?done=approved");
  auto child_case = CaseRegister(*db_, calendars).Get(*child_id, "2024-100002");
  ASSERT_TRUE(child_case.ok());
  EXPECT_EQ(child_case->summary.status, CaseStatus::kExtended);
}

}  // namespace
}  // namespace gongkai::web
