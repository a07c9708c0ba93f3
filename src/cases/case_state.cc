#include "cases/case_state.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "cases/case_fold.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<CaseStatus>, 10> kStatuses{{
    {CaseStatus::kInProgress, "in_progress", "办理中"},
    {CaseStatus::kAwaitingCorrection, "awaiting_correction", "待补正"},
    {CaseStatus::kAwaitingReasons, "awaiting_reasons", "待说明理由"},
    {CaseStatus::kConsulting, "consulting", "征求意见中"},
    {CaseStatus::kAwaitingFee, "awaiting_fee", "待缴费"},
    {CaseStatus::kExtended, "extended", "已延期"},
    {CaseStatus::kAnswered, "answered", "已答复"},
    {CaseStatus::kDeemedWithdrawn, "deemed_withdrawn", "视为放弃申请"},
    {CaseStatus::kWithdrawn, "withdrawn", "已撤回"},
    {CaseStatus::kInvalid, "invalid", "记录有误"},
}};

std::string Position(int index, const Event& e) {
  return fmt::format("第 {} 个事件（{}，{}）：", index + 1, Key(e.type), FormatDate(e.date));
}

CaseStatus StatusOf(const internal::CaseFold& f) {
  if (f.closing != nullptr) {
    switch (f.closing->type) {
      case EventType::kDeemedWithdrawn:
        return CaseStatus::kDeemedWithdrawn;
      case EventType::kWithdrawn:
        return CaseStatus::kWithdrawn;
      default:
        return CaseStatus::kAnswered;
    }
  }
  if (f.open_correction) return CaseStatus::kAwaitingCorrection;
  if (f.open_stop_is(ClockStop::Reason::kFeeNotice)) return CaseStatus::kAwaitingFee;
  if (f.open_stop) return CaseStatus::kConsulting;
  if (f.open_reasons) return CaseStatus::kAwaitingReasons;
  if (f.steps.extension_approved) return CaseStatus::kExtended;
  return CaseStatus::kInProgress;
}

Outcome OutcomeOf(const Event& closing) {
  switch (closing.type) {
    case EventType::kDeemedWithdrawn:
      return closing.reason == WithdrawalReason::kFeeUnpaid ? Outcome::kOtherFeeUnpaid
                                                            : Outcome::kOtherNoCorrection;
    case EventType::kWithdrawn:
      return Outcome::kOtherOther;
    default:
      return closing.outcome.value_or(Outcome::kOtherOther);
  }
}

std::string Describe(const Event& e) {
  std::string line = fmt::format("{} {}", FormatDateZh(e.date), Label(e.type));
  switch (e.type) {
    case EventType::kReceived:
      if (e.channel) line += fmt::format("（{}", Label(*e.channel));
      if (e.arrived && *e.arrived != e.date)
        line += fmt::format("，{} 到达", FormatDateZh(*e.arrived));
      if (e.channel) line += "）";
      line += "：答复期限自此起算（条例第三十一条、第三十三条）";
      break;
    case EventType::kCorrectionRequested:
      line += "：等待申请人补正，答复期限自收到补正之日重新起算（条例第三十条）";
      break;
    case EventType::kCorrectionReceived:
      line += "：20 个工作日的答复期限自今日重新起算（条例第三十条）";
      break;
    case EventType::kConsultationSent:
      line += fmt::format("（{}）：征求意见期间不计入答复期限（条例第三十二条至第三十四条）",
                          e.party ? Label(*e.party) : "第三方");
      break;
    case EventType::kConsultationAnswered:
    case EventType::kConsultationTimedOut:
      line += "：答复期限恢复计算";
      break;
    case EventType::kExtensionApproved:
      line += fmt::format("：延长 {} 个工作日（条例第三十三条）", e.working_days.value_or(0));
      break;
    case EventType::kFeeNoticeSent:
      line += fmt::format("：{} 元（国办函〔2020〕109号）", e.amount_fen.value_or(0) / 100.0);
      break;
    case EventType::kAnswered:
      if (e.outcome) line += fmt::format("：{}", Label(*e.outcome));
      break;
    case EventType::kDeemedWithdrawn:
      if (e.reason) line += fmt::format("：{}", Label(*e.reason));
      break;
    default:
      break;
  }
  return line;
}

