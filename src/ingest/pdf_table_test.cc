// Placing table B's numbers in their columns by the words' x positions (pdf_table.h), on
// hand-placed words: a header of seven columns, rows with blank cells, a row continued on the next
// page, and the cases that must leave the layout text alone.

#include "ingest/pdf_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai::ingest {
namespace {

constexpr double kHeight = 14;

// A word centred at x on the line at y.
PdfWord At(std::string text, double x, double y) {
  const double width = 10;
  return PdfWord{std::move(text), x - width / 2, y, width, kHeight};
}

// The header 自然人 … 总计 at x = 300, 330, …, 480 on the line at y = 100.
std::vector<PdfWord> Header() {
  std::vector<PdfWord> w;
  const char* names[] = {"自然人",       "商业企业", "科研机构", "社会公益组织",
                         "法律服务机构", "其他",     "总计"};
  for (int i = 0; i < 7; ++i) w.push_back(At(names[i], 300 + 30 * i, 100));
  return w;
}

TEST(PdfTableTest, FindsTheSevenColumnsFromTheHeader) {
  EXPECT_EQ(TableBColumns(Header()), (std::vector<double>{300, 330, 360, 390, 420, 450, 480}));
  std::vector<PdfWord> no_total = Header();
  no_total.pop_back();
  EXPECT_TRUE(TableBColumns(no_total).empty());
  std::vector<PdfWord> shuffled = Header();
  shuffled[0].x = 600;  // 自然人 right of 总计: not this table's header
  EXPECT_TRUE(TableBColumns(shuffled).empty());
}

TEST(PdfTableTest, NumbersGoToTheColumnsTheyStandUnder) {
  std::vector<PdfWord> w = Header();
  w.push_back(At("一、本年新收政府信息公开申请数量", 150, 130));
  w.push_back(At("21", 301, 130));
  w.push_back(At("4", 418, 130));
  w.push_back(At("25", 479, 130));
  w.push_back(At("二、上年结转政府信息公开申请数量", 150, 150));
  for (int i = 0; i < 7; ++i) w.push_back(At("0", 300 + 30 * i, 150));
  w.push_back(At("四、结转下年度继续办理", 150, 170));
  w.push_back(At("1", 300, 170));
  w.push_back(At("1", 480, 170));
  w.push_back(At("四、政府信息公开行政复议、行政诉讼情况", 150, 200));
  w.push_back(At("3", 300, 220));  // table C, after table B ended: layout text, not cells
  w.push_back(At("0", 330, 220));
  std::vector<double> columns;
  const auto text = TextWithTableCells(w, &columns);
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->find("一、本年新收政府信息公开申请数量\t21\t\t\t\t4\t\t25\n"), std::string::npos)
      << *text;
  EXPECT_NE(text->find("二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("四、结转下年度继续办理\t1\t\t\t\t\t\t1\n"), std::string::npos) << *text;
  EXPECT_EQ(text->find("3\t"), std::string::npos) << *text;
  EXPECT_NE(text->find("3  "), std::string::npos) << *text;  // a column gap as spaces
  EXPECT_TRUE(columns.empty());                              // the table ended on this page
}

TEST(PdfTableTest, ATableContinuedOnTheNextPageKeepsItsColumns) {
  std::vector<PdfWord> first = Header();
  first.push_back(At("一、本年新收政府信息公开申请数量", 150, 130));
  for (int i = 0; i < 7; ++i) first.push_back(At("1", 300 + 30 * i, 130));
  std::vector<double> columns;
  EXPECT_FALSE(TextWithTableCells(first, &columns).has_value());  // no blank cell: layout text
  EXPECT_EQ(columns.size(), 7u);
  const std::vector<PdfWord> second = {At("（七）总计", 150, 40), At("2", 360, 40),
                                       At("2", 480, 40)};
  const auto text = TextWithTableCells(second, &columns);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "（七）总计\t\t\t2\t\t\t\t2\n");
}

TEST(PdfTableTest, LeavesPagesItCannotPlaceAlone) {
  std::vector<double> none;
  EXPECT_FALSE(TextWithTableCells({At("正文", 100, 100), At("12", 300, 100)}, &none).has_value());
  std::vector<PdfWord> clash = Header();  // two numbers under one column: no guess
  clash.push_back(At("（一）予以公开", 150, 130));
  clash.push_back(At("1", 298, 130));
  clash.push_back(At("2", 303, 130));
  std::vector<double> columns;
  EXPECT_FALSE(TextWithTableCells(clash, &columns).has_value());
}

}  // namespace
}  // namespace gongkai::ingest
