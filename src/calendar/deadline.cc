// The deadline engine: 《中华人民共和国政府信息公开条例》 (国务院令第711号).
//
//   第三十条
//   政府信息公开申请内容不明确的，行政机关应当给予指导和释明，并自收到申请之日起7个工作日内一次性
//   告知申请人作出补正……答复期限自行政机关收到补正的申请之日起计算。
//   第三十三条
//   行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。行政机关不能当场答复的，应当
//   自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请
//   人，延长的期限最长不得超过20个工作日。行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。
//   第三十二条、第三十四条 第三方/其他机关自收到征求意见书之日起15个工作日内提出意见。
//   国办函〔2020〕109号 申请人应当自收到收费通知之日的次日起20个工作日内缴费。
//
// Counting convention (law.md §3, design; DeadlineSettings::start_day_is_day_zero):
//   - An event's own day is day 0: the period's first day is the next working day, and the N-th
//     working day after day 0 is the last day (民法典 第二百零一条: 开始的当日不计入). With the
//     setting off, the start day counts as day 1 when it is a working day.
//   - Clock stops (consultation, and an unpaid fee notice when fee_stops_clock): the working days
//     strictly before the day the request/notice is sent are consumed; the sending day through the
//     day the stop ends are not counted; the stop's end day is the new day 0 and the remaining
//     days are counted after it. So a stop that starts and ends the same working day delays the
//     due date by exactly that day, and days consumed before a stop are never counted twice.
//   - Settled disputed points: a consultation stops the clock for at most the consulted party's 15
//     working days, counted from the sending day (the receipt day by the third party is not
//     recorded); a late answer resumes the clock on the 15th day. A stop that begins after the
//     due date has passed does not revive the period. The fee period is 20 working days after the
//     notice date, which is taken as the day the applicant received it. A 补正 restarts the whole
//     20 days from receipt of the supplemented application; stops that ended before that restart
//     are ignored. The extension is added on top of the stop-shifted reply due date, and stops
//     that begin after the original due date but before the extended one shift the extended date.
//   - Steps dated after `as_of` have not happened yet as of that day and are ignored.

