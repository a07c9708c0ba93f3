// QR codes (GB/T 18284 = ISO/IEC 18004) for the hall's guide links, encoded with libqrencode at
// error-correction level M (spec services.md §6) and drawn with cairo: a PNG for print shops and
// screens, an SVG for designers, and DrawQr for the PDF hall sheets. Every image keeps the
// standard's quiet zone of four modules. Pure functions of their arguments; thread-safe.

#ifndef GONGKAI_DOCS_QR_CODE_H_
#define GONGKAI_DOCS_QR_CODE_H_

#include <cairo.h>

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace gongkai {

// A QR symbol as a square grid of modules, without the quiet zone.
struct QrMatrix {
  int size = 0;                     // modules per side (21 for version 1, +4 per version)
  std::vector<unsigned char> dark;  // size * size, row by row; 1 = dark module
  bool Dark(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// The quiet zone each image keeps around the symbol, in modules (ISO/IEC 18004 §6.3.8).
constexpr int kQrQuietZone = 4;

// Encodes `text` (UTF-8 bytes, kept as they are) at level M in the smallest version that holds
// it. Invalid input when `text` is empty or longer than a version-40 symbol can hold at level M.
Result<QrMatrix> EncodeQr(std::string_view text);

// The symbol as PNG bytes, `module_px` pixels a module (black on white, no anti-aliasing).
// REQUIRES: module_px >= 1. Internal error only when cairo fails.
Result<std::string> QrPng(const QrMatrix& qr, int module_px = 10);

// The symbol as SVG bytes, `module_mm` millimetres a module. REQUIRES: module_mm > 0.
Result<std::string> QrSvg(const QrMatrix& qr, double module_mm = 1.0);

// Draws the symbol with its quiet zone as a square of `side` points whose top-left corner is at
// (x, y) on `cr`: a white square, then the dark modules in black.
void DrawQr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_QR_CODE_H_
