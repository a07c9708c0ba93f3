#include "services/rating.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "services/rating_jsonl.h"
#include "services/rating_stats.h"
#include "services/rating_ticket.h"

namespace gongkai {
namespace {

std::string ReadText(const std::string& relative) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Date D(const char* text) { return *ParseDate(text); }

TicketStep Step(TicketStepKind kind, const char* date) {
  TicketStep s;
  s.rating = "p";
  s.kind = kind;
  s.date = D(date);
  return s;
}

RatingPeriod Period(int year, std::optional<int> month = {}, std::optional<int> quarter = {}) {
  RatingPeriod p;
  p.year = year;
  p.month = month;
  p.quarter = quarter;
  return p;
}

Calendar Calendar2024And2025() {
  std::vector<Notice> notices;
  for (const char* y : {"2024", "2025"}) {
    auto n = ParseNotice(ReadText(std::string("data/calendar/national/") + y + ".cal"), y);
    EXPECT_TRUE(n.ok());
    notices.push_back(*n);
  }
  return *Calendar::Build(notices);
}

std::vector<RatedService> Fixture() {
  auto file = ParseRatingsJsonl(ReadText("tests/fixtures/ratings/ratings-2024.jsonl"), "f.jsonl");
  EXPECT_TRUE(file.ok()) << file.status().message();
  std::vector<RatedService> out;
  std::map<std::string, std::size_t> index;
  for (const RatingLine& r : file->ratings) {
    index[r.rating.id] = out.size();
    out.push_back({r.rating, {}});
  }
  for (const StepLine& s : file->steps) out[index.at(s.step.rating)].steps.push_back(s.step);
  return out;
}

std::string DepartmentOf(const std::string& code) {
  return code == "00016421300401" ? "区人力资源和社会保障局" : "区市场监督管理局";
}

TEST(RatingsJsonl, ReadsTheHandMadeFixture) {
  auto file = ParseRatingsJsonl(ReadText("tests/fixtures/ratings/ratings-2024.jsonl"), "f.jsonl");
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->ratings.size(), 16u);
  EXPECT_EQ(file->steps.size(), 15u);
  const Rating& r03 = file->ratings[2].rating;
  EXPECT_EQ(file->ratings[2].line, 3);
  EXPECT_EQ(r03.id, "r03");
  EXPECT_EQ(r03.object, RatingObject::kStaff);
  EXPECT_EQ(r03.channel, RatingChannel::kQr);
  EXPECT_EQ(r03.level, 2);
  EXPECT_TRUE(r03.named);
  EXPECT_EQ(r03.at, (LocalMinute{D("2024-02-01"), 8 * 60 + 15}));
  EXPECT_EQ(r03.extra, R"({"platform_seq":88123})");
  EXPECT_EQ(file->ratings.back().rating.case_number, "2024-0012");
  EXPECT_EQ(file->ratings[11].line, 25);  // after the blank line 24
  EXPECT_EQ(file->steps[2].step.result, RevisitResult::kSatisfied);
  EXPECT_TRUE(
      CheckRatingsFile(*file, "f.jsonl", [](const std::string&) { return true; }, {}).empty());
}

TEST(RatingsJsonl, WritesBackWhatItRead) {
  auto file = ParseRatingsJsonl(ReadText("tests/fixtures/ratings/ratings-2024.jsonl"), "f.jsonl");
  ASSERT_TRUE(file.ok());
  std::string again;
  for (const RatingLine& r : file->ratings) again += RatingToJsonLine(r.rating) + "\n";
  for (const StepLine& s : file->steps) again += TicketStepToJsonLine(s.step) + "\n";
  auto reread = ParseRatingsJsonl(again, "again.jsonl");
  ASSERT_TRUE(reread.ok()) << reread.status().message();
  for (std::size_t i = 0; i < file->ratings.size(); ++i) {
    EXPECT_EQ(reread->ratings[i].rating, file->ratings[i].rating) << i;
  }
  for (std::size_t i = 0; i < file->steps.size(); ++i) {
    EXPECT_EQ(reread->steps[i].step, file->steps[i].step) << i;
  }
}

// Each bad line → the message names the line, the field and, for a vocabulary, the values.
TEST(RatingsJsonl, RefusesBadLinesNamingLineFieldAndAllowedValues) {
  const std::string good =
      R"({"type":"rating","id":"a","item":"X","object":"item","channel":"pc","level":5,"at":"2024-01-01T08:00"})";
  struct Case {
    std::string line;
    std::string expected;
  } cases[] = {
      {R"({"type":"rating","id":"b","item":"X","object":"desk","channel":"pc","level":5,"at":"2024-01-01T08:00"})",
       "f:2: 字段 object：未知的值「desk」（可选值：item | window | platform | staff）"},
      {R"({"type":"rating","id":"b","item":"X","object":"item","channel":"fax","level":5,"at":"2024-01-01T08:00"})",
       "f:2: 字段 channel：未知的值「fax」（可选值：pc | mobile | qr | tablet | other）"},
      {R"({"type":"rating","id":"b","item":"X","object":"item","channel":"pc","level":6,"at":"2024-01-01T08:00"})",
       "f:2: 字段 level：应为 1 至 5 的整数"},
      {R"({"type":"rating","id":"b","item":"X","object":"item","channel":"pc","level":5,"at":"2024-01-01 08:00"})",
       "f:2: 字段 at：应为北京时间 YYYY-MM-DDTHH:MM，实为「2024-01-01 08:00」"},
      {R"({"type":"rating","id":"a","item":"X","object":"item","channel":"pc","level":5,"at":"2024-01-01T08:00"})",
       "f:2: 字段 id：评价编号 a 与第 1 行重复"},
      {R"({"type":"praise","id":"b"})",
       "f:2: 字段 type：未知的值「praise」（可选值：rating | verified"},
      {R"({"type":"revisited","rating":"a","date":"2024-01-02","result":"happy"})",
       "f:2: 字段 result：未知的值「happy」（可选值：satisfied | basically | unsatisfied）"},
      {R"({"type":"verified","rating":"a","date":"2024-13-01"})",
       "f:2: 字段 date：应为 YYYY-MM-DD 格式的日期"},
      {"not json", "f:2: 不是有效的 JSON"},
  };
  for (const Case& c : cases) {
    auto file = ParseRatingsJsonl(good + "\n" + c.line + "\n", "f");
    ASSERT_FALSE(file.ok()) << c.line;
    EXPECT_NE(file.status().message().find(c.expected), std::string::npos)
        << c.line << "\n"
        << file.status().message();
    EXPECT_NE(file.status().message().find("未导入任何评价"), std::string::npos);
  }
}

// Steps out of order, checked against the rating in the file or the stored ticket.
TEST(RatingsJsonl, RefusesStepsOutOfOrder) {
  const std::string poor =
      R"({"type":"rating","id":"p","item":"X","object":"item","channel":"pc","level":2,"at":"2024-03-01T08:00"})";
  const std::string good =
      R"({"type":"rating","id":"g","item":"X","object":"item","channel":"pc","level":4,"at":"2024-03-01T08:00"})";
  struct Case {
    std::string lines;
    std::string expected;
  } cases[] = {
      {R"({"type":"rectified","rating":"p","date":"2024-03-02"})",
       "f:3: 字段 type：整改「rectified」不能记录：须先核实"},
      {R"({"type":"verified","rating":"g","date":"2024-03-02"})", "只有差评（1、2 级）有整改工单"},
      {R"({"type":"verified","rating":"p","date":"2024-02-28"})",
       "f:3: 字段 date：2024-02-28 早于评价日期 2024-03-01"},
      {R"({"type":"verified","rating":"nobody","date":"2024-03-02"})",
       "f:3: 字段 rating：没有编号为 nobody 的评价"},
      {R"({"type":"revisited","rating":"p","date":"2024-03-02"})", "f:3: 字段 result：回访须写明"},
      {"{\"type\":\"verified\",\"rating\":\"p\",\"date\":\"2024-03-02\"}\n"
       "{\"type\":\"revisited\",\"rating\":\"p\",\"date\":\"2024-03-03\",\"result\":\"satisfied\"}",
       "f:4: 字段 type：回访「revisited」不能记录：须先答复"},
      {"{\"type\":\"verified\",\"rating\":\"p\",\"date\":\"2024-03-02\"}\n"
       "{\"type\":\"explained\",\"rating\":\"p\",\"date\":\"2024-03-03\"}\n"
       "{\"type\":\"extended\",\"rating\":\"p\",\"date\":\"2024-03-04\"}",
       "f:5: 字段 type：延期「extended」不能记录：工单已答复，不能延期"},
  };
  for (const Case& c : cases) {
    auto file = ParseRatingsJsonl(poor + "\n" + good + "\n" + c.lines + "\n", "f");
    ASSERT_TRUE(file.ok()) << file.status().message();
    auto problems = CheckRatingsFile(*file, "f", [](const std::string&) { return true; }, {});
    ASSERT_EQ(problems.size(), 1u) << c.lines;
    EXPECT_NE(problems[0].find(c.expected), std::string::npos) << c.lines << "\n" << problems[0];
  }
  auto file = ParseRatingsJsonl(good + "\n", "f");
  auto problems = CheckRatingsFile(*file, "f", [](const std::string& c) { return c != "X"; }, {});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "f:1: 字段 item：事项目录中没有编码 X（先导入事项目录）");
}

