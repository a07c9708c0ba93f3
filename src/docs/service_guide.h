// The printable guide (办事指南) of one 业务办理项 and the guide book that binds the guides of a
// set of departments in volumes (上册/中册/下册), as the service bureau prints them. A
// ServiceGuide is a plain view of what a guide states (spec services.md §2: conditions,
// materials, process with time limits, fees, basis, place, hours, contacts, FAQ); the catalogue
// fills it from its item, so this file knows nothing of storage. The guide becomes a Document laid
// out per GB/T 9704 like the notices (docs/pdf_writer.h); the book adds a cover, a title page and
// a table of contents per volume, with page numbers running through the whole PDF so that the
// contents' numbers are the viewer's. Pure functions; thread-safe.

#ifndef GONGKAI_DOCS_SERVICE_GUIDE_H_
#define GONGKAI_DOCS_SERVICE_GUIDE_H_

#include <optional>
#include <string>
#include <vector>

#include "docs/document.h"
#include "services/item.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct GuideMaterial {
  std::string name;
  std::string form;  // 原件 / 复印件 / 电子材料
  int copies = 1;    // 份数
  bool required = true;
  std::string note;  // 填写说明, 来源, 可否免提交
};

struct GuideStep {
  std::string name;        // 申请, 受理, 审查, 决定, 送达
  std::string time_limit;  // as the catalogue states it: 「即时」「3个工作日」
};

struct GuideBasis {
  std::string title;    // 文件全称
  std::string doc_no;   // 文号 (may be empty for a law)
  std::string article;  // 条款
};

struct GuideQuestion {
  std::string question;
  std::string answer;
};

struct ServiceGuide {
  std::string name;         // the 业务办理项's name
  std::string code;         // its code, as the provincial system gives it
  std::string parent_name;  // the 主项 / 子项 it belongs to; may be empty
  std::string type;         // 行政许可, 公共服务 … (the Chinese label)
  std::string department;   // 实施机关
  std::string object;       // 服务对象: 自然人 / 法人 / 自然人、法人
  std::string status;       // empty when in use; else 「暂停」「取消」 …
  std::string successor;    // a cancelled or suspended item's successor, named
  std::vector<std::string> conditions;
  std::vector<GuideMaterial> materials;
  std::vector<GuideStep> steps;
  int legal_days = 0;     // 法定办结时限, working days
  int promised_days = 0;  // 承诺办结时限, working days; 0 = 即办件
  bool fee_charged = false;
  std::string fee_standard;
  std::string fee_basis;
  std::vector<GuideBasis> basis;
  std::string place;      // 办理地点
  std::string hours;      // 办公时间
  std::string window;     // the hall's window, when in the hall
  std::string consult;    // 咨询方式
  std::string complaint;  // 监督投诉电话
  std::vector<GuideQuestion> faq;
  int version = 1;
  std::optional<Date> effective;  // the version's 生效时间
  Date updated;                   // 更新于: the day this version was published
};

// The guide of a catalogue item as it is printed and shown. `parent_name` names the 主项/子项;
// `successor_name` the item that replaces a cancelled or suspended one (its name, or "" to
// print the successor's code alone). The date 「更新于」 is the version's 生效时间, else
// `fallback_date`. Elements the interchange format has no field for are read from the item's
// unknown fields when present (spec services.md §2 lists them): "window" (the hall's window),
// "hours" (办公时间), "steps" ([{"name": …, "time_limit": …}], 办理流程), "faq"
// ([{"q": …, "a": …}]), and a material's "note" (填写说明).
ServiceGuide GuideFromItem(const ServiceItem& item, const std::string& parent_name,
                           const std::string& successor_name, Date fallback_date);

// The guide as a Document: the title 「{name}办事指南」, the code, then numbered sections for
// every element (a missing element says 「无」 or 「未公布」, never disappears), and the
// department with the date at the end.
Document GuideDocument(const ServiceGuide& guide);

// One department's guides, in the order they are printed.
struct GuideBookDepartment {
  std::string name;
  std::vector<ServiceGuide> guides;
};

struct GuideBookOptions {
  std::string title = "政务服务事项办事指南";  // the cover and every title page
  std::string publisher;                       // the bureau, on the cover
  Date date;                                   // the cover's date and the PDF's
  int volumes = 3;  // 1 to 3: 上/下册 or 上/中/下册; 1 = no volumes
};

// Where an entry of the table of contents points.
struct GuideBookEntry {
  int volume = 0;  // 0-based
  std::string department;
  std::string name;  // empty for a department's own line
  std::string code;
  int page = 0;  // 1-based, the number printed on the page and shown by a viewer
};

struct GuideBook {
  std::string pdf;
  std::vector<std::string> volume_names;  // 「上册」「中册」「下册」
  std::vector<GuideBookEntry> contents;   // in print order
  int pages = 0;
};

// Binds the departments' guides into one PDF. Departments stay whole and keep their order; they
// are split into at most `options.volumes` volumes of about equal length (by pages). Each volume
// opens with its title page and its table of contents (department lines and guide lines with the
// page each starts on); each guide starts on a new page. Invalid input when there is no guide or
// `volumes` is not 1–3; internal error when cairo fails.
Result<GuideBook> WriteGuideBook(const std::vector<GuideBookDepartment>& departments,
                                 const GuideBookOptions& options);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_SERVICE_GUIDE_H_
