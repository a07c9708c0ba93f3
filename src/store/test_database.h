// Test support for store_test: every store test is parameterised over the databases available,
// SQLite always (a fresh file per test in the temp directory) and PostgreSQL when the
// environment variable GONGKAI_TEST_PG holds a URL (scripts/with-postgres.sh sets it; the
// schema is emptied before each test). Header-only; only *_test.cc include it.

#ifndef GONGKAI_STORE_TEST_DATABASE_H_
#define GONGKAI_STORE_TEST_DATABASE_H_

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/sql.h"

namespace gongkai {

inline std::vector<std::string> TestBackends() {
  std::vector<std::string> out{"sqlite"};
  if (const char* pg = std::getenv("GONGKAI_TEST_PG"); pg && *pg) out.push_back("postgres");
  return out;
}

// A temp path unique to this process and call.
inline std::string TempPath(const std::string& stem) {
  static std::atomic<int> counter{0};
  return (std::filesystem::temp_directory_path() /
          (stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
      .string();
}

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      path_ = TempPath("gongkai-store-test") + ".db";
      url_ = path_;
    } else {
      url_ = std::getenv("GONGKAI_TEST_PG");
      auto wipe = Database::Open(url_);
      ASSERT_TRUE(wipe.ok()) << wipe.status().message();
      wipe->impl().sql << "DROP SCHEMA public CASCADE";
      wipe->impl().sql << "CREATE SCHEMA public";
    }
    auto opened = Database::Open(url_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_.emplace(std::move(opened).value());
    Status s = db_->EnsureSchema();
    ASSERT_TRUE(s.ok()) << s.message();
  }

  void TearDown() override {
    db_.reset();
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
    }
  }

  Database& db() { return *db_; }
  // Runs raw SQL on the test database, as an intruder or a test of the schema would.
  void Exec(const std::string& statement) { db_->impl().sql << statement; }

  std::string url_;
  std::string path_;
  std::optional<Database> db_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_TEST_DATABASE_H_
