#include "ingest/extract.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace gongkai {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kDocuments = std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/documents/";

TEST(SniffFormatTest, Cases) {
  struct Case {
    std::string bytes, filename;
    DocumentFormat want;
  } cases[] = {
      {"%PDF-1.7\n...", "a.pdf", DocumentFormat::kPdf},
      {"PK\x03\x04....word/document.xml...", "a.docx", DocumentFormat::kDocx},
      {"<!DOCTYPE html><html>", "a", DocumentFormat::kHtml},
      {"<TABLE><tr><td>1</td></tr></TABLE>", "a.txt", DocumentFormat::kHtml},
      {"plain", "page.htm", DocumentFormat::kHtml},
      {"一、总体情况\n规章\t0", "a.txt", DocumentFormat::kText},
  };
  for (const auto& c : cases) {
    auto got = SniffFormat(c.bytes, c.filename);
    ASSERT_TRUE(got.ok()) << c.bytes;
    EXPECT_EQ(*got, c.want) << c.bytes;
  }
}

TEST(SniffFormatTest, UnreadableFormatsSayWhatToDo) {
  auto doc = SniffFormat(std::string("\xD0\xCF\x11\xE0rest", 8), "old.doc");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("old.doc"), std::string::npos);
  EXPECT_NE(doc.status().message().find("DOCX"), std::string::npos);
  auto zip = SniffFormat("PK\x03\x04 nothing", "x.zip");
  ASSERT_FALSE(zip.ok());
  EXPECT_NE(zip.status().message().find("word/document.xml"), std::string::npos);
}

