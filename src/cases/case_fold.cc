// The sequence rule of a disclosure case (../shared/spec/case-events.md, "Illegal sequences";
// law.md §3). Refused: an event before `received`, a second `received` (Art. 31 and law.md §3: a
// re-sent copy of the same application must not reset the clock), an arrival after the receipt
// date (Art. 31 starts the clock on or after arrival), anything after a closing event
// except `delivered` and the remedies, a date earlier than the previous event, a second extension
// or one outside 1..20 working days (Art. 33), an answer to a request never made (补正, 说明理由,
// 征求意见, 收费), a second request while one is open (Art. 30: one 补正 notice listing
// everything), overlapping clock stops (a consultation and an unpaid fee notice at once), a
// consultation "timed out" before its 15 working days (Art. 32, 34), a deemed withdrawal before
// the 补正 deadline or the fee's 20 working days have passed (Art. 30; 国办函〔2020〕109号), a
// decision for a proceeding never filed, and a lawsuit "after reconsideration" with none filed.
// Accepted but flagged (by ComputeCaseState): a 补正 notice later than 7 working days after
// receipt (or after the previous 补正 was received), a late extension, a late reply.

#include "cases/case_fold.h"

#include <fmt/format.h>

namespace gongkai::internal {
namespace {

Status Refuse(std::string msg) { return Status::InvalidInput(std::move(msg)); }

std::string Quoted(EventType t) { return fmt::format("“{}”（{}）", Label(t), Key(t)); }

bool HasOpenRemedy(const std::vector<Remedy>& remedies, bool litigation) {
  for (const auto& r : remedies) {
    bool is_litigation = r.block != RemedyBlock::kReconsideration;
    if (is_litigation == litigation && !r.decided) return true;
  }
  return false;
}

}  // namespace

Status CaseFold::Check(const Event& e, const Calendar& calendar,
                       const CaseSettings& settings) const {
  if (IsVoid(e.type)) {
    // A void is judged against the whole list of events (CheckVoid), which a fold does not keep.
    return Refuse("作废记录须对照案件的全部事件检查（CheckVoid），不能作为办理步骤记录");
  }
  if (received == nullptr) {
    if (e.type != EventType::kReceived) {
      return Refuse(fmt::format(
          "本案还没有“收到申请”（received）事件，不能先记录{}；请先登记收到申请", Quoted(e.type)));
    }
    if (e.arrived && *e.arrived > e.date) {
      return Refuse(fmt::format(
          "到达日期 {} 晚于收到申请之日 {}；收到申请之日不会早于申请到达之日（条例第三十一条）",
          FormatDate(*e.arrived), FormatDate(e.date)));
    }
    return Status::Ok();
  }
  if (e.case_number != received->case_number || e.agency != received->agency) {
    return Refuse(
        fmt::format("事件属于案件 {}，不属于本案 {}", e.case_number, received->case_number));
  }
  if (e.date < last_date) {
    return Refuse(fmt::format("日期 {} 早于上一个事件的日期 {}；事件须按发生顺序记录",
                              FormatDate(e.date), FormatDate(last_date)));
  }
  if (e.type == EventType::kReceived) {
    return Refuse(
        fmt::format("本案已于 {} 收到申请；重复提交的同一申请不重新起算期限，请勿重复登记",
                    FormatDate(received->date)));
  }
  if (closing != nullptr && e.type != EventType::kDelivered && !IsRemedy(e.type)) {
    return Refuse(
        fmt::format("本案已于 {} {}，已经办结；之后只能记录送达、行政复议和行政诉讼，不能记录{}",
                    FormatDate(closing->date), Label(closing->type), Quoted(e.type)));
  }
  switch (e.type) {
    case EventType::kReceived:
      break;
    case EventType::kCorrectionRequested:
      if (open_correction) {
        return Refuse(fmt::format(
            "{} 发出的补正告知尚未补正；补正告知应一次性列明需要补正的全部内容（条例第三十条）",
            FormatDate(steps.corrections[*open_correction].requested)));
      }
      if (e.deadline && *e.deadline < e.date) {
        return Refuse(fmt::format("补正期限 {} 早于补正告知日期 {}", FormatDate(*e.deadline),
                                  FormatDate(e.date)));
      }
      break;
    case EventType::kCorrectionReceived:
      if (!open_correction) {
        return Refuse(
            "没有待补正的补正告知，不能记录“收到补正”；请先记录补正告知（correction_requested）");
      }
      break;
    case EventType::kReasonsRequested:
      if (open_reasons) {
        return Refuse(fmt::format("{} 已要求说明理由，尚未收到说明", FormatDate(*open_reasons)));
      }
      break;
    case EventType::kReasonsReceived:
      if (!open_reasons) {
        return Refuse("没有要求申请人说明理由，不能记录“收到理由说明”；请先记录 reasons_requested");
      }
      break;
    case EventType::kConsultationSent:
    case EventType::kFeeNoticeSent:
      if (open_stop) {
        const ClockStop& s = steps.stops[*open_stop];
        bool fee = s.reason == ClockStop::Reason::kFeeNotice;
        return Refuse(fmt::format("{} 发出的{}尚未结束；请先记录{}，再记录{}", FormatDate(s.start),
                                  fee ? "收费通知" : "征求意见",
                                  fee ? "缴费或视为放弃申请" : "对方答复或期满", Quoted(e.type)));
      }
      break;
    case EventType::kConsultationAnswered:
    case EventType::kConsultationTimedOut: {
      if (!open_stop || open_stop_is(ClockStop::Reason::kFeeNotice)) {
        return Refuse(
            fmt::format("没有正在进行的征求意见，不能记录{}；请先记录征求意见（consultation_sent）",
                        Quoted(e.type)));
      }
      if (e.type == EventType::kConsultationTimedOut) {
        Date sent = steps.stops[*open_stop].start;
        auto due = calendar.AddWorkingDays(sent, settings.deadlines.consultation_working_days);
        if (!due.ok()) return due.status();
        if (e.date <= *due) {
          return Refuse(fmt::format(
              "征求意见于 {} 发出，答复期限为第 {} 个工作日 {}，此前不能记为期满", FormatDate(sent),
              settings.deadlines.consultation_working_days, FormatDate(*due)));
        }
      }
      break;
    }
    case EventType::kExtensionApproved: {
      if (steps.extension_approved) {
        return Refuse(fmt::format("本案已于 {} 延期一次；每案只能延期一次（条例第三十三条）",
                                  FormatDate(*steps.extension_approved)));
      }
      int wd = e.working_days.value_or(0);
      int max = settings.deadlines.max_extension_working_days;
      if (wd < 1 || wd > max) {
        return Refuse(fmt::format(
            "延长 {} 个工作日无效：延长期限最长 {} 个工作日（条例第三十三条），应为 1 到 {}", wd,
            max, max));
      }
      break;
    }
    case EventType::kFeePaid:
      if (!open_stop_is(ClockStop::Reason::kFeeNotice)) {
        return Refuse(
            "没有待缴费的收费通知，不能记录“缴纳费用”；请先记录收费通知（fee_notice_sent）");
      }
      break;
    case EventType::kAnswered:
    case EventType::kWithdrawn:
      break;
    case EventType::kDeemedWithdrawn:
      if (e.reason == WithdrawalReason::kNoCorrection) {
        if (!open_correction) {
          return Refuse("没有待补正的补正告知，不能以“逾期不补正”视为放弃申请");
        }
        const CorrectionRound& round = steps.corrections[*open_correction];
        if (round.deadline && e.date <= *round.deadline) {
          return Refuse(fmt::format("补正期限 {} 尚未届满，不能以逾期不补正视为放弃申请",
                                    FormatDate(*round.deadline)));
        }
      } else {
        if (!open_stop_is(ClockStop::Reason::kFeeNotice)) {
          return Refuse("没有待缴费的收费通知，不能以“逾期未缴费”视为放弃申请");
        }
        Date sent = steps.stops[*open_stop].start;
        auto due = calendar.AddWorkingDays(sent, settings.deadlines.fee_payment_working_days);
        if (!due.ok()) return due.status();
        if (e.date <= *due) {
          return Refuse(fmt::format(
              "收费通知于 {} 发出，缴费期限至 {}（国办函〔2020〕109号，{} 个工作日），尚未届满",
              FormatDate(sent), FormatDate(*due), settings.deadlines.fee_payment_working_days));
        }
      }
      break;
    case EventType::kDelivered:
      if (closing == nullptr) {
        return Refuse("本案尚未答复或办结，不能记录“送达”；请先记录答复（answered）");
      }
      break;
    case EventType::kReconsiderationFiled:
      break;
    case EventType::kReconsiderationDecided:
      if (!HasOpenRemedy(remedies, false)) {
        return Refuse(
            "本案没有尚未审结的行政复议，不能记录复议决定；请先记录 reconsideration_filed");
      }
      break;
    case EventType::kLitigationFiled:
      if (e.after_reconsideration.value_or(false)) {
        bool any = false;
        for (const auto& r : remedies) any = any || r.block == RemedyBlock::kReconsideration;
        if (!any) return Refuse("本案没有申请过行政复议，不能记为“复议后起诉”");
      }
      break;
    case EventType::kLitigationDecided:
      if (!HasOpenRemedy(remedies, true)) {
        return Refuse("本案没有尚未审结的行政诉讼，不能记录诉讼裁判；请先记录 litigation_filed");
      }
      break;
    case EventType::kVoided:  // refused above
      break;
  }
  return Status::Ok();
}

Status CaseFold::Apply(const Event& e, const Calendar& calendar, const CaseSettings& settings) {
  last_date = e.date;
  Status flag_status;
  switch (e.type) {
    case EventType::kReceived:
      received = &e;
      steps.receipt = e.date;
      break;
    case EventType::kCorrectionRequested: {
      Date from = restart.value_or(steps.receipt);
      auto due = calendar.AddWorkingDays(from, settings.deadlines.correction_notice_working_days);
      if (due.ok()) {
        late_correction_notice = late_correction_notice || e.date > *due;
      } else {
        flag_status = due.status();
      }
      open_correction = steps.corrections.size();
      steps.corrections.push_back(CorrectionRound{e.date, e.deadline, std::nullopt});
      break;
    }
    case EventType::kCorrectionReceived:
      steps.corrections[*open_correction].received = e.date;
      open_correction.reset();
      restart = e.date;
      break;
    case EventType::kReasonsRequested:
      open_reasons = e.date;
      break;
    case EventType::kReasonsReceived:
      open_reasons.reset();
      break;
    case EventType::kConsultationSent:
      open_stop = steps.stops.size();
      steps.stops.push_back(ClockStop{e.party == ConsultationParty::kCoAuthor
                                          ? ClockStop::Reason::kCoAuthorConsultation
                                          : ClockStop::Reason::kThirdPartyConsultation,
                                      e.date, std::nullopt});
      break;
    case EventType::kFeeNoticeSent:
      open_stop = steps.stops.size();
      steps.stops.push_back(ClockStop{ClockStop::Reason::kFeeNotice, e.date, std::nullopt});
      fee_notice_fen = e.amount_fen.value_or(0);
      break;
    case EventType::kConsultationAnswered:
    case EventType::kConsultationTimedOut:
      steps.stops[*open_stop].end = e.date;
      open_stop.reset();
      break;
    case EventType::kFeePaid:
      steps.stops[*open_stop].end = e.date;
      open_stop.reset();
      fee_charged_fen += fee_notice_fen;
      fee_notice_fen = 0;
      break;
    case EventType::kExtensionApproved:
      steps.extension_approved = e.date;
      steps.extension_working_days = e.working_days;
      break;
    case EventType::kAnswered:
    case EventType::kDeemedWithdrawn:
    case EventType::kWithdrawn:
      closing = &e;
      steps.closed = e.date;
      // Whatever was still waiting ends with the case.
      if (open_stop) steps.stops[*open_stop].end = e.date;
      open_stop.reset();
      open_correction.reset();
      open_reasons.reset();
      break;
    case EventType::kDelivered:
      delivered = e.date;
      break;
    case EventType::kReconsiderationFiled:
      remedies.push_back(Remedy{RemedyBlock::kReconsideration, e.date, std::nullopt, std::nullopt});
      break;
    case EventType::kLitigationFiled:
      remedies.push_back(Remedy{e.after_reconsideration.value_or(false)
                                    ? RemedyBlock::kLitigationAfterReconsideration
                                    : RemedyBlock::kLitigationDirect,
                                e.date, std::nullopt, std::nullopt});
      break;
    case EventType::kReconsiderationDecided:
    case EventType::kLitigationDecided: {
      bool litigation = e.type == EventType::kLitigationDecided;
      for (auto& r : remedies) {
        if ((r.block != RemedyBlock::kReconsideration) == litigation && !r.decided) {
          r.decided = e.date;
          r.result = e.result;
          break;
        }
      }
      break;
    }
    case EventType::kVoided:  // never folded: the callers skip voids (CheckVoid)
      break;
  }
  return flag_status;
}

}  // namespace gongkai::internal
