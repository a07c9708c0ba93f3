#include "cli/demo_data.h"

#include <fmt/format.h>

#include "cases/events_jsonl.h"
#include "cases/sample.h"
#include "cli/demo_publications.h"
#include "cli/demo_services.h"
#include "store/agencies.h"
#include "store/case_store.h"
#include "store/records.h"
#include "store/users.h"

namespace gongkai::cli {

namespace {

struct DemoAgency {
  std::string_view name;
  int cases;  // sample cases over the last year
  uint64_t seed;
};

// The government first; its departments below it.
constexpr DemoAgency kDemoAgencies[] = {
    {kDemoGovernment, 120, 11},
    {"新华区政务服务和大数据管理局", 80, 12},
    {"新华区住房和城乡建设局", 90, 13},
    {"新华区教育体育局", 60, 14},
};

struct DemoUser {
  std::string_view name;
  std::string_view password;
  Role role;
  int agency;  // index into kDemoAgencies
};

constexpr DemoUser kDemoUsers[] = {
    {"admin", "demo-admin-2024", Role::kAdmin, 0},
    {"head", "demo-head-2024", Role::kHead, 0},
    {"clerk", "demo-clerk-2024", Role::kClerk, 1},
    {"supervisor", "demo-supervisor-2024", Role::kSupervisor, 0},
};

// A fictional 18-digit identity number with a valid GB 11643 check digit (region 410402 is
// 平顶山市新华区), so the office sees realistic but invented data.
std::string FakeIdNumber(uint64_t n) {
  std::string id = fmt::format("410402{:04d}{:02d}{:02d}{:03d}", 1960 + n % 40, 1 + n % 12,
                               1 + n % 28, n % 1000);
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  return id + "10X98765432"[sum % 11];
}

}  // namespace

Result<DemoResult> SeedDemo(Database& db, Calendars& calendars, const SearchVocabulary& vocabulary,
                            Date today) {
  DemoResult result;
  for (const auto& u : kDemoUsers) {
    result.logins.push_back({std::string(u.name), std::string(u.password),
                             std::string(Label(u.role)),
                             std::string(kDemoAgencies[u.agency].name)});
  }
  auto existing = ListAgencies(db);
  if (!existing.ok()) return existing.status();
  for (const auto& a : *existing) {
    if (a.name == kDemoGovernment) return result;
  }
  auto calendar = calendars.ForRegion("");
  if (!calendar.ok()) return calendar.status();

  std::vector<int64_t> ids;
  for (const auto& d : kDemoAgencies) {
    Agency agency;
    agency.name = std::string(d.name);
    agency.kind = ids.empty() ? AgencyKind::kGovernment : AgencyKind::kDepartment;
    if (!ids.empty()) agency.parent_id = ids.front();
    auto id = AddAgency(db, agency);
    if (!id.ok()) return id.status();
    ids.push_back(*id);
  }
  for (const auto& u : kDemoUsers) {
    auto user = AddUser(db, ids[u.agency], std::string(u.name), u.role, std::string(u.password));
    if (!user.ok()) return user.status();
  }

  CaseRegister cases(db, calendars);
  uint64_t person = 1;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    SampleOptions options;
    options.seed = kDemoAgencies[i].seed;
    options.count = kDemoAgencies[i].cases;
    options.first_receipt = AddDays(today, -365);
    options.last_receipt = today;
    options.as_of = today;
    auto histories = GenerateSampleCases(**calendar, options);
    std::vector<CaseEvents> file;
    for (auto& events : histories) {
      if (events.empty()) continue;
      Event& received = events.front();
      received.extra["applicant_id_type"] = "resident_id";
      received.extra["applicant_id_number"] = FakeIdNumber(person * 7919);
      received.extra["applicant_phone"] = fmt::format("1380375{:04d}", person % 10000);
      received.extra["applicant_address"] =
          "河南省平顶山市新华区示例路" + std::to_string(person) + "号";
      ++person;
      CaseEvents c;
      c.case_number = events.front().case_number;
      c.events = std::move(events);
      file.push_back(std::move(c));
    }
    ImportOptions import;
    import.agency_id = ids[i];
    import.actor = "demo";
    auto imported = cases.Import(CasesToJsonl(file), import);
    if (!imported.ok()) {
      return imported.status().WithContext(
          fmt::format("导入演示案件（{}）：", kDemoAgencies[i].name));
    }
    result.cases += imported->cases;

    // Table A: a few normative documents and the year's decision counts.
    int year = static_cast<int>(today.year());
    for (int n = 1; n <= 3; ++n) {
      StoredDocument doc;
      doc.kind = PublicationKind::kNormativeDocument;
      doc.number = fmt::format("新华政〔{}〕{}号", year - 1, n + static_cast<int>(i) * 10);
      doc.title = fmt::format("关于印发示例管理办法（第{}号）的通知", n);
      doc.issued = Date{std::chrono::year(year - 1),
                        std::chrono::month(static_cast<unsigned>(2 + 3 * n)), std::chrono::day(10)};
      Status s = AddDocument(db, ids[i], doc);
      if (!s.ok()) return s;
    }
    for (int y : {year - 1, year}) {
      YearDecisionCounts counts;
      counts.licensing = 120 + static_cast<int>(i) * 35;
      counts.punishment = 14 + static_cast<int>(i) * 3;
      counts.enforcement = static_cast<int>(i);
      counts.fees_collected_fen = 0;
      Status s = SetYearCounts(db, ids[i], y, counts);
      if (!s.ok()) return s;
    }
  }
  auto published = SeedDemoPublications(db, vocabulary, ids.front(), kDemoGovernment, today);
  if (!published.ok()) return published.status();
  result.publications = *published;
  auto services = SeedDemoServices(db, ids.front(), today);
  if (!services.ok()) return services.status();
  result.seeded = true;
  return result;
}

}  // namespace gongkai::cli
