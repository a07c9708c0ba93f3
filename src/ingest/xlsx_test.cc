#include "ingest/xlsx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>

namespace gongkai {
namespace {

// A ZIP in memory holding `entries` (name → content), deflated, made with libzip.
std::string Zip(const std::map<std::string, std::string>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(archive);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<size_t>(size), '\0');
  zip_source_read(buffer, out.data(), size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

const std::string kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="登记簿" sheetId="1" r:id="rId3"/><sheet name="说明" sheetId="2" r:id="rId1"/></sheets></workbook>)";
const std::string kRels =
    R"(<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Target="worksheets/sheet1.xml"/></Relationships>)";
const std::string kStrings =
    R"(<sst><si><t>名称</t></si><si><r><t>公开</t></r><r><t xml:space="preserve">渠道</t></r></si><si><t>A&amp;B</t><rPh><t>ピン</t></rPh></si></sst>)";
const std::string kSheet =
    R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="2"/><row r="4"><c r="A4" t="inlineStr"><is><t>关于&lt;通知&gt;</t></is></c><c r="B4"><v>45292</v></c><c r="C4" t="s"><v>2</v></c><c r="D4" t="b"><v>1</v></c></row></sheetData></worksheet>)";

TEST(XlsxTest, FirstSheetByRelationshipWithSharedAndInlineStrings) {
  std::string bytes = Zip({{"xl/workbook.xml", kWorkbook},
                           {"xl/_rels/workbook.xml.rels", kRels},
                           {"xl/sharedStrings.xml", kStrings},
                           {"xl/worksheets/sheet1.xml", kSheet},
                           {"xl/worksheets/sheet2.xml", "<worksheet/>"}});
  auto rows = ReadFirstWorksheet(bytes, "a.xlsx");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);  // the empty row 2 is dropped
  EXPECT_EQ((*rows)[0].number, 1);
  EXPECT_EQ((*rows)[0].cells, (std::vector<std::string>{"名称", "", "公开渠道"}));
  EXPECT_EQ((*rows)[1].number, 4);
  EXPECT_EQ((*rows)[1].cells, (std::vector<std::string>{"关于<通知>", "45292", "A&B", "TRUE"}));
}

TEST(XlsxTest, DamagedInputIsRefusedNamingTheFile) {
  struct Case {
    std::string bytes;
    const char* expected;
  } cases[] = {
      {"not a zip", "不是 ZIP 格式"},
      {Zip({{"word/document.xml", "<w/>"}}), "缺少 xl/workbook.xml"},
      {Zip({{"xl/workbook.xml", "<workbook/>"},
            {"xl/worksheets/sheet1.xml",
             R"(<worksheet><row r="3"><c r="A3" t="s"><v>7</v></c></row></worksheet>)"}}),
       "单元格 A3 引用的共享字符串不存在"},
      {Zip({{"xl/workbook.xml", "<workbook/>"},
            {"xl/worksheets/sheet1.xml",
             R"(<worksheet><row r="3"><c r="3A"/></row></worksheet>)"}}),
       "单元格引用“3A”无效"},
  };
  for (const Case& c : cases) {
    auto rows = ReadFirstWorksheet(c.bytes, "bad.xlsx");
    ASSERT_FALSE(rows.ok()) << c.expected;
    EXPECT_NE(rows.status().message().find("bad.xlsx"), std::string::npos);
    EXPECT_NE(rows.status().message().find(c.expected), std::string::npos)
        << rows.status().message();
  }
}

TEST(XlsxTest, AnEntryOverTheLimitIsRefused) {
  // A few hundred kilobytes deflated, over the limit when inflated: a zip bomb.
  std::string huge(kMaxXlsxEntryBytes + 1, 'a');
  std::string bytes = Zip({{"xl/workbook.xml", "<workbook/>"}, {"xl/worksheets/sheet1.xml", huge}});
  ASSERT_LT(bytes.size(), kMaxXlsxEntryBytes / 50);
  auto rows = ReadFirstWorksheet(bytes, "bomb.xlsx");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.status().message().find("解压后超过"), std::string::npos)
      << rows.status().message();
}

}  // namespace
}  // namespace gongkai
