// DOCX → text: word/document.xml read out of the ZIP with libzip and scanned tag by tag. A
// paragraph is a line; a table row is a line of tab-separated cells (w:gridSpan repeats empty
// cells after a merged one; a w:vMerge continuation is an empty cell already); text inside a
// cell stays on one line. Nested tables are flattened into their cell.

#include <memory>
#include <optional>
#include <vector>

#include "ingest/extract.h"
#include "ingest/table_grid.h"
#include "ingest/xml_text.h"
#include "ingest/zip_reader.h"
#include "util/text.h"

namespace gongkai {
namespace {

int ValAttribute(std::string_view tag) {
  const std::size_t at = tag.find("w:val=\"");
  if (at == std::string_view::npos) return 1;
  int v = 0;
  for (std::size_t i = at + 7; i < tag.size() && tag[i] >= '0' && tag[i] <= '9' && v < 10000; ++i) {
    v = v * 10 + (tag[i] - '0');
  }
  return v > 0 ? v : 1;
}

struct TableState {
  ingest::TableGrid grid;
  std::string cell;
  bool in_cell = false;
  int colspan = 1;
};

}  // namespace

std::string DocxXmlToText(std::string_view xml) {
  std::string out;
  std::vector<std::unique_ptr<TableState>> tables;
  const auto sink = [&]() -> std::string& {
    return tables.empty() || !tables.back()->in_cell ? out : tables.back()->cell;
  };
  bool in_text = false;
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const std::size_t end = std::min(xml.find('<', i), xml.size());
      if (in_text) sink() += XmlUnescape(xml.substr(i, end - i));
      i = end;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string_view::npos) break;
    const std::string_view tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    const bool closing = !tag.empty() && tag[0] == '/';
    const bool self_closing = !tag.empty() && tag.back() == '/';
    std::string_view name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" /\t\r\n"));
    if (name == "w:t") {
      in_text = !closing && !self_closing;
    } else if (name == "w:tab" && !closing) {
      sink() += tables.empty() || !tables.back()->in_cell ? "\t" : " ";
    } else if ((name == "w:br" || name == "w:cr") && !closing) {
      sink() += tables.empty() || !tables.back()->in_cell ? "\n" : " ";
    } else if (name == "w:p" && (closing || self_closing)) {
      if (!tables.empty() && tables.back()->in_cell) {
        std::string& cell = tables.back()->cell;
        if (!cell.empty() && cell.back() != ' ') cell.push_back(' ');
      } else {
        out.push_back('\n');
      }
    } else if (name == "w:tbl") {
      if (!closing) {
        tables.push_back(std::make_unique<TableState>());
      } else if (!tables.empty()) {
        std::unique_ptr<TableState> t = std::move(tables.back());
        tables.pop_back();
        t->grid.EndRow();
        std::string rendered;
        t->grid.Render(&rendered);
        if (tables.empty()) {
          if (!out.empty() && out.back() != '\n') out.push_back('\n');
          out += rendered;
        } else {
          for (char& c : rendered) {
            if (c == '\n' || c == '\t') c = ' ';
          }
          sink() += rendered;
        }
      }
    } else if (!tables.empty()) {
      TableState& t = *tables.back();
      if (name == "w:tr") {
        if (closing) {
          t.grid.EndRow();
        } else if (!self_closing) {
          t.grid.StartRow();
        }
      } else if (name == "w:tc") {
        if (!closing && !self_closing) {
          t.in_cell = true;
          t.cell.clear();
          t.colspan = 1;
        } else if (closing && t.in_cell) {
          t.grid.AddCell(ingest::CellText(t.cell), 1, t.colspan);
          t.in_cell = false;
        }
      } else if (name == "w:gridSpan" && t.in_cell) {
        t.colspan = ValAttribute(tag);
      }
    }
  }
  return out;
}

Result<std::string> DocxToText(std::string_view bytes, std::string_view filename,
                               std::string_view lang) {
  ingest::ZipReader zip(bytes);
  std::optional<std::string> xml;
  if (zip.ok()) xml = zip.Read("word/document.xml");
  if (!xml) {
    const ingest::ZipProblem& p = zip.problem();
    return ExtractError(
        p.over_limit ? ExtractProblem::kDocxOverLimit : ExtractProblem::kDamagedDocx, filename,
        lang, lang == "zh" ? p.zh : p.en);
  }
  return DocxXmlToText(ToValidUtf8(*xml));
}

}  // namespace gongkai
