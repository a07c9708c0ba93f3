// ReportCache keeps the register report of each (agency, year) the web pages built, with the
// register stamp it was built at (store/register_stamp.h), so a report page costs one stamp
// read instead of a fold of the whole register (seconds at 100,000 cases). A lookup with a
// different stamp rebuilds: the caller reads the stamp before building, so any change to the
// register is seen by the next request and no stale report is served. Concurrent requests for
// the same (agency, year, stamp) share one build. Errors are passed to every waiter and never
// kept. At most `capacity` reports are kept; the least recently used goes first.
//
// Thread-safe: every method may be called from any thread.

#ifndef GONGKAI_WEB_REPORT_CACHE_H_
#define GONGKAI_WEB_REPORT_CACHE_H_

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "cases/annual.h"
#include "store/register_stamp.h"
#include "util/status.h"

namespace gongkai::web {

class ReportCache {
 public:
  // Reports kept by default: every year listed for a few hundred agencies.
  static constexpr size_t kDefaultCapacity = 1024;

  explicit ReportCache(size_t capacity = kDefaultCapacity);
  ReportCache(const ReportCache&) = delete;
  ReportCache& operator=(const ReportCache&) = delete;

  using Builder = std::function<Result<AnnualReport>()>;
  using Shared = std::shared_ptr<const AnnualReport>;

  // The report of (agency_id, year) as built at `stamp`: the kept one when it was built at the
  // same stamp (or is being built by another thread, which this call then waits for), else the
  // result of `build()`, kept in place of the old one. `build`'s error is returned as is.
  // REQUIRES: `stamp` was read before `build` reads the register.
  Result<Shared> Get(int64_t agency_id, int year, const RegisterStamp& stamp, const Builder& build);

  // How many times Get has called a builder (for tests and the log).
  uint64_t builds() const;

 private:
  using Key = std::pair<int64_t, int>;
  struct Entry {
    RegisterStamp stamp;
    std::shared_future<Result<Shared>> report;
    uint64_t build = 0;  // which Get started the build, so only it may drop a failed one
    uint64_t last_used = 0;
  };

  // Drops the least recently used entries until one more fits. REQUIRES: mu_ held.
  void MakeRoomLocked();

  // Constant after construction.
  const size_t capacity_;

  // Protected by mu_.
  mutable std::mutex mu_;
  std::map<Key, Entry> entries_;
  uint64_t clock_ = 0;
  uint64_t builds_ = 0;
};

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_REPORT_CACHE_H_
