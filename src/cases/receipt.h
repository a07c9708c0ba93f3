// The facts of an application's receipt (申请接收回执, Art. 31, 33), built once and printed by the
// receipt page, the receipt notice (PDF/DOCX) and the receipt message sent to the applicant, so
// the three never disagree: the case number, the query code (known only at registration: the
// register keeps its hash), the legal receipt date, and the reply deadline with the sentence
// that explains how it was counted. Pure; no clock.

#ifndef GONGKAI_CASES_RECEIPT_H_
#define GONGKAI_CASES_RECEIPT_H_

#include <optional>
#include <string>

#include "calendar/deadline.h"
#include "util/date.h"

namespace gongkai {

struct ReceiptFacts {
  std::string case_number;
  std::optional<std::string> query_code;  // nullopt once it can no longer be shown
  Date received;                          // the legal receipt date (Art. 31)
  std::optional<Date> reply_due;          // nullopt while the clock does not run
  // One sentence: the period, the counting convention, the date, and that an extension is
  // announced in writing.
  std::string due_explanation;
};

// The receipt of case `number` received (legally) on `received`, whose reply is due on
// `reply_due` under `settings`.
ReceiptFacts BuildReceipt(std::string number, std::optional<std::string> query_code, Date received,
                          std::optional<Date> reply_due, const DeadlineSettings& settings);

}  // namespace gongkai

#endif  // GONGKAI_CASES_RECEIPT_H_
