#include "docs/docx_writer.h"

#include <fmt/format.h>

#include <numeric>

#include "docs/escape.h"
#include "docs/zip_writer.h"

namespace gongkai {
namespace {

// GB/T 9704 page geometry in twips (1 mm = 56.7 twips).
constexpr int kPageWidth = 11906;                                    // 210 mm
constexpr int kPageHeight = 16838;                                   // 297 mm
constexpr int kMarginTop = 2098;                                     // 37 mm
constexpr int kMarginLeft = 1587;                                    // 28 mm
constexpr int kMarginRight = 1474;                                   // 26 mm
constexpr int kMarginBottom = 1984;                                  // 35 mm
constexpr int kTypeWidth = kPageWidth - kMarginLeft - kMarginRight;  // 156 mm
// 225 mm / 22 lines = 10.2 mm = 579 twips per line.
constexpr int kLinePitch = 579;

constexpr std::string_view kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kNsR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string ContentTypes() {
  return std::string(kXmlHead) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
         "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
         "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "</Types>";
}

std::string PackageRels() {
  return std::string(kXmlHead) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
         "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
         "</Relationships>";
}

std::string DocumentRels() {
  return std::string(kXmlHead) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/styles\" Target=\"styles.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/footer\" Target=\"footer1.xml\"/>"
         "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/footer\" Target=\"footer2.xml\"/>"
         "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/settings\" Target=\"settings.xml\"/>"
         "</Relationships>";
}

std::string CoreProperties(const Document& doc) {
  const std::string stamp = FormatDate(doc.date) + "T00:00:00Z";
  return std::string(kXmlHead) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
         "<dc:title>" +
         EscapeXml(doc.title) +
         "</dc:title>"
         "<dc:creator>Gongkai</dc:creator>"
         "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" +
         stamp +
         "</dcterms:created>"
         "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" +
         stamp +
         "</dcterms:modified>"
         "</cp:coreProperties>";
}

// One paragraph style: id, run fonts and size (half-points), alignment, indents, spacing.
std::string Style(std::string_view id, std::string_view name, std::string_view east_asia,
                  int half_points, bool bold, std::string_view paragraph_props) {
  return fmt::format(
      "<w:style w:type=\"paragraph\" w:styleId=\"{0}\"><w:name w:val=\"{1}\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{2}</w:pPr><w:rPr>"
      "<w:rFonts w:ascii=\"{3}\" w:hAnsi=\"{3}\" w:eastAsia=\"{3}\" w:hint=\"eastAsia\"/>{4}"
      "<w:sz w:val=\"{5}\"/><w:szCs w:val=\"{5}\"/></w:rPr></w:style>",
      id, name, paragraph_props, east_asia, bold ? "<w:b/><w:bCs/>" : "", half_points);
}

// Fonts are named as offices have them (仿宋_GB2312 / 黑体 / 小标宋 are the GB/T 9704 faces);
// a machine without them substitutes its own CJK serif.
std::string Styles() {
  const std::string exact =
      fmt::format("<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/>", kLinePitch);
  std::string out = std::string(kXmlHead) + "<w:styles xmlns:w=\"" + std::string(kNsW) + "\">";
  out +=
      "<w:docDefaults><w:rPrDefault><w:rPr>"
      "<w:rFonts w:ascii=\"FangSong\" w:hAnsi=\"FangSong\" w:eastAsia=\"FangSong\"/>"
      "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\"/>"
      "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>" +
      exact + "</w:pPr></w:pPrDefault></w:docDefaults>";
  out +=
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/>"
      "<w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>";
  out += Style("GkTitle", "Gongkai Title", "SimSun", 44, true,
               "<w:jc w:val=\"center\"/><w:spacing w:before=\"0\" w:after=\"" +
                   std::to_string(kLinePitch) + "\" w:line=\"760\" w:lineRule=\"exact\"/>");
  out += Style("GkDocNumber", "Gongkai Document Number", "FangSong", 32, false,
               "<w:jc w:val=\"center\"/><w:spacing w:after=\"" + std::to_string(kLinePitch) +
                   "\" w:line=\"" + std::to_string(kLinePitch) + "\" w:lineRule=\"exact\"/>");
  out +=
      Style("GkSalutation", "Gongkai Salutation", "FangSong", 32, false, "<w:jc w:val=\"left\"/>");
  out += Style("GkHeading", "Gongkai Heading", "SimHei", 32, false,
               "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
  out += Style("GkBody", "Gongkai Body", "FangSong", 32, false,
               "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
  out += Style("GkSignature", "Gongkai Signature", "FangSong", 32, false,
               "<w:jc w:val=\"right\"/><w:ind w:right=\"1280\"/>");
  out += Style("GkSeal", "Gongkai Seal", "FangSong", 28, false,
               "<w:jc w:val=\"right\"/><w:ind w:right=\"1920\"/>");
  out += Style("GkCaption", "Gongkai Caption", "SimHei", 24, false,
               "<w:keepNext/><w:jc w:val=\"center\"/>");
  out += Style("GkCell", "Gongkai Table Text", "FangSong", 21, false,
               "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>");
  out += "</w:styles>";
  return out;
}

// GB/T 9704 §7.5: the page number 「— 1 —」 in 4号 type, odd pages on the right and even pages
// on the left, one character (14 pt = 280 twips) in from the edge. Word and LibreOffice use the
// even footer only with <w:evenAndOddHeaders/> in settings.xml.
std::string Footer(bool odd) {
  const std::string place = odd ? "<w:jc w:val=\"right\"/><w:ind w:right=\"280\"/>"
                                : "<w:jc w:val=\"left\"/><w:ind w:left=\"280\"/>";
  return std::string(kXmlHead) + "<w:ftr xmlns:w=\"" + std::string(kNsW) + "\"><w:p><w:pPr>" +
         place +
         "</w:pPr>"
         "<w:r><w:rPr><w:rFonts w:ascii=\"SimSun\" w:hAnsi=\"SimSun\" w:eastAsia=\"SimSun\"/>"
         "<w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">— </w:t></w:r>"
         "<w:fldSimple w:instr=\" PAGE \"><w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr>"
         "<w:t>1</w:t></w:r></w:fldSimple>"
         "<w:r><w:rPr><w:rFonts w:ascii=\"SimSun\" w:hAnsi=\"SimSun\" w:eastAsia=\"SimSun\"/>"
         "<w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";
}

std::string Settings() {
  return std::string(kXmlHead) + "<w:settings xmlns:w=\"" + std::string(kNsW) +
         "\"><w:evenAndOddHeaders/></w:settings>";
}

std::string_view StyleId(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::kTitle:
      return "GkTitle";
    case ParagraphStyle::kDocNumber:
      return "GkDocNumber";
    case ParagraphStyle::kSalutation:
      return "GkSalutation";
    case ParagraphStyle::kHeading:
      return "GkHeading";
    case ParagraphStyle::kBody:
      return "GkBody";
    case ParagraphStyle::kSignature:
      return "GkSignature";
    case ParagraphStyle::kSeal:
      return "GkSeal";
    case ParagraphStyle::kCaption:
      return "GkCaption";
  }
  return "GkBody";
}

// Runs for `text`, a line break for each '\n'. `run_props` goes into every run.
std::string Runs(std::string_view text, std::string_view run_props) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    const std::string_view line =
        text.substr(start, nl == std::string_view::npos ? nl : nl - start);
    out += "<w:r>";
    if (!run_props.empty()) out += "<w:rPr>" + std::string(run_props) + "</w:rPr>";
    if (start > 0) out += "<w:br/>";
    out += "<w:t xml:space=\"preserve\">" + EscapeXml(line) + "</w:t></w:r>";
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string ParagraphXml(const Paragraph& p) {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + std::string(StyleId(p.style)) + "\"/></w:pPr>" +
         Runs(p.text, "") + "</w:p>";
}

std::string_view Justification(CellAlign a) {
  switch (a) {
    case CellAlign::kLeft:
      return "left";
    case CellAlign::kCenter:
      return "center";
    case CellAlign::kRight:
      return "right";
  }
  return "center";
}

std::string TableXml(const DocTable& table) {
  const int columns = static_cast<int>(table.column_weights.size());
  if (columns == 0) return "";
  const double total =
      std::accumulate(table.column_weights.begin(), table.column_weights.end(), 0.0);
  std::vector<int> widths;
  for (double w : table.column_weights) {
    widths.push_back(static_cast<int>(kTypeWidth * (total > 0 ? w / total : 1.0 / columns)));
  }
  const std::vector<PlacedCell> placed = PlaceCells(table);
  const int rows = static_cast<int>(table.rows.size());
  std::vector<std::vector<int>> owner(rows, std::vector<int>(columns, -1));
  for (size_t i = 0; i < placed.size(); ++i) {
    const PlacedCell& p = placed[i];
    for (int r = p.row; r < p.row + p.row_span; ++r) {
      for (int c = p.col; c < p.col + p.col_span; ++c) owner[r][c] = static_cast<int>(i);
    }
  }
  const int half_points = static_cast<int>(table.font_pt * 2 + 0.5);
  const std::string size = fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", half_points);

  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(kTypeWidth) +
                    "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
                    "<w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
                    "<w:left w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
                    "<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
                    "<w:right w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
                    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                    "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>"
                    "<w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>"
                    "</w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  out += "</w:tblGrid>";

  for (int r = 0; r < rows; ++r) {
    out += "<w:tr><w:trPr><w:cantSplit/>";
    if (r < table.header_rows) out += "<w:tblHeader/>";
    out += "</w:trPr>";
    for (int c = 0; c < columns;) {
      const int i = owner[r][c];
      const PlacedCell* p = i < 0 ? nullptr : &placed[i];
      const int span = p ? p->col_span : 1;
      int width = 0;
      for (int k = c; k < c + span; ++k) width += widths[k];
      out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
      if (span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
      const bool starts_here = p && p->row == r;
      if (p && p->row_span > 1) {
        out += starts_here ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>";
      }
      out += "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"GkCell\"/>";
      const TableCell* cell = p ? p->cell : nullptr;
      out += "<w:jc w:val=\"" +
             std::string(Justification(cell ? cell->align : CellAlign::kCenter)) + "\"/></w:pPr>";
      if (starts_here && !cell->text.empty()) {
        out += Runs(cell->text, (cell->header ? "<w:b/>" : "") + size);
      }
      out += "</w:p></w:tc>";
      c += span;
    }
    out += "</w:tr>";
  }
  out += "</w:tbl>";
  return out;
}

std::string DocumentXml(const Document& doc) {
  std::string out = std::string(kXmlHead) + "<w:document xmlns:w=\"" + std::string(kNsW) +
                    "\" xmlns:r=\"" + std::string(kNsR) + "\"><w:body>";
  for (const Block& block : doc.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      out += ParagraphXml(*p);
    } else {
      out += TableXml(std::get<DocTable>(block));
      // Word needs a paragraph between a table and what follows.
      out += "<w:p><w:pPr><w:pStyle w:val=\"GkCell\"/></w:pPr></w:p>";
    }
  }
  out += "<w:sectPr>";
  if (doc.page_numbers) {
    out +=
        "<w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
        "<w:footerReference w:type=\"even\" r:id=\"rId3\"/>";
  }
  out += fmt::format(
      "<w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" "
      "w:left=\"{}\" w:header=\"851\" w:footer=\"1134\" w:gutter=\"0\"/>"
      "<w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr></w:body></w:document>",
      kPageWidth, kPageHeight, kMarginTop, kMarginRight, kMarginBottom, kMarginLeft, kLinePitch);
  return out;
}

}  // namespace

Result<std::string> WriteDocx(const Document& doc) {
  const std::vector<ZipEntry> entries = {
      {"[Content_Types].xml", ContentTypes()},          {"_rels/.rels", PackageRels()},
      {"word/document.xml", DocumentXml(doc)},          {"word/styles.xml", Styles()},
      {"word/_rels/document.xml.rels", DocumentRels()}, {"word/settings.xml", Settings()},
      {"word/footer1.xml", Footer(/*odd=*/true)},       {"word/footer2.xml", Footer(/*odd=*/false)},
      {"docProps/core.xml", CoreProperties(doc)},
  };
  return ZipArchive(entries, doc.date);
}

}  // namespace gongkai
