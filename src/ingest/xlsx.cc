// XLSX (ECMA-376 SpreadsheetML) → rows of text: xl/workbook.xml names the first sheet, its
// relationship (xl/_rels/workbook.xml.rels) the part that holds it; xl/sharedStrings.xml holds
// the strings cells of type "s" index. The XML is scanned tag by tag; only <sheet>, <si>, <t>,
// <rPh> (phonetic runs, skipped), <row>, <c>, <v> and <is> matter.

#include "ingest/xlsx.h"

#include <fmt/format.h>
#include <zip.h>

#include <memory>
#include <optional>

#include "ingest/xml_text.h"

namespace gongkai {
namespace {

using Archive = std::unique_ptr<zip_t, decltype(&zip_discard)>;

Status Damaged(std::string_view filename, std::string_view why) {
  return Status::InvalidInput(
      fmt::format("{}：无法读取 XLSX 工作簿（{}）：请用表格软件另存为 .xlsx 或导出为 CSV 后再导入",
                  filename, why));
}

// The entry `name`, or nullopt when absent; an error when it is over the limit or unreadable.
Result<std::optional<std::string>> ReadEntry(zip_t* archive, const std::string& name,
                                             std::string_view filename) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, name.c_str(), 0, &st) != 0) return std::optional<std::string>();
  if (!(st.valid & ZIP_STAT_SIZE)) return Damaged(filename, name + " 大小未知");
  if (st.size > kMaxXlsxEntryBytes) {
    return Damaged(filename, fmt::format("{} 解压后超过 {} MB", name, kMaxXlsxEntryBytes >> 20));
  }
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file == nullptr) return Damaged(filename, name + " 无法打开");
  std::string data(st.size, '\0');
  const zip_int64_t n = zip_fread(file, data.data(), st.size);
  char extra;
  const zip_int64_t more = n < 0 ? -1 : zip_fread(file, &extra, 1);
  zip_fclose(file);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size || more != 0) {
    return Damaged(filename, name + " 已损坏");
  }
  return std::optional<std::string>(std::move(data));
}

// The value of attribute `name` in the tag text `tag` ("<c r=\"A1\" t=\"s\">"), or "".
std::string_view Attribute(std::string_view tag, std::string_view name) {
  for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    const bool starts =
        at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    const std::size_t eq = at + name.size();
    if (!starts || eq + 1 >= tag.size() || tag[eq] != '=' ||
        (tag[eq + 1] != '"' && tag[eq + 1] != '\'')) {
      continue;
    }
    const char quote = tag[eq + 1];
    const std::size_t end = tag.find(quote, eq + 2);
    if (end == std::string_view::npos) return "";
    return tag.substr(eq + 2, end - eq - 2);
  }
  return "";
}

// Calls fn(tag_name, tag_text, content_start) for every start or empty tag; tag_name has no
// namespace prefix. fn returns the position to continue from.
template <typename Fn>
void ForEachTag(std::string_view xml, Fn fn) {
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    const std::size_t end = xml.find('>', i);
    if (end == std::string_view::npos) return;
    std::string_view tag = xml.substr(i, end - i + 1);
    std::size_t name_end = tag.find_first_of(" \t\r\n/>", 1);
    std::string_view name = tag.substr(1, name_end - 1);
    if (auto colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    i = fn(name, tag, end + 1);
  }
}

// The text of the <t> elements between `from` and the closing `</close>` tag, skipping <rPh>
// runs; `*next` receives the position after the closing tag.
std::string RunText(std::string_view xml, std::size_t from, std::string_view close,
                    std::size_t* next) {
  std::string text;
  std::size_t end = xml.find(close, from);
  if (end == std::string_view::npos) end = xml.size();
  std::string_view body = xml.substr(from, end - from);
  std::size_t i = 0;
  while ((i = body.find('<', i)) != std::string_view::npos) {
    if (body.compare(i, 4, "<rPh") == 0) {
      std::size_t skip = body.find("</rPh>", i);
      i = skip == std::string_view::npos ? body.size() : skip + 6;
      continue;
    }
    if (body.compare(i, 2, "<t") == 0 && (body[i + 2] == '>' || body[i + 2] == ' ')) {
      std::size_t open_end = body.find('>', i);
      if (open_end == std::string_view::npos) break;
      if (body[open_end - 1] == '/') {  // <t/>
        i = open_end + 1;
        continue;
      }
      std::size_t close_t = body.find("</t>", open_end);
      if (close_t == std::string_view::npos) break;
      text += XmlUnescape(body.substr(open_end + 1, close_t - open_end - 1));
      i = close_t + 4;
      continue;
    }
    ++i;
  }
  *next = end == xml.size() ? end : end + close.size();
  return text;
}

std::vector<std::string> SharedStrings(std::string_view xml) {
  std::vector<std::string> out;
  ForEachTag(xml, [&](std::string_view name, std::string_view tag, std::size_t after) {
    if (name != "si") return after;
    if (tag.ends_with("/>")) {
      out.emplace_back();
      return after;
    }
    std::size_t next = after;
    out.push_back(RunText(xml, after, "</si>", &next));
    return next;
  });
  return out;
}

// "C12" → column 2 (0-based), row 12; nullopt when malformed or beyond the limits.
std::optional<std::pair<int, int>> ParseReference(std::string_view ref) {
  int column = 0, row = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > kMaxXlsxColumn) return std::nullopt;
  }
  if (i == 0 || i == ref.size()) return std::nullopt;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return std::nullopt;
    row = row * 10 + (ref[i] - '0');
    if (row > kMaxXlsxRow) return std::nullopt;
  }
  if (row == 0) return std::nullopt;
  return std::make_pair(column - 1, row);
}

