#include "store/proposals.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/agencies.h"
#include "store/case_store.h"
#include "store/test_database.h"

namespace gongkai {
namespace {

using namespace std::chrono_literals;

// Two open cases received on 2024-10-08, the first working day after National Day, and one
// already answered.
constexpr std::string_view kRegister =
    R"({"case":"2024-001","type":"received","date":"2024-10-08","applicant_kind":"natural_person","applicant_name":"张三","channel":"internet"}
{"case":"2024-002","type":"received","date":"2024-10-08","applicant_kind":"commercial","channel":"in_person"}
{"case":"2024-003","type":"received","date":"2024-09-02","applicant_kind":"natural_person","channel":"internet"}
{"case":"2024-003","type":"answered","date":"2024-09-20","outcome":"granted"}
)";

Date Day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

class ProposalStoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    UseClock(db());
    auto imported = CaseRegister(db(), calendars_).Import(kRegister, {});
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    agency_ = imported->agency_id;
  }

  // 2024-10-14 10:00 in Beijing.
  static void UseClock(Database& db) {
    db.SetClock([] { return std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 2h; });
  }

  Proposal Answer(const std::string& number, Outcome outcome) {
    Proposal p;
    p.agency_id = agency_;
    p.case_number = number;
    p.event.case_number = number;
    p.event.type = EventType::kAnswered;
    p.event.date = Day(2024, 10, 14);
    p.event.outcome = outcome;
    p.proposed_by = "clerk";
    p.reason = "信息已制作";
    return p;
  }

  Proposal Extension(const std::string& number, int days) {
    Proposal p = Answer(number, Outcome::kGranted);
    p.event.type = EventType::kExtensionApproved;
    p.event.outcome.reset();
    p.event.working_days = days;
    p.reason = "需调取档案";
    return p;
  }

  std::vector<Event> Events(const std::string& number) {
    auto c = CaseRegister(db(), calendars_).Get(agency_, number);
    EXPECT_TRUE(c.ok()) << c.status().message();
    std::vector<Event> out;
    if (c.ok()) {
      for (const auto& e : c->events) out.push_back(e.event);
    }
    return out;
  }

  Calendars calendars_;
  int64_t agency_ = 0;
};

// The bug this store fixes: proposals lived in the web process's memory and a restart lost them.
TEST_P(ProposalStoreTest, ProposalSurvivesARestartAndApprovingRecordsTheEvent) {
  Proposal p = Answer("2024-001", Outcome::kRefusedThirdParty);
  p.event.extra = {{"legal_basis", "《中华人民共和国政府信息公开条例》第十五条"}};
  auto id = ProposalStore(db(), calendars_).Propose(p);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(*id, 1);

  // Restart: close the connection and open the register again.
  db_.reset();
  auto reopened = Database::Open(url_);
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  db_.emplace(std::move(reopened).value());
  UseClock(db());

  ProposalStore store(db(), calendars_);
  auto pending = store.Pending(agency_);
  ASSERT_TRUE(pending.ok()) << pending.status().message();
  ASSERT_EQ(pending->size(), 1u);
  const Proposal& kept = pending->front();
  EXPECT_EQ(kept.case_number, "2024-001");
  EXPECT_EQ(kept.event, p.event);  // the event, extras included, round-trips
  EXPECT_EQ(kept.proposed_by, "clerk");
  EXPECT_EQ(kept.reason, "信息已制作");
  EXPECT_EQ(kept.created_at, "2024-10-14T02:00:00Z");
  EXPECT_EQ(kept.decision, ProposalDecision::kPending);

  auto approved = store.Approve(agency_, *id, "head");
  ASSERT_TRUE(approved.ok()) << approved.status().message();
  EXPECT_EQ(approved->decision, ProposalDecision::kApproved);
  EXPECT_EQ(approved->decided_by, "head");
  EXPECT_EQ(approved->decided_at, "2024-10-14T02:00:00Z");
  std::vector<Event> events = Events("2024-001");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type, EventType::kAnswered);
  EXPECT_EQ(events[1].outcome, Outcome::kRefusedThirdParty);
  EXPECT_EQ(events[1].extra, p.event.extra);
  auto detail = CaseRegister(db(), calendars_).Get(agency_, "2024-001");
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->events[1].actor, "head");
  EXPECT_EQ(detail->summary.status, CaseStatus::kAnswered);
  EXPECT_TRUE(store.Pending(agency_)->empty());
  // Approving twice records nothing more.
  auto again = store.Approve(agency_, *id, "head");
  EXPECT_EQ(again.status().code(), Status::Code::kConflict);
  EXPECT_NE(again.status().message().find("已于北京时间 2024-10-14 10:00 由 head 批准"),
            std::string::npos)
      << again.status().message();
  EXPECT_EQ(Events("2024-001").size(), 2u);
}

