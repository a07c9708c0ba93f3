// `gongkai publications` as an office uses it: import the fixture register, refuse a bad file
// naming its line and field without changing anything, print the year's figures as JSON (which
// must equal the hand count in tests/fixtures/publications/expected.json), and export and
// re-import the register unchanged. Each step runs the real binary in a child process.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_binary_test_util.h"
#include "docs/zip_writer.h"

namespace gongkai::cli {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/publications";

class PublicationsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("gk_pub_cli_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "register.db").string();
    Outcome added = Gongkai("agencies add --name 示例县人民政府 --kind government " + Db());
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db() const { return "--db " + Quote(db_); }
  std::string Path(const std::string& name) const { return Quote((dir_ / name).string()); }

  fs::path dir_;
  std::string db_;
};

TEST_F(PublicationsCommandTest, ImportRefuseStatsAndExportRoundTrip) {
  Outcome imported =
      Gongkai("publications import " + Quote((kFixtures / "register.jsonl").string()) + " " + Db());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("已导入 420 条"), std::string::npos) << imported.out;

  // Line 2 has a kind the format does not know: the file is refused whole, naming the line, the
  // field and the allowed values, and the register still holds exactly 420 items.
  std::ofstream(dir_ / "bad.jsonl")
      << R"({"title":"甲","publisher":"p","summary":"s","kind":"other","category":"art20.2","created":"2025-01-02","status":"in_force"})"
      << "\n"
      << R"({"title":"乙","publisher":"p","summary":"s","kind":"law","category":"art20.2","created":"2025-01-02","status":"in_force"})"
      << "\n";
  Outcome refused = Gongkai("publications import " + Path("bad.jsonl") + " " + Db());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("bad.jsonl:2: 字段 kind：“law”无法识别（可选值：regulation | "
                             "normative_document | other）"),
            std::string::npos)
      << refused.err;
  Outcome exported = Gongkai("publications export -o " + Path("out.jsonl") + " " + Db());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::ifstream in(dir_ / "out.jsonl");
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  EXPECT_EQ(lines, 420);

  const nlohmann::json expected = nlohmann::json::parse(ReadAll(kFixtures / "expected.json"));
  for (const char* year : {"2023", "2024"}) {
    Outcome stats = Gongkai(std::string("publications stats --json --year ") + year + " " + Db());
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    const nlohmann::json j = nlohmann::json::parse(stats.out);
    const nlohmann::json& e = expected["years"][year];
    EXPECT_EQ(j["late"], e["late"]) << year;
    EXPECT_EQ(j["created"], e["created"]) << year;
    EXPECT_EQ(j["published"], e["published"]) << year;
    EXPECT_EQ(j["table_two"], e["table_two"]) << year;
  }

  // The export, imported into a fresh register, exports again byte for byte the same.
  const std::string other = (dir_ / "copy.db").string();
  ASSERT_EQ(Gongkai("agencies add --name 示例县人民政府 --kind government --db " + Quote(other))
                .exit_code,
            0);
  Outcome reimported =
      Gongkai("publications import " + Path("out.jsonl") + " --db " + Quote(other));
  ASSERT_EQ(reimported.exit_code, 0) << reimported.err;
  Outcome again = Gongkai("publications export --db " + Quote(other));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, ReadAll(dir_ / "out.jsonl"));

  Outcome csv = Gongkai("publications export --format csv " + Db());
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_TRUE(csv.out.starts_with("\xEF\xBB\xBFindex_no,title,doc_no,publisher,"));
}

