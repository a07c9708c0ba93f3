#include "docs/html_writer.h"

#include <fmt/format.h>

#include <numeric>

#include "docs/escape.h"

namespace gongkai {
namespace {

constexpr std::string_view kStyle = R"(
body{margin:0;background:#f4f4f4;color:#111;font-family:"FangSong","STFangsong","Noto Serif CJK SC","Songti SC",serif}
main{max-width:56rem;margin:1.5rem auto;padding:2.5rem 3rem;background:#fff;box-shadow:0 0 4px #ccc}
h1{font-family:"Noto Serif CJK SC","SimSun",serif;font-size:1.6rem;text-align:center;line-height:1.5;margin:0 0 1.5rem}
h2{font-family:"SimHei","Noto Sans CJK SC",sans-serif;font-size:1.1rem;margin:1.6rem 0 .6rem;text-indent:2em}
p{font-size:1.05rem;line-height:1.9;margin:.2rem 0;text-indent:2em;text-align:justify}
p.doc-number{text-align:center;text-indent:0}
p.salutation{text-indent:0}
p.signature,p.seal{text-align:right;text-indent:0;margin-right:2em}
p.seal{color:#b00}
p.caption{text-align:center;text-indent:0;font-weight:bold}
.table-wrap{overflow-x:auto;margin:.6rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;line-height:1.4}
th,td{border:1px solid #333;padding:.3rem .35rem;vertical-align:middle}
th{background:#f0f0f0;font-weight:bold;text-align:center}
td{text-align:center}
td.left{text-align:left}
td.right{text-align:right}
@media print{body{background:#fff}main{box-shadow:none;margin:0;padding:0}}
)";

std::string_view ClassOf(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::kDocNumber:
      return "doc-number";
    case ParagraphStyle::kSalutation:
      return "salutation";
    case ParagraphStyle::kSignature:
      return "signature";
    case ParagraphStyle::kSeal:
      return "seal";
    case ParagraphStyle::kCaption:
      return "caption";
    case ParagraphStyle::kTitle:
    case ParagraphStyle::kHeading:
    case ParagraphStyle::kBody:
      return "";
  }
  return "";
}

// Escaped text with each '\n' as <br>.
std::string Text(std::string_view text) {
  std::string escaped = EscapeXml(text);
  std::string out;
  for (char ch : escaped) {
    if (ch == '\n') {
      out += "<br>";
    } else {
      out += ch;
    }
  }
  return out;
}

void AppendParagraph(const Paragraph& p, std::string& out) {
  if (p.style == ParagraphStyle::kTitle) {
    out += "<h1>" + Text(p.text) + "</h1>\n";
    return;
  }
  if (p.style == ParagraphStyle::kHeading) {
    out += "<h2>" + Text(p.text) + "</h2>\n";
    return;
  }
  const std::string_view cls = ClassOf(p.style);
  out += cls.empty() ? "<p>" : "<p class=\"" + std::string(cls) + "\">";
  out += Text(p.text) + "</p>\n";
}

void AppendTable(const DocTable& table, std::string& out) {
  const double total =
      std::accumulate(table.column_weights.begin(), table.column_weights.end(), 0.0);
  out += "<div class=\"table-wrap\"><table>\n<colgroup>";
  for (double w : table.column_weights) {
    out += fmt::format("<col style=\"width:{:.1f}%\">", total > 0 ? w / total * 100 : 0.0);
  }
  out += "</colgroup>\n";
  const std::vector<PlacedCell> placed = PlaceCells(table);
  size_t next = 0;
  for (int r = 0; r < static_cast<int>(table.rows.size()); ++r) {
    out += r < table.header_rows ? "<tr class=\"head\">" : "<tr>";
    for (; next < placed.size() && placed[next].row == r; ++next) {
      const PlacedCell& p = placed[next];
      const std::string tag = p.cell->header ? "th" : "td";
      out += "<" + tag;
      if (p.col_span > 1) out += " colspan=\"" + std::to_string(p.col_span) + "\"";
      if (p.row_span > 1) out += " rowspan=\"" + std::to_string(p.row_span) + "\"";
      if (!p.cell->header && p.cell->align == CellAlign::kLeft) out += " class=\"left\"";
      if (!p.cell->header && p.cell->align == CellAlign::kRight) out += " class=\"right\"";
      out += ">" + Text(p.cell->text) + "</" + tag + ">";
    }
    out += "</tr>\n";
  }
  out += "</table></div>\n";
}

}  // namespace

std::string WriteHtml(const Document& doc) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"Gongkai\">\n<title>" +
      EscapeXml(doc.title) + "</title>\n<style>" + std::string(kStyle) +
      "</style>\n</head>\n<body>\n<main>\n";
  for (const Block& block : doc.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      AppendParagraph(*p, out);
    } else {
      AppendTable(std::get<DocTable>(block), out);
    }
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace gongkai
