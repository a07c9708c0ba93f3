#include "store/outbox.h"

#include <fmt/format.h>

#include <array>

#include "law/vocab_table.h"
#include "store/outbox_rows.h"
#include "store/sql.h"
#include "util/text.h"

namespace gongkai {

namespace {

constexpr std::array<VocabEntry<OutboxState>, 3> kStates{{
    {OutboxState::kQueued, "queued", "待发送"},
    {OutboxState::kSent, "sent", "已发送"},
    {OutboxState::kFailed, "failed", "发送失败"},
}};

// The longest error kept per message, in bytes (a transport's message, cut at a character).
constexpr std::size_t kMaxErrorBytes = 500;

constexpr std::string_view kColumns =
    "agency_id, id, case_number, kind, channel, recipient, subject, body, state, attempts, "
    "last_error, created_at, next_attempt_at, sent_at";

// One row of kColumns, bound with typed into()s.
struct OutboxRow {
  long long agency = 0;
  std::string id, case_number, kind, channel, recipient, subject, body, state;
  int attempts = 0;
  std::string last_error, created_at, next_attempt_at, sent_at;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(agency));
    st.exchange(soci::into(id));
    st.exchange(soci::into(case_number));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(recipient));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(body));
    st.exchange(soci::into(state));
    st.exchange(soci::into(attempts));
    st.exchange(soci::into(last_error));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(next_attempt_at));
    st.exchange(soci::into(sent_at));
  }

  OutboxMessage ToMessage() const {
    OutboxMessage m;
    m.agency_id = agency;
    m.id = id;
    m.case_number = case_number;
    m.message.kind = MessageKindFromKey(kind).value_or(MessageKind::kReceipt);
    m.message.channel = MessageChannelFromKey(channel).value_or(MessageChannel::kEmail);
    m.message.to = recipient;
    m.message.subject = subject;
    m.message.body = body;
    m.state = VocabFromKey(kStates, state).value_or(OutboxState::kQueued);
    m.attempts = attempts;
    m.last_error = last_error;
    m.created_at = created_at;
    m.next_attempt_at = next_attempt_at;
    m.sent_at = sent_at;
    return m;
  }
};

std::string CutError(std::string_view error) {
  if (error.size() <= kMaxErrorBytes) return std::string(error);
  std::size_t end = kMaxErrorBytes;
  while (end > 0 && (static_cast<unsigned char>(error[end]) & 0xC0) == 0x80) --end;
  return std::string(error.substr(0, end)) + "…";
}

}  // namespace

std::string_view Key(OutboxState s) { return VocabEntryOf(kStates, s).key; }
std::string_view Label(OutboxState s) { return VocabEntryOf(kStates, s).label; }

bool internal::EnqueueInTransaction(soci::session& sql, Database& db, long long agency,
                                    std::string_view cause_view, std::string_view case_view,
                                    const Message& message) {
  std::string cause(cause_view), case_number(case_view), channel(Key(message.channel));
  long long taken = 0;
  sql << "SELECT count(*) FROM outbox WHERE agency_id = :a AND cause = :c AND channel = :ch",
      soci::use(agency), soci::use(cause), soci::use(channel), soci::into(taken);
  if (taken) return false;
  std::string id = NewSalt(), kind(Key(message.kind)), state(Key(OutboxState::kQueued));
  std::string now = FormatUtc(db.Now());
  sql << "INSERT INTO outbox (agency_id, id, cause, case_number, kind, channel, recipient, "
         "subject, body, state, created_at, next_attempt_at) VALUES (:a, :i, :c, :n, :k, :ch, "
         ":r, :s, :b, :st, :t, :t2)",
      soci::use(agency), soci::use(id), soci::use(cause), soci::use(case_number), soci::use(kind),
      soci::use(channel), soci::use(message.to), soci::use(message.subject),
      soci::use(message.body), soci::use(state), soci::use(now), soci::use(now);
  return true;
}

void internal::EraseCaseMessages(soci::session& sql, long long agency, const std::string& number) {
  std::string queued(Key(OutboxState::kQueued)), failed(Key(OutboxState::kFailed));
  std::string why = "申请人个人信息已删除，消息不再发送";
  sql << "UPDATE outbox SET recipient = '', body = '', last_error = CASE WHEN state = :q1 THEN "
         ":e ELSE last_error END, state = CASE WHEN state = :q2 THEN :f ELSE state END WHERE "
         "agency_id = :a AND case_number = :n",
      soci::use(queued), soci::use(why), soci::use(queued), soci::use(failed), soci::use(agency),
      soci::use(number);
}

