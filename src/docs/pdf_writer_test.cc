#include "docs/pdf_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

int CountPages(const std::string& pdf) {
  int pages = 0;
  for (size_t pos = pdf.find("/Type /Page"); pos != std::string::npos;
       pos = pdf.find("/Type /Page", pos + 1)) {
    if (pdf.compare(pos, 12, "/Type /Pages") != 0) ++pages;
  }
  return pages;
}

// A notice: the title, `body_lines` one-line paragraphs, then the agency name and the date.
Document Notice(int body_lines) {
  Document d;
  d.title = "政府信息公开申请答复书";
  d.Add(ParagraphStyle::kTitle, "政府信息公开申请答复书");
  for (int i = 0; i < body_lines; ++i) d.Add(ParagraphStyle::kBody, "本机关已收到您的申请。");
  d.Add(ParagraphStyle::kSignature, "某某区人民政府办公室");
  d.Add(ParagraphStyle::kSignature, "2024年10月14日");
  return d;
}

TEST(WritePdfTest, TheSignatureNeverStandsAloneWhenATighterPitchKeepsItWithTheText) {
  // Worked from the geometry: the type area is 225 mm (637.8 pt). At 22 lines (28.99 pt) the
  // title takes 36 pt plus one line, so 17 body lines and the 2 signature lines fill page one.
  // With 19 body lines the signature would start page two alone; GB/T 9704-2012 §7.3.5 allows
  // tightening the line pitch instead, and at 24 lines (26.58 pt) 19 lines fit.
  const struct {
    int body_lines;
    int pages;
  } cases[] = {{17, 1}, {18, 1}, {19, 1}, {20, 2}, {40, 2}};
  for (const auto& c : cases) {
    Result<std::string> pdf = WritePdf(Notice(c.body_lines));
    ASSERT_TRUE(pdf.ok()) << pdf.status().message();
    EXPECT_EQ(CountPages(*pdf), c.pages) << c.body_lines << " body lines";
  }
}

TEST(WritePdfTest, TheSameDocumentGivesTheSameBytes) {
  Result<std::string> a = WritePdf(Notice(19));
  Result<std::string> b = WritePdf(Notice(19));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

}  // namespace
}  // namespace gongkai
