#include "store/ratings.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "files/calendar_files.h"
#include "services/testing.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/ledger.h"
#include "store/services.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

std::string ReadText(const std::string& relative) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Date D(const char* s) { return ParseDate(s).value(); }

// The three items of tests/fixtures/ratings/README.md under two 主项.
std::vector<ServiceItem> Catalogue() {
  std::vector<ServiceItem> out;
  for (const char* main : {"000164213003", "000164213004"}) {
    ServiceItem m = testing::CleanTask(main);
    m.level = ItemLevel::kMain;
    m.parent = "";
    m.object.reset();
    m.name = std::string("主项") + main;
    if (std::string_view(main) == "000164213004") m.department = "区人力资源和社会保障局";
    out.push_back(m);
  }
  out.push_back(testing::CleanTask("00016421300301"));
  out.back().parent = "000164213003";
  out.push_back(testing::CleanTask("00016421300302"));
  out.back().parent = "000164213003";
  out.back().name = "食品经营许可（变更）";
  out.push_back(testing::CleanTask("00016421300401"));
  out.back().parent = "000164213004";
  out.back().name = "就业登记";
  out.back().department = "区人力资源和社会保障局";
  return out;
}

class RatingStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2025) / 2 / 3) + 2h; });
    Agency a;
    a.name = "某区政务服务管理局";
    agency_ = AddAgency(db(), a).value();
    clerk_ = AddUser(db(), agency_, "clerk1", Role::kClerk, "clerk-password").value();
    head_ = AddUser(db(), agency_, "head1", Role::kHead, "head-password").value();
    auto items = Catalogue();
    auto imported = ImportServiceItems(db(), agency_, items, D("2024-01-01"), "clerk1");
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    auto calendar = LoadCalendar(DefaultDataDir(), "");
    ASSERT_TRUE(calendar.ok()) << calendar.status().message();
    calendar_.emplace(std::move(*calendar));
  }

  Result<RatingImportResult> Import(const std::string& text, const std::string& source) {
    auto file = ParseRatingsJsonl(text, source);
    if (!file.ok()) return file.status();
    return ImportRatings(db(), agency_, *file, source, "clerk1");
  }

  long long Count(const std::string& table) {
    long long n = 0;
    db().impl().sql << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  }

  std::vector<AuditProblem> LedgerProblems() {
    Calendars calendars;
    auto report = VerifyLedger(db(), calendars, {});
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? report->problems : std::vector<AuditProblem>{};
  }

  int64_t agency_ = 0;
  User clerk_, head_;
  std::optional<Calendar> calendar_;
};

// The hand-counted figures of tests/fixtures/ratings/README.md, through the store.
TEST_P(RatingStoreTest, TheFixtureImportsAndCountsAsByHand) {
  auto result = Import(ReadText("tests/fixtures/ratings/ratings-2024.jsonl"), "ratings-2024.jsonl");
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->ratings, 16);
  EXPECT_EQ(result->steps, 15);
  RatingPeriod year;
  year.year = 2024;
  auto stats = RatingStatsFor(db(), agency_, year);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->all.total, 13);
  EXPECT_EQ(stats->all.levels, (std::array<int64_t, 5>{2, 3, 2, 2, 4}));
  EXPECT_EQ(stats->all.poor, 5);
  EXPECT_EQ(stats->all.invalid, 1);
  EXPECT_EQ(stats->all.answered, 4);
  EXPECT_EQ(stats->by_department.at("区人力资源和社会保障局").total, 4);
  EXPECT_EQ(stats->by_department.at("区市场监督管理局").total, 9);
  EXPECT_EQ(stats->by_item.at("00016421300302").total, 3);  // r03 r07 r11
  auto rated = LoadRatings(db(), agency_, 2024);
  ASSERT_TRUE(rated.ok());
  EXPECT_EQ(rated->front().rating.id, "r01");
  EXPECT_EQ(rated->at(2).rating.extra, R"({"platform_seq":88123})");
  EXPECT_TRUE(LedgerProblems().empty());

  // A re-import changes nothing.
  auto again = Import(ReadText("tests/fixtures/ratings/ratings-2024.jsonl"), "ratings-2024.jsonl");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->ratings, 0);
  EXPECT_EQ(again->steps, 0);
  EXPECT_EQ(again->unchanged, 31);
  EXPECT_EQ(Count("rating_steps"), 15);

  // A level changed behind the store's back is found by `audit verify`.
  Exec("UPDATE ratings SET level = 5 WHERE id = 'r11'");
  auto problems = LedgerProblems();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].table, "ratings");
  EXPECT_EQ(problems[0].row, "评价 r11");
}

