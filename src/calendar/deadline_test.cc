#include "calendar/deadline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace gongkai {
namespace {

Date D(const char* s) {
  Result<Date> d = ParseDate(s);
  EXPECT_TRUE(d.ok()) << s;
  return *d;
}

// The shipped national files from 2019 to `last_year`.
Calendar LoadNational(int last_year) {
  std::vector<Notice> notices;
  for (int y = 2019; y <= last_year; ++y) {
    std::string path =
        std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/national/" + std::to_string(y) + ".cal";
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Result<Notice> n = ParseNotice(ss.str(), path);
    EXPECT_TRUE(n.ok()) << n.status().message();
    notices.push_back(*n);
  }
  Result<Calendar> c = Calendar::Build(std::move(notices));
  EXPECT_TRUE(c.ok()) << c.status().message();
  return std::move(c).value();
}

// The published notices only (2019–2026).
const Calendar& Cal() {
  static const Calendar* cal = new Calendar(LoadNational(2026));
  return *cal;
}

// With the provisional 2027 reckoning.
const Calendar& CalWith2027() {
  static const Calendar* cal = new Calendar(LoadNational(2027));
  return *cal;
}

bool Mentions(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& l : lines) {
    if (l.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string Opt(const std::optional<Date>& d) { return d ? FormatDate(*d) : "-"; }

TEST(ExplainWorkingDays, AcrossNationalDayWithMakeUpDays) {
  // 2024-09-27 (Fri) day 0; 09-28 Sat rest; 09-29 (Sun, make-up) 1; 09-30 2; 10-01..07 国庆;
  // 10-08..11 3–6; 10-12 (Sat, make-up) 7; 10-14..18 8–12; 10-21..25 13–17; 10-28..30 18–20.
  Result<SimpleDeadline> r = ExplainWorkingDays(D("2024-09-27"), 20, Cal(), DeadlineSettings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(FormatDate(r->due), "2024-10-30");
  const auto& e = r->explanation;
  EXPECT_TRUE(Mentions(e, "2024年9月27日（星期五）为第0日")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "跳过国庆节假期 10月1日至10月7日，共7天")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "9月29日（星期日）为国庆节调休上班日")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "10月12日（星期六）为国庆节调休上班日")) << Joined(e);
  // Weekends: 9-28, 10-13, 10-19, 10-20, 10-26, 10-27.
  EXPECT_TRUE(Mentions(e, "跳过周末 6 天")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "2024年10月30日（星期三），即第20个工作日")) << Joined(e);
}

TEST(ExplainWorkingDays, Cases) {
  struct Case {
    const char* start;
    int n;
    bool day_zero;
    const char* want;
  } cases[] = {
      // 1. Spring Festival 2025 (see DeadlinesAcrossSpringFestival for the walk).
      {"2025-01-20", 20, true, "2025-02-21"},
      // 2. Start day counted as day 1: 2024-09-27 is day 1, so the 20th is one day earlier.
      {"2024-09-27", 20, false, "2024-10-29"},
      // 3. Start on a rest day counted as day 1 does nothing: 10-03 is not a working day;
      //    10-08 is day 1, 10-10 day 3.
      {"2024-10-03", 3, false, "2024-10-10"},
      // 4. Zero days: the start itself.
      {"2024-10-03", 0, true, "2024-10-03"},
  };
  for (const Case& c : cases) {
    DeadlineSettings s;
    s.start_day_is_day_zero = c.day_zero;
    Result<SimpleDeadline> r = ExplainWorkingDays(D(c.start), c.n, Cal(), s);
    ASSERT_TRUE(r.ok()) << c.start << ": " << r.status().message();
    EXPECT_EQ(FormatDate(r->due), c.want) << c.start << " +" << c.n;
  }
  EXPECT_FALSE(ExplainWorkingDays(D("2024-10-03"), -1, Cal(), DeadlineSettings{}).ok());
  Result<SimpleDeadline> late = ExplainWorkingDays(D("2026-12-20"), 20, Cal(), DeadlineSettings{});
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.status().message().find("2027年的放假安排尚未载入"), std::string::npos);
}

