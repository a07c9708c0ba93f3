// The 中介服务事项清单 and the directory of intermediary institutions (中介机构名录,
// ../shared/spec/services.md §5). An intermediary service (中介服务) is a paid service an approval
// requires as a condition (技术审查、论证、评估、评价、检验、检测、鉴证、鉴定、证明、咨询、试验…):
// 优化营商环境条例 Art. 43 allows one only with a legal basis, on a published list with its
// 条件、流程、时限、收费标准; when the department commissions it, the department pays and the
// applicant pays nothing (Art. 43 ¶3). The directory lists the institutions that may provide each
// service; the applicant chooses freely and the agency may not designate one.
//
// Plain values, like services/item.h: the store keeps their versions and the change workflow;
// this layer describes and checks them. Codes are opaque strings as the list gives them; an
// institution is keyed by its 统一社会信用代码, whose check character is checked
// (services/codes.h). Fields the interchange format does not know ride in `extra`.

#ifndef GONGKAI_SERVICES_INTERMEDIARY_H_
#define GONGKAI_SERVICES_INTERMEDIARY_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "law/vocab.h"
#include "services/item.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// 收费性质 of an intermediary service. DO NOT CHANGE the keys: stored and in the interchange
// format. 不收费 also covers a service the department commissions and pays for.
enum class FeeNature {
  kGovernmentSet,     // 政府定价
  kGovernmentGuided,  // 政府指导价
  kMarket,            // 市场调节价
  kFree,              // 不收费
};

// 在用 / 取消 of a list entry (an intermediary service is never 暂停: it is on the list or not).
enum class IntermediaryStatus { kInUse, kCancelled };

// The two kinds of line of the interchange format. DO NOT CHANGE the keys.
enum class DirectoryKind {
  kIntermediary,  // 中介服务事项
  kInstitution,   // 中介机构
};

std::span<const VocabEntry<FeeNature>> FeeNatures();
std::span<const VocabEntry<IntermediaryStatus>> IntermediaryStatuses();
std::span<const VocabEntry<DirectoryKind>> DirectoryKinds();
std::optional<FeeNature> FeeNatureFromText(std::string_view text);
std::optional<IntermediaryStatus> IntermediaryStatusFromText(std::string_view text);
std::optional<DirectoryKind> DirectoryKindFromText(std::string_view text);
std::string_view Key(FeeNature v);
std::string_view Key(IntermediaryStatus v);
std::string_view Key(DirectoryKind v);
std::string_view Label(FeeNature v);
std::string_view Label(IntermediaryStatus v);
std::string_view Label(DirectoryKind v);

// 收费性质、标准、依据.
struct IntermediaryFee {
  FeeNature nature = FeeNature::kMarket;
  std::string standard;  // 收费标准 as published; "" when not stated
  std::string basis;     // 收费依据
};

// One entry of the 中介服务事项清单.
struct IntermediaryService {
  std::string code;                    // 中介服务事项编码, unique within the agency; opaque
  std::string name;                    // 中介服务事项名称
  std::vector<std::string> items;      // 涉及的审批事项, by catalogue code
  std::string department;              // 审批部门 (实施部门)
  std::vector<ServiceBasis> basis;     // 设定依据
  std::optional<int> time_limit;       // 办理时限, working days; nullopt = not published
  std::optional<IntermediaryFee> fee;  // nullopt = not published
  bool commissioned = false;           // the department commissions it: the applicant pays nothing
  IntermediaryStatus status = IntermediaryStatus::kInUse;
  int version = 1;
  std::optional<Date> effective;  // 生效日期 of this version
  std::string extra = "{}";       // unknown fields, a JSON object in input order
};

// One qualification (资质) of an institution.
struct Qualification {
  std::string name;    // 资质名称
  std::string number;  // 证书编号
  std::string grade;   // 等级 as written (甲级, 乙级…); "" when the qualification has none
  std::optional<Date> valid_from;
  std::optional<Date> valid_until;  // the last valid day; nullopt = no end date
};

// The public business contacts of an institution (never a person's own phone or name).
struct InstitutionContacts {
  std::string phone;    // office phone or service hotline
  std::string address;  // 办公地址
  std::string website;
};

