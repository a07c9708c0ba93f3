#include "docs/pdf_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace gongkai {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kTop = 37 * kMm;
constexpr double kLeft = 28 * kMm;
constexpr double kTypeWidth = 156 * kMm;
constexpr double kTypeHeight = 225 * kMm;
constexpr double kBottom = kTop + kTypeHeight;
constexpr int kLinesPerPage = 22;
// GB/T 9704-2012 §7.3.5 (特殊情况说明): when what is left of the last page cannot hold the agency
// name and date, the line pitch may be tightened. A document whose signature would stand alone on a
// new page is laid out again with up to this many lines per page.
constexpr int kMostLinesPerPage = 24;
constexpr double kBodyPt = 16;  // 3号
constexpr double kCellPad = 2.5;
constexpr double kRule = 0.6;

constexpr const char* kSerif = "FangSong,Noto Serif CJK SC";
constexpr const char* kTitleFace = "FZXiaoBiaoSong-B05S,Noto Serif CJK SC";
constexpr const char* kSans = "SimHei,Noto Sans CJK SC";

struct StyleSpec {
  const char* family;
  double size_pt;
  bool bold;
  double pitch;
  PangoAlignment align;
  bool justify;
  double indent;       // first line
  double right_inset;  // kept free at the right edge
  double space_after;
};

// The style's font and spacing with body lines `pitch` apart.
StyleSpec SpecOf(ParagraphStyle style, double pitch) {
  switch (style) {
    case ParagraphStyle::kTitle:
      return {kTitleFace, 22, true, 36, PANGO_ALIGN_CENTER, false, 0, 0, pitch};
    case ParagraphStyle::kDocNumber:
      return {kSerif, kBodyPt, false, pitch, PANGO_ALIGN_CENTER, false, 0, 0, pitch};
    case ParagraphStyle::kSalutation:
      return {kSerif, kBodyPt, false, pitch, PANGO_ALIGN_LEFT, false, 0, 0, 0};
    case ParagraphStyle::kHeading:
      return {kSans, kBodyPt, false, pitch, PANGO_ALIGN_LEFT, false, 2 * kBodyPt, 0, 0};
    case ParagraphStyle::kBody:
      return {kSerif, kBodyPt, false, pitch, PANGO_ALIGN_LEFT, true, 2 * kBodyPt, 0, 0};
    case ParagraphStyle::kSignature:
      return {kSerif, kBodyPt, false, pitch, PANGO_ALIGN_RIGHT, false, 0, 4 * kBodyPt, 0};
    case ParagraphStyle::kSeal:
      return {kSerif, 14, false, pitch, PANGO_ALIGN_RIGHT, false, 0, 6 * kBodyPt, 0};
    case ParagraphStyle::kCaption:
      return {kSans, 12, false, 22, PANGO_ALIGN_CENTER, false, 0, 0, 0};
  }
  return {kSerif, kBodyPt, false, pitch, PANGO_ALIGN_LEFT, true, 0, 0, 0};
}

