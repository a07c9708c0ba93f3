#include "web/router.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(MatchPattern, Cases) {
  struct Case {
    std::string_view pattern;
    std::string_view path;
    bool match;
    std::string_view id;  // the {id} parameter when matched
  } cases[] = {
      {"/", "/", true, ""},
      {"/", "/x", false, ""},
      {"/apply", "/apply", true, ""},
      {"/apply", "/apply/", false, ""},
      {"/apply", "/applyx", false, ""},
      {"/office/cases/{id}", "/office/cases/17", true, "17"},
      {"/office/cases/{id}", "/office/cases/", false, ""},
      {"/office/cases/{id}", "/office/cases/17/x", false, ""},
      {"/office/cases/{id}/events", "/office/cases/2024-001/events", true, "2024-001"},
      {"/reports/{id}", "/reports", false, ""},
  };
  for (const auto& c : cases) {
    std::map<std::string, std::string> params;
    EXPECT_EQ(MatchPattern(c.pattern, c.path, &params), c.match) << c.pattern << " " << c.path;
    if (c.match && !c.id.empty()) {
      EXPECT_EQ(params["id"], c.id) << c.path;
    }
  }
}

struct Ctx {};

TEST(Router, MethodsAndOrder) {
  auto ok = [](std::string body) {
    return [body](Ctx&, const Request&) {
      Response r;
      r.body = body;
      return r;
    };
  };
  Router<Ctx> router({
      {Method::kGet, "/cases/new", Access::kClerk, ok("new")},
      {Method::kGet, "/cases/{id}", Access::kClerk, ok("show")},
      {Method::kPost, "/cases/{id}", Access::kClerk, ok("update")},
  });
  Ctx ctx;
  Request req;
  auto m = router.Find(Method::kGet, "/cases/new");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler(ctx, req).body, "new");  // first match wins
  m = router.Find(Method::kPost, "/cases/9");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->handler(ctx, req).body, "update");
  EXPECT_EQ(m.params["id"], "9");
  m = router.Find(Method::kHead, "/cases/9");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Method::kGet);
  m = router.Find(Method::kPost, "/cases/new/x");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_FALSE(m.path_matched_other_method);
  Router<Ctx> get_only({{Method::kGet, "/a", Access::kPublic, ok("a")}});
  m = get_only.Find(Method::kPost, "/a");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_matched_other_method);
}

}  // namespace
}  // namespace gongkai::web
