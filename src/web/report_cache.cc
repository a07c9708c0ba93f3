#include "web/report_cache.h"

#include <exception>
#include <string>

namespace gongkai::web {

ReportCache::ReportCache(size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

uint64_t ReportCache::builds() const {
  std::lock_guard lock(mu_);
  return builds_;
}

void ReportCache::MakeRoomLocked() {
  while (entries_.size() >= capacity_) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.last_used < oldest->second.last_used) oldest = it;
    }
    entries_.erase(oldest);
  }
}

Result<ReportCache::Shared> ReportCache::Get(int64_t agency_id, int year,
                                             const RegisterStamp& stamp, const Builder& build) {
  const Key key{agency_id, year};
  std::promise<Result<Shared>> promise;
  uint64_t build_id = 0;
  {
    std::unique_lock lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.stamp == stamp) {
      it->second.last_used = ++clock_;
      std::shared_future<Result<Shared>> kept = it->second.report;
      lock.unlock();
      return kept.get();  // at once when built; else waits for the thread building it
    }
    if (it == entries_.end()) MakeRoomLocked();
    build_id = ++builds_;
    entries_.insert_or_assign(key, Entry{stamp, promise.get_future().share(), build_id, ++clock_});
  }
  Result<Shared> result = Status::Internal("报告未生成");
  try {
    auto built = build();
    result = built.ok()
                 ? Result<Shared>(std::make_shared<const AnnualReport>(std::move(built).value()))
                 : Result<Shared>(built.status());
  } catch (const std::exception& e) {
    result = Status::Internal(std::string("生成报告时出错：") + e.what());
  }
  if (!result.ok()) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.build == build_id) entries_.erase(it);
  }
  promise.set_value(result);
  return result;
}

}  // namespace gongkai::web
