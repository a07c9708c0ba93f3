// Lays out an annual report (政府信息公开工作年度报告) as a Document in the national format
// (国办公开办函〔2021〕30号; the trial format 〔2019〕60号 for report years before 2021): the
// title, the six sections in order, and the three tables with the format's merged header cells.
// Cells print what the report states: numbers, blanks, `/`, text; a row the report lacks prints
// blank. Pure; the HTML, DOCX and PDF exports all start here so they agree cell for cell.

#ifndef GONGKAI_DOCS_REPORT_DOCUMENT_H_
#define GONGKAI_DOCS_REPORT_DOCUMENT_H_

#include <string>
#include <string_view>

#include "docs/document.h"
#include "report/model.h"

namespace gongkai {

Document ReportDocument(const Report& report);

// The three tables alone, as laid out in the report (tables A, B and C).
DocTable ReportTableA(const Report& report);
DocTable ReportTableB(const Report& report);
DocTable ReportTableC(const Report& report);

// What a cell prints: a number without trailing zeros (12, 0.5, 160.5964), the raw text of
// any other kind, "" for a blank or absent cell.
std::string CellText(const Cell* cell);

// 「一、总体情况」 … 「六、其他需要报告的事项」; "" outside 1..6.
std::string_view StandardSectionTitle(int number);

// The report's title: 「<agency><year>年政府信息公开工作年度报告」.
std::string ReportTitle(const Report& report);

// The date stamped into exported files: the publication date when known, else 1 January after
// the report year (clamped to 1980, the earliest date a ZIP entry can hold).
Date ReportStamp(const Report& report);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_REPORT_DOCUMENT_H_
