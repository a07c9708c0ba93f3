// The annual report (政府信息公开工作年度报告) of one agency for one year, folded from its case
// register as of 31 December (DESIGN.md: "the annual report is the fold of every case"), with
// tables A and C and the facts the narrative sections state. Because every case is placed by
// one rule, a generated report balances by construction: each case received by 31 December and
// not closed before the year sits once on the left of B-BALANCE (new or carried_over) and once
// on the right (its result row, or carried_forward). Pure: the cases, the calendar, the settings
// and the registers are passed in. Safe to call from any thread.

#ifndef GONGKAI_CASES_ANNUAL_H_
#define GONGKAI_CASES_ANNUAL_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "cases/case_state.h"
#include "cases/event.h"
#include "publications/item.h"
#include "report/model.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// The year's counts of table A that no case event records (Art. 20(五)(六)(八)).
struct YearDecisionCounts {
  int licensing = 0;               // 行政许可 decisions
  int punishment = 0;              // 行政处罚 decisions
  int enforcement = 0;             // 行政强制 decisions
  int64_t fees_collected_fen = 0;  // 行政事业性收费 of the year (not the disclosure fees)
};

struct AnnualInput {
  std::string agency;
  int year = 0;
  // The agency's register of proactive disclosure (store/publications.h): table A's 规章 and
  // 行政规范性文件 rows are counted from it by publications/table_two.h; other items are ignored.
  std::vector<Publication> publications;
  YearDecisionCounts decisions;
};

// What the narrative sections (一、总体情况, 六、其他需要报告的事项) state about applications, all
// for the report year. Indexes of the arrays are the enum values of Channel and ApplicantKind.
struct NarrativeFacts {
  int year = 0;
  int received = 0;                   // = table B new.total
  std::array<int, 6> by_channel{};    // received in the year, per Channel
  std::array<int, 6> by_applicant{};  // received in the year, per ApplicantKind
  int carried_over = 0;               // = table B carried_over.total
  int closed = 0;                     // = table B closed_total.total
  int answered = 0;                   // closed by a reply (rows granted … not_processed.*)
  int answered_on_time = 0;           // of `answered`, within the (extended) due date
  int answered_late = 0;              // of `answered`, after it
  int carried_forward = 0;            // = table B carried_forward.total
  int correction_requests = 0;        // 补正 notices sent in the year
  int extensions = 0;                 // extensions approved in the year
  int fee_cases = 0;                  // fees paid in the year (信息处理费, 109号)
  int64_t fees_charged_fen = 0;       // their total
  int reconsiderations_filed = 0;     // in the year
  int litigations_filed = 0;          // in the year
};

struct AnnualReport {
  Report report;  // format by RequiredFormat(year); source "register"; no narrative sections
  NarrativeFacts facts;
  // Cases whose timeliness could not be judged (e.g. a date outside the calendar): counted in
  // table B, left out of answered_on_time / answered_late. Chinese, one per case.
  std::vector<std::string> warnings;
};

// Folds `cases` (each one case's events, in order) into the report of `input.year`:
//   table B (case-events.md): new, carried_over, each case closed in the year once in its row and
//     applicant column (2019 trial format: the three （六） rows fold into `other`),
//     closed_total, carried_forward, and every column's total;
//   table C: each reconsideration / lawsuit filed in the year once in its block, in its result
//     column if decided by 31 December, else `pending`; with
//     settings.count_remedies_decided_in_year_filed_earlier also those filed earlier and
//     decided in the year;
//   table A: documents issued / abolished in the year and in force on 31 December, the decision
//     counts, and the fee in 万元 with 4 decimals (2019 trial format: made = published = issued,
//     total_published = in force; cells no register records are blank).
// Events dated after 31 December are ignored. Returns kInvalidInput listing every case whose
// history breaks a rule or lacks the applicant kind (the report would misplace it), and
// kInvalidInput when the year is outside 2019–9999.
Result<AnnualReport> BuildAnnualReport(const std::vector<std::vector<Event>>& cases,
                                       const AnnualInput& input, const Calendar& calendar,
                                       const CaseSettings& settings);

// The same fold, one case at a time, for callers that stream a large register (from the database
// or the sample generator) instead of holding it: Add every case, then Finish once. Not safe to
// share across threads; `calendar` must outlive the fold.
class AnnualFold {
 public:
  AnnualFold(const AnnualInput& input, const Calendar& calendar, const CaseSettings& settings);
  ~AnnualFold();
  AnnualFold(const AnnualFold&) = delete;
  AnnualFold& operator=(const AnnualFold&) = delete;

  // Folds one case's events (in order). Problems are collected for Finish.
  void Add(const std::vector<Event>& events);
  // Returns the report, or the errors BuildAnnualReport describes. REQUIRES: called once, last.
  Result<AnnualReport> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai

#endif  // GONGKAI_CASES_ANNUAL_H_
