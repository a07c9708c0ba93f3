// Test support for cases/ tests only (included by *_test.cc, never by the library): the national
// calendar built from the repository's data/calendar/national/*.cal, and a terse builder for
// events so a case history reads as one line per event.

#ifndef GONGKAI_CASES_TESTING_H_
#define GONGKAI_CASES_TESTING_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "calendar/calendar.h"
#include "cases/event.h"

namespace gongkai::testing {

// The national calendar 2019–2026 from the repository's data files; built once per process.
inline const Calendar& NationalCalendar() {
  static const Calendar calendar = [] {
    std::vector<Notice> notices;
    for (int year = 2019; year <= 2026; ++year) {
      std::string path = std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/national/" +
                         std::to_string(year) + ".cal";
      std::ifstream in(path);
      std::stringstream text;
      text << in.rdbuf();
      auto notice = ParseNotice(text.str(), path);
      if (!notice.ok()) ADD_FAILURE() << notice.status().message();
      if (notice.ok()) notices.push_back(*notice);
    }
    auto built = Calendar::Build(std::move(notices));
    if (!built.ok()) ADD_FAILURE() << built.status().message();
    return std::move(built).value();
  }();
  return calendar;
}

inline Date D(const char* s) {
  auto d = ParseDate(s);
  EXPECT_TRUE(d.ok()) << s;
  return d.ok() ? *d : Date{};
}

// Event builder: Ev(EventType::kAnswered, "2024-05-06").Outcome(Outcome::kGranted).
struct Ev {
  Event e;
  Ev(EventType type, const char* date, const char* case_number = "2024-001") {
    e.case_number = case_number;
    e.type = type;
    e.date = D(date);
    if (type == EventType::kReceived) {
      e.applicant_kind = ApplicantKind::kNaturalPerson;
      e.channel = Channel::kInternet;
    }
  }
  Ev& Kind(ApplicantKind k) { return e.applicant_kind = k, *this; }
  Ev& Via(Channel c) { return e.channel = c, *this; }
  Ev& Deadline(const char* d) { return e.deadline = D(d), *this; }
  Ev& Party(ConsultationParty p) { return e.party = p, *this; }
  Ev& Days(int n) { return e.working_days = n, *this; }
  Ev& Fee(int64_t fen) {
    e.method = "per_application";
    e.amount_fen = fen;
    return *this;
  }
  Ev& Result(Outcome o) { return e.outcome = o, *this; }
  Ev& Reason(WithdrawalReason r) { return e.reason = r, *this; }
  Ev& Decision(RemedyResult r) { return e.result = r, *this; }
  Ev& AfterReconsideration() { return e.after_reconsideration = true, *this; }
  Ev& Voids(int seq, const char* why) {
    e.voids = seq;
    e.void_reason = why;
    return *this;
  }
  operator Event() const { return e; }  // NOLINT: implicit so histories read as lists
};

}  // namespace gongkai::testing

#endif  // GONGKAI_CASES_TESTING_H_