// Tickets of the fixture on the 2024–2025 calendar (see tests/fixtures/ratings/README.md).
TEST(RatingTicket, DeadlinesOnTheCalendarWithMakeUpDays) {
  Calendar calendar = Calendar2024And2025();
  auto all = Fixture();
  auto find = [&](const std::string& id) -> const RatedService& {
    for (const RatedService& r : all) {
      if (r.rating.id == id) return r;
    }
    throw std::runtime_error(id);
  };
  struct Case {
    const char* id;
    const char* as_of;
    TicketState state;
    const char* due;
    bool overdue;
  } cases[] = {
      {"r08", "2024-06-30", TicketState::kAnswered, "2024-05-17", true},    // late after extension
      {"r04", "2024-03-31", TicketState::kRevisited, "2024-02-22", false},  // rated in 春节
      {"r03", "2024-03-31", TicketState::kRevisited, "2024-02-07", false},  // Sunday 02-04 works
      {"r05", "2024-03-31", TicketState::kInvalid, "2024-03-08", false},
      {"r11", "2024-08-15", TicketState::kOpen, "2024-08-15", false},  // due today: not yet
      {"r11", "2024-08-16", TicketState::kOpen, "2024-08-15", true},
      {"r13", "2025-01-31", TicketState::kRevisited, "2025-01-08", false},
  };
  for (const Case& c : cases) {
    const RatedService& r = find(c.id);
    auto t = ComputeTicket(r.rating, r.steps, {}, calendar, D(c.as_of));
    ASSERT_TRUE(t.ok()) << c.id << t.status().message();
    EXPECT_EQ(t->state, c.state) << c.id;
    EXPECT_EQ(FormatDate(t->due), c.due) << c.id;
    EXPECT_EQ(t->overdue, c.overdue) << c.id << " " << c.as_of;
  }
  // 7 calendar days: r11 rated Thursday 2024-08-08 → Thursday 08-15; r04 rated 2024-02-10 →
  // 02-17 (a 春节 rest day) → the next working day, Sunday 02-18 (a make-up day).
  RectificationSettings calendar_days{7, false};
  auto t = ComputeTicket(find("r11").rating, {}, calendar_days, calendar, D("2024-09-01"));
  EXPECT_EQ(FormatDate(t->due), "2024-08-15");
  t = ComputeTicket(find("r04").rating, {}, calendar_days, calendar, D("2024-09-01"));
  EXPECT_EQ(FormatDate(t->due), "2024-02-18");
}