#include "calendar/deadline.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace gongkai {
namespace {

constexpr std::string_view kWeekdayZh[] = {"一", "二", "三", "四", "五", "六", "日"};

// "2024年10月8日（星期二）"
std::string Day(Date d) {
  return fmt::format("{}（星期{}）", FormatDateZh(d), kWeekdayZh[IsoWeekday(d) - 1]);
}

// "10月8日", with the year when `d` is not in `year`.
std::string Short(Date d, int year) {
  if (static_cast<int>(d.year()) != year) return FormatDateZh(d);
  return fmt::format("{}月{}日", static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

Date Base(Date d, const DeadlineSettings& s) {
  return s.start_day_is_day_zero ? d : AddDays(d, -1);
}

std::string ConventionLine(Date start, const DeadlineSettings& s) {
  if (s.start_day_is_day_zero) {
    return fmt::format(
        "起算：{}为第0日，当日不计入，自次日起计算（民法典第二百零一条：开始的当日不计入）",
        Day(start));
  }
  return fmt::format("起算：{}为工作日时计为第1日（本机关设置：起算日计入）", Day(start));
}

// Lines naming the rest days skipped and the make-up working days counted in (from, to].
Result<std::vector<std::string>> SpanLines(const Calendar& cal, Date from, Date to) {
  std::vector<std::string> lines;
  if (!(from < to)) return lines;
  Date first = AddDays(from, 1);
  int year = static_cast<int>(to.year());
  int rest_days = 0;
  for (const Calendar::EntryRef& ref : cal.EntriesOverlapping(first, to)) {
    const CalendarEntry& e = *ref.entry;
    Date a = std::max(e.first, first);
    Date b = std::min(e.last, to);
    std::string who = ref.notice->region.empty() ? "" : ref.notice->region + "地方日历：";
    if (e.working) {
      Result<DayInfo> info = cal.Describe(a);
      if (!info.ok()) return info.status();
      if (info->kind != DayKind::kMakeUpWorkday) continue;  // overridden by a local rest day
      lines.push_back(fmt::format("{}{}（星期{}）为{}调休上班日，计为工作日（{}）", who,
                                  Short(a, year), kWeekdayZh[IsoWeekday(a) - 1], e.name, e.notice));
      continue;
    }
    int n = DayNumber(b) - DayNumber(a) + 1;
    rest_days += n;
    if (a == b) {
      lines.push_back(fmt::format("{}跳过{}假期 {}（{}）", who, e.name, Short(a, year), e.notice));
    } else {
      lines.push_back(fmt::format("{}跳过{}假期 {}至{}，共{}天（{}）", who, e.name, Short(a, year),
                                  Short(b, year), n, e.notice));
    }
  }
  Result<int> working = cal.CountWorkingDays(from, to);
  if (!working.ok()) return working.status();
  int weekend = DayNumber(to) - DayNumber(from) - *working - rest_days;
  if (weekend > 0) lines.push_back(fmt::format("跳过周末 {} 天", weekend));
  return lines;
}

// The warning for a computed date the next holiday notice may still move, or nullopt.
std::optional<std::string> ChangeWarning(const Calendar& cal, Date latest) {
  if (!cal.MayChange(latest)) return std::nullopt;
  const int published = cal.last_published_year();
  const int year = static_cast<int>(latest.year());
  if (year > published) {
    return fmt::format(
        "注意：{}年的放假安排尚未发布，{}年的日期按《全国年节及纪念日放假办法》推算（只含法定节日及"
        "其补假，不含调休）；通知发布并载入后期限可能变化，届时请重新计算",
        year, year);
  }
  return fmt::format(
      "注意：{}年的放假安排尚未发布，它可能调整{}年12月下旬的上班日和休息日；通知发布并载入后期限"
      "可能变化，届时请重新计算",
      published + 1, published);
}

Status Append(std::vector<std::string>& out, Result<std::vector<std::string>> lines) {
  if (!lines.ok()) return lines.status();
  for (std::string& l : *lines) out.push_back("  " + std::move(l));
  return Status::Ok();
}

struct StopText {
  std::string_view start;  // what happened on the start day
  std::string_view end;    // what ended it
  std::string_view basis;  // the article
};

StopText TextOf(ClockStop::Reason r) {
  switch (r) {
    case ClockStop::Reason::kThirdPartyConsultation:
      return {"发出征求第三方意见书", "收到第三方意见", "条例第三十二条、第三十三条第三款"};
    case ClockStop::Reason::kCoAuthorConsultation:
      return {"发出征求共同制作机关意见书", "收到共同制作机关意见",
              "条例第三十四条、第三十三条第三款"};
    case ClockStop::Reason::kFeeNotice:
      return {"发出收费通知书", "申请人缴费", "国办函〔2020〕109号"};
  }
  return {"", "", ""};
}

// The steps as they stood on `as_of`, checked for consistency.
Result<CaseSteps> AsOf(const CaseSteps& in, const DeadlineSettings& settings, Date as_of,
                       int* ignored) {
  CaseSteps s = in;
  auto invalid = [](std::string msg) { return Status::InvalidInput(std::move(msg)); };
  Date prev = s.receipt;
  for (size_t i = 0; i < s.corrections.size(); ++i) {
    const CorrectionRound& c = s.corrections[i];
    if (c.requested < prev) {
      return invalid(fmt::format("第{}次补正告知（{}）早于{}（{}）— 检查补正日期", i + 1,
                                 FormatDate(c.requested), i == 0 ? "收到申请" : "上一次收到补正",
                                 FormatDate(prev)));
    }
    if (c.received && *c.received < c.requested) {
      return invalid(fmt::format("第{}次补正：收到补正（{}）早于发出补正告知（{}）— 检查日期",
                                 i + 1, FormatDate(*c.received), FormatDate(c.requested)));
    }
    if (c.deadline && *c.deadline < c.requested) {
      return invalid(fmt::format("第{}次补正：补正期限（{}）早于发出补正告知（{}）— 检查日期",
                                 i + 1, FormatDate(*c.deadline), FormatDate(c.requested)));
    }
    if (!c.received && i + 1 < s.corrections.size()) {
      return invalid(
          fmt::format("第{}次补正尚未收到补正材料，不能再发出第{}次补正告知 — 先登记收到补正的日期",
                      i + 1, i + 2));
    }
    if (c.received) prev = *c.received;
  }
  std::stable_sort(s.stops.begin(), s.stops.end(),
                   [](const ClockStop& a, const ClockStop& b) { return a.start < b.start; });
  for (size_t i = 0; i < s.stops.size(); ++i) {
    const ClockStop& st = s.stops[i];
    if (st.start < s.receipt) {
      return invalid(fmt::format("计算中止（{}，{}）早于收到申请（{}）— 检查日期",
                                 TextOf(st.reason).start, FormatDate(st.start),
                                 FormatDate(s.receipt)));
    }
    if (st.end && *st.end < st.start) {
      return invalid(fmt::format("计算中止的结束日（{}）早于开始日（{}）— 检查日期",
                                 FormatDate(*st.end), FormatDate(st.start)));
    }
    if (i > 0) {
      const ClockStop& p = s.stops[i - 1];
      if (!p.end || st.start < *p.end) {
        return invalid(
            fmt::format("计算中止重叠：{}（{}）开始时，{}（{}）尚未结束 — 中止不能重叠，检查日期",
                        TextOf(st.reason).start, FormatDate(st.start), TextOf(p.reason).start,
                        FormatDate(p.start)));
      }
    }
  }
  if (s.extension_working_days &&
      (*s.extension_working_days <= 0 ||
       *s.extension_working_days > settings.max_extension_working_days)) {
    return invalid(
        fmt::format("延长答复期限 {} 个工作日无效 — 条例第三十三条：延长最长不得超过{}个工作日",
                    *s.extension_working_days, settings.max_extension_working_days));
  }
  if (s.closed && *s.closed < s.receipt) {
    return invalid(fmt::format("办结日（{}）早于收到申请（{}）— 检查日期", FormatDate(*s.closed),
                               FormatDate(s.receipt)));
  }
  if (as_of < s.receipt) {
    return invalid(fmt::format("计算日期（{}）早于收到申请（{}）— 检查 as_of 日期",
                               FormatDate(as_of), FormatDate(s.receipt)));
  }

  // Forget what had not happened yet on as_of.
  *ignored = 0;
  auto later = [&](const std::optional<Date>& d) { return d && as_of < *d; };
  while (!s.corrections.empty() && as_of < s.corrections.back().requested) {
    s.corrections.pop_back();
    ++*ignored;
  }
  for (CorrectionRound& c : s.corrections) {
    if (later(c.received)) c.received.reset(), ++*ignored;
  }
  while (!s.stops.empty() && as_of < s.stops.back().start) {
    s.stops.pop_back();
    ++*ignored;
  }
  for (ClockStop& st : s.stops) {
    if (later(st.end)) st.end.reset(), ++*ignored;
  }
  if (later(s.extension_approved)) {
    s.extension_working_days.reset();
    s.extension_approved.reset();
    ++*ignored;
  }
  if (later(s.closed)) s.closed.reset(), ++*ignored;
  return s;
}

}  // namespace

Result<SimpleDeadline> ExplainWorkingDays(Date start, int working_days, const Calendar& calendar,
                                          const DeadlineSettings& settings) {
  if (working_days < 0) {
    return Status::InvalidInput(
        fmt::format("工作日数不能为负数（{}）— 请给出 0 或正整数", working_days));
  }
  Date base = Base(start, settings);
  Result<Date> due = calendar.AddWorkingDays(base, working_days);
  if (!due.ok()) return due.status();
  SimpleDeadline out{*due, false, {}};
  out.explanation.push_back(ConventionLine(start, settings));
  out.explanation.push_back(fmt::format("期限：{}个工作日", working_days));
  if (Status s = Append(out.explanation, SpanLines(calendar, base, *due)); !s.ok()) return s;
  out.explanation.push_back(fmt::format("届满：{}，即第{}个工作日", Day(*due), working_days));
  if (std::optional<std::string> warning = ChangeWarning(calendar, *due)) {
    out.may_change = true;
    out.explanation.push_back(std::move(*warning));
  }
  return out;
}

namespace {

// One pass over the reply period, appending to `d`. Split from ComputeDeadlines for size.
class Engine {
 public:
  Engine(const Calendar& cal, const DeadlineSettings& settings, Date as_of, Deadlines& d)
      : cal_(cal), set_(settings), as_of_(as_of), d_(d) {}

  void Say(std::string line) { d_.explanation.push_back(std::move(line)); }

  Status Run(const CaseSteps& s);

 private:
  Status Corrections(const CaseSteps& s, Date* clock_start, bool* waiting);
  Status Period(const CaseSteps& s, Date clock_start);
  Status Finish(const CaseSteps& s, Date due);
  void PausedOn(const CaseSteps& s, int frozen, std::string_view why);

  const Calendar& cal_;
  const DeadlineSettings& set_;
  Date as_of_;
  Deadlines& d_;
};

Status Engine::Run(const CaseSteps& s) {
  Result<Date> notice_due =
      cal_.AddWorkingDays(Base(s.receipt, set_), set_.correction_notice_working_days);
  if (!notice_due.ok()) return notice_due.status();
  d_.correction_notice_due = *notice_due;
  Say(fmt::format("收到申请：{}（条例第三十一条规定的收到申请之日）", Day(s.receipt)));
  Say(ConventionLine(s.receipt, set_));
  Say(fmt::format("补正告知期限：{}（条例第三十条：收到申请之日起{}个工作日内一次性告知）",
                  Day(*notice_due), set_.correction_notice_working_days));
  Date clock_start = s.receipt;
  bool waiting = false;
  if (Status st = Corrections(s, &clock_start, &waiting); !st.ok()) return st;
  if (waiting) return Status::Ok();
  return Period(s, clock_start);
}

void Engine::PausedOn(const CaseSteps& s, int frozen, std::string_view why) {
  d_.working_days_left = frozen;
  if (s.closed) {
    Say(fmt::format("{} 办结：办结时计时处于中止状态（{}），不计逾期", Day(*s.closed), why));
    return;
  }
  d_.paused = true;
  Say(fmt::format("截至{}：{}，计时中止，剩余 {} 个工作日冻结，恢复后继续计算", Day(as_of_), why,
                  frozen));
}

Status Engine::Corrections(const CaseSteps& s, Date* clock_start, bool* waiting) {
  for (size_t i = 0; i < s.corrections.size(); ++i) {
    const CorrectionRound& c = s.corrections[i];
    if (i == 0) {
      Say(fmt::format("{} 发出补正告知书", Day(c.requested)));
      if (d_.correction_notice_due < c.requested) {
        Say(fmt::format("注意：补正告知晚于{}，超过条例第三十条规定的{}个工作日",
                        FormatDateZh(d_.correction_notice_due),
                        set_.correction_notice_working_days));
      }
    } else {
      Say(fmt::format(
          "{} 发出第{}次补正告知书（注意：条例第三十条要求一次性告知需要补正的全部内容）",
          Day(c.requested), i + 1));
    }
    if (c.received) {
      *clock_start = *c.received;
      Say(fmt::format("{} 收到补正后的申请：答复期限自该日重新起算（条例第三十条）",
                      Day(*c.received)));
      continue;
    }
    *waiting = true;
    d_.correction_due = c.deadline;
    if (c.deadline) {
      Say(fmt::format("申请人应在{}前补正", Day(*c.deadline)));
      if (*c.deadline < as_of_ && !s.closed) {
        Say("补正期限已过：申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）");
      }
    }
    int full = set_.reply_working_days + s.extension_working_days.value_or(0);
    PausedOn(s, full, "等待申请人补正，收到补正后答复期限重新起算");
    return Status::Ok();
  }
  return Status::Ok();
}

Status Engine::Period(const CaseSteps& s, Date clock_start) {
  const int ext = s.extension_working_days.value_or(0);
  Say(fmt::format("答复期限：自{}起{}个工作日（条例第三十三条）", FormatDateZh(clock_start),
                  set_.reply_working_days));
  Date cur = Base(clock_start, set_);        // day 0 of the running segment
  int need_reply = set_.reply_working_days;  // working days from cur to the reply due date
  int need_total = need_reply + ext;         // … to the extended due date
  std::optional<Date> reply_due;
  for (const ClockStop& st : s.stops) {
    const StopText text = TextOf(st.reason);
    const bool fee = st.reason == ClockStop::Reason::kFeeNotice;
    if (st.end && *st.end <= clock_start) {
      Say(fmt::format("{}（{}）在答复期限起算前已结束，不影响本期限", text.start,
                      FormatDateZh(st.start)));
      continue;
    }
    // A consultation ends at the latest on its 15th working day; a fee notice has its own term.
    const int limit = fee ? set_.fee_payment_working_days : set_.consultation_working_days;
    Result<Date> term = cal_.AddWorkingDays(fee ? Base(st.start, set_) : st.start, limit);
    if (!term.ok()) return term.status();
    if (fee && !set_.fee_stops_clock) {
      Say(fmt::format("{} {}：缴费期限至{}；按本机关设置，缴费期间答复期限继续计算", Day(st.start),
                      text.start, FormatDateZh(*term)));
      if (!st.end) d_.fee_payment_due = *term;
      continue;
    }
    const Date a = std::max(st.start, clock_start);
    Result<int> used = cal_.CountWorkingDays(cur, AddDays(a, -1));
    if (!used.ok()) return used.status();
    if (*used >= need_total) {
      Say(fmt::format("{}（{}）开始于期限届满之后，不再中止计算", text.start,
                      FormatDateZh(st.start)));
      continue;
    }
    if (Status x = Append(d_.explanation, SpanLines(cal_, cur, AddDays(a, -1))); !x.ok()) return x;
    if (!reply_due && *used >= need_reply) {
      Result<Date> due = cal_.AddWorkingDays(cur, need_reply);
      if (!due.ok()) return due.status();
      reply_due = *due;
      Say(fmt::format("原答复期限于{}届满，延长的期限继续计算", Day(*due)));
    }
    need_reply -= *used;
    need_total -= *used;
    // Before the reply due date the explanation speaks of the 20 days; after it, of the extension.
    const int shown_left = reply_due ? need_total : need_reply;
    const int shown_used = reply_due ? set_.reply_working_days + ext - need_total
                                     : set_.reply_working_days - need_reply;
    Say(fmt::format(
        "{} {}，计算中止（{}：{}所需时间不计算在答复期限内）；此前已计 {} 个工作日，剩余 {} "
        "个工作日",
        Day(a), text.start, text.basis, fee ? "缴费" : "征求意见", shown_used, shown_left));
    Say(fmt::format("  {}期限：{}（{}个工作日）", fee ? "缴费" : "答复意见", FormatDateZh(*term),
                    limit));
    std::optional<Date> end = st.end;
    if (!fee && (end ? *term < *end : *term < as_of_)) {
      Say(fmt::format("  被征求意见方逾期未提出意见：自期限届满之日（{}）起恢复计算",
                      FormatDateZh(*term)));
      end = *term;
    }
    if (!end) {
      if (fee) {
        d_.fee_payment_due = *term;
        if (*term < as_of_) {
          Say("  缴费期限已过：逾期未缴费的，视为放弃申请（国办函〔2020〕109号）");
        }
      } else {
        d_.consultation_due = *term;
      }
      d_.reply_due = reply_due;
      PausedOn(s, need_total, fee ? "等待申请人缴费" : "等待被征求意见方答复");
      return Status::Ok();
    }
    Say(fmt::format("{} {}，恢复计算：以该日为第0日，剩余 {} 个工作日", Day(*end),
                    end == st.end ? text.end : "征求意见期限届满", shown_left));
    cur = Base(*end, set_);
  }
  Result<Date> final_due = cal_.AddWorkingDays(cur, need_total);
  if (!final_due.ok()) return final_due.status();
  if (!reply_due) {
    Result<Date> due = cal_.AddWorkingDays(cur, need_reply);
    if (!due.ok()) return due.status();
    reply_due = *due;
  }
  if (Status x = Append(d_.explanation, SpanLines(cal_, cur, *final_due)); !x.ok()) return x;
  Say(fmt::format("答复期限届满：{}", Day(*reply_due)));
  d_.reply_due = reply_due;
  if (ext > 0) {
    Say(fmt::format(
        "延长答复期限 {} "
        "个工作日（条例第三十三条第二款：经政府信息公开工作机构负责人同意并告知申请人）",
        ext));
    if (s.extension_approved && *reply_due < *s.extension_approved) {
      Say(fmt::format("注意：延期告知（{}）晚于原答复期限{}；条例第三十三条要求在原期限内告知",
                      FormatDateZh(*s.extension_approved), FormatDateZh(*reply_due)));
    }
    Say(fmt::format("延长后届满：{}", Day(*final_due)));
    d_.extended_due = *final_due;
  }
  return Finish(s, *final_due);
}

Status Engine::Finish(const CaseSteps& s, Date due) {
  Date on = s.closed ? *s.closed : as_of_;
  Result<int> ahead = cal_.CountWorkingDays(on, due);
  if (!ahead.ok()) return ahead.status();
  Result<int> behind = cal_.CountWorkingDays(due, on);
  if (!behind.ok()) return behind.status();
  d_.working_days_left = *ahead - *behind;
  if (s.closed) {
    d_.answered_late = due < *s.closed;
    if (d_.answered_late) {
      Say(fmt::format("{} 办结：超过期限 {} 个工作日", Day(*s.closed), *behind));
    } else {
      Say(fmt::format("{} 办结：在期限内（距届满还有 {} 个工作日）", Day(*s.closed), *ahead));
    }
    return Status::Ok();
  }
  d_.overdue = due < as_of_;
  if (d_.overdue) {
    Say(fmt::format("截至{}：已逾期，期限已于{}届满（其后已过 {} 个工作日）", Day(as_of_),
                    FormatDateZh(due), *behind));
  } else {
    Say(fmt::format("截至{}：剩余 {} 个工作日", Day(as_of_), *ahead));
  }
  return Status::Ok();
}

}  // namespace

Result<Deadlines> ComputeDeadlines(const CaseSteps& steps, const Calendar& calendar,
                                   const DeadlineSettings& settings, Date as_of) {
  int ignored = 0;
  Result<CaseSteps> s = AsOf(steps, settings, as_of, &ignored);
  if (!s.ok()) return s.status();
  Deadlines d;
  Engine engine(calendar, settings, as_of, d);
  if (Status st = engine.Run(*s); !st.ok()) return st;
  if (ignored > 0) {
    d.explanation.push_back(fmt::format("另有 {} 项日期晚于{}，截至该日尚未发生，未计入", ignored,
                                        FormatDateZh(as_of)));
  }
  Date latest = d.correction_notice_due;
  for (const std::optional<Date>& due :
       {d.reply_due, d.extended_due, d.fee_payment_due, d.consultation_due, d.correction_due}) {
    if (due && latest < *due) latest = *due;
  }
  if (std::optional<std::string> warning = ChangeWarning(calendar, latest)) {
    d.may_change = true;
    d.explanation.push_back(std::move(*warning));
  }
  return d;
}

}  // namespace gongkai
