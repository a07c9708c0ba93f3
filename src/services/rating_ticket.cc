#include "services/rating_ticket.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace gongkai {
namespace {

bool Closes(TicketStepKind k) {
  return k == TicketStepKind::kRectified || k == TicketStepKind::kExplained ||
         k == TicketStepKind::kCannotRectify || k == TicketStepKind::kAppealUpheld;
}

bool IsAnswer(TicketStepKind k) { return Closes(k) || k == TicketStepKind::kAppealRejected; }

constexpr std::string_view kAnswers =
    "rectified | explained | cannot_rectify | appeal_upheld | "
    "appeal_rejected";

}  // namespace

std::string_view Label(TicketState state) {
  switch (state) {
    case TicketState::kOpen:
      return "待核实";
    case TicketState::kVerified:
      return "已核实，待答复";
    case TicketState::kAnswered:
      return "已答复，待回访";
    case TicketState::kRevisited:
      return "已回访";
    case TicketState::kInvalid:
      return "申诉成立（无效差评）";
  }
  return "";
}

Result<RectificationSettings> RectificationSettingsFromJson(std::string_view text) {
  RectificationSettings s;
  if (text.empty()) return s;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return s;
  if (j.contains("rating_period_days")) {
    const auto& d = j["rating_period_days"];
    if (!d.is_number_integer() || d.get<long long>() < 1 || d.get<long long>() > 60) {
      return Status::InvalidInput(
          "机关设置 rating_period_days：应为 1 至 60 的整数（差评整改期限）");
    }
    s.days = d.get<int>();
  }
  if (j.contains("rating_period_unit")) {
    const auto& u = j["rating_period_unit"];
    if (u == "working") {
      s.working = true;
    } else if (u == "calendar") {
      s.working = false;
    } else {
      return Status::InvalidInput(
          "机关设置 rating_period_unit：应为 working（工作日）或 calendar（自然日）");
    }
  }
  return s;
}

Status CheckNextStep(const Rating& rating, std::span<const TicketStep> steps,
                     const TicketStep& next) {
  using K = TicketStepKind;
  auto refuse = [&](std::string what) {
    return Status::InvalidInput(
        fmt::format("字段 type：{}「{}」不能记录：{}", Label(next.kind), Key(next.kind), what));
  };
  if (!IsPoor(rating.level)) {
    return refuse(fmt::format("评价 {} 为{}（{} 级），只有差评（1、2 级）有整改工单", rating.id,
                              RatingLevelLabel(rating.level), rating.level));
  }
  if (next.date < rating.at.date) {
    return Status::InvalidInput(fmt::format("字段 date：{} 早于评价日期 {}", FormatDate(next.date),
                                            FormatDate(rating.at.date)));
  }
  if (!steps.empty() && next.date < steps.back().date) {
    return Status::InvalidInput(fmt::format("字段 date：{} 早于上一步（{}）的日期 {}",
                                            FormatDate(next.date), Label(steps.back().kind),
                                            FormatDate(steps.back().date)));
  }
  if (next.kind == K::kRevisited && !next.result) {
    return Status::InvalidInput(
        "字段 result：回访须写明评价人对整改的意见（可选值：satisfied | "
        "basically | unsatisfied）");
  }
  if (next.kind != K::kRevisited && next.result) {
    return Status::InvalidInput("字段 result：只有回访（revisited）带 result");
  }
  if (next.kind != K::kExtended && next.days) {
    return Status::InvalidInput("字段 days：只有延期（extended）带 days");
  }
  if (next.days && (*next.days < 1 || *next.days > 60)) {
    return Status::InvalidInput("字段 days：延期天数应为 1 至 60 的整数");
  }
  bool verified = false, closed = false, revisited = false;
  std::optional<K> closing;
  for (const TicketStep& s : steps) {
    if (!s.approved) {
      return refuse(
          fmt::format("上一步{}（{}）尚待批准：请先批准或驳回", Label(s.kind), FormatDate(s.date)));
    }
    if (s.kind == K::kVerified) verified = true;
    if (Closes(s.kind)) {
      closed = true;
      closing = s.kind;
    }
    if (s.kind == K::kRevisited) revisited = true;
  }
  switch (next.kind) {
    case K::kVerified:
      if (verified) return refuse("工单已核实");
      return Status::Ok();
    case K::kExtended:
      if (!verified) return refuse("须先核实（verified）");
      if (closed) return refuse("工单已答复，不能延期");
      return Status::Ok();
    case K::kRevisited:
      if (!closed) return refuse(fmt::format("须先答复（{}）", kAnswers));
      if (closing == K::kAppealUpheld) return refuse("申诉成立的无效差评不回访");
      if (revisited) return refuse("工单已回访");
      return Status::Ok();
    default:
      if (!IsAnswer(next.kind)) return Status::Internal("unknown ticket step");
      if (!verified) return refuse("须先核实（verified）");
      if (closed) return refuse(fmt::format("工单已答复（{}）", Label(*closing)));
      return Status::Ok();
  }
}

Result<TicketStatus> ComputeTicket(const Rating& rating, std::span<const TicketStep> steps,
                                   const RectificationSettings& settings, const Calendar& calendar,
                                   Date as_of) {
  using K = TicketStepKind;
  TicketStatus t;
  t.opened = rating.at.date;
  auto add = [&](Date from, int days) {
    return settings.working ? calendar.AddWorkingDays(from, days)
                            : calendar.AddCalendarDays(from, days);
  };
  auto due = add(t.opened, settings.days);
  if (!due.ok()) return due.status();
  t.due = *due;
  for (const TicketStep& s : steps) {
    if (!s.approved) {
      t.pending = true;
      continue;
    }
    switch (s.kind) {
      case K::kVerified:
        t.state = TicketState::kVerified;
        break;
      case K::kExtended: {
        auto moved = add(t.due, s.days.value_or(settings.days));
        if (!moved.ok()) return moved.status();
        t.due = *moved;
        ++t.extensions;
        break;
      }
      case K::kRevisited:
        t.state = TicketState::kRevisited;
        t.revisit = s.result;
        break;
      case K::kAppealRejected:
        break;
      default:
        t.answer = s.kind;
        t.answered = s.date;
        t.state = s.kind == K::kAppealUpheld ? TicketState::kInvalid : TicketState::kAnswered;
    }
  }
  t.overdue = t.answered ? *t.answered > t.due : as_of > t.due;
  return t;
}

}  // namespace gongkai
