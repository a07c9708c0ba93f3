// Hostile files: each test generates a bomb at run time and expects a clean kInvalidInput naming
// the file and the limit, not a crash, a hang or gigabytes of memory (issue 10: a 2.6 MB PDF
// whose content stream inflates to 1 GiB kept `gongkai check` busy for 100 s).

#include "ingest/limits.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "ingest/bomb_test_util.h"
#include "ingest/extract.h"

namespace gongkai {
namespace {

using testing::DeflateZeros;
using testing::kChunk;
using testing::MinimalPdf;
using testing::ZipOf;
using testing::ZipOfZeros;

void ExpectOverLimit(const Result<std::string>& got, const std::string& file,
                     const std::string& limit) {
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(got.status().message().find(file), std::string::npos) << got.status().message();
  EXPECT_NE(got.status().message().find(limit), std::string::npos) << got.status().message();
}

TEST(PdfLimitsTest, ContentStreamInflatingPastTheCapIsRefusedUnread) {
  const std::string pdf =
      MinimalPdf(DeflateZeros(ingest::kMaxPdfInflatedBytes + (1u << 20), false));
  ASSERT_LT(pdf.size(), 2u << 20);  // a small file...
  ExpectOverLimit(ExtractText(pdf, "bomb.pdf", "zh"), "bomb.pdf", "512 MiB");
  ExpectOverLimit(ExtractText(pdf, "bomb.pdf", "en"), "bomb.pdf", "512 MiB");
}

TEST(PdfLimitsTest, StreamsUnderTheCapStillReachPoppler) {
  // A page with no text: poppler opens it (the cap did not refuse it) and finds no text layer.
  const std::string pdf = MinimalPdf(DeflateZeros(1u << 20, false));
  auto got = ExtractText(pdf, "blank.pdf", "en");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("no text layer"), std::string::npos)
      << got.status().message();
}

TEST(PdfLimitsTest, TooManyPages) {
  const std::string pdf = MinimalPdf(DeflateZeros(kChunk, false), ingest::kMaxPdfPages + 1);
  ExpectOverLimit(ExtractText(pdf, "long.pdf", "zh"), "long.pdf", "2000 页");
}

TEST(DocxLimitsTest, DocumentXmlInflatingFarPastTheLimit) {
  const std::string docx = ZipOfZeros("word/document.xml", 1u << 30, 1u << 30);
  ExpectOverLimit(ExtractText(docx, "bomb.docx", "en"), "bomb.docx", "a zip bomb");
}

TEST(DocxLimitsTest, EntryInflatingPastTheRatioLimit) {
  // 2 MiB of spaces deflate to about 2 KiB: far over 200:1 once past the 1 MiB floor.
  const std::string xml(2u << 20, ' ');
  ExpectOverLimit(ExtractText(ZipOf("word/document.xml", xml, xml.size()), "ratio.docx", "zh"),
                  "ratio.docx", "200:1");
}

TEST(DocxLimitsTest, HeaderThatUnderstatesTheSizeIsNotTrusted) {
  // The headers say 100 bytes; the data inflates to 1 GiB. Either libzip stops at the stated
  // size and reports the mismatch, or the running count stops it: never 1 GiB in memory.
  const std::string docx = ZipOfZeros("word/document.xml", 1u << 30, 100);
  auto got = ExtractText(docx, "liar.docx", "en");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("liar.docx"), std::string::npos) << got.status().message();
}

TEST(DocxLimitsTest, HeaderThatOverstatesTheSizeIsNotTrusted) {
  // The headers claim 4 GiB - 2 for a small document: it is read as it inflates, nothing is
  // allocated from the claim (the old reader sized its buffer by the header).
  const std::string xml =
      "<w:document><w:body><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:body></w:document>";
  auto got = ExtractText(ZipOf("word/document.xml", xml, 0xFFFFFFFEu), "claims.docx", "en");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(*got, "总计\n");
}

TEST(HtmlLimitsTest, TablesNested100000Deep) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<table><tr><td>";
  ExpectOverLimit(ExtractText(html, "deep.html", "zh"), "deep.html", "32 层");
}

TEST(HtmlLimitsTest, TablesNestedWithinTheLimitKeepTheirText) {
  std::string html = "<html><body>";
  for (int i = 0; i < ingest::kMaxHtmlTableDepth; ++i) html += "<table><tr><td>";
  html += "总计";
  auto got = ExtractText(html, "ok.html", "zh");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_NE(got->find("总计"), std::string::npos);
}

TEST(TextLimitsTest, FiftyMegabyteLine) {
  const std::string text = "一、总体情况\n" + std::string(50u << 20, 'x') + "\n";
  ExpectOverLimit(ExtractText(text, "line.txt", "zh"), "line.txt", "第 2 行");
  ExpectOverLimit(ExtractText(text, "line.txt", "en"), "line.txt", "1024 KiB");
}

}  // namespace
}  // namespace gongkai
