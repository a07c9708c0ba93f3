// A Calendar says whether a civil date is a working day in mainland China, from the State
// Council's yearly holiday notices (国务院办公厅关于YYYY年部分节假日安排的通知), optionally with a
// local calendar (a province's extra rest days) layered on top. It answers every query in O(1)
// from a per-day table and a prefix count of working days. A date outside the loaded notices is
// an error naming the year: never a silent weekends-only guess. A year whose notice is not out
// yet may be loaded as a provisional notice (the statutory holidays of 《全国年节及纪念日放假办法》
// only); its days, and late December of the last year with a real notice, are flagged as liable
// to change (MayChange). Immutable after loading; share one instance across threads.

#ifndef GONGKAI_CALENDAR_CALENDAR_H_
#define GONGKAI_CALENDAR_CALENDAR_H_

#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// One line of a notice: a range of rest days or a make-up working day.
struct CalendarEntry {
  Date first;
  Date last;             // inclusive; == first for a single day
  bool working = false;  // true: 调休上班 (a weekend day made a working day)
  std::string name;      // the holiday, e.g. "春节"
  int line = 0;          // line in the source file
  // The notice that set this entry: the file's `notice`, or the `amendment` it follows (e.g.
  // 国办发明电〔2019〕3号 for the 2019 May Day days); a local calendar's `source`.
  std::string notice;
};

// A later notice that changed a year's arrangement (the 2019 May Day, the 2020 Spring Festival).
struct Amendment {
  std::string number;  // e.g. "国办发明电〔2020〕1号"
  std::string title;
  int line = 0;
};

// One notice: the national notice for a year, or a local calendar's additions.
struct Notice {
  int year = 0;
  std::string number;  // e.g. "国办发明电〔2023〕7号"
  std::string title;
  std::string region;  // empty for the national calendar, else e.g. "西藏自治区"
  std::string source;  // file name, for messages
  std::vector<CalendarEntry> entries;
  std::vector<Amendment> amendments;  // in file order
  // A local calendar's authority (its `source` header): the document the entries come from.
  std::string origin;
  // Not empty for a provisional national year (its `provisional` header): the basis of the
  // reckoning, e.g. 按《全国年节及纪念日放假办法》推算. Such a year has no notice number.
  std::string provisional;
};

// Parses a notice file (format documented in data/calendar/README.md). Errors name
// `filename:line` and the problem: bad date, a range that runs backwards, a make-up day that
// is not a weekend, a date outside the notice's year window (the year itself, plus late December
// of the previous year from the 15th on, where 元旦 arrangements reach), overlapping entries, an
// unknown keyword, a missing `year`/`notice` (national) or `region`/`source` (local) header.
// Each message ends with what to do.
Result<Notice> ParseNotice(std::string_view text, std::string_view filename);

enum class DayKind {
  kWorkday,        // Monday–Friday, no notice entry
  kWeekend,        // Saturday or Sunday, no notice entry
  kRestDay,        // a statutory rest day from a notice (or a local calendar)
  kMakeUpWorkday,  // a weekend day made a working day (调休上班)
};

struct DayInfo {
  DayKind kind;
  std::string_view name;    // holiday name for kRestDay / kMakeUpWorkday, else empty
  std::string_view notice;  // notice number for kRestDay / kMakeUpWorkday, else empty
  std::string_view region;  // the local calendar's region when it set this day, else empty
  bool working() const { return kind == DayKind::kWorkday || kind == DayKind::kMakeUpWorkday; }
};

class Calendar {
 public:
  // Builds a calendar from national notices (one per year, contiguous years) and local ones.
  // Fails, naming both sources, on duplicate years or overlapping entries.
  static Result<Calendar> Build(std::vector<Notice> national, std::vector<Notice> local = {});

  // The years covered: queries for dates in [first_year, last_year] succeed.
  int first_year() const;
  int last_year() const;
  // The last year set by a published notice; later years, up to last_year(), are provisional.
  int last_published_year() const;

  // Whether the answer for `d` may still change when the next notice is published: `d` lies in
  // a provisional year, or in late December (from the 15th) of the last published year, where
  // the next notice's 元旦 arrangement reaches (the 2019 notice made 2018-12-29 a working day).
  bool MayChange(Date d) const;

  // Returns what kind of day `d` is and why. Error naming the year when it is not covered.
  Result<DayInfo> Describe(Date d) const;
  Result<bool> IsWorkingDay(Date d) const;

  // Returns the n-th working day after `start` (start itself is day 0). REQUIRES: n >= 0;
  // n == 0 returns start. Error naming the year when the result falls outside the notices.
  Result<Date> AddWorkingDays(Date start, int n) const;

  // Returns the number of working days d with from < d <= to (0 when to <= from).
  Result<int> CountWorkingDays(Date from, Date to) const;

  // Returns the first working day on or after `d`.
  Result<Date> NextWorkingDayOnOrAfter(Date d) const;

  // Calendar-day periods (民法典 第二百零一、二百零三条): the period starts the day after `start`;
  // an end that falls on a rest day moves to the next working day.
  Result<Date> AddCalendarDays(Date start, int days) const;
  Result<Date> AddMonths(Date start, int months) const;

  // A notice entry together with the notice it belongs to.
  struct EntryRef {
    const CalendarEntry* entry;
    const Notice* notice;
  };
  // Returns the entries (national and local) that touch at least one day of [first, last],
  // ordered by first day, local entries after national ones on ties. Pointers stay valid as
  // long as this Calendar. Entries never answer working-day questions (Describe does, with the
  // layering applied); they are for explanations.
  std::vector<EntryRef> EntriesOverlapping(Date first, Date last) const;

  // The notices this calendar was built from, for display.
  const std::vector<Notice>& national() const;
  const std::vector<Notice>& local() const;

 private:
  Calendar() = default;

  // Constant after construction.
  int first_day_ = 0;                // DayNumber of the first covered date
  std::vector<unsigned char> kind_;  // DayKind per day since first_day_
  std::vector<int> name_index_;      // index into names_ per day, -1 when none
  std::vector<int> prefix_;          // working days in [first_day_, first_day_ + i)
  std::vector<int> working_;         // day index of the k-th working day, for O(1) AddWorkingDays
  std::vector<std::string> names_;
  std::vector<std::string> notices_;  // notice number per names_ entry
  std::vector<std::string> regions_;  // region per names_ entry, empty for national
  std::vector<Notice> national_;
  std::vector<Notice> local_;
  int first_year_ = 0;
  int last_year_ = 0;
  int last_published_year_ = 0;
};

}  // namespace gongkai

#endif  // GONGKAI_CALENDAR_CALENDAR_H_
