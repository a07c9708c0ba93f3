// The Art. 26 clock of an item of information. 《政府信息公开条例》第二十六条：属于主动公开范围的
// 政府信息，应当自该政府信息形成或者变更之日起20个工作日内，及时予以公开。
//
// Counting convention: the same engine and settings as a case's reply period
// (calendar/deadline.h ExplainWorkingDays, DeadlineSettings::start_day_is_day_zero): by default
// the day the information is formed (`created`) or changed (`changed`, when set: a change
// restarts the clock, spec §1) is day 0 and the due date is the 20th working day after it.
// Settled points: an item published on its due date is on time; one published after it is late
// (迟延公开); an unpublished item is overdue (逾期未公开) from the day after its due date. A
// change dated after the publication starts a new period only for the change, so an item whose
// `changed` is later than `published` counts as not yet published for the change and is judged
// on the change's due date. Pure: the calendar, the settings and `as_of` are passed in.

#ifndef GONGKAI_PUBLICATIONS_CLOCK_H_
#define GONGKAI_PUBLICATIONS_CLOCK_H_

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "publications/item.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// Art. 26: working days from formation or change to publication.
constexpr int kPublicationWorkingDays = 20;

struct PublicationClock {
  Date start;                // `changed` when set, else `created`
  bool from_change = false;  // the clock runs from `changed`
  Date due;                  // the last day to publish
  bool may_change = false;   // the due date lies where the calendar may still change
  bool published = false;    // published for the current version (see the header)
  bool late = false;         // published after `due`
  bool overdue = false;      // not published and `as_of` is after `due`
  // Working days from `as_of` to `due` while unpublished (CountWorkingDays; ≤ 0 when overdue);
  // 0 once published.
  int working_days_left = 0;
  std::vector<std::string> explanation;  // Chinese, one step per line, as for a case's deadline
};

// The clock of `item` as of `as_of`. Error (from the calendar) naming the year when the due
// date or `as_of` falls outside the loaded notices.
Result<PublicationClock> ComputePublicationClock(const Publication& item, const Calendar& calendar,
                                                 const DeadlineSettings& settings, Date as_of);

struct DueItem {
  std::size_t index = 0;  // into the items passed in
  PublicationClock clock;
};

// What must be published, as of `as_of`: every unpublished item, overdue ones first, then by
// due date. `soon_working_days`: an item is "due soon" when at most this many working days are
// left (DueList::due_soon), the rest are listed in `later`.
struct DueList {
  std::vector<DueItem> overdue;
  std::vector<DueItem> due_soon;
  std::vector<DueItem> later;
};
Result<DueList> ListDue(std::span<const Publication> items, const Calendar& calendar,
                        const DeadlineSettings& settings, Date as_of, int soon_working_days = 5);

// The year's late count: items whose publication date is in `year` and after their due date.
Result<int> CountLatePublications(std::span<const Publication> items, int year,
                                  const Calendar& calendar, const DeadlineSettings& settings);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_CLOCK_H_
