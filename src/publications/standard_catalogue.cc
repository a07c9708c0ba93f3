#include "publications/standard_catalogue.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "publications/jsonl.h"
#include "util/text.h"

namespace gongkai {
namespace {

// One mark: its group, stored key, word, and the other words and sub-column headers meaning it.
struct FlagEntry {
  StandardFlag flag;
  std::string_view group;  // audience | mode | level
  std::string_view key;    // DO NOT CHANGE: stored
  std::string_view label;
  std::vector<std::string_view> aliases;  // normalised (see Normalized)
};

const std::vector<FlagEntry>& Flags() {
  static const std::vector<FlagEntry> kFlags = {
      {kForEveryone, "audience", "everyone", "全社会", {"全社会", "公开对象全社会", "社会公众"}},
      {kForGroups, "audience", "groups", "特定群体", {"特定群体", "公开对象特定群体"}},
      {kProactive, "mode", "proactive", "主动", {"主动", "主动公开", "公开方式主动"}},
      {kOnRequest, "mode", "on_request", "依申请", {"依申请", "依申请公开", "公开方式依申请"}},
      {kCountyLevel, "level", "county", "县级", {"县级", "县", "公开层级县级"}},
      {kTownshipLevel,
       "level",
       "township",
       "乡级",
       {"乡级", "乡", "乡镇", "乡镇级", "乡镇街道", "公开层级乡级"}},
  };
  return kFlags;
}

// The text columns: field name, the Chinese name shown in messages, and the headers naming it.
struct Column {
  std::string_view field;
  std::string_view label;
  std::vector<std::string_view> headers;  // normalised
};

const std::vector<Column>& Columns() {
  static const std::vector<Column> kColumns = {
      {"number", "序号", {"序号", "number", "编号"}},
      {"topic",
       "一级事项",
       {"一级事项", "公开事项一级事项", "公开事项一级", "公开事项", "事项一级", "topic"}},
      {"subtopic",
       "二级事项",
       {"二级事项", "公开事项二级事项", "公开事项二级", "事项二级", "subtopic"}},
      {"content", "公开内容", {"公开内容", "公开内容要素", "content"}},
      {"basis", "公开依据", {"公开依据", "basis"}},
      {"time_limit", "公开时限", {"公开时限", "time_limit"}},
      {"subject", "公开主体", {"公开主体", "subject"}},
      {"channels", "公开渠道和载体", {"公开渠道和载体", "公开渠道", "channels"}},
      {"audience", "公开对象", {"公开对象", "audience"}},
      {"mode", "公开方式", {"公开方式", "mode"}},
      {"level", "公开层级", {"公开层级", "level"}},
      {"note", "备注", {"备注", "note"}},
  };
  return kColumns;
}

// Folded to half width, without whitespace and brackets, ASCII lower-case: how headers and
// words are compared ("公开事项（一级事项）" = "公开事项(一级事项)" = "公开事项一级事项").
std::string Normalized(std::string_view text) {
  std::string folded = RemoveWhitespace(FoldWidth(text));
  std::string out;
  for (char c : folded) {
    if (c == '(' || c == ')') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// What a header cell names: a text column ("number", …), a mark sub-column ("flag:everyone"),
// or "" when nothing.
std::string HeaderField(std::string_view cell) {
  std::string n = Normalized(cell);
  for (const Column& c : Columns()) {
    if (std::find(c.headers.begin(), c.headers.end(), n) != c.headers.end()) {
      return std::string(c.field);
    }
  }
  for (const FlagEntry& f : Flags()) {
    if (std::find(f.aliases.begin(), f.aliases.end(), n) != f.aliases.end()) {
      return "flag:" + std::string(f.key);
    }
  }
  return "";
}

// True when every non-empty cell of `row` names a sub-column of the official two-row header.
bool IsSubHeaderRow(const CellRow& row) {
  bool any = false;
  for (const std::string& cell : row.cells) {
    if (Trim(cell).empty()) continue;
    std::string field = HeaderField(cell);
    if (field != "topic" && field != "subtopic" && !field.starts_with("flag:")) return false;
    any = true;
  }
  return any;
}

const FlagEntry* FlagByKey(std::string_view key) {
  for (const FlagEntry& f : Flags()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

std::string AllowedWords(std::string_view group) {
  std::string out;
  for (const FlagEntry& f : Flags()) {
    if (f.group == group) out += (out.empty() ? "" : "、") + std::string(f.label);
  }
  return out;
}

// The words of one cell: separated by 、 , ; / or spaces.
std::vector<std::string> SplitWords(std::string_view cell) {
  std::string folded = FoldWidth(cell);
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string_view t = Trim(current);
    if (!t.empty()) out.emplace_back(t);
    current.clear();
  };
  std::string_view rest = folded;
  constexpr std::string_view kComma = "、";
  while (!rest.empty()) {
    if (rest.starts_with(kComma)) {
      flush();
      rest.remove_prefix(kComma.size());
    } else if (rest.front() == ',' || rest.front() == ';' || rest.front() == '/' ||
               IsAsciiSpace(rest.front())) {
      flush();
      rest.remove_prefix(1);
    } else {
      current += rest.front();
      rest.remove_prefix(1);
    }
  }
  flush();
  return out;
}

// A mark cell: yes, no, or nullopt for anything else.
std::optional<bool> Mark(std::string_view cell) {
  std::string n = Normalized(cell);
  static constexpr std::string_view kYes[] = {"√", "✓", "✔", "●", "是", "y", "yes", "1"};
  static constexpr std::string_view kNo[] = {"", "否", "×", "n", "no", "0", "-", "—", "/"};
  for (std::string_view y : kYes) {
    if (n == y) return true;
  }
  for (std::string_view x : kNo) {
    if (n == x) return false;
  }
  return std::nullopt;
}

std::string ColumnLabel(std::string_view field) {
  if (field.starts_with("flag:")) {
    const FlagEntry* f = FlagByKey(field.substr(5));
    return f ? std::string(f->label) : std::string(field);
  }
  for (const Column& c : Columns()) {
    if (c.field == field) return std::string(c.label);
  }
  return std::string(field);
}

std::string* TextField(StandardCatalogueRow& row, std::string_view field) {
  return field == "number"       ? &row.number
         : field == "topic"      ? &row.topic
         : field == "subtopic"   ? &row.subtopic
         : field == "content"    ? &row.content
         : field == "basis"      ? &row.basis
         : field == "time_limit" ? &row.time_limit
         : field == "subject"    ? &row.subject
         : field == "channels"   ? &row.channels
         : field == "note"       ? &row.note
                                 : nullptr;
}

}  // namespace

std::string StandardRowKey(const StandardCatalogueRow& row) { return "local." + row.number; }

std::string StandardRowTitle(const StandardCatalogueRow& row) {
  return row.subtopic.empty() ? row.topic : row.topic + " · " + row.subtopic;
}

std::string StandardFlagsText(unsigned flags, std::string_view group) {
  std::string out;
  for (const FlagEntry& f : Flags()) {
    if (f.group == group && (flags & f.flag) != 0) {
      out += (out.empty() ? "" : "、") + std::string(f.label);
    }
  }
  return out.empty() ? "—" : out;
}

std::string StandardFlagKeys(unsigned flags) {
  std::string out;
  for (const FlagEntry& f : Flags()) {
    if ((flags & f.flag) != 0) out += (out.empty() ? "" : ",") + std::string(f.key);
  }
  return out;
}

unsigned StandardFlagsFromKeys(std::string_view keys) {
  unsigned flags = 0;
  while (!keys.empty()) {
    auto comma = keys.find(',');
    if (const FlagEntry* f = FlagByKey(keys.substr(0, comma))) flags |= f->flag;
    keys = comma == std::string_view::npos ? "" : keys.substr(comma + 1);
  }
  return flags;
}

Result<std::vector<StandardCatalogueRow>> StandardCatalogueFromRows(std::span<const CellRow> rows,
                                                                    std::string_view source) {
  if (rows.empty()) {
    return Status::InvalidInput(fmt::format(
        "{}：没有表头行：第一行应为列名（序号、一级事项、二级事项、公开内容、公开依据、公开时限、"
        "公开主体、公开渠道和载体、公开对象、公开方式、公开层级）",
        source));
  }
  std::vector<std::string> problems;
  // The header: one row, or two when the second names the sub-columns.
  std::size_t first_data = 1;
  std::vector<std::string> fields;
  const CellRow& header = rows.front();
  const CellRow* sub = rows.size() > 1 && IsSubHeaderRow(rows[1]) ? &rows[1] : nullptr;
  if (sub) first_data = 2;
  std::size_t width = header.cells.size();
  if (sub) width = std::max(width, sub->cells.size());
  for (std::size_t col = 0; col < width; ++col) {
    std::string_view top = col < header.cells.size() ? Trim(header.cells[col]) : "";
    std::string_view below = sub && col < sub->cells.size() ? Trim(sub->cells[col]) : "";
    std::string_view name = below.empty() ? top : below;
    int row_number = below.empty() ? header.number : sub->number;
    std::string field = name.empty() ? "" : HeaderField(name);
    if (!name.empty() && field.empty()) {
      problems.push_back(fmt::format(
          "第 {} 行 {} 列（表头）：列名“{}”无法识别（可用：序号、一级事项、二级事项、公开内容、"
          "公开依据、公开时限、公开主体、公开渠道和载体、公开对象、公开方式、公开层级、备注，或"
          "分列的 {}、{}、{}）",
          row_number, ColumnLetters(col), name, AllowedWords("audience"), AllowedWords("mode"),
          AllowedWords("level")));
    } else if (!field.empty() && std::find(fields.begin(), fields.end(), field) != fields.end()) {
      problems.push_back(
          fmt::format("第 {} 行 {} 列（表头）：列“{}”重复", row_number, ColumnLetters(col), name));
      field.clear();
    }
    fields.push_back(field);
  }
  for (std::string_view required : {"number", "topic"}) {
    if (std::find(fields.begin(), fields.end(), required) == fields.end()) {
      problems.push_back(
          fmt::format("第 {} 行（表头）：缺少必填列“{}”", header.number, ColumnLabel(required)));
    }
  }
  if (!problems.empty()) first_data = rows.size();  // the rows cannot be read without a header

  std::vector<StandardCatalogueRow> out;
  std::map<std::string, int> seen;  // 序号 → the row it was first on
  std::string topic_above;
  for (std::size_t r = first_data; r < rows.size(); ++r) {
    const CellRow& cells = rows[r];
    StandardCatalogueRow row;
    bool row_ok = true;
    auto where = [&](std::size_t col) {
      return fmt::format("第 {} 行 {} 列（{}）", cells.number, ColumnLetters(col),
                         ColumnLabel(fields[col]));
    };
    std::size_t number_col = 0, topic_col = 0;
    for (std::size_t col = 0; col < fields.size(); ++col) {
      const std::string& field = fields[col];
      if (field.empty()) continue;
      std::string_view value = col < cells.cells.size() ? Trim(cells.cells[col]) : "";
      if (field == "number") number_col = col;
      if (field == "topic") topic_col = col;
      if (std::string* text = TextField(row, field)) {
        *text = std::string(value);
      } else if (field.starts_with("flag:")) {
        const FlagEntry* f = FlagByKey(std::string_view(field).substr(5));
        std::optional<bool> mark = Mark(value);
        if (!mark) {
          problems.push_back(where(col) +
                             fmt::format("：“{}”无法识别：打 √ 表示是，留空表示否", value));
          row_ok = false;
        } else if (*mark) {
          row.flags |= f->flag;
        }
      } else {  // audience, mode, level written as words
        for (const std::string& word : SplitWords(value)) {
          std::string n = Normalized(word);
          const FlagEntry* found = nullptr;
          for (const FlagEntry& f : Flags()) {
            if (f.group == field &&
                std::find(f.aliases.begin(), f.aliases.end(), n) != f.aliases.end()) {
              found = &f;
            }
          }
          if (found == nullptr) {
            problems.push_back(where(col) + fmt::format("：“{}”无法识别（可选值：{}）", word,
                                                        AllowedWords(field)));
            row_ok = false;
          } else {
            row.flags |= found->flag;
          }
        }
      }
    }
    // 序号 as written, folded to half width ("１２" → "12"), so the key is typeable.
    row.number = std::string(Trim(NormalizeNfkc(row.number)));
    if (row.number.empty()) {
      problems.push_back(where(number_col) + "：必填，不能为空");
      row_ok = false;
    } else if (RemoveWhitespace(row.number) != row.number) {
      problems.push_back(
          where(number_col) +
          fmt::format("：“{}”含有空格：序号用作分类编码 local.<序号>，不能有空格", row.number));
      row_ok = false;
    } else if (auto [it, fresh] = seen.emplace(row.number, cells.number); !fresh) {
      problems.push_back(where(number_col) +
                         fmt::format("：序号“{}”与第 {} 行重复", row.number, it->second));
      row_ok = false;
    }
    if (row.topic.empty()) row.topic = topic_above;  // a merged 一级事项 cell
    if (row.topic.empty()) {
      problems.push_back(where(topic_col) + "：必填，不能为空");
      row_ok = false;
    }
    topic_above = row.topic;
    if (row_ok) out.push_back(std::move(row));
  }
  if (!problems.empty()) {
    std::string message =
        fmt::format("{} 有 {} 处错误，基层政务公开标准目录未导入：", source, problems.size());
    for (std::size_t i = 0; i < problems.size() && i < kMaxListedPublicationErrors; ++i) {
      message += "\n" + problems[i];
    }
    if (problems.size() > kMaxListedPublicationErrors) {
      message +=
          fmt::format("\n……另有 {} 处错误未列出", problems.size() - kMaxListedPublicationErrors);
    }
    return Status::InvalidInput(message);
  }
  if (out.empty()) {
    return Status::InvalidInput(
        fmt::format("{}：表头之下没有任何事项：请至少填写一行（序号、一级事项）", source));
  }
  return out;
}

nlohmann::ordered_json StandardRowJson(const StandardCatalogueRow& row) {
  nlohmann::ordered_json j;
  j["number"] = row.number;
  j["key"] = StandardRowKey(row);
  j["topic"] = row.topic;
  j["subtopic"] = row.subtopic;
  j["content"] = row.content;
  j["basis"] = row.basis;
  j["time_limit"] = row.time_limit;
  j["subject"] = row.subject;
  j["channels"] = row.channels;
  for (std::string_view group : {"audience", "mode", "level"}) {
    nlohmann::ordered_json words = nlohmann::ordered_json::array();
    for (const FlagEntry& f : Flags()) {
      if (f.group == group && (row.flags & f.flag) != 0) words.push_back(f.label);
    }
    j[std::string(group)] = words;
  }
  j["note"] = row.note;
  return j;
}

}  // namespace gongkai
