// The report fixtures of tests/fixtures/reports/ as the report tests read them: the files, the
// complete ones (those with an expected.json), and the text split into lines and joined again.

#ifndef GONGKAI_REPORT_FIXTURE_TEST_UTIL_H_
#define GONGKAI_REPORT_FIXTURE_TEST_UTIL_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gongkai::report_testing {

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path ExpectedJsonOf(std::filesystem::path text) {
  return text.replace_extension(".expected.json");
}

// The fixtures' .txt files that have an expected.json, in name order.
inline std::vector<std::filesystem::path> CompleteFixtures() {
  std::vector<std::filesystem::path> out;
  const std::filesystem::path dir =
      std::filesystem::path(GONGKAI_SOURCE_DIR) / "tests/fixtures/reports";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt" && std::filesystem::exists(ExpectedJsonOf(e.path()))) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

inline std::string Join(const std::vector<std::string>& lines, const std::string& end = "\n") {
  std::string out;
  for (const std::string& l : lines) out += l + end;
  return out;
}

}  // namespace gongkai::report_testing

#endif  // GONGKAI_REPORT_FIXTURE_TEST_UTIL_H_
