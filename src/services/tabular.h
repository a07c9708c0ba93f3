// The catalogue from a table of cells (a CSV file, the first worksheet of an XLSX file), as a
// provincial item system exports it: the first row is the header, holding the field names of the
// JSON Lines format (services/jsonl.h) or their Chinese names (事项编码, 层级, 实施机关, …) in any
// order; unknown columns are kept as unknown fields. Cells: vocabularies by key or Chinese label
// (业务办理项, 行政许可, 在用); in_hall 是/否; conditions, materials and basis one per line (or
// separated by ；); contacts "咨询；投诉"; fee 不收费 | 收费 (or the JSON object); cross_province
// "个人：全程网办、异地代收代办"; any nested cell may also hold the JSON value itself. Reading is
// all or nothing like the JSON Lines reader, with every bad cell named by row and column
// (`第 12 行 C 列（level）`) and the allowed values. Pure.

#ifndef GONGKAI_SERVICES_TABULAR_H_
#define GONGKAI_SERVICES_TABULAR_H_

#include <span>
#include <string_view>
#include <vector>

#include "publications/tabular.h"
#include "services/item.h"
#include "util/status.h"

namespace gongkai {

// The items of a table whose first row is the header. `source` names the file in messages.
Result<std::vector<ServiceItem>> ServicesFromRows(std::span<const CellRow> rows,
                                                  std::string_view source);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_TABULAR_H_
