#include "services/jsonl.h"

#include <fmt/format.h>

#include <array>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "services/json_internal.h"
#include "util/json_depth.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<ServiceField, 24> kFields{{
    {"code", "事项编码"},
    {"name", "事项名称"},
    {"level", "层级"},
    {"parent", "上级编码"},
    {"type", "事项类型"},
    {"department", "实施机关"},
    {"status", "状态"},
    {"object", "服务对象"},
    {"in_hall", "是否进驻大厅"},
    {"not_in_hall_reason", "未进驻原因"},
    {"not_in_hall_note", "未进驻说明"},
    {"handled_at", "实际办理地点"},
    {"cross_province", "跨省通办"},
    {"legal_days", "法定办结时限"},
    {"promised_days", "承诺办结时限"},
    {"fee", "收费"},
    {"conditions", "申请条件"},
    {"materials", "申请材料"},
    {"basis", "设定依据"},
    {"contacts", "联系方式"},
    {"place", "办理地点"},
    {"version", "版本号"},
    {"effective", "生效日期"},
    {"successor", "替代事项编码"},
}};

bool IsKnown(std::string_view name) {
  for (const auto& f : kFields) {
    if (f.name == name) return true;
  }
  return false;
}

// Reads one object's fields into `item`; the problems are "字段 NAME：…" each.
class Reader {
 public:
  explicit Reader(ServiceItem& item) : item_(item) {}

  std::vector<std::string> Read(const Json& object) {
    Json extra = Json::object();
    for (const auto& [key, value] : object.items()) {
      if (!IsKnown(key)) {
        extra[key] = value;
        continue;
      }
      Field(key, value);
    }
    for (std::string_view required : {"code", "name", "level", "type", "department", "status"}) {
      if (!object.contains(required)) Problem(required, "缺少必填字段");
    }
    item_.extra = extra.dump(-1, ' ', false, Json::error_handler_t::strict);
    return std::move(problems_);
  }

 private:
  void Problem(std::string_view field, std::string_view what) {
    problems_.push_back(fmt::format("字段 {}：{}", field, what));
  }

  bool Text(std::string_view field, const Json& v, std::string& out, bool nullable = true) {
    if (v.is_null() && nullable) return true;
    if (!v.is_string()) {
      Problem(field, fmt::format("应为字符串，实为 {}", v.type_name()));
      return false;
    }
    out = v.get<std::string>();
    return true;
  }

  template <typename E, typename From>
  std::optional<E> Enum(std::string_view field, const Json& v, std::span<const VocabEntry<E>> table,
                        From from) {
    if (!v.is_string()) {
      Problem(field, fmt::format("应为字符串（可选值：{}）", AllowedServiceKeys(table)));
      return std::nullopt;
    }
    auto e = from(v.get<std::string>());
    if (!e) {
      Problem(field, fmt::format("未知的值「{}」（可选值：{}）", v.get<std::string>(),
                                 AllowedServiceKeys(table)));
    }
    return e;
  }

  std::optional<int> Int(std::string_view field, const Json& v, int min) {
    if (!v.is_number_integer() || v.get<long long>() < min ||
        v.get<long long>() > std::numeric_limits<int>::max()) {
      Problem(field, fmt::format("应为不小于 {} 的整数", min));
      return std::nullopt;
    }
    return static_cast<int>(v.get<long long>());
  }

  void Field(const std::string& key, const Json& v) {
    if (key == "code") {
      Text(key, v, item_.code, false);
    } else if (key == "name") {
      Text(key, v, item_.name, false);
    } else if (key == "level") {
      if (auto e = Enum(key, v, ItemLevels(), ItemLevelFromText)) item_.level = *e;
    } else if (key == "parent") {
      Text(key, v, item_.parent);
    } else if (key == "type") {
      if (auto e = Enum(key, v, ItemTypes(), ItemTypeFromText)) item_.type = *e;
    } else if (key == "department") {
      Text(key, v, item_.department, false);
    } else if (key == "status") {
      if (auto e = Enum(key, v, ItemStatuses(), ItemStatusFromText)) item_.status = *e;
    } else if (key == "object") {
      if (!v.is_null()) item_.object = Enum(key, v, ServiceObjects(), ServiceObjectFromText);
    } else if (key == "in_hall") {
      if (!v.is_boolean()) {
        Problem(key, "应为 true 或 false（false 即列入进厅负面清单）");
      } else {
        item_.in_hall = v.get<bool>();
      }
    } else if (key == "not_in_hall_reason") {
      if (!v.is_null()) {
        item_.not_in_hall_reason = Enum(key, v, NotInHallReasons(), NotInHallReasonFromText);
      }
    } else if (key == "not_in_hall_note") {
      Text(key, v, item_.not_in_hall_note);
    } else if (key == "handled_at") {
      Text(key, v, item_.handled_at);
    } else if (key == "cross_province") {
      CrossProvinceField(v);
    } else if (key == "legal_days") {
      if (!v.is_null()) item_.legal_days = Int(key, v, 0);
    } else if (key == "promised_days") {
      if (!v.is_null()) item_.promised_days = Int(key, v, 0);
    } else if (key == "fee") {
      FeeField(v);
    } else if (key == "conditions") {
      ConditionsField(v);
    } else if (key == "materials") {
      MaterialsField(v);
    } else if (key == "basis") {
      BasisField(v);
    } else if (key == "contacts") {
      ContactsField(v);
    } else if (key == "place") {
      Text(key, v, item_.place);
    } else if (key == "version") {
      if (!v.is_null()) {
        if (auto n = Int(key, v, 1)) item_.version = *n;
      }
    } else if (key == "effective") {
      if (v.is_null()) return;
      if (!v.is_string()) {
        Problem(key, "应为 YYYY-MM-DD 格式的日期");
        return;
      }
      auto d = ParseDate(v.get<std::string>());
      if (!d.ok()) {
        Problem(key, fmt::format("应为 YYYY-MM-DD 格式的日期，实为「{}」", v.get<std::string>()));
      } else {
        item_.effective = *d;
      }
    } else if (key == "successor") {
      Text(key, v, item_.successor);
    }
  }