TEST_F(PublicationsCommandTest, CsvImportNamesTheCellAndDueExplains) {
  std::ofstream(dir_ / "bad.csv") << "名称,发布机构,内容概述,信息类别,主题分类,生成日期,有效性\n"
                                  << "甲,某局,概述,其他政府信息,art20.2,2024-09-20,有效\n"
                                  << "乙,某局,概述,其他政府信息,art20.2,2024-13-01,有效\n";
  Outcome refused = Gongkai("publications import " + Path("bad.csv") + " " + Db());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("第 3 行 F 列（created）：“2024-13-01”不是日期"), std::string::npos)
      << refused.err;

  std::ofstream(dir_ / "good.csv") << "名称,发布机构,内容概述,信息类别,主题分类,生成日期,有效性\n"
                                   << "甲,某局,概述,其他政府信息,art20.2,2024-09-20,有效\n";
  ASSERT_EQ(Gongkai("publications import " + Path("good.csv") + " " + Db()).exit_code, 0);
  Outcome due = Gongkai("publications due --as-of 2024-10-21 " + Db());
  ASSERT_EQ(due.exit_code, 0) << due.err;
  // Formed Friday 2024-09-20: the 20th working day, across National Day, is 2024-10-23.
  EXPECT_NE(due.out.find("即将到期 1 条"), std::string::npos) << due.out;
  EXPECT_NE(due.out.find("2024-10-23"), std::string::npos) << due.out;
  EXPECT_NE(due.out.find("国庆节"), std::string::npos) << due.out;
}

