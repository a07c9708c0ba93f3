#include "store/applicant_migration.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>
#include <vector>

#include "cases/events_jsonl.h"
#include "cases/personal_data.h"
#include "store/audit.h"
#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/sql.h"

namespace gongkai::internal {
namespace {

// The covered columns of cases up to version 10, personal data included: what the ledger's
// digests of cases rows were taken over before this migration.
const CoveredTable kCasesV10 = {
    "cases",
    "cases t",
    "t.agency_id",
    "t.number",
    {"id", "number", "applicant_kind", "applicant_name", "applicant_id_type", "applicant_id_number",
     "applicant_phone", "applicant_email", "applicant_address", "applicant_display", "channel",
     "arrived_date", "received_date", "items", "form", "query_code_hash"}};

// The columns of cases that held personal data until version 11.
constexpr std::string_view kDroppedColumns[] = {"applicant_name",      "applicant_id_type",
                                                "applicant_id_number", "applicant_phone",
                                                "applicant_email",     "applicant_address"};

constexpr std::string_view kActor = "gongkai db migrate";
constexpr std::string_view kReason =
    "数据库迁移到版本 11：个人信息自 received 事件和案件行移入本记录";

// At most this many problems are listed; the rest are counted.
constexpr size_t kMaxListed = 50;

struct EventRow {
  int seq = 0;
  std::string payload, prev_hash, hash;
};

struct CaseRow {
  std::string number;
  Applicant applicant;
  std::vector<EventRow> events;
};

// Rows of cases and case_events whose content no longer matches their newest ledger entry.
void CheckAgainstLedger(soci::session& sql, long long agency, std::vector<std::string>& problems) {
  std::unordered_map<std::string, std::string> latest;
  std::string table, key, digest;
  soci::statement st =
      (sql.prepare << "SELECT table_name, row_key, digest FROM audit_ledger WHERE agency_id = :a "
                      "AND table_name IN ('cases', 'case_events') ORDER BY seq",
       soci::use(agency), soci::into(table), soci::into(key), soci::into(digest));
  st.execute();
  while (st.fetch()) latest[table + '\x1f' + key] = digest;
  if (latest.empty()) return;
  for (const CoveredTable* t : {&kCasesV10, &Covered("case_events")}) {
    for (const LedgerRow& row : ReadLedgerRows(sql, *t, agency, "")) {
      auto it = latest.find(std::string(t->name) + '\x1f' + row.key);
      if (it != latest.end() && it->second != row.digest) {
        problems.push_back(fmt::format("{} {}（机关 {}）：内容与审计台账登记的摘要不符", t->name,
                                       row.key, agency));
      }
    }
  }
}

// Reads the agency's cases with their personal data and events.
std::map<long long, CaseRow> ReadCases(soci::session& sql, long long agency) {
  std::map<long long, CaseRow> cases;
  long long id = 0;
  CaseRow c;
  Applicant& a = c.applicant;
  soci::statement rows =
      (sql.prepare << "SELECT id, number, applicant_name, applicant_id_type, applicant_id_number, "
                      "applicant_phone, applicant_email, applicant_address FROM cases WHERE "
                      "agency_id = :a",
       soci::use(agency), soci::into(id), soci::into(c.number), soci::into(a.name),
       soci::into(a.id_type), soci::into(a.id_number), soci::into(a.phone), soci::into(a.email),
       soci::into(a.address));
  rows.execute();
  while (rows.fetch()) cases[id] = c;
  EventRow e;
  soci::statement events =
      (sql.prepare << "SELECT case_id, seq, payload, prev_hash, hash FROM case_events WHERE "
                      "agency_id = :a ORDER BY case_id, seq",
       soci::use(agency), soci::into(id), soci::into(e.seq), soci::into(e.payload),
       soci::into(e.prev_hash), soci::into(e.hash));
  events.execute();
  while (events.fetch()) cases[id].events.push_back(e);
  return cases;
}

// Moves one agency's personal data; problems are listed, and nothing of a case with one is
// rewritten (the caller rolls the whole migration back).
void MoveAgency(soci::session& sql, long long agency, const std::string& now,
                std::vector<std::string>& problems) {
  CheckAgainstLedger(sql, agency, problems);
  std::vector<ApplicantInsert> records;
  std::vector<long long> case_ids;
  std::vector<int> seqs;
  std::vector<std::string> payloads, prevs, hashes;
  for (auto& [case_id, c] : ReadCases(sql, agency)) {
    auto problem = [&, &c = c](int seq, std::string_view what) {
      problems.push_back(
          fmt::format("案件 {}（机关 {}）第 {} 个事件：{}", c.number, agency, seq, what));
    };
    ApplicantInsert record{case_id, NewSalt(),           c.applicant, std::string(kActor),
                           now,     std::string(kReason)};
    if (c.events.empty()) {  // verify names such a case; its personal data is kept all the same
      records.push_back(std::move(record));
      continue;
    }
    bool intact = true;
    std::string prev;
    for (size_t i = 0; i < c.events.size() && intact; ++i) {
      const EventRow& e = c.events[i];
      if (e.seq != static_cast<int>(i) + 1 || e.prev_hash != prev ||
          e.hash != EventHash(e.prev_hash, e.payload)) {
        problem(e.seq, "哈希链不成立（事件被改动、删除或插入）");
        intact = false;
      }
      prev = e.hash;
    }
    if (!intact) continue;
    auto received = ParseEventLine(c.events.front().payload, 1);
    if (!received.ok() || received->type != EventType::kReceived ||
        !ApplicantRef(*received).empty()) {
      problem(1, "不是可读的 received 事件");
      continue;
    }
    Applicant on_event = TakeApplicant(*received);
    // The row was what the register showed; the event fills what the row lacks.
    for (const ApplicantFieldEntry& f : ApplicantFields()) {
      std::string& value = record.applicant.*f.member;
      if (value.empty()) value = on_event.*f.member;
    }
    record.ref = AttachNewApplicantRef(*received);
    c.events.front().payload = EventToJsonLine(*received);
    prev.clear();
    for (const EventRow& e : c.events) {
      std::string hash = EventHash(prev, e.payload);
      case_ids.push_back(case_id);
      seqs.push_back(e.seq);
      payloads.push_back(e.payload);
      prevs.push_back(prev);
      hashes.push_back(hash);
      prev = std::move(hash);
    }
    records.push_back(std::move(record));
  }
  if (!problems.empty()) return;
  InsertApplicantRecords(sql, agency, records);
  if (case_ids.empty()) return;
  std::vector<long long> agency_col(case_ids.size(), agency);
  sql << "UPDATE case_events SET payload = :p, prev_hash = :ph, hash = :h WHERE agency_id = :a "
         "AND case_id = :c AND seq = :s",
      soci::use(payloads), soci::use(prevs), soci::use(hashes), soci::use(agency_col),
      soci::use(case_ids), soci::use(seqs);
}

}  // namespace

Status MoveApplicantsOutOfEvents(Database& db, soci::session& sql) {
  std::vector<long long> agencies;
  {
    long long id = 0;
    soci::statement st = (sql.prepare << "SELECT id FROM agencies ORDER BY id", soci::into(id));
    st.execute();
    while (st.fetch()) agencies.push_back(id);
  }
  std::string now = FormatUtc(db.Now());
  std::vector<std::string> problems;
  for (long long agency : agencies) MoveAgency(sql, agency, now, problems);
  if (!problems.empty()) {
    std::string list;
    for (size_t i = 0; i < problems.size() && i < kMaxListed; ++i) list += "\n" + problems[i];
    if (problems.size() > kMaxListed) {
      list += fmt::format("\n……另有 {} 处", problems.size() - kMaxListed);
    }
    return Status::Conflict(
        "迁移被拒绝，未作任何改动：以下数据未通过核验，重算哈希链会掩盖改动。请先运行 `gongkai "
        "audit verify` 查明并处理，再迁移：" +
        list);
  }
  for (std::string_view column : kDroppedColumns) {
    sql << fmt::format("ALTER TABLE cases DROP COLUMN {}", column);
  }
  for (long long agency : agencies) {
    for (std::string_view table :
         {"cases", "case_events", "applicant_records", "applicant_record_acts"}) {
      RecordInLedger(db, sql, table, agency, "");
    }
  }
  return Status::Ok();
}

}  // namespace gongkai::internal
