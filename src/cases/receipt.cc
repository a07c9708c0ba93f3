// Art. 33 of the Regulation: 行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。
// 不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开
// 工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。The counting convention is the
// deadline engine's (calendar/deadline.h); the sentence states whichever the settings choose.

#include "cases/receipt.h"

#include <fmt/format.h>

#include <utility>

namespace gongkai {

ReceiptFacts BuildReceipt(std::string number, std::optional<std::string> query_code, Date received,
                          std::optional<Date> reply_due, const DeadlineSettings& settings) {
  ReceiptFacts r;
  r.case_number = std::move(number);
  r.query_code = std::move(query_code);
  r.received = received;
  r.reply_due = reply_due;
  std::string_view counting = settings.start_day_is_day_zero
                                  ? "收到申请当日不计入，自次日起计算"
                                  : "收到申请当日为工作日的计为第1个工作日";
  std::string due = reply_due ? fmt::format("，即{}前", FormatDateZh(*reply_due))
                              : std::string("，具体日期待补正或中止情形结束后另行告知");
  r.due_explanation = fmt::format(
      "根据《中华人民共和国政府信息公开条例》第三十三条，本机关自收到申请之日（{}）起{}个工作日内"
      "予以答复（{}；周末和法定节假日不计，调休上班日计入）{}。需要延长答复期限的，将另行书面告知，"
      "延长的期限最长不超过{}"
      "个工作日；需要补正的，自收到补正后的申请之日起重新计算；征求第三方或其他机关意见的时间不计入"
      "答复期限。",
      FormatDateZh(received), settings.reply_working_days, counting, due,
      settings.max_extension_working_days);
  return r;
}

}  // namespace gongkai