TEST(RatingTicket, AStepAwaitingApprovalCountsOnlyOnceApproved) {
  Calendar calendar = Calendar2024And2025();
  Rating r;
  r.id = "p";
  r.item = "X";
  r.level = 1;
  r.at = {D("2024-08-08"), 600};
  std::vector<TicketStep> steps = {Step(TicketStepKind::kVerified, "2024-08-09"),
                                   Step(TicketStepKind::kRectified, "2024-08-12")};
  steps[1].approved = false;
  auto t = ComputeTicket(r, steps, {}, calendar, D("2024-08-20"));
  EXPECT_EQ(t->state, TicketState::kVerified);
  EXPECT_TRUE(t->pending);
  EXPECT_TRUE(t->overdue);
  Status next = CheckNextStep(r, steps, Step(TicketStepKind::kExplained, "2024-08-13"));
  EXPECT_NE(next.message().find("尚待批准"), std::string::npos) << next.message();
  steps[1].approved = true;
  t = ComputeTicket(r, steps, {}, calendar, D("2024-08-20"));
  EXPECT_EQ(t->state, TicketState::kAnswered);
  EXPECT_FALSE(t->overdue);
}

TEST(RatingTicket, SettingsFromTheAgencyJson) {
  auto s = RectificationSettingsFromJson(R"({"rating_period_days":15})");
  EXPECT_EQ(s->days, 15);
  EXPECT_TRUE(s->working);
  s = RectificationSettingsFromJson(R"({"rating_period_days":7,"rating_period_unit":"calendar"})");
  EXPECT_EQ(s->days, 7);
  EXPECT_FALSE(s->working);
  EXPECT_EQ(RectificationSettingsFromJson("").value().days, 5);
  EXPECT_FALSE(RectificationSettingsFromJson(R"({"rating_period_unit":"weeks"})").ok());
  EXPECT_FALSE(RectificationSettingsFromJson(R"({"rating_period_days":0})").ok());
}

