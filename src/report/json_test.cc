#include "report/json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace gongkai {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/fixtures/reports/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TrimEnd(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

// The fixtures are written with one-space indentation; the round trip must reproduce each byte.
TEST(ReportJsonTest, RoundTripReproducesEveryFixture) {
  for (const char* name :
       {"000_xinhua-zhengwufuwu-dashuju-2023.expected.json", "003_pingtan-2021.expected.json",
        "007_huaian-hongze-qu-2023.expected.json", "012_suqian-shuyang-fagaiju-2023.expected.json",
        "013_suqian-shuyang-xian-2025.expected.json"}) {
    const std::string text = ReadFixture(name);
    ASSERT_FALSE(text.empty()) << name;
    Result<Report> report = ReportFromJson(text, name);
    ASSERT_TRUE(report.ok()) << name << ": " << report.status().message();
    EXPECT_EQ(ReportToJson(*report).dump(1), TrimEnd(text)) << name;
  }
}

TEST(ReportJsonTest, ReadsCellKindsAsStated) {
  Result<Report> r = ReportFromJson(R"({"format": "2019-trial", "agency": "某县人民政府",
      "year": 2020, "published": "2021-03-30",
      "section2": {"fees": {"items_last_year": 3, "change": -1}},
      "section3": {"new": {"natural_person": 12, "commercial": null, "research": "/",
                           "public_interest": "12件", "legal_service": "", "total": 12.5}},
      "sections": [{"number": 1, "title": "一、总体情况", "text": "共收到申请12件。"}],
      "uncertain_paths": ["section3.new.total"]})",
                                    "t.json");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, ReportFormat::k2019Trial);
  EXPECT_EQ(r->year, 2020);
  EXPECT_EQ(r->source, "t.json");
  ASSERT_TRUE(r->published.has_value());
  EXPECT_EQ(FormatDate(*r->published), "2021-03-30");
  EXPECT_EQ(r->section2.FindCell("fees", "change")->number, -1);
  const Row* row = r->section3.Find("new");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->Find("natural_person")->kind, Cell::Kind::kNumber);
  EXPECT_EQ(row->Find("commercial")->kind, Cell::Kind::kBlank);
  EXPECT_EQ(row->Find("research")->kind, Cell::Kind::kNotApplicable);
  EXPECT_EQ(row->Find("public_interest")->kind, Cell::Kind::kText);
  EXPECT_EQ(row->Find("public_interest")->raw, "12件");
  EXPECT_EQ(row->Find("legal_service")->kind, Cell::Kind::kBlank);
  EXPECT_EQ(row->Find("total")->number, 12.5);
  EXPECT_EQ(row->Find("other_org"), nullptr);  // absent stays absent
  ASSERT_EQ(r->sections.size(), 1u);
  EXPECT_EQ(r->sections[0].text, "共收到申请12件。");
  EXPECT_EQ(r->uncertain_paths, std::vector<std::string>{"section3.new.total"});

  // Written back: text and not-applicable keep their raw text, blanks become null, the
  // fractional number stays a decimal, and the optional keys come back in place.
  nlohmann::ordered_json j = ReportToJson(*r);
  EXPECT_EQ(j["section3"]["new"].dump(),
            R"({"natural_person":12,"commercial":null,"research":"/","public_interest":"12件",)"
            R"("legal_service":null,"total":12.5})");
  EXPECT_EQ(j["published"], "2021-03-30");
  EXPECT_EQ(j["sections"][0]["title"], "一、总体情况");
}

TEST(ReportJsonTest, RejectsBadDocumentsNamingThePath) {
  struct Case {
    const char* json;
    const char* message_part;
  };
  const Case kCases[] = {
      {R"({"format": "2021", "agency": "a", "year": 2023,)", "bad.json:1:"},
      {R"([1, 2])", "(top level): expected an object"},
      {R"({"agency": "a", "year": 2023})", "missing key \"format\""},
      {R"({"format": "2021", "year": 2023})", "missing key \"agency\""},
      {R"({"format": "2021", "agency": "a"})", "missing key \"year\""},
      {R"({"format": "2022", "agency": "a", "year": 2023})", "format: unknown format \"2022\""},
      {R"({"format": "2021", "agency": "a", "year": "2023"})", "year: expected the report year"},
      {R"({"format": "2021", "agency": 5, "year": 2023})",
       "agency: expected a string, found a number"},
      {R"({"format": "2021", "agency": "a", "year": 2023, "published": "2024-02-30"})",
       "published: "},
      {R"({"format": "2021", "agency": "a", "year": 2023, "section3": {"news": {}}})",
       "section3.news: unknown row key"},
      {R"({"format": "2021", "agency": "a", "year": 2023, "section3": {"new": {"totl": 1}}})",
       "section3.new.totl: unknown column key"},
      {R"({"format": "2021", "agency": "a", "year": 2023, "section3": {"new": {"total": true}}})",
       "section3.new.total: expected a number, null or a string, found a boolean"},
      {R"({"format": "2021", "agency": "a", "year": 2023, "section4": {"reconsideration": [1]}})",
       "section4.reconsideration: expected an object of cells"},
      {R"({"format": "2021", "agency": "a", "year": 2023, "sections": [{"number": 7}]})",
       "sections[0].number: expected a section number from 1 to 6"},
      {R"({"format": "2021", "agency": "a", "year": 2023, "uncertain_paths": [1]})",
       "uncertain_paths: expected an array of strings"},
      {R"({"format": "2021", "agency": "a", "year": 2023, "extra": 1})", "extra: unknown key"},
  };
  for (const Case& c : kCases) {
    Result<Report> r = ReportFromJson(c.json, "bad.json");
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput) << c.json;
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << c.json << " gave: " << r.status().message();
    EXPECT_EQ(r.status().message().rfind("bad.json", 0), 0u) << r.status().message();
  }
}

TEST(ReportJsonTest, MalformedJsonGivesLineAndColumn) {
  Result<Report> r = ReportFromJson("{\n  \"format\": \"2021\",\n  \"agency\" \"a\"\n}", "x.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().rfind("x.json:3:", 0), 0u) << r.status().message();
}

TEST(ReportJsonTest, FindingsCarryMessageInTheAskedLanguageAndKnownLocation) {
  Finding f;
  f.rule = "B-ROW-SUM";
  f.severity = Finding::Severity::kError;
  f.message_zh = "中文";
  f.message_en = "English";
  f.table = "section3";
  f.row = "new";
  f.column = "total";
  f.expected = "21";
  f.found = "20";
  f.pos = SourcePos{12, 5};
  Finding g;
  g.rule = "SECTIONS";
  g.severity = Finding::Severity::kWarning;
  g.message_zh = "缺";
  g.message_en = "missing";

  EXPECT_EQ(FindingsToJson({f, g}, "zh").dump(),
            R"([{"rule":"B-ROW-SUM","severity":"error","message":"中文","table":"section3",)"
            R"("row":"new","column":"total","expected":"21","found":"20","source_line":12,)"
            R"("source_column":5},{"rule":"SECTIONS","severity":"warning","message":"缺"}])");
  EXPECT_EQ(FindingsToJson({g}, "en")[0]["message"], "missing");
}

}  // namespace
}  // namespace gongkai