TEST(ExplainWorkingDays, WarnsWhenTheNextNoticeMayMoveTheDueDate) {
  // Worked by hand on the 2026 notice (no rest days after October): from Friday 2026-11-13,
  // 20 working days end on Friday 12-11, before late December: settled.
  Result<SimpleDeadline> settled =
      ExplainWorkingDays(D("2026-11-13"), 20, Cal(), DeadlineSettings{});
  ASSERT_TRUE(settled.ok());
  EXPECT_EQ(FormatDate(settled->due), "2026-12-11");
  EXPECT_FALSE(settled->may_change);
  // From Friday 2026-11-20 they end on Friday 12-18, which the 2027 notice may still reach.
  Result<SimpleDeadline> december =
      ExplainWorkingDays(D("2026-11-20"), 20, Cal(), DeadlineSettings{});
  ASSERT_TRUE(december.ok());
  EXPECT_EQ(FormatDate(december->due), "2026-12-18");
  EXPECT_TRUE(december->may_change);
  EXPECT_NE(december->explanation.back().find("2027年的放假安排尚未发布，它可能调整2026年12月下旬"),
            std::string::npos)
      << december->explanation.back();
}

// One numbered case per line: the steps, the as-of date, and every date the engine reports.
struct CaseRow {
  const char* name;
  CaseSteps steps;
  DeadlineSettings settings;
  const char* as_of;
  const char* correction_notice_due;
  const char* reply_due;     // "-" when nullopt
  const char* extended_due;  // "-"
  const char* consultation_due;
  const char* fee_payment_due;
  bool paused, overdue, answered_late;
  int working_days_left;
};

CaseSteps Received(const char* d) {
  CaseSteps s;
  s.receipt = D(d);
  return s;
}

ClockStop Stop(ClockStop::Reason r, const char* a, const char* b = nullptr) {
  ClockStop s{r, D(a), std::nullopt};
  if (b) s.end = D(b);
  return s;
}

constexpr auto kThird = ClockStop::Reason::kThirdPartyConsultation;
constexpr auto kCoAuthor = ClockStop::Reason::kCoAuthorConsultation;
constexpr auto kFee = ClockStop::Reason::kFeeNotice;