// The year's figures equal the counts in tests/fixtures/ratings/README.md.
TEST(RatingStats, YearFiguresEqualTheHandCounts) {
  auto all = Fixture();
  RatingStats s = ComputeRatingStats(all, Period(2024), DepartmentOf);
  const RatingFigures& f = s.all;
  EXPECT_EQ(f.total, 13);
  EXPECT_EQ(f.invalid, 1);
  EXPECT_EQ(f.levels, (std::array<int64_t, 5>{2, 3, 2, 2, 4}));
  EXPECT_EQ(f.poor, 5);
  EXPECT_EQ(f.by_channel, (std::array<int64_t, 5>{4, 3, 2, 3, 1}));
  EXPECT_EQ(f.answered, 4);
  EXPECT_EQ(f.rectified, 2);
  EXPECT_EQ(f.revisited, 3);
  EXPECT_EQ(f.revisit_satisfied, 2);
  EXPECT_EQ(RatingRates(f)[0].value, "61.54%");
  EXPECT_EQ(s.by_department.at("区人力资源和社会保障局").total, 4);
  EXPECT_EQ(s.by_department.at("区人力资源和社会保障局").poor, 2);
  EXPECT_EQ(s.by_department.at("区人力资源和社会保障局").invalid, 1);
  EXPECT_EQ(s.by_department.at("区市场监督管理局").total, 9);
  EXPECT_EQ(s.by_department.at("区市场监督管理局").poor, 3);
  EXPECT_EQ(s.year_by_month[1], (std::array<int64_t, 5>{1, 1, 0, 0, 0}));
  EXPECT_EQ(s.year_by_month[11], (std::array<int64_t, 5>{0, 1, 0, 0, 0}));
}

TEST(RatingStats, MonthQuarterAndDepartment) {
  auto all = Fixture();
  RatingStats q1 = ComputeRatingStats(all, Period(2024, std::nullopt, 1), DepartmentOf);
  EXPECT_EQ(q1.all.total, 4);
  EXPECT_EQ(q1.all.invalid, 1);
  EXPECT_EQ(q1.period.Label(), "2024年第一季度");
  RatingStats feb = ComputeRatingStats(all, Period(2024, 2), DepartmentOf);
  EXPECT_EQ(feb.all.total, 2);
  EXPECT_EQ(feb.all.poor, 2);
  RatingStats hr = ComputeRatingStats(all, Period(2024), DepartmentOf, "区人力资源和社会保障局");
  EXPECT_EQ(hr.all.total, 4);
  EXPECT_EQ(hr.by_department.size(), 1u);
  RatingStats y2023 = ComputeRatingStats(all, Period(2023), DepartmentOf);
  EXPECT_EQ(y2023.all.total, 1);  // r14 at 23:59 local on 31 December
}

TEST(RatingStats, PercentRoundsHalfUp) {
  struct Case {
    int64_t n, d;
    const char* expected;
  } cases[] = {{1, 3, "33.33%"},  {2, 3, "66.67%"}, {1, 8, "12.50%"},     {0, 5, "0.00%"},
               {5, 5, "100.00%"}, {1, 0, "—"},      {1, 200000, "0.00%"}, {1, 20000, "0.01%"}};
  for (const Case& c : cases) EXPECT_EQ(Percent(c.n, c.d), c.expected) << c.n << "/" << c.d;
}

}  // namespace
}  // namespace gongkai
