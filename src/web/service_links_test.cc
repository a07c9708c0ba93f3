#include "web/service_links.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(GuideLink, TheCodeIsOneEncodedSegmentAfterTheBase) {
  const struct {
    const char* base;
    const char* code;
    const char* link;
  } cases[] = {
      {"https://zw.example.cn", "00016421300301", "https://zw.example.cn/g/00016421300301"},
      {"https://zw.example.cn//", "A/B", "https://zw.example.cn/g/A%2FB"},
      {"http://127.0.0.1:8080", "办理 1?#", "http://127.0.0.1:8080/g/%E5%8A%9E%E7%90%86%201%3F%23"},
  };
  for (const auto& c : cases) EXPECT_EQ(GuideLink(c.base, c.code), c.link) << c.code;
}

TEST(CheckPublicUrl, AnHttpBaseWithAHostOnly) {
  for (const char* ok : {"https://zw.example.cn", "http://127.0.0.1:8080", "https://a.cn/zwfw/"}) {
    EXPECT_TRUE(CheckPublicUrl(ok).ok()) << ok;
  }
  for (const char* bad : {"", "zw.example.cn", "ftp://zw.example.cn", "https://", "https://:80",
                          "https://a.cn/?x=1", "https://a.cn/#top", "https://a b.cn"}) {
    EXPECT_EQ(CheckPublicUrl(bad).code(), Status::Code::kInvalidInput) << bad;
  }
}

}  // namespace
}  // namespace gongkai::web