  void CrossProvinceField(const Json& v) {
    if (v.is_null()) return;
    constexpr std::string_view kShape =
        "应为 null 或 {\"object\": \"individual\"|\"legal_person\", \"modes\": [\"online\", "
        "\"proxy\", \"multi_site\"]}";
    if (!v.is_object() || !v.contains("object") || !v.contains("modes") || !v["modes"].is_array()) {
      Problem("cross_province", kShape);
      return;
    }
    CrossProvince cp;
    const Json& object = v["object"];
    if (!object.is_string() || (object != "individual" && object != "legal_person")) {
      Problem("cross_province", "object 应为 individual 或 legal_person（个人 / 法人）");
      return;
    }
    cp.object = *ServiceObjectFromText(object.get<std::string>());
    for (const Json& mode : v["modes"]) {
      auto m = mode.is_string() ? CrossProvinceModeFromText(mode.get<std::string>()) : std::nullopt;
      if (!m) {
        Problem("cross_province", fmt::format("modes 中有未知的方式 {}（可选值：{}）", mode.dump(),
                                              AllowedServiceKeys(CrossProvinceModes())));
        return;
      }
      cp.modes.insert(*m);
    }
    item_.cross_province = std::move(cp);
  }

  void FeeField(const Json& v) {
    if (v.is_null()) return;
    if (!v.is_object() || !v.contains("charged") || !v["charged"].is_boolean()) {
      Problem("fee", "应为 null 或 {\"charged\": true|false, \"standard\": …, \"basis\": …}");
      return;
    }
    ServiceFee fee;
    fee.charged = v["charged"].get<bool>();
    for (const char* name : {"standard", "basis"}) {
      if (!v.contains(name) || v[name].is_null()) continue;
      std::string& out = std::string_view(name) == "standard" ? fee.standard : fee.basis;
      out = v[name].is_string() ? v[name].get<std::string>() : v[name].dump();
    }
    item_.fee = std::move(fee);
  }

  void ConditionsField(const Json& v) {
    if (v.is_null()) return;
    if (!v.is_array()) {
      Problem("conditions", "应为字符串数组（申请条件，每项一条）");
      return;
    }
    for (const Json& c : v) {
      if (!c.is_string()) {
        Problem("conditions", "数组的每一项都应为字符串");
        return;
      }
      item_.conditions.push_back(c.get<std::string>());
    }
  }

  void MaterialsField(const Json& v) {
    if (v.is_null()) return;
    if (!v.is_array()) {
      Problem("materials", "应为数组，每项 {\"name\", \"form\", \"copies\", \"required\"}");
      return;
    }
    int n = 0;
    for (const Json& m : v) {
      ++n;
      if (!m.is_object() || !m.contains("name") || !m["name"].is_string()) {
        Problem("materials", fmt::format("第 {} 项应为含 name（字符串）的对象", n));
        return;
      }
      ServiceMaterial material;
      material.name = m["name"].get<std::string>();
      Json extra = Json::object();
      for (const auto& [key, value] : m.items()) {
        if (key == "name") continue;
        if (key == "form") {
          auto f =
              value.is_string() ? MaterialFormFromText(value.get<std::string>()) : std::nullopt;
          if (!f) {
            Problem("materials", fmt::format("第 {} 项的 form 未知：{}（可选值：{}）", n,
                                             value.dump(), AllowedServiceKeys(MaterialForms())));
            return;
          }
          material.form = *f;
        } else if (key == "copies") {
          if (!value.is_number_integer() || value.get<long long>() < 0 ||
              value.get<long long>() > 10000) {
            Problem("materials", fmt::format("第 {} 项的 copies 应为 0–10000 的整数", n));
            return;
          }
          material.copies = static_cast<int>(value.get<long long>());
        } else if (key == "required") {
          if (!value.is_boolean()) {
            Problem("materials", fmt::format("第 {} 项的 required 应为 true 或 false", n));
            return;
          }
          material.required = value.get<bool>();
        } else {
          extra[key] = value;
        }
      }
      material.extra = extra.dump(-1, ' ', false, Json::error_handler_t::strict);
      item_.materials.push_back(std::move(material));
    }
  }

