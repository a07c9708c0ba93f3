#include "services/item.h"

#include <fmt/format.h>

namespace gongkai {
namespace {

Status Bad(std::string_view field, std::string_view what) {
  return Status::InvalidInput(fmt::format("字段 {}：{}", field, what));
}

}  // namespace

Status CheckServiceItem(const ServiceItem& item) {
  if (item.code.empty()) return Bad("code", "必填：事项编码（省级事项系统的编码，原样填写）");
  if (item.name.empty()) return Bad("name", "必填：事项名称");
  if (item.level == ItemLevel::kMain && !item.parent.empty()) {
    return Bad("parent", "主项没有上级，应为 null");
  }
  if (item.level != ItemLevel::kMain && item.parent.empty()) {
    return Bad("parent", fmt::format("{}必须填写上级事项的编码", Label(item.level)));
  }
  if (item.parent == item.code) return Bad("parent", "不能是事项自身的编码");
  if (item.department.empty()) return Bad("department", "必填：实施机关");
  if (item.level == ItemLevel::kTask && !item.object) {
    return Bad("object", fmt::format("业务办理项必须填写服务对象（可选值：{}）",
                                     AllowedServiceKeys(ServiceObjects())));
  }
  if (item.in_hall && item.not_in_hall_reason) {
    return Bad("not_in_hall_reason",
               "事项进驻大厅（in_hall 为 true）时不能有未进驻原因：进厅与负面清单只能二选一");
  }
  if (!item.in_hall && !item.not_in_hall_reason) {
    return Bad("not_in_hall_reason",
               fmt::format("未进驻大厅（in_hall 为 false）须说明原因（可选值：{}）",
                           AllowedServiceKeys(NotInHallReasons())));
  }
  if (item.not_in_hall_reason == NotInHallReason::kOther && item.not_in_hall_note.empty()) {
    return Bad("not_in_hall_note", "原因为 other（其他）时须填写说明");
  }
  if (item.cross_province) {
    if (item.cross_province->object == ServiceObject::kBoth) {
      return Bad("cross_province", "object 应为 individual 或 legal_person（个人 / 法人）");
    }
    if (item.cross_province->modes.empty()) {
      return Bad("cross_province", fmt::format("modes 至少一项（可选值：{}）",
                                               AllowedServiceKeys(CrossProvinceModes())));
    }
  }
  if (item.legal_days && *item.legal_days < 0) return Bad("legal_days", "不能为负数");
  if (item.promised_days && *item.promised_days < 0) return Bad("promised_days", "不能为负数");
  if (item.version < 1) return Bad("version", "版本号从 1 起");
  for (const ServiceMaterial& m : item.materials) {
    if (m.name.empty()) return Bad("materials", "每项材料须有 name（名称）");
    if (m.copies < 0) return Bad("materials", fmt::format("材料「{}」的份数不能为负数", m.name));
  }
  for (const ServiceBasis& b : item.basis) {
    if (b.title.empty()) return Bad("basis", "每条依据须有 title（文件全称）");
  }
  return Status::Ok();
}

bool OnNegativeList(const ServiceItem& item) {
  return item.level == ItemLevel::kTask && item.status == ItemStatus::kInUse && !item.in_hall;
}

bool OnCrossProvinceList(const ServiceItem& item) {
  return item.level == ItemLevel::kTask && item.status == ItemStatus::kInUse &&
         item.cross_province.has_value();
}

}  // namespace gongkai
