#include "calendar/promised_date.h"

#include <fmt/format.h>

namespace gongkai {
namespace {

constexpr std::string_view kWeekdayZh[] = {"一", "二", "三", "四", "五", "六", "日"};

// "2024年10月8日（星期二）"
std::string Day(Date d) {
  return fmt::format("{}（星期{}）", FormatDateZh(d), kWeekdayZh[IsoWeekday(d) - 1]);
}

}  // namespace

Result<PromisedDate> PromisedDateIfAppliedOn(Date today, int promised_working_days,
                                             const Calendar& calendar) {
  if (promised_working_days < 0) {
    return Status::InvalidInput(fmt::format(
        "承诺办结时限为 {} 个工作日，不能为负数：请按事项的实施清单填写 0（即办件）或正数",
        promised_working_days));
  }
  Result<Date> accepted = calendar.NextWorkingDayOnOrAfter(today);
  if (!accepted.ok()) return accepted.status();
  Result<Date> due = calendar.AddWorkingDays(*accepted, promised_working_days);
  if (!due.ok()) return due.status();

  PromisedDate p;
  p.accepted = *accepted;
  p.due = *due;
  p.immediate = promised_working_days == 0;
  p.may_change = calendar.MayChange(*due);
  if (*accepted == today) {
    p.explanation.push_back(fmt::format("今天 {} 是工作日，材料齐全的申请当日受理。", Day(today)));
  } else {
    Result<DayInfo> info = calendar.Describe(today);
    if (!info.ok()) return info.status();
    const std::string why =
        info->kind == DayKind::kRestDay ? fmt::format("{}放假", info->name) : std::string("休息日");
    p.explanation.push_back(
        fmt::format("今天 {} 是{}，申请于下一个工作日 {} 受理。", Day(today), why, Day(*accepted)));
  }
  if (p.immediate) {
    p.explanation.push_back("本事项为即办件，受理当日办结。");
  } else {
    p.explanation.push_back(fmt::format(
        "承诺办结时限 {} 个工作日，自受理次日起算，不含法定节假日（《行政许可法》第八十二条），"
        "调休上班日计入：{} 办结。",
        promised_working_days, Day(*due)));
  }
  if (p.may_change) {
    p.explanation.push_back("该日期所在时段的节假日安排尚未公布，日期可能随国务院办公厅通知调整。");
  }
  p.explanation.push_back(
      "以上按材料齐全、当场受理估算；需要补正材料的，自收到补正材料之日起重新计算。");
  return p;
}

}  // namespace gongkai
