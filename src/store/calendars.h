// Calendars hands out the working-day calendar of a region (the national notices plus the
// region's local calendar; "" = national only), loading each from the data directory
// (files/calendar_files.h) the first time it is asked for and keeping it. Safe to share across
// threads: loads are under a lock, and a Calendar, once loaded, is immutable and never moves.

#ifndef GONGKAI_STORE_CALENDARS_H_
#define GONGKAI_STORE_CALENDARS_H_

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "calendar/calendar.h"
#include "util/status.h"

namespace gongkai {

class Calendars {
 public:
  // Loads from `data_dir` (files/calendar_files.h DefaultDataDir() when empty).
  explicit Calendars(std::filesystem::path data_dir = {});
  // Answers every region with `calendar` (tests, benchmarks).
  explicit Calendars(Calendar calendar);

  // The calendar of `region`. The loader's error (naming the file, or listing the known
  // regions) when it cannot be loaded.
  Result<const Calendar*> ForRegion(std::string_view region);

 private:
  // Constant after construction.
  std::filesystem::path data_dir_;
  std::unique_ptr<Calendar> fixed_;

  // Protected by mu_.
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Calendar>, std::less<>> loaded_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_CALENDARS_H_