std::vector<CaseRow> Rows() {
  std::vector<CaseRow> rows;
  DeadlineSettings def;
  // 1. Spring Festival 2025: 01-20 (Mon) day 0; 01-21..24 1–4; 01-26 (Sun, make-up) 5; 01-27 6;
  //    01-28..02-04 rest; 02-05..07 7–9; 02-08 (Sat, make-up) 10; 02-10..14 11–15;
  //    02-17..21 16–20. 补正 notice due: 7th = 02-05. As of 02-10: 02-11..14, 17..21 = 9 left.
  rows.push_back({"spring festival", Received("2025-01-20"), def, "2025-02-10", "2025-02-05",
                  "2025-02-21", "-", "-", "-", false, false, false, 9});
  // 2. A consultation spanning 国庆 2024. Receipt 09-02 (Mon). Sent 09-20: consumed are the
  //    working days 09-03..09-19 = 09-03..06 (4), 09-09..13 (9), 09-14 Sat make-up (10),
  //    09-15..17 中秋, 09-18, 09-19 (12); 8 left. Answer 10-10 = day 0: 10-11 1, 10-12 (Sat,
  //    make-up) 2, 10-14..18 3–7, 10-21 8.
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-09-20", "2024-10-10"));
    rows.push_back({"consultation across national day", s, def, "2024-10-15", "2024-09-11",
                    "2024-10-21", "-", "-", "-", false, false, false, 4});
  }
  // 3. The same consultation still open on 10-08: paused, 8 days frozen. The third party's 15
  //    days from 09-20: 09-23..27 (5), 09-29 make-up (6), 09-30 (7), 10-08..12 (8–12),
  //    10-14..16 (13–15) → 10-16.
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-09-20"));
    rows.push_back({"consultation open", s, def, "2024-10-08", "2024-09-11", "-", "-", "2024-10-16",
                    "-", true, false, false, 8});
  }
  // 4. No answer: the clock resumes on 10-16 (day 0) with 8 left: 10-17, 18, 21..25, 28 → 10-28.
  //    As of 11-01: 10-29, 30, 31, 11-01 past → overdue by 4.
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kCoAuthor, "2024-09-20"));
    rows.push_back({"consultation timed out", s, def, "2024-11-01", "2024-09-11", "2024-10-28", "-",
                    "-", "-", false, true, false, -4});
  }
  // 5. A late answer (10-25) does not stretch the stop beyond the 15th day (10-16): as row 4.
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-09-20", "2024-10-25"));
    rows.push_back({"late answer capped", s, def, "2024-10-28", "2024-09-11", "2024-10-28", "-",
                    "-", "-", false, false, false, 0});
  }
  // 6. Extension of 20 on top of row 2: from 10-21: 10-22..25 (4), 10-28..11-01 (9),
  //    11-04..08 (14), 11-11..15 (19), 11-18 (20). Answered 11-18: in time.
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-09-20", "2024-10-10"));
    s.extension_working_days = 20;
    s.extension_approved = D("2024-10-15");
    s.closed = D("2024-11-18");
    rows.push_back({"extension on top of a stop", s, def, "2024-12-31", "2024-09-11", "2024-10-21",
                    "2024-11-18", "-", "-", false, false, false, 0});
    s.closed = D("2024-11-19");
    rows.push_back({"extension, answered a day late", s, def, "2024-12-31", "2024-09-11",
                    "2024-10-21", "2024-11-18", "-", "-", false, false, true, -1});
  }
  // 7. Two 补正 rounds: the 20 days restart at the second receipt, 03-18 (Mon): 03-19..22 (4),
  //    03-25..29 (9), 04-01..03 (12), 04-04..06 清明, 04-07 (Sun, make-up) 13, 04-08..12 (18),
  //    04-15 19, 04-16 20. The 补正 notice due: 03-04..08 (5), 03-11 6, 03-12 7.
  {
    CaseSteps s = Received("2024-03-01");
    s.corrections.push_back({D("2024-03-05"), D("2024-03-08"), D("2024-03-11")});
    s.corrections.push_back({D("2024-03-12"), std::nullopt, D("2024-03-18")});
    rows.push_back({"second correction round", s, def, "2024-04-01", "2024-03-12", "2024-04-16",
                    "-", "-", "-", false, false, false, 10});
  }
  // 8. Waiting for a 补正: paused, no reply date, the full 20 days frozen.
  {
    CaseSteps s = Received("2024-03-01");
    s.corrections.push_back({D("2024-03-05"), D("2024-03-20"), std::nullopt});
    CaseRow r{"waiting for correction",
              s,
              def,
              "2024-03-10",
              "2024-03-12",
              "-",
              "-",
              "-",
              "-",
              true,
              false,
              false,
              20};
    rows.push_back(r);
  }
  // 9. Fee notice 04-10 paid 04-22, clock stopped. Receipt 04-01 (Mon); consumed 04-02, 03,
  //    04-07 (Sun, make-up), 04-08, 09 = 5; 15 left from 04-22: 04-23..26 (4), 04-28 make-up (5),
  //    04-29, 30 (7), 05-01..05 劳动节, 05-06..10 (12), 05-11 make-up (13), 05-13, 14 (15).
  {
    CaseSteps s = Received("2024-04-01");
    s.stops.push_back(Stop(kFee, "2024-04-10", "2024-04-22"));
    rows.push_back({"fee notice stops the clock", s, def, "2024-05-14", "2024-04-11", "2024-05-14",
                    "-", "-", "-", false, false, false, 0});
  }
  // 10. The same fee notice unpaid on 04-15: paused with 15 frozen; pay by the 20th working day
  //     after 04-10: 04-11, 12 (2), 04-15..19 (7), 04-22..26 (12), 04-28 (13), 04-29, 30 (15),
  //     05-06..10 (20).
  {
    CaseSteps s = Received("2024-04-01");
    s.stops.push_back(Stop(kFee, "2024-04-10"));
    rows.push_back({"fee notice open", s, def, "2024-04-15", "2024-04-11", "-", "-", "-",
                    "2024-05-10", true, false, false, 15});
  }
  // 11. Fee not stopping the clock (setting): 20 days from 04-01 → 04-02, 03, 07, 08..12 (8),
  //     15..19 (13), 22..26 (18), 28 (19), 29 (20). Left on 04-15: 04-16..19, 22..26, 28, 29.
  {
    CaseSteps s = Received("2024-04-01");
    s.stops.push_back(Stop(kFee, "2024-04-10"));
    DeadlineSettings no_stop;
    no_stop.fee_stops_clock = false;
    rows.push_back({"fee notice, clock runs", s, no_stop, "2024-04-15", "2024-04-11", "2024-04-29",
                    "-", "-", "2024-05-10", false, false, false, 11});
  }
  // 12. A stop that begins after the due date (09-30) changes nothing.
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-10-08", "2024-10-09"));
    rows.push_back({"stop after the due date", s, def, "2024-10-10", "2024-09-11", "2024-09-30",
                    "-", "-", "-", false, true, false, -3});
  }
  // 13. A stop inside the extension shifts only the extended date. Reply due 09-30; extension
  //     10 (approved 09-25). Consultation 10-09..10-11: consumed 10-08 → 9 left; from 10-11:
  //     10-12 (Sat, make-up) 1, 10-14..18 2–6, 10-21..23 7–9 → 10-23.
  {
    CaseSteps s = Received("2024-09-02");
    s.extension_working_days = 10;
    s.extension_approved = D("2024-09-25");
    s.stops.push_back(Stop(kThird, "2024-10-09", "2024-10-11"));
    rows.push_back({"stop inside the extension", s, def, "2024-10-14", "2024-09-11", "2024-09-30",
                    "2024-10-23", "-", "-", false, false, false, 7});
  }
  // 14. Steps after as_of have not happened: the answer on 10-10 is ignored on 10-08.
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-09-20", "2024-10-10"));
    s.closed = D("2024-10-30");
    rows.push_back({"as of before the answer", s, def, "2024-10-08", "2024-09-11", "-", "-",
                    "2024-10-16", "-", true, false, false, 8});
  }
  // 15. A same-day stop on a working day costs that day: receipt 2024-09-02, stop on 09-10
  //     (Tue) only; consumed 09-03..09 (5); from 09-10: 15 more → 09-11..13 (3), 09-14 (4),
  //     09-18..20 (7), 09-23..27 (12), 09-29 (13), 09-30 (14), 10-08 (15).
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-09-10", "2024-09-10"));
    rows.push_back({"same-day stop", s, def, "2024-10-08", "2024-09-11", "2024-10-08", "-", "-",
                    "-", false, false, false, 0});
  }
  return rows;
}

