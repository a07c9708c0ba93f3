// 索引号 (../shared/spec/proactive.md §2): unique within the agency, never reused, assigned at
// publication. No national format exists; the default (design) is
// `{credit_code}/{year}-{seq:05}` (e.g. `11441700007280420Y/2021-00050`), configurable per
// agency. A pattern is text with placeholders: `{credit_code}` (统一社会信用代码), `{year}`
// (the year of publication), `{seq}` or `{seq:0N}` (the agency's running number for that year,
// zero-padded to N digits, N ≤ 9). The store keeps the counter; this file only formats. Pure.

#ifndef GONGKAI_PUBLICATIONS_INDEX_NO_H_
#define GONGKAI_PUBLICATIONS_INDEX_NO_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace gongkai {

constexpr std::string_view kDefaultIndexNoPattern = "{credit_code}/{year}-{seq:05}";

// OK when `pattern` uses only the placeholders above, has `{seq}` exactly once (else numbers
// could repeat) and `{year}` at most once. kInvalidInput naming the bad placeholder otherwise.
Status CheckIndexNoPattern(std::string_view pattern);

// The 索引号 of running number `seq` (≥ 1) in `year`. REQUIRES: CheckIndexNoPattern(pattern).
std::string FormatIndexNo(std::string_view pattern, std::string_view credit_code, int year,
                          int64_t seq);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_INDEX_NO_H_
