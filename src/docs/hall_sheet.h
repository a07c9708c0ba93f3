// The hall sheets of QR-code guides (spec services.md §6): A4 pages for the service hall's wall,
// several codes a page, each with the item's name, its code and 「更新于」 date under the symbol,
// grouped by window or department — each group starts a page headed with its name. The codes
// hold the items' permanent links, made by the caller (`{public base URL}/g/{code}`). Pure
// function; thread-safe.

#ifndef GONGKAI_DOCS_HALL_SHEET_H_
#define GONGKAI_DOCS_HALL_SHEET_H_

#include <string>
#include <vector>

#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct HallSheetEntry {
  std::string name;  // the item's name
  std::string code;  // its code, printed under the name
  std::string link;  // what the QR code holds
  Date updated;      // the version in force was published on this day
};

struct HallSheetGroup {
  std::string title;  // 「综合受理区 3号窗口」 or a department
  std::vector<HallSheetEntry> entries;
};

struct HallSheet {
  std::string title = "政务服务事项办事指南二维码";  // at the top of every page
  std::vector<HallSheetGroup> groups;
  Date date;  // the PDF's date
};

// Codes per page: three columns of three rows, each symbol 50 mm wide (a phone reads it from
// over a metre away).
constexpr int kHallSheetColumns = 3;
constexpr int kHallSheetRows = 3;

// The sheets as PDF bytes. Invalid input when there is no entry or an entry's link cannot be
// encoded (naming the item); internal error when cairo fails.
Result<std::string> WriteHallSheetPdf(const HallSheet& sheet);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_HALL_SHEET_H_