// A plausible event of type `t` on `date`, to ask the rule whether such a step is open.
Event Probe(const Event& received, EventType t, Date date) {
  Event e;
  e.case_number = received.case_number;
  e.agency = received.agency;
  e.type = t;
  e.date = date;
  e.working_days = 1;
  e.party = ConsultationParty::kThirdParty;
  e.method = std::string(Key(FeeMethod::kPerApplication));
  e.outcome = Outcome::kGranted;
  e.result = RemedyResult::kUpheld;
  e.after_reconsideration = false;
  e.reason = WithdrawalReason::kNoCorrection;
  return e;
}

std::vector<EventType> NextSteps(const internal::CaseFold& f, const Calendar& calendar,
                                 const CaseSettings& settings, Date as_of) {
  std::vector<EventType> steps;
  Date date = std::max(as_of, f.last_date);
  for (const auto& entry : EventTypes()) {
    if (entry.value == EventType::kCorrectionRequested && !f.steps.corrections.empty()) continue;
    Event probe = Probe(*f.received, entry.value, date);
    bool ok = f.Check(probe, calendar, settings).ok();
    if (!ok && entry.value == EventType::kDeemedWithdrawn) {
      probe.reason = WithdrawalReason::kFeeUnpaid;
      ok = f.Check(probe, calendar, settings).ok();
    }
    if (ok) steps.push_back(entry.value);
  }
  return steps;
}

Status RefuseVoid(std::string msg) { return Status::InvalidInput(std::move(msg)); }

// CheckVoid against a history whose skipped steps are known (skipped.size() == history.size()).
Status CheckVoidAgainst(std::span<const Event> history, const std::vector<bool>& skipped,
                        const Event& v) {
  if (history.empty()) return RefuseVoid("本案还没有任何事件，没有可以作废的步骤");
  const Event& first = history.front();
  if (v.case_number != first.case_number || v.agency != first.agency) {
    return RefuseVoid(
        fmt::format("事件属于案件 {}，不属于本案 {}", v.case_number, first.case_number));
  }
  const int n = v.voids.value_or(0);
  const int size = static_cast<int>(history.size());
  if (n < 1 || n > size) {
    return RefuseVoid(fmt::format("要作废的第 {} 个事件不存在：本案共有 {} 个事件", n, size));
  }
  const Event& target = history[static_cast<std::size_t>(n - 1)];
  if (target.type == EventType::kReceived) {
    return RefuseVoid(
        "不能作废“收到申请”：申请人已得到案件编号和查询码，登记簿须保留收到的每一份申请；"
        "重复提交的申请请以“不予处理——重复申请”（not_processed.repeat）答复");
  }
  if (IsVoid(target.type)) {
    return RefuseVoid(
        fmt::format("第 {} 个事件本身是作废记录，不能再作废；如作废有误，请重新记录原来的步骤", n));
  }
  if (skipped[static_cast<std::size_t>(n - 1)]) {
    return RefuseVoid(fmt::format("第 {} 个事件（{}）已经作废", n, Label(target.type)));
  }
  for (int j = n; j < size; ++j) {
    if (skipped[static_cast<std::size_t>(j)]) continue;
    return RefuseVoid(fmt::format(
        "第 {} 个事件（{}）之后还有仍然有效的第 {} 个事件（{}），它以前者为前提；请先从最新的步骤"
        "起逐个作废",
        n, Label(target.type), j + 1, Label(history[static_cast<std::size_t>(j)].type)));
  }
  if (!v.void_reason || v.void_reason->find_first_not_of(" \t\r\n") == std::string::npos) {
    return RefuseVoid("请写明作废的理由");
  }
  if (v.date < target.date) {
    return RefuseVoid(fmt::format("作废日期 {} 早于被作废事件的日期 {}", FormatDate(v.date),
                                  FormatDate(target.date)));
  }
  return Status::Ok();
}

// SkippedByVoids; also reports the first void CheckVoid refuses (its index and refusal) when
// asked. A refused void is skipped and voids nothing.
std::vector<bool> ScanVoids(const std::vector<Event>& events, Status* bad, int* bad_index) {
  std::vector<bool> skipped;
  skipped.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (!IsVoid(e.type)) {
      skipped.push_back(false);
      continue;
    }
    Status s = CheckVoidAgainst(std::span<const Event>(events.data(), i), skipped, e);
    if (s.ok()) {
      skipped[static_cast<std::size_t>(*e.voids - 1)] = true;
    } else if (bad != nullptr && bad->ok()) {
      *bad = s;
      *bad_index = static_cast<int>(i);
    }
    skipped.push_back(true);
  }
  return skipped;
}

