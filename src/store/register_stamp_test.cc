#include "store/register_stamp.h"

#include <gtest/gtest.h>

#include "store/agencies.h"
#include "store/case_store.h"
#include "store/records.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-03-04","applicant_kind":"natural_person","applicant_name":"张三丰","channel":"internet"}
{"case":"2024-002","type":"received","date":"2024-03-05","applicant_kind":"commercial","channel":"post_signed"}
)";

Date D(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d));
}

class RegisterStampTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().SetClock([] { return std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h; });
    auto imported = reg_.Import(kRegister, {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
    Agency other;
    other.name = "乙县人民政府";
    other.kind = AgencyKind::kGovernment;
    other_ = AddAgency(db(), other).value();
  }

  RegisterStamp Stamp(int year) {
    auto s = ReadRegisterStamp(db(), agency_, year);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? *s : RegisterStamp{};
  }

  Calendars calendars_;
  CaseRegister reg_{db(), calendars_};
  int64_t agency_ = 0, other_ = 0;
};

// Every input of the year's register report moves the stamp; reading twice does not.
TEST_P(RegisterStampTest, EachInputOfTheReportMovesTheStamp) {
  struct Change {
    std::string what;
    std::function<Status()> apply;
  } changes[] = {
      {"an event",
       [&] {
         Event e;
         e.case_number = "2024-001";
         e.type = EventType::kAnswered;
         e.date = D(2024, 3, 15);
         e.outcome = Outcome::kGranted;
         return reg_.AppendEvent(agency_, e, "test");
       }},
      {"an imported case",
       [&] {
         ImportOptions options;
         options.agency_id = agency_;
         auto r = reg_.Import(
             R"({"case":"2024-050","type":"received","date":"2024-06-03","applicant_kind":"research","channel":"fax"})"
             "\n",
             options);
         return r.ok() ? Status::Ok() : r.status();
       }},
      {"a 规章",
       [&] {
         return AddDocument(db(), agency_,
                            {PublicationKind::kRegulation, "甲府令〔2024〕1号", "办法",
                             D(2024, 2, 1), std::nullopt});
       }},
      {"the year's counts",
       [&] {
         return SetYearCounts(db(), agency_, 2024, {1, 0, 0, 0});
       }},
      {"the year's fees",
       [&] {
         return SetYearCounts(db(), agency_, 2024, {1, 0, 0, 100});
       }},
      {"the agency's settings",
       [&] {
         Exec("UPDATE agencies SET settings = '{\"start_day_is_day_zero\": true}' WHERE id = " +
              std::to_string(agency_));
         return Status::Ok();
       }},
  };
  for (const auto& change : changes) {
    RegisterStamp before = Stamp(2024);
    EXPECT_EQ(Stamp(2024), before) << change.what;
    Status s = change.apply();
    ASSERT_TRUE(s.ok()) << change.what << ": " << s.message();
    EXPECT_NE(Stamp(2024), before) << change.what;
  }
}

// What another year or another agency records leaves the stamp as it was.
TEST_P(RegisterStampTest, OtherYearsAndAgenciesLeaveItAlone) {
  RegisterStamp before = Stamp(2024);
  RegisterStamp before_2023 = Stamp(2023);
  ASSERT_TRUE(SetYearCounts(db(), agency_, 2023, {5, 5, 5, 500}).ok());
  ASSERT_TRUE(SetYearCounts(db(), other_, 2024, {5, 5, 5, 500}).ok());
  ASSERT_TRUE(AddDocument(db(), other_,
                          {PublicationKind::kRegulation, "乙府令〔2024〕1号", "办法", D(2024, 2, 1),
                           std::nullopt})
                  .ok());
  EXPECT_EQ(Stamp(2024), before);
  EXPECT_NE(Stamp(2023), before_2023);
}

TEST_P(RegisterStampTest, UnknownAgencyIsNotFound) {
  auto s = ReadRegisterStamp(db(), 999, 2024);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kNotFound);
  EXPECT_NE(s.status().message().find("999"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegisterStampTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
