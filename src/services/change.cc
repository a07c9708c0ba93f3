// Dynamic management (动态管理) of ../shared/spec/services.md §3. No national text lists the change
// procedure; what is settled here **(design)**: a status moves only through its own kinds (暂停,
// 恢复, 取消, 下放), so a 变更 never hides one; 新增, 承接 and 认领 bring an in-use item into the
// catalogue (a cancelled code may come back, as its next version); a version never takes effect
// before the one it follows.

#include "services/change.h"

#include <fmt/format.h>

#include <set>

#include "services/json_internal.h"

namespace gongkai {

bool ChangeNeedsItem(ChangeKind kind) {
  return kind == ChangeKind::kAdd || kind == ChangeKind::kModify || kind == ChangeKind::kTakeOver ||
         kind == ChangeKind::kClaim;
}

namespace {

bool Brings(ChangeKind kind) {
  return kind == ChangeKind::kAdd || kind == ChangeKind::kTakeOver || kind == ChangeKind::kClaim;
}

}  // namespace

Status CheckChangeRequest(const ChangeRequest& request) {
  if (request.code.empty()) return Status::InvalidInput("字段 code：必填：调整的事项编码");
  if (request.reason.empty()) return Status::InvalidInput("字段 reason：必填：调整原因");
  if (request.basis.empty()) {
    return Status::InvalidInput("字段 basis：必填：调整依据（法律法规修改或上级文件）");
  }
  if (ChangeNeedsItem(request.kind)) {
    if (!request.item) {
      return Status::InvalidInput(
          fmt::format("字段 item：{}须附调整后的事项（目录格式的一行）", Label(request.kind)));
    }
    if (request.item->code != request.code) {
      return Status::InvalidInput(fmt::format("字段 item：事项编码 {} 与调整的编码 {} 不一致",
                                              request.item->code, request.code));
    }
    if (Status s = CheckServiceItem(*request.item); !s.ok()) return s.WithContext("item 的");
  } else if (request.item) {
    return Status::InvalidInput(
        fmt::format("字段 item：{}只改变状态，不附事项内容", Label(request.kind)));
  }
  return Status::Ok();
}

Result<ServiceItem> ApplyChange(const std::optional<ServiceItem>& current,
                                const ChangeRequest& request) {
  if (Status s = CheckChangeRequest(request); !s.ok()) return s;
  std::string_view kind = Label(request.kind);
  if (current && current->effective && request.effective < *current->effective) {
    return Status::Conflict(fmt::format(
        "事项 {} 的现行版本 {} 自 {} 起生效，{}的生效时间 {} 不能更早", request.code,
        current->version, FormatDate(*current->effective), kind, FormatDate(request.effective)));
  }
  bool present = current && current->status != ItemStatus::kCancelled;
  ServiceItem next;
  if (Brings(request.kind)) {
    if (present) {
      return Status::Conflict(fmt::format("事项 {} 已在目录中（{}）：请用“变更”", request.code,
                                          Label(current->status)));
    }
    next = *request.item;
    if (next.status != ItemStatus::kInUse) {
      return Status::InvalidInput(fmt::format("{}的事项状态应为 in_use（在用）", kind));
    }
  } else {
    if (!present) {
      return Status::Conflict(
          fmt::format("事项 {} {}：不能{}", request.code, current ? "已取消" : "不在目录中", kind));
    }
    switch (request.kind) {
      case ChangeKind::kModify:
        next = *request.item;
        if (next.status != current->status) {
          return Status::Conflict(
              fmt::format("变更不能改变事项状态（{} → {}）：请用暂停、恢复或取消",
                          Label(current->status), Label(next.status)));
        }
        break;
      case ChangeKind::kSuspend:
        if (current->status != ItemStatus::kInUse) {
          return Status::Conflict(fmt::format("事项 {} 不在用，不能暂停", request.code));
        }
        next = *current;
        next.status = ItemStatus::kSuspended;
        break;
      case ChangeKind::kResume:
        if (current->status != ItemStatus::kSuspended) {
          return Status::Conflict(fmt::format("事项 {} 未暂停，不能恢复", request.code));
        }
        next = *current;
        next.status = ItemStatus::kInUse;
        break;
      default:  // 取消, 下放: the item leaves this catalogue
        next = *current;
        next.status = ItemStatus::kCancelled;
        next.successor = request.successor;
        break;
    }
  }
  next.version = current ? current->version + 1 : 1;
  next.effective = request.effective;
  return next;
}

namespace {

using Json = nlohmann::ordered_json;

std::vector<FieldChange> DiffObjects(const Json& b, const Json& a, bool has_before) {
  auto dump = [](const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); };
  auto empty = [](const Json& j) { return j.is_null() || (j.is_array() && j.empty()); };
  std::vector<FieldChange> out;
  std::set<std::string> seen;
  auto compare = [&](const std::string& key) {
    if (key == "version" || key == "effective" || !seen.insert(key).second) return;
    Json x = b.contains(key) ? b[key] : Json(nullptr);
    Json y = a.contains(key) ? a[key] : Json(nullptr);
    if (x == y || (!has_before && empty(y))) return;
    out.push_back(FieldChange{key, dump(x), dump(y)});
  };
  for (const auto& [key, value] : a.items()) compare(key);
  for (const auto& [key, value] : b.items()) compare(key);
  return out;
}

Json ObjectOf(std::string_view line) {
  Json j = Json::parse(line, nullptr, false);
  return j.is_object() ? j : Json::object();
}

}  // namespace

std::vector<FieldChange> DiffItems(const std::optional<ServiceItem>& before,
                                   const ServiceItem& after) {
  return DiffObjects(before ? services_internal::ItemToJson(*before) : Json::object(),
                     services_internal::ItemToJson(after), before.has_value());
}

std::vector<FieldChange> DiffJsonLines(std::string_view before, std::string_view after) {
  return DiffObjects(before.empty() ? Json::object() : ObjectOf(before), ObjectOf(after),
                     !before.empty());
}

const ServiceItem* VersionInForce(std::span<const ServiceItem> versions, Date date) {
  return LatestInForce(
      versions, date, [](const ServiceItem& v) { return v.effective; },
      [](const ServiceItem& v) { return v.version; });
}

}  // namespace gongkai