TEST_P(ProposalStoreTest, RejectionLeavesATraceAndRecordsNothing) {
  ProposalStore store(db(), calendars_);
  auto id = store.Propose(Extension("2024-002", 15));
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto rejected = store.Reject(agency_, *id, "head", "理由不充分，请于期限内答复");
  ASSERT_TRUE(rejected.ok()) << rejected.status().message();
  EXPECT_EQ(rejected->decision, ProposalDecision::kRejected);
  EXPECT_EQ(rejected->decision_note, "理由不充分，请于期限内答复");
  EXPECT_EQ(Events("2024-002").size(), 1u);
  EXPECT_TRUE(store.Pending(agency_, "2024-002")->empty());
  auto all = store.ForCase(agency_, "2024-002");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().decided_by, "head");
  EXPECT_EQ(store.Approve(agency_, *id, "head").status().code(), Status::Code::kConflict);
  EXPECT_EQ(store.Reject(agency_, *id, "head", "再次退回").status().code(),
            Status::Code::kConflict);
}

TEST_P(ProposalStoreTest, ApprovedExtensionNamesTheHead) {
  ProposalStore store(db(), calendars_);
  auto id = store.Propose(Extension("2024-002", 15));
  ASSERT_TRUE(id.ok()) << id.status().message();
  ASSERT_TRUE(store.Approve(agency_, *id, "head").ok());
  std::vector<Event> events = Events("2024-002");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].approved_by, "head");
  EXPECT_EQ(events[1].working_days, 15);
}

// A step that was legal when proposed but not when approved (the case was answered meanwhile)
// is refused with the register's reason and stays pending for the head to reject.
TEST_P(ProposalStoreTest, ApprovalOfAStaleProposalIsRefused) {
  ProposalStore store(db(), calendars_);
  auto first = store.Propose(Answer("2024-001", Outcome::kGranted));
  auto second = store.Propose(Answer("2024-001", Outcome::kUnavailableNotHeld));
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*second, 2);
  ASSERT_TRUE(store.Approve(agency_, *first, "head").ok());
  auto stale = store.Approve(agency_, *second, "head");
  EXPECT_EQ(stale.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(stale.status().message().find("已经办结"), std::string::npos)
      << stale.status().message();
  EXPECT_EQ(store.Get(agency_, *second)->decision, ProposalDecision::kPending);
}

TEST_P(ProposalStoreTest, RefusedProposals) {
  struct Case {
    std::string name;
    Proposal proposal;
    Status::Code code;
    std::string message_part;
  };
  Proposal note_only = Answer("2024-001", Outcome::kGranted);
  note_only.event.type = EventType::kWithdrawn;
  note_only.event.outcome.reset();
  Proposal long_reason = Answer("2024-001", Outcome::kGranted);
  long_reason.reason = std::string(3 * (kMaxProposalReasonChars + 1), 'x');
  std::vector<Case> cases = {
      {"a withdrawal needs no approval", note_only, Status::Code::kInvalidInput, "无需负责人审批"},
      {"answer to a closed case", Answer("2024-003", Outcome::kGranted),
       Status::Code::kInvalidInput, "已经办结"},
      {"extension beyond 20 days", Extension("2024-001", 21), Status::Code::kInvalidInput,
       "最长 20 个工作日"},
      {"no such case", Answer("2099-999", Outcome::kGranted), Status::Code::kNotFound, "2099-999"},
      {"reason too long", long_reason, Status::Code::kInvalidInput, "最多 1000 个字"},
  };
  ProposalStore store(db(), calendars_);
  for (const auto& c : cases) {
    auto r = store.Propose(c.proposal);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), c.code) << c.name << ": " << r.status().message();
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << r.status().message();
  }
  EXPECT_TRUE(store.Pending(agency_)->empty());
}

TEST_P(ProposalStoreTest, NumberedWithinTheAgency) {
  Agency other;
  other.name = "乙县人民政府";
  other.kind = AgencyKind::kGovernment;
  auto other_id = AddAgency(db(), other);
  ASSERT_TRUE(other_id.ok()) << other_id.status().message();
  ImportOptions options;
  options.agency_id = *other_id;
  ASSERT_TRUE(CaseRegister(db(), calendars_).Import(kRegister, options).ok());
  ProposalStore store(db(), calendars_);
  Proposal mine = Answer("2024-001", Outcome::kGranted);
  Proposal theirs = mine;
  theirs.agency_id = *other_id;
  EXPECT_EQ(*store.Propose(mine), 1);
  EXPECT_EQ(*store.Propose(theirs), 1);
  EXPECT_EQ(store.Pending(agency_)->size(), 1u);
  EXPECT_EQ(store.Get(*other_id, 2).status().code(), Status::Code::kNotFound);
}

