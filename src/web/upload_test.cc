#include "web/upload.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);

// Uploaded files of failed or abandoned submissions are removed (issue 10, "Personal data").
TEST(UploadStoreTest, RemoveAndSweepKeepOnlyAttachedProofs) {
  auto dir = std::filesystem::path(::testing::TempDir()) /
             ("gk_upload_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  UploadStore store(dir.string());
  auto attached = store.Save(kPng);
  auto abandoned = store.Save(kPng);
  auto failed = store.Save(kPng);
  ASSERT_TRUE(attached.ok() && abandoned.ok() && failed.ok());

  store.Remove(*failed);
  EXPECT_EQ(store.Read(*failed).status().code(), Status::Code::kNotFound);
  store.Remove("../etc/passwd");  // not a stored name: ignored

  auto now = std::filesystem::file_time_type::clock::now();
  // Younger than the lifetime: nothing is swept yet.
  EXPECT_EQ(store.SweepUnattached({*attached}, kAbandonedUploadLifetime, now), 0);
  EXPECT_TRUE(store.Read(*abandoned).ok());
  // A day and a minute later the unattached one goes, the attached one stays.
  EXPECT_EQ(store.SweepUnattached({*attached}, kAbandonedUploadLifetime, now + 24h + 1min), 1);
  EXPECT_EQ(store.Read(*abandoned).status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store.Read(*attached).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::web
