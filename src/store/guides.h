// The disclosure guides (政府信息公开指南, publications/guide.h) of each agency, as versions: every
// save of the office's editor is a new version, numbered 1, 2, … per agency, with who saved it and
// when; publishing a version records who published it and when, and the public sees the newest
// published version. Publication is refused while any Art. 12 element is missing. Old versions
// stay: the trace of what the public was shown, and when.
//
// Plain functions over a Database; thread safety is the Database's.

#ifndef GONGKAI_STORE_GUIDES_H_
#define GONGKAI_STORE_GUIDES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "publications/guide.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct GuideVersion {
  int64_t agency_id = 0;
  int version = 0;  // 1, 2, … per agency
  DisclosureGuide guide;
  std::string saved_by;
  std::string saved_at;              // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string published_by;          // empty while not published
  std::string published_at;          // UTC; empty while not published
  std::optional<Date> published_on;  // published_at's date in Asia/Shanghai

  bool published() const { return !published_at.empty(); }
};

// Stores `guide` as the agency's next version (unpublished) saved by `user`. kInvalidInput when
// an element is longer than kMaxGuideElementChars; kNotFound when the agency does not exist.
Result<GuideVersion> SaveGuide(Database& db, int64_t agency_id, const DisclosureGuide& guide,
                               const std::string& user);

// Publishes version `version` as `user`. kInvalidInput listing every missing Art. 12 element
// (CheckGuidePublishable); kNotFound when there is no such version; kConflict when it is
// already published or a newer version has been published since.
Result<GuideVersion> PublishGuide(Database& db, int64_t agency_id, int version,
                                  const std::string& user);

// The newest published version, or nullopt when none has been published.
Result<std::optional<GuideVersion>> PublishedGuide(Database& db, int64_t agency_id);

// The newest version, published or not, or nullopt when none was ever saved.
Result<std::optional<GuideVersion>> LatestGuide(Database& db, int64_t agency_id);

// The reminders of publications/guide.h's GuideReminders for the agency's stored guides on `today`.
Result<std::vector<std::string>> StoredGuideReminders(Database& db, int64_t agency_id, Date today);

}  // namespace gongkai

#endif  // GONGKAI_STORE_GUIDES_H_
