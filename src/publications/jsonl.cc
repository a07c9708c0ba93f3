#include "publications/jsonl.h"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "publications/fields_internal.h"

namespace gongkai {
namespace {

using publications_internal::FieldResult;
using Json = nlohmann::ordered_json;

constexpr std::array<PublicationField, 15> kFields{{
    {"index_no", "索引号"},
    {"title", "名称"},
    {"doc_no", "文号"},
    {"publisher", "发布机构"},
    {"summary", "内容概述"},
    {"kind", "信息类别"},
    {"category", "主题分类"},
    {"created", "生成日期"},
    {"changed", "变更日期"},
    {"published", "公开日期"},
    {"status", "有效性"},
    {"status_date", "有效性日期"},
    {"channels", "公开渠道"},
    {"text", "正文"},
    {"agency", "机关"},
}};

// The deepest nesting of objects and arrays in `line`, strings skipped.
int NestingDepth(std::string_view line) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : line) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '{' || c == '[') deepest = std::max(deepest, ++depth);
    if (c == '}' || c == ']') --depth;
  }
  return deepest;
}

bool IsKnown(std::string_view name) {
  for (const auto& f : kFields) {
    if (f.name == name) return true;
  }
  return false;
}

// The problems of one parsed line, each "字段 NAME：…".
std::vector<std::string> ReadObject(const Json& object, Publication& item) {
  std::vector<std::string> problems;
  auto problem = [&](std::string_view name, std::string_view what) {
    problems.push_back(fmt::format("字段 {}：{}", name, what));
  };
  Json extra = Json::object();
  for (const auto& [key, value] : object.items()) {
    if (!IsKnown(key)) {
      extra[key] = value;
      continue;
    }
    if (key == "channels") {
      if (!value.is_array()) {
        problem(key, "应为字符串数组，例如 [\"website\", \"gazette\"]");
        continue;
      }
      for (const Json& channel : value) {
        if (!channel.is_string()) {
          problem(key, "数组的每一项都应为字符串");
          continue;
        }
        auto set = publications_internal::SetField(item, key, channel.get<std::string>());
        if (!set.ok()) problem(key, set.status().message());
      }
      continue;
    }
    if (value.is_null()) {
      if (publications_internal::IsRequiredField(key)) problem(key, "必填，不能为 null");
      continue;
    }
    if (!value.is_string()) {
      problem(key, fmt::format("应为字符串，实为 {}", value.type_name()));
      continue;
    }
    const std::string& text = value.get_ref<const std::string&>();
    if (text.empty() && key == "created") {
      problem(key, "必填，应为 YYYY-MM-DD");
      continue;
    }
    auto set = publications_internal::SetField(item, key, text);
    if (!set.ok()) problem(key, set.status().message());
  }
  for (const auto& f : kFields) {
    if (publications_internal::IsRequiredField(f.name) && !object.contains(f.name)) {
      problem(f.name, fmt::format("缺少必填字段（{}）", f.label));
    }
  }
  item.extra = extra.dump(-1, ' ', false, Json::error_handler_t::strict);
  return problems;
}

}  // namespace

std::span<const PublicationField> PublicationFields() { return kFields; }

Result<std::vector<Publication>> ParsePublicationsJsonl(std::string_view text,
                                                        std::string_view source) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Publication> items;
  std::vector<std::string> problems;
  int bad = 0;
  auto report = [&](int line, const std::string& what) {
    if (++bad <= kMaxListedPublicationErrors) {
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
    if (line.size() > kMaxPublicationLineBytes) {
      report(number, fmt::format("一行超过 {} 字节：正文过长请改用附件", kMaxPublicationLineBytes));
      continue;
    }
    if (NestingDepth(line) > kMaxPublicationJsonDepth) {
      report(number, fmt::format("JSON 嵌套超过 {} 层", kMaxPublicationJsonDepth));
      continue;
    }
    Json object;
    try {
      object = Json::parse(line);
    } catch (const Json::parse_error& e) {
      report(number,
             fmt::format("不是有效的 JSON（第 {} 字节附近）：每行应为一个 JSON 对象", e.byte));
      continue;
    }
    if (!object.is_object()) {
      report(number, "应为 JSON 对象 {…}");
      continue;
    }
    Publication item;
    std::vector<std::string> line_problems = ReadObject(object, item);
    if (line_problems.empty()) {
      if (Status s = CheckPublication(item); !s.ok()) line_problems.push_back(s.message());
    }
    for (const std::string& p : line_problems) report(number, p);
    if (line_problems.empty()) items.push_back(std::move(item));
  }
  if (bad > 0) {
    std::string message = fmt::format("{} 有 {} 处错误，未导入任何条目：", source, bad);
    for (const std::string& p : problems) message += "\n" + p;
    if (bad > kMaxListedPublicationErrors) {
      message += fmt::format("\n……另有 {} 处错误未列出", bad - kMaxListedPublicationErrors);
    }
    return Status::InvalidInput(message);
  }
  return items;
}

std::string PublicationToJsonLine(const Publication& item) {
  Json j = Json::object();
  auto optional_text = [&](const char* name, const std::string& v) {
    if (!v.empty()) j[name] = v;
  };
  auto date_or_null = [](const std::optional<Date>& d) {
    return d ? Json(FormatDate(*d)) : Json(nullptr);
  };
  optional_text("index_no", item.index_no);
  j["title"] = item.title;
  optional_text("doc_no", item.doc_no);
  j["publisher"] = item.publisher;
  j["summary"] = item.summary;
  j["kind"] = Key(item.kind);
  j["category"] = item.category;
  j["created"] = FormatDate(item.created);
  if (item.changed) j["changed"] = FormatDate(*item.changed);
  j["published"] = date_or_null(item.published);
  j["status"] = Key(item.status);
  j["status_date"] = date_or_null(item.status_date);
  Json channels = Json::array();
  for (PublicationChannel c : item.channels) channels.push_back(Key(c));
  j["channels"] = channels;
  optional_text("text", item.text);
  optional_text("agency", item.agency);
  Json extra = Json::parse(item.extra.empty() ? "{}" : item.extra, nullptr, false);
  if (extra.is_object()) {
    for (const auto& [key, value] : extra.items()) {
      if (!j.contains(key)) j[key] = value;
    }
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string PublicationsToJsonl(std::span<const Publication> items) {
  std::string out;
  for (const Publication& item : items) out += PublicationToJsonLine(item) + "\n";
  return out;
}

}  // namespace gongkai
