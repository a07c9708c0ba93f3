#include "cli/demo_intermediaries.h"

#include <fmt/format.h>

#include "services/intermediary_jsonl.h"
#include "store/intermediaries.h"

namespace gongkai::cli {
namespace {

// {effective}, {expired} and {valid} are filled in.
constexpr const char* kDirectory = R"JSONL(
{"kind": "intermediary", "code": "ZJ-411302-001", "name": "特种设备安装监督检验", "items": ["00011700500001"], "department": "新华区市场监督管理局", "basis": [{"title": "中华人民共和国特种设备安全法", "doc_no": null, "article": "第二十五条"}, {"title": "特种设备安全监察条例", "doc_no": "国务院令第549号", "article": "第二十一条"}], "time_limit": 10, "fee": {"nature": "government_set", "standard": "按省发展改革委核定的特种设备检验检测收费标准", "basis": "豫发改收费〔2017〕1234号"}, "commissioned": false, "status": "in_use", "version": 1, "effective": "{effective}"}
{"kind": "intermediary", "code": "ZJ-411302-002", "name": "食品经营场所食品安全技术审查", "items": ["00016421300301"], "department": "新华区市场监督管理局", "basis": [{"title": "食品经营许可和备案管理办法", "doc_no": "国家市场监督管理总局令第78号", "article": "第二十条"}], "time_limit": 5, "fee": null, "commissioned": true, "status": "in_use", "version": 1, "effective": "{effective}"}
{"kind": "institution", "credit_code": "12411302MA47TT8W0X", "name": "新华区特种设备检验所", "qualifications": [{"name": "特种设备检验检测机构核准证", "number": "TS7141002-2027", "grade": "综合检验机构乙类", "valid_from": "2023-01-01", "valid_until": "{valid}"}], "services": ["ZJ-411302-001"], "fees": "按省发展改革委核定的标准收取", "contacts": {"phone": "0375-2968001", "address": "新华区建设路东段16号", "website": null}, "joined": "{effective}", "left": null, "version": 1, "effective": "{effective}"}
{"kind": "institution", "credit_code": "91411302MA45XK2P3A", "name": "平顶山市华检检测技术有限公司", "qualifications": [{"name": "检验检测机构资质认定证书（CMA）", "number": "211612340123", "grade": null, "valid_from": "2019-06-01", "valid_until": "{expired}"}, {"name": "特种设备检验检测机构核准证", "number": "TS7141088-2028", "grade": "乙类", "valid_from": "2024-03-01", "valid_until": "{valid}"}], "services": ["ZJ-411302-001", "ZJ-411302-002"], "fees": "特种设备检验按核定标准；技术审查由审批部门委托并支付", "contacts": {"phone": "0375-2968866", "address": "新华区中兴路88号", "website": "https://huajian.example.cn"}, "joined": "{effective}", "left": null, "version": 1, "effective": "{effective}"}
{"kind": "institution", "credit_code": "91411302MA44ABCD13", "name": "河南食安技术服务有限公司", "qualifications": [{"name": "检验检测机构资质认定证书（CMA）", "number": "211612340456", "grade": null, "valid_from": "2022-01-01", "valid_until": "{valid}"}], "services": ["ZJ-411302-002"], "fees": "由审批部门委托并支付，申请人不承担", "contacts": {"phone": "0375-2969900", "address": "新华区光明路6号", "website": null}, "joined": "{effective}", "left": null, "version": 1, "effective": "{effective}"}
)JSONL";

std::string Fill(std::string text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

Result<int> SeedDemoIntermediaries(Database& db, int64_t agency_id, Date today) {
  std::string text = Fill(kDirectory, "{effective}", FormatDate(AddDays(today, -200)));
  text = Fill(std::move(text), "{expired}", FormatDate(AddDays(today, -10)));
  text = Fill(std::move(text), "{valid}", FormatDate(AddDays(today, 700)));
  auto entries = ParseDirectoryJsonl(text, "demo_intermediaries");
  if (!entries.ok()) return entries.status();
  auto imported = ImportDirectory(db, agency_id, *entries, today, "demo");
  if (!imported.ok()) return imported.status();
  return imported->added;
}

}  // namespace gongkai::cli
