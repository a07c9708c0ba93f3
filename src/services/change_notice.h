// A published change of the service catalogue (调整情况公示, services.md §3) as an entry of the
// proactive-disclosure register (proactive.md §2), so that Art. 26's clock, the register's
// counts and its 公开目录 include it.
//
// Art. 26: 行政机关应当自该政府信息形成或者变更之日起20个工作日内予以公开. proactive.md §1: "A
// change of a guide, a catalogue or a list is a change of information: the same clock runs." The
// rule settled here: the change is information **formed** when the bureau's head approves it and
// **changes** the catalogue on its 生效时间; the clock runs from whichever comes first. So the
// entry's 生成日期 is min(approval day, 生效时间) — a change approved today and effective in three
// months is due within 20 working days of the approval (the decision exists and the public may
// prepare), and a change approved after it took effect is due within 20 working days of taking
// effect (the catalogue had already changed). Its 公开日期 is the day the change was published;
// the register's own rule (publications/clock.h) then says whether it was late, on the agency's
// calendar. Pure.

#ifndef GONGKAI_SERVICES_CHANGE_NOTICE_H_
#define GONGKAI_SERVICES_CHANGE_NOTICE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "publications/item.h"
#include "services/change.h"
#include "util/date.h"

namespace gongkai {

// The day Art. 26's clock starts for a change approved on `approved` and effective on
// `effective`: the earlier of the two (see above).
Date ChangeFormed(Date approved, Date effective);

struct ChangeNoticeFacts {
  int64_t change_id = 0;
  ChangeRequest request;          // kind, code, 原因, 依据, 生效时间
  std::string item_name;          // the item's name after the change
  std::vector<FieldChange> diff;  // before/after of each changed element
  Date approved;                  // the head's approval, a civil date in Asia/Shanghai
  Date published;                 // publication, a civil date in Asia/Shanghai
  std::string publisher;          // the approving body (the bureau), the entry's 发布机构
};

// The register entry: 名称 "{item}（{code}）调整情况公示（{kind}）", 内容概述 with kind, 原因, 依据
// and 生效时间, the before/after of each changed element as its body, kind other, 主题分类 art20.5
// (Art. 20(五): 办理行政许可和其他对外管理服务事项的依据、条件、程序), channel 政府网站, in force,
// 生成日期 ChangeFormed(approved, effective), 公开日期 `published`, and the unknown fields
// {"service_change": id, "service_code": code} linking back to the change.
Publication ChangeNotice(const ChangeNoticeFacts& facts);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_CHANGE_NOTICE_H_
