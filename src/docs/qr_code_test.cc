#include "docs/qr_code.h"

#include <gtest/gtest.h>

#include <string>

#include "docs/print_test_util.h"

namespace gongkai {
namespace {

// The one symbol zbarimg finds in the image, or "" when it finds none or several.
std::string Decode(const std::string& bytes, const std::string& extension) {
  const std::multiset<std::string> codes = testing::DecodeQr(bytes, extension);
  return codes.size() == 1 ? *codes.begin() : "";
}

void RequireZbar() {
  ASSERT_TRUE(testing::HaveTool("zbarimg"))
      << "zbarimg is needed (scripts/install-deps.sh test installs zbar-tools)";
}

// The links the hall prints: base URL + /g/ + the item's code as one percent-encoded segment.
const char* const kLinks[] = {
    "https://zwfw.example.gov.cn/g/00016421300301",
    "https://zwfw.example.gov.cn/g/511A0138000000-511602000000-000-115113010833722043-1-00",
    // A code holding a slash and Chinese, percent-encoded as web/url.h does.
    "http://127.0.0.1:8080/g/A%2FB%E5%8A%9E%E7%90%86",
};

TEST(QrCode, PngDecodesToTheLink) {
  RequireZbar();
  for (const char* link : kLinks) {
    Result<QrMatrix> qr = EncodeQr(link);
    ASSERT_TRUE(qr.ok()) << qr.status().message();
    Result<std::string> png = QrPng(*qr, 6);
    ASSERT_TRUE(png.ok()) << png.status().message();
    ASSERT_EQ(png->compare(1, 3, "PNG"), 0);
    EXPECT_EQ(Decode(*png, ".png"), link);
  }
}

TEST(QrCode, SvgDecodesToTheLink) {
  RequireZbar();
  Result<QrMatrix> qr = EncodeQr(kLinks[1]);
  ASSERT_TRUE(qr.ok());
  Result<std::string> svg = QrSvg(*qr, 1.0);
  ASSERT_TRUE(svg.ok()) << svg.status().message();
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  ASSERT_TRUE(testing::HaveTool("rsvg-convert")) << "librsvg2-bin is needed to rasterize the SVG";
  EXPECT_EQ(Decode(testing::SvgPng(*svg, 2), ".png"), kLinks[1]);
}

TEST(QrCode, ThePngKeepsTheQuietZone) {
  // 14 bytes is what version 1 holds at level M in byte mode (ISO/IEC 18004 Table 7): 21
  // modules + 2 × 4 quiet modules at 10 px = 290 px; the PNG header says so. One byte more needs
  // version 2 (25 modules).
  EXPECT_EQ(EncodeQr("http://a.cn/g/1")->size, 25);
  Result<QrMatrix> qr = EncodeQr("http://a.cn/g1");
  ASSERT_TRUE(qr.ok());
  EXPECT_EQ(qr->size, 21);
  Result<std::string> png = QrPng(*qr, 10);
  ASSERT_TRUE(png.ok());
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>((*png)[at]) << 24) |
           (static_cast<unsigned char>((*png)[at + 1]) << 16) |
           (static_cast<unsigned char>((*png)[at + 2]) << 8) |
           static_cast<unsigned char>((*png)[at + 3]);
  };
  EXPECT_EQ(be32(16), 290u);  // IHDR width
  EXPECT_EQ(be32(20), 290u);  // IHDR height
}

TEST(QrCode, RefusesWhatNoSymbolHolds) {
  EXPECT_EQ(EncodeQr("").status().code(), Status::Code::kInvalidInput);
  // Level M holds at most 2,331 bytes in version 40.
  EXPECT_TRUE(EncodeQr(std::string(2331, 'a')).ok());
  Result<QrMatrix> too_long = EncodeQr(std::string(2332, 'a'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(too_long.status().message().find("2332"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
