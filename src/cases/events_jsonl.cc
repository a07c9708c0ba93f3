// Case events as JSON Lines (../shared/spec/case-events.md). The format defines the common
// fields (case, type, date, agency, note, actor) and, per type, its extras; every other field is
// kept verbatim in Event::extra. Settled here: a field the spec defines for another type is kept
// as an unknown field of this one (a migrating office's extra columns must not block an import);
// `items` may be one string or a list of strings and is written back as a list; an `answered`
// outcome must be a row the reply itself decides (（六） rows come from deemed_withdrawn and
// withdrawn).

#include "cases/events_jsonl.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "util/json_depth.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

constexpr uint32_t Bit(EventType t) { return 1u << static_cast<unsigned>(t); }

// Which event types take each extra, in output order (the spec table's order within each type).
struct ExtraSpec {
  std::string_view name;
  uint32_t types;  // Bit() of each type that takes it
};

using T = EventType;
constexpr std::array<ExtraSpec, 20> kExtras{{
    {"applicant_kind", Bit(T::kReceived)},
    {"applicant_name", Bit(T::kReceived)},
    {"channel", Bit(T::kReceived)},
    {"arrived", Bit(T::kReceived)},
    {"deadline", Bit(T::kCorrectionRequested)},
    {"items", Bit(T::kReceived) | Bit(T::kCorrectionRequested)},
    {"accepted", Bit(T::kReasonsReceived)},
    {"party", Bit(T::kConsultationSent)},
    {"to", Bit(T::kConsultationSent)},
    {"agrees", Bit(T::kConsultationAnswered)},
    {"working_days", Bit(T::kExtensionApproved)},
    {"approved_by", Bit(T::kExtensionApproved)},
    {"method", Bit(T::kFeeNoticeSent) | Bit(T::kDelivered)},
    {"amount_fen", Bit(T::kFeeNoticeSent)},
    {"outcome", Bit(T::kAnswered)},
    {"reason", Bit(T::kDeemedWithdrawn) | Bit(T::kVoided)},
    {"body", Bit(T::kReconsiderationFiled)},
    {"result", Bit(T::kReconsiderationDecided) | Bit(T::kLitigationDecided)},
    {"after_reconsideration", Bit(T::kLitigationFiled)},
    {"voids", Bit(T::kVoided)},
}};

bool Takes(EventType type, std::string_view field) {
  for (const auto& spec : kExtras) {
    if (spec.name == field) return (spec.types & Bit(type)) != 0;
  }
  return false;
}

template <typename E>
std::string AllowedKeys(std::span<const VocabEntry<E>> table) {
  std::string out;
  for (const auto& e : table) {
    if (!out.empty()) out += "、";
    out += e.key;
  }
  return out;
}

