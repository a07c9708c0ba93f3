#include "services/change_notice.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

Date D(const char* s) { return ParseDate(s).value(); }

// Art. 26's clock starts at the earlier of approval and 生效时间 (change_notice.h).
TEST(ChangeFormedTest, TheEarlierOfApprovalAndEffect) {
  struct Case {
    const char* approved;
    const char* effective;
    const char* formed;
  } cases[] = {
      {"2026-03-02", "2026-06-01", "2026-03-02"},  // scheduled: the decision starts it
      {"2026-03-02", "2026-03-02", "2026-03-02"},  // effective on approval
      {"2026-03-10", "2026-03-01", "2026-03-01"},  // approved after it took effect
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ChangeFormed(D(c.approved), D(c.effective)), D(c.formed))
        << c.approved << " " << c.effective;
  }
}

TEST(ChangeNoticeTest, TheRegisterEntryOfAChange) {
  ChangeNoticeFacts f;
  f.change_id = 4;
  f.request.kind = ChangeKind::kSuspend;
  f.request.code = "00016421300302";
  f.request.reason = "场地改造";
  f.request.basis = "区政府通知";
  f.request.effective = D("2026-03-01");
  f.item_name = "食品经营许可（变更）";
  f.diff = {{"status", "\"in_use\"", "\"suspended\""}};
  f.approved = D("2026-03-05");
  f.published = D("2026-03-06");
  f.publisher = "某区政务服务管理局";
  Publication p = ChangeNotice(f);
  EXPECT_TRUE(CheckPublication(p).ok()) << CheckPublication(p).message();
  EXPECT_EQ(p.title, "食品经营许可（变更）（00016421300302）调整情况公示（暂停）");
  EXPECT_EQ(p.summary,
            "暂停：食品经营许可（变更），自2026-03-01起生效。原因：场地改造。依据：区政府通知。");
  EXPECT_EQ(p.created, D("2026-03-01"));
  EXPECT_EQ(p.published, D("2026-03-06"));
  EXPECT_EQ(p.category, "art20.5");
  EXPECT_EQ(p.text, "status：\"in_use\" → \"suspended\"");
  EXPECT_EQ(p.extra, R"({"service_change":4,"service_code":"00016421300302"})");
}

}  // namespace
}  // namespace gongkai
