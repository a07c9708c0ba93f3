// The government information disclosure guide (政府信息公开指南) of one agency and the Art. 12
// rule on what it must contain. A DisclosureGuide is the text an office edits; MissingElements
// says which of the elements Art. 12 requires are still blank, and GuideReminders says when a
// published guide needs attention (Art. 53(二) sanctions a guide not kept current). Pure values
// and functions: today's date is a parameter. Share freely.

#ifndef GONGKAI_PUBLICATIONS_GUIDE_H_
#define GONGKAI_PUBLICATIONS_GUIDE_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct DisclosureGuide {
  std::string classification;  // 政府信息的分类
  std::string arrangement;     // 编排体系
  std::string access_methods;  // 获取方式 (主动公开 and 依申请公开: where, how, forms)
  std::string office_name;     // 政府信息公开工作机构名称
  std::string office_address;  // 办公地址
  std::string office_hours;    // 办公时间
  std::string phone;           // 联系电话
  std::string fax;             // 传真号码
  std::string web_contact;     // 互联网联系方式 (website, e-mail, online form)
  std::string notes;           // free text the office adds (not required)
};

// One element of the guide: its stable key (form field, stored JSON key, open-data key; DO NOT
// CHANGE), its Chinese label, whether Art. 12 requires it, and whether it is one of the
// office's contacts (name, address, hours, phone, fax, web contact).
struct GuideElement {
  std::string_view key;
  std::string_view label;
  bool required;
  bool contact;
  std::string DisclosureGuide::*field;
};

// Every element, in the order the guide is laid out.
std::span<const GuideElement> GuideElements();

// The longest text accepted for one element, in characters (code points).
inline constexpr int kMaxGuideElementChars = 20000;

// The required elements of `guide` that are blank (empty or only white space), in layout
// order. Empty when the guide may be published.
std::vector<const GuideElement*> MissingElements(const DisclosureGuide& guide);

// OK when `guide` may be published; kInvalidInput naming every missing element ("指南缺少以下
// 第十二条规定的内容：办公地址、传真号码；请补充后再发布") or an element longer than
// kMaxGuideElementChars.
Status CheckGuidePublishable(const DisclosureGuide& guide);

// A guide is stale this long after its publication (design: Art. 53(二) asks for a guide "kept
// current" without a period; a year matches the annual report cycle). A setting of the caller.
inline constexpr int kGuideStaleAfterDays = 365;

// What the office is reminded of about its guide on `today`: none published; the published one
// is older than `stale_after_days` (published on `published_on`); or `latest` (the newest saved
// version, when newer than the published one) changes the office's contacts without having
// been published. Each reminder is one Chinese sentence saying what to do.
std::vector<std::string> GuideReminders(const std::optional<DisclosureGuide>& published,
                                        std::optional<Date> published_on,
                                        const std::optional<DisclosureGuide>& latest_unpublished,
                                        Date today, int stale_after_days = kGuideStaleAfterDays);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_GUIDE_H_