struct FontDeleter {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
using Font = std::unique_ptr<PangoFontDescription, FontDeleter>;

Font MakeFont(const char* family, double size_pt, bool bold) {
  Font f(pango_font_description_new());
  pango_font_description_set_family(f.get(), family);
  pango_font_description_set_absolute_size(f.get(), size_pt * PANGO_SCALE);
  pango_font_description_set_weight(f.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return f;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lays a Document out page by page on one cairo PDF surface.
class PdfPager {
 public:
  PdfPager(cairo_t* cr, bool page_numbers, int lines_per_page)
      : cr_(cr), page_numbers_(page_numbers), pitch_(kTypeHeight / lines_per_page) {
    context_ = pango_cairo_create_context(cr);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context_, pango_language_from_string("zh-cn"));
  }
  ~PdfPager() { g_object_unref(context_); }
  PdfPager(const PdfPager&) = delete;
  PdfPager& operator=(const PdfPager&) = delete;

  void AddParagraph(const Paragraph& p);
  void AddTable(const DocTable& t);
  // Height of `t` as AddTable would draw it.
  double TableHeight(const DocTable& t);
  // Starts a new page unless `height` fits in what is left of this one (or could not fit on
  // any page); returns whether it did.
  bool KeepTogether(double height);
  // The body line pitch.
  double pitch() const { return pitch_; }
  // Starts the next document of a bound set on a fresh page (unless this page is still empty),
  // its pages numbered or not; returns the page it starts on.
  int StartPart(bool page_numbers) {
    if (!AtPageTop()) NewPage();
    page_numbers_ = page_numbers;
    return page_;
  }
  void Finish() { FinishPage(); }
  // Pages finished so far.
  int pages() const { return page_ - 1; }

 private:
  Layout MakeLayout(const std::string& text, const PangoFontDescription* font, double width) {
    Layout layout(pango_layout_new(context_));
    pango_layout_set_font_description(layout.get(), font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
  }

  void NewPage() {
    FinishPage();
    y_ = kTop;
  }
  void FinishPage() {
    if (page_numbers_) DrawPageNumber();
    cairo_show_page(cr_);
    ++page_;
  }
  void DrawPageNumber();
  bool AtPageTop() const { return y_ <= kTop + 0.01; }

  // The table helpers.
  struct TableGeometry {
    std::vector<double> col_x;  // left edge of each column, and the right edge of the last
    std::vector<PlacedCell> cells;
    std::vector<double> heights;  // per row
    Font font, bold;
  };
  TableGeometry Measure(const DocTable& t);
  std::vector<double> RowHeights(const DocTable& t, const std::vector<PlacedCell>& cells,
                                 const std::vector<double>& col_x, const PangoFontDescription* font,
                                 const PangoFontDescription* bold);
  void DrawSegment(const std::vector<PlacedCell>& cells, const std::vector<double>& col_x,
                   const std::vector<double>& heights,
                   const std::vector<std::pair<int, double>>& rows,
                   const PangoFontDescription* font, const PangoFontDescription* bold, bool ruled);

  cairo_t* cr_;
  bool page_numbers_;
  double pitch_;
  PangoContext* context_;
  double y_ = kTop;
  int page_ = 1;
  // Where the last signature line stood, for the seal placeholder.
  double signature_x_ = 0;
  double signature_y_ = 0;
};

void PdfPager::DrawPageNumber() {
  Font font = MakeFont("Noto Serif CJK SC", 14, false);
  const std::string text = "— " + std::to_string(page_) + " —";
  Layout layout = MakeLayout(text, font.get(), kTypeWidth - 2 * 14);
  // GB/T 9704 §7.5: 7 mm below the type area; odd pages right, even pages left, one
  // character in from the edge.
  pango_layout_set_alignment(layout.get(), page_ % 2 == 1 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_move_to(cr_, kLeft + 14, kBottom + 7 * kMm);
  pango_cairo_show_layout(cr_, layout.get());
}

void PdfPager::AddParagraph(const Paragraph& p) {
  const StyleSpec spec = SpecOf(p.style, pitch_);
  Font font = MakeFont(spec.family, spec.size_pt, spec.bold);
  if (p.style == ParagraphStyle::kSeal) {
    // A dashed circle (a seal is 42 mm across) over the agency name and date, where the seal
    // goes, with the placeholder text inside it.
    const double radius = 21 * kMm;
    const double cx = signature_x_ > 0 ? signature_x_ : kLeft + kTypeWidth - radius;
    const double cy = signature_x_ > 0 ? signature_y_ : std::min(y_ + radius, kBottom - radius);
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, 0.75, 0.1, 0.1);
    cairo_set_line_width(cr_, 1);
    const double dash[] = {4, 3};
    cairo_set_dash(cr_, dash, 2, 0);
    cairo_new_path(cr_);
    cairo_arc(cr_, cx, cy, radius, 0, 2 * M_PI);
    cairo_stroke(cr_);
    Layout layout = MakeLayout(p.text, font.get(), 2 * radius);
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(layout.get(), &ink, &logical);
    cairo_move_to(cr_, cx - radius, cy - logical.height / 2.0);
    pango_cairo_show_layout(cr_, layout.get());
    cairo_restore(cr_);
    return;
  }
  if (p.style == ParagraphStyle::kHeading && y_ + 2 * spec.pitch > kBottom) NewPage();
  const double width = kTypeWidth - spec.right_inset;
  Layout layout = MakeLayout(p.text, font.get(), width);
  pango_layout_set_alignment(layout.get(), spec.align);
  pango_layout_set_justify(layout.get(), spec.justify);
  pango_layout_set_indent(layout.get(), static_cast<int>(spec.indent * PANGO_SCALE));

  cairo_set_source_rgb(cr_, 0, 0, 0);
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  do {
    if (y_ + spec.pitch > kBottom + 0.01) NewPage();
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    const double x = kLeft + static_cast<double>(logical.x) / PANGO_SCALE;
    // Centre the line's em box in its pitch: baseline = top + (pitch - size) / 2 + ~0.88 em.
    const double baseline = y_ + (spec.pitch - spec.size_pt) / 2 + 0.88 * spec.size_pt;
    cairo_move_to(cr_, x, baseline);
    pango_cairo_show_layout_line(cr_, line);
    if (p.style == ParagraphStyle::kSignature) {
      signature_x_ = x + static_cast<double>(logical.width) / PANGO_SCALE / 2;
      signature_y_ = y_;
    }
    y_ += spec.pitch;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  y_ += spec.space_after;
}

std::vector<double> PdfPager::RowHeights(const DocTable& t, const std::vector<PlacedCell>& cells,
                                         const std::vector<double>& col_x,
                                         const PangoFontDescription* font,
                                         const PangoFontDescription* bold) {
  const double min_height = t.font_pt * 1.6;
  std::vector<double> heights(t.rows.size(), min_height);
  std::vector<const PlacedCell*> order;
  for (const PlacedCell& c : cells) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(), [](const PlacedCell* a, const PlacedCell* b) {
    return a->row_span < b->row_span;
  });
  for (const PlacedCell* c : order) {
    const double width = col_x[c->col + c->col_span] - col_x[c->col] - 2 * kCellPad;
    Layout layout = MakeLayout(c->cell->text, c->cell->header ? bold : font, width);
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    const double need = static_cast<double>(h) / PANGO_SCALE + 2 * kCellPad;
    double have = 0;
    for (int r = c->row; r < c->row + c->row_span; ++r) have += heights[r];
    if (need > have) heights[c->row + c->row_span - 1] += need - have;
  }
  return heights;
}

void PdfPager::DrawSegment(const std::vector<PlacedCell>& cells, const std::vector<double>& col_x,
                           const std::vector<double>& heights,
                           const std::vector<std::pair<int, double>>& rows,
                           const PangoFontDescription* font, const PangoFontDescription* bold,
                           bool ruled) {
  cairo_set_line_width(cr_, kRule);
  cairo_set_source_rgb(cr_, 0, 0, 0);
  for (const PlacedCell& c : cells) {
    // The part of this cell's rows that lies in the segment.
    double top = -1, bottom = -1;
    bool first_row_here = false;
    for (const auto& [r, y] : rows) {
      if (r < c.row || r >= c.row + c.row_span) continue;
      if (top < 0) top = y;
      bottom = y + heights[r];
      if (r == c.row) first_row_here = true;
    }
    if (top < 0) continue;
    const double left = col_x[c.col];
    const double right = col_x[c.col + c.col_span];
    if (ruled) {
      cairo_rectangle(cr_, left, top, right - left, bottom - top);
      cairo_stroke(cr_);
    }
    if (!first_row_here || c.cell->text.empty()) continue;
    Layout layout =
        MakeLayout(c.cell->text, c.cell->header ? bold : font, right - left - 2 * kCellPad);
    pango_layout_set_alignment(layout.get(), c.cell->align == CellAlign::kLeft ? PANGO_ALIGN_LEFT
                                             : c.cell->align == CellAlign::kRight
                                                 ? PANGO_ALIGN_RIGHT
                                                 : PANGO_ALIGN_CENTER);
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    const double text_height = static_cast<double>(h) / PANGO_SCALE;
    cairo_move_to(cr_, left + kCellPad, top + (bottom - top - text_height) / 2);
    pango_cairo_show_layout(cr_, layout.get());
  }
}

PdfPager::TableGeometry PdfPager::Measure(const DocTable& t) {
  TableGeometry g;
  const int columns = static_cast<int>(t.column_weights.size());
  const double total = std::accumulate(t.column_weights.begin(), t.column_weights.end(), 0.0);
  g.col_x = {kLeft};
  for (double w : t.column_weights) {
    g.col_x.push_back(g.col_x.back() + kTypeWidth * (total > 0 ? w / total : 1.0 / columns));
  }
  g.font = MakeFont(kSerif, t.font_pt, false);
  g.bold = MakeFont(kSerif, t.font_pt, true);
  g.cells = PlaceCells(t);
  g.heights = RowHeights(t, g.cells, g.col_x, g.font.get(), g.bold.get());
  return g;
}

double PdfPager::TableHeight(const DocTable& t) {
  if (t.column_weights.empty() || t.rows.empty()) return 0;
  const TableGeometry g = Measure(t);
  return std::accumulate(g.heights.begin(), g.heights.end(), 0.0);
}

bool PdfPager::KeepTogether(double height) {
  if (height <= kTypeHeight && y_ + height > kBottom + 0.01 && !AtPageTop()) {
    NewPage();
    return true;
  }
  return false;
}

void PdfPager::AddTable(const DocTable& t) {
  const int columns = static_cast<int>(t.column_weights.size());
  const int rows = static_cast<int>(t.rows.size());
  if (columns == 0 || rows == 0) return;
  const TableGeometry g = Measure(t);
  const std::vector<PlacedCell>& cells = g.cells;
  const std::vector<double>& col_x = g.col_x;
  const std::vector<double>& heights = g.heights;
  const Font& font = g.font;
  const Font& bold = g.bold;
  KeepTogether(std::accumulate(heights.begin(), heights.end(), 0.0));

  // A page may break before row r unless a cell spans across that boundary or r is inside
  // the header.
  std::vector<bool> may_break(rows + 1, true);
  for (const PlacedCell& c : cells) {
    for (int r = c.row + 1; r < c.row + c.row_span; ++r) may_break[r] = false;
  }
  for (int r = 1; r < std::min(t.header_rows, rows); ++r) may_break[r] = false;

  const int header_rows = std::min(t.header_rows, rows);
  double header_height = 0;
  for (int r = 0; r < header_rows; ++r) header_height += heights[r];

  std::vector<std::pair<int, double>> segment;
  auto flush = [&] {
    DrawSegment(cells, col_x, heights, segment, font.get(), bold.get(), t.ruled);
    segment.clear();
  };
  auto continue_on_new_page = [&] {
    flush();
    NewPage();
    for (int r = 0; r < header_rows; ++r) {
      segment.emplace_back(r, y_);
      y_ += heights[r];
    }
  };

  int r = 0;
  while (r < rows) {
    int end = r + 1;  // the unbreakable chunk [r, end)
    while (end < rows && !may_break[end]) ++end;
    double chunk = 0;
    for (int k = r; k < end; ++k) chunk += heights[k];
    const bool fits_on_fresh_page = chunk + (r >= header_rows ? header_height : 0) <= kTypeHeight;
    if (y_ + chunk > kBottom && fits_on_fresh_page && !(AtPageTop() && segment.empty())) {
      if (r < header_rows || segment.empty()) {
        flush();
        NewPage();
      } else {
        continue_on_new_page();
      }
    }
    for (int k = r; k < end; ++k) {
      // A chunk taller than a page has to break inside; its spanning cells are drawn per page.
      if (y_ + heights[k] > kBottom && !segment.empty()) continue_on_new_page();
      segment.emplace_back(k, y_);
      y_ += heights[k];
    }
    r = end;
  }
  flush();
  y_ += pitch_ / 2;
}

// Lays out one document's blocks on `pager`. Sets *signature_pushed when the agency name and
// date had to start a page of their own.
void AddBlocks(PdfPager& pager, const Document& doc, bool* signature_pushed) {
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      // A heading stays on the page of the table it introduces.
      const DocTable* next =
          i + 1 < doc.blocks.size() ? std::get_if<DocTable>(&doc.blocks[i + 1]) : nullptr;
      if (p->style == ParagraphStyle::kHeading && next != nullptr) {
        pager.KeepTogether(pager.pitch() + pager.TableHeight(*next));
      }
      // The agency and the date (and the seal over them) stay on one page.
      const bool first_signature =
          p->style == ParagraphStyle::kSignature &&
          (i == 0 || !std::holds_alternative<Paragraph>(doc.blocks[i - 1]) ||
           std::get<Paragraph>(doc.blocks[i - 1]).style != ParagraphStyle::kSignature);
      if (first_signature) {
        int lines = 0;
        for (size_t k = i; k < doc.blocks.size(); ++k) {
          const auto* q = std::get_if<Paragraph>(&doc.blocks[k]);
          if (q == nullptr || q->style != ParagraphStyle::kSignature) break;
          ++lines;
        }
        if (pager.KeepTogether(lines * pager.pitch())) *signature_pushed = true;
      }
      pager.AddParagraph(*p);
    } else {
      pager.AddTable(std::get<DocTable>(block));
    }
  }
}

// What a layout found besides its bytes.
struct LayoutInfo {
  bool signature_pushed = false;  // an agency name and date had to start a page of their own
  std::vector<int> first_pages;   // the page each part starts on
  int pages = 0;
};

// Lays the parts out with `lines_per_page` body lines per page, each part from a fresh page.
Result<std::string> LayOut(const std::vector<PdfPart>& parts, int lines_per_page,
                           LayoutInfo* info) {
  *info = LayoutInfo{};
  const Document& head = *parts.front().doc;
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, head.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Gongkai");
  // cairo 1.16 stamps the current time as /CreationDate unless one is given: give the
  // document's own date so the bytes do not depend on when they were made.
  const std::string stamp = FormatDate(head.date) + "T00:00:00";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
  cairo_t* cr = cairo_create(surface);
  {
    PdfPager pager(cr, head.page_numbers, lines_per_page);
    std::vector<int> outline_ids;  // the last bookmark of each level
    for (const PdfPart& part : parts) {
      const int page = pager.StartPart(part.doc->page_numbers);
      info->first_pages.push_back(page);
      for (const PdfBookmark& mark : part.bookmarks) {
        const int level = std::clamp(mark.level, 0, static_cast<int>(outline_ids.size()));
        const int parent = level == 0 ? CAIRO_PDF_OUTLINE_ROOT : outline_ids[level - 1];
        const std::string link = "page=" + std::to_string(page);
        const int id = cairo_pdf_surface_add_outline(surface, parent, mark.title.c_str(),
                                                     link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
        outline_ids.resize(level);
        outline_ids.push_back(id);
      }
      AddBlocks(pager, *part.doc, &info->signature_pushed);
    }
    pager.Finish();
    info->pages = pager.pages();
  }
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(
        std::string("生成 PDF 失败：") +
        cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished));
  }
  return bytes;
}

}  // namespace

Result<std::string> WritePdf(const Document& doc) {
  const std::vector<PdfPart> parts = {PdfPart{&doc, {}}};
  LayoutInfo info;
  Result<std::string> pdf = LayOut(parts, kLinesPerPage, &info);
  for (int lines = kLinesPerPage + 1;
       pdf.ok() && info.signature_pushed && lines <= kMostLinesPerPage; ++lines) {
    LayoutInfo tighter_info;
    Result<std::string> tighter = LayOut(parts, lines, &tighter_info);
    if (!tighter.ok() || tighter_info.signature_pushed) continue;
    return tighter;
  }
  return pdf;
}

Result<PdfBook> WritePdfParts(const std::vector<PdfPart>& parts) {
  if (parts.empty()) return Status::InvalidInput("没有要排版的文档：请至少给出一份");
  LayoutInfo info;
  Result<std::string> pdf = LayOut(parts, kLinesPerPage, &info);
  if (!pdf.ok()) return pdf.status();
  PdfBook book;
  book.bytes = std::move(pdf).value();
  book.first_pages = std::move(info.first_pages);
  book.pages = info.pages;
  return book;
}

}  // namespace gongkai
