// The notices (告知书) a case has called for so far, read from its events: the receipt always,
// a 补正告知书 for each correction request, a 延期答复告知书 for each approved extension, and the
// reply its answer's outcome calls for (docs/notice.h ReplyFor). Each comes with the fields the
// register knows (applicant, receipt date, request, deadlines, and the answer's legal basis,
// reasons and access — see AnswerTexts); what it does not hold makes NoticeDocument refuse with
// the missing fields named. Pure functions of the case: no I/O, no clock.

#ifndef GONGKAI_WEB_CASE_NOTICES_H_
#define GONGKAI_WEB_CASE_NOTICES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "docs/notice.h"
#include "store/case_store.h"

namespace gongkai::web {

// The texts of a decision that its notice prints and the case-events format does not define:
// kept in the event's extra fields (case-events.md: unknown fields are kept, exported and
// hashed with the event). An `answered` event may carry all three, an `extension_approved`
// event its reasons. DO NOT CHANGE the keys: stored in case events.
inline constexpr std::string_view kLegalBasisKey = "legal_basis";  // 法律依据
inline constexpr std::string_view kReasonsKey = "reasons";         // 理由
inline constexpr std::string_view kAccessKey = "access";  // 获取信息的方式、途径和时间
// The longest text accepted for each of them, in characters.
inline constexpr int kMaxDecisionTextChars = 2000;

struct AnswerTexts {
  std::string legal_basis;
  std::string reasons;
  std::string access;
};

// The stored text under `key` (one of the keys above); "" when absent.
std::string DecisionText(const Event& e, std::string_view key);

// Stores the non-empty texts (trimmed) on `event` under the keys above. REQUIRES: event.type is
// answered (with its outcome) or extension_approved. Returns kInvalidInput naming the field by
// its Chinese label when a text is longer than kMaxDecisionTextChars, or, for an answer whose
// reply refuses or withholds information (不予公开, 部分公开, 不予处理, 无法提供: the replies
// whose notice must state reasons or a legal basis), when a field that notice requires is
// empty — so the reply can be printed.
Status SetDecisionTexts(Event& event, const AnswerTexts& texts);

struct IssuedNotice {
  NoticeKind kind;
  Date issued;  // the date of the event that called for it
  int seq = 0;  // that event's number within the case (1, 2, …), to tell repeats apart
};

// In the order of the events. Outcomes without a reply of their own (e.g. a withdrawal) add none.
std::vector<IssuedNotice> IssuedNotices(const CaseDetail& c);

// The notice `n` of case `c`, issued by `agency_name`: the fields for NoticeDocument.
// The receipt's date, deadline and explanation are BuildReceipt's (cases/receipt.h), as on the
// receipt page and in the receipt message.
NoticeFields NoticeFieldsFor(const CaseDetail& c, const std::string& agency_name,
                             const IssuedNotice& n,
                             const DeadlineSettings& settings = DeadlineSettings{});

// The notice called for by the case's event number `seq`, if that event called for one.
std::optional<IssuedNotice> FindIssued(const CaseDetail& c, int seq);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_CASE_NOTICES_H_
