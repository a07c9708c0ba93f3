// The office's view of the outbox (store/outbox.h): every message of an agency — or of one case
// (?case=N) — with its kind, channel, masked recipient, state (待发送, 已发送, 发送失败), attempts,
// the last error and the next retry, and which channels this server cannot send (their messages
// stay queued). A failed message can be put back in the queue. Bodies are never shown: a
// receipt's carries the query code.

#ifndef GONGKAI_WEB_MESSAGE_PAGES_H_
#define GONGKAI_WEB_MESSAGE_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// GET /office/a/{agency}/messages[?case=N]
Response OfficeMessages(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/messages/{id}/retry
Response OfficeMessageRetry(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_MESSAGE_PAGES_H_
