// The 基层政务公开标准目录 over a real server: a bad file is refused naming every bad row and
// column and changes nothing; an XLSX made here imports; items filed under its rows through the
// register's form are counted per row (by hand below) on the office page and on the public
// catalogue, whose filter by row lists exactly them; an item page shows its row; and a catalogue
// that would orphan an item is refused naming it.

#include "web/standard_catalogue_pages.h"

#include "docs/zip_writer.h"
#include "web/public_site_test_util.h"
#include "web/url.h"

namespace gongkai::web {
namespace {

using StandardCataloguePagesTest = PublicSiteTest;

// An XLSX workbook whose first worksheet holds `rows` as inline strings.
std::string Xlsx(const std::vector<std::vector<std::string>>& rows) {
  std::string sheet = "<worksheet><sheetData>";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    sheet += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      std::string ref = std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1);
      sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + rows[r][c] + "</t></is></c>";
    }
    sheet += "</row>";
  }
  sheet += "</sheetData></worksheet>";
  auto zip = ZipArchive(
      {{"xl/workbook.xml", "<workbook><sheets><sheet r:id=\"rId1\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
        "</Relationships>"},
       {"xl/worksheets/sheet1.xml", sheet}},
      Date(std::chrono::year(2024), std::chrono::January, std::chrono::day(1)));
  EXPECT_TRUE(zip.ok());
  return zip.ok() ? *zip : std::string();
}

httplib::Params Item(const std::string& title, const std::string& category,
                     const std::string& published) {
  return {{"title", title},         {"publisher", "甲区人民政府"}, {"summary", "内容概述"},
          {"kind", "other"},        {"category", category},        {"created", "2024-09-02"},
          {"published", published}, {"status", "in_force"},        {"channels", "website"}};
}

