#include "services/change.h"

#include <gtest/gtest.h>

#include "services/testing.h"

namespace gongkai {
namespace {

Date D(const char* text) { return *ParseDate(text); }

ChangeRequest Request(ChangeKind kind, const char* effective = "2025-03-01") {
  ChangeRequest r;
  r.kind = kind;
  r.code = testing::CleanTask().code;
  r.reason = "法规修订";
  r.basis = "国务院令第 800 号";
  r.effective = D(effective);
  return r;
}

TEST(Change, EachKindFromEachState) {
  ServiceItem in_use = testing::CleanTask();
  ServiceItem suspended = in_use;
  suspended.status = ItemStatus::kSuspended;
  ServiceItem cancelled = in_use;
  cancelled.status = ItemStatus::kCancelled;
  std::optional<ServiceItem> absent;
  struct Case {
    ChangeKind kind;
    std::optional<ServiceItem> current;
    std::optional<ItemStatus> result;  // nullopt: refused (kConflict)
  } cases[] = {
      {ChangeKind::kAdd, absent, ItemStatus::kInUse},
      {ChangeKind::kAdd, cancelled, ItemStatus::kInUse},
      {ChangeKind::kAdd, in_use, std::nullopt},
      {ChangeKind::kClaim, absent, ItemStatus::kInUse},
      {ChangeKind::kTakeOver, suspended, std::nullopt},
      {ChangeKind::kModify, in_use, ItemStatus::kInUse},
      {ChangeKind::kModify, absent, std::nullopt},
      {ChangeKind::kModify, cancelled, std::nullopt},
      {ChangeKind::kSuspend, in_use, ItemStatus::kSuspended},
      {ChangeKind::kSuspend, suspended, std::nullopt},
      {ChangeKind::kResume, suspended, ItemStatus::kInUse},
      {ChangeKind::kResume, in_use, std::nullopt},
      {ChangeKind::kCancel, in_use, ItemStatus::kCancelled},
      {ChangeKind::kCancel, suspended, ItemStatus::kCancelled},
      {ChangeKind::kCancel, cancelled, std::nullopt},
      {ChangeKind::kDelegate, in_use, ItemStatus::kCancelled},
      {ChangeKind::kDelegate, absent, std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(Key(c.kind)) + " from " +
                 (c.current ? std::string(Key(c.current->status)) : "absent"));
    ChangeRequest r = Request(c.kind);
    if (c.kind == ChangeKind::kAdd || c.kind == ChangeKind::kClaim ||
        c.kind == ChangeKind::kTakeOver || c.kind == ChangeKind::kModify) {
      r.item = c.current && c.kind == ChangeKind::kModify ? *c.current : testing::CleanTask();
    }
    auto next = ApplyChange(c.current, r);
    if (!c.result) {
      ASSERT_FALSE(next.ok());
      EXPECT_EQ(next.status().code(), Status::Code::kConflict) << next.status().message();
      continue;
    }
    ASSERT_TRUE(next.ok()) << next.status().message();
    EXPECT_EQ(next->status, *c.result);
    EXPECT_EQ(next->version, c.current ? 2 : 1);
    EXPECT_EQ(next->effective, D("2025-03-01"));
  }
}

TEST(Change, RequestsAreCheckedOnTheirOwn) {
  ChangeRequest r = Request(ChangeKind::kModify);
  EXPECT_NE(CheckChangeRequest(r).message().find("字段 item"), std::string::npos);
  r.item = testing::CleanTask("OTHER");
  EXPECT_NE(CheckChangeRequest(r).message().find("不一致"), std::string::npos);
  r.item = testing::CleanTask();
  r.reason.clear();
  EXPECT_NE(CheckChangeRequest(r).message().find("字段 reason"), std::string::npos);
  r = Request(ChangeKind::kSuspend);
  r.basis.clear();
  EXPECT_NE(CheckChangeRequest(r).message().find("字段 basis"), std::string::npos);
  r = Request(ChangeKind::kSuspend);
  r.item = testing::CleanTask();
  EXPECT_FALSE(CheckChangeRequest(r).ok());
}

TEST(Change, AModifyMayNotChangeTheStatusNorPrecedeTheCurrentVersion) {
  ServiceItem current = testing::CleanTask();
  ChangeRequest r = Request(ChangeKind::kModify);
  r.item = current;
  r.item->status = ItemStatus::kSuspended;
  EXPECT_EQ(ApplyChange(current, r).status().code(), Status::Code::kConflict);
  r = Request(ChangeKind::kSuspend, "2023-12-31");  // current is effective 2024-01-01
  EXPECT_EQ(ApplyChange(current, r).status().code(), Status::Code::kConflict);
}

TEST(Change, DiffListsTheChangedFieldsOnly) {
  ServiceItem before = testing::CleanTask();
  ServiceItem after = before;
  after.promised_days = 5;
  after.materials.pop_back();
  after.version = 2;
  after.effective = D("2025-03-01");
  after.extra = R"({"window":"3号窗口"})";
  auto diff = DiffItems(before, after);
  ASSERT_EQ(diff.size(), 3u);
  EXPECT_EQ(diff[0].field, "promised_days");
  EXPECT_EQ(diff[0].before, "10");
  EXPECT_EQ(diff[0].after, "5");
  EXPECT_EQ(diff[1].field, "materials");
  EXPECT_NE(diff[1].before.find("营业执照"), std::string::npos);
  EXPECT_EQ(diff[1].after.find("营业执照"), std::string::npos);
  EXPECT_EQ(diff[2].field, "window");
  EXPECT_EQ(diff[2].before, "null");
  EXPECT_EQ(diff[2].after, "\"3号窗口\"");
  EXPECT_TRUE(DiffItems(before, before).empty());
  auto added = DiffItems(std::nullopt, before);
  EXPECT_EQ(added.front().field, "code");
  for (const FieldChange& c : added) EXPECT_NE(c.after, "null") << c.field;
}

TEST(Change, VersionInForceOnADate) {
  std::vector<ServiceItem> versions(3, testing::CleanTask());
  versions[0].effective = D("2024-01-01");
  versions[1].version = 2;
  versions[1].effective = D("2025-03-01");
  versions[2].version = 3;
  versions[2].effective = D("2025-03-01");
  struct Case {
    const char* date;
    int version;  // 0: none
  } cases[] = {{"2023-12-31", 0},
               {"2024-01-01", 1},
               {"2025-02-28", 1},
               {"2025-03-01", 3},
               {"2030-01-01", 3}};
  for (const Case& c : cases) {
    const ServiceItem* v = VersionInForce(versions, D(c.date));
    EXPECT_EQ(v ? v->version : 0, c.version) << c.date;
  }
}

}  // namespace
}  // namespace gongkai
