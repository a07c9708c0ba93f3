#include "docs/hall_sheet.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

#include "docs/qr_code.h"

namespace gongkai {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kMargin = 15 * kMm;
constexpr double kHeaderHeight = 16 * kMm;
constexpr double kCellWidth = (kPageWidth - 2 * kMargin) / kHallSheetColumns;
constexpr double kCellHeight = (kPageHeight - 2 * kMargin - kHeaderHeight) / kHallSheetRows;
constexpr double kSymbol = 50 * kMm;
constexpr double kTextWidth = kCellWidth - 8 * kMm;

constexpr const char* kSans = "SimHei,Noto Sans CJK SC";

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// Draws `text` centred in `width` from (x, y); returns its height. At most `max_lines` lines,
// the last ellipsized.
double Text(cairo_t* cr, const std::string& text, double size_pt, bool bold, double x, double y,
            double width, int max_lines) {
  Layout layout(pango_cairo_create_layout(cr));
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kSans);
  pango_font_description_set_absolute_size(font, size_pt * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height(layout.get(), -max_lines);
  pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
  pango_layout_set_text(layout.get(), text.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Header(cairo_t* cr, const HallSheet& sheet, const HallSheetGroup& group, int page) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  Text(cr, sheet.title, 16, true, kMargin, kMargin, kPageWidth - 2 * kMargin, 1);
  Text(cr, group.title + "　（第" + std::to_string(page) + "页）", 12, false, kMargin,
       kMargin + 8 * kMm, kPageWidth - 2 * kMargin, 1);
}

void Cell(cairo_t* cr, const HallSheetEntry& e, const QrMatrix& qr, int index) {
  const int col = index % kHallSheetColumns;
  const int row = index / kHallSheetColumns;
  const double x = kMargin + col * kCellWidth;
  const double y = kMargin + kHeaderHeight + row * kCellHeight;
  // Dashed cutting lines round each cell.
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 0.4);
  const double dash[] = {3, 3};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_rectangle(cr, x, y, kCellWidth, kCellHeight);
  cairo_stroke(cr);
  cairo_restore(cr);

  DrawQr(cr, qr, x + (kCellWidth - kSymbol) / 2, y + 3 * kMm, kSymbol);
  cairo_set_source_rgb(cr, 0, 0, 0);
  const double tx = x + (kCellWidth - kTextWidth) / 2;
  double ty = y + 3 * kMm + kSymbol + 1.5 * kMm;
  ty += Text(cr, e.name, 10.5, true, tx, ty, kTextWidth, 2) + 1 * kMm;
  ty += Text(cr, e.code, 7.5, false, tx, ty, kTextWidth, 2) + 0.5 * kMm;
  Text(cr, "更新于 " + FormatDate(e.updated), 8, false, tx, ty, kTextWidth, 1);
}

}  // namespace

Result<std::string> WriteHallSheetPdf(const HallSheet& sheet) {
  // Every link is encoded before anything is drawn, so a bad one refuses the whole sheet.
  std::vector<std::vector<QrMatrix>> codes;
  size_t total = 0;
  for (const HallSheetGroup& g : sheet.groups) {
    codes.emplace_back();
    for (const HallSheetEntry& e : g.entries) {
      Result<QrMatrix> qr = EncodeQr(e.link);
      if (!qr.ok()) {
        return Status::InvalidInput("事项「" + e.name + "」（" + e.code + "）的二维码无法生成：" +
                                    qr.status().message());
      }
      codes.back().push_back(std::move(qr).value());
      ++total;
    }
  }
  if (total == 0) return Status::InvalidInput("没有要印制二维码的事项：请选择部门或窗口");

  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, sheet.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Gongkai");
  const std::string stamp = FormatDate(sheet.date) + "T00:00:00";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
  cairo_t* cr = cairo_create(surface);
  constexpr int kPerPage = kHallSheetColumns * kHallSheetRows;
  for (size_t g = 0; g < sheet.groups.size(); ++g) {
    const HallSheetGroup& group = sheet.groups[g];
    for (size_t i = 0; i < group.entries.size(); ++i) {
      const int slot = static_cast<int>(i % kPerPage);
      if (slot == 0) Header(cr, sheet, group, static_cast<int>(i / kPerPage) + 1);
      Cell(cr, group.entries[i], codes[g][i], slot);
      if (slot == kPerPage - 1 || i + 1 == group.entries.size()) cairo_show_page(cr);
    }
  }
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(
        std::string("生成二维码页失败：") +
        cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : finished));
  }
  return bytes;
}

}  // namespace gongkai