// An office's spreadsheet: the first worksheet, Chinese headers, shared strings. Row 3's kind is
// not a known value, so the file is refused naming cell D3; fixed, it imports.
TEST_F(PublicationsCommandTest, XlsxImportNamesTheCell) {
  auto workbook = [](const std::string& kind) {
    const std::string strings =
        "<sst><si><t>名称</t></si><si><t>发布机构</t></si><si><t>内容概述</t></si>"
        "<si><t>信息类别</t></si><si><t>主题分类</t></si><si><t>生成日期</t></si>"
        "<si><t>有效性</t></si><si><t>公开渠道</t></si><si><t>县财政预算</t></si>"
        "<si><t>县财政局</t></si><si><t>2024年预算</t></si><si><t>" +
        kind + "</t></si><si><t>政府网站、政府公报</t></si></sst>";
    auto s = [](const char* ref, int i) {
      return std::string("<c r=\"") + ref + "\" t=\"s\"><v>" + std::to_string(i) + "</v></c>";
    };
    auto t = [](const char* ref, const char* text) {
      return std::string("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    };
    const std::string sheet =
        "<worksheet><sheetData><row r=\"1\">" + s("A1", 0) + s("B1", 1) + s("C1", 2) + s("D1", 3) +
        s("E1", 4) + s("F1", 5) + s("G1", 6) + s("H1", 7) + "</row><row r=\"3\">" + s("A3", 8) +
        s("B3", 9) + s("C3", 10) + s("D3", 11) + t("E3", "art20.7") + t("F3", "2024-01-05") +
        t("G3", "有效") + s("H3", 12) + "</row></sheetData></worksheet>";
    auto zip = ZipArchive({{"xl/workbook.xml",
                            "<workbook><sheets><sheet r:id=\"rId1\"/></sheets>"
                            "</workbook>"},
                           {"xl/_rels/workbook.xml.rels",
                            "<Relationships><Relationship Id=\"rId1\" "
                            "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                           {"xl/sharedStrings.xml", strings},
                           {"xl/worksheets/sheet1.xml", sheet}},
                          Date(std::chrono::year(2024), std::chrono::January, std::chrono::day(1)));
    EXPECT_TRUE(zip.ok());
    return zip.ok() ? *zip : std::string();
  };
  std::ofstream(dir_ / "bad.xlsx", std::ios::binary) << workbook("财政");
  Outcome refused = Gongkai("publications import " + Path("bad.xlsx") + " " + Db());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("第 3 行 D 列（kind）：“财政”无法识别"), std::string::npos)
      << refused.err;
  std::ofstream(dir_ / "good.xlsx", std::ios::binary) << workbook("其他政府信息");
  Outcome imported = Gongkai("publications import " + Path("good.xlsx") + " " + Db());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  Outcome exported = Gongkai("publications export " + Db());
  EXPECT_NE(
      exported.out.find(
          R"("title":"县财政预算","publisher":"县财政局","summary":"2024年预算","kind":"other","category":"art20.7","created":"2024-01-05","published":null,"status":"in_force","status_date":null,"channels":["website","gazette"])"),
      std::string::npos)
      << exported.out;
}

// The 基层政务公开标准目录 from the shell: a bad file is refused naming its row and column and
// leaves no catalogue; a good one imports; items filed under its rows (category local.N) are
// counted per row by `standard list --json`, as counted by hand below.
TEST_F(PublicationsCommandTest, StandardCatalogueImportAndList) {
  std::ofstream(dir_ / "bad.csv") << "序号,一级事项,公开层级\n1,财政预决算,省级\n";
  Outcome refused = Gongkai("publications standard import " + Path("bad.csv") + " " + Db());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("第 2 行 C 列（公开层级）：“省级”无法识别（可选值：县级、乡级）"),
            std::string::npos)
      << refused.err;
  Outcome none = Gongkai("publications standard list " + Db());
  EXPECT_NE(none.out.find("尚未导入"), std::string::npos) << none.out;

  std::ofstream(dir_ / "catalogue.csv") << "序号,一级事项,二级事项,公开时限,公开方式,公开层级\n"
                                           "1,财政预决算,部门预算,批准后20日内,主动,县级\n"
                                           "2,财政预决算,部门决算,批准后20日内,主动,县级\n"
                                           "3,社会救助,最低生活保障,实时,主动,县级、乡级\n";
  Outcome imported = Gongkai("publications standard import " + Path("catalogue.csv") + " " + Db());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("已导入基层政务公开标准目录 3 项"), std::string::npos);

  // Row 1: one item, published; row 2: one item, not published; row 3: none.
  std::ofstream(dir_ / "items.jsonl")
      << R"({"title":"部门预算","publisher":"p","summary":"s","kind":"other","category":"local.1","created":"2024-01-02","published":"2024-01-10","status":"in_force"})"
      << "\n"
      << R"({"title":"部门决算","publisher":"p","summary":"s","kind":"other","category":"local.2","created":"2024-01-02","status":"in_force"})"
      << "\n";
  Outcome items = Gongkai("publications import " + Path("items.jsonl") + " " + Db());
  ASSERT_EQ(items.exit_code, 0) << items.err;
  std::ofstream(dir_ / "stray.jsonl")
      << R"({"title":"无此事项","publisher":"p","summary":"s","kind":"other","category":"local.7","created":"2024-01-02","status":"in_force"})"
      << "\n";
  Outcome stray = Gongkai("publications import " + Path("stray.jsonl") + " " + Db());
  EXPECT_EQ(stray.exit_code, 1);
  EXPECT_NE(stray.err.find("local.7 不是本机关基层政务公开标准目录中的事项"), std::string::npos)
      << stray.err;

  Outcome listed = Gongkai("publications standard list --json " + Db());
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  nlohmann::json j = nlohmann::json::parse(listed.out);
  ASSERT_EQ(j["rows"].size(), 3u);
  EXPECT_EQ(j["rows"][0]["key"], "local.1");
  EXPECT_EQ(j["rows"][0]["items"], 1);
  EXPECT_EQ(j["rows"][0]["published"], 1);
  EXPECT_EQ(j["rows"][1]["items"], 1);
  EXPECT_EQ(j["rows"][1]["published"], 0);
  EXPECT_EQ(j["rows"][2]["items"], 0);
  EXPECT_EQ(j["rows"][2]["level"], nlohmann::json::array({"县级", "乡级"}));
  Outcome text = Gongkai("publications standard list " + Db());
  EXPECT_NE(text.err.find("共 3 项，其中 2 项尚无已公开信息"), std::string::npos) << text.err;
}

}  // namespace
}  // namespace gongkai::cli