TEST_P(RatingStoreTest, AnImportIsAllOrNothing) {
  const std::string text =
      R"({"type":"rating","id":"a","item":"00016421300301","object":"item","channel":"pc","level":1,"at":"2024-03-01T08:00"})"
      "\n"
      R"({"type":"rating","id":"b","item":"99999","object":"item","channel":"pc","level":5,"at":"2024-03-01T08:00"})"
      "\n"
      R"({"type":"revisited","rating":"a","date":"2024-03-02","result":"satisfied"})"
      "\n";
  auto result = Import(text, "bad.jsonl");
  ASSERT_FALSE(result.ok());
  const std::string& m = result.status().message();
  EXPECT_NE(m.find("bad.jsonl:2: 字段 item：事项目录中没有编码 99999"), std::string::npos) << m;
  EXPECT_NE(m.find("bad.jsonl:3: 字段 type：回访「revisited」不能记录：须先答复"),
            std::string::npos)
      << m;
  EXPECT_EQ(Count("ratings"), 0);
  EXPECT_EQ(Count("rating_steps"), 0);
}

// A 差评 through 核实, 整改 (approved by the head), 回访, with its deadline and overdue flag.
TEST_P(RatingStoreTest, APoorRatingGoesThroughItsTicket) {
  const std::string text =
      R"({"type":"rating","id":"p1","item":"00016421300401","object":"window","channel":"tablet","level":1,"at":"2024-08-08T10:00"})"
      "\n"
      R"({"type":"rating","id":"p2","item":"00016421300301","object":"item","channel":"pc","level":2,"at":"2024-08-12T10:00"})"
      "\n"
      R"({"type":"rating","id":"g1","item":"00016421300301","object":"item","channel":"pc","level":5,"at":"2024-08-12T10:00"})"
      "\n";
  ASSERT_TRUE(Import(text, "t.jsonl").ok());
  // As of 2024-08-16: p1 (due 08-15) is overdue and first; p2 (due Mon 08-19) next; g1 has none.
  auto queue = RatingTickets(db(), agency_, *calendar_, D("2024-08-16"));
  ASSERT_TRUE(queue.ok()) << queue.status().message();
  ASSERT_EQ(queue->size(), 2u);
  EXPECT_EQ(queue->at(0).rating.id, "p1");
  EXPECT_TRUE(queue->at(0).status.overdue);
  EXPECT_EQ(FormatDate(queue->at(0).status.due), "2024-08-15");
  EXPECT_EQ(queue->at(0).department, "区人力资源和社会保障局");
  EXPECT_EQ(queue->at(1).rating.id, "p2");
  EXPECT_EQ(FormatDate(queue->at(1).status.due), "2024-08-19");
  EXPECT_FALSE(queue->at(1).status.overdue);

  auto step = [](const char* id, TicketStepKind kind, const char* date) {
    TicketStep s;
    s.rating = id;
    s.kind = kind;
    s.date = D(date);
    return s;
  };
  ASSERT_TRUE(
      RecordTicketStep(db(), agency_, step("p2", TicketStepKind::kVerified, "2024-08-13"), clerk_)
          .ok());
  // An extension, approved, moves p2's due date by another 5 working days: 08-26.
  auto ext =
      RecordTicketStep(db(), agency_, step("p2", TicketStepKind::kExtended, "2024-08-14"), clerk_);
  ASSERT_TRUE(ext.ok()) << ext.status().message();
  EXPECT_EQ(DecideTicketStep(db(), agency_, *ext, true, "", clerk_).code(),
            Status::Code::kPermissionDenied);
  ASSERT_TRUE(DecideTicketStep(db(), agency_, *ext, true, "", head_).ok());
  auto rect =
      RecordTicketStep(db(), agency_, step("p2", TicketStepKind::kRectified, "2024-08-21"), clerk_);
  ASSERT_TRUE(rect.ok()) << rect.status().message();
  auto t = GetRatingTicket(db(), agency_, "p2", *calendar_, D("2024-08-21"));
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(FormatDate(t->status.due), "2024-08-26");
  EXPECT_EQ(t->status.state, TicketState::kVerified);  // the answer awaits approval
  EXPECT_TRUE(t->status.pending);
  // Rejected, the answer does not count; a new one is recorded and approved.
  EXPECT_EQ(DecideTicketStep(db(), agency_, *rect, false, "", head_).code(),
            Status::Code::kInvalidInput);
  ASSERT_TRUE(DecideTicketStep(db(), agency_, *rect, false, "整改措施不具体", head_).ok());
  EXPECT_EQ(DecideTicketStep(db(), agency_, *rect, true, "", head_).code(),
            Status::Code::kConflict);
  rect =
      RecordTicketStep(db(), agency_, step("p2", TicketStepKind::kRectified, "2024-08-22"), clerk_);
  ASSERT_TRUE(rect.ok()) << rect.status().message();
  ASSERT_TRUE(DecideTicketStep(db(), agency_, *rect, true, "", head_).ok());
  auto visit = step("p2", TicketStepKind::kRevisited, "2024-08-23");
  visit.result = RevisitResult::kSatisfied;
  ASSERT_TRUE(RecordTicketStep(db(), agency_, visit, clerk_).ok());
  t = GetRatingTicket(db(), agency_, "p2", *calendar_, D("2024-09-30"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->status.state, TicketState::kRevisited);
  EXPECT_EQ(t->status.revisit, RevisitResult::kSatisfied);
  EXPECT_FALSE(t->status.overdue);
  EXPECT_EQ(t->steps.size(), 5u);  // the rejected answer stays on the record
  EXPECT_EQ(t->steps[2].decision, "rejected");
  EXPECT_EQ(t->steps[2].decision_note, "整改措施不具体");

  EXPECT_EQ(GetRatingTicket(db(), agency_, "g1", *calendar_, D("2024-09-30")).status().code(),
            Status::Code::kInvalidInput);
  auto open = RatingTickets(db(), agency_, *calendar_, D("2024-09-30"), true);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().rating.id, "p1");

  // A region's 7-calendar-day setting: p1 rated Thu 08-08 → due Thu 08-15 as before, and p2
  // rated Mon 08-12 → 08-19 + an extension of 7 days → 08-26.
  ASSERT_TRUE(SetRectificationSettings(db(), agency_, {7, false}, head_).ok());
  t = GetRatingTicket(db(), agency_, "p2", *calendar_, D("2024-09-30"));
  EXPECT_EQ(FormatDate(t->status.due), "2024-08-26");
  EXPECT_TRUE(LedgerProblems().empty());
}

