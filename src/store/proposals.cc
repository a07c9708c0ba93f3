#include "store/proposals.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <array>
#include <chrono>

#include "cases/case_state.h"
#include "cases/events_jsonl.h"
#include "store/case_rows.h"
#include "store/case_store.h"
#include "store/ledger_rows.h"
#include "store/sql.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr std::array<VocabEntry<ProposalDecision>, 3> kDecisions{{
    {ProposalDecision::kPending, "pending", "待审批"},
    {ProposalDecision::kApproved, "approved", "已批准"},
    {ProposalDecision::kRejected, "rejected", "已退回"},
}};

constexpr std::string_view kColumns =
    "agency_id, id, case_number, payload, proposed_by, reason, created_at, decision, decided_by, "
    "decided_at, decision_note";

// One row of `proposals` as read; nullable columns with their indicators.
struct Row {
  long long agency_id = 0, id = 0;
  std::string case_number, payload, proposed_by, reason, created_at;
  std::string decision, decided_by, decided_at, decision_note;
  soci::indicator decision_ind = soci::i_null, decided_by_ind = soci::i_null,
                  decided_at_ind = soci::i_null, note_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(id));
    st.exchange(soci::into(case_number));
    st.exchange(soci::into(payload));
    st.exchange(soci::into(proposed_by));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(decision, decision_ind));
    st.exchange(soci::into(decided_by, decided_by_ind));
    st.exchange(soci::into(decided_at, decided_at_ind));
    st.exchange(soci::into(decision_note, note_ind));
  }

  Result<Proposal> ToProposal() const {
    auto event = ParseEventLine(payload, 1);
    if (!event.ok()) {
      return Status::Internal(fmt::format("机关 {} 的第 {} 号提议无法读取（{}）", agency_id, id,
                                          event.status().message()));
    }
    Proposal p;
    p.agency_id = agency_id;
    p.id = id;
    p.case_number = case_number;
    p.event = std::move(event).value();
    p.proposed_by = proposed_by;
    p.reason = reason;
    p.created_at = created_at;
    if (decision_ind == soci::i_ok) {
      for (const auto& d : kDecisions) {
        if (d.key == decision) p.decision = d.value;
      }
    }
    if (decided_by_ind == soci::i_ok) p.decided_by = decided_by;
    if (decided_at_ind == soci::i_ok) p.decided_at = decided_at;
    if (note_ind == soci::i_ok) p.decision_note = decision_note;
    return p;
  }
};

// Row by a name the member functions can use (soci has a `row` of its own).
using ProposalRow = Row;

// The proposals matching `where` (over the columns, with :a the agency and :c the case number
// when `case_number` is given), oldest first.
Result<std::vector<Proposal>> Select(Database& db, int64_t agency_id,
                                     std::optional<std::string_view> case_number,
                                     std::string_view where) {
  return Run(db, "读取审批提议", [&](soci::session& sql) -> Result<std::vector<Proposal>> {
    long long agency = agency_id;
    std::string number(case_number.value_or(""));
    Row row;
    soci::statement st(sql);
    row.Bind(st);
    st.exchange(soci::use(agency, "a"));
    if (case_number) st.exchange(soci::use(number, "c"));
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM proposals WHERE agency_id = :a{}{} ORDER BY id",
                           kColumns, case_number ? " AND case_number = :c" : "", where));
    st.define_and_bind();
    st.execute();
    std::vector<Proposal> out;
    while (st.fetch()) {
      auto p = row.ToProposal();
      if (!p.ok()) return p.status();
      out.push_back(std::move(p).value());
    }
    return out;
  });
}

Status CheckText(std::string_view text, std::string_view field) {
  if (CodePointCount(text) > static_cast<std::size_t>(kMaxProposalReasonChars)) {
    return Status::InvalidInput(fmt::format("“{}”最多 {} 个字，现有 {} 个字；请精简后重新提交",
                                            field, kMaxProposalReasonChars, CodePointCount(text)));
  }
  return Status::Ok();
}

