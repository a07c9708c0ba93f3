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

Status CheckNextEvent(const std::vector<Event>& history, const Event& next,
                      const Calendar& calendar, const CaseSettings& settings) {
  internal::CaseFold fold;
  for (std::size_t i = 0; i < history.size(); ++i) {
    // A stored history should be legal; if it is not, say so rather than fold nonsense.
    Status s = fold.Check(history[i], calendar, settings);
    if (!s.ok()) {
      return s.WithContext("已有记录不合规，" + Position(static_cast<int>(i), history[i]));
    }
    // Flags are ComputeCaseState's business; only the order matters here.
    (void)fold.Apply(history[i], calendar, settings);
  }
  return fold.Check(next, calendar, settings);
}

Status CheckHistory(const std::vector<Event>& events, const Calendar& calendar,
                    const CaseSettings& settings, int* bad_index) {
  internal::CaseFold fold;
  for (std::size_t i = 0; i < events.size(); ++i) {
    Status s = fold.Check(events[i], calendar, settings);
    if (!s.ok()) {
      if (bad_index != nullptr) *bad_index = static_cast<int>(i);
      return s.WithContext(Position(static_cast<int>(i), events[i]));
    }
    (void)fold.Apply(events[i], calendar, settings);
  }
  return Status::Ok();
}

Status CheckImportedCases(const std::vector<CaseEvents>& cases, const Calendar& calendar,
                          const CaseSettings& settings) {
  std::string errors;
  for (const CaseEvents& c : cases) {
    internal::CaseFold fold;
    for (std::size_t i = 0; i < c.events.size(); ++i) {
      Status s = fold.Check(c.events[i], calendar, settings);
      if (s.ok()) {
        (void)fold.Apply(c.events[i], calendar, settings);
        continue;
      }
      int line = i < c.lines.size() ? c.lines[i] : 0;
      if (!errors.empty()) errors += '\n';
      errors += line > 0 ? fmt::format("第 {} 行（案件 {}）：", line, c.case_number)
                         : fmt::format("案件 {} {}", c.case_number,
                                       Position(static_cast<int>(i), c.events[i]));
      errors += s.message();
      break;  // later events of this case would only repeat the consequence
    }
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
  internal::CaseFold fold;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
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