std::string Shown(const Json& v) {
  if (v.is_string()) return "'" + v.get<std::string>() + "'";
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Status BadValue(std::string_view field, const Json& v, std::string_view expected) {
  return Status::InvalidInput(
      fmt::format("字段 {} 的值 {} 无效，应为 {}", field, Shown(v), expected));
}

Result<std::string> GetString(std::string_view field, const Json& v) {
  if (!v.is_string()) return BadValue(field, v, "字符串");
  return v.get<std::string>();
}

Result<Date> GetDate(std::string_view field, const Json& v) {
  if (v.is_string()) {
    auto d = ParseDate(v.get_ref<const std::string&>());
    if (d.ok()) return *d;
  }
  return BadValue(field, v, "YYYY-MM-DD 格式的日期，例如 2024-09-27");
}

Result<bool> GetBool(std::string_view field, const Json& v) {
  if (!v.is_boolean()) return BadValue(field, v, "true 或 false");
  return v.get<bool>();
}

template <typename E>
Result<E> GetKey(std::string_view field, const Json& v, std::span<const VocabEntry<E>> table) {
  if (v.is_string()) {
    for (const auto& e : table) {
      if (e.key == v.get_ref<const std::string&>()) return e.value;
    }
  }
  return BadValue(field, v, AllowedKeys(table));
}

Result<std::vector<std::string>> GetItems(const Json& v) {
  if (v.is_string()) return std::vector<std::string>{v.get<std::string>()};
  if (!v.is_array()) return BadValue("items", v, "字符串或字符串列表");
  std::vector<std::string> items;
  for (const auto& item : v) {
    if (!item.is_string()) return BadValue("items", v, "字符串或字符串列表");
    items.push_back(item.get<std::string>());
  }
  return items;
}

// Stores the value of extra `field` (which the event's type takes) into `e`.
Status SetExtra(Event& e, std::string_view field, const Json& v) {
#define GONGKAI_ASSIGN(target, expr) \
  do {                               \
    auto r = (expr);                 \
    if (!r.ok()) return r.status();  \
    (target) = std::move(r).value(); \
  } while (false)
  if (field == "applicant_kind") {
    GONGKAI_ASSIGN(e.applicant_kind, GetKey(field, v, ApplicantKinds()));
  } else if (field == "applicant_name") {
    GONGKAI_ASSIGN(e.applicant_name, GetString(field, v));
  } else if (field == "channel") {
    GONGKAI_ASSIGN(e.channel, GetKey(field, v, Channels()));
  } else if (field == "arrived") {
    GONGKAI_ASSIGN(e.arrived, GetDate(field, v));
  } else if (field == "items") {
    GONGKAI_ASSIGN(e.items, GetItems(v));
  } else if (field == "deadline") {
    GONGKAI_ASSIGN(e.deadline, GetDate(field, v));
  } else if (field == "accepted") {
    GONGKAI_ASSIGN(e.accepted, GetBool(field, v));
  } else if (field == "party") {
    GONGKAI_ASSIGN(e.party, GetKey(field, v, ConsultationParties()));
  } else if (field == "to") {
    GONGKAI_ASSIGN(e.to, GetString(field, v));
  } else if (field == "agrees") {
    GONGKAI_ASSIGN(e.agrees, GetBool(field, v));
  } else if (field == "working_days") {
    if (!v.is_number_integer()) return BadValue(field, v, "1 到 20 之间的整数");
    e.working_days = v.get<int>();
  } else if (field == "approved_by") {
    GONGKAI_ASSIGN(e.approved_by, GetString(field, v));
  } else if (field == "method") {
    if (e.type == EventType::kFeeNoticeSent) {
      auto m = GetKey(field, v, FeeMethods());
      if (!m.ok()) return m.status();
    }
    GONGKAI_ASSIGN(e.method, GetString(field, v));
  } else if (field == "amount_fen") {
    if (!v.is_number_integer() || v.get<int64_t>() < 0) {
      return BadValue(field, v, "以分为单位的非负整数，例如 20000 表示 200 元");
    }
    e.amount_fen = v.get<int64_t>();
  } else if (field == "outcome") {
    auto o = GetKey(field, v, Outcomes());
    if (!o.ok() || !IsAnswerOutcome(*o)) {
      std::string allowed;
      for (const auto& entry : Outcomes()) {
        if (!IsAnswerOutcome(entry.value)) continue;
        if (!allowed.empty()) allowed += "、";
        allowed += entry.key;
      }
      std::string hint =
          o.ok() ? "（逾期不补正、逾期未缴费请记为 deemed_withdrawn，撤回请记为 withdrawn）" : "";
      return Status::InvalidInput(
          fmt::format("字段 outcome 的值 {} 无效，应为 {}{}", Shown(v), allowed, hint));
    }
    e.outcome = *o;
  } else if (field == "reason" && e.type == EventType::kVoided) {
    GONGKAI_ASSIGN(e.void_reason, GetString(field, v));
  } else if (field == "reason") {
    GONGKAI_ASSIGN(e.reason, GetKey(field, v, WithdrawalReasons()));
  } else if (field == "body") {
    GONGKAI_ASSIGN(e.body, GetString(field, v));
  } else if (field == "result") {
    GONGKAI_ASSIGN(e.result, GetKey(field, v, RemedyResults()));
  } else if (field == "after_reconsideration") {
    GONGKAI_ASSIGN(e.after_reconsideration, GetBool(field, v));
  } else if (field == "voids") {
    if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > INT32_MAX) {
      return BadValue(field, v, "被作废事件在本案中的序号（从 1 起的整数）");
    }
    e.voids = v.get<int>();
  }
#undef GONGKAI_ASSIGN
  return Status::Ok();
}

