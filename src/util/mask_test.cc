#include "util/mask.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(Masks, KeepOnlyWhatIdentifiesNobody) {
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("欧阳修文"), "欧***");
  EXPECT_EQ(MaskName("张"), "张*");  // a one-character name still shows that it was masked
  EXPECT_EQ(MaskName(""), "");
  EXPECT_EQ(MaskIdNumber("110105194912311234"), "1101**********1234");
  EXPECT_EQ(MaskIdNumber("1234"), "****");
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskPhone("0375-2345678"), "037*****5678");
  EXPECT_EQ(MaskEmail("zhangsan@example.com"), "z*******@example.com");
  EXPECT_EQ(MaskEmail("@example.com"), "@***********");  // no local part: only 1 kept
  EXPECT_EQ(MaskAddress("河南省平顶山市新华区中兴路1号"), "河南省平顶山****");
  EXPECT_EQ(MaskAddress("新华区"), "新华区");
}

TEST(Masks, NeverSplitACharacter) {
  // A truncated three-byte sequence counts as one character per byte and is masked, not copied.
  const std::string broken = std::string("张") + "\xE4\xB8";
  EXPECT_EQ(MaskName(broken), "张**");
  EXPECT_EQ(MaskPhone("１３８１２３４５６７８"), "１３８****５６７８");
}

}  // namespace
}  // namespace gongkai