// "该提议（第 1 号）已于北京时间 2024-10-14 10:00 由 head 批准": what the loser of a race, or a
// second click, is told.
Status AlreadyDecided(const Proposal& p) {
  std::string when = p.decided_at;
  if (auto t = ParseUtc(p.decided_at); t.ok()) {
    when = fmt::format("北京时间 {:%Y-%m-%d %H:%M}",
                       std::chrono::floor<std::chrono::seconds>(*t + std::chrono::hours(8)));
  }
  std::string_view verb = p.decision == ProposalDecision::kApproved ? "批准" : "退回";
  return Status::Conflict(fmt::format("该提议（第 {} 号）已于{} 由 {} {}，不能再次审批", p.id, when,
                                      p.decided_by, verb));
}

// Marks proposal `id` decided if it is still pending; returns the rows changed (0 when another
// decision came first). The condition on decision IS NULL is what makes the first decision win:
// a concurrent transaction's UPDATE waits for this one and then matches no row.
long long MarkDecided(Database& db, soci::session& sql, long long agency, long long id,
                      const std::string& key, const std::string& head, const std::string& now,
                      const std::string& note) {
  soci::statement st =
      (sql.prepare << "UPDATE proposals SET decision = :d, decided_by = :b, decided_at = :t, "
                      "decision_note = :n WHERE agency_id = :a AND id = :i AND decision IS NULL",
       soci::use(key), soci::use(head), soci::use(now), soci::use(note), soci::use(agency),
       soci::use(id));
  st.execute(true);
  internal::RecordInLedger(db, sql, "proposals", agency, fmt::format("t.id = {}", id));
  return st.get_affected_rows();
}

}  // namespace

std::span<const VocabEntry<ProposalDecision>> ProposalDecisions() { return kDecisions; }
std::string_view Key(ProposalDecision v) { return kDecisions[static_cast<std::size_t>(v)].key; }
std::string_view Label(ProposalDecision v) { return kDecisions[static_cast<std::size_t>(v)].label; }

bool NeedsHeadApproval(EventType type) {
  return type == EventType::kExtensionApproved || type == EventType::kAnswered ||
         type == EventType::kVoided;
}

Result<int64_t> ProposalStore::Propose(const Proposal& p) {
  if (!NeedsHeadApproval(p.event.type)) {
    return Status::InvalidInput(fmt::format("“{}”无需负责人审批，请直接记录", Label(p.event.type)));
  }
  if (Status s = CheckText(p.reason, "提议理由"); !s.ok()) return s;
  auto ctx = internal::LoadAgencyContext(db_, calendars_, p.agency_id);
  if (!ctx.ok()) return ctx.status();
  auto detail = CaseRegister(db_, calendars_).Get(p.agency_id, p.case_number);
  if (!detail.ok()) return detail.status();
  std::vector<Event> history;
  for (const StoredEvent& e : detail->events) history.push_back(e.event);
  Event event = p.event;
  event.case_number = p.case_number;
  if (Status s = CheckNotAfterToday(event, CaseRegister(db_, calendars_).Today()); !s.ok()) {
    return s.WithContext(fmt::format("案件 {}：", p.case_number));
  }
  Status legal = CheckNextEvent(history, event, *ctx->calendar, ctx->settings);
  if (!legal.ok()) return legal.WithContext(fmt::format("案件 {}：", p.case_number));
  std::string payload = EventToJsonLine(event);
  std::string type(Key(event.type));
  std::string now = FormatUtc(db_.Now());
  return RunInTransaction(db_, "保存审批提议", [&](soci::session& sql) -> Result<int64_t> {
    long long agency = p.agency_id, id = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT MAX(id) FROM proposals WHERE agency_id = :a", soci::use(agency),
        soci::into(id, ind);
    id = ind == soci::i_ok ? id + 1 : 1;
    sql << "INSERT INTO proposals (agency_id, id, case_number, event_type, payload, proposed_by, "
           "reason, created_at) VALUES (:a, :i, :c, :t, :p, :b, :r, :n)",
        soci::use(agency), soci::use(id), soci::use(p.case_number), soci::use(type),
        soci::use(payload), soci::use(p.proposed_by), soci::use(p.reason), soci::use(now);
    internal::RecordInLedger(db_, sql, "proposals", agency, fmt::format("t.id = {}", id));
    return static_cast<int64_t>(id);
  });
}

