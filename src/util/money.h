// Money typed by a person, read strictly into integer fen (分): the one parser of amounts in 元
// for the web forms, the CLI and the imports (stored amounts are integer fen already). No
// floating point anywhere, so "0.1 + 0.2" problems, `nan`, `inf`, hex floats and exponents
// cannot reach a stored amount. A pure function; safe from any thread.

#ifndef GONGKAI_UTIL_MONEY_H_
#define GONGKAI_UTIL_MONEY_H_

#include <cstdint>
#include <string_view>

#include "util/status.h"

namespace gongkai {

// 1,000,000,000 元: above any fee or yearly fee total an office collects, far below int64.
inline constexpr std::int64_t kMaxAmountFen = 100'000'000'000;

// Reads "100", "100.5", "100.50" (ASCII digits, at most two decimals, optional surrounding
// spaces) as fen. REQUIRES: 0 <= min_fen <= max_fen <= kMaxAmountFen. Returns kInvalidInput in
// Chinese, quoting the text, for anything else — a sign, grouping, an exponent, hex, `nan`, more
// than two decimals, full-width digits — and for an amount outside [min_fen, max_fen].
Result<std::int64_t> ParseYuanAsFen(std::string_view text, std::int64_t min_fen = 0,
                                    std::int64_t max_fen = kMaxAmountFen);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_MONEY_H_
