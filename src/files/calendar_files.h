// Reading the repository's data files from disk: the one layer below store/web/cli that may touch
// the file system for calendar data. LoadCalendar reads the national notices
// (<data>/calendar/national/*.cal) and, for a region, its local calendar
// (<data>/calendar/local/<region>/*.cal), and builds a Calendar; every error names the file.
// Stateless functions; safe to call from any thread.

#ifndef GONGKAI_FILES_CALENDAR_FILES_H_
#define GONGKAI_FILES_CALENDAR_FILES_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.h"
#include "util/status.h"

namespace gongkai {

// Returns the data directory: $GONGKAI_DATA_DIR when set and non-empty, else the compiled-in
// repository's data/ (GONGKAI_SOURCE_DIR "/data").
std::filesystem::path DefaultDataDir();

// Returns the whole file as bytes. kNotFound naming the path when it does not exist,
// kInvalidInput when it is not a regular file or cannot be read.
Result<std::string> ReadFile(const std::filesystem::path& path);

// Returns the region directories under <data_dir>/calendar/local, sorted (e.g. {"hubei"}).
// Empty when there are none.
std::vector<std::string> ListRegions(const std::filesystem::path& data_dir);

// Loads every <data_dir>/calendar/national/*.cal and, when `region` is not empty, every
// <data_dir>/calendar/local/<region>/*.cal, and builds the Calendar. Files are read in name
// order; messages name files relative to data_dir (e.g. "calendar/national/2024.cal:12: …").
// Errors: the national directory missing or empty, an unknown region (the message lists the
// known ones), any parse or build error of Calendar.
Result<Calendar> LoadCalendar(const std::filesystem::path& data_dir, std::string_view region = "");

}  // namespace gongkai

#endif  // GONGKAI_FILES_CALENDAR_FILES_H_