// Bug: Approve recorded the event and then, in a second transaction, marked the proposal, so an
// approval racing a rejection could record the answer of a proposal that ends up "rejected".
// Two connections (as two app servers would have) decide each proposal at once; exactly one
// decision takes effect, the other is told which, and the case holds the event iff approved.
TEST_P(ProposalStoreTest, ApproveAndRejectRacingOnTwoConnectionsOneWins) {
  auto second_db = Database::Open(url_);
  ASSERT_TRUE(second_db.ok()) << second_db.status().message();
  UseClock(*second_db);
  Calendars second_calendars;
  constexpr int kRounds = 6;
  for (int round = 0; round < kRounds; ++round) {
    // 2024-001 is extended once at most; alternate the cases so each round starts open.
    std::string number = round % 2 == 0 ? "2024-001" : "2024-002";
    auto id = ProposalStore(db(), calendars_).Propose(Answer(number, Outcome::kGranted));
    ASSERT_TRUE(id.ok()) << id.status().message();
    Result<Proposal> approved = Status::Internal("not run");
    Result<Proposal> rejected = Status::Internal("not run");
    std::atomic<int> ready{0};
    auto wait = [&] {
      ++ready;
      while (ready.load() < 2) std::this_thread::yield();
    };
    std::thread approver([&] {
      wait();
      approved = ProposalStore(db(), calendars_).Approve(agency_, *id, "head");
    });
    std::thread rejecter([&] {
      wait();
      rejected =
          ProposalStore(*second_db, second_calendars).Reject(agency_, *id, "head2", "不同意");
    });
    approver.join();
    rejecter.join();
    ASSERT_NE(approved.ok(), rejected.ok())
        << "round " << round << ": approve " << approved.status().message() << " / reject "
        << rejected.status().message();
    const Status& loser = approved.ok() ? rejected.status() : approved.status();
    EXPECT_EQ(loser.code(), Status::Code::kConflict) << loser.message();
    EXPECT_NE(loser.message().find(approved.ok() ? "由 head 批准" : "由 head2 退回"),
              std::string::npos)
        << loser.message();
    auto stored = ProposalStore(db(), calendars_).Get(agency_, *id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->decision,
              approved.ok() ? ProposalDecision::kApproved : ProposalDecision::kRejected);
    std::vector<Event> events = Events(number);
    bool answered = events.back().type == EventType::kAnswered;
    EXPECT_EQ(answered, approved.ok()) << "round " << round;
    if (answered) {
      // Void the answer (the head's own act) so the next round can answer again.
      Event v;
      v.case_number = number;
      v.type = EventType::kVoided;
      v.date = Day(2024, 10, 14);
      v.voids = static_cast<int>(events.size());
      v.void_reason = "测试：撤销竞争中批准的答复";
      Status s = CaseRegister(db(), calendars_).AppendEvent(agency_, v, "head");
      ASSERT_TRUE(s.ok()) << s.message();
    }
  }
}

// A clerk may only propose a void; the head's approval records it and the case reopens.
TEST_P(ProposalStoreTest, VoidIsProposedAndApprovedAndReopensTheCase) {
  ProposalStore store(db(), calendars_);
  Proposal p = Answer("2024-003", Outcome::kGranted);
  p.event.type = EventType::kVoided;
  p.event.outcome.reset();
  p.event.voids = 2;
  p.event.void_reason = "答复类型录错，应为部分公开";
  auto id = store.Propose(p);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(CaseRegister(db(), calendars_).Get(agency_, "2024-003")->summary.status,
            CaseStatus::kAnswered);
  ASSERT_TRUE(store.Approve(agency_, *id, "head").ok());
  auto detail = CaseRegister(db(), calendars_).Get(agency_, "2024-003");
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->events.size(), 3u);  // nothing deleted: received, answered, voided
  EXPECT_EQ(detail->events[2].event.void_reason, "答复类型录错，应为部分公开");
  EXPECT_NE(detail->summary.status, CaseStatus::kAnswered);
  EXPECT_FALSE(detail->summary.closed.has_value());
  // Voiding `received` is refused at proposal time, with the rule's reason.
  p.event.voids = 1;
  auto refused = store.Propose(p);
  EXPECT_EQ(refused.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(refused.status().message().find("不能作废“收到申请”"), std::string::npos)
      << refused.status().message();
}

