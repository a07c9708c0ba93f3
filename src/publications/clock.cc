// 《政府信息公开条例》第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起
// 20个工作日内，及时予以公开。法律、法规对政府信息公开的期限另有规定的，从其规定。
//
// The period is counted by calendar/deadline.h ExplainWorkingDays, the engine of a case's reply
// period, so both explanations read alike; the convention and the settled points are in
// clock.h.

#include "publications/clock.h"

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {

Result<PublicationClock> ComputePublicationClock(const Publication& item, const Calendar& calendar,
                                                 const DeadlineSettings& settings, Date as_of) {
  PublicationClock c;
  c.from_change = item.changed.has_value();
  c.start = item.changed.value_or(item.created);
  Result<SimpleDeadline> period =
      ExplainWorkingDays(c.start, kPublicationWorkingDays, calendar, settings);
  if (!period.ok()) return period.status();
  c.due = period->due;
  c.may_change = period->may_change;
  c.explanation.push_back(
      fmt::format("条例第二十六条：自信息{}之日起{}个工作日内主动公开；{}日期为{}",
                  c.from_change ? "变更" : "形成", kPublicationWorkingDays,
                  c.from_change ? "变更" : "生成", FormatDateZh(c.start)));
  for (std::string& line : period->explanation) c.explanation.push_back(std::move(line));
  c.published = item.published && !(item.changed && *item.published < *item.changed);
  if (c.published) {
    c.late = c.due < *item.published;
    Result<int> beyond = calendar.CountWorkingDays(c.due, *item.published);
    if (!beyond.ok()) return beyond.status();
    c.explanation.push_back(c.late
                                ? fmt::format("{}公开，晚于期限 {} 个工作日：迟延公开",
                                              FormatDateZh(*item.published), *beyond)
                                : fmt::format("{}公开，在期限内", FormatDateZh(*item.published)));
    return c;
  }
  if (as_of <= c.due) {
    Result<int> left = calendar.CountWorkingDays(as_of, c.due);
    if (!left.ok()) return left.status();
    c.working_days_left = *left;
    c.explanation.push_back(fmt::format("截至{}尚未公开，距期限还有 {} 个工作日",
                                        FormatDateZh(as_of), c.working_days_left));
  } else {
    Result<int> past = calendar.CountWorkingDays(c.due, as_of);
    if (!past.ok()) return past.status();
    c.working_days_left = -*past;
    c.overdue = true;
    c.explanation.push_back(fmt::format("截至{}尚未公开，已超过期限 {} 个工作日：逾期未公开",
                                        FormatDateZh(as_of), *past));
  }
  return c;
}

Result<DueList> ListDue(std::span<const Publication> items, const Calendar& calendar,
                        const DeadlineSettings& settings, Date as_of, int soon_working_days) {
  DueList out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Result<PublicationClock> c = ComputePublicationClock(items[i], calendar, settings, as_of);
    if (!c.ok()) return c.status().WithContext(fmt::format("“{}”：", items[i].title));
    if (c->published) continue;
    std::vector<DueItem>& list = c->overdue                                  ? out.overdue
                                 : c->working_days_left <= soon_working_days ? out.due_soon
                                                                             : out.later;
    list.push_back(DueItem{i, std::move(c).value()});
  }
  for (auto* list : {&out.overdue, &out.due_soon, &out.later}) {
    std::stable_sort(list->begin(), list->end(),
                     [](const DueItem& a, const DueItem& b) { return a.clock.due < b.clock.due; });
  }
  return out;
}

Result<int> CountLatePublications(std::span<const Publication> items, int year,
                                  const Calendar& calendar, const DeadlineSettings& settings) {
  int late = 0;
  for (const Publication& item : items) {
    if (!item.published || static_cast<int>(item.published->year()) != year) continue;
    Result<PublicationClock> c = ComputePublicationClock(item, calendar, settings, *item.published);
    if (!c.ok()) return c.status().WithContext(fmt::format("“{}”：", item.title));
    if (c->late) ++late;
  }
  return late;
}

}  // namespace gongkai
