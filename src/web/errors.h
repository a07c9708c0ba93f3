// The one mapping from a Status to an HTTP answer, used by every handler: the user's mistake is
// 422 with the store's message, a lookup that found nothing 404, a step the situation forbids
// 409, a role that may not 403, and our bug 500 — logged (escaped, see util/log_text.h) and never
// shown. Also the catch-all answer for an exception of any type. Functions; thread-safe.

#ifndef GONGKAI_WEB_ERRORS_H_
#define GONGKAI_WEB_ERRORS_H_

#include <exception>
#include <string>
#include <string_view>

#include "util/status.h"
#include "web/http.h"

namespace gongkai::web {

// The HTTP status for a Status: kOk 200, kInvalidInput 422, kNotFound 404, kConflict 409,
// kPermissionDenied 403, kInternal 500.
int HttpStatusFor(const Status& s);

// The page for a refused request. REQUIRES: !s.ok(). kNotFound is the plain 404 page; kInternal
// is logged as "`context`: message" and answered with the 500 page; any other code is an
// ErrorPage with HttpStatusFor(s), `title` and the Status's message.
Response StatusPage(const Status& s, std::string_view title, std::string_view context);

// The 500 answer for a failure that is ours whatever its Status code (a template that does not
// render, a file that cannot be saved, a stored row that cannot be read back): logs
// "`context`: message" escaped (EscapeForLog), never shows it. REQUIRES: !s.ok().
Response InternalFailure(const Status& s, std::string_view context);
// The log line of InternalFailure alone, for an answer in another form (the JSON API's).
void LogInternalFailure(const Status& s, std::string_view context);

// True when the Status is the user's or the situation's (a handler may show its message on its
// own page with HttpStatusFor(s)); false for kNotFound and kInternal, which go to StatusPage.
bool ShowsOnPage(const Status& s);

// The 500 answer for an exception of any type that reached the handler or connection boundary:
// logs `where`, the request's method and path (PathForLog, never the body or the query, which
// may hold personal data) and what() when it is a std::exception.
Response UncaughtException(std::string_view where, const Request& request,
                           std::exception_ptr error);

// A request path fit for the log: the set-up token of /setup/<token> replaced by "…", control
// characters and bytes that are not UTF-8 escaped (EscapeForLog).
std::string PathForLog(std::string_view path);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_ERRORS_H_