// Bug: a step dated next month was accepted. The clock says 2024-10-14 in Beijing.
TEST_P(ProposalStoreTest, FutureDatedStepIsRefusedWhenProposedAndWhenRecorded) {
  Proposal p = Answer("2024-001", Outcome::kGranted);
  p.event.date = Day(2024, 11, 4);
  auto proposed = ProposalStore(db(), calendars_).Propose(p);
  EXPECT_EQ(proposed.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(proposed.status().message().find("日期 2024-11-04 晚于今天（2024-10-14）"),
            std::string::npos)
      << proposed.status().message();
  Status direct = CaseRegister(db(), calendars_).AppendEvent(agency_, p.event, "head");
  EXPECT_EQ(direct.code(), Status::Code::kInvalidInput);
  EXPECT_NE(direct.message().find("晚于今天"), std::string::npos) << direct.message();
  EXPECT_EQ(Events("2024-001").size(), 1u);
  p.event.date = Day(2024, 10, 14);
  EXPECT_TRUE(CaseRegister(db(), calendars_).AppendEvent(agency_, p.event, "head").ok());
}

// `gongkai cases import` goes through the same rule: the future line is named.
TEST_P(ProposalStoreTest, ImportRefusesAFutureLine) {
  auto result =
      CaseRegister(db(), calendars_)
          .Import(
              R"({"case":"2024-100","type":"received","date":"2024-10-08","applicant_kind":"natural_person","channel":"internet"}
{"case":"2024-100","type":"answered","date":"2024-10-15","outcome":"granted"}
)",
              ImportOptions{agency_, "import"});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("第 2 行（案件 2024-100）：日期 2024-10-15 晚于今天"),
            std::string::npos)
      << result.status().message();
}

// The head's rejection is what the clerk reads on the case page: one without a reason is refused
// and leaves the proposal pending.
TEST_P(ProposalStoreTest, RejectionWithoutReasonIsRefused) {
  ProposalStore store(db(), calendars_);
  auto id = store.Propose(Answer("2024-001", Outcome::kGranted));
  ASSERT_TRUE(id.ok()) << id.status().message();
  for (const std::string& note : {std::string(), std::string("  \t ")}) {
    auto refused = store.Reject(agency_, *id, "head", note);
    EXPECT_EQ(refused.status().code(), Status::Code::kInvalidInput) << "note: [" << note << "]";
    EXPECT_NE(refused.status().message().find("退回理由"), std::string::npos);
  }
  EXPECT_EQ(store.Pending(agency_)->size(), 1u);
  auto rejected = store.Reject(agency_, *id, "head", "请补充法律依据");
  ASSERT_TRUE(rejected.ok()) << rejected.status().message();
  EXPECT_EQ(rejected->decision_note, "请补充法律依据");
}

// The inbox: pending proposals of the agencies asked for, oldest first whatever the agency;
// another agency's and decided ones stay out.
TEST_P(ProposalStoreTest, PendingInListsSeveralAgenciesOldestFirst) {
  std::vector<int64_t> others;
  for (std::string name : {"某区教育局", "某县卫生健康委员会"}) {
    Agency a;
    a.name = name;
    auto id = AddAgency(db(), a);
    ASSERT_TRUE(id.ok()) << id.status().message();
    ImportOptions options;
    options.agency_id = *id;
    auto imported = CaseRegister(db(), calendars_).Import(kRegister, options);
    ASSERT_TRUE(imported.ok()) << imported.status().message();
    others.push_back(*id);
  }
  ProposalStore store(db(), calendars_);
  // Proposed at 09:00, 09:30, 10:00, 10:30 and 11:00 Beijing time.
  int minute = 0;
  auto propose_at = [&](int64_t agency, const std::string& number) {
    db().SetClock([m = minute] {
      return std::chrono::sys_days(std::chrono::year(2024) / 10 / 14) + 1h +
             std::chrono::minutes(m);
    });
    minute += 30;
    Proposal p = Answer(number, Outcome::kGranted);
    p.agency_id = agency;
    auto id = store.Propose(p);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  };
  propose_at(others[0], "2024-002");                  // 09:00, 教育局 no. 1
  int64_t decided = propose_at(agency_, "2024-001");  // 09:30, decided below
  propose_at(others[1], "2024-001");                  // 10:00, outside the inbox
  propose_at(agency_, "2024-002");                    // 10:30, no. 2 of the first agency
  propose_at(others[0], "2024-001");                  // 11:00, 教育局 no. 2
  ASSERT_TRUE(store.Reject(agency_, decided, "head", "不同意").ok());

  auto inbox = store.PendingIn({agency_, others[0]});
  ASSERT_TRUE(inbox.ok()) << inbox.status().message();
  std::vector<std::pair<int64_t, std::string>> got;
  for (const Proposal& p : *inbox) got.emplace_back(p.agency_id, p.case_number);
  std::vector<std::pair<int64_t, std::string>> want{
      {others[0], "2024-002"}, {agency_, "2024-002"}, {others[0], "2024-001"}};
  EXPECT_EQ(got, want);
  EXPECT_TRUE(store.PendingIn({})->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ProposalStoreTest, ::testing::ValuesIn(TestBackends()));

}  // namespace
}  // namespace gongkai