// One entry of the institution directory.
struct Institution {
  std::string credit_code;  // 统一社会信用代码 (GB 32100), the key
  std::string name;         // 机构名称
  std::vector<Qualification> qualifications;
  std::vector<std::string> services;  // the intermediary services it may provide, by code
  std::string fees;                   // 收费标准 as the institution publishes it
  InstitutionContacts contacts;
  std::optional<Date> joined;  // 入驻日期
  std::optional<Date> left;    // 退出日期; nullopt while in the directory
  int version = 1;
  std::optional<Date> effective;
  std::string extra = "{}";
};

// A line of the interchange format: a service or an institution.
using DirectoryEntry = std::variant<IntermediaryService, Institution>;

DirectoryKind KindOf(const DirectoryEntry& entry);
// The entry's key: the service's code or the institution's credit code.
const std::string& KeyOf(const DirectoryEntry& entry);
const std::string& NameOf(const DirectoryEntry& entry);
int VersionOf(const DirectoryEntry& entry);
std::optional<Date> EffectiveOf(const DirectoryEntry& entry);
// Sets version and effective.
void SetVersion(DirectoryEntry& entry, int version, Date effective);

// Whether an institution is in the directory on `date`: joined on or before it (or no join date)
// and not left on or before it.
bool InDirectoryOn(const Institution& institution, Date date);
// Whether a qualification has expired on `date` (its valid_until is before `date`).
bool ExpiredOn(const Qualification& q, Date date);

// Checks what makes an entry unusable (the rules below are findings, not errors): code and name
// present; department for a service; time limit not negative; every basis clause with a title;
// an institution's credit code with its GB 32100 check character; qualifications named, their
// validity in order; joined not after left; a contact phone that is not a personal mobile number
// (11 digits from 1, **(design)**: the directory is public, so only the institution's own lines).
// kInvalidInput `字段 FIELD：…` naming the allowed values.
Status CheckIntermediaryService(const IntermediaryService& service);
Status CheckInstitution(const Institution& institution);
Status CheckDirectoryEntry(const DirectoryEntry& entry);

// DO NOT CHANGE the keys: printed by `gongkai services intermediaries check --json`.
enum class IntermediaryRule {
  kNoBasis,               // 营商环境条例 Art. 43 ¶1: no legal basis, not a condition
  kNoApprovalItem,        // serves no approval item
  kApprovalItemUnknown,   // an approval item not in the catalogue
  kApprovalItemNotInUse,  // an approval item suspended or cancelled
  kNoTimeLimit,           // Art. 43 ¶2: 时限 not published
  kNoFeeStandard,         // Art. 43 ¶2: charged, 收费标准 not published
  kQualificationExpired,  // an institution's qualification expired on the date
  kUnknownService,        // an institution offers a service not on the list in use
  kNoInstitution,         // an in-use service no institution in the directory provides
};
std::span<const VocabEntry<IntermediaryRule>> IntermediaryRules();
std::string_view Key(IntermediaryRule v);
std::string_view Label(IntermediaryRule v);

struct IntermediaryFinding {
  DirectoryKind kind = DirectoryKind::kIntermediary;
  std::string key;  // the service's code or the institution's credit code
  IntermediaryRule rule = IntermediaryRule::kNoBasis;
  std::string fix;  // Chinese: what is wrong and what to do
};

// Every finding on `date` over the in-use services and the institutions in the directory that
// day, against `catalogue` (the service items in force that day): services first, by the
// order given, then institutions; one finding per entry, rule and offending value.
std::vector<IntermediaryFinding> CheckIntermediaries(std::span<const IntermediaryService> services,
                                                     std::span<const Institution> institutions,
                                                     std::span<const ServiceItem> catalogue,
                                                     Date date);

// 「收费性质及标准」 as a list shows it: 「审批部门委托，申请人不承担费用」 for a commissioned
// service, else the nature and the standard (「市场调节价：按合同约定」), 「未公布」 when unstated.
std::string FeeText(const IntermediaryService& service);
// 「N个工作日」, or 「未公布」.
std::string TimeLimitText(const IntermediaryService& service);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_INTERMEDIARY_H_
