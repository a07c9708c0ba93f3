#include "search/codes.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(ParseCodeTest, RecognisesCodesInEveryBracketAndWidth) {
  struct Case {
    const char* input;
    CodeKind kind;
    const char* canonical;
  } cases[] = {
      {"11100000000013338W/2024-00001", CodeKind::kIndexNumber, "11100000000013338W/2024-00001"},
      {" 11100000000013338w/2024-00001 ", CodeKind::kIndexNumber, "11100000000013338W/2024-00001"},
      {"１１１０００００００００１３３３８Ｗ／２０２４－００００１", CodeKind::kIndexNumber,
       "11100000000013338W/2024-00001"},
      {"国发〔2024〕12号", CodeKind::kDocumentNumber, "国发〔2024〕12号"},
      {"国发[2024]12号", CodeKind::kDocumentNumber, "国发〔2024〕12号"},
      {"国发(2024)12号", CodeKind::kDocumentNumber, "国发〔2024〕12号"},
      {"国发【2024】12号", CodeKind::kDocumentNumber, "国发〔2024〕12号"},
      {"国发（２０２４）１２号", CodeKind::kDocumentNumber, "国发〔2024〕12号"},
      {"國發〔2024〕12號", CodeKind::kDocumentNumber, "国发〔2024〕12号"},
      {"鄂政办发〔2023〕第012号", CodeKind::kDocumentNumber, "鄂政办发〔2023〕12号"},
      {"11440300MB2C92051X4440111009000", CodeKind::kItemCode, "11440300MB2C92051X4440111009000"},
      {"511a0138000000-511602000000-000-115113010833722043-1-00", CodeKind::kItemCode,
       "511A0138000000-511602000000-000-115113010833722043-1-00"},
      {"511A0138000000－511602000000", CodeKind::kItemCode, "511A0138000000-511602000000"},
  };
  for (const auto& c : cases) {
    auto code = ParseCode(c.input);
    ASSERT_TRUE(code.has_value()) << "input: " << c.input;
    EXPECT_EQ(code->kind, c.kind) << "input: " << c.input;
    EXPECT_EQ(code->code, c.canonical) << "input: " << c.input;
  }
}

TEST(ParseCodeTest, OrdinaryQueriesAreNotCodes) {
  for (const char* input : {"营业执照", "2024", "13812345678", "国发", "〔2024〕12号", "abc/2024-1",
                            "国发〔24〕12号", "国发〔2024〕号", "", "0830-12345678",
                            "-511A0138000000-511602", "511A0138000000--511602000000"}) {
    EXPECT_FALSE(ParseCode(input).has_value()) << "input: " << input;
  }
}

}  // namespace
}  // namespace gongkai
