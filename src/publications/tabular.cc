#include "publications/tabular.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "ingest/xlsx.h"
#include "publications/fields_internal.h"
#include "publications/jsonl.h"
#include "report/csv.h"
#include "util/text.h"

namespace gongkai {
namespace {

using publications_internal::FieldResult;

// The field a header cell names (its name or its Chinese label), or "" when none.
std::string_view FieldOfHeader(std::string_view header) {
  for (const PublicationField& f : PublicationFields()) {
    if (f.name == header || f.label == header) return f.name;
  }
  return "";
}

// The channels of one cell: separated by 、 or ; (also the full-width ；).
std::vector<std::string> SplitChannels(std::string_view cell) {
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
    } else if (rest.front() == ';') {
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

}  // namespace

std::string ColumnLetters(std::size_t column) {
  std::string out;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

Result<std::vector<CellRow>> ReadCsvRows(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CellRow> rows;
  CellRow row{1, {}};
  std::string cell;
  int line = 1, quote_line = 0;
  bool quoted = false;
  auto end_row = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
    bool blank = true;
    for (const std::string& c : row.cells) blank = blank && Trim(c).empty();
    if (!blank) rows.push_back(std::move(row));
    row = CellRow{line, {}};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && Trim(cell).empty()) {
      cell.clear();
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      row.cells.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      ++line;
      end_row();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (quoted) {
    return Status::InvalidInput(
        fmt::format("第 {} 行：引号未闭合（CSV 单元格内的 \" 应写成 \"\"）", quote_line));
  }
  if (!cell.empty() || !row.cells.empty()) end_row();
  return rows;
}

Result<std::vector<Publication>> PublicationsFromRows(std::span<const CellRow> rows,
                                                      std::string_view source) {
  if (rows.empty()) {
    return Status::InvalidInput(fmt::format(
        "{}：没有表头行：第一行应为字段名（title、kind…）或中文名称（名称、信息类别…）", source));
  }
  const CellRow& header = rows.front();
  std::vector<std::string> fields;
  std::vector<std::string> problems;
  for (std::size_t col = 0; col < header.cells.size(); ++col) {
    std::string name = std::string(Trim(header.cells[col]));
    std::string_view field = FieldOfHeader(name);
    fields.emplace_back(field.empty() ? name : std::string(field));
  }
  for (const PublicationField& f : PublicationFields()) {
    if (publications_internal::IsRequiredField(f.name) &&
        std::find(fields.begin(), fields.end(), f.name) == fields.end()) {
      problems.push_back(
          fmt::format("第 {} 行（表头）：缺少必填列 {}（{}）", header.number, f.name, f.label));
    }
  }
  std::vector<Publication> items;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CellRow& row = rows[r];
    Publication item;
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();
    bool row_ok = true;
    for (std::size_t col = 0; col < fields.size(); ++col) {
      std::string_view value = col < row.cells.size() ? Trim(row.cells[col]) : "";
      auto where = [&] {
        return fmt::format("第 {} 行 {} 列（{}）", row.number, ColumnLetters(col), fields[col]);
      };
      if (value.empty() && publications_internal::IsRequiredField(fields[col])) {
        problems.push_back(where() + "：必填，不能为空");
        row_ok = false;
        continue;
      }
      std::vector<std::string> values{std::string(value)};
      if (fields[col] == "channels") values = SplitChannels(value);
      for (const std::string& v : values) {
        auto set = publications_internal::SetField(item, fields[col], v);
        if (!set.ok()) {
          problems.push_back(where() + "：" + set.status().message());
          row_ok = false;
        } else if (*set == FieldResult::kUnknownField && !fields[col].empty() && !value.empty()) {
          extra[fields[col]] = std::string(value);
        }
      }
    }
    if (!row_ok) continue;
    item.extra = extra.dump();
    if (Status s = CheckPublication(item); !s.ok()) {
      problems.push_back(fmt::format("第 {} 行：{}", row.number, s.message()));
      continue;
    }
    items.push_back(std::move(item));
  }
  if (!problems.empty()) {
    std::string message = fmt::format("{} 有 {} 处错误，未导入任何条目：", source, problems.size());
    for (std::size_t i = 0; i < problems.size() && i < kMaxListedPublicationErrors; ++i) {
      message += "\n" + problems[i];
    }
    if (problems.size() > kMaxListedPublicationErrors) {
      message +=
          fmt::format("\n……另有 {} 处错误未列出", problems.size() - kMaxListedPublicationErrors);
    }
    return Status::InvalidInput(message);
  }
  return items;
}

std::string PublicationsToCsv(std::span<const Publication> items) {
  std::string out = "\xEF\xBB\xBF";
  bool first = true;
  for (const PublicationField& f : PublicationFields()) {
    out += (first ? "" : ",") + std::string(f.name);
    first = false;
  }
  out += "\r\n";
  auto date = [](const std::optional<Date>& d) { return d ? FormatDate(*d) : std::string(); };
  for (const Publication& p : items) {
    std::string channels;
    for (PublicationChannel c : p.channels) {
      channels += (channels.empty() ? "" : ";") + std::string(Key(c));
    }
    const std::string cells[] = {p.index_no,
                                 p.title,
                                 p.doc_no,
                                 p.publisher,
                                 p.summary,
                                 std::string(Key(p.kind)),
                                 p.category,
                                 FormatDate(p.created),
                                 date(p.changed),
                                 date(p.published),
                                 std::string(Key(p.status)),
                                 date(p.status_date),
                                 channels,
                                 p.text,
                                 p.agency};
    first = true;
    for (const std::string& c : cells) {
      out += (first ? "" : ",") + CsvField(c);
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

bool HasExtension(std::string_view name, std::string_view extension) {
  if (name.size() < extension.size()) return false;
  const std::string_view tail = name.substr(name.size() - extension.size());
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const char c =
        tail[i] >= 'A' && tail[i] <= 'Z' ? static_cast<char>(tail[i] - 'A' + 'a') : tail[i];
    if (c != extension[i]) return false;
  }
  return true;
}

Result<std::vector<CellRow>> ReadTableFile(std::string_view name, std::string_view bytes,
                                           std::string_view accepted) {
  if (HasExtension(name, ".csv")) {
    auto rows = ReadCsvRows(bytes);
    if (!rows.ok()) return rows.status().WithContext(std::string(name) + "：");
    return rows;
  }
  if (HasExtension(name, ".xlsx")) {
    auto sheet = ReadFirstWorksheet(bytes, name);
    if (!sheet.ok()) return sheet.status();
    std::vector<CellRow> rows;
    for (XlsxRow& r : *sheet) rows.push_back(CellRow{r.number, std::move(r.cells)});
    return rows;
  }
  return Status::InvalidInput(fmt::format("文件“{}”的类型无法识别：{}", name, accepted));
}

}  // namespace gongkai
