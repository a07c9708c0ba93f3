// Report JSON from outside (`gongkai check x.json`, `report export --from-json`) nested deeper
// than kMaxReportJsonDepth is refused before nlohmann parses it (issue 10).

#include <gtest/gtest.h>

#include <string>

#include "report/json.h"

namespace gongkai {
namespace {

TEST(ReportJsonLimitsTest, Nested100000Deep) {
  const std::string deep =
      "{\"format\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto got = ReportFromJson(deep, "deep.json");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("deep.json"), std::string::npos) << got.status().message();
  EXPECT_NE(got.status().message().find("32 层"), std::string::npos) << got.status().message();
}

}  // namespace
}  // namespace gongkai
