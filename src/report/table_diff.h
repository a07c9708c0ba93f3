// What changed between two reports' tables, cell by cell, in the national format's words: what
// a head is told when the register moved after the snapshot he was about to approve. Pure; safe
// to call from any thread.

#ifndef GONGKAI_REPORT_TABLE_DIFF_H_
#define GONGKAI_REPORT_TABLE_DIFF_H_

#include <string>
#include <vector>

#include "report/model.h"

namespace gongkai {

// One line per cell of tables 二, 三 and 四 (in the layout of `snapshot`'s format, in document
// order) whose printed value differs, e.g. "表三「（一）予以公开」「自然人」：快照 12，现为 13".
// A cell absent from one report reads as blank (「空」). Empty when every cell is the same.
std::vector<std::string> DiffReportTables(const Report& snapshot, const Report& now);

}  // namespace gongkai

#endif  // GONGKAI_REPORT_TABLE_DIFF_H_
