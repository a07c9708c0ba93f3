#include "docs/qr_code.h"

#include <cairo-svg.h>
#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace gongkai {
namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// The dark modules as one path, in units of one module, offset by the quiet zone.
void ModulePath(cairo_t* cr, const QrMatrix& qr) {
  for (int y = 0; y < qr.size; ++y) {
    int x = 0;
    while (x < qr.size) {
      if (!qr.Dark(x, y)) {
        ++x;
        continue;
      }
      int end = x;  // one rectangle per run of dark modules keeps the path short
      while (end < qr.size && qr.Dark(end, y)) ++end;
      cairo_rectangle(cr, x + kQrQuietZone, y + kQrQuietZone, end - x, 1);
      x = end;
    }
  }
}

void DrawModules(cairo_t* cr, const QrMatrix& qr) {
  const int total = qr.size + 2 * kQrQuietZone;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, total, total);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  ModulePath(cr, qr);
  cairo_fill(cr);
}

Status Finish(cairo_t* cr, cairo_surface_t* surface) {
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  const cairo_status_t bad = drawn != CAIRO_STATUS_SUCCESS ? drawn : finished;
  if (bad != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("绘制二维码失败：") + cairo_status_to_string(bad));
  }
  return Status::Ok();
}

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view text) {
  if (text.empty()) return Status::InvalidInput("二维码内容为空：请给出要编码的链接");
  const std::string owned(text);
  // Byte mode keeps the URL's bytes exactly; version 0 lets libqrencode pick the smallest.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(owned.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (code == nullptr) {
    if (errno == ERANGE) {
      return Status::InvalidInput("二维码内容过长（" + std::to_string(text.size()) +
                                  " 字节），超出 M 级纠错的最大容量：请缩短链接");
    }
    return Status::Internal("二维码编码失败（libqrencode）");
  }
  QrMatrix m;
  m.size = code->width;
  m.dark.resize(static_cast<size_t>(m.size) * m.size);
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
  return m;
}

Result<std::string> QrPng(const QrMatrix& qr, int module_px) {
  const int side = (qr.size + 2 * kQrQuietZone) * module_px;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
  cairo_t* cr = cairo_create(surface);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_scale(cr, module_px, module_px);
  DrawModules(cr, qr);
  std::string bytes;
  cairo_surface_flush(surface);
  const cairo_status_t written = cairo_surface_write_to_png_stream(surface, AppendBytes, &bytes);
  if (Status s = Finish(cr, surface); !s.ok()) return s;
  if (written != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("写出 PNG 失败：") + cairo_status_to_string(written));
  }
  return bytes;
}

Result<std::string> QrSvg(const QrMatrix& qr, double module_mm) {
  constexpr double kMm = 72.0 / 25.4;
  const double side = (qr.size + 2 * kQrQuietZone) * module_mm * kMm;
  std::string bytes;
  cairo_surface_t* surface = cairo_svg_surface_create_for_stream(AppendBytes, &bytes, side, side);
  cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
  cairo_t* cr = cairo_create(surface);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  cairo_scale(cr, module_mm * kMm, module_mm * kMm);
  DrawModules(cr, qr);
  if (Status s = Finish(cr, surface); !s.ok()) return s;
  return bytes;
}

void DrawQr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  const double module = side / (qr.size + 2 * kQrQuietZone);
  cairo_scale(cr, module, module);
  DrawModules(cr, qr);
  cairo_restore(cr);
}

}  // namespace gongkai