TEST_P(RatingStoreTest, OneRatingPerCase) {
  const std::string text =
      R"({"type":"rating","id":"c1","item":"00016421300301","case":"2024-0001","object":"item","channel":"pc","level":5,"at":"2024-03-01T08:00"})"
      "\n"
      R"({"type":"rating","id":"c2","item":"00016421300301","case":"2024-0001","object":"staff","channel":"pc","level":4,"at":"2024-03-01T08:05"})"
      "\n";
  auto result = Import(text, "c.jsonl");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("c.jsonl:2: 字段 case：案件 2024-0001 已有评价 c1"),
            std::string::npos)
      << result.status().message();
}

// A generated year: 3,000 ratings, rating i on month 1 + i % 12, day 1 + i % 28, level
// 1 + i % 5, channel (i / 5) % 5; each 差评 with i % 3 == 0 is verified and rectified. By
// construction: 600 per level and per channel, 250 per month, 1,200 差评, and the rectified
// ones are i ≡ 0 or 6 (mod 15) — 2 in every 15, 400 in all.
// SQLite only: the PostgreSQL run of the same import takes ~10 s of CI's time, and the other
// tests here run the same statements on both.
TEST_P(RatingStoreTest, AGeneratedYearImports) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "the year runs on SQLite only (CI time)";
  constexpr int kRatings = 3000;
  const char* kChannels[] = {"pc", "mobile", "qr", "tablet", "other"};
  std::string text;
  for (int i = 0; i < kRatings; ++i) {
    int level = 1 + i % 5;
    text += fmt::format(
        R"({{"type":"rating","id":"g{}","item":"00016421300301","object":"item","channel":"{}","level":{},"named":false,"at":"2024-{:02}-{:02}T{:02}:{:02}"}})"
        "\n",
        i, kChannels[(i / 5) % 5], level, 1 + i % 12, 1 + i % 28, 8 + i % 10, i % 60);
    if (level <= 2 && i % 3 == 0) {
      text += fmt::format(R"({{"type":"verified","rating":"g{}","date":"2024-{:02}-{:02}"}})"
                          "\n"
                          R"({{"type":"rectified","rating":"g{}","date":"2024-{:02}-{:02}"}})"
                          "\n",
                          i, 1 + i % 12, 1 + i % 28, i, 1 + i % 12, 1 + i % 28);
    }
  }
  auto result = Import(text, "year.jsonl");
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->ratings, kRatings);
  EXPECT_EQ(result->steps, 800);
  RatingPeriod year;
  year.year = 2024;
  auto stats = RatingStatsFor(db(), agency_, year);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->all.total, kRatings);
  EXPECT_EQ(stats->all.levels, (std::array<int64_t, 5>{600, 600, 600, 600, 600}));
  EXPECT_EQ(stats->all.by_channel, (std::array<int64_t, 5>{600, 600, 600, 600, 600}));
  EXPECT_EQ(stats->all.poor, 1200);
  EXPECT_EQ(stats->all.rectified, 400);
  EXPECT_EQ(stats->all.answered, 400);
  for (const auto& month : stats->year_by_month) {
    EXPECT_EQ(month[0] + month[1] + month[2] + month[3] + month[4], 250);
  }
  RatingPeriod march = year;
  march.month = 3;
  EXPECT_EQ(RatingStatsFor(db(), agency_, march)->all.total, 250);
}

INSTANTIATE_TEST_SUITE_P(Databases, RatingStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