// The sequence rule event by event, voids included (a void takes the latest step in force
// out, so the fold is rebuilt from the steps that remain); refuses events after `today` when
// given. Returns the first refusal and sets *bad to its index.
Status CheckEach(const std::vector<Event>& events, const Calendar& calendar,
                 const CaseSettings& settings, std::optional<Date> today, int* bad) {
  std::vector<bool> skipped;
  skipped.reserve(events.size());
  internal::CaseFold fold;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    Status s = today ? CheckNotAfterToday(e, *today) : Status::Ok();
    if (s.ok() && IsVoid(e.type)) {
      s = CheckVoidAgainst(std::span<const Event>(events.data(), i), skipped, e);
      if (s.ok()) {
        skipped[static_cast<std::size_t>(*e.voids - 1)] = true;
        skipped.push_back(true);
        fold = internal::CaseFold();
        for (std::size_t j = 0; j < i; ++j) {
          if (!skipped[j]) (void)fold.Apply(events[j], calendar, settings);
        }
        continue;
      }
    } else if (s.ok()) {
      s = fold.Check(e, calendar, settings);
    }
    if (!s.ok()) {
      *bad = static_cast<int>(i);
      return s;
    }
    (void)fold.Apply(e, calendar, settings);
    skipped.push_back(false);
  }
  return Status::Ok();
}

}  // namespace

std::span<const VocabEntry<CaseStatus>> CaseStatuses() { return kStatuses; }
std::string_view Key(CaseStatus v) { return kStatuses[static_cast<std::size_t>(v)].key; }
std::string_view Label(CaseStatus v) { return kStatuses[static_cast<std::size_t>(v)].label; }
std::optional<CaseStatus> CaseStatusFromKey(std::string_view key) {
  for (const auto& e : kStatuses) {
    if (e.key == key) return e.value;
  }
  return std::nullopt;
}

Status CheckNotAfterToday(const Event& e, Date today) {
  if (e.date <= today) return Status::Ok();
  return Status::InvalidInput(
      fmt::format("日期 {} 晚于今天（{}）：登记簿只记录已经发生的步骤，请核对日期",
                  FormatDate(e.date), FormatDate(today)));
}

Status CheckVoid(const std::vector<Event>& history, const Event& void_event) {
  return CheckVoidAgainst(history, ScanVoids(history, nullptr, nullptr), void_event);
}

std::vector<bool> SkippedByVoids(const std::vector<Event>& events) {
  return ScanVoids(events, nullptr, nullptr);
}

Status CheckNextEvent(const std::vector<Event>& history, const Event& next,
                      const Calendar& calendar, const CaseSettings& settings) {
  Status bad_void;
  int bad_index = -1;
  std::vector<bool> skipped = ScanVoids(history, &bad_void, &bad_index);
  if (!bad_void.ok()) {
    return bad_void.WithContext("已有记录不合规，" + Position(bad_index, history[bad_index]));
  }
  internal::CaseFold fold;
  for (std::size_t i = 0; i < history.size(); ++i) {
    if (skipped[i]) continue;
    // A stored history should be legal; if it is not, say so rather than fold nonsense.
    Status s = fold.Check(history[i], calendar, settings);
    if (!s.ok()) {
      return s.WithContext("已有记录不合规，" + Position(static_cast<int>(i), history[i]));
    }
    // Flags are ComputeCaseState's business; only the order matters here.
    (void)fold.Apply(history[i], calendar, settings);
  }
  if (IsVoid(next.type)) return CheckVoidAgainst(history, skipped, next);
  return fold.Check(next, calendar, settings);
}

Status CheckHistory(const std::vector<Event>& events, const Calendar& calendar,
                    const CaseSettings& settings, int* bad_index) {
  int bad = 0;
  Status s = CheckEach(events, calendar, settings, std::nullopt, &bad);
  if (s.ok()) return s;
  if (bad_index != nullptr) *bad_index = bad;
  return s.WithContext(Position(bad, events[static_cast<std::size_t>(bad)]));
}

Status CheckImportedCases(const std::vector<CaseEvents>& cases, const Calendar& calendar,
                          const CaseSettings& settings, Date today) {
  std::string errors;
  for (const CaseEvents& c : cases) {
    int i = 0;
    Status s = CheckEach(c.events, calendar, settings, today, &i);
    if (s.ok()) continue;
    // Only the first refusal of a case: later events would only repeat the consequence.
    std::size_t at = static_cast<std::size_t>(i);
    int line = at < c.lines.size() ? c.lines[at] : 0;
    if (!errors.empty()) errors += '\n';
    errors += line > 0 ? fmt::format("第 {} 行（案件 {}）：", line, c.case_number)
                       : fmt::format("案件 {} {}", c.case_number, Position(i, c.events[at]));
    errors += s.message();
  }
  if (!errors.empty()) return Status::InvalidInput(errors);
  return Status::Ok();
}

