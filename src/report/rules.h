// The consistency rules (勾稽关系) and plausibility checks of an annual report, as listed in the
// rule table of ../shared/spec/annual-report.md: each rule has a stable id (B-BALANCE, B-ROW-SUM,
// B-CLOSED-SUM, C-BLOCK-SUM, CELL-KIND, FORMAT-YEAR, SECTIONS, FEE-UNIT, CROSS-YEAR,
// IN-FORCE-TREND, NARRATIVE, COPY, LATE, IMPLAUSIBLE) and a severity, and every finding names
// the row and column labels of the format, the expected and the found value.
//
// What the checks promise about messy input: a sum rule fires only when all of its cells are
// numbers; a blank, text or not-applicable cell where a number belongs is reported once by
// CELL-KIND instead (a column blank all the way down is reported once for the column); a row or
// table the document does not contain is reported once and never crashes a rule. Both formats
// are checked: the 2019 trial format's single （六）其他处理 row `other`, and the same row kept by
// some provinces in the 2021 format (read as a result row, with a FORMAT-YEAR notice).
// A sum that fails over a cell the parser read with doubt is SUM-UNSETTLED (a warning: the
// table could not be read with certainty), never an error; and the sum errors that one wrong
// cell causes are reported once, on that cell (report/rules_tables.cc).
//
// Pure functions of the reports and the settings: no clock (the publication date is in the
// report), no I/O. Safe to call from any thread.

#ifndef GONGKAI_REPORT_RULES_H_
#define GONGKAI_REPORT_RULES_H_

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "report/finding.h"
#include "report/model.h"

namespace gongkai {

// Who publishes the report; decides the statutory publication date (Art. 49).
enum class Publisher {
  kDepartment,  // a department of a county-level-or-above government: by 31 January
  kGovernment,  // a government's disclosure office, the government-wide report: by 31 March
};

struct CheckSettings {
  // The report does not say whether its agency is a department or a government; LATE uses this
  // deadline and its message says which one it assumed.
  Publisher publisher = Publisher::kDepartment;

  // COPY fires when the character-bigram Jaccard similarity of this year's narrative and last
  // year's is at least this (evaluations found reports 90 % copied).
  double copy_threshold = 0.85;

  // COPY compares only narratives of at least this many Han characters each; shorter texts are
  // alike by necessity.
  int copy_min_characters = 200;

  // FEE-UNIT: a 本年收费金额（万元） above this is taken to be typed in 元 (10^6 万元 = 100 亿元,
  // beyond any single agency's fees).
  double fee_max_wan_yuan = 1.0e6;

  // IN-FORCE-TREND: in_force may differ from last in_force + issued − abolished by this many
  // documents, or this share of the expected count if larger (amendments and recodifications
  // make the identity inexact).
  int in_force_tolerance = 2;
  double in_force_tolerance_share = 0.1;

  // Set when the report comes from ParseReportText (report/parse.h), whose findings already say
  // which rows, tables and sections 二–四 are absent (PARSE-MISSING-ROW, PARSE-MISSING-TABLE);
  // the rules then do not say it again. (An undivided （六）其他处理 row is always the rules'
  // FORMAT-YEAR notice; the parser only reads it.)
  bool parser_reported_layout = false;
};

// The statutory last publication day of the report for `year` by `publisher`.
Date PublicationDeadline(int year, Publisher publisher);

// Checks one report: B-BALANCE, B-ROW-SUM, B-CLOSED-SUM, C-BLOCK-SUM, CELL-KIND, FORMAT-YEAR,
// SECTIONS, FEE-UNIT, NARRATIVE, LATE and IMPLAUSIBLE. Findings come in that order of concern,
// tables first. SECTIONS, NARRATIVE and the narrative half of IMPLAUSIBLE need the report's
// sections; a report without any (e.g. read from report JSON that carries none) skips them.
// LATE needs `report.published`.
std::vector<Finding> CheckReport(const Report& report, const CheckSettings& settings);

// Checks this year's report against the same agency's report of the year before: CROSS-YEAR
// (carried_over = last carried_forward, per column), IN-FORCE-TREND and COPY. When the reports
// are not of consecutive years or not of the same agency (compared without spaces and with
// full-width brackets folded), returns one CROSS-YEAR notice saying so and checks nothing else.
std::vector<Finding> CheckAcrossYears(const Report& previous, const Report& current,
                                      const CheckSettings& settings);

// A FORMAT-YEAR warning for a row printed with a label other than the format's (e.g.
// 「规范性文件」 for 「行政规范性文件」 in a 2021 table); for parsers, which alone see the labels.
Finding LabelDriftFinding(ReportFormat format, std::string_view table, std::string_view row,
                          std::string_view printed_label, SourcePos pos);

// The findings of one checked file, for the roll-up (report/rollup.h) and CSV (report/csv.h).
struct CheckedReport {
  std::string file;    // as the user named it
  std::string agency;  // "" when the file could not be read as a report
  int year = 0;        // 0 when unknown
  std::vector<Finding> findings;
};

}  // namespace gongkai

#endif  // GONGKAI_REPORT_RULES_H_
