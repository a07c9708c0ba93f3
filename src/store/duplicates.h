// Likely duplicate applications: the same applicant asking the same thing again within a short
// period — typically a form sent twice from two browsers, or by post and online. They are only
// flagged to the clerk (the case page names the other case); nothing is merged or closed
// automatically: the law lets the office answer a repeated application as 不予处理·重复申请
// (not_processed.repeat), which is the clerk's decision.
//
// Same applicant: the same identity document number, or, without one, the same name and phone,
// as the applicants' records (store/applicant_records.h) hold them now: an erased record matches
// nothing, a corrected one matches by its corrected data.
// Same request: the requested items equal after NFKC folding with whitespace and punctuation
// removed (so "2024年 老旧小区改造。" matches "2024年老旧小区改造"). Stateless; thread safety is
// the Database's.

#ifndef GONGKAI_STORE_DUPLICATES_H_
#define GONGKAI_STORE_DUPLICATES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// How many days apart two applications may be received and still be flagged.
inline constexpr int kDuplicateWindowDays = 30;

struct LikelyDuplicate {
  std::string number;
  Date received;
};

// The request text as compared: NFKC, then letters, digits and Han characters only.
std::string NormalizedRequest(std::string_view text);

// The agency's other cases received within `window_days` of case `number`'s receipt (before or
// after) from the same applicant with the same request, oldest first. kNotFound when there is
// no case `number`.
Result<std::vector<LikelyDuplicate>> FindLikelyDuplicates(Database& db, int64_t agency_id,
                                                          std::string_view number,
                                                          int window_days = kDuplicateWindowDays);

// For each of the agency's cases `numbers`, its oldest likely duplicate (the first that
// FindLikelyDuplicates would return), found with one query for all of them: the queue flags a
// page of cases at once. A number without a duplicate, or with no such case, is absent.
Result<std::map<std::string, LikelyDuplicate>> FirstLikelyDuplicates(
    Database& db, int64_t agency_id, const std::vector<std::string>& numbers,
    int window_days = kDuplicateWindowDays);

}  // namespace gongkai

#endif  // GONGKAI_STORE_DUPLICATES_H_