TEST(ComputeDeadlines, CaseTable) {
  for (const CaseRow& r : Rows()) {
    Result<Deadlines> got = ComputeDeadlines(r.steps, Cal(), r.settings, D(r.as_of));
    ASSERT_TRUE(got.ok()) << r.name << ": " << got.status().message();
    const Deadlines& d = *got;
    std::string why = std::string(r.name) + "\n" + Joined(d.explanation);
    EXPECT_EQ(FormatDate(d.correction_notice_due), r.correction_notice_due) << why;
    EXPECT_EQ(Opt(d.reply_due), r.reply_due) << why;
    EXPECT_EQ(Opt(d.extended_due), r.extended_due) << why;
    EXPECT_EQ(Opt(d.consultation_due), r.consultation_due) << why;
    EXPECT_EQ(Opt(d.fee_payment_due), r.fee_payment_due) << why;
    EXPECT_EQ(d.paused, r.paused) << why;
    EXPECT_EQ(d.overdue, r.overdue) << why;
    EXPECT_EQ(d.answered_late, r.answered_late) << why;
    EXPECT_EQ(d.working_days_left, r.working_days_left) << why;
  }
}

TEST(ComputeDeadlines, ExplanationNamesEveryStep) {
  CaseSteps s = Received("2024-09-02");
  s.stops.push_back(Stop(kThird, "2024-09-20", "2024-10-10"));
  s.extension_working_days = 20;
  s.extension_approved = D("2024-10-15");
  Result<Deadlines> d = ComputeDeadlines(s, Cal(), DeadlineSettings{}, D("2024-10-15"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  const auto& e = d->explanation;
  EXPECT_TRUE(Mentions(e, "收到申请：2024年9月2日（星期一）")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "条例第三十三条")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "跳过中秋节假期 9月15日至9月17日")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "9月14日（星期六）为中秋节调休上班日")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "发出征求第三方意见书，计算中止")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "此前已计 12 个工作日，剩余 8 个工作日")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "收到第三方意见，恢复计算：以该日为第0日，剩余 8 个工作日")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "延长答复期限 20 个工作日")) << Joined(e);
  EXPECT_TRUE(Mentions(e, "延长后届满：2024年11月18日")) << Joined(e);
  // 国庆 lies inside the stop: it is not "skipped" by the count.
  EXPECT_FALSE(Mentions(e, "跳过国庆节")) << Joined(e);
}

