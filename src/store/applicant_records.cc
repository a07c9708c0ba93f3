#include "store/applicant_records.h"

#include <fmt/format.h>

#include <array>

#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/outbox_rows.h"
#include "store/sql.h"
#include "util/utf8.h"

namespace gongkai {
namespace {

struct ActEntry {
  ApplicantActKind value;
  std::string_view key, label;
};
constexpr std::array<ActEntry, 3> kActs{{
    {ApplicantActKind::kRecorded, "recorded", "登记"},
    {ApplicantActKind::kCorrected, "corrected", "更正"},
    {ApplicantActKind::kErased, "erased", "删除"},
}};

// The record's row: its case and current state.
struct RecordRow {
  long long case_id = 0;
  std::string ref;
  int version = 0;
  int erased = 0;
  std::string kind;  // the case's applicant kind, for the list name
};

Result<RecordRow> FindRecord(soci::session& sql, long long agency, const std::string& number) {
  RecordRow r;
  sql << "SELECT r.case_id, r.ref, r.version, r.erased, c.applicant_kind FROM cases c JOIN "
         "applicant_records r ON r.agency_id = c.agency_id AND r.case_id = c.id WHERE "
         "c.agency_id = :a AND c.number = :n",
      soci::use(agency), soci::use(number), soci::into(r.case_id), soci::into(r.ref),
      soci::into(r.version), soci::into(r.erased), soci::into(r.kind);
  if (!sql.got_data()) {
    return Status::NotFound(
        fmt::format("机关 {} 没有编号为 {} 的案件（或其申请人信息记录）", agency, number));
  }
  return r;
}

Status CheckReason(std::string_view reason) {
  if (reason.empty()) return Status::InvalidInput("请说明理由（--reason）：更正和删除都须留下理由");
  if (!IsValidUtf8(reason) || reason.size() > kMaxApplicantReasonBytes) {
    return Status::InvalidInput(
        fmt::format("理由须为 UTF-8 文本，且不超过 {} 字节", kMaxApplicantReasonBytes));
  }
  return Status::Ok();
}

// Enters the record, its acts and the case row into the ledger as they are now.
void RecordAll(Database& db, soci::session& sql, long long agency, const RecordRow& r) {
  internal::RecordInLedger(db, sql, "applicant_records", agency,
                           fmt::format("t.case_id = {}", r.case_id));
  // ref is 32 hex made by the store (case_rows.h), never user input.
  internal::RecordInLedger(db, sql, "applicant_record_acts", agency,
                           fmt::format("t.ref = '{}'", r.ref));
  internal::RecordInLedger(db, sql, "cases", agency, fmt::format("t.id = {}", r.case_id));
}

}  // namespace

std::string_view Key(ApplicantActKind kind) {
  for (const ActEntry& e : kActs) {
    if (e.value == kind) return e.key;
  }
  return "";
}

std::string_view Label(ApplicantActKind kind) {
  for (const ActEntry& e : kActs) {
    if (e.value == kind) return e.label;
  }
  return "";
}

Result<ApplicantRecord> ApplicantRecords::Get(int64_t agency_id, std::string_view number) {
  return Run(db_, "读取申请人信息记录", [&](soci::session& sql) -> Result<ApplicantRecord> {
    long long agency = agency_id;
    std::string key(number);
    auto row = FindRecord(sql, agency, key);
    if (!row.ok()) return row.status();
    ApplicantRecord record;
    record.case_number = key;
    record.ref = row->ref;
    record.version = row->version;
    record.erased = row->erased != 0;
    Applicant& a = record.applicant;
    sql << "SELECT name, id_type, id_number, phone, email, address FROM applicant_records WHERE "
           "agency_id = :a AND ref = :r",
        soci::use(agency), soci::use(row->ref), soci::into(a.name), soci::into(a.id_type),
        soci::into(a.id_number), soci::into(a.phone), soci::into(a.email), soci::into(a.address);
    ApplicantAct act;
    std::string kind, field;
    soci::statement st =
        (sql.prepare << "SELECT version, act, field, previous, reason, actor, recorded_at FROM "
                        "applicant_record_acts WHERE agency_id = :a AND ref = :r ORDER BY version",
         soci::use(agency), soci::use(row->ref), soci::into(act.version), soci::into(kind),
         soci::into(field), soci::into(act.previous), soci::into(act.reason), soci::into(act.actor),
         soci::into(act.recorded_at));
    st.execute();
    while (st.fetch()) {
      ApplicantAct copy = act;
      for (const ActEntry& e : kActs) {
        if (e.key == kind) copy.kind = e.value;
      }
      copy.field = ApplicantFieldFromKey(field);
      record.acts.push_back(std::move(copy));
    }
    return record;
  });
}

Status ApplicantRecords::Correct(int64_t agency_id, std::string_view number, ApplicantField field,
                                 std::string_view value, std::string_view reason,
                                 std::string_view actor) {
  if (Status s = CheckReason(reason); !s.ok()) return s;
  const ApplicantFieldEntry& entry = FieldEntry(field);
  if (!IsValidUtf8(value) || value.size() > kMaxApplicantFieldBytes) {
    return Status::InvalidInput(
        fmt::format("{}须为 UTF-8 文本，且不超过 {} 字节", entry.label, kMaxApplicantFieldBytes));
  }
  if (field == ApplicantField::kName && value.empty()) {
    return Status::InvalidInput("申请人姓名或名称不能更正为空");
  }
  return RunInTransaction(db_, "更正申请人信息", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    auto row = FindRecord(sql, agency, std::string(number));
    if (!row.ok()) return row.status();
    if (row->erased) {
      return Status::Conflict(
          fmt::format("案件 {} 的申请人信息已删除，不能更正：请另行登记", number));
    }
    // The column is one of the table's fixed names (ApplicantFields), never user input.
    std::string column(entry.key), previous;
    sql << fmt::format("SELECT {} FROM applicant_records WHERE agency_id = :a AND ref = :r",
                       column),
        soci::use(agency), soci::use(row->ref), soci::into(previous);
    if (previous == value) {
      return Status::InvalidInput(
          fmt::format("案件 {} 的申请人{}已是该值，无需更正", number, entry.label));
    }
    int version = row->version + 1;
    std::string text(value), salt = internal::NewSalt(), act(Key(ApplicantActKind::kCorrected)),
                             key(entry.key), why(reason), who(actor), now = FormatUtc(db_.Now());
    sql << fmt::format(
        "UPDATE applicant_records SET {} = :v, version = :n, salt = :s WHERE agency_id = "
        ":a AND ref = :r",
        column),
        soci::use(text), soci::use(version), soci::use(salt), soci::use(agency),
        soci::use(row->ref);
    std::string act_salt = internal::NewSalt();
    sql << "INSERT INTO applicant_record_acts (agency_id, ref, version, act, field, previous, "
           "reason, actor, recorded_at, salt) VALUES (:a, :r, :n, :act, :f, :p, :why, :who, :t, "
           ":s)",
        soci::use(agency), soci::use(row->ref), soci::use(version), soci::use(act), soci::use(key),
        soci::use(previous), soci::use(why), soci::use(who), soci::use(now), soci::use(act_salt);
    if (field == ApplicantField::kName) {
      std::string display = internal::MaskApplicantName(
          ApplicantKindFromKey(row->kind).value_or(ApplicantKind::kNaturalPerson), text);
      sql << "UPDATE cases SET applicant_display = :d WHERE agency_id = :a AND id = :c",
          soci::use(display), soci::use(agency), soci::use(row->case_id);
    }
    if (field == ApplicantField::kEmail || field == ApplicantField::kPhone) {
      internal::ReaddressCaseMessages(
          sql, agency, std::string(number),
          field == ApplicantField::kEmail ? MessageChannel::kEmail : MessageChannel::kSms, text);
    }
    RecordAll(db_, sql, agency, *row);
    return Status::Ok();
  });
}

