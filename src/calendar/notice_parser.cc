// ParseNotice: reads one calendar file (data/calendar/README.md describes the format). One line
// is one fact; every error names `file:line`, says what is wrong and what to write instead, so an
// administrator can fix the file without reading code.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.h"

namespace gongkai {
namespace {

// A notice may set rest days from this day of December of the previous year on (元旦 bridges:
// the 2019 notice starts 2018-12-29, the 2023 notice 2022-12-31).
constexpr unsigned kEarliestDecemberDay = 15;

std::string_view Trim(std::string_view s) {
  const char* kSpace = " \t\r\n";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

// Splits "keyword rest" at the first run of blanks.
std::pair<std::string_view, std::string_view> SplitWord(std::string_view s) {
  size_t sp = s.find_first_of(" \t");
  if (sp == std::string_view::npos) return {s, {}};
  return {s.substr(0, sp), Trim(s.substr(sp))};
}

class Parser {
 public:
  explicit Parser(std::string_view filename) : filename_(filename) { notice_.source = filename; }

  Result<Notice> Run(std::string_view text) {
    int line_no = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
      line = Trim(line);
      if (line.empty()) continue;
      Status s = Line(line, line_no);
      if (!s.ok()) return s;
    }
    Status s = Finish();
    if (!s.ok()) return s;
    return std::move(notice_);
  }

 private:
  Status Error(int line, std::string_view problem, std::string_view todo) const {
    return Status::InvalidInput(fmt::format("{}:{}: {} — {}", filename_, line, problem, todo));
  }

  Status Line(std::string_view line, int n) {
    auto [key, rest] = SplitWord(line);
    if (key == "year") return Year(rest, n);
    if (key == "notice") return Header(notice_.number, "notice", rest, n);
    if (key == "title") return Header(notice_.title, "title", rest, n);
    if (key == "region") return Header(notice_.region, "region", rest, n);
    if (key == "source") return Header(notice_.origin, "source", rest, n);
    if (key == "provisional") return Header(notice_.provisional, "provisional", rest, n);
    if (key == "amendment") return AmendmentLine(rest, n);
    if (key == "off") return Entry(rest, n, /*working=*/false);
    if (key == "work") return Entry(rest, n, /*working=*/true);
    return Error(n, fmt::format("无法识别的关键字“{}”", key),
                 "每行以 year、notice、title、provisional、amendment、region、source、off 或 work "
                 "开头，"
                 "注释以 # 开头");
  }

  Status Year(std::string_view rest, int n) {
    if (notice_.year != 0) return Error(n, "重复的 year 行", "每个文件只写一行 year");
    int y = 0;
    auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), y);
    if (ec != std::errc() || p != rest.data() + rest.size() || y < 1990 || y > 2200) {
      return Error(n, fmt::format("年份“{}”无效", rest), "写成四位数字，例如 year 2024");
    }
    if (!notice_.entries.empty()) {
      return Error(n, "year 行出现在日期条目之后", "把 year 行移到文件开头");
    }
    notice_.year = y;
    year_line_ = n;
    return Status::Ok();
  }

  Status Header(std::string& field, std::string_view key, std::string_view rest, int n) {
    if (!field.empty()) return Error(n, fmt::format("重复的 {} 行", key), "每个文件只写一行");
    if (rest.empty()) return Error(n, fmt::format("{} 行缺少内容", key), "在关键字后写上内容");
    field = rest;
    return Status::Ok();
  }

  Status AmendmentLine(std::string_view rest, int n) {
    auto [number, title] = SplitWord(rest);
    if (number.empty()) {
      return Error(n, "amendment 行缺少文号",
                   "写成 amendment 文号 标题，例如 amendment 国办发明电〔2020〕1号 "
                   "国务院办公厅关于延长2020年春节假期的通知");
    }
    notice_.amendments.push_back({std::string(number), std::string(title), n});
    return Status::Ok();
  }

  Result<Date> DateAt(std::string_view text, int n) const {
    Result<Date> d = ParseDate(text);
    if (!d.ok()) {
      return Error(n, fmt::format("日期“{}”无效", text), "写成 YYYY-MM-DD，例如 2024-02-10");
    }
    return d;
  }

