#include "web/url.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(UrlTest, PathSegmentsAreEncoded) {
  const struct {
    std::string_view in, out;
  } kCases[] = {
      {"art20.1", "art20.1"},
      {"2024/001?x#y%", "2024%2F001%3Fx%23y%25"},
      {"a b", "a%20b"},
      {"政", "%E6%94%BF"},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(EncodePathSegment(c.in), c.out) << c.in;
}

TEST(UrlTest, ChineseFileNameInContentDisposition) {
  // 附件.pdf: 附 = E9 99 84, 件 = E4 BB B6 (UTF-8, by hand).
  EXPECT_EQ(AttachmentDisposition("附件.pdf"),
            "attachment; filename=\"______.pdf\"; filename*=UTF-8''%E9%99%84%E4%BB%B6.pdf");
  EXPECT_EQ(AttachmentDisposition("a\"b;.txt"),
            "attachment; filename=\"a_b_.txt\"; filename*=UTF-8''a%22b%3B.txt");
}

}  // namespace
}  // namespace gongkai::web
