// Attachments uploaded from an item's office page over a real server: a PDF and a DOCX made here
// are stored with their hash, and a word found only in one of them finds the item in search; a
// text file named .pdf is refused with a message saying it is not a PDF, and nothing is stored;
// removing the PDF takes its word out of search while the DOCX's stays.

#include "web/attachment_pages.h"

#include "docs/docx_writer.h"
#include "docs/pdf_writer.h"
#include "web/public_site_test_util.h"
#include "web/url.h"

namespace gongkai::web {
namespace {

using AttachmentPagesTest = PublicSiteTest;

Document Doc(const std::string& text) {
  Document d;
  d.title = "附件";
  d.Add(ParagraphStyle::kTitle, "附件");
  d.Add(ParagraphStyle::kBody, text);
  return d;
}

TEST_F(AttachmentPagesTest, UploadSearchRefuseAndRemove) {
  const std::string base = "/office/a/" + std::to_string(agency_a_) + "/publications";
  Staff clerk = SignIn("clerk_a", "password-a1");
  httplib::Params item{{"title", "甲区湿地保护规划"}, {"publisher", "甲区人民政府"},
                       {"summary", "规划文本"},       {"kind", "other"},
                       {"category", "art20.12"},      {"created", "2024-09-02"},
                       {"published", "2024-09-20"},   {"status", "in_force"},
                       {"channels", "website"},       {"text", "正文见附件"}};
  ASSERT_EQ(PostAs(clerk, base + "/new", item)->status, 303);
  const std::string edit = base + "/1";
  auto upload = [&](const std::string& bytes, const std::string& name) {
    httplib::MultipartFormDataItems items = {
        {"_csrf", clerk.csrf, "", ""},
        {"file", bytes, name, "application/pdf"},
    };
    return Client().Post(edit + "/attachments", {{"Cookie", clerk.cookie}}, items);
  };
  auto c = Client();
  auto finds = [&](const std::string& word) {
    auto res = c.Get("/search?q=" + EncodeQueryValue(word));
    EXPECT_TRUE(res);
    return res->body.find("甲区湿地保护规划</a>") != std::string::npos;
  };
  EXPECT_FALSE(finds("黑颈鹤"));
  EXPECT_FALSE(finds("红树林"));

  auto pdf = WritePdf(Doc("保护区内黑颈鹤越冬栖息地面积三百公顷。"));
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  auto sent = upload(*pdf, "规划.pdf");
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->status, 303) << sent->body;
  EXPECT_EQ(sent->get_header_value("Location"), edit + "?done=attached");
  EXPECT_TRUE(finds("黑颈鹤"));

  auto docx = WriteDocx(Doc("沿岸红树林每年监测两次。"));
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  EXPECT_EQ(upload(*docx, "监测方案.docx")->status, 303);
  EXPECT_TRUE(finds("红树林"));

  // A text file dressed as a PDF: refused, saying so; still two attachments.
  auto disguised = upload("这其实是一个文本文件", "通知.pdf");
  ASSERT_TRUE(disguised);
  EXPECT_EQ(disguised->status, 422);
  EXPECT_NE(disguised->body.find("文件“通知.pdf”的扩展名是 PDF，但内容不是 PDF 文件"),
            std::string::npos)
      << disguised->body;
  // A DOCX named .xlsx: the extension and the bytes disagree.
  auto misnamed = upload(*docx, "表格.xlsx");
  EXPECT_EQ(misnamed->status, 422);
  EXPECT_NE(misnamed->body.find("扩展名是 XLSX，内容却是 DOCX 文件"), std::string::npos);
  auto page = GetAs(clerk, edit);
  EXPECT_NE(page->body.find("规划.pdf"), std::string::npos);
  EXPECT_NE(page->body.find("监测方案.docx"), std::string::npos);
  EXPECT_EQ(page->body.find("通知.pdf"), std::string::npos);

  // The public page lists both, with their hashes.
  auto pub = c.Get("/catalogue/" + std::to_string(agency_a_) + "/items/1");
  EXPECT_NE(pub->body.find(">规划.pdf</a>"), std::string::npos);
  EXPECT_NE(pub->body.find(">监测方案.docx</a>"), std::string::npos);

  // Removing the PDF (attachment 0) takes its text out of the index; the DOCX moves to 0.
  auto removed = PostAs(clerk, edit + "/attachments/0/remove");
  EXPECT_EQ(removed->status, 303) << removed->body;
  EXPECT_FALSE(finds("黑颈鹤"));
  EXPECT_TRUE(finds("红树林"));
  auto file = c.Get("/catalogue/" + std::to_string(agency_a_) + "/items/1/files/0");
  EXPECT_EQ(file->status, 200);
  EXPECT_EQ(file->body, *docx);
  EXPECT_EQ(PostAs(clerk, edit + "/attachments/5/remove")->status, 404);

  // A supervisor may not upload.
  Staff sup = SignIn("sup_a", "password-a3");
  httplib::MultipartFormDataItems items = {{"_csrf", sup.csrf, "", ""},
                                           {"file", *pdf, "x.pdf", "application/pdf"}};
  EXPECT_EQ(Client().Post(edit + "/attachments", {{"Cookie", sup.cookie}}, items)->status, 403);
}

}  // namespace
}  // namespace gongkai::web