Result<Proposal> ProposalStore::Get(int64_t agency_id, int64_t id) {
  auto found = Select(db_, agency_id, std::nullopt, fmt::format(" AND id = {}", id));
  if (!found.ok()) return found.status();
  if (found->empty()) {
    return Status::NotFound(fmt::format("机关 {} 没有第 {} 号审批提议", agency_id, id));
  }
  return std::move(found->front());
}

Result<std::vector<Proposal>> ProposalStore::Pending(int64_t agency_id,
                                                     std::optional<std::string_view> case_number) {
  return Select(db_, agency_id, case_number, " AND decision IS NULL");
}

Result<std::vector<Proposal>> ProposalStore::PendingIn(const std::vector<int64_t>& agency_ids) {
  std::vector<Proposal> out;
  if (agency_ids.empty()) return out;
  return Run(db_, "读取待审批提议", [&](soci::session& sql) -> Result<std::vector<Proposal>> {
    std::vector<long long> ids(agency_ids.begin(), agency_ids.end());
    std::string in;
    ProposalRow row;
    soci::statement st(sql);
    row.Bind(st);
    for (size_t i = 0; i < ids.size(); ++i) {
      in += fmt::format("{}:a{}", i ? ", " : "", i);
      st.exchange(soci::use(ids[i], fmt::format("a{}", i)));
    }
    st.alloc();
    st.prepare(
        fmt::format("SELECT {} FROM proposals WHERE agency_id IN ({}) AND decision IS NULL "
                    "ORDER BY created_at, agency_id, id",
                    kColumns, in));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      auto p = row.ToProposal();
      if (!p.ok()) return p.status();
      out.push_back(std::move(p).value());
    }
    return out;
  });
}

Result<std::vector<Proposal>> ProposalStore::ForCase(int64_t agency_id,
                                                     std::string_view case_number) {
  return Select(db_, agency_id, case_number, "");
}

Result<Proposal> ProposalStore::Approve(int64_t agency_id, int64_t id, const std::string& head) {
  auto p = Get(agency_id, id);
  if (!p.ok()) return p.status();
  if (p->decision != ProposalDecision::kPending) return AlreadyDecided(*p);
  auto ctx = internal::LoadAgencyContext(db_, calendars_, agency_id);
  if (!ctx.ok()) return ctx.status();
  Event event = p->event;
  if (event.type == EventType::kExtensionApproved) event.approved_by = head;
  Date today = CaseRegister(db_, calendars_).Today();
  std::string key(Key(ProposalDecision::kApproved));
  std::string now = FormatUtc(db_.Now());
  // One transaction: the proposal is marked first (the first decision wins), then the event is
  // recorded; a refused event rolls the mark back, so the proposal stays pending.
  auto changed = RunInTransaction(db_, "批准提议", [&](soci::session& sql) -> Result<long long> {
    long long n = MarkDecided(db_, sql, agency_id, id, key, head, now, "");
    if (n == 0) return n;
    Status recorded = internal::AppendEventInTransaction(sql, db_, *ctx, event, head, today);
    if (!recorded.ok()) return recorded;
    return n;
  });
  if (!changed.ok()) return changed.status();
  auto after = Get(agency_id, id);
  if (!after.ok()) return after.status();
  if (*changed == 0) return AlreadyDecided(*after);
  return after;
}

Result<Proposal> ProposalStore::Reject(int64_t agency_id, int64_t id, const std::string& head,
                                       const std::string& note) {
  if (Trim(note).empty()) {
    return Status::InvalidInput(
        "退回时须填写“退回理由”：承办人将在案件页面看到它，据此改正后重新提请");
  }
  if (Status s = CheckText(note, "退回理由"); !s.ok()) return s;
  return Decide(agency_id, id, ProposalDecision::kRejected, head, note);
}

Result<Proposal> ProposalStore::Decide(int64_t agency_id, int64_t id, ProposalDecision decision,
                                       const std::string& head, const std::string& note) {
  std::string key(Key(decision));
  std::string now = FormatUtc(db_.Now());
  auto changed = RunInTransaction(db_, "审批提议", [&](soci::session& sql) -> Result<long long> {
    return MarkDecided(db_, sql, agency_id, id, key, head, now, note);
  });
  if (!changed.ok()) return changed.status();
  auto p = Get(agency_id, id);
  if (!p.ok()) return p.status();
  if (*changed == 0) return AlreadyDecided(*p);
  return p;
}

}  // namespace gongkai
