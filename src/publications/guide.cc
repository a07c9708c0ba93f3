// Art. 12 of the Regulation:
// 行政机关编制、公布的政府信息公开指南，应当包括政府信息的分类、编排体系、
// 获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容。
// Art. 12 also says the guide is 及时更新; Art. 53(二) sanctions
// 不及时更新公开的政府信息内容、政府信息公开 指南和政府信息公开目录.
//
// Disputed point settled here: "等内容" leaves room for more, but no element beyond the nine
// named is required; the office's free text is optional. An element of only white space (ASCII
// or the ideographic space U+3000 an office copies from a Word file) counts as missing.

#include "publications/guide.h"

#include <fmt/format.h>

#include <array>

#include "util/text.h"

namespace gongkai {
namespace {

const std::array<GuideElement, 10> kElements{{
    {"classification", "政府信息的分类", true, false, &DisclosureGuide::classification},
    {"arrangement", "编排体系", true, false, &DisclosureGuide::arrangement},
    {"access_methods", "获取方式", true, false, &DisclosureGuide::access_methods},
    {"office_name", "工作机构名称", true, true, &DisclosureGuide::office_name},
    {"office_address", "办公地址", true, true, &DisclosureGuide::office_address},
    {"office_hours", "办公时间", true, true, &DisclosureGuide::office_hours},
    {"phone", "联系电话", true, true, &DisclosureGuide::phone},
    {"fax", "传真号码", true, true, &DisclosureGuide::fax},
    {"web_contact", "互联网联系方式", true, true, &DisclosureGuide::web_contact},
    {"notes", "其他说明", false, false, &DisclosureGuide::notes},
}};

constexpr std::string_view kIdeographicSpace = "\u3000";

bool Blank(std::string_view text) {
  for (;;) {
    text = Trim(text);
    if (text.starts_with(kIdeographicSpace)) {
      text.remove_prefix(kIdeographicSpace.size());
    } else if (text.ends_with(kIdeographicSpace)) {
      text.remove_suffix(kIdeographicSpace.size());
    } else {
      return text.empty();
    }
  }
}

bool ContactsDiffer(const DisclosureGuide& a, const DisclosureGuide& b) {
  for (const auto& e : kElements) {
    if (e.contact && Trim(a.*e.field) != Trim(b.*e.field)) return true;
  }
  return false;
}

}  // namespace

std::span<const GuideElement> GuideElements() { return kElements; }

std::vector<const GuideElement*> MissingElements(const DisclosureGuide& guide) {
  std::vector<const GuideElement*> missing;
  for (const auto& e : kElements) {
    if (e.required && Blank(guide.*e.field)) missing.push_back(&e);
  }
  return missing;
}

Status CheckGuidePublishable(const DisclosureGuide& guide) {
  for (const auto& e : kElements) {
    std::size_t chars = CodePointCount(guide.*e.field);
    if (chars > static_cast<std::size_t>(kMaxGuideElementChars)) {
      return Status::InvalidInput(
          fmt::format("指南的“{}”最多 {} 个字，现有 {} 个字；请精简后再保存", e.label,
                      kMaxGuideElementChars, chars));
    }
  }
  auto missing = MissingElements(guide);
  if (missing.empty()) return Status::Ok();
  std::string list;
  for (const auto* e : missing) {
    if (!list.empty()) list += "、";
    list += e->label;
  }
  return Status::InvalidInput(
      fmt::format("指南缺少以下第十二条规定的内容：{}；请补充后再发布", list));
}

std::vector<std::string> GuideReminders(const std::optional<DisclosureGuide>& published,
                                        std::optional<Date> published_on,
                                        const std::optional<DisclosureGuide>& latest_unpublished,
                                        Date today, int stale_after_days) {
  std::vector<std::string> reminders;
  if (!published) {
    reminders.push_back("本机关尚未发布政府信息公开指南（条例第十二条）；请编写并发布。");
    return reminders;
  }
  if (published_on && DayNumber(today) - DayNumber(*published_on) > stale_after_days) {
    reminders.push_back(
        fmt::format("政府信息公开指南发布于{}，已超过 {} "
                    "天未更新；请核对内容并重新发布（条例第五十三条第二项）。",
                    FormatDateZh(*published_on), stale_after_days));
  }
  if (latest_unpublished && ContactsDiffer(*published, *latest_unpublished)) {
    reminders.push_back(
        "工作机构的联系方式已修改，但公众看到的指南仍是旧的联系方式；请发布新版指南。");
  }
  return reminders;
}

}  // namespace gongkai
