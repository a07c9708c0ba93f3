// Calendar::Build lays the notices over the weekday/weekend pattern into a per-day table, then
// prefix-sums the working days. Every query is an index into those arrays: IsWorkingDay reads
// kind_, CountWorkingDays subtracts two prefix sums, AddWorkingDays looks up the k-th working day
// in working_. No query walks day by day.
//
// Layering: a national notice owns its days; two national notices that both set a day are an
// error (the data is wrong, not ambiguous). A local calendar is layered on top: its entries win
// over the national table (a provincial extension may cover a national make-up day), but two
// local calendars setting the same day are an error.

#include "calendar/calendar.h"

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {
namespace {

Date Jan1(int y) { return Date{std::chrono::year(y), std::chrono::January, std::chrono::day(1)}; }
Date Dec31(int y) {
  return Date{std::chrono::year(y), std::chrono::December, std::chrono::day(31)};
}

std::string EntryWhere(const Notice& n, const CalendarEntry& e) {
  return fmt::format("{}:{}", n.source, e.line);
}

}  // namespace

Result<Calendar> Calendar::Build(std::vector<Notice> national, std::vector<Notice> local) {
  if (national.empty()) {
    return Status::InvalidInput(
        "没有载入任何全国放假通知 — 检查数据目录下的 calendar/national/*.cal 是否存在");
  }
  std::sort(national.begin(), national.end(),
            [](const Notice& a, const Notice& b) { return a.year < b.year; });
  for (size_t i = 1; i < national.size(); ++i) {
    const Notice& a = national[i - 1];
    const Notice& b = national[i];
    if (!a.region.empty() || !b.region.empty()) {
      const Notice& l = a.region.empty() ? b : a;
      return Status::InvalidInput(fmt::format(
          "{}: 地方日历（{}）被当作全国通知载入 — 把它放到 calendar/local/<地区>/ 目录下", l.source,
          l.region));
    }
    if (a.year == b.year) {
      return Status::InvalidInput(fmt::format(
          "{} 与 {} 都是 {} 年的全国通知 — 每年只保留一个文件（修订用 amendment 行写在同一文件中）",
          a.source, b.source, a.year));
    }
    if (b.year != a.year + 1) {
      return Status::InvalidInput(
          fmt::format("全国通知的年份不连续：{}（{} 年）之后是 {}（{} 年），缺少 {} 年 — "
                      "补上缺少年份的通知文件",
                      a.source, a.year, b.source, b.year, a.year + 1));
    }
  }
  for (size_t i = 1; i < national.size(); ++i) {
    if (!national[i - 1].provisional.empty() && national[i].provisional.empty()) {
      return Status::InvalidInput(fmt::format(
          "{}（{} 年）是推算的临时安排，但其后的 {}（{} 年）是正式通知 — 只有最后几年可以是推算的；"
          "{} 年的通知发布后用它替换 {}",
          national[i - 1].source, national[i - 1].year, national[i].source, national[i].year,
          national[i - 1].year, national[i - 1].source));
    }
  }
  if (!national.front().provisional.empty()) {
    return Status::InvalidInput(fmt::format(
        "{}: 最早的一年不能是推算的临时安排 — 至少载入一年正式通知", national.front().source));
  }
  if (!national.front().region.empty()) {
    return Status::InvalidInput(
        fmt::format("{}: 地方日历（{}）被当作全国通知载入 — 把它放到 calendar/local/<地区>/ 目录下",
                    national.front().source, national.front().region));
  }

  Calendar cal;
  cal.first_year_ = national.front().year;
  cal.last_year_ = national.back().year;
  cal.last_published_year_ = cal.first_year_;
  for (const Notice& n : national) {
    if (n.provisional.empty()) cal.last_published_year_ = n.year;
  }
  cal.first_day_ = DayNumber(Jan1(cal.first_year_));
  const int days = DayNumber(Dec31(cal.last_year_)) - cal.first_day_ + 1;
  cal.kind_.resize(days);
  cal.name_index_.assign(days, -1);
  for (int i = 0; i < days; ++i) {
    bool weekend = IsoWeekday(FromDayNumber(cal.first_day_ + i)) >= 6;
    cal.kind_[i] = static_cast<unsigned char>(weekend ? DayKind::kWeekend : DayKind::kWorkday);
  }

  // Who set each day, for overlap messages.
  struct Owner {
    const Notice* notice = nullptr;
    const CalendarEntry* entry = nullptr;
    bool local = false;
  };
  std::vector<Owner> owner(days);
  auto apply = [&](const std::vector<Notice>& notices, bool is_local) -> Status {
    for (const Notice& n : notices) {
      if (is_local && (n.year < cal.first_year_ || n.year > cal.last_year_)) {
        return Status::InvalidInput(fmt::format(
            "{}: 地方日历（{}）属于 {} 年，但全国通知只载入了 {}–{} 年 — 先补上 {} 年的全国通知",
            n.source, n.region, n.year, cal.first_year_, cal.last_year_, n.year));
      }
      for (const CalendarEntry& e : n.entries) {
        int name = static_cast<int>(cal.names_.size());
        cal.names_.push_back(e.name);
        cal.notices_.push_back(e.notice);
        cal.regions_.push_back(n.region);
        int a = std::max(DayNumber(e.first) - cal.first_day_, 0);
        int b = std::min(DayNumber(e.last) - cal.first_day_, days - 1);
        for (int i = a; i <= b; ++i) {
          const Owner& prev = owner[i];
          if (prev.notice != nullptr && prev.local == is_local) {
            return Status::InvalidInput(
                fmt::format("{} 与 {} 都设定了 {} — 同一天只能由一个通知设定；删除重复的条目",
                            EntryWhere(*prev.notice, *prev.entry), EntryWhere(n, e),
                            FormatDate(FromDayNumber(cal.first_day_ + i))));
          }
          owner[i] = {&n, &e, is_local};
          cal.kind_[i] =
              static_cast<unsigned char>(e.working ? DayKind::kMakeUpWorkday : DayKind::kRestDay);
          cal.name_index_[i] = name;
        }
      }
    }
    return Status::Ok();
  };
  if (Status s = apply(national, false); !s.ok()) return s;
  if (Status s = apply(local, true); !s.ok()) return s;

  cal.prefix_.resize(days + 1);
  cal.prefix_[0] = 0;
  for (int i = 0; i < days; ++i) {
    auto k = static_cast<DayKind>(cal.kind_[i]);
    bool working = k == DayKind::kWorkday || k == DayKind::kMakeUpWorkday;
    cal.prefix_[i + 1] = cal.prefix_[i] + (working ? 1 : 0);
    if (working) cal.working_.push_back(i);
  }
  cal.national_ = std::move(national);
  cal.local_ = std::move(local);
  return cal;
}

int Calendar::first_year() const { return first_year_; }
int Calendar::last_year() const { return last_year_; }
int Calendar::last_published_year() const { return last_published_year_; }

bool Calendar::MayChange(Date d) const {
  const Date settled_until{std::chrono::year(last_published_year_), std::chrono::December,
                           std::chrono::day(14)};
  return settled_until < d;
}
const std::vector<Notice>& Calendar::national() const { return national_; }
const std::vector<Notice>& Calendar::local() const { return local_; }

namespace {

Status NotLoaded(int year, std::string_view what, int first, int last) {
  return Status::NotFound(
      fmt::format("{}年的放假安排尚未载入（国务院办公厅通知未发布或未导入）：{}（已载入 {}–{} "
                  "年；通知发布后把它写入 "
                  "calendar/national/{}.cal）",
                  year, what, first, last, year));
}

}  // namespace

Result<DayInfo> Calendar::Describe(Date d) const {
  int i = DayNumber(d) - first_day_;
  if (i < 0 || i >= static_cast<int>(kind_.size())) {
    return NotLoaded(static_cast<int>(d.year()),
                     fmt::format("无法计算 {} 是否为工作日", FormatDate(d)), first_year_,
                     last_year_);
  }
  DayInfo info{static_cast<DayKind>(kind_[i]), {}, {}, {}};
  if (int n = name_index_[i]; n >= 0) {
    info.name = names_[n];
    info.notice = notices_[n];
    info.region = regions_[n];
  }
  return info;
}

Result<bool> Calendar::IsWorkingDay(Date d) const {
  Result<DayInfo> info = Describe(d);
  if (!info.ok()) return info.status();
  return info->working();
}

Result<Date> Calendar::AddWorkingDays(Date start, int n) const {
  if (n < 0) {
    return Status::InvalidInput(fmt::format("工作日数不能为负数（{}）— 请给出 0 或正整数", n));
  }
  if (n == 0) return start;
  // A start the day before the first covered day is allowed: only later days are counted.
  int i = DayNumber(start) - first_day_;
  if (i < -1 || i >= static_cast<int>(kind_.size())) {
    return NotLoaded(static_cast<int>(start.year()),
                     fmt::format("无法从 {} 起计算工作日", FormatDate(start)), first_year_,
                     last_year_);
  }
  // prefix_[i + 1] working days lie on or before `start`; the n-th after it is number
  // prefix_[i + 1] + n, i.e. working_[prefix_[i + 1] + n - 1].
  size_t k = static_cast<size_t>(prefix_[i + 1]) + n - 1;
  if (k >= working_.size()) {
    return NotLoaded(last_year_ + 1,
                     fmt::format("无法计算 {} 之后的第 {} 个工作日", FormatDate(start), n),
                     first_year_, last_year_);
  }
  return FromDayNumber(first_day_ + working_[k]);
}

Result<int> Calendar::CountWorkingDays(Date from, Date to) const {
  if (!(from < to)) return 0;
  int a = DayNumber(from) - first_day_;
  int b = DayNumber(to) - first_day_;
  if (a < -1) {
    return NotLoaded(
        static_cast<int>(AddDays(from, 1).year()),
        fmt::format("无法统计 {} 至 {} 之间的工作日", FormatDate(from), FormatDate(to)),
        first_year_, last_year_);
  }
  if (b >= static_cast<int>(kind_.size())) {
    return NotLoaded(
        static_cast<int>(to.year()),
        fmt::format("无法统计 {} 至 {} 之间的工作日", FormatDate(from), FormatDate(to)),
        first_year_, last_year_);
  }
  return prefix_[b + 1] - prefix_[a + 1];
}

Result<Date> Calendar::NextWorkingDayOnOrAfter(Date d) const {
  int i = DayNumber(d) - first_day_;
  if (i < 0 || i >= static_cast<int>(kind_.size())) {
    return NotLoaded(static_cast<int>(d.year()),
                     fmt::format("无法确定 {} 当天或之后的第一个工作日", FormatDate(d)),
                     first_year_, last_year_);
  }
  // prefix_[i] working days lie before d, so working_[prefix_[i]] is the first on or after it.
  size_t k = static_cast<size_t>(prefix_[i]);
  if (k >= working_.size()) {
    return NotLoaded(last_year_ + 1, fmt::format("无法确定 {} 之后的第一个工作日", FormatDate(d)),
                     first_year_, last_year_);
  }
  return FromDayNumber(first_day_ + working_[k]);
}

Result<Date> Calendar::AddCalendarDays(Date start, int days) const {
  if (days < 0) {
    return Status::InvalidInput(fmt::format("天数不能为负数（{}）— 请给出 0 或正整数", days));
  }
  return NextWorkingDayOnOrAfter(AddDays(start, days));
}

Result<Date> Calendar::AddMonths(Date start, int months) const {
  if (months < 0) {
    return Status::InvalidInput(fmt::format("月数不能为负数（{}）— 请给出 0 或正整数", months));
  }
  std::chrono::year_month ym = start.year() / start.month() + std::chrono::months(months);
  Date end = ym / start.day();
  // 民法典 第二百零二条: without a corresponding day, the month's last day ends the period.
  if (!end.ok()) end = ym / std::chrono::last;
  return NextWorkingDayOnOrAfter(end);
}

std::vector<Calendar::EntryRef> Calendar::EntriesOverlapping(Date first, Date last) const {
  std::vector<EntryRef> out;
  for (const std::vector<Notice>* set : {&national_, &local_}) {
    for (const Notice& n : *set) {
      for (const CalendarEntry& e : n.entries) {
        if (e.last < first || last < e.first) continue;
        out.push_back({&e, &n});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const EntryRef& a, const EntryRef& b) {
    return a.entry->first < b.entry->first;
  });
  return out;
}

}  // namespace gongkai
