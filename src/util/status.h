// A Status says whether an operation succeeded and, when it did not, why, in words fit for the
// person who has to act on it. Modelled on leveldb::Status, split the way DuckDB splits its
// errors: kInvalidInput is the user's mistake (the message says what was wrong, where — file:line,
// field, row/column — and what to do); kNotFound is a lookup that found nothing; kInternal is our
// bug. Result<T> carries a value or a non-OK Status. Both are plain values: copy them freely.

#ifndef GONGKAI_UTIL_STATUS_H_
#define GONGKAI_UTIL_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace gongkai {

class Status {
 public:
  enum class Code { kOk, kInvalidInput, kNotFound, kConflict, kPermissionDenied, kInternal };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  // A request that contradicts what is already stored (a second extension, a locked report).
  static Status Conflict(std::string msg) { return Status(Code::kConflict, std::move(msg)); }
  static Status PermissionDenied(std::string msg) {
    return Status(Code::kPermissionDenied, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message starts with `where` (e.g. "2024.cal:12: "), for callers that
  // know the location an inner function did not.
  Status WithContext(const std::string& where) const {
    if (ok()) return *this;
    return Status(code_, where + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  // REQUIRES: !ok().
  const Status& status() const { return std::get<Status>(v_); }
  // REQUIRES: ok().
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace gongkai

#endif  // GONGKAI_UTIL_STATUS_H_
