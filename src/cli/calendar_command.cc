// `gongkai calendar YYYY-MM` prints a month of the working-day calendar; `gongkai deadline`
// computes a due date (--from/--working-days) or a whole case's dates (--received …) with the
// explanation. The edge only: parsing arguments, loading the calendar, printing. Bad input exits
// with code 2 and a message saying which option was wrong.

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "files/calendar_files.h"

namespace gongkai::cli {
namespace {

struct Where {
  std::string data;    // --data; empty: DefaultDataDir()
  std::string region;  // --region
};

bool En(const GlobalOptions& g) { return g.lang == "en"; }

// A problem with what the user gave (a bad date, a year whose notice is not loaded): printed
// and turned into the exit code as by every other command (cli/output.h).
void Fail(GlobalOptions& g, const std::string& message) { Check(g, Status::InvalidInput(message)); }

std::optional<Calendar> Load(GlobalOptions& g, const Where& w) {
  std::filesystem::path dir = w.data.empty() ? DefaultDataDir() : std::filesystem::path(w.data);
  Result<Calendar> cal = LoadCalendar(dir, w.region);
  if (!cal.ok()) {
    Fail(g, cal.status().message());
    return std::nullopt;
  }
  return std::move(cal).value();
}

std::optional<Date> DateOption(GlobalOptions& g, std::string_view option, std::string_view text) {
  Result<Date> d = ParseDate(text);
  if (d.ok()) return *d;
  Fail(g, En(g) ? fmt::format("{}: '{}' is not a date; write YYYY-MM-DD, e.g. 2024-09-27", option,
                              text)
                : fmt::format("{}：“{}”不是有效日期 — 请写成 YYYY-MM-DD，例如 2024-09-27", option,
                              text));
  return std::nullopt;
}

// Today in Asia/Shanghai (UTC+8, no daylight saving): the default --as-of.
Date TodayInChina() {
  auto now = std::chrono::system_clock::now() + std::chrono::hours(8);
  return Date(std::chrono::floor<std::chrono::days>(now));
}

// ---- gongkai calendar ----------------------------------------------------------------------

constexpr std::string_view kWeekdayZh[] = {"一", "二", "三", "四", "五", "六", "日"};
constexpr std::string_view kWeekdayEn[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

std::string ShortDate(Date d, bool en) {
  unsigned m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  return en ? fmt::format("{:02d}-{:02d}", m, day) : fmt::format("{}月{}日", m, day);
}

void PrintMonth(GlobalOptions& g, const Where& where, const std::string& month_text) {
  const bool en = En(g);
  int y = 0;
  unsigned m = 0;
  bool ok = month_text.size() == 7 && month_text[4] == '-';
  if (ok) {
    auto [p1, e1] = std::from_chars(month_text.data(), month_text.data() + 4, y);
    auto [p2, e2] = std::from_chars(month_text.data() + 5, month_text.data() + 7, m);
    ok = e1 == std::errc() && e2 == std::errc() && p1 == month_text.data() + 4 &&
         p2 == month_text.data() + 7 && m >= 1 && m <= 12;
  }
  if (!ok) {
    return Fail(g, en ? fmt::format("'{}' is not a month; write YYYY-MM, e.g. 2024-10", month_text)
                      : fmt::format("“{}”不是有效月份 — 请写成 YYYY-MM，例如 2024-10", month_text));
  }
  std::optional<Calendar> cal = Load(g, where);
  if (!cal) return;
  Date first{std::chrono::year(y), std::chrono::month(m), std::chrono::day(1)};
  Date last = std::chrono::year(y) / std::chrono::month(m) / std::chrono::last;
  if (Result<DayInfo> probe = cal->Describe(first); !probe.ok()) {
    return Fail(g, probe.status().message());
  }

  std::string out = en ? fmt::format("{}-{:02d}\n", y, m) : fmt::format("{}年{}月\n", y, m);
  for (int i = 0; i < 7; ++i) {
    out += en ? fmt::format(" {}   ", kWeekdayEn[i]) : fmt::format(" {}   ", kWeekdayZh[i]);
  }
  out += "\n";
  unsigned lead = IsoWeekday(first) - 1;
  for (unsigned i = 0; i < lead; ++i) out += "      ";
  int working = 0;
  for (Date d = first; d <= last; d = AddDays(d, 1)) {
    DayInfo info = *cal->Describe(d);
    working += info.working();
    std::string_view mark = "  ";
    if (info.kind == DayKind::kRestDay) mark = en ? "* " : "休";
    if (info.kind == DayKind::kMakeUpWorkday) mark = en ? "+ " : "班";
    out += fmt::format("{:>2}{}  ", static_cast<unsigned>(d.day()), mark);
    if (IsoWeekday(d) == 7) out += "\n";
  }
  if (IsoWeekday(last) != 7) out += "\n";
  out += "\n";
  for (const Calendar::EntryRef& ref : cal->EntriesOverlapping(first, last)) {
    const CalendarEntry& e = *ref.entry;
    std::string span = e.first == e.last
                           ? ShortDate(e.first, en)
                           : ShortDate(e.first, en) + (en ? ".." : "至") + ShortDate(e.last, en);
    if (e.first.year() != e.last.year() || e.first.year() != first.year()) {
      span = FormatDate(e.first) + (e.first == e.last ? "" : ".." + FormatDate(e.last));
    }
    std::string who = ref.notice->region.empty() ? "" : ref.notice->region + " ";
    if (en) {
      out += fmt::format("{} {}{} ({}) — {}\n", e.working ? "+" : "*", who, e.name,
                         e.working ? "make-up working day" : "rest days", span);
    } else {
      out += fmt::format("{} {}{}{}：{}（{}）\n", e.working ? "班" : "休", who, e.name,
                         e.working ? "调休上班" : "放假", span, e.notice);
    }
  }
  out += en ? fmt::format(
                  "Legend: * statutory rest day, + weekend made a working day; other Mon–Fri are "
                  "working days, Sat–Sun rest days. Working days this month: {}\n",
                  working)
            : fmt::format(
                  "图例：休 = 法定节假日放假；班 = 调休上班（周末上班）；其余周一至周五为工作日，"
                  "周六、周日休息。本月工作日 {} 天\n",
                  working);
  if (cal->MayChange(last)) {
    const int published = cal->last_published_year();
    out += en ? fmt::format("Note: the State Council's notice for {} is not loaded yet; {}\n",
                            published + 1,
                            static_cast<int>(first.year()) > published
                                ? "this month shows only the statutory holidays and may change"
                                : "it may still change the last days of this December")
              : fmt::format("注意：{}年的放假安排尚未发布；{}\n", published + 1,
                            static_cast<int>(first.year()) > published
                                ? "本月只列出法定节日及其补假，通知发布后可能变化"
                                : "它可能调整本年12月下旬的上班日和休息日");
  }
  std::cout << out;
}

// ---- gongkai deadline ----------------------------------------------------------------------

struct DeadlineArgs {
  Where where;
  std::string from, received, as_of, extension_approved, closed;
  int working_days = -1;
  int extension = 0;
  std::vector<std::string> correction_requested, correction_received, correction_deadline;
  std::vector<std::string> consultation, co_author, fee_notice;
  bool json = false;
  bool start_day_counts = false;
  bool fee_runs_clock = false;
};

// Parses "D" or "D:D" into a stop.
std::optional<ClockStop> StopOption(GlobalOptions& g, std::string_view option,
                                    const std::string& text, ClockStop::Reason reason) {
  size_t colon = text.find(':');
  std::optional<Date> a = DateOption(g, option, text.substr(0, colon));
  if (!a) return std::nullopt;
  ClockStop stop{reason, *a, std::nullopt};
  if (colon != std::string::npos) {
    std::optional<Date> b = DateOption(g, option, text.substr(colon + 1));
    if (!b) return std::nullopt;
    stop.end = *b;
  }
  return stop;
}

std::string OptDate(const std::optional<Date>& d) { return d ? FormatDate(*d) : ""; }

void PrintSimple(GlobalOptions& g, const DeadlineArgs& a, const Calendar& cal,
                 const DeadlineSettings& settings) {
  std::optional<Date> from = DateOption(g, "--from", a.from);
  if (!from) return;
  Result<SimpleDeadline> r = ExplainWorkingDays(*from, a.working_days, cal, settings);
  if (!r.ok()) return Fail(g, r.status().message());
  if (a.json) {
    nlohmann::ordered_json j;
    j["due"] = FormatDate(r->due);
    j["may_change"] = r->may_change;
    j["explanation"] = r->explanation;
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << (En(g) ? "Due: " : "届满日：") << FormatDate(r->due) << "\n";
  for (const std::string& line : r->explanation) std::cout << "  " << line << "\n";
}

std::optional<CaseSteps> StepsFrom(GlobalOptions& g, const DeadlineArgs& a) {
  CaseSteps s;
  std::optional<Date> receipt = DateOption(g, "--received", a.received);
  if (!receipt) return std::nullopt;
  s.receipt = *receipt;
  if (a.correction_received.size() > a.correction_requested.size() ||
      a.correction_deadline.size() > a.correction_requested.size()) {
    Fail(g, En(g) ? "each --correction-received/--correction-deadline needs a "
                    "--correction-requested before it (rounds are paired in order)"
                  : "每个 --correction-received / --correction-deadline 都要有对应的 "
                    "--correction-requested（按顺序配对）");
    return std::nullopt;
  }
  for (size_t i = 0; i < a.correction_requested.size(); ++i) {
    CorrectionRound round;
    std::optional<Date> req = DateOption(g, "--correction-requested", a.correction_requested[i]);
    if (!req) return std::nullopt;
    round.requested = *req;
    if (i < a.correction_received.size()) {
      round.received = DateOption(g, "--correction-received", a.correction_received[i]);
      if (!round.received) return std::nullopt;
    }
    if (i < a.correction_deadline.size()) {
      round.deadline = DateOption(g, "--correction-deadline", a.correction_deadline[i]);
      if (!round.deadline) return std::nullopt;
    }
    s.corrections.push_back(round);
  }
  struct {
    const std::vector<std::string>* texts;
    const char* option;
    ClockStop::Reason reason;
  } kinds[] = {
      {&a.consultation, "--consultation", ClockStop::Reason::kThirdPartyConsultation},
      {&a.co_author, "--co-author", ClockStop::Reason::kCoAuthorConsultation},
      {&a.fee_notice, "--fee-notice", ClockStop::Reason::kFeeNotice},
  };
  for (const auto& k : kinds) {
    for (const std::string& text : *k.texts) {
      std::optional<ClockStop> stop = StopOption(g, k.option, text, k.reason);
      if (!stop) return std::nullopt;
      s.stops.push_back(*stop);
    }
  }
  if (a.extension != 0) s.extension_working_days = a.extension;
  if (!a.extension_approved.empty()) {
    s.extension_approved = DateOption(g, "--extension-approved", a.extension_approved);
    if (!s.extension_approved) return std::nullopt;
  }
  if (!a.closed.empty()) {
    s.closed = DateOption(g, "--closed", a.closed);
    if (!s.closed) return std::nullopt;
  }
  return s;
}

void PrintCase(GlobalOptions& g, const DeadlineArgs& a, const Calendar& cal,
               const DeadlineSettings& settings) {
  std::optional<CaseSteps> steps = StepsFrom(g, a);
  if (!steps) return;
  Date as_of = TodayInChina();
  if (!a.as_of.empty()) {
    std::optional<Date> d = DateOption(g, "--as-of", a.as_of);
    if (!d) return;
    as_of = *d;
  }
  Result<Deadlines> r = ComputeDeadlines(*steps, cal, settings, as_of);
  if (!r.ok()) return Fail(g, r.status().message());
  const Deadlines& d = *r;
  if (a.json) {
    nlohmann::ordered_json j;
    j["as_of"] = FormatDate(as_of);
    j["correction_notice_due"] = FormatDate(d.correction_notice_due);
    auto opt = [&](const char* key, const std::optional<Date>& v) {
      j[key] = v ? nlohmann::ordered_json(FormatDate(*v)) : nlohmann::ordered_json(nullptr);
    };
    opt("reply_due", d.reply_due);
    opt("extended_due", d.extended_due);
    opt("consultation_due", d.consultation_due);
    opt("fee_payment_due", d.fee_payment_due);
    opt("correction_due", d.correction_due);
    j["paused"] = d.paused;
    j["overdue"] = d.overdue;
    j["answered_late"] = d.answered_late;
    j["working_days_left"] = d.working_days_left;
    j["may_change"] = d.may_change;
    j["explanation"] = d.explanation;
    std::cout << j.dump(2) << "\n";
    return;
  }
  const bool en = En(g);
  auto row = [&](std::string_view zh, std::string_view eng, const std::string& value) {
    if (!value.empty())
      std::cout << (en ? fmt::format("{}: {}\n", eng, value) : fmt::format("{}：{}\n", zh, value));
  };
  row("补正告知期限", "correction notice due", FormatDate(d.correction_notice_due));
  row("申请人补正期限", "applicant's correction due", OptDate(d.correction_due));
  row("答复期限", "reply due", OptDate(d.reply_due));
  row("延长后期限", "extended due", OptDate(d.extended_due));
  row("征求意见期限", "consultation due", OptDate(d.consultation_due));
  row("缴费期限", "fee payment due", OptDate(d.fee_payment_due));
  std::string state;
  if (d.paused) {
    state = en ? fmt::format("paused, {} working days frozen", d.working_days_left)
               : fmt::format("计时中止，剩余 {} 个工作日冻结", d.working_days_left);
  } else if (d.answered_late) {
    state = en ? fmt::format("answered late by {} working days", -d.working_days_left)
               : fmt::format("逾期办结，超期 {} 个工作日", -d.working_days_left);
  } else if (steps->closed && *steps->closed <= as_of) {
    state = en ? "answered in time" : "按期办结";
  } else if (d.overdue) {
    std::string due = OptDate(d.extended_due ? d.extended_due : d.reply_due);
    state =
        en ? fmt::format("OVERDUE: due {}, {} working days since", due, -d.working_days_left)
           : fmt::format("已逾期：期限于 {} 届满，其后已过 {} 个工作日", due, -d.working_days_left);
  } else {
    state = en ? fmt::format("{} working days left", d.working_days_left)
               : fmt::format("剩余 {} 个工作日", d.working_days_left);
  }
  row(fmt::format("截至{}", FormatDate(as_of)), "as of " + FormatDate(as_of), state);
  std::cout << (en ? "How it was computed:\n" : "计算过程：\n");
  for (const std::string& line : d.explanation) std::cout << "  " << line << "\n";
}

void RunDeadline(GlobalOptions& g, const DeadlineArgs& a) {
  const bool simple = !a.from.empty();
  if (simple == !a.received.empty()) {
    return Fail(g, En(g) ? "give either --from D --working-days N, or --received D for a case"
                         : "请给出 --from 日期 --working-days 天数，或用 --received 日期 "
                           "计算一件申请的各项期限（二选一）");
  }
  if (simple && a.working_days < 0) {
    return Fail(g, En(g) ? "--from needs --working-days N (N >= 0)"
                         : "--from 需要同时给出 --working-days 天数（不小于 0）");
  }
  DeadlineSettings settings;
  settings.start_day_is_day_zero = !a.start_day_counts;
  settings.fee_stops_clock = !a.fee_runs_clock;
  std::optional<Calendar> cal = Load(g, a.where);
  if (!cal) return;
  if (simple) return PrintSimple(g, a, *cal, settings);
  PrintCase(g, a, *cal, settings);
}

void AddWhereOptions(CLI::App* cmd, Where& w) {
  cmd->add_option("--region", w.region, "地方日历（data/calendar/local/ 下的目录名，如 hubei）");
  cmd->add_option("--data", w.data, "数据目录（默认：环境变量 GONGKAI_DATA_DIR 或源码中的 data/）");
}

}  // namespace

void AddCalendarCommands(CLI::App& app, GlobalOptions& global) {
  auto month = std::make_shared<std::string>();
  auto where = std::make_shared<Where>();
  CLI::App* cal = app.add_subcommand("calendar", "显示某月的工作日历（放假与调休上班）");
  cal->add_option("month", *month, "月份 YYYY-MM，例如 2024-10")->required();
  AddWhereOptions(cal, *where);
  cal->callback([&global, month, where] { PrintMonth(global, *where, *month); });

  auto args = std::make_shared<DeadlineArgs>();
  CLI::App* dl = app.add_subcommand("deadline", "计算工作日期限，并说明计算过程");
  dl->add_option("--from", args->from, "起算日 YYYY-MM-DD（该日为第0日）");
  dl->add_option("--working-days", args->working_days, "工作日数");
  dl->add_option("--received", args->received, "收到申请之日（条例第三十一条）");
  dl->add_option("--correction-requested", args->correction_requested,
                 "发出补正告知之日（可重复）");
  dl->add_option("--correction-deadline", args->correction_deadline,
                 "申请人补正期限（可重复，按顺序配对）");
  dl->add_option("--correction-received", args->correction_received,
                 "收到补正之日（可重复，按顺序配对）");
  dl->add_option("--consultation", args->consultation, "征求第三方意见 开始[:结束]（可重复）");
  dl->add_option("--co-author", args->co_author, "征求共同制作机关意见 开始[:结束]（可重复）");
  dl->add_option("--fee-notice", args->fee_notice, "收费通知 发出日[:缴费日]（可重复）");
  dl->add_option("--extension", args->extension, "批准延长的工作日数（最多20）");
  dl->add_option("--extension-approved", args->extension_approved, "延期告知之日");
  dl->add_option("--closed", args->closed, "办结（答复）之日");
  dl->add_option("--as-of", args->as_of, "计算截至日（默认今天，北京时间）");
  dl->add_flag("--json", args->json, "输出 JSON");
  dl->add_flag("--start-day-counts", args->start_day_counts,
               "起算日为工作日时计为第1日（默认第0日）");
  dl->add_flag("--fee-runs-clock", args->fee_runs_clock, "缴费期间答复期限不中止（默认中止）");
  AddWhereOptions(dl, args->where);
  dl->callback([&global, args] { RunDeadline(global, *args); });
}

}  // namespace gongkai::cli
