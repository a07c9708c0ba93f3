#include "files/calendar_files.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "calendar/deadline.h"

namespace gongkai {
namespace {
namespace fs = std::filesystem;

Date D(const char* s) { return *ParseDate(s); }

// A scratch data directory, removed at the end of the test.
class TempData {
 public:
  TempData() {
    root_ = fs::temp_directory_path() /
            ("gongkai_files_test_" + std::to_string(::getpid()) + "_" + std::to_string(++n_));
    fs::create_directories(root_ / "calendar" / "national");
  }
  ~TempData() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel, std::ios::binary) << text;
  }
  const fs::path& root() const { return root_; }

 private:
  static inline int n_ = 0;
  fs::path root_;
};

TEST(DefaultDataDir, EnvironmentOverridesTheSourceTree) {
  ::unsetenv("GONGKAI_DATA_DIR");
  EXPECT_EQ(DefaultDataDir(), fs::path(GONGKAI_SOURCE_DIR) / "data");
  ::setenv("GONGKAI_DATA_DIR", "/srv/gongkai/data", 1);
  EXPECT_EQ(DefaultDataDir(), fs::path("/srv/gongkai/data"));
  ::setenv("GONGKAI_DATA_DIR", "", 1);
  EXPECT_EQ(DefaultDataDir(), fs::path(GONGKAI_SOURCE_DIR) / "data");
  ::unsetenv("GONGKAI_DATA_DIR");
}

TEST(ReadFile, ReadsBytesAndNamesMissingFiles) {
  TempData t;
  std::string bytes("第一行\n\0二", 12);
  t.Write("a.txt", bytes);
  Result<std::string> got = ReadFile(t.root() / "a.txt");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(*got, bytes);
  Result<std::string> missing = ReadFile(t.root() / "nope.cal");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("nope.cal"), std::string::npos);
  Result<std::string> dir = ReadFile(t.root());
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("不是普通文件"), std::string::npos);
}

TEST(LoadCalendar, LoadsTheShippedNationalCalendar) {
  Result<Calendar> cal = LoadCalendar(fs::path(GONGKAI_SOURCE_DIR) / "data");
  ASSERT_TRUE(cal.ok()) << cal.status().message();
  EXPECT_EQ(cal->first_year(), 2019);
  EXPECT_EQ(cal->last_year(), 2027);
  EXPECT_EQ(cal->last_published_year(), 2026);
  EXPECT_EQ(cal->national().back().provisional, "按《全国年节及纪念日放假办法》推算");
  EXPECT_TRUE(cal->local().empty());
  EXPECT_EQ(cal->national().front().source, "calendar/national/2019.cal");
  ASSERT_EQ(cal->national()[1].amendments.size(), 1u);
  EXPECT_EQ(cal->national()[1].amendments[0].number, "国办发明电〔2020〕1号");
}

TEST(LoadCalendar, HubeiCalendarShiftsADeadline) {
  fs::path data = fs::path(GONGKAI_SOURCE_DIR) / "data";
  Result<Calendar> national = LoadCalendar(data);
  Result<Calendar> hubei = LoadCalendar(data, "hubei");
  ASSERT_TRUE(national.ok()) << national.status().message();
  ASSERT_TRUE(hubei.ok()) << hubei.status().message();
  ASSERT_EQ(hubei->local().size(), 1u);
  EXPECT_EQ(hubei->local()[0].region, "湖北省");
  EXPECT_FALSE(hubei->local()[0].origin.empty());
  // Received 2020-01-20 (Mon). National: 01-21..23 (3), 01-24..02-02 春节 (extended),
  // 02-03..07 (8), 02-10..14 (13), 02-17..21 (18), 02-24 (19), 02-25 (20).
  // Hubei adds 02-03..13: 01-21..23 (3), 02-14 (4), 02-17..21 (9), 02-24..28 (14),
  // 03-02..06 (19), 03-09 (20).
  CaseSteps steps;
  steps.receipt = D("2020-01-20");
  Result<Deadlines> n = ComputeDeadlines(steps, *national, DeadlineSettings{}, D("2020-01-20"));
  Result<Deadlines> h = ComputeDeadlines(steps, *hubei, DeadlineSettings{}, D("2020-01-20"));
  ASSERT_TRUE(n.ok() && h.ok());
  EXPECT_EQ(FormatDate(*n->reply_due), "2020-02-25");
  EXPECT_EQ(FormatDate(*h->reply_due), "2020-03-09");
  bool named = false;
  for (const std::string& line : h->explanation) {
    named |= line.find("湖北省地方日历：跳过春节（湖北省延长假期）假期 2月3日至2月13日") !=
             std::string::npos;
  }
  EXPECT_TRUE(named);
}

TEST(LoadCalendar, ErrorsNameTheFile) {
  struct Case {
    std::vector<std::pair<std::string, std::string>> files;
    std::string region;
    const char* what;
  } cases[] = {
      {{}, "", "没有 .cal 文件"},
      {{{"calendar/national/2024.cal", "year 2024\nnotice N\noff 2024-02-30 春节\n"}},
       "",
       "calendar/national/2024.cal:3: 日期“2024-02-30”无效"},
      {{{"calendar/national/2024.cal", "year 2024\nnotice N\n"}}, "xizang", "没有地区“xizang”"},
      {{{"calendar/national/2024.cal", "year 2024\nnotice N\n"},
        {"calendar/local/x/2024.cal", "year 2024\nnotice N\n"}},
       "x",
       "calendar/local/x/2024.cal: 地方日历缺少 region 行"},
      {{{"calendar/national/2024.cal", "year 2024\nnotice N\n"},
        {"calendar/national/2026.cal", "year 2026\nnotice N\n"}},
       "",
       "缺少 2025 年"},
  };
  for (const Case& c : cases) {
    TempData t;
    for (const auto& [rel, text] : c.files) t.Write(rel, text);
    Result<Calendar> cal = LoadCalendar(t.root(), c.region);
    ASSERT_FALSE(cal.ok()) << c.what;
    EXPECT_NE(cal.status().message().find(c.what), std::string::npos) << cal.status().message();
  }
  Result<Calendar> nowhere = LoadCalendar("/nonexistent/gongkai");
  ASSERT_FALSE(nowhere.ok());
  EXPECT_NE(nowhere.status().message().find("GONGKAI_DATA_DIR"), std::string::npos);
}

TEST(ListRegions, ListsLocalDirectories) {
  std::vector<std::string> regions = ListRegions(fs::path(GONGKAI_SOURCE_DIR) / "data");
  EXPECT_NE(std::find(regions.begin(), regions.end(), "hubei"), regions.end());
}

}  // namespace
}  // namespace gongkai