  Status Entry(std::string_view rest, int n, bool working) {
    if (notice_.year == 0) {
      return Error(n, "日期条目出现在 year 行之前", "在文件开头写 year YYYY");
    }
    auto [dates, name] = SplitWord(rest);
    if (name.empty()) {
      return Error(
          n, "缺少节日名称",
          working ? "写成 work YYYY-MM-DD 节日，例如 work 2024-02-04 春节"
                  : "写成 off YYYY-MM-DD..YYYY-MM-DD 节日，例如 off 2024-02-10..2024-02-17 春节");
    }
    CalendarEntry e;
    e.name = name;
    e.line = n;
    e.working = working;
    e.notice = notice_.amendments.empty() ? std::string() : notice_.amendments.back().number;
    size_t dots = dates.find("..");
    if (dots == std::string_view::npos) {
      Result<Date> d = DateAt(dates, n);
      if (!d.ok()) return d.status();
      e.first = e.last = *d;
    } else {
      if (working) {
        return Error(n, "调休上班日写成了日期范围",
                     "每个调休上班日单独写一行 work YYYY-MM-DD 节日");
      }
      Result<Date> a = DateAt(dates.substr(0, dots), n);
      if (!a.ok()) return a.status();
      Result<Date> b = DateAt(dates.substr(dots + 2), n);
      if (!b.ok()) return b.status();
      if (*b < *a) {
        return Error(n, fmt::format("日期范围 {}..{} 起止颠倒", FormatDate(*a), FormatDate(*b)),
                     "先写第一天，再写最后一天");
      }
      e.first = *a;
      e.last = *b;
    }
    Date window_first{std::chrono::year(notice_.year - 1), std::chrono::December,
                      std::chrono::day(kEarliestDecemberDay)};
    Date window_last{std::chrono::year(notice_.year), std::chrono::December, std::chrono::day(31)};
    if (e.first < window_first || e.last > window_last) {
      return Error(n,
                   fmt::format("日期 {} 不在 {} 年通知的范围内（{} 至 {}）", FormatDate(e.first),
                               notice_.year, FormatDate(window_first), FormatDate(window_last)),
                   "检查年份是否写错，或把该条目移到对应年份的文件");
    }
    if (working && IsoWeekday(e.first) < 6) {
      return Error(n,
                   fmt::format("调休上班日 {} 是星期{}，不是周末", FormatDate(e.first),
                               WeekdayZh(IsoWeekday(e.first))),
                   "调休上班日只能是星期六或星期日；检查日期是否写错");
    }
    notice_.entries.push_back(std::move(e));
    return Status::Ok();
  }

  static std::string_view WeekdayZh(unsigned iso) {
    static constexpr std::string_view kNames[] = {"一", "二", "三", "四", "五", "六", "日"};
    return kNames[iso - 1];
  }

  Status Finish() {
    if (notice_.year == 0) return Error(1, "缺少 year 行", "在文件开头写 year YYYY");
    if (!notice_.provisional.empty() && !notice_.region.empty()) {
      return Error(year_line_, "地方日历不能是推算的临时安排（provisional）",
                   "删除 provisional 行；地方日历只写已发布文件中的日期");
    }
    if (!notice_.provisional.empty() && !notice_.number.empty()) {
      return Error(year_line_, "推算的临时安排（provisional）不能同时有 notice 文号",
                   "通知已发布时删除 provisional 行，按通知写出全部日期");
    }
    if (notice_.region.empty() && notice_.number.empty() && notice_.provisional.empty()) {
      return Error(year_line_, "全国通知缺少 notice 行（文号）",
                   "写 notice 文号，例如 notice 国办发明电〔2023〕7号；通知尚未发布的年份写 "
                   "provisional 推算依据；地方日历请写 region 与 source");
    }
    if (!notice_.region.empty() && notice_.origin.empty()) {
      return Error(year_line_, fmt::format("地方日历（{}）缺少 source 行", notice_.region),
                   "写明依据的文件，例如 source 某省人民政府办公厅关于……的通知（2020年2月1日）");
    }
    const std::string& base = !notice_.region.empty()        ? notice_.origin
                              : !notice_.provisional.empty() ? notice_.provisional
                                                             : notice_.number;
    for (CalendarEntry& e : notice_.entries) {
      if (e.notice.empty()) e.notice = base;
    }
    std::vector<const CalendarEntry*> sorted;
    for (const CalendarEntry& e : notice_.entries) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(),
              [](const CalendarEntry* a, const CalendarEntry* b) { return a->first < b->first; });
    for (size_t i = 1; i < sorted.size(); ++i) {
      const CalendarEntry& prev = *sorted[i - 1];
      const CalendarEntry& cur = *sorted[i];
      if (cur.first <= prev.last) {
        const CalendarEntry& later = prev.line > cur.line ? prev : cur;
        const CalendarEntry& earlier = prev.line > cur.line ? cur : prev;
        return Error(
            later.line,
            fmt::format("日期 {} 与第 {} 行的条目重叠", FormatDate(cur.first), earlier.line),
            "每一天只能出现在一个条目中；删除或改正其中一行");
      }
    }
    return Status::Ok();
  }

  std::string filename_;
  Notice notice_;
  int year_line_ = 1;
};

}  // namespace

Result<Notice> ParseNotice(std::string_view text, std::string_view filename) {
  return Parser(filename).Run(text);
}

}  // namespace gongkai