void internal::ReaddressCaseMessages(soci::session& sql, long long agency,
                                     const std::string& number, MessageChannel channel,
                                     const std::string& to_view) {
  std::string to(Trim(to_view)), ch(Key(channel)), queued(Key(OutboxState::kQueued));
  if (to.empty()) {
    std::string failed(Key(OutboxState::kFailed)), why = "申请人的联系方式已更正为空，消息不再发送";
    sql << "UPDATE outbox SET recipient = '', body = '', state = :f, last_error = :e WHERE "
           "agency_id = :a AND case_number = :n AND channel = :c AND state = :q",
        soci::use(failed), soci::use(why), soci::use(agency), soci::use(number), soci::use(ch),
        soci::use(queued);
    return;
  }
  sql << "UPDATE outbox SET recipient = :t WHERE agency_id = :a AND case_number = :n AND "
         "channel = :c AND state = :q",
      soci::use(to), soci::use(agency), soci::use(number), soci::use(ch), soci::use(queued);
}

Applicant internal::LoadApplicantContacts(soci::session& sql, long long agency, long long case_id) {
  Applicant a;
  sql << "SELECT name, phone, email FROM applicant_records WHERE agency_id = :a AND case_id = :c "
         "AND erased = 0",
      soci::use(agency), soci::use(case_id), soci::into(a.name), soci::into(a.phone),
      soci::into(a.email);
  if (!sql.got_data()) return Applicant{};
  return a;
}

void internal::QueueCaseMessages(soci::session& sql, Database& db, const AgencyContext& ctx,
                                 int seq, const std::vector<Event>& history, const CaseState& state,
                                 const Applicant& applicant,
                                 const std::optional<std::string>& query_code) {
  if (history.empty()) return;
  CaseContacts contacts;
  contacts.agency_name = ctx.agency.name;
  contacts.case_number = history.back().case_number;
  contacts.email = std::string(Trim(applicant.email));
  contacts.phone = std::string(Trim(applicant.phone));
  contacts.query_code = query_code;
  std::string cause = fmt::format("case/{}/{}", contacts.case_number, seq);
  for (const Message& m :
       MessagesForStep(contacts, history.back(), state, ctx.settings.deadlines)) {
    EnqueueInTransaction(sql, db, ctx.agency.id, cause, contacts.case_number, m);
  }
}

Result<bool> Outbox::Enqueue(int64_t agency_id, std::string_view cause,
                             std::string_view case_number, const Message& message) {
  return RunInTransaction(db_, "消息排队", [&](soci::session& sql) -> Result<bool> {
    return internal::EnqueueInTransaction(sql, db_, agency_id, cause, case_number, message);
  });
}

Result<std::vector<OutboxMessage>> Outbox::Claim(std::string_view worker_view,
                                                 const std::set<MessageChannel>& channels,
                                                 int limit, std::chrono::seconds lease) {
  std::vector<OutboxMessage> out;
  if (channels.empty() || limit <= 0) return out;
  return Run(db_, "领取待发送消息", [&](soci::session& sql) -> Result<std::vector<OutboxMessage>> {
    auto now_tp = db_.Now();
    std::string now = FormatUtc(now_tp), until = FormatUtc(now_tp + lease);
    std::string worker(worker_view), queued(Key(OutboxState::kQueued));
    std::string in;
    for (MessageChannel c : channels) in += fmt::format("{}'{}'", in.empty() ? "" : ", ", Key(c));
    std::vector<OutboxMessage> due;
    {
      OutboxRow row;
      soci::statement st(sql);
      row.Bind(st);
      st.exchange(soci::use(queued));
      st.exchange(soci::use(now));
      st.exchange(soci::use(now));
      st.alloc();
      st.prepare(fmt::format(
          "SELECT {} FROM outbox WHERE state = :q AND next_attempt_at <= :n AND claimed_until < "
          ":n2 AND channel IN ({}) ORDER BY next_attempt_at, created_at LIMIT {}",
          kColumns, in, limit));
      st.define_and_bind();
      st.execute();
      while (st.fetch()) due.push_back(row.ToMessage());
    }
    // Each claim is one conditional UPDATE: of two claimants, the second matches no row (on
    // PostgreSQL it waits for the first to commit and then re-checks the condition).
    for (OutboxMessage& m : due) {
      long long agency = m.agency_id;
      soci::statement st =
          (sql.prepare << "UPDATE outbox SET claimed_by = :w, claimed_until = :u WHERE agency_id = "
                          ":a AND id = :i AND state = :q AND claimed_until < :n",
           soci::use(worker), soci::use(until), soci::use(agency), soci::use(m.id),
           soci::use(queued), soci::use(now));
      st.execute(true);
      if (st.get_affected_rows() == 1) out.push_back(std::move(m));
    }
    return out;
  });
}

