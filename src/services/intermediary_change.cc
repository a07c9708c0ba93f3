#include "services/intermediary_change.h"

#include <fmt/format.h>

namespace gongkai {

bool Withdrawn(const DirectoryEntry& entry) {
  if (const auto* s = std::get_if<IntermediaryService>(&entry)) {
    return s->status == IntermediaryStatus::kCancelled;
  }
  return std::get<Institution>(entry).left.has_value();
}

Status CheckDirectoryChangeRequest(const DirectoryChangeRequest& r) {
  if (r.kind != ChangeKind::kAdd && r.kind != ChangeKind::kModify &&
      r.kind != ChangeKind::kCancel) {
    return Status::InvalidInput(fmt::format(
        "字段 kind：中介服务事项和中介机构只能新增、变更或取消（add | modify | cancel），不能{}",
        Label(r.kind)));
  }
  if (r.key.empty()) return Status::InvalidInput("字段 key：必填：调整的编码或统一社会信用代码");
  if (r.reason.empty()) return Status::InvalidInput("字段 reason：必填：调整原因");
  if (r.basis.empty()) return Status::InvalidInput("字段 basis：必填：调整依据");
  if (r.kind == ChangeKind::kCancel) {
    if (r.entry) return Status::InvalidInput("字段 entry：取消只改变状态，不附条目内容");
    return Status::Ok();
  }
  if (!r.entry) {
    return Status::InvalidInput(
        fmt::format("字段 entry：{}须附调整后的条目（交换格式的一行）", Label(r.kind)));
  }
  if (KindOf(*r.entry) != r.target) {
    return Status::InvalidInput(fmt::format("字段 entry：条目是{}，调整的对象是{}",
                                            Label(KindOf(*r.entry)), Label(r.target)));
  }
  if (KeyOf(*r.entry) != r.key) {
    return Status::InvalidInput(
        fmt::format("字段 entry：条目的编码 {} 与调整的编码 {} 不一致", KeyOf(*r.entry), r.key));
  }
  if (Status s = CheckDirectoryEntry(*r.entry); !s.ok()) return s.WithContext("entry 的");
  return Status::Ok();
}

Result<DirectoryEntry> ApplyDirectoryChange(const std::optional<DirectoryEntry>& current,
                                            const DirectoryChangeRequest& request) {
  if (Status s = CheckDirectoryChangeRequest(request); !s.ok()) return s;
  const std::string_view kind = Label(request.kind);
  if (current) {
    if (KindOf(*current) != request.target) {
      return Status::Internal(
          fmt::format("{} 的现行版本不是{}", request.key, Label(request.target)));
    }
    if (auto e = EffectiveOf(*current); e && request.effective < *e) {
      return Status::Conflict(fmt::format("{} 的现行版本 {} 自 {} 起生效，{}的生效时间 {} 不能更早",
                                          request.key, VersionOf(*current), FormatDate(*e), kind,
                                          FormatDate(request.effective)));
    }
  }
  const bool present = current && !Withdrawn(*current);
  DirectoryEntry next;
  switch (request.kind) {
    case ChangeKind::kAdd:
      if (present) {
        return Status::Conflict(fmt::format(
            "{} 已在{}中：请用“变更”", request.key,
            request.target == DirectoryKind::kIntermediary ? "中介服务事项清单" : "中介机构名录"));
      }
      next = *request.entry;
      if (Withdrawn(next)) {
        return Status::InvalidInput(fmt::format("{}的条目不能是已取消或已退出的", kind));
      }
      break;
    case ChangeKind::kModify:
      if (!present) {
        return Status::Conflict(
            fmt::format("{} {}：不能变更", request.key, current ? "已取消或已退出" : "不在清单中"));
      }
      next = *request.entry;
      if (Withdrawn(next)) {
        return Status::Conflict("变更不能取消条目或使机构退出：请用“取消”");
      }
      break;
    default:  // kCancel
      if (!present) {
        return Status::Conflict(
            fmt::format("{} {}：不能取消", request.key, current ? "已取消或已退出" : "不在清单中"));
      }
      next = *current;
      if (auto* s = std::get_if<IntermediaryService>(&next)) {
        s->status = IntermediaryStatus::kCancelled;
      } else {
        std::get<Institution>(next).left = request.effective;
      }
      break;
  }
  SetVersion(next, current ? VersionOf(*current) + 1 : 1, request.effective);
  return next;
}

}  // namespace gongkai