TEST(DecodeTextTest, Encodings) {
  EXPECT_EQ(DecodeText("\xEF\xBB\xBF总计"), "总计");
  EXPECT_EQ(DecodeText(std::string("\xFF\xFE\x3B\x60\xA1\x8B", 6)), "总计");  // UTF-16LE 总计
  EXPECT_EQ(DecodeText(std::string("\xFE\xFF\x60\x3B\x8B\xA1", 6)), "总计");  // UTF-16BE
  EXPECT_EQ(DecodeText("\xD7\xDC\xBC\xC6"), "总计");                          // GBK/GB18030
  EXPECT_EQ(DecodeText("已是 UTF-8"), "已是 UTF-8");
  EXPECT_EQ(DecodeText("U+FFFD \xEF\xBF\xBD as printed"), "U+FFFD \xEF\xBF\xBD as printed");
  EXPECT_EQ(DecodeText("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");  // four bytes stay UTF-8
  // Not UTF-8, so read as GB18030 (and not passed through): an overlong form, an encoded
  // surrogate, a truncated sequence. Each decodes to something other than its bytes.
  for (const std::string bad : {"\xE0\x80\xAF", "\xED\xA0\x80", "ab\xE6\x80"}) {
    EXPECT_NE(DecodeText(bad), bad) << bad;
  }
}

TEST(HtmlToTextTest, TablesKeepTheirShape) {
  struct Case {
    std::string html, want;
  } cases[] = {
      {"<table><tr><td>规章</td><td>0</td></tr></table>", "规章\t0\n"},
      // colspan leaves empty cells after the merged one
      {"<table><tr><td colspan=3>申请人情况</td><td>总计</td></tr></table>",
       "申请人情况\t\t\t总计\n"},
      // rowspan leaves an empty cell in the rows below
      {"<table><tr><td rowspan=\"2\">三、本年度办理结果</td><td>(一)予以公开</td><td>1</td></tr>"
       "<tr><td>(二)部分公开</td><td>2</td></tr></table>",
       "三、本年度办理结果\t(一)予以公开\t1\n\t(二)部分公开\t2\n"},
      {"<p>一、总体情况</p><p>正文&nbsp;&amp;&#x603B;&#35745;</p>",
       "一、总体情况\n正文\u00a0&总计\n"},
      {"<script>var x='<td>1</td>';</script><style>td{}</style><p>a</p>", "a\n"},
      {"<table><tr><td>a<br>b</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></"
       "table>",
       "a b\tx y\n"},
      {"<table><tr><td>unclosed", "unclosed\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(HtmlToText(c.html), c.want) << c.html;
}

TEST(DocxXmlToTextTest, CellsRowsAndParagraphs) {
  const std::string xml =
      "<w:document><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>申请人</w:t>"
      "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space=\"preserve\">总计</w:t></w:r></w:p></w:tc>"
      "</w:tr><w:tr><w:tc><w:p><w:r><w:t>a&amp;b</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"
      "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>";
  EXPECT_EQ(DocxXmlToText(xml), "一、总体情况\n申请人\t\t总计\na&b\t\t3\n");
}

TEST(ExtractTextTest, DamagedFilesAreErrorsNamingTheFile) {
  auto pdf = ExtractText("%PDF-1.4 garbage", "broken.pdf");
  ASSERT_FALSE(pdf.ok());
  EXPECT_NE(pdf.status().message().find("broken.pdf"), std::string::npos);
  auto docx = ExtractText("PK\x03\x04 word/document.xml but no zip", "broken.docx");
  ASSERT_FALSE(docx.ok());
  EXPECT_NE(docx.status().message().find("broken.docx"), std::string::npos);
}

// Each unreadable document says, in the language asked for, which file and what to do.
TEST(ExtractTextTest, ErrorsAreInTheLanguageAsked) {
  struct Case {
    std::string bytes;
    std::string name;
    std::string zh;  // expected in the Chinese message
    std::string en;  // expected in the English message
  } cases[] = {
      {"%PDF-1.4 garbage", "broken.pdf", "无法打开 PDF 文件「broken.pdf」", "download it again"},
      {"PK\x03\x04 word/document.xml but no zip", "broken.docx",
       "无法读取 Word 文档「broken.docx」", "save it again as DOCX"},
      {"PK\x03\x04 just a zip", "a.zip", "不是 Word 文档", "not a Word document"},
      {"\xD0\xCF\x11\xE0 legacy", "old.doc", "旧版 Word", "legacy Word"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto zh = ExtractText(c.bytes, c.name, "zh");
    const auto en = ExtractText(c.bytes, c.name, "en");
    ASSERT_FALSE(zh.ok());
    ASSERT_FALSE(en.ok());
    EXPECT_EQ(zh.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(zh.status().message().find(c.zh), std::string::npos) << zh.status().message();
    EXPECT_NE(en.status().message().find(c.en), std::string::npos) << en.status().message();
    EXPECT_NE(en.status().message().find(c.name), std::string::npos) << en.status().message();
  }
}

// The generated documents (tests/fixtures/documents/make_documents.sh) keep table B's rows:
// HTML and DOCX as tab-separated cells with the blank legal-person columns of 012; the PDF as
// physical-layout text of 000.
TEST(ExtractTextTest, GeneratedDocumentsKeepTableRows) {
  struct Case {
    std::string file, want;
  } cases[] = {
      {"012_suqian-shuyang-fagaiju-2023.html",
       "一、本年新收政府信息公开申请数量\t26\t\t\t\t\t\t26"},
      {"012_suqian-shuyang-fagaiju-2023.docx",
       "一、本年新收政府信息公开申请数量\t26\t\t\t\t\t\t26"},
      {"000_xinhua-zhengwufuwu-dashuju-2023.pdf", "8.属于行政查询事"},
  };
  for (const auto& c : cases) {
    const std::string bytes = ReadFile(kDocuments + c.file);
    ASSERT_FALSE(bytes.empty()) << c.file;
    auto text = ExtractText(bytes, c.file);
    ASSERT_TRUE(text.ok()) << text.status().message();
    EXPECT_NE(text->find(c.want), std::string::npos) << c.file;
  }
  auto pdf = ExtractText(ReadFile(kDocuments + cases[2].file), cases[2].file);
  EXPECT_NE(pdf->find('\f'), std::string::npos) << "pages are separated by form feeds";
}

}  // namespace
}  // namespace gongkai