CaseState ComputeCaseState(const std::vector<Event>& events, const Calendar& calendar,
                           const CaseSettings& settings, Date as_of) {
  CaseState state;
  if (!events.empty()) {
    state.agency = events.front().agency;
    state.case_number = events.front().case_number;
  }
  Status bad_void;
  int bad_index = -1;
  std::vector<bool> skipped = ScanVoids(events, &bad_void, &bad_index);
  state.voided.resize(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    state.voided[i] = skipped[i] && !IsVoid(events[i].type);
  }
  internal::CaseFold fold;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (static_cast<int>(i) == bad_index) {
      state.error = bad_void.WithContext(Position(bad_index, e));
      state.illegal_event = bad_index;
      break;
    }
    if (skipped[i]) {
      if (IsVoid(e.type) && e.date <= as_of) {
        const Event& target = events[static_cast<std::size_t>(*e.voids - 1)];
        state.explanation.push_back(fmt::format("{} 作废第 {} 个事件（{}，{}）：{}",
                                                FormatDateZh(e.date), *e.voids, Label(target.type),
                                                FormatDate(target.date), *e.void_reason));
      }
      continue;
    }
    if (e.date > as_of) break;
    Status s = fold.Check(e, calendar, settings);
    if (!s.ok()) {
      state.error = s.WithContext(Position(static_cast<int>(i), e));
      state.illegal_event = static_cast<int>(i);
      break;
    }
    Status flag = fold.Apply(e, calendar, settings);
    if (!flag.ok() && state.error.ok()) state.error = flag;
    state.explanation.push_back(Describe(e));
  }
  if (fold.received == nullptr) {
    if (state.error.ok()) {
      state.error = Status::InvalidInput(
          fmt::format("截至 {} 本案没有“收到申请”（received）事件", FormatDate(as_of)));
    }
    return state;
  }
  const Event& r = *fold.received;
  state.applicant_kind = r.applicant_kind;
  state.channel = r.channel;
  state.arrived = r.ArrivalDate();
  state.receipt = r.date;
  if (fold.closing != nullptr) {
    state.closed = fold.closing->date;
    state.outcome = OutcomeOf(*fold.closing);
  }
  state.delivered = fold.delivered;
  state.fee_charged_fen = fold.fee_charged_fen;
  state.correction_rounds = static_cast<int>(fold.steps.corrections.size());
  state.extended = fold.steps.extension_approved.has_value();
  state.late_correction_notice = fold.late_correction_notice;
  state.remedies = fold.remedies;
  if (state.illegal_event) {
    state.status = CaseStatus::kInvalid;
    return state;
  }
  state.status = StatusOf(fold);

  auto deadlines = ComputeDeadlines(fold.steps, calendar, settings.deadlines, as_of);
  if (deadlines.ok()) {
    state.answered_late = deadlines->answered_late;
    state.overdue = deadlines->overdue;
    if (fold.steps.extension_approved && deadlines->reply_due &&
        *fold.steps.extension_approved > *deadlines->reply_due) {
      state.late_extension = true;
    }
    for (const auto& line : deadlines->explanation) state.explanation.push_back(line);
    state.deadlines = std::move(deadlines).value();
  } else if (state.error.ok()) {
    state.error = deadlines.status();
  }
  if (state.late_correction_notice) {
    state.explanation.push_back("注意：补正告知晚于收到申请后 7 个工作日（条例第三十条）");
  }
  if (state.correction_rounds > 1) {
    state.explanation.push_back(
        fmt::format("注意：补正告知发出了 {} 次（条例第三十条要求一次性告知需要补正的全部事项）",
                    state.correction_rounds));
  }
  if (state.late_extension) {
    state.explanation.push_back(
        "注意：延期晚于原答复期限作出（条例第三十三条要求在期限届满前告知）");
  }
  if (state.answered_late) state.explanation.push_back("注意：答复晚于法定期限");
  state.next_steps = NextSteps(fold, calendar, settings, as_of);
  return state;
}

}  // namespace gongkai
