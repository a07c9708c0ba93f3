// `gongkai services qr` run as a person runs it: the file it writes decodes (zbarimg) to the
// permanent link with the code as one encoded segment; a wrong extension is refused.

#include <gtest/gtest.h>

#include <filesystem>

#include "cli/run_binary_test_util.h"
#include "docs/print_test_util.h"

namespace gongkai::cli {
namespace {

TEST(ServicesQrCommand, WritesACodeThatDecodesToThePermanentLink) {
  ASSERT_TRUE(gongkai::testing::HaveTool("zbarimg")) << "zbar-tools is needed";
  const std::filesystem::path png =
      std::filesystem::temp_directory_path() / ("gongkai_qr_" + std::to_string(getpid()) + ".png");
  Outcome r = Gongkai("services qr " + Quote("A/B 1") + " -o " + Quote(png.string()) +
                      " --base-url https://zwfw.example.gov.cn/");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("https://zwfw.example.gov.cn/g/A%2FB%201"), std::string::npos) << r.out;
  const auto codes = gongkai::testing::DecodeQr(ReadAll(png), ".png");
  std::filesystem::remove(png);
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(*codes.begin(), "https://zwfw.example.gov.cn/g/A%2FB%201");

  Outcome bad = Gongkai("services qr X -o " + Quote(png.string() + ".gif"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find(".png 或 .svg"), std::string::npos) << bad.err;
}

// One public-URL setting (cli/public_url.h): the qr command's --public-url spelling, and a base
// that is not an http(s) address refused by `services qr` and `serve` alike before any work.
TEST(PublicUrlSetting, OneSpellingOneCheck) {
  const std::filesystem::path png = std::filesystem::temp_directory_path() /
                                    ("gongkai_qr_url_" + std::to_string(getpid()) + ".png");
  Outcome r = Gongkai("services qr M1 -o " + Quote(png.string()) +
                      " --public-url https://zwfw.example.gov.cn");
  std::filesystem::remove(png);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("https://zwfw.example.gov.cn/g/M1"), std::string::npos) << r.out;

  Outcome qr = Gongkai("services qr M1 -o " + Quote(png.string()) + " --base-url zwfw.example");
  EXPECT_EQ(qr.exit_code, 1);
  EXPECT_NE(qr.err.find("应以 http:// 或 https:// 开头"), std::string::npos) << qr.err;
  EXPECT_FALSE(std::filesystem::exists(png));
  const std::filesystem::path db = std::filesystem::temp_directory_path() /
                                   ("gongkai_serve_url_" + std::to_string(getpid()) + ".db");
  Outcome serve =
      Gongkai("serve --port 0 --db " + Quote(db.string()) + " --public-url ftp://zwfw.example");
  std::filesystem::remove(db);
  EXPECT_EQ(serve.exit_code, 1);
  EXPECT_NE(serve.err.find("应以 http:// 或 https:// 开头"), std::string::npos) << serve.err;
}

}  // namespace
}  // namespace gongkai::cli
