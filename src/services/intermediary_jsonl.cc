#include "services/intermediary_jsonl.h"

#include <fmt/format.h>

#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "services/json_internal.h"
#include "services/jsonl.h"
#include "util/json_depth.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kServiceFields[] = {"kind",         "code",   "name",       "items",
                                               "department",   "basis",  "time_limit", "fee",
                                               "commissioned", "status", "version",    "effective"};
constexpr std::string_view kInstitutionFields[] = {
    "kind",     "credit_code", "name", "qualifications", "services", "fees",
    "contacts", "joined",      "left", "version",        "effective"};

template <std::size_t N>
bool Known(const std::string_view (&fields)[N], std::string_view name) {
  for (std::string_view f : fields) {
    if (f == name) return true;
  }
  return false;
}

// Reads fields, collecting "字段 NAME：…" problems.
class Reader {
 public:
  std::vector<std::string> problems;

  void Problem(std::string_view field, std::string_view what) {
    problems.push_back(fmt::format("字段 {}：{}", field, what));
  }

  void Text(std::string_view field, const Json& v, std::string& out) {
    if (v.is_null()) return;
    if (!v.is_string()) {
      Problem(field, fmt::format("应为字符串，实为 {}", v.type_name()));
      return;
    }
    out = v.get<std::string>();
  }

  void Strings(std::string_view field, const Json& v, std::vector<std::string>& out,
               std::string_view what) {
    if (v.is_null()) return;
    if (!v.is_array()) {
      Problem(field, fmt::format("应为字符串数组（{}）", what));
      return;
    }
    for (const Json& s : v) {
      if (!s.is_string()) {
        Problem(field, fmt::format("数组的每一项都应为字符串（{}）", what));
        return;
      }
      out.push_back(s.get<std::string>());
    }
  }

  void Day(std::string_view field, const Json& v, std::optional<Date>& out) {
    if (v.is_null()) return;
    if (v.is_string()) {
      if (auto d = ParseDate(v.get<std::string>()); d.ok()) {
        out = *d;
        return;
      }
    }
    Problem(field, fmt::format("应为 YYYY-MM-DD 格式的日期，实为 {}", v.dump()));
  }

  void Int(std::string_view field, const Json& v, int min, std::optional<int>& out) {
    if (v.is_null()) return;
    if (!v.is_number_integer() || v.get<long long>() < min ||
        v.get<long long>() > std::numeric_limits<int>::max()) {
      Problem(field, fmt::format("应为不小于 {} 的整数", min));
      return;
    }
    out = static_cast<int>(v.get<long long>());
  }

  void Version(const Json& v, int& version) {
    std::optional<int> n;
    Int("version", v, 1, n);
    if (n) version = *n;
  }

  void Basis(const Json& v, std::vector<ServiceBasis>& out) {
    if (std::string problem = services_internal::ReadBasis(v, out); !problem.empty()) {
      Problem("basis", problem);
    }
  }

  void Fee(const Json& v, std::optional<IntermediaryFee>& out) {
    if (v.is_null()) return;
    const std::string allowed = AllowedServiceKeys(FeeNatures());
    if (!v.is_object() || !v.contains("nature") || !v["nature"].is_string()) {
      Problem("fee", fmt::format("应为 null 或 {{\"nature\": {}, \"standard\": …, \"basis\": …}}",
                                 allowed));
      return;
    }
    auto nature = FeeNatureFromText(v["nature"].get<std::string>());
    if (!nature) {
      Problem("fee", fmt::format("nature 未知：{}（可选值：{}）", v["nature"].dump(), allowed));
      return;
    }
    IntermediaryFee fee;
    fee.nature = *nature;
    if (v.contains("standard")) Text("fee", v["standard"], fee.standard);
    if (v.contains("basis")) Text("fee", v["basis"], fee.basis);
    out = std::move(fee);
  }

  void Qualifications(const Json& v, std::vector<Qualification>& out) {
    if (v.is_null()) return;
    if (!v.is_array()) {
      Problem("qualifications",
              "应为数组，每项 {\"name\", \"number\", \"grade\", \"valid_from\", \"valid_until\"}");
      return;
    }
    int n = 0;
    for (const Json& q : v) {
      ++n;
      if (!q.is_object() || !q.contains("name") || !q["name"].is_string()) {
        Problem("qualifications", fmt::format("第 {} 项应为含 name（资质名称）的对象", n));
        return;
      }
      Qualification qual;
      qual.name = q["name"].get<std::string>();
      std::size_t before = problems.size();
      if (q.contains("number")) Text("qualifications", q["number"], qual.number);
      if (q.contains("grade")) Text("qualifications", q["grade"], qual.grade);
      if (q.contains("valid_from")) Day("qualifications", q["valid_from"], qual.valid_from);
      if (q.contains("valid_until")) Day("qualifications", q["valid_until"], qual.valid_until);
      if (problems.size() > before) {
        problems.back() += fmt::format("（第 {} 项资质）", n);
        return;
      }
      out.push_back(std::move(qual));
    }
  }

