#include "services/change_notice.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace gongkai {

Date ChangeFormed(Date approved, Date effective) { return std::min(approved, effective); }

Publication ChangeNotice(const ChangeNoticeFacts& f) {
  const ChangeRequest& r = f.request;
  Publication p;
  p.title = fmt::format("{}（{}）调整情况公示（{}）", f.item_name, r.code, Label(r.kind));
  p.publisher = f.publisher;
  p.summary = fmt::format("{}：{}，自{}起生效。原因：{}。依据：{}。", Label(r.kind), f.item_name,
                          FormatDate(r.effective), r.reason, r.basis);
  if (!r.counterpart.empty()) p.summary += fmt::format("对方机关：{}。", r.counterpart);
  if (!r.successor.empty()) p.summary += fmt::format("承继事项：{}。", r.successor);
  p.kind = PublicationKind::kOther;
  p.category = "art20.5";
  p.created = ChangeFormed(f.approved, r.effective);
  p.published = f.published;
  p.status = Validity::kInForce;
  p.channels = {PublicationChannel::kWebsite};
  for (const FieldChange& c : f.diff) {
    if (!p.text.empty()) p.text += '\n';
    p.text += fmt::format("{}：{} → {}", c.field, c.before, c.after);
  }
  nlohmann::ordered_json extra = {{"service_change", f.change_id}, {"service_code", r.code}};
  p.extra = extra.dump();
  return p;
}

}  // namespace gongkai
