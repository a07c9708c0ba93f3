// Test-only helpers for the services layer: a well-formed 业务办理项 to start cases from.

#ifndef GONGKAI_SERVICES_TESTING_H_
#define GONGKAI_SERVICES_TESTING_H_

#include "services/item.h"

namespace gongkai::testing {

// An in-use 业务办理项 that passes every quality rule: 法定 20 / 承诺 10 working days, no fee,
// both contacts, two conditions and two materials traced to one basis clause, effective
// 2024-01-01 as version 1.
inline ServiceItem CleanTask(std::string code = "00016421300301") {
  ServiceItem item;
  item.code = std::move(code);
  item.name = "食品经营许可（新设）";
  item.level = ItemLevel::kTask;
  item.parent = "000164213003";
  item.type = ItemType::kLicence;
  item.department = "区市场监督管理局";
  item.object = ServiceObject::kLegalPerson;
  item.conditions = {"有与经营的食品品种、数量相适应的经营场所", "有食品安全管理人员"};
  item.materials = {{"食品经营许可申请书", MaterialForm::kOriginal, 1, true, "{}"},
                    {"营业执照", MaterialForm::kCopy, 1, true, "{}"}};
  item.basis = {{"中华人民共和国食品安全法", "", "第三十五条"}};
  item.legal_days = 20;
  item.promised_days = 10;
  item.fee = ServiceFee{false, "", ""};
  item.contacts = ServiceContacts{"0826-12345", "12345"};
  item.place = "区政务服务中心一楼";
  item.effective = Date{std::chrono::year{2024}, std::chrono::month{1}, std::chrono::day{1}};
  return item;
}

}  // namespace gongkai::testing

#endif  // GONGKAI_SERVICES_TESTING_H_
