// The roll-up: what a government's disclosure office or a supervisor makes of many agencies'
// reports. SumReports adds reports cell by cell (the government-wide figures); Summarize says which
// agencies' reports failed checks (error counts by rule), which expected agencies are missing or
// late, and what fails most often; FormatSummary prints that for a person (the `check --summary`
// printout). Pure functions of their inputs; safe to call from any thread.

#ifndef GONGKAI_REPORT_ROLLUP_H_
#define GONGKAI_REPORT_ROLLUP_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/finding.h"
#include "report/model.h"
#include "report/rules.h"

namespace gongkai {

// Returns the cell-by-cell sum of `reports` as one report of `agency`, in the format and year of
// the first report, rows and columns in the format's order (rows only some reports have, such as
// a provincial single （六）其他处理 row, follow). Only numbers are added. Appends to
// `not_summable` one ROLLUP-NOT-SUMMABLE warning per agency and table whose cells held blanks,
// text or not-applicable marks (naming the agency, the count and the first such cell), and one
// ROLLUP-YEAR error per report of another year, which is left out; each sum cell that missed a
// value is listed in the result's `uncertain_paths`. An empty list gives an empty report.
// REQUIRES: no null pointers; `not_summable` not null.
Report SumReports(const std::vector<const Report*>& reports, std::string_view agency,
                  std::vector<Finding>* not_summable);

// One report that failed: it has at least one error-severity finding.
struct FailedReport {
  std::string file;
  std::string agency;  // "" when the file could not be read as a report
  int year = 0;
  int errors = 0;
  int warnings = 0;
  std::vector<std::pair<std::string, int>> errors_by_rule;  // rule id → errors, by rule id
};

struct RollupSummary {
  int files = 0;
  int agencies = 0;                  // distinct agencies among the readable files
  std::vector<int> years;            // distinct report years, ascending
  int passed = 0;                    // files without error-severity findings
  std::vector<FailedReport> failed;  // in input order
  std::vector<std::string> missing;  // expected agencies without a report, in the given order
  std::vector<std::string> late;     // agencies whose report has a LATE finding, in input order
  // Rule id → number of files with an error or warning of that rule; most frequent first.
  std::vector<std::pair<std::string, int>> top_failures;
};

// Summarizes checked files. An agency of `expected_agencies` is missing when no readable file
// names it (names compared without spaces, full-width brackets folded).
RollupSummary Summarize(const std::vector<CheckedReport>& checked,
                        const std::vector<std::string>& expected_agencies);

// The summary as text for a terminal, in Chinese or English (`lang` "en"); at most five of the
// most frequent failures.
std::string FormatSummary(const RollupSummary& summary, std::string_view lang);

}  // namespace gongkai

#endif  // GONGKAI_REPORT_ROLLUP_H_
