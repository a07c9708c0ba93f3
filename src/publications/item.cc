#include "publications/item.h"

#include <fmt/format.h>

namespace gongkai {

Status CheckPublication(const Publication& item) {
  if (item.title.empty()) return Status::InvalidInput("字段 title（名称）不能为空");
  if (item.publisher.empty()) return Status::InvalidInput("字段 publisher（发布机构）不能为空");
  if (item.summary.empty()) {
    return Status::InvalidInput(
        "字段 summary（内容概述）不能为空：条例第十二条要求目录载明内容概述");
  }
  if (!IsValidCategoryKey(item.category)) {
    return Status::InvalidInput(fmt::format("字段 category（主题分类）“{}”无法识别（可选值：{}）",
                                            item.category, AllowedCategoriesText()));
  }
  if (item.changed && *item.changed < item.created) {
    return Status::InvalidInput(fmt::format("字段 changed（变更日期）{} 早于生成日期 {}",
                                            FormatDate(*item.changed), FormatDate(item.created)));
  }
  if (item.published && *item.published < item.created) {
    return Status::InvalidInput(fmt::format("字段 published（公开日期）{} 早于生成日期 {}",
                                            FormatDate(*item.published), FormatDate(item.created)));
  }
  if (item.status == Validity::kInForce && item.status_date) {
    return Status::InvalidInput(
        "字段 status_date：有效（in_force）的信息不应有失效/废止日期；请删去该日期或改 status");
  }
  if (item.status != Validity::kInForce) {
    if (!item.status_date) {
      return Status::InvalidInput(
          fmt::format("字段 status_date：status 为 {}（{}）时必须填写失效/废止日期",
                      Key(item.status), Label(item.status)));
    }
    if (*item.status_date < item.created) {
      return Status::InvalidInput(fmt::format("字段 status_date（{}日期）{} 早于生成日期 {}",
                                              Label(item.status), FormatDate(*item.status_date),
                                              FormatDate(item.created)));
    }
  }
  return Status::Ok();
}

}  // namespace gongkai