Result<bool> Outbox::MarkSent(const OutboxMessage& m, std::string_view worker_view) {
  return Run(db_, "记录消息已发送", [&](soci::session& sql) -> Result<bool> {
    std::string worker(worker_view), now = FormatUtc(db_.Now()), sent(Key(OutboxState::kSent));
    long long agency = m.agency_id;
    soci::statement st =
        (sql.prepare << "UPDATE outbox SET state = :s, sent_at = :t, body = '', attempts = "
                        "attempts + 1, last_error = '', claimed_by = '', claimed_until = '' "
                        "WHERE agency_id = :a AND id = :i AND claimed_by = :w",
         soci::use(sent), soci::use(now), soci::use(agency), soci::use(m.id), soci::use(worker));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

Result<bool> Outbox::MarkFailed(const OutboxMessage& m, std::string_view worker_view,
                                std::string_view error_view, bool give_up) {
  return Run(db_, "记录消息发送失败", [&](soci::session& sql) -> Result<bool> {
    auto now = db_.Now();
    int attempts = m.attempts + 1;
    std::string worker(worker_view), error = CutError(error_view);
    std::string state(
        Key(give_up || attempts >= kMaxSendAttempts ? OutboxState::kFailed : OutboxState::kQueued));
    std::string next = FormatUtc(now + RetryDelay(attempts));
    long long agency = m.agency_id;
    soci::statement st =
        (sql.prepare << "UPDATE outbox SET state = :s, attempts = :n, last_error = :e, "
                        "next_attempt_at = :x, claimed_by = '', claimed_until = '' WHERE "
                        "agency_id = :a AND id = :i AND claimed_by = :w",
         soci::use(state), soci::use(attempts), soci::use(error), soci::use(next),
         soci::use(agency), soci::use(m.id), soci::use(worker));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

Status Outbox::Retry(int64_t agency_id, std::string_view id_view) {
  return Run(db_, "重新发送消息", [&](soci::session& sql) -> Status {
    std::string id(id_view), now = FormatUtc(db_.Now());
    std::string queued(Key(OutboxState::kQueued)), failed(Key(OutboxState::kFailed));
    long long agency = agency_id;
    soci::statement st =
        (sql.prepare << "UPDATE outbox SET state = :q, attempts = 0, next_attempt_at = :t "
                        "WHERE agency_id = :a AND id = :i AND state = :f",
         soci::use(queued), soci::use(now), soci::use(agency), soci::use(id), soci::use(failed));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return Status::NotFound(fmt::format(
          "机关 {} 没有编号为 {} 的发送失败消息：请用 `gongkai notify list --state failed` 查看",
          agency_id, id));
    }
    return Status::Ok();
  });
}

Result<std::vector<OutboxMessage>> Outbox::List(const OutboxFilter& filter) {
  return Run(db_, "列出消息", [&](soci::session& sql) -> Result<std::vector<OutboxMessage>> {
    std::string where = "1 = 1";
    long long agency = filter.agency_id.value_or(0);
    std::string state = filter.state ? std::string(Key(*filter.state)) : "";
    OutboxRow row;
    soci::statement st(sql);
    row.Bind(st);
    if (filter.agency_id) {
      where += " AND agency_id = :a";
      st.exchange(soci::use(agency));
    }
    if (!filter.case_number.empty()) {
      where += " AND case_number = :c";
      st.exchange(soci::use(filter.case_number));
    }
    if (filter.state) {
      where += " AND state = :s";
      st.exchange(soci::use(state));
    }
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM outbox WHERE {} ORDER BY created_at DESC, id LIMIT {}",
                           kColumns, where, std::max(0, filter.limit)));
    st.define_and_bind();
    st.execute();
    std::vector<OutboxMessage> out;
    while (st.fetch()) out.push_back(row.ToMessage());
    return out;
  });
}

Result<int64_t> Outbox::CountQueued(MessageChannel channel) {
  return Run(db_, "统计待发送消息", [&](soci::session& sql) -> Result<int64_t> {
    long long n = 0;
    std::string queued(Key(OutboxState::kQueued)), ch(Key(channel));
    sql << "SELECT count(*) FROM outbox WHERE state = :q AND channel = :c", soci::use(queued),
        soci::use(ch), soci::into(n);
    return static_cast<int64_t>(n);
  });
}

}  // namespace gongkai
