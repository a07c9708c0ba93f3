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

// A proof kept for a form that came back with errors: one per form token, replaced by a new
// upload, claimed into the store when the form is filed, swept when the form is never filed.
TEST(UploadStoreTest, KeptProofsBelongToTheirFormUntilClaimedOrExpired) {
  auto dir =
      std::filesystem::path(::testing::TempDir()) / ("gk_kept_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  UploadStore store(dir.string());
  const std::string form_a(64, 'a'), form_b(64, 'b'), form_c(64, 'c');
  const std::string pdf = "%PDF-1.4 proof";
  EXPECT_FALSE(store.HasKept(form_a));
  EXPECT_EQ(store.Keep(form_a, "not a picture").code(), Status::Code::kInvalidInput);
  ASSERT_TRUE(store.Keep(form_a, kPng).ok());
  ASSERT_TRUE(store.Keep(form_a, pdf).ok());  // the replacement, of another kind
  ASSERT_TRUE(store.Keep(form_b, kPng).ok());
  EXPECT_TRUE(store.HasKept(form_a));
  EXPECT_FALSE(store.HasKept(form_c));
  // The token is not on disk, and kept files are not stored names a case could read.
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    EXPECT_EQ(e.path().string().find(form_a), std::string::npos) << e.path();
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "kept"),
                          std::filesystem::directory_iterator()),
            2);

  auto claimed = store.ClaimKept(form_a);
  ASSERT_TRUE(claimed.ok()) << claimed.status().message();
  EXPECT_EQ(*store.Read(*claimed), pdf);  // the replacement, now a stored proof
  EXPECT_FALSE(store.HasKept(form_a));
  EXPECT_EQ(store.ClaimKept(form_a).status().code(), Status::Code::kNotFound);

  auto now = std::filesystem::file_time_type::clock::now();
  EXPECT_EQ(store.SweepKept(kKeptProofLifetime, now), 0);
  EXPECT_TRUE(store.HasKept(form_b));
  EXPECT_EQ(store.SweepKept(kKeptProofLifetime, now + 24h + 1min), 1);
  EXPECT_FALSE(store.HasKept(form_b));
  EXPECT_TRUE(store.Read(*claimed).ok());  // a claimed proof is not the sweep's
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::web
