#include "web/security.h"

#include <gtest/gtest.h>

#include "web/upload.h"

namespace gongkai::web {
namespace {

TEST(SecurityHeaders, AllPresent) {
  Response r;
  AddSecurityHeaders(r);
  auto csp = r.FindHeader("Content-Security-Policy");
  ASSERT_TRUE(csp);
  EXPECT_NE(csp->find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp->find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(r.FindHeader("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.FindHeader("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.FindHeader("Referrer-Policy"), "same-origin");
  EXPECT_EQ(r.FindHeader("Cache-Control"), "no-store");
  Response cached;
  cached.AddHeader("Cache-Control", "public, max-age=3600");
  AddSecurityHeaders(cached);
  EXPECT_EQ(cached.FindHeader("Cache-Control"), "public, max-age=3600");
}

TEST(CookieHeader, Flags) {
  EXPECT_EQ(CookieHeader("gk_session", "abc", false, -1),
            "gk_session=abc; Path=/; HttpOnly; SameSite=Lax");
  EXPECT_EQ(CookieHeader("gk_session", "abc", true, 3600),
            "gk_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure");
  EXPECT_EQ(CookieHeader("gk_session", "", false, 0),
            "gk_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

TEST(Tokens, RandomAndCompare) {
  std::string a = RandomToken(), b = RandomToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(TokensEqual(a, a));
  EXPECT_FALSE(TokensEqual(a, b));
  EXPECT_FALSE(TokensEqual("", ""));
  EXPECT_FALSE(TokensEqual(a, a.substr(1)));
}

TEST(RateLimiter, BurstThenRefill) {
  using namespace std::chrono_literals;
  RateLimiter limiter(3, 10s);
  auto t0 = RateLimiter::Clock::time_point{} + 1000s;
  EXPECT_EQ(limiter.Take("1.2.3.4", t0), 0);
  EXPECT_EQ(limiter.Take("1.2.3.4", t0), 0);
  EXPECT_EQ(limiter.Take("1.2.3.4", t0), 0);
  EXPECT_EQ(limiter.Take("1.2.3.4", t0), 10);      // empty: one token in 10 s
  EXPECT_EQ(limiter.Take("5.6.7.8", t0), 0);       // another client has its own bucket
  EXPECT_EQ(limiter.Take("1.2.3.4", t0 + 4s), 6);  // 0.4 tokens so far
  EXPECT_EQ(limiter.Take("1.2.3.4", t0 + 10s), 0);
  EXPECT_GT(limiter.Take("1.2.3.4", t0 + 10s), 0);
  EXPECT_EQ(limiter.Take("1.2.3.4", t0 + 1000s), 0);  // refilled, capped at the burst
  EXPECT_EQ(limiter.Take("1.2.3.4", t0 + 1000s), 0);
  EXPECT_EQ(limiter.Take("1.2.3.4", t0 + 1000s), 0);
  EXPECT_GT(limiter.Take("1.2.3.4", t0 + 1000s), 0);
}

TEST(Upload, DetectsByContentNotName) {
  struct Case {
    std::string bytes;
    std::optional<UploadKind> kind;
  } cases[] = {
      {"%PDF-1.7\n...", UploadKind::kPdf},
      {std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10), UploadKind::kJpeg},
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), UploadKind::kPng},
      {"<html><script>alert(1)</script>", std::nullopt},
      {"GIF89a", std::nullopt},
      {"%PD", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(DetectUploadKind(c.bytes), c.kind) << c.bytes;
  EXPECT_FALSE(CheckUpload("").ok());
  EXPECT_FALSE(CheckUpload("MZ\x90").ok());
  EXPECT_FALSE(CheckUpload("%PDF-" + std::string(kMaxUploadBytes, 'x')).ok());
}

TEST(UploadStore, SavesUnderRandomNamesAndRefusesTraversal) {
  std::string dir = ::testing::TempDir() + "/gk_uploads_test";
  UploadStore store(dir);
  auto name = store.Save("%PDF-1.4 test");
  ASSERT_TRUE(name.ok()) << name.status().message();
  EXPECT_EQ(name->size(), 64u + 4u);
  EXPECT_TRUE(name->ends_with(".pdf"));
  auto other = store.Save("%PDF-1.4 test");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*name, *other);
  auto back = store.Read(*name);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "%PDF-1.4 test");
  EXPECT_FALSE(store.Read("../../etc/passwd").ok());
  EXPECT_FALSE(store.Read(std::string(64, 'a') + ".exe").ok());
  EXPECT_FALSE(store.Save("#!/bin/sh").ok());
}

}  // namespace
}  // namespace gongkai::web