// The part of the first sheet, e.g. "xl/worksheets/sheet1.xml".
std::string FirstSheetPart(const std::optional<std::string>& workbook,
                           const std::optional<std::string>& rels) {
  std::string fallback = "xl/worksheets/sheet1.xml";
  if (!workbook || !rels) return fallback;
  std::string id;
  ForEachTag(*workbook, [&](std::string_view name, std::string_view tag, std::size_t after) {
    if (name == "sheet" && id.empty()) id = std::string(Attribute(tag, "r:id"));
    return after;
  });
  if (id.empty()) return fallback;
  std::string target;
  ForEachTag(*rels, [&](std::string_view name, std::string_view tag, std::size_t after) {
    if (name == "Relationship" && Attribute(tag, "Id") == id) {
      target = std::string(Attribute(tag, "Target"));
    }
    return after;
  });
  if (target.empty()) return fallback;
  if (target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

Result<std::vector<XlsxRow>> ReadFirstWorksheet(std::string_view bytes, std::string_view filename) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Damaged(filename, "内存不足");
  }
  zip_t* opened = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (opened == nullptr) {
    zip_source_free(source);
    zip_error_fini(&error);
    return Damaged(filename, "不是 ZIP 格式的 .xlsx 文件");
  }
  zip_error_fini(&error);
  Archive archive(opened, zip_discard);
  auto workbook = ReadEntry(archive.get(), "xl/workbook.xml", filename);
  if (!workbook.ok()) return workbook.status();
  if (!*workbook) return Damaged(filename, "缺少 xl/workbook.xml，不是 Excel 工作簿");
  auto rels = ReadEntry(archive.get(), "xl/_rels/workbook.xml.rels", filename);
  if (!rels.ok()) return rels.status();
  const std::string part = FirstSheetPart(*workbook, *rels);
  auto sheet = ReadEntry(archive.get(), part, filename);
  if (!sheet.ok()) return sheet.status();
  if (!*sheet) return Damaged(filename, "缺少工作表 " + part);
  auto strings_xml = ReadEntry(archive.get(), "xl/sharedStrings.xml", filename);
  if (!strings_xml.ok()) return strings_xml.status();
  const std::vector<std::string> strings =
      *strings_xml ? SharedStrings(**strings_xml) : std::vector<std::string>{};

  std::vector<XlsxRow> rows;
  std::optional<Status> failure;
  const std::string_view xml = **sheet;
  int next_row = 1;
  ForEachTag(xml, [&](std::string_view name, std::string_view tag, std::size_t after) {
    if (failure) return xml.size();
    if (name == "row") {
      std::string_view r = Attribute(tag, "r");
      int number = next_row;
      if (!r.empty()) {
        auto ref = ParseReference("A" + std::string(r));
        if (!ref) {
          failure = Damaged(filename, fmt::format("行号“{}”无效", r));
          return xml.size();
        }
        number = ref->second;
      }
      rows.push_back(XlsxRow{number, {}});
      next_row = number + 1;
      return after;
    }
    if (name != "c") return after;
    if (rows.empty()) rows.push_back(XlsxRow{next_row++, {}});
    XlsxRow& row = rows.back();
    std::string_view ref_text = Attribute(tag, "r");
    std::size_t column = row.cells.size();
    if (!ref_text.empty()) {
      auto ref = ParseReference(ref_text);
      if (!ref || ref->second != row.number) {
        failure = Damaged(filename, fmt::format("单元格引用“{}”无效", ref_text));
        return xml.size();
      }
      column = static_cast<std::size_t>(ref->first);
    }
    std::string_view type = Attribute(tag, "t");
    std::string value;
    std::size_t next = after;
    if (!tag.ends_with("/>")) {
      std::size_t close = xml.find("</c>", after);
      if (close == std::string_view::npos) close = xml.size();
      std::string_view body = xml.substr(after, close - after);
      next = close == xml.size() ? close : close + 4;
      if (type == "inlineStr") {
        std::size_t ignored = 0;
        value = RunText(body, 0, "</is>", &ignored);
      } else {
        std::size_t v = body.find("<v>");
        std::size_t v_end = body.find("</v>");
        if (v != std::string_view::npos && v_end != std::string_view::npos && v_end > v) {
          value = XmlUnescape(body.substr(v + 3, v_end - v - 3));
        }
        if (type == "s" && !value.empty()) {
          char* end = nullptr;
          const unsigned long index = std::strtoul(value.c_str(), &end, 10);
          if (end == nullptr || *end != '\0' || index >= strings.size()) {
            failure = Damaged(filename, fmt::format("单元格 {} 引用的共享字符串不存在", ref_text));
            return xml.size();
          }
          value = strings[index];
        } else if (type == "b") {
          value = value == "1" ? "TRUE" : "FALSE";
        }
      }
    }
    if (row.cells.size() <= column) row.cells.resize(column + 1);
    row.cells[column] = std::move(value);
    return next;
  });
  if (failure) return *failure;
  std::vector<XlsxRow> out;
  for (XlsxRow& row : rows) {
    bool blank = true;
    for (const std::string& c : row.cells)
      blank = blank && c.find_first_not_of(" \t\r\n") == std::string::npos;
    if (!blank) out.push_back(std::move(row));
  }
  return out;
}

}  // namespace gongkai
