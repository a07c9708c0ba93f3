#include "services/codes.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

// Check characters worked by hand with GB 32100 §4 (weights 1,3,9,…,28; mod 31).
TEST(Codes, CreditCodeCheckCharacter) {
  struct Case {
    const char* code;
    bool valid;
  } cases[] = {
      {"115113010833722043", true},  // the spec's 实施编码 example
      {"91350100M000100Y43", true},  // the standard's worked example
      {"91110000802100433B", true},
      {"11100000000013127D", true},
      {"115113010833722044", false},  // check character off by one
      {"91350100M000100Y4", false},   // 17 characters
      {"91350100M000100I43", false},  // I is not in the alphabet
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsValidCreditCode(c.code), c.valid) << c.code;
}

TEST(Codes, SplitFindsTheEmbeddedParts) {
  CodeParts p = SplitItemCode("511A0138000000-511602000000-000-115113010833722043-1-00");
  ASSERT_TRUE(p.credit_code && p.division);
  EXPECT_EQ(*p.credit_code, "115113010833722043");
  EXPECT_EQ(*p.division, "511602000000");
  CodeParts none = SplitItemCode("00016421300301");
  EXPECT_FALSE(none.credit_code);
  EXPECT_FALSE(none.division);
}

TEST(Codes, CheckNamesWhatIsWrong) {
  const char* good = "511A0138000000-511602000000-000-115113010833722043-1-00";
  EXPECT_TRUE(CheckItemCode(good, "511602000000").ok());
  EXPECT_TRUE(CheckItemCode(good, "511602").ok());
  EXPECT_TRUE(CheckItemCode(good, "511600").ok());            // the city contains the district
  EXPECT_TRUE(CheckItemCode(good, "").ok());                  // no division set: not checked
  EXPECT_TRUE(CheckItemCode("000164213003", "110000").ok());  // nothing embedded
  Status other = CheckItemCode(good, "511603000000");
  EXPECT_EQ(other.code(), Status::Code::kInvalidInput);
  EXPECT_NE(other.message().find("511602000000"), std::string::npos) << other.message();
  Status check = CheckItemCode("511A0138000000-511602000000-000-115113010833722044-1-00", "");
  EXPECT_EQ(check.code(), Status::Code::kInvalidInput);
  EXPECT_NE(check.message().find("应为 3"), std::string::npos) << check.message();
}

}  // namespace
}  // namespace gongkai
