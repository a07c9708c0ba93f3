// The information processing fee (信息处理费) of 国办函〔2020〕109号 (in force 2021-01-01, law.md
// §5): what an agency may charge when an applicant's applications clearly exceed a reasonable
// number or frequency. Two progressive (超额累进) schedules; per application the agency picks one,
// never both. Amounts are integer fen (分). Each quote lists its bands in Chinese so the fee notice
// (收费通知书) can state basis, standard and amount. Pure; safe from any thread.

#ifndef GONGKAI_LAW_FEES_H_
#define GONGKAI_LAW_FEES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "util/status.h"

namespace gongkai {

// How a fee is computed. Keys and labels are in cases/event.h's FeeMethods() table.
enum class FeeMethod { kPerApplication, kPerPage };

// One band of a schedule as applied to a quote.
struct FeeBand {
  int first = 0;             // first unit of the band (application ordinal or page)
  int last = 0;              // last unit of the band that the quote reaches (inclusive)
  int64_t fen_per_unit = 0;  // 0 for the free band
  int units = 0;             // units of the quote in this band
  int64_t subtotal_fen = 0;  // units * fen_per_unit
};

struct FeeQuote {
  FeeMethod method = FeeMethod::kPerApplication;
  int64_t amount_fen = 0;
  std::vector<FeeBand> bands;            // in order, only those the quote reaches
  std::vector<std::string> explanation;  // Chinese: basis, then one line per band, then the sum
};

// 按件: the fee for the applications numbered first_ordinal … first_ordinal + count − 1 of the
// same applicant in one calendar month (counting every application of that month, cumulative).
// 1–10 free; 11–30 100 元 each; from 31 on, bands of ten, each 100 元 more per application than
// the one before (31–40 200 元, 41–50 300 元, …). REQUIRES nothing: an ordinal below 1 or a
// negative count is kInvalidInput saying so.
Result<FeeQuote> PerApplicationFee(int first_ordinal, int count = 1);

// 按量: the fee for `pages` pages (paper, e-mail or copied electronic data), marginal: 1–30
// free, 31–100 10 元/page, 101–200 20 元/page, 201 and above 40 元/page. Negative pages is
// kInvalidInput.
Result<FeeQuote> PerPageFee(int pages);

}  // namespace gongkai

#endif  // GONGKAI_LAW_FEES_H_