Status Missing(std::string_view field, std::string_view what) {
  return Status::InvalidInput(fmt::format("缺少字段 {}（{}）", field, what));
}

// The extras without which an event cannot be understood.
Status CheckRequired(const Event& e) {
  switch (e.type) {
    case EventType::kReceived:
      if (!e.applicant_kind) return Missing("applicant_kind", "申请人类型，决定年报表三的列");
      if (!e.channel) return Missing("channel", "申请渠道，决定收到申请之日");
      break;
    case EventType::kConsultationSent:
      if (!e.party) return Missing("party", "征求意见对象：third_party 或 co_author");
      break;
    case EventType::kExtensionApproved:
      if (!e.working_days) return Missing("working_days", "延长的工作日数，1 到 20");
      break;
    case EventType::kFeeNoticeSent:
      if (!e.method) return Missing("method", "收费方式：per_application 或 per_page");
      break;
    case EventType::kAnswered:
      if (!e.outcome) return Missing("outcome", "答复结果，决定年报表三的行");
      break;
    case EventType::kDeemedWithdrawn:
      if (!e.reason) return Missing("reason", "no_correction 或 fee_unpaid");
      break;
    case EventType::kReconsiderationDecided:
    case EventType::kLitigationDecided:
      if (!e.result) return Missing("result", "upheld、corrected 或 other");
      break;
    case EventType::kVoided:
      if (!e.voids) return Missing("voids", "被作废事件在本案中的序号");
      if (!e.void_reason || e.void_reason->empty()) return Missing("reason", "作废的理由");
      break;
    default:
      break;
  }
  return Status::Ok();
}

Result<Event> ParseObject(const Json& j) {
  if (!j.is_object())
    return Status::InvalidInput("不是一个 JSON 对象；每行应为一个事件，如 {\"case\": …}");
  Event e;
  auto type_it = j.find("type");
  if (type_it == j.end()) return Missing("type", "事件类型");
  {
    auto t = GetKey("type", *type_it, EventTypes());
    if (!t.ok()) return t.status();
    e.type = *t;
  }
  bool has_case = false, has_date = false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const Json& v = it.value();
    if (key == "type") continue;
    if (key == "case") {
      if (v.is_number_integer()) {
        e.case_number = std::to_string(v.get<int64_t>());
      } else {
        auto s = GetString(key, v);
        if (!s.ok()) return s.status();
        e.case_number = *s;
      }
      if (e.case_number.empty()) return BadValue(key, v, "非空的案件编号");
      has_case = true;
    } else if (key == "date") {
      auto d = GetDate(key, v);
      if (!d.ok()) return d.status();
      e.date = *d;
      has_date = true;
    } else if (key == "agency" || key == "note" || key == "actor") {
      auto s = GetString(key, v);
      if (!s.ok()) return s.status();
      (key == "agency" ? e.agency : key == "note" ? e.note : e.actor) = *s;
    } else if (Takes(e.type, key)) {
      Status s = SetExtra(e, key, v);
      if (!s.ok()) return s;
    } else {
      e.extra[key] = v;
    }
  }
  if (!has_case) return Missing("case", "案件编号");
  if (!has_date) return Missing("date", "该步骤的法定日期，YYYY-MM-DD");
  Status s = CheckRequired(e);
  if (!s.ok()) return s;
  return e;
}

