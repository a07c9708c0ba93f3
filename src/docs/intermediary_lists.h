// The 中介服务事项清单 and the 中介服务机构名录 as offices publish them (spec services.md §5): a
// DocTable each (for the page and the spreadsheet alike) and an XLSX workbook. The list gives
// 序号, 中介服务事项名称, 编码, 涉及的审批事项, 实施部门, 设定依据, 时限, 收费性质及标准, 备注;
// the directory 序号, 机构名称, 统一社会信用代码, 资质 (名称、证书编号、等级), 有效期 (an expired
// one marked 「已过期」 on the list's date), 可提供的中介服务, 收费标准, 联系电话, 办公地址. The
// caller passes the entries in force (store/intermediaries.h IntermediaryListsAt) and the names of
// the approval items and services they name; pure functions.

#ifndef GONGKAI_DOCS_INTERMEDIARY_LISTS_H_
#define GONGKAI_DOCS_INTERMEDIARY_LISTS_H_

#include <map>
#include <string>
#include <vector>

#include "docs/document.h"
#include "services/intermediary.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// code → name, for the approval items or the intermediary services an entry names.
using NameIndex = std::map<std::string, std::string, std::less<>>;

// 「{agency}行政审批中介服务事项清单」 and 「{agency}中介服务机构名录」.
std::string IntermediaryListTitle(const std::string& agency);
std::string InstitutionDirectoryTitle(const std::string& agency);

// 「名称（编码）」 for each code, the bare code when the name is unknown; joined by 「；」.
std::string NamedCodes(const std::vector<std::string>& codes, const NameIndex& names);
// Each clause as 「《文件全称》（文号）条款」, joined by 「；」; 「无」 when none.
std::string BasisText(const std::vector<ServiceBasis>& basis);
// 「2022年1月1日至2025年12月31日」, 「长期」 without an end, and 「（已过期）」 when expired on
// `as_of`.
std::string ValidityText(const Qualification& q, Date as_of);

DocTable IntermediaryListTable(const std::vector<IntermediaryService>& services,
                               const NameIndex& items);
DocTable InstitutionDirectoryTable(const std::vector<Institution>& institutions,
                                   const NameIndex& services, Date as_of);

// The workbooks, titled as above with 「（截至{as_of}）」. Internal error when libxlsxwriter fails.
Result<std::string> IntermediaryListXlsx(const std::string& agency,
                                         const std::vector<IntermediaryService>& services,
                                         const NameIndex& items, Date as_of);
Result<std::string> InstitutionDirectoryXlsx(const std::string& agency,
                                             const std::vector<Institution>& institutions,
                                             const NameIndex& services, Date as_of);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_INTERMEDIARY_LISTS_H_
