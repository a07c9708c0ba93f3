#include "web/errors.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <new>

#include "util/log_text.h"

namespace gongkai::web {

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
      return 200;
    case Status::Code::kInvalidInput:
      return 422;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kConflict:
      return 409;
    case Status::Code::kPermissionDenied:
      return 403;
    case Status::Code::kInternal:
      return 500;
  }
  return 500;
}

bool ShowsOnPage(const Status& s) {
  return s.code() != Status::Code::kNotFound && s.code() != Status::Code::kInternal &&
         s.code() != Status::Code::kOk;
}

void LogInternalFailure(const Status& s, std::string_view context) {
  spdlog::error("{}: {}", context, EscapeForLog(s.message()));
}

Response InternalFailure(const Status& s, std::string_view context) {
  LogInternalFailure(s, context);
  return InternalError();
}

Response StatusPage(const Status& s, std::string_view title, std::string_view context) {
  if (s.code() == Status::Code::kNotFound) return NotFound();
  if (!ShowsOnPage(s)) return InternalFailure(s, context);
  if (s.code() == Status::Code::kPermissionDenied) {
    return ErrorPage(403, "无权执行此操作", s.message());
  }
  return ErrorPage(HttpStatusFor(s), title, s.message());
}

Response UncaughtException(std::string_view where, const Request& request,
                           std::exception_ptr error) {
  std::string what = "an exception that is not a std::exception";
  try {
    if (error) std::rethrow_exception(error);
  } catch (const std::bad_alloc&) {
    what = "out of memory (std::bad_alloc)";
  } catch (const std::exception& e) {
    what = EscapeForLog(e.what());
  } catch (...) {
  }
  try {
    spdlog::error("{}: {} {}: {}", where, MethodName(request.method), PathForLog(request.path),
                  what);
  } catch (...) {  // the log itself failed (e.g. out of memory): the answer still goes out
  }
  return InternalError();
}

std::string PathForLog(std::string_view path) {
  static constexpr std::string_view kSetup = "/setup/";
  if (path.starts_with(kSetup) && path.size() > kSetup.size()) return "/setup/…";
  return EscapeForLog(path);
}

}  // namespace gongkai::web
