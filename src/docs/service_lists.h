// The public lists of the service catalogue as offices publish them (spec services.md §3, §4):
// the 进厅负面清单 (items not handled in the service hall, each with its reason and where it is
// handled instead) and the 跨省通办 list (by 服务对象, 个人 then 法人, with a column per mode
// marked 「√」 and the count of each part in its heading). Each is a DocTable (for the page, the
// PDF and the spreadsheet alike) and an XLSX workbook. The caller passes the items already
// chosen (store/services.h NegativeListAt, CrossProvinceListAt); pure functions over them.

#ifndef GONGKAI_DOCS_SERVICE_LISTS_H_
#define GONGKAI_DOCS_SERVICE_LISTS_H_

#include <string>
#include <vector>

#include "docs/document.h"
#include "services/item.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// 「{agency}政务服务事项进驻大厅负面清单」 and 「{agency}“跨省通办”事项清单」.
std::string NegativeListTitle(const std::string& agency);
std::string CrossProvinceListTitle(const std::string& agency);

// 序号, 事项名称, 事项编码, 实施机关, 事项类型, 不进驻原因, 说明, 办理地点; one header row.
DocTable NegativeListTable(const std::vector<ServiceItem>& items);

// 序号, 事项名称, 事项编码, 实施机关, then 全程网办 / 异地代收代办 / 多地联办 marked 「√」; two
// header rows (办理模式 spans the three); a section row 「一、个人事项（N项）」 before the
// individuals and 「二、法人事项（N项）」 before the legal persons, numbered afresh in each.
DocTable CrossProvinceTable(const std::vector<ServiceItem>& items);

// The workbooks, titled as above with 「（截至{as_of}）」 under the title. Internal error when
// libxlsxwriter fails.
Result<std::string> NegativeListXlsx(const std::string& agency,
                                     const std::vector<ServiceItem>& items, Date as_of);
Result<std::string> CrossProvinceListXlsx(const std::string& agency,
                                          const std::vector<ServiceItem>& items, Date as_of);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_SERVICE_LISTS_H_
