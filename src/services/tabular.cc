#include "services/tabular.h"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "services/jsonl.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits on any of the separators (UTF-8 strings), dropping empty parts.
std::vector<std::string> Split(std::string_view text,
                               std::initializer_list<std::string_view> seps) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    for (std::string_view sep : seps) {
      if (text.substr(i).starts_with(sep)) len = sep.size();
    }
    if (len == 0) {
      ++i;
      continue;
    }
    if (auto part = Trim(text.substr(start, i - start)); !part.empty()) out.emplace_back(part);
    i += len;
    start = i;
  }
  if (auto part = Trim(text.substr(start)); !part.empty()) out.emplace_back(part);
  return out;
}

std::string FieldName(std::string_view header) {
  header = Trim(header);
  for (const ServiceField& f : ServiceFields()) {
    if (f.name == header || f.label == header) return std::string(f.name);
  }
  return std::string(header);
}

// A vocabulary cell: the key when the text is a key or a label, else the text (the parser then
// names the allowed values).
template <typename E, typename From>
Json Vocab(std::string_view text, From from) {
  if (auto v = from(text)) return Json(Key(static_cast<E>(*v)));
  return Json(std::string(text));
}

// The JSON value of one cell of column `field`; a problem sets `problem`.
Json Cell(const std::string& field, std::string_view text, std::string& problem) {
  if ((text.starts_with("{") || text.starts_with("[")) &&
      (field == "fee" || field == "cross_province" || field == "materials" || field == "basis" ||
       field == "contacts" || field == "conditions")) {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) problem = "不是有效的 JSON";
    return j;
  }
  if (field == "level") return Vocab<ItemLevel>(text, ItemLevelFromText);
  if (field == "type") return Vocab<ItemType>(text, ItemTypeFromText);
  if (field == "status") return Vocab<ItemStatus>(text, ItemStatusFromText);
  if (field == "object") return Vocab<ServiceObject>(text, ServiceObjectFromText);
  if (field == "not_in_hall_reason") return Vocab<NotInHallReason>(text, NotInHallReasonFromText);
  if (field == "in_hall") {
    if (text == "是" || text == "true" || text == "1") return true;
    if (text == "否" || text == "false" || text == "0") return false;
    problem = "应为 是 或 否";
    return nullptr;
  }
  if (field == "legal_days" || field == "promised_days" || field == "version") {
    int n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) {
      problem = "应为整数（工作日数或版本号）";
      return nullptr;
    }
    return n;
  }
  if (field == "conditions") return Split(text, {"\n", "；"});
  if (field == "materials") {
    Json out = Json::array();
    for (const std::string& name : Split(text, {"\n", "；"})) {
      out.push_back({{"name", name}, {"form", "original"}, {"copies", 1}, {"required", true}});
    }
    return out;
  }
  if (field == "basis") {
    Json out = Json::array();
    for (const std::string& title : Split(text, {"\n", "；"})) out.push_back({{"title", title}});
    return out;
  }
  if (field == "contacts") {
    auto parts = Split(text, {"\n", "；", ";"});
    return Json{{"consult", parts.empty() ? Json(nullptr) : Json(parts[0])},
                {"complaint", parts.size() < 2 ? Json(nullptr) : Json(parts[1])}};
  }
  if (field == "fee") {
    if (text == "不收费" || text == "否") return Json{{"charged", false}};
    if (text == "收费" || text == "是") return Json{{"charged", true}};
    return Json{{"charged", true}, {"standard", std::string(text)}};
  }
  if (field == "cross_province") {
    auto parts = Split(text, {"：", ":"});
    if (parts.size() != 2) {
      problem = "应为“个人：全程网办、异地代收代办”的形式，或 JSON 对象";
      return nullptr;
    }
    Json object = parts[0] == "个人"   ? Json("individual")
                  : parts[0] == "法人" ? Json("legal_person")
                                       : Json(parts[0]);
    Json modes = Json::array();
    for (const std::string& m : Split(parts[1], {"、", ",", "，", ";", "；"})) {
      auto mode = CrossProvinceModeFromText(m);
      modes.push_back(mode ? Json(Key(*mode)) : Json(m));
    }
    return Json{{"object", object}, {"modes", modes}};
  }
  return std::string(text);
}

}  // namespace

Result<std::vector<ServiceItem>> ServicesFromRows(std::span<const CellRow> rows,
                                                  std::string_view source) {
  if (rows.empty()) {
    return Status::InvalidInput(
        fmt::format("{}：没有表头行：第一行应为字段名（code, name, …）", source));
  }
  std::vector<std::string> fields;
  std::map<std::string, std::string> column_of;  // field → column letters
  for (std::size_t c = 0; c < rows[0].cells.size(); ++c) {
    fields.push_back(FieldName(rows[0].cells[c]));
    column_of.emplace(fields.back(), ColumnLetters(c));
  }
  // One JSON line per row, at the line number of the row, so the JSON Lines reader's messages
  // (and its checks between lines) name the row.
  std::string text;
  int line = 1;
  std::vector<std::string> problems;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CellRow& row = rows[r];
    Json object = Json::object();
    for (std::size_t c = 0; c < row.cells.size() && c < fields.size(); ++c) {
      std::string_view cell = Trim(row.cells[c]);
      if (cell.empty() || fields[c].empty()) continue;
      std::string problem;
      Json value = Cell(fields[c], cell, problem);
      if (!problem.empty()) {
        problems.push_back(fmt::format("{}: 第 {} 行 {} 列（{}）：{}", source, row.number,
                                       ColumnLetters(c), fields[c], problem));
        continue;
      }
      object[fields[c]] = std::move(value);
    }
    while (line < row.number) {
      text += "\n";
      ++line;
    }
    text += object.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  if (!problems.empty()) {
    std::string message = fmt::format("{} 有 {} 处错误，未导入任何事项：", source, problems.size());
    for (const std::string& p : problems) message += "\n" + p;
    return Status::InvalidInput(message);
  }
  auto items = ParseServicesJsonl(text, source);
  if (items.ok()) return items;
  // "source:12: 字段 level：…" → "source: 第 12 行 C 列（level）：…"
  std::string message = items.status().message();
  std::string out;
  std::string prefix = std::string(source) + ":";
  for (std::size_t start = 0; start < message.size();) {
    std::size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    std::string m = message.substr(start, end - start);
    start = end + 1;
    if (m.starts_with(prefix)) {
      std::size_t colon = m.find(": ", prefix.size());
      std::string row = m.substr(prefix.size(), colon - prefix.size());
      std::string rest = colon == std::string::npos ? "" : m.substr(colon + 2);
      std::string where = fmt::format("{}: 第 {} 行", source, row);
      if (rest.starts_with("字段 ")) {
        std::size_t name_end = rest.find("：");
        std::string name = rest.substr(std::string_view("字段 ").size(),
                                       name_end - std::string_view("字段 ").size());
        if (auto it = column_of.find(name); it != column_of.end()) {
          where += fmt::format(" {} 列", it->second);
        }
        where += fmt::format("（{}）", name);
        rest = name_end == std::string::npos ? rest : rest.substr(name_end);
      } else {
        rest = "：" + rest;
      }
      m = where + rest;
    }
    if (!out.empty()) out += "\n";
    out += m;
  }
  return Status::InvalidInput(out);
}

}  // namespace gongkai
