// The public pages of the 中介服务事项清单 and the 中介服务机构名录 (spec services.md §5), mobile
// first like the negative list: each list as in force today with its XLSX download laid out as
// offices publish it; the directory shows each qualification's validity, an expired one marked,
// and can be narrowed to the institutions providing one service. Every page says that the
// applicant chooses the institution freely and the agency may not designate one (优化营商环境条例
// Art. 43). Also the intermediary section of a guide page (web/service_pages.h). Read only.

#ifndef GONGKAI_WEB_INTERMEDIARY_PAGES_H_
#define GONGKAI_WEB_INTERMEDIARY_PAGES_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "web/app.h"
#include "web/views.h"

namespace gongkai::web {

// GET /services/{agency}/intermediaries and …/intermediaries.xlsx
Response IntermediaryListPage(RequestContext& ctx, const Request& req);
Response IntermediaryListDownload(RequestContext& ctx, const Request& req);
// GET /services/{agency}/institutions[?service=CODE] and …/institutions.xlsx
Response InstitutionDirectoryPage(RequestContext& ctx, const Request& req);
Response InstitutionDirectoryDownload(RequestContext& ctx, const Request& req);

// The guide's section on the intermediary services the approval item `item_code` needs today:
// {services: [{name, code, time_limit, fee, basis, directory_href}], list_href, directory_href,
// free_choice}; nullopt when it needs none (or the lists cannot be read: the guide is still
// served without the section).
std::optional<View> IntermediarySectionOfGuide(RequestContext& ctx, int64_t agency_id,
                                               std::string_view item_code);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_INTERMEDIARY_PAGES_H_
