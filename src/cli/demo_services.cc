#include "cli/demo_services.h"

#include <fmt/format.h>

#include "cli/demo_intermediaries.h"
#include "services/jsonl.h"
#include "store/services.h"
#include "store/users.h"

namespace gongkai::cli {
namespace {

// The catalogue as the interchange format writes it; {effective} is filled in.
constexpr const char* kCatalogue = R"JSONL(
{"code": "000164213003", "name": "食品经营许可", "level": "main", "parent": null, "type": "licence", "department": "新华区市场监督管理局", "status": "in_use", "version": 1, "effective": "{effective}"}
{"code": "000164213003Y", "name": "食品经营许可（区级权限）", "level": "sub", "parent": "000164213003", "type": "licence", "department": "新华区市场监督管理局", "status": "in_use", "version": 1, "effective": "{effective}"}
{"code": "00016421300301", "name": "食品经营许可（新办）", "level": "task", "parent": "000164213003Y", "type": "licence", "department": "新华区市场监督管理局", "status": "in_use", "object": "both", "in_hall": true, "not_in_hall_reason": null, "cross_province": {"object": "legal_person", "modes": ["online"]}, "legal_days": 20, "promised_days": 10, "fee": {"charged": false, "standard": null, "basis": null}, "conditions": ["具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所", "有专职或者兼职的食品安全管理人员和保证食品安全的规章制度"], "materials": [{"name": "食品经营许可申请书", "form": "original", "copies": 1, "required": true, "note": "申请人签字或盖章"}, {"name": "营业执照", "form": "copy", "copies": 1, "required": true, "note": "可通过数据共享免于提交"}, {"name": "食品安全规章制度", "form": "original", "copies": 1, "required": true}], "basis": [{"title": "中华人民共和国食品安全法", "doc_no": "", "article": "第三十五条"}, {"title": "食品经营许可和备案管理办法", "doc_no": "国家市场监督管理总局令第78号", "article": "第十条"}], "contacts": {"consult": "0375-2961234（区政务服务中心B区8号窗口）", "complaint": "12345"}, "place": "新华区政务服务中心二楼B区", "version": 1, "effective": "{effective}", "window": "B区8号窗口", "hours": "工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）", "steps": [{"name": "申请", "time_limit": "即时"}, {"name": "受理", "time_limit": "即时"}, {"name": "审查（含现场核查）", "time_limit": "7个工作日"}, {"name": "决定", "time_limit": "2个工作日"}, {"name": "送达", "time_limit": "1个工作日"}], "faq": [{"q": "可以网上申请吗？", "a": "可以，通过省政务服务网“食品经营许可”事项在线申请，全程网办。"}, {"q": "营业执照需要提交复印件吗？", "a": "已通过数据共享获取的，免于提交。"}]}
{"code": "00016421300302", "name": "食品经营许可（变更）", "level": "task", "parent": "000164213003Y", "type": "licence", "department": "新华区市场监督管理局", "status": "in_use", "object": "both", "in_hall": true, "not_in_hall_reason": null, "cross_province": {"object": "individual", "modes": ["proxy", "multi_site"]}, "legal_days": 20, "promised_days": 5, "fee": {"charged": false, "standard": null, "basis": null}, "conditions": ["已取得食品经营许可证"], "materials": [{"name": "食品经营许可变更申请书", "form": "original", "copies": 1, "required": true}, {"name": "食品经营许可证正副本", "form": "original", "copies": 1, "required": true}], "basis": [{"title": "食品经营许可和备案管理办法", "doc_no": "国家市场监督管理总局令第78号", "article": "第二十七条"}], "contacts": {"consult": "0375-2961234", "complaint": "12345"}, "place": "新华区政务服务中心二楼B区", "version": 1, "effective": "{effective}", "window": "B区8号窗口", "hours": "工作日上午9:00—12:00，下午13:30—17:30"}
{"code": "00016421300303", "name": "食品经营许可（注销）", "level": "task", "parent": "000164213003Y", "type": "licence", "department": "新华区市场监督管理局", "status": "cancelled", "successor": "00016421300302", "object": "both", "in_hall": true, "not_in_hall_reason": null, "cross_province": null, "legal_days": 10, "promised_days": 3, "fee": {"charged": false, "standard": null, "basis": null}, "conditions": [], "materials": [{"name": "注销申请书", "form": "original", "copies": 1, "required": true}], "basis": [{"title": "食品经营许可和备案管理办法", "doc_no": "国家市场监督管理总局令第78号", "article": "第四十条"}], "contacts": {"consult": "0375-2961234", "complaint": "12345"}, "place": "新华区政务服务中心二楼B区", "version": 1, "effective": "{effective}"}
{"code": "000117005000", "name": "特种设备使用登记", "level": "main", "parent": null, "type": "filing", "department": "新华区市场监督管理局", "status": "in_use", "version": 1, "effective": "{effective}"}
{"code": "00011700500001", "name": "特种设备使用登记（压力容器）", "level": "task", "parent": "000117005000", "type": "filing", "department": "新华区市场监督管理局", "status": "in_use", "object": "legal_person", "in_hall": false, "not_in_hall_reason": "site", "not_in_hall_note": "需现场查验设备", "handled_at": "新华区市场监督管理局特种设备安全监察股（建设路东段12号）", "cross_province": null, "legal_days": 15, "promised_days": 5, "fee": {"charged": false, "standard": null, "basis": null}, "conditions": ["特种设备经监督检验合格"], "materials": [{"name": "特种设备使用登记表", "form": "original", "copies": 2, "required": true}], "basis": [{"title": "中华人民共和国特种设备安全法", "doc_no": "", "article": "第三十三条"}], "contacts": {"consult": "0375-2965678", "complaint": "12345"}, "place": "新华区市场监督管理局", "version": 1, "effective": "{effective}", "hours": "工作日上午9:00—12:00，下午13:30—17:30"}
{"code": "000133002000", "name": "最低生活保障对象认定", "level": "main", "parent": null, "type": "confirmation", "department": "新华区民政局", "status": "in_use", "version": 1, "effective": "{effective}"}
{"code": "00013300200001", "name": "最低生活保障对象认定（城市）", "level": "task", "parent": "000133002000", "type": "confirmation", "department": "新华区民政局", "status": "in_use", "object": "individual", "in_hall": true, "not_in_hall_reason": null, "cross_province": null, "legal_days": 30, "promised_days": 20, "fee": {"charged": false, "standard": null, "basis": null}, "conditions": ["持有本地常住户口", "家庭人均收入低于当地最低生活保障标准"], "materials": [{"name": "最低生活保障申请书", "form": "original", "copies": 1, "required": true}, {"name": "居民户口簿", "form": "copy", "copies": 1, "required": true}], "basis": [{"title": "社会救助暂行办法", "doc_no": "国务院令第649号", "article": "第十一条"}], "contacts": {"consult": "0375-2967890", "complaint": "12345"}, "place": "新华区政务服务中心一楼A区", "version": 1, "effective": "{effective}", "window": "A区3号窗口", "hours": "工作日上午9:00—12:00，下午13:30—17:30"}
)JSONL";

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

Result<int> SeedDemoServices(Database& db, int64_t agency_id, Date today) {
  const std::string text = Replace(kCatalogue, "{effective}", FormatDate(AddDays(today, -200)));
  auto items = ParseServicesJsonl(text, "demo_services");
  if (!items.ok()) return items.status();
  auto imported = ImportServiceItems(db, agency_id, *items, today, "demo");
  if (!imported.ok()) return imported.status();

  // One 变更 through the whole workflow: the promised time limit of the 新办 guide shortened.
  auto head = FindUserByName(db, "head");
  if (!head.ok()) return head.status();
  auto current = GetServiceItem(db, agency_id, kDemoGuideCode);
  if (!current.ok()) return current.status();
  ChangeRequest change;
  change.kind = ChangeKind::kModify;
  change.code = kDemoGuideCode;
  change.reason = "优化营商环境，压减承诺办结时限";
  change.basis = "新华区人民政府办公室关于进一步压减政务服务事项办理时限的通知";
  change.effective = AddDays(today, -30);
  change.item = *current;
  change.item->promised_days = 7;
  auto id = DraftServiceChange(db, agency_id, change, *head);
  if (!id.ok()) return id.status();
  if (Status s = ApproveServiceChange(db, agency_id, *id, *head); !s.ok()) return s;
  auto published = PublishServiceChange(db, agency_id, *id, *head);
  if (!published.ok()) return published.status();
  if (auto directory = SeedDemoIntermediaries(db, agency_id, today); !directory.ok()) {
    return directory.status();
  }
  return static_cast<int>(items->size());
}

}  // namespace gongkai::cli
