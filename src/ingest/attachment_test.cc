#include "ingest/attachment.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

// Inputs that must be refused, and what the message must say.
TEST(ReadAttachmentTest, RefusesWhatIsNotWhatItClaims) {
  struct Case {
    std::string bytes, name, expected;
  } cases[] = {
      {"", "a.pdf", "文件“a.pdf”是空的"},
      {"hello", "通知.pdf", "文件“通知.pdf”的扩展名是 PDF，但内容不是 PDF 文件"},
      {"PK\x03\x04garbage", "a.docx", "扩展名是 DOCX，但内容不是 DOCX 文件"},
      {"hello", "a.txt", "不是 PDF、DOCX 或 XLSX 文件"},
      {"%PDF-1.7\n", "a.docx", "扩展名是 DOCX，内容却是 PDF 文件"},
      {"%PDF-1.7\nbroken", "a.pdf", "a.pdf"},  // poppler cannot open it: named
  };
  for (const Case& c : cases) {
    auto got = ReadAttachment(c.bytes, c.name);
    ASSERT_FALSE(got.ok()) << c.name;
    EXPECT_EQ(got.status().code(), Status::Code::kInvalidInput) << c.name;
    EXPECT_NE(got.status().message().find(c.expected), std::string::npos)
        << c.name << " → " << got.status().message();
  }
}

}  // namespace
}  // namespace gongkai
