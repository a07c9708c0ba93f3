#include "docs/hall_sheet.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "docs/print_test_util.h"

namespace gongkai {
namespace {

using testing::PdfText;

Date D(const char* s) { return *ParseDate(s); }

HallSheetGroup Group(const std::string& title, const std::string& prefix, int n) {
  HallSheetGroup g{title, {}};
  for (int i = 0; i < n; ++i) {
    const std::string code = prefix + std::to_string(100 + i);
    g.entries.push_back({"事项名称" + prefix + std::to_string(i), code,
                         "https://zwfw.example.gov.cn/g/" + code, D("2024-06-20")});
  }
  return g;
}

TEST(HallSheet, EveryCodeOnAPageDecodesToItsLinkUnderItsNameCodeAndDate) {
  ASSERT_TRUE(testing::HaveTool("zbarimg") && testing::HaveTool("pdftoppm"))
      << "zbar-tools and poppler-utils are needed (scripts/install-deps.sh test)";
  HallSheet sheet;
  sheet.title = "某市政务服务中心办事指南二维码";
  sheet.date = D("2024-12-01");
  // 11 entries: a full page of 9 and a page of 2; then a group of 3 starts its own page.
  sheet.groups = {Group("A区 1号窗口", "A", 11), Group("市民政局", "B", 3)};
  Result<std::string> pdf = WriteHallSheetPdf(sheet);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  ASSERT_EQ(testing::PdfPages(*pdf), 3);

  const struct {
    int page;
    const HallSheetGroup* group;
    size_t first, last;  // entries on the page
    const char* group_title;
    const char* page_of_group;
  } pages[] = {{1, &sheet.groups[0], 0, 9, "A区1号窗口", "（第1页）"},
               {2, &sheet.groups[0], 9, 11, "A区1号窗口", "（第2页）"},
               {3, &sheet.groups[1], 0, 3, "市民政局", "（第1页）"}};
  for (const auto& p : pages) {
    std::multiset<std::string> want;
    const std::string text = PdfText(*pdf, p.page);
    EXPECT_NE(text.find(p.group_title), std::string::npos) << text;
    EXPECT_NE(text.find(p.page_of_group), std::string::npos) << text;
    for (size_t i = p.first; i < p.last; ++i) {
      const HallSheetEntry& e = p.group->entries[i];
      want.insert(e.link);
      EXPECT_NE(text.find(e.name), std::string::npos) << e.name;
      EXPECT_NE(text.find(e.code), std::string::npos) << e.code;
    }
    // Each entry carries its date.
    size_t dates = 0;
    for (size_t at = text.find("更新于2024-06-20"); at != std::string::npos;
         at = text.find("更新于2024-06-20", at + 1)) {
      ++dates;
    }
    EXPECT_EQ(dates, p.last - p.first) << "page " << p.page;
    EXPECT_EQ(testing::DecodeQr(testing::PdfPagePng(*pdf, p.page, 150), ".png"), want)
        << "page " << p.page;
  }
}

TEST(HallSheet, RefusesAnEmptySheetAndALinkNoCodeHolds) {
  HallSheet empty;
  EXPECT_EQ(WriteHallSheetPdf(empty).status().code(), Status::Code::kInvalidInput);
  HallSheet bad;
  bad.groups = {Group("窗口", "C", 1)};
  bad.groups[0].entries[0].link = std::string(3000, 'x');
  Result<std::string> pdf = WriteHallSheetPdf(bad);
  ASSERT_FALSE(pdf.ok());
  EXPECT_NE(pdf.status().message().find("C100"), std::string::npos) << pdf.status().message();
}

}  // namespace
}  // namespace gongkai