TEST(ComputeDeadlines, RejectsInconsistentSteps) {
  struct Bad {
    const char* what;
    CaseSteps steps;
  };
  std::vector<Bad> bad;
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-08-30", "2024-09-05"));
    bad.push_back({"早于收到申请", s});
  }
  {
    CaseSteps s = Received("2024-09-02");
    s.stops.push_back(Stop(kThird, "2024-09-05", "2024-09-20"));
    s.stops.push_back(Stop(kFee, "2024-09-10", "2024-09-12"));
    bad.push_back({"计算中止重叠", s});
  }
  {
    CaseSteps s = Received("2024-09-02");
    s.extension_working_days = 21;
    bad.push_back({"最长不得超过20个工作日", s});
  }
  {
    CaseSteps s = Received("2024-09-02");
    s.corrections.push_back({D("2024-09-05"), std::nullopt, D("2024-09-04")});
    bad.push_back({"收到补正（2024-09-04）早于发出补正告知", s});
  }
  {
    CaseSteps s = Received("2024-09-02");
    s.corrections.push_back({D("2024-09-05"), std::nullopt, std::nullopt});
    s.corrections.push_back({D("2024-09-10"), std::nullopt, std::nullopt});
    bad.push_back({"尚未收到补正材料", s});
  }
  for (const Bad& b : bad) {
    Result<Deadlines> d = ComputeDeadlines(b.steps, Cal(), DeadlineSettings{}, D("2024-12-31"));
    ASSERT_FALSE(d.ok()) << b.what;
    EXPECT_NE(d.status().message().find(b.what), std::string::npos) << d.status().message();
  }
  // A computation reaching into 2027 names the year.
  Result<Deadlines> late =
      ComputeDeadlines(Received("2026-12-15"), Cal(), DeadlineSettings{}, D("2026-12-20"));
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.status().message().find("2027年的放假安排尚未载入"), std::string::npos);
}

TEST(ComputeDeadlines, ACaseReachingIntoAProvisionalYearIsComputedAndFlagged) {
  // Worked by hand: received Tuesday 2026-12-15. 补正 notice: Dec 16–18 and 21–24 are the 7
  // working days → 12-24. Reply: Dec 16–18 (3), 21–25 (8), 28–31 (12), 1 Jan off (元旦,
  // statutory), Jan 4–8 (17), 11–13 (20) → 2027-01-13.
  Result<Deadlines> d =
      ComputeDeadlines(Received("2026-12-15"), CalWith2027(), DeadlineSettings{}, D("2026-12-20"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(FormatDate(d->correction_notice_due), "2026-12-24");
  ASSERT_TRUE(d->reply_due);
  EXPECT_EQ(FormatDate(*d->reply_due), "2027-01-13");
  EXPECT_TRUE(d->may_change);
  EXPECT_NE(d->explanation.back().find("2027年的日期按《全国年节及纪念日放假办法》推算"),
            std::string::npos)
      << d->explanation.back();
  // A case settled well before late December carries no warning.
  Result<Deadlines> early =
      ComputeDeadlines(Received("2026-06-01"), CalWith2027(), DeadlineSettings{}, D("2026-06-02"));
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->may_change);
}

}  // namespace
}  // namespace gongkai
