// Test support for publications_test: dates from text and the shipped national calendar.
// Header-only; only *_test.cc include it.

#ifndef GONGKAI_PUBLICATIONS_TESTING_H_
#define GONGKAI_PUBLICATIONS_TESTING_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "util/date.h"

namespace gongkai::testing_publications {

inline Date D(const char* s) {
  Result<Date> d = ParseDate(s);
  EXPECT_TRUE(d.ok()) << s;
  return d.ok() ? *d : Date{};
}

// The shipped national notices 2019–2026, loaded once.
inline const Calendar& NationalCalendar() {
  static const Calendar* cal = [] {
    std::vector<Notice> notices;
    for (int y = 2019; y <= 2026; ++y) {
      std::string path =
          std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/national/" + std::to_string(y) + ".cal";
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      Result<Notice> n = ParseNotice(ss.str(), path);
      EXPECT_TRUE(n.ok()) << n.status().message();
      notices.push_back(*n);
    }
    Result<Calendar> c = Calendar::Build(std::move(notices));
    EXPECT_TRUE(c.ok()) << c.status().message();
    return new Calendar(std::move(c).value());
  }();
  return *cal;
}

}  // namespace gongkai::testing_publications

#endif  // GONGKAI_PUBLICATIONS_TESTING_H_
