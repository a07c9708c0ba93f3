#include "web/form.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(PercentDecode, Cases) {
  struct Case {
    std::string_view in;
    bool plus;
    std::string_view want;
  } cases[] = {
      {"", true, ""},
      {"abc", true, "abc"},
      {"a+b", true, "a b"},
      {"a+b", false, "a+b"},
      {"%E4%B8%AD%e6%96%87", true, "中文"},
      {"100%25", true, "100%"},
      {"%2B", true, "+"},
  };
  for (const auto& c : cases) {
    auto r = PercentDecode(c.in, c.plus);
    ASSERT_TRUE(r.ok()) << c.in;
    EXPECT_EQ(*r, c.want) << c.in;
  }
  for (std::string_view bad : {"%", "%4", "a%zz", "%G0", "abc%"}) {
    EXPECT_FALSE(PercentDecode(bad, true).ok()) << bad;
  }
}

TEST(ParseUrlEncoded, FieldsAndRepeats) {
  auto f = ParseUrlEncoded("name=%E5%BC%A0%E4%B8%89&kind=natural_person&x&&tag=a&tag=b&empty=");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->Get("name"), "张三");
  EXPECT_EQ(f->Get("kind"), "natural_person");
  EXPECT_TRUE(f->Has("x"));
  EXPECT_EQ(f->Get("x"), "");
  EXPECT_EQ(f->Get("missing"), "");
  EXPECT_FALSE(f->Has("missing"));
  EXPECT_EQ(f->GetAll("tag"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_TRUE(f->Has("empty"));
}

TEST(ParseUrlEncoded, Rejects) {
  EXPECT_FALSE(ParseUrlEncoded("a=%ZZ").ok());
  std::string many;
  for (std::size_t i = 0; i <= kMaxFormFields; ++i) many += "f=1&";
  auto r = ParseUrlEncoded(many);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("过多"), std::string::npos);
}

TEST(ParseCookies, Cases) {
  auto c = ParseCookies("gk_session=abc; gk_csrf=\"def\";bad; =x;  theme = dark ; gk_session=2");
  EXPECT_EQ(c.size(), 3u);
  EXPECT_EQ(c["gk_session"], "abc");  // the first occurrence wins
  EXPECT_EQ(c["gk_csrf"], "def");
  EXPECT_EQ(c["theme"], "dark");
  EXPECT_TRUE(ParseCookies("").empty());
  EXPECT_TRUE(ParseCookies(";;;").empty());
}

TEST(MultipartBoundary, Cases) {
  auto b = MultipartBoundary("multipart/form-data; boundary=----WebKitFormBoundaryX");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, "----WebKitFormBoundaryX");
  auto q = MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(*q, "a b");
  for (std::string_view bad :
       {"application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; x=1",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=12345678901234567890123456789012345678901234567890123456789"
        "012345678901"}) {
    EXPECT_FALSE(MultipartBoundary(bad).ok()) << bad;
  }
}

TEST(ParseMultipart, TextAndFileParts) {
  std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"name\"\r\n\r\n"
      "张三\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"id_proof\"; filename=\"id.png\"\r\n"
      "Content-Type: image/png\r\n\r\n"
      "\x89PNG\r\n\x1A\n--not-the-boundary\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"empty_file\"; filename=\"\"\r\n\r\n"
      "\r\n"
      "--XyZ--\r\n";
  auto parts = ParseMultipart(body, "XyZ");
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "name");
  EXPECT_EQ((*parts)[0].data, "张三");
  EXPECT_FALSE((*parts)[0].filename.has_value());
  EXPECT_EQ((*parts)[1].name, "id_proof");
  EXPECT_EQ((*parts)[1].filename, "id.png");
  EXPECT_EQ((*parts)[1].content_type, "image/png");
  EXPECT_EQ((*parts)[1].data, "\x89PNG\r\n\x1A\n--not-the-boundary");
  EXPECT_EQ((*parts)[2].filename, "");
  EXPECT_EQ((*parts)[2].data, "");
}

TEST(ParseMultipart, Rejects) {
  struct Case {
    std::string_view body;
    std::string_view why;
  } cases[] = {
      {"", "empty"},
      {"garbage", "no leading boundary"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "no closing boundary"},
      {"--XyZ\r\nContent-Disposition: form-data\r\n\r\nv\r\n--XyZ--", "no name"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"a\"", "headers not terminated"},
      {"--XyZxx", "junk after the boundary"},
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(ParseMultipart(c.body, "XyZ").ok()) << c.why;
  }
  EXPECT_TRUE(ParseMultipart("--XyZ--", "XyZ").ok());
}

}  // namespace
}  // namespace gongkai::web
