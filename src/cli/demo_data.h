// The demo government for `gongkai serve --demo`: 平顶山市新华区人民政府 with some departments, a
// year of realistic sample cases (cases/sample.h) up to today, table-A records, and one staff
// sign-in per role. Seeding happens once: a database that already has the demo government is
// left as it is. The demo passwords are fixed and printed on the console — a demo database is
// never a real register.

#ifndef GONGKAI_CLI_DEMO_DATA_H_
#define GONGKAI_CLI_DEMO_DATA_H_

#include <string>
#include <vector>

#include "search/vocabulary.h"
#include "store/calendars.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai::cli {

struct DemoLogin {
  std::string name;
  std::string password;
  std::string role;    // Chinese label
  std::string agency;  // agency name
};

struct DemoResult {
  bool seeded = false;  // false: the demo data was already there
  int cases = 0;
  int publications = 0;  // items of the register of proactive disclosure
  std::vector<DemoLogin> logins;
};

// The name of the demo government.
inline constexpr std::string_view kDemoGovernment = "平顶山市新华区人民政府";

// Seeds the demo data as of `today` unless present, its published items indexed for search
// with `vocabulary`. Errors from the store pass through.
Result<DemoResult> SeedDemo(Database& db, Calendars& calendars, const SearchVocabulary& vocabulary,
                            Date today);

}  // namespace gongkai::cli

#endif  // GONGKAI_CLI_DEMO_DATA_H_