  void Contacts(const Json& v, InstitutionContacts& out) {
    if (v.is_null()) return;
    if (!v.is_object()) {
      Problem("contacts", "应为 null 或 {\"phone\": …, \"address\": …, \"website\": …}");
      return;
    }
    if (v.contains("phone")) Text("contacts", v["phone"], out.phone);
    if (v.contains("address")) Text("contacts", v["address"], out.address);
    if (v.contains("website")) Text("contacts", v["website"], out.website);
  }
};

void ReadService(Reader& r, const std::string& key, const Json& v, IntermediaryService& s) {
  if (key == "code") {
    r.Text(key, v, s.code);
  } else if (key == "name") {
    r.Text(key, v, s.name);
  } else if (key == "items") {
    r.Strings(key, v, s.items, "审批事项编码");
  } else if (key == "department") {
    r.Text(key, v, s.department);
  } else if (key == "basis") {
    r.Basis(v, s.basis);
  } else if (key == "time_limit") {
    r.Int(key, v, 0, s.time_limit);
  } else if (key == "fee") {
    r.Fee(v, s.fee);
  } else if (key == "commissioned") {
    if (!v.is_boolean()) {
      r.Problem(key, "应为 true 或 false（true：审批部门委托，申请人不承担费用）");
    } else {
      s.commissioned = v.get<bool>();
    }
  } else if (key == "status") {
    auto st = v.is_string() ? IntermediaryStatusFromText(v.get<std::string>()) : std::nullopt;
    if (!st) {
      r.Problem(key, fmt::format("未知的值 {}（可选值：{}）", v.dump(),
                                 AllowedServiceKeys(IntermediaryStatuses())));
    } else {
      s.status = *st;
    }
  } else if (key == "version") {
    r.Version(v, s.version);
  } else if (key == "effective") {
    r.Day(key, v, s.effective);
  }
}

void ReadInstitution(Reader& r, const std::string& key, const Json& v, Institution& i) {
  if (key == "credit_code") {
    r.Text(key, v, i.credit_code);
  } else if (key == "name") {
    r.Text(key, v, i.name);
  } else if (key == "qualifications") {
    r.Qualifications(v, i.qualifications);
  } else if (key == "services") {
    r.Strings(key, v, i.services, "中介服务事项编码");
  } else if (key == "fees") {
    r.Text(key, v, i.fees);
  } else if (key == "contacts") {
    r.Contacts(v, i.contacts);
  } else if (key == "joined") {
    r.Day(key, v, i.joined);
  } else if (key == "left") {
    r.Day(key, v, i.left);
  } else if (key == "version") {
    r.Version(v, i.version);
  } else if (key == "effective") {
    r.Day(key, v, i.effective);
  }
}

std::string Join(const std::vector<std::string>& problems) {
  std::string message = problems.front();
  for (std::size_t i = 1; i < problems.size(); ++i) message += "；" + problems[i];
  return message;
}

Result<DirectoryEntry> ParseObject(const Json& object) {
  if (!object.is_object()) return Status::InvalidInput("应为 JSON 对象 {…}");
  const std::string kinds = AllowedServiceKeys(DirectoryKinds());
  if (!object.contains("kind")) {
    return Status::InvalidInput(fmt::format("字段 kind：缺少必填字段（可选值：{}）", kinds));
  }
  auto kind = object["kind"].is_string() ? DirectoryKindFromText(object["kind"].get<std::string>())
                                         : std::nullopt;
  if (!kind) {
    return Status::InvalidInput(
        fmt::format("字段 kind：未知的值 {}（可选值：{}）", object["kind"].dump(), kinds));
  }
  Reader r;
  Json extra = Json::object();
  DirectoryEntry entry;
  if (*kind == DirectoryKind::kIntermediary) {
    IntermediaryService s;
    for (const auto& [key, value] : object.items()) {
      if (!Known(kServiceFields, key)) {
        extra[key] = value;
      } else {
        ReadService(r, key, value, s);
      }
    }
    for (std::string_view required : {"code", "name", "department"}) {
      if (!object.contains(required)) r.Problem(required, "缺少必填字段");
    }
    s.extra = extra.dump(-1, ' ', false, Json::error_handler_t::strict);
    entry = std::move(s);
  } else {
    Institution i;
    for (const auto& [key, value] : object.items()) {
      if (!Known(kInstitutionFields, key)) {
        extra[key] = value;
      } else {
        ReadInstitution(r, key, value, i);
      }
    }
    for (std::string_view required : {"credit_code", "name"}) {
      if (!object.contains(required)) r.Problem(required, "缺少必填字段");
    }
    i.extra = extra.dump(-1, ' ', false, Json::error_handler_t::strict);
    entry = std::move(i);
  }
  if (!r.problems.empty()) return Status::InvalidInput(Join(r.problems));
  if (Status s = CheckDirectoryEntry(entry); !s.ok()) return s;
  return entry;
}

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json DayOrNull(const std::optional<Date>& d) { return d ? Json(FormatDate(*d)) : Json(nullptr); }