  void BasisField(const Json& v) {
    if (std::string problem = services_internal::ReadBasis(v, item_.basis); !problem.empty()) {
      Problem("basis", problem);
    }
  }

  void ContactsField(const Json& v) {
    if (v.is_null()) return;
    if (!v.is_object()) {
      Problem("contacts", "应为 null 或 {\"consult\": …, \"complaint\": …}");
      return;
    }
    ServiceContacts c;
    for (const char* name : {"consult", "complaint"}) {
      if (!v.contains(name) || v[name].is_null()) continue;
      if (!v[name].is_string()) {
        Problem("contacts", fmt::format("{} 应为字符串", name));
        return;
      }
      (std::string_view(name) == "consult" ? c.consult : c.complaint) = v[name].get<std::string>();
    }
    item_.contacts = std::move(c);
  }

  ServiceItem& item_;
  std::vector<std::string> problems_;
};

Result<ServiceItem> ParseObject(const Json& object) {
  if (!object.is_object()) return Status::InvalidInput("应为 JSON 对象 {…}");
  ServiceItem item;
  std::vector<std::string> problems = Reader(item).Read(object);
  if (!problems.empty()) {
    std::string message = problems.front();
    for (std::size_t i = 1; i < problems.size(); ++i) message += "；" + problems[i];
    return Status::InvalidInput(message);
  }
  if (Status s = CheckServiceItem(item); !s.ok()) return s;
  return item;
}

}  // namespace

std::span<const ServiceField> ServiceFields() { return kFields; }

Result<ServiceItem> ParseServiceItemJson(std::string_view line) {
  if (line.size() > kMaxServiceLineBytes) {
    return Status::InvalidInput(fmt::format("一行超过 {} 字节", kMaxServiceLineBytes));
  }
  if (Status s = CheckJsonDepth(line, kMaxServiceJsonDepth); !s.ok()) return s;
  Json object;
  try {
    object = Json::parse(line);
  } catch (const Json::parse_error& e) {
    return Status::InvalidInput(
        fmt::format("不是有效的 JSON（第 {} 字节附近）：每行应为一个 JSON 对象", e.byte));
  }
  return ParseObject(object);
}

Result<std::vector<ServiceItem>> ParseServicesJsonl(std::string_view text,
                                                    std::string_view source) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<ServiceItem> items;
  std::vector<int> lines;  // the line of each good item
  std::vector<std::string> problems;
  int bad = 0;
  auto report = [&](int line, const std::string& what) {
    if (++bad <= kMaxListedServiceErrors) {
      problems.push_back(fmt::format("{}:{}: {}", source, line, what));
    }
  };
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    auto item = ParseServiceItemJson(line);
    if (!item.ok()) {
      report(number, item.status().message());
      continue;
    }
    items.push_back(std::move(*item));
    lines.push_back(number);
  }
  // Between lines: unique codes, and a parent named in the file comes first, one level up (a
  // 业务办理项 may hang directly under a 主项 that has no 子项). A parent not in the file may be
  // in the catalogue already; the import checks that.
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto [it, fresh] = index.emplace(items[i].code, i);
    if (!fresh) {
      report(lines[i],
             fmt::format("字段 code：编码 {} 与第 {} 行重复", items[i].code, lines[it->second]));
    }
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ServiceItem& item = items[i];
    if (item.parent.empty()) continue;
    auto it = index.find(item.parent);
    if (it == index.end()) continue;
    const ServiceItem& parent = items[it->second];
    if (it->second > i) {
      report(lines[i], fmt::format("字段 parent：上级 {} 在第 {} 行，应放在本行之前（上级在前）",
                                   item.parent, lines[it->second]));
    } else if (!(parent.level == ItemLevel::kMain ||
                 (parent.level == ItemLevel::kSub && item.level == ItemLevel::kTask))) {
      report(lines[i], fmt::format("字段 parent：上级 {} 是{}，不能作为{}的上级", item.parent,
                                   Label(parent.level), Label(item.level)));
    }
  }
  if (bad > 0) {
    std::string message = fmt::format("{} 有 {} 处错误，未导入任何事项：", source, bad);
    for (const std::string& p : problems) message += "\n" + p;
    if (bad > kMaxListedServiceErrors) {
      message += fmt::format("\n……另有 {} 处错误未列出", bad - kMaxListedServiceErrors);
    }
    return Status::InvalidInput(message);
  }
  return items;
}

