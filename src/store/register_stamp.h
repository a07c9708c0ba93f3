// A register stamp says whether anything a year's register report is built from
// (store/report_store.h BuildRegisterReport) may have changed: two reads that give the same
// stamp saw the same inputs, so a report built after the first read is still the report. It
// covers the agency's case events (append-only; every new event or case import bumps the
// agency's register_version in the same transaction), its publications register with the 规章
// and 行政规范性文件 (every write bumps register_version too), the agency's row (name, kind,
// calendar region, settings), and the year's decision counts and fees. It does not cover report
// versions (read fresh by the pages) nor rows changed behind the store's back (a tampered event
// keeps the version; `gongkai audit verify` finds those).
//
// Read a stamp BEFORE building: a change landing between the two then makes the next stamp
// differ, so a cache keyed by it rebuilds instead of serving a stale report.

#ifndef GONGKAI_STORE_REGISTER_STAMP_H_
#define GONGKAI_STORE_REGISTER_STAMP_H_

#include <cstdint>
#include <string>

#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// An opaque value; compare with ==.
struct RegisterStamp {
  std::string value;

  bool operator==(const RegisterStamp&) const = default;
};

// The stamp of `agency_id`'s register for report year `year`, read in one transaction.
// kNotFound for an unknown agency.
Result<RegisterStamp> ReadRegisterStamp(Database& db, int64_t agency_id, int year);

}  // namespace gongkai

#endif  // GONGKAI_STORE_REGISTER_STAMP_H_