Status ApplicantRecords::Erase(int64_t agency_id, std::string_view number, std::string_view reason,
                               std::string_view actor) {
  if (Status s = CheckReason(reason); !s.ok()) return s;
  Status erased = RunInTransaction(db_, "删除申请人信息", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    auto row = FindRecord(sql, agency, std::string(number));
    if (!row.ok()) return row.status();
    if (row->erased) return Status::Conflict(fmt::format("案件 {} 的申请人信息已删除", number));
    int version = row->version + 1;
    std::string act(Key(ApplicantActKind::kErased)), why(reason), who(actor),
        now = FormatUtc(db_.Now()), display(internal::kErasedDisplay);
    sql << "UPDATE applicant_records SET name = '', id_type = '', id_number = '', phone = '', "
           "email = '', address = '', salt = '', erased = 1, version = :n WHERE agency_id = :a "
           "AND ref = :r",
        soci::use(version), soci::use(agency), soci::use(row->ref);
    sql << "UPDATE applicant_record_acts SET previous = '', salt = '' WHERE agency_id = :a AND "
           "ref = :r",
        soci::use(agency), soci::use(row->ref);
    sql << "INSERT INTO applicant_record_acts (agency_id, ref, version, act, reason, actor, "
           "recorded_at) VALUES (:a, :r, :n, :act, :why, :who, :t)",
        soci::use(agency), soci::use(row->ref), soci::use(version), soci::use(act), soci::use(why),
        soci::use(who), soci::use(now);
    sql << "UPDATE cases SET applicant_display = :d WHERE agency_id = :a AND id = :c",
        soci::use(display), soci::use(agency), soci::use(row->case_id);
    internal::EraseCaseMessages(sql, agency, std::string(number));
    RecordAll(db_, sql, agency, *row);
    return Status::Ok();
  });
  if (!erased.ok() || db_.dialect() != Dialect::kSqlite) return erased;
  // The old page images of the record are in the write-ahead log until a checkpoint copies the
  // new ones into the file; TRUNCATE then empties the log. A reader holding an old snapshot
  // keeps the log alive: the erasure stands, and the next checkpoint finishes the job.
  return Run(db_, "清空预写日志", [&](soci::session& sql) -> Status {
    int busy = 0, log_frames = 0, checkpointed = 0;
    sql << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(log_frames),
        soci::into(checkpointed);
    return Status::Ok();
  });
}

}  // namespace gongkai
