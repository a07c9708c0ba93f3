#include "store/duplicates.h"

#include <gtest/gtest.h>

#include "store/case_store.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

// A and B: the same ID number and the same request (spacing and punctuation differ), 12 days
// apart. C: the same again but 54 days after A (42 after B). D: another applicant. E: the same
// applicant asking something else. F: no ID number, same name and phone as G.
constexpr std::string_view kRegister =
    R"({"case":"A","type":"received","date":"2024-10-08","applicant_kind":"natural_person","channel":"internet","applicant_name":"张三","applicant_id_number":"11010519491231002X","items":["2024年老旧小区改造项目的批复"]}
{"case":"B","type":"received","date":"2024-10-20","applicant_kind":"natural_person","channel":"internet","applicant_name":"张三","applicant_id_number":"11010519491231002X","items":["2024年 老旧小区改造项目的批复。"]}
{"case":"C","type":"received","date":"2024-12-01","applicant_kind":"natural_person","channel":"internet","applicant_name":"张三","applicant_id_number":"11010519491231002X","items":["2024年老旧小区改造项目的批复"]}
{"case":"D","type":"received","date":"2024-10-09","applicant_kind":"natural_person","channel":"internet","applicant_name":"李四","applicant_id_number":"110105194912310021","items":["2024年老旧小区改造项目的批复"]}
{"case":"E","type":"received","date":"2024-10-10","applicant_kind":"natural_person","channel":"internet","applicant_name":"张三","applicant_id_number":"11010519491231002X","items":["道路维修计划"]}
{"case":"F","type":"received","date":"2024-10-10","applicant_kind":"natural_person","channel":"post_signed","applicant_name":"王五","applicant_phone":"13812345678","items":["道路维修计划"]}
{"case":"G","type":"received","date":"2024-10-11","applicant_kind":"natural_person","channel":"post_signed","applicant_name":"王五","applicant_phone":"13812345678","items":["道路维修计划"]}
)";

class DuplicatesTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    auto imported = CaseRegister(db(), calendars_).Import(kRegister, {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
  }

  std::vector<std::string> Of(const char* number) {
    auto found = FindLikelyDuplicates(db(), agency_, number);
    EXPECT_TRUE(found.ok()) << found.status().message();
    std::vector<std::string> out;
    if (found.ok()) {
      for (const auto& d : *found) out.push_back(d.number);
    }
    return out;
  }

  Calendars calendars_;
  int64_t agency_ = 0;
};

TEST_P(DuplicatesTest, SameApplicantSameRequestWithinThirtyDays) {
  EXPECT_EQ(Of("A"), std::vector<std::string>{"B"});
  EXPECT_EQ(Of("B"), std::vector<std::string>{"A"});
  EXPECT_TRUE(Of("C").empty());
  EXPECT_TRUE(Of("D").empty());
  EXPECT_TRUE(Of("E").empty());
  EXPECT_EQ(Of("F"), std::vector<std::string>{"G"});
  EXPECT_EQ(FindLikelyDuplicates(db(), agency_, "Z").status().code(), Status::Code::kNotFound);
}

TEST(NormalizedRequestTest, FoldsWidthAndDropsSpacesAndPunctuation) {
  EXPECT_EQ(NormalizedRequest("２０２４年 老旧，小区。（批复）"), "2024年老旧小区批复");
  EXPECT_EQ(NormalizedRequest(" \t，。"), "");
}

INSTANTIATE_TEST_SUITE_P(Backends, DuplicatesTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
