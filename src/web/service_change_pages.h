// The office's pages for dynamic management of the service catalogue (services.md §3; the store's
// workflow is store/services.h): /office/a/{agency}/service-changes lists the agency's changes
// and holds the drafting form — kind (新增, 变更, 暂停/恢复, 取消, 下放/承接, 认领), code, 原因,
// 依据, 生效日期, the counterpart or successor, and for the kinds that carry one the item after
// the change as one catalogue JSON line (the format `gongkai services change draft --item`
// reads; "载入当前内容" fills it with the item in force for a 变更). 「预览」 shows the field-level
// before/after without saving; a refused form comes back with everything typed and the reasons.
// /office/a/{agency}/service-changes/{id} shows one change with its diff and each step (who,
// when), the head's rejection reason for the clerk, and the buttons the caller's role allows.
//
// Who may do what is decided once, in store/permissions.h: the buttons ask Allows, and the
// store's workflow functions (which the CLI calls too) Authorize every step; the route table's
// gate only keeps supervisors' reads from posting.

#ifndef GONGKAI_WEB_SERVICE_CHANGE_PAGES_H_
#define GONGKAI_WEB_SERVICE_CHANGE_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// GET /office/a/{agency}/service-changes[?kind=…&code=…]: the list and the drafting form
// (prefilled from the query; for 变更 of a known code, with the current item).
Response ServiceChangesOffice(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/service-changes: action = preview | draft.
Response ServiceChangeDraftSubmit(RequestContext& ctx, const Request& req);
// GET /office/a/{agency}/service-changes/{id}
Response ServiceChangeOffice(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/service-changes/{id}/{approve|reject|withdraw|publish}; reject and
// withdraw need a `note`.
Response ServiceChangeApprove(RequestContext& ctx, const Request& req);
Response ServiceChangeReject(RequestContext& ctx, const Request& req);
Response ServiceChangeWithdraw(RequestContext& ctx, const Request& req);
Response ServiceChangePublish(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_SERVICE_CHANGE_PAGES_H_