namespace services_internal {

std::string ReadBasis(const Json& v, std::vector<ServiceBasis>& out) {
  if (v.is_null()) return "";
  if (!v.is_array()) return "应为数组，每项 {\"title\", \"doc_no\", \"article\"}";
  int n = 0;
  for (const Json& b : v) {
    ++n;
    if (!b.is_object() || !b.contains("title") || !b["title"].is_string()) {
      return fmt::format("第 {} 项应为含 title（文件全称）的对象", n);
    }
    ServiceBasis basis;
    basis.title = b["title"].get<std::string>();
    for (const char* name : {"doc_no", "article"}) {
      if (!b.contains(name) || b[name].is_null()) continue;
      if (!b[name].is_string()) return fmt::format("第 {} 项的 {} 应为字符串", n, name);
      (std::string_view(name) == "doc_no" ? basis.doc_no : basis.article) =
          b[name].get<std::string>();
    }
    out.push_back(std::move(basis));
  }
  return "";
}

Json ItemToJson(const ServiceItem& item) {
  auto text_or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  auto int_or_null = [](const std::optional<int>& n) { return n ? Json(*n) : Json(nullptr); };
  Json j = Json::object();
  j["code"] = item.code;
  j["name"] = item.name;
  j["level"] = Key(item.level);
  j["parent"] = text_or_null(item.parent);
  j["type"] = Key(item.type);
  j["department"] = item.department;
  j["status"] = Key(item.status);
  j["object"] = item.object ? Json(Key(*item.object)) : Json(nullptr);
  j["in_hall"] = item.in_hall;
  j["not_in_hall_reason"] =
      item.not_in_hall_reason ? Json(Key(*item.not_in_hall_reason)) : Json(nullptr);
  j["not_in_hall_note"] = text_or_null(item.not_in_hall_note);
  j["handled_at"] = text_or_null(item.handled_at);
  if (item.cross_province) {
    Json modes = Json::array();
    for (CrossProvinceMode m : item.cross_province->modes) modes.push_back(Key(m));
    j["cross_province"] = {{"object", Key(item.cross_province->object)}, {"modes", modes}};
  } else {
    j["cross_province"] = nullptr;
  }
  j["legal_days"] = int_or_null(item.legal_days);
  j["promised_days"] = int_or_null(item.promised_days);
  if (item.fee) {
    j["fee"] = {{"charged", item.fee->charged},
                {"standard", text_or_null(item.fee->standard)},
                {"basis", text_or_null(item.fee->basis)}};
  } else {
    j["fee"] = nullptr;
  }
  j["conditions"] = item.conditions;
  Json materials = Json::array();
  for (const ServiceMaterial& m : item.materials) {
    Json jm = {
        {"name", m.name}, {"form", Key(m.form)}, {"copies", m.copies}, {"required", m.required}};
    Json extra = Json::parse(m.extra.empty() ? "{}" : m.extra, nullptr, false);
    if (extra.is_object()) {
      for (const auto& [key, value] : extra.items()) {
        if (!jm.contains(key)) jm[key] = value;
      }
    }
    materials.push_back(std::move(jm));
  }
  j["materials"] = std::move(materials);
  Json basis = Json::array();
  for (const ServiceBasis& b : item.basis) {
    basis.push_back({{"title", b.title},
                     {"doc_no", text_or_null(b.doc_no)},
                     {"article", text_or_null(b.article)}});
  }
  j["basis"] = std::move(basis);
  if (item.contacts) {
    j["contacts"] = {{"consult", text_or_null(item.contacts->consult)},
                     {"complaint", text_or_null(item.contacts->complaint)}};
  } else {
    j["contacts"] = nullptr;
  }
  j["place"] = text_or_null(item.place);
  j["version"] = item.version;
  j["effective"] = item.effective ? Json(FormatDate(*item.effective)) : Json(nullptr);
  j["successor"] = text_or_null(item.successor);
  Json extra = Json::parse(item.extra.empty() ? "{}" : item.extra, nullptr, false);
  if (extra.is_object()) {
    for (const auto& [key, value] : extra.items()) {
      if (!j.contains(key)) j[key] = value;
    }
  }
  return j;
}

}  // namespace services_internal

std::string ServiceItemToJsonLine(const ServiceItem& item) {
  return services_internal::ItemToJson(item).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ServicesToJsonl(std::span<const ServiceItem> items) {
  std::string out;
  for (const ServiceItem& item : items) out += ServiceItemToJsonLine(item) + "\n";
  return out;
}

}  // namespace gongkai