TEST_F(StandardCataloguePagesTest, ImportFileCountsAndBrowse) {
  const std::string agency = std::to_string(agency_a_);
  const std::string page = "/office/a/" + agency + "/standard-catalogue";
  const std::string register_base = "/office/a/" + agency + "/publications";
  Staff clerk = SignIn("clerk_a", "password-a1");
  auto upload = [&](const std::string& bytes, const std::string& name) {
    httplib::MultipartFormDataItems items = {
        {"_csrf", clerk.csrf, "", ""},
        {"file", bytes, name, "application/octet-stream"},
    };
    return Client().Post(page + "/import", {{"Cookie", clerk.cookie}}, items);
  };

  // Row 3 has a 公开方式 that is not one; row 4 repeats 序号 1: both named, nothing imported.
  auto refused = upload(
      "序号,一级事项,二级事项,公开方式\n1,财政预决算,部门预算,主动\n2,财政预决算,部门决算,随便\n"
      "1,社会救助,低保,主动\n",
      "目录.csv");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("第 3 行 D 列（公开方式）：“随便”无法识别"), std::string::npos)
      << refused->body;
  EXPECT_NE(refused->body.find("第 4 行 A 列（序号）：序号“1”与第 2 行重复"), std::string::npos)
      << refused->body;
  EXPECT_NE(GetAs(clerk, page)->body.find("尚未导入基层政务公开标准目录"), std::string::npos);

  auto imported =
      upload(Xlsx({{"序号", "公开事项（一级事项）", "公开事项（二级事项）", "公开时限", "公开方式"},
                   {"1", "财政预决算", "部门预算", "批准后20日内", "主动"},
                   {"2", "", "部门决算", "批准后20日内", "主动"},
                   {"3", "社会救助", "最低生活保障", "实时", "主动、依申请"}}),
             "目录.xlsx");
  ASSERT_TRUE(imported);
  EXPECT_EQ(imported->status, 303) << imported->body;

  // Filed through the register's form. Today is 2024-10-14: two public items under row 1, one
  // under row 2 dated after today (not public), one under row 3 not published, one under Art. 20.
  for (const auto& [title, category, published] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"2024年部门预算", "local.1", "2024-09-20"},
           {"2024年部门预算调整", "local.1", "2024-10-01"},
           {"2023年部门决算", "local.2", "2024-10-20"},
           {"低保对象名单", "local.3", ""},
           {"体育场馆开放时间", "art20.12", "2024-09-20"}}) {
    auto created = PostAs(clerk, register_base + "/new", Item(title, category, published));
    ASSERT_TRUE(created);
    EXPECT_EQ(created->status, 303) << title << created->body;
  }
  auto unknown = PostAs(clerk, register_base + "/new", Item("无此事项", "local.9", ""));
  EXPECT_EQ(unknown->status, 422);
  EXPECT_NE(unknown->body.find("local.9 不是本机关基层政务公开标准目录中的事项"), std::string::npos)
      << unknown->body;

  // The office page: rows 2 and 3 have no public item; row 2 has one registered.
  auto office = GetAs(clerk, page);
  ASSERT_EQ(office->status, 200);
  EXPECT_NE(office->body.find("<strong id=\"empty-count\">2</strong>"), std::string::npos)
      << office->body;
  EXPECT_NE(office->body.find("<tr class=\"overdue\"><td>2</td><td>财政预决算 · 部门决算"),
            std::string::npos)
      << office->body;
  EXPECT_NE(office->body.find("<td>1</td><td><strong>尚无</strong></td>"), std::string::npos);

  // The public catalogue: the rows with their public counts, and the filter by row.
  auto c = Client();
  auto catalogue = c.Get("/catalogue/" + agency);
  ASSERT_EQ(catalogue->status, 200);
  const std::string body = catalogue->body;
  EXPECT_NE(body.find("<h2>基层政务公开标准目录</h2>"), std::string::npos) << body;
  EXPECT_NE(body.find(">部门预算</a> <span class=\"meta\">2</span>"), std::string::npos) << body;
  EXPECT_NE(body.find("2 部门决算 <span class=\"meta\">0</span>"), std::string::npos) << body;
  EXPECT_NE(body.find("3 最低生活保障 <span class=\"meta\">0</span>"), std::string::npos);
  auto filtered = c.Get("/catalogue/" + agency + "?category=" + EncodeQueryValue("local.1"));
  ASSERT_EQ(filtered->status, 200);
  EXPECT_NE(filtered->body.find("财政预决算 · 部门预算 · 共 2 条"), std::string::npos)
      << filtered->body;
  EXPECT_NE(filtered->body.find("2024年部门预算调整</a>"), std::string::npos);
  EXPECT_EQ(filtered->body.find("体育场馆开放时间</a>"), std::string::npos);
  std::string href = FirstMatch(filtered->body, "href=\"(/catalogue/[0-9]+/items/[0-9]+)\"");
  ASSERT_FALSE(href.empty());
  auto item = c.Get(href);
  EXPECT_NE(item->body.find("<dt>基层标准目录</dt><dd>第 1 项 财政预决算 · 部门预算"),
            std::string::npos)
      << item->body;
  EXPECT_NE(item->body.find("公开时限：批准后20日内"), std::string::npos);

  // A new catalogue without row 1 would orphan two items: refused naming them, nothing changed.
  auto orphaning = upload("序号,一级事项\n2,财政预决算\n3,社会救助\n", "新目录.csv");
  EXPECT_EQ(orphaning->status, 409);
  EXPECT_NE(orphaning->body.find("“2024年部门预算”：local.1"), std::string::npos)
      << orphaning->body;
  EXPECT_NE(GetAs(clerk, page)->body.find("目录共 <strong>3</strong> 项"), std::string::npos);

  // Another agency's clerk may not see it.
  Staff other = SignIn("clerk_b", "password-b1");
  EXPECT_EQ(GetAs(other, page)->status, 403);
}

}  // namespace
}  // namespace gongkai::web