Json BasisJson(const std::vector<ServiceBasis>& basis) {
  Json out = Json::array();
  for (const ServiceBasis& b : basis) {
    out.push_back(
        {{"title", b.title}, {"doc_no", TextOrNull(b.doc_no)}, {"article", TextOrNull(b.article)}});
  }
  return out;
}

void AppendExtra(Json& j, const std::string& extra) {
  Json e = Json::parse(extra.empty() ? "{}" : extra, nullptr, false);
  if (!e.is_object()) return;
  for (const auto& [key, value] : e.items()) {
    if (!j.contains(key)) j[key] = value;
  }
}

Json ToJson(const IntermediaryService& s) {
  Json j = Json::object();
  j["kind"] = Key(DirectoryKind::kIntermediary);
  j["code"] = s.code;
  j["name"] = s.name;
  j["items"] = s.items;
  j["department"] = s.department;
  j["basis"] = BasisJson(s.basis);
  j["time_limit"] = s.time_limit ? Json(*s.time_limit) : Json(nullptr);
  if (s.fee) {
    j["fee"] = {{"nature", Key(s.fee->nature)},
                {"standard", TextOrNull(s.fee->standard)},
                {"basis", TextOrNull(s.fee->basis)}};
  } else {
    j["fee"] = nullptr;
  }
  j["commissioned"] = s.commissioned;
  j["status"] = Key(s.status);
  j["version"] = s.version;
  j["effective"] = DayOrNull(s.effective);
  AppendExtra(j, s.extra);
  return j;
}

Json ToJson(const Institution& i) {
  Json j = Json::object();
  j["kind"] = Key(DirectoryKind::kInstitution);
  j["credit_code"] = i.credit_code;
  j["name"] = i.name;
  Json quals = Json::array();
  for (const Qualification& q : i.qualifications) {
    quals.push_back({{"name", q.name},
                     {"number", TextOrNull(q.number)},
                     {"grade", TextOrNull(q.grade)},
                     {"valid_from", DayOrNull(q.valid_from)},
                     {"valid_until", DayOrNull(q.valid_until)}});
  }
  j["qualifications"] = std::move(quals);
  j["services"] = i.services;
  j["fees"] = TextOrNull(i.fees);
  j["contacts"] = {{"phone", TextOrNull(i.contacts.phone)},
                   {"address", TextOrNull(i.contacts.address)},
                   {"website", TextOrNull(i.contacts.website)}};
  j["joined"] = DayOrNull(i.joined);
  j["left"] = DayOrNull(i.left);
  j["version"] = i.version;
  j["effective"] = DayOrNull(i.effective);
  AppendExtra(j, i.extra);
  return j;
}

}  // namespace

Result<DirectoryEntry> ParseDirectoryLine(std::string_view line) {
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

Result<std::vector<DirectoryEntry>> ParseDirectoryJsonl(std::string_view text,
                                                        std::string_view source) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<DirectoryEntry> entries;
  std::vector<std::string> problems;
  std::map<std::pair<DirectoryKind, std::string>, int> seen;  // → line
  int bad = 0, number = 0;
  auto report = [&](int line, const std::string& what) {
    if (++bad <= kMaxListedServiceErrors) {
      problems.push_back(fmt::format("{}:{}: {}", source, line, what));
    }
  };
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    auto entry = ParseDirectoryLine(line);
    if (!entry.ok()) {
      report(number, entry.status().message());
      continue;
    }
    auto [it, fresh] = seen.emplace(std::make_pair(KindOf(*entry), KeyOf(*entry)), number);
    if (!fresh) {
      report(number,
             fmt::format("字段 {}：{} 与第 {} 行重复",
                         KindOf(*entry) == DirectoryKind::kIntermediary ? "code" : "credit_code",
                         KeyOf(*entry), it->second));
      continue;
    }
    entries.push_back(std::move(*entry));
  }
  if (bad > 0) {
    std::string message = fmt::format("{} 有 {} 处错误，未导入任何条目：", source, bad);
    for (const std::string& p : problems) message += "\n" + p;
    if (bad > kMaxListedServiceErrors) {
      message += fmt::format("\n……另有 {} 处错误未列出", bad - kMaxListedServiceErrors);
    }
    return Status::InvalidInput(message);
  }
  return entries;
}

std::string DirectoryEntryToJsonLine(const DirectoryEntry& entry) {
  Json j = std::visit([](const auto& e) { return ToJson(e); }, entry);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string DirectoryToJsonl(std::span<const DirectoryEntry> entries) {
  std::string out;
  for (const DirectoryEntry& e : entries) out += DirectoryEntryToJsonLine(e) + "\n";
  return out;
}

}  // namespace gongkai
