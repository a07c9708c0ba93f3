// The notices (告知书) a case has called for so far, read from its events: the receipt always,
// a 补正告知书 for each correction request, a 延期答复告知书 for each approved extension, and the
// reply its answer's outcome calls for (docs/notice.h ReplyFor). Each comes with the fields the
// register knows (applicant, receipt date, request, deadlines, the answer's note as reasons and
// access); what it does not hold makes NoticeDocument refuse with the missing fields named.
// Pure functions of the case: no I/O, no clock.

#ifndef GONGKAI_WEB_CASE_NOTICES_H_
#define GONGKAI_WEB_CASE_NOTICES_H_

#include <optional>
#include <string>
#include <vector>

#include "docs/notice.h"
#include "store/case_store.h"

namespace gongkai::web {

struct IssuedNotice {
  NoticeKind kind;
  Date issued;  // the date of the event that called for it
  int seq = 0;  // that event's number within the case (1, 2, …), to tell repeats apart
};

// In the order of the events. Outcomes without a reply of their own (e.g. a withdrawal) add none.
std::vector<IssuedNotice> IssuedNotices(const CaseDetail& c);

// The notice `n` of case `c`, issued by `agency_name`: the fields for NoticeDocument.
NoticeFields NoticeFieldsFor(const CaseDetail& c, const std::string& agency_name,
                             const IssuedNotice& n);

// The notice called for by the case's event number `seq`, if that event called for one.
std::optional<IssuedNotice> FindIssued(const CaseDetail& c, int seq);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_CASE_NOTICES_H_
