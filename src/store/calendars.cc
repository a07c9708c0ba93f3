#include "store/calendars.h"

#include "files/calendar_files.h"

namespace gongkai {

Calendars::Calendars(std::filesystem::path data_dir)
    : data_dir_(data_dir.empty() ? DefaultDataDir() : std::move(data_dir)) {}

Calendars::Calendars(Calendar calendar) : fixed_(std::make_unique<Calendar>(std::move(calendar))) {}

Result<const Calendar*> Calendars::ForRegion(std::string_view region) {
  if (fixed_) return fixed_.get();
  std::lock_guard lock(mu_);
  if (auto it = loaded_.find(region); it != loaded_.end()) return it->second.get();
  auto calendar = LoadCalendar(data_dir_, region);
  if (!calendar.ok()) return calendar.status();
  auto [it, inserted] =
      loaded_.emplace(std::string(region), std::make_unique<Calendar>(std::move(calendar).value()));
  return it->second.get();
}

}  // namespace gongkai
