#include "docs/service_lists.h"

#include <gtest/gtest.h>

#include "docs/zip_test_util.h"

namespace gongkai {
namespace {

using testing::ReadZip;
using testing::ZipMemberData;

ServiceItem Task(const std::string& code, const std::string& name) {
  ServiceItem i;
  i.code = code;
  i.name = name;
  i.department = "某区民政局";
  i.object = ServiceObject::kIndividual;
  return i;
}

ServiceItem Cross(const std::string& code, ServiceObject object,
                  std::set<CrossProvinceMode> modes) {
  ServiceItem i = Task(code, "跨省事项" + code);
  i.cross_province = CrossProvince{object, std::move(modes)};
  return i;
}

const std::string& Text(const DocTable& t, size_t row, size_t cell) {
  return t.rows[row][cell].text;
}

TEST(ServiceLists, TheNegativeListGivesTheReasonAndWhereItIsHandled) {
  ServiceItem secret = Task("A1", "涉密事项");
  secret.in_hall = false;
  secret.not_in_hall_reason = NotInHallReason::kSecret;
  secret.handled_at = "区保密局";
  ServiceItem other = Task("A2", "其他事项");
  other.type = ItemType::kPublicService;
  other.in_hall = false;
  other.not_in_hall_reason = NotInHallReason::kOther;
  other.not_in_hall_note = "需现场勘验";
  other.place = "区民政局三楼";
  const DocTable t = NegativeListTable({secret, other});
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(Text(t, 0, 5), "不进驻原因");
  EXPECT_EQ(Text(t, 1, 0), "1");
  EXPECT_EQ(Text(t, 1, 5), "涉密");
  EXPECT_EQ(Text(t, 1, 7), "区保密局");
  EXPECT_EQ(Text(t, 2, 4), "公共服务");
  EXPECT_EQ(Text(t, 2, 6), "需现场勘验");
  EXPECT_EQ(Text(t, 2, 7), "区民政局三楼");  // no other place named: its own
}

TEST(ServiceLists, TheCrossProvinceListSplitsIndividualsFromLegalPersonsWithAColumnPerMode) {
  using M = CrossProvinceMode;
  const std::vector<ServiceItem> items = {
      Cross("C1", ServiceObject::kLegalPerson, {M::kOnline}),
      Cross("C2", ServiceObject::kIndividual, {M::kProxy, M::kMultiSite}),
      Cross("C3", ServiceObject::kIndividual, {M::kOnline, M::kProxy}),
  };
  const DocTable t = CrossProvinceTable(items);
  // Two header rows, 一、 with 2 individuals, 二、 with 1 legal person.
  ASSERT_EQ(t.rows.size(), 2u + 1 + 2 + 1 + 1);
  EXPECT_EQ(Text(t, 1, 0), "全程网办");
  EXPECT_EQ(Text(t, 2, 0), "一、个人事项（2项）");
  EXPECT_EQ(Text(t, 3, 2), "C2");
  EXPECT_EQ(Text(t, 3, 4), "");
  EXPECT_EQ(Text(t, 3, 5), "√");
  EXPECT_EQ(Text(t, 3, 6), "√");
  EXPECT_EQ(Text(t, 4, 0), "2");
  EXPECT_EQ(Text(t, 4, 4), "√");
  EXPECT_EQ(Text(t, 5, 0), "二、法人事项（1项）");
  EXPECT_EQ(Text(t, 6, 0), "1");  // numbered afresh
  EXPECT_EQ(Text(t, 6, 2), "C1");
}

TEST(ServiceLists, TheWorkbooksHoldTheTitleDateAndRows) {
  const Date as_of = *ParseDate("2024-12-31");
  Result<std::string> xlsx = CrossProvinceListXlsx(
      "某区", {Cross("C9", ServiceObject::kIndividual, {CrossProvinceMode::kOnline})}, as_of);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  auto members = ReadZip(*xlsx);
  ASSERT_TRUE(members.has_value());
  const std::string strings = ZipMemberData(*members, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("某区“跨省通办”事项清单（截至2024年12月31日）"), std::string::npos);
  EXPECT_NE(strings.find("跨省事项C9"), std::string::npos);
  EXPECT_NE(strings.find("一、个人事项（1项）"), std::string::npos);
  EXPECT_NE(ZipMemberData(*members, "xl/workbook.xml").find("跨省通办"), std::string::npos);
  // The same lists on the same day give the same bytes.
  EXPECT_EQ(
      *xlsx,
      *CrossProvinceListXlsx(
          "某区", {Cross("C9", ServiceObject::kIndividual, {CrossProvinceMode::kOnline})}, as_of));

  Result<std::string> negative = NegativeListXlsx("某区", {}, as_of);
  ASSERT_TRUE(negative.ok());
  auto neg = ReadZip(*negative);
  ASSERT_TRUE(neg.has_value());
  EXPECT_NE(ZipMemberData(*neg, "xl/sharedStrings.xml").find("某区政务服务事项进驻大厅负面清单"),
            std::string::npos);
}

}  // namespace
}  // namespace gongkai