void PutDate(Json& j, const char* key, const std::optional<Date>& d) {
  if (d) j[key] = FormatDate(*d);
}

template <typename T>
void Put(Json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

template <typename E>
void PutKey(Json& j, const char* key, const std::optional<E>& v) {
  if (v) j[key] = std::string(Key(*v));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

Result<Event> ParseEventLine(std::string_view line, int line_no) {
  const std::string where = fmt::format("第 {} 行：", line_no);
  if (line.size() > kMaxEventLineBytes) {
    return Status::InvalidInput(
        where + fmt::format("长度 {} 字节，超过每行 {} KiB 的上限；每行应为一个事件", line.size(),
                            kMaxEventLineBytes >> 10));
  }
  if (Status depth = CheckJsonDepth(line, kMaxEventJsonDepth); !depth.ok()) {
    return depth.WithContext(where);
  }
  Json j = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status::InvalidInput(where + "不是有效的 JSON；每行应为一个完整的 JSON 对象");
  }
  auto e = ParseObject(j);
  if (!e.ok()) return e.status().WithContext(where);
  return e;
}

std::string EventToJsonLine(const Event& e) {
  Json j = Json::object();
  j["case"] = e.case_number;
  j["type"] = std::string(Key(e.type));
  j["date"] = FormatDate(e.date);
  if (!e.agency.empty()) j["agency"] = e.agency;
  if (!e.note.empty()) j["note"] = e.note;
  if (!e.actor.empty()) j["actor"] = e.actor;
  PutKey(j, "applicant_kind", e.applicant_kind);
  Put(j, "applicant_name", e.applicant_name);
  PutKey(j, "channel", e.channel);
  PutDate(j, "arrived", e.arrived);
  PutDate(j, "deadline", e.deadline);
  Put(j, "items", e.items);
  Put(j, "accepted", e.accepted);
  PutKey(j, "party", e.party);
  Put(j, "to", e.to);
  Put(j, "agrees", e.agrees);
  Put(j, "working_days", e.working_days);
  Put(j, "approved_by", e.approved_by);
  Put(j, "method", e.method);
  Put(j, "amount_fen", e.amount_fen);
  PutKey(j, "outcome", e.outcome);
  Put(j, "voids", e.voids);
  PutKey(j, "reason", e.reason);
  Put(j, "reason", e.void_reason);
  Put(j, "body", e.body);
  PutKey(j, "result", e.result);
  Put(j, "after_reconsideration", e.after_reconsideration);
  if (e.extra.is_object()) {
    for (auto it = e.extra.begin(); it != e.extra.end(); ++it) j[it.key()] = it.value();
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<std::vector<CaseEvents>> ParseEventsJsonl(std::string_view text) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  std::vector<CaseEvents> cases;
  std::unordered_map<std::string, std::size_t> index;  // agency '\x1f' case → position
  std::string errors;
  int line_no = 0;
  while (!text.empty() || line_no == 0) {
    ++line_no;
    std::size_t nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty()) {
      if (text.empty()) break;
      continue;
    }
    auto e = ParseEventLine(line, line_no);
    if (!e.ok()) {
      if (!errors.empty()) errors += '\n';
      errors += e.status().message();
      continue;
    }
    std::string key = e->agency + '\x1f' + e->case_number;
    auto [it, inserted] = index.emplace(std::move(key), cases.size());
    if (inserted) cases.push_back(CaseEvents{e->agency, e->case_number, {}, {}});
    CaseEvents& c = cases[it->second];
    c.events.push_back(std::move(e).value());
    c.lines.push_back(line_no);
  }
  if (!errors.empty()) return Status::InvalidInput(errors);
  return cases;
}

std::string CasesToJsonl(const std::vector<CaseEvents>& cases) {
  std::string out;
  for (const auto& c : cases) {
    for (const auto& e : c.events) {
      out += EventToJsonLine(e);
      out += '\n';
    }
  }
  return out;
}

}  // namespace gongkai
