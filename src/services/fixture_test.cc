// The generated catalogue of tests/fixtures/services (generate.py): the stats and the quality
// findings of the pure layer equal the generator's hand counts at each counted date.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "services/change.h"
#include "services/jsonl.h"
#include "services/quality.h"
#include "services/stats.h"

namespace gongkai {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ServicesFixture, CountsAndFindingsEqualTheHandCounts) {
  auto items = ParseServicesJsonl(Slurp("tests/fixtures/services/catalogue.jsonl"), "catalogue");
  ASSERT_TRUE(items.ok()) << items.status().message();
  auto reference_items =
      ParseServicesJsonl(Slurp("tests/fixtures/services/reference.jsonl"), "reference");
  ASSERT_TRUE(reference_items.ok()) << reference_items.status().message();
  std::vector<CatalogueEntry> reference;
  for (const ServiceItem& r : *reference_items) reference.push_back({r.code, r.name});
  auto expected = nlohmann::json::parse(Slurp("tests/fixtures/services/expected.json"));
  ASSERT_EQ(items->size(), expected["rows"].get<size_t>());
  ASSERT_GT(items->size(), 1000u);
  for (const auto& [date_text, want] : expected["dates"].items()) {
    SCOPED_TRACE(date_text);
    Date date = *ParseDate(date_text);
    std::vector<ServiceItem> in_force;
    for (const ServiceItem& item : *items) {
      if (VersionInForce({&item, 1}, date)) in_force.push_back(item);
    }
    EXPECT_EQ(in_force.size(), want["rows"].get<size_t>());
    CatalogueStats stats = CountCatalogue(in_force, date);
    for (const char* level : {"main", "sub", "task"}) {
      EXPECT_EQ(stats.in_use[level], want["in_use"][level].get<int>()) << level;
    }
    EXPECT_EQ(stats.negative_list, want["negative_list"].get<int>());
    const auto& cp = want["cross_province"];
    EXPECT_EQ(stats.cross_province.total, cp["total"].get<int>());
    EXPECT_EQ(stats.cross_province.individual, cp["individual"].get<int>());
    EXPECT_EQ(stats.cross_province.legal_person, cp["legal_person"].get<int>());
    EXPECT_EQ(stats.cross_province.online, cp["online"].get<int>());
    EXPECT_EQ(stats.cross_province.proxy, cp["proxy"].get<int>());
    EXPECT_EQ(stats.cross_province.multi_site, cp["multi_site"].get<int>());
    std::map<std::string, std::map<std::string, int>> by_department = want["by_department"];
    EXPECT_EQ(stats.by_department, by_department);
    std::map<std::string, std::map<std::string, int>> by_type = want["by_type"];
    EXPECT_EQ(stats.by_type, by_type);

    std::vector<std::vector<std::string>> found, found_without_reference;
    for (const QualityFinding& f :
         CheckQuality(in_force, QualityOptions{expected["division_code"], reference})) {
      found.push_back({f.code, std::string(Key(f.rule))});
    }
    std::vector<std::vector<std::string>> want_findings = want["findings"];
    EXPECT_EQ(found, want_findings);
    std::erase_if(want_findings, [](const auto& f) {
      return f[1] == "not_in_catalogue" || f[1] == "name_differs";
    });
    for (const QualityFinding& f :
         CheckQuality(in_force, QualityOptions{expected["division_code"], {}})) {
      found_without_reference.push_back({f.code, std::string(Key(f.rule))});
    }
    EXPECT_EQ(found_without_reference, want_findings);
  }
}

}  // namespace
}  // namespace gongkai
