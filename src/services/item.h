// A government service item (政务服务事项, ../shared/spec/services.md §2, §9): one row of the
// catalogue on one of three levels (主项 → 子项 → 业务办理项), with the element groups a guide
// shows: identity, authority, basis, applicant, materials, time, fee, place, contacts,
// cross-region (跨省通办) and the 进厅负面清单 entry. Materials and basis clauses are their own
// values (and rows in the store). A plain value: the store keeps items and their versions, this
// layer only describes and checks them. Fields the interchange format does not know are carried
// in `extra` (a JSON object in input order) so that a round trip through Gongkai keeps them.
//
// Codes (基本编码, 实施编码, 业务办理项编码) come from the provincial item system and are opaque:
// never minted or reshaped here (services/codes.h checks only what the spec allows).

#ifndef GONGKAI_SERVICES_ITEM_H_
#define GONGKAI_SERVICES_ITEM_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "services/vocab.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// One 申请材料.
struct ServiceMaterial {
  std::string name;                             // 名称
  MaterialForm form = MaterialForm::kOriginal;  // 形式
  int copies = 1;                               // 份数, ≥ 0
  bool required = true;                         // 必要性: 必要 / 非必要（容缺）
  std::string extra = "{}";  // 类型, 来源/依据, 填写说明, 空白表格, 样表… as given
};

// One clause of 设定依据/实施依据 (文件全称, 文号, 条款).
struct ServiceBasis {
  std::string title;    // 文件全称, e.g. "中华人民共和国行政许可法"
  std::string doc_no;   // 文号; "" when the document has none (a law)
  std::string article;  // 条款, e.g. "第三十条"
};

// 是否收费; 项目/标准 and 依据 when charged. An item without a Fee has no fee statement at all
// (a quality finding), which is not the same as "不收费".
struct ServiceFee {
  bool charged = false;
  std::string standard;  // 收费标准 (free text as published); "" when not charged
  std::string basis;     // 收费依据
};

// 咨询 (phone, window or URL) and 监督投诉 (phone).
struct ServiceContacts {
  std::string consult;
  std::string complaint;
};

// An entry of the 跨省通办 list (§4) as the catalogue carries it on a 业务办理项.
struct CrossProvince {
  ServiceObject object = ServiceObject::kIndividual;  // 个人 or 法人 (never kBoth)
  std::set<CrossProvinceMode> modes;                  // at least one
};

struct ServiceItem {
  // identity
  std::string code;  // unique within the agency's catalogue; opaque
  std::string name;  // 名称
  ItemLevel level = ItemLevel::kTask;
  std::string parent;  // the parent's code; "" for a 主项
  ItemType type = ItemType::kLicence;
  ItemStatus status = ItemStatus::kInUse;
  int version = 1;                // 版本号 as published
  std::optional<Date> effective;  // 生效日期 of this version
  std::string successor;          // for a cancelled/suspended item: the code that replaces it
  // authority
  std::string department;  // 实施机关
  // applicant
  std::optional<ServiceObject> object;  // 服务对象; set on 业务办理项
  std::vector<std::string> conditions;  // 申请条件
  // materials and basis
  std::vector<ServiceMaterial> materials;
  std::vector<ServiceBasis> basis;
  // time, in working days (行政许可法 Art. 82); nullopt = not stated
  std::optional<int> legal_days;     // 法定办结时限
  std::optional<int> promised_days;  // 承诺办结时限 (≤ legal_days; a quality rule)
  std::optional<ServiceFee> fee;
  std::optional<ServiceContacts> contacts;  // nullopt = missing
  // place and the 进厅负面清单 (in the hall xor on the list)
  std::string place;  // 办理地点
  bool in_hall = true;
  std::optional<NotInHallReason> not_in_hall_reason;  // set exactly when !in_hall
  std::string not_in_hall_note;                       // 说明; required for kOther
  std::string handled_at;                             // where it is handled instead of the hall
  // cross-region
  std::optional<CrossProvince> cross_province;
  // unknown fields of the interchange format, a JSON object in input order
  std::string extra = "{}";
};

// Checks the rules between fields that no single field shows and that make a row unusable (as
// opposed to the guide quality rules of services/quality.h, which are findings): code and name
// not empty; a 主项 has no parent and the others have one; `object` set on a 业务办理项;
// in_hall xor a not_in_hall_reason; a 说明 for reason `other`; a cross_province object that is
// individual or legal_person with at least one mode; days and copies not negative. Returns
// kInvalidInput naming the field (its interchange-format name) and the allowed values.
Status CheckServiceItem(const ServiceItem& item);

// True when the item counts on the 进厅负面清单 / the 跨省通办 list: an in-use 业务办理项 that is
// not in the hall / carries a cross_province entry (spec §9).
bool OnNegativeList(const ServiceItem& item);
bool OnCrossProvinceList(const ServiceItem& item);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_ITEM_H_
