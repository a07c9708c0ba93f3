// Table 二 of the annual report (主动公开政府信息情况), rows 规章 and 行政规范性文件, counted from
// the register: the one authority for these cells (cases/annual.cc writes them into the report,
// the store's stats and the CLI print them). ../shared/spec/proactive.md §3, §6:
//
//   2021 format: 本年制发件数 (`issued`) = items with `created` in Y; 本年废止件数 (`abolished`) =
//   items with `status_date` in Y and status repealed or expired (the column counts both: the
//   report's notes should say so); 现行有效件数 (`in_force`) = items created on or before 31
//   December Y and not expired/repealed on or before that day.
//
//   2019 trial format (design; the format's own notes do not define them): 本年新制作数量
//   (`made`) = created in Y, as 本年制发件数; 本年新公开数量 (`published`) = items whose
//   `published` date is in Y, whenever they were made; 对外公开总数量 (`total_published`) = items
//   published on or before 31 December Y and in force on that day, i.e. what the public can
//   read in the register at the year's end.
//
// Only kind regulation and normative_document count; `other` items are ignored. Pure.

#ifndef GONGKAI_PUBLICATIONS_TABLE_TWO_H_
#define GONGKAI_PUBLICATIONS_TABLE_TWO_H_

#include <span>

#include "publications/item.h"

namespace gongkai {

struct DocumentCounts {
  // 2021 format.
  int issued = 0;
  int abolished = 0;
  int in_force = 0;
  // 2019 trial format (`made` == `issued`).
  int made = 0;
  int published = 0;
  int total_published = 0;

  bool operator==(const DocumentCounts&) const = default;
};

struct TableTwoCounts {
  DocumentCounts regulations;          // 规章 (row key `rules`)
  DocumentCounts normative_documents;  // 行政规范性文件 (row key `normative_documents`)

  bool operator==(const TableTwoCounts&) const = default;
};

TableTwoCounts CountTableTwo(std::span<const Publication> items, int year);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_TABLE_TWO_H_
