#include "store/ledger_rows.h"

#include <fmt/format.h>

#include <cstdlib>

#include "store/sql.h"

namespace gongkai::internal {
namespace {

// The non-cache columns of each covered table. Caches (cases' state columns, agencies'
// next_case_id and register_version) are left out: they change on every append and are
// recomputed and compared by verify instead. Sessions are not covered (they expire), nor is
// derived data: the search index, publication_counters (the highest 索引号 handed out, which
// the covered 索引号 themselves bound), the attachments' extracted text, and
// report_versions.register_stamp (a hint ApproveReport checks again by rebuilding the tables). The
// publications register keeps its own unkeyed event chain besides (store/publications.h); the
// ledger is what makes an edit of it with recomputed hashes visible.
const std::vector<CoveredTable> kCovered = {
    {"agencies",
     "agencies t",
     "t.id",
     "CAST(t.id AS TEXT)",
     {"parent_id", "name", "kind", "region", "settings", "created_at"}},
    {"users",
     "users t",
     "t.agency_id",
     "t.name",
     {"id", "agency_id", "name", "role", "password_hash", "created_at"},
     {"disabled_at"}},
    {"cases",
     "cases t",
     "t.agency_id",
     "t.number",
     {"id", "number", "applicant_kind", "applicant_display", "channel", "arrived_date",
      "received_date", "items", "form", "query_code_hash"}},
    {"case_events",
     "case_events t LEFT JOIN cases c ON c.agency_id = t.agency_id AND c.id = t.case_id",
     "t.agency_id",
     "COALESCE(c.number, 'id ' || CAST(t.case_id AS TEXT)) || ' #' || CAST(t.seq AS TEXT)",
     {"case_id", "seq", "type", "event_date", "payload", "actor", "recorded_at", "prev_hash",
      "hash"}},
    // The applicant's personal data (store/applicant_records.h) and every act on it. The salt
    // makes a digest unguessable from the fields; erasure blanks it with them.
    {"applicant_records",
     "applicant_records t LEFT JOIN cases c ON c.agency_id = t.agency_id AND c.id = t.case_id",
     "t.agency_id",
     "COALESCE(c.number, 'id ' || CAST(t.case_id AS TEXT))",
     {"ref", "case_id", "version", "name", "id_type", "id_number", "phone", "email", "address",
      "salt", "erased"}},
    {"applicant_record_acts",
     "applicant_record_acts t LEFT JOIN applicant_records r ON r.agency_id = t.agency_id AND "
     "r.ref = t.ref LEFT JOIN cases c ON c.agency_id = r.agency_id AND c.id = r.case_id",
     "t.agency_id",
     "COALESCE(c.number, t.ref) || ' v' || CAST(t.version AS TEXT)",
     {"ref", "version", "act", "field", "previous", "reason", "actor", "recorded_at", "salt"}},
    {"decision_counts",
     "decision_counts t",
     "t.agency_id",
     "CAST(t.year AS TEXT) || ' ' || t.category",
     {"year", "category", "decisions"}},
    {"fees_collected",
     "fees_collected t",
     "t.agency_id",
     "CAST(t.year AS TEXT)",
     {"year", "amount_fen"}},
    {"report_versions",
     "report_versions t",
     "t.agency_id",
     "CAST(t.year AS TEXT) || ' v' || CAST(t.version AS TEXT)",
     {"year", "version", "state", "report_json", "created_by", "created_at", "approved_by",
      "approved_at", "published_by", "published_at", "reopened_by", "reopened_at",
      "reopen_reason"}},
    {"report_narratives",
     "report_narratives t",
     "t.agency_id",
     "CAST(t.year AS TEXT) || ' v' || CAST(t.version AS TEXT) || ' §' || CAST(t.section AS TEXT)",
     {"year", "version", "section", "text", "edited_by", "edited_at"}},
    {"proposals",
     "proposals t",
     "t.agency_id",
     "'#' || CAST(t.id AS TEXT)",
     {"id", "case_number", "event_type", "payload", "proposed_by", "reason", "created_at",
      "decision", "decided_by", "decided_at", "decision_note"}},
    {"report_files",
     "report_files t",
     "t.agency_id",
     "CAST(t.year AS TEXT) || ' v' || CAST(t.version AS TEXT) || ' ' || t.format",
     {"year", "version", "format", "bytes", "sha256", "created_at"},
     {},
     kCoverageVersion},
    {"publication_numbering",
     "publication_numbering t",
     "t.agency_id",
     "'索引号规则'",
     {"credit_code", "pattern"},
     {},
     kCoverageVersion},
    {"publications",
     "publications t",
     "t.agency_id",
     "'#' || CAST(t.id AS TEXT)",
     {"id", "index_no", "title", "doc_no", "publisher", "summary", "kind", "category",
      "created_date", "changed_date", "published_date", "status", "status_date", "channels", "body",
      "source_agency", "extra"},
     {},
     kCoverageVersion},
    {"publication_attachments",
     "publication_attachments t",
     "t.agency_id",
     "'#' || CAST(t.publication_id AS TEXT) || ' 附件' || CAST(t.n + 1 AS TEXT)",
     {"publication_id", "n", "name", "media_type", "size", "sha256", "content"},
     {},
     kCoverageVersion},
    {"publication_events",
     "publication_events t",
     "t.agency_id",
     "'#' || CAST(t.publication_id AS TEXT) || ' 事件' || CAST(t.seq AS TEXT)",
     {"seq", "publication_id", "type", "actor", "recorded_at", "payload", "prev_hash", "hash"},
     {},
     kCoverageVersion},
    {"guide_versions",
     "guide_versions t",
     "t.agency_id",
     "'第' || CAST(t.version AS TEXT) || '版'",
     {"version", "content", "saved_by", "saved_at", "published_by", "published_at"},
     {},
     kCoverageVersion},
    {"standard_catalogue_rows",
     "standard_catalogue_rows t",
     "t.agency_id",
     "'序号' || t.number",
     {"number", "position", "topic", "subtopic", "content", "basis", "time_limit", "subject",
      "channels", "flags", "note"}},
    {"standard_catalogue_events",
     "standard_catalogue_events t",
     "t.agency_id",
     "'事件' || CAST(t.seq AS TEXT)",
     {"seq", "type", "actor", "recorded_at", "payload", "prev_hash", "hash"}},
    {"service_item_versions",
     "service_item_versions t",
     "t.agency_id",
     "t.code || ' v' || CAST(t.version AS TEXT)",
     {"seq", "code", "version", "effective", "item", "change_id", "recorded_by", "recorded_at"}},
    {"service_materials",
     "service_materials t LEFT JOIN service_item_versions v ON v.agency_id = t.agency_id AND "
     "v.seq = t.version_seq",
     "t.agency_id",
     "COALESCE(v.code || ' v' || CAST(v.version AS TEXT), '#' || CAST(t.version_seq AS TEXT)) || "
     "' 材料' || CAST(t.n + 1 AS TEXT)",
     {"version_seq", "n", "name", "form", "copies", "required", "extra"}},
    {"service_basis",
     "service_basis t LEFT JOIN service_item_versions v ON v.agency_id = t.agency_id AND "
     "v.seq = t.version_seq",
     "t.agency_id",
     "COALESCE(v.code || ' v' || CAST(v.version AS TEXT), '#' || CAST(t.version_seq AS TEXT)) || "
     "' 依据' || CAST(t.n + 1 AS TEXT)",
     {"version_seq", "n", "title", "doc_no", "article"}},
    {"service_items",
     "service_items t",
     "t.agency_id",
     "t.code",
     {"code", "version_seq", "name", "level", "parent_code", "type", "department", "status"}},
    {"service_changes",
     "service_changes t",
     "t.agency_id",
     "'#' || CAST(t.id AS TEXT)",
     {"id",           "code",        "kind",       "reason",      "basis",       "effective",
      "request_item", "counterpart", "successor",  "state",       "before_item", "after_item",
      "diff",         "drafted_by",  "drafted_at", "approved_by", "approved_at", "published_by",
      "published_at", "closed_by",   "closed_at",  "close_note",  "version"},
     {"publication_id"}},
    {"intermediary_versions",
     "intermediary_versions t",
     "t.agency_id",
     "t.target || ' ' || t.entry_key || ' v' || CAST(t.version AS TEXT)",
     {"seq", "target", "entry_key", "version", "effective", "entry", "change_id", "recorded_by",
      "recorded_at"}},
    {"intermediary_entries",
     "intermediary_entries t",
     "t.agency_id",
     "t.target || ' ' || t.entry_key",
     {"target", "entry_key", "version_seq", "name", "withdrawn"}},
    {"intermediary_changes",
     "intermediary_changes t",
     "t.agency_id",
     "'#' || CAST(t.id AS TEXT)",
     {"id",         "target",        "entry_key",   "kind",         "reason",       "basis",
      "effective",  "request_entry", "state",       "before_entry", "after_entry",  "diff",
      "drafted_by", "drafted_at",    "approved_by", "approved_at",  "published_by", "published_at",
      "closed_by",  "closed_at",     "close_note",  "version"}},
    // 好差评 (store/ratings.h), covered from their creation.
    {"ratings",
     "ratings t",
     "t.agency_id",
     "'评价 ' || t.id",
     {"seq", "id", "item", "case_number", "object", "channel", "level", "options", "comment",
      "named", "rated_at", "extra", "recorded_by", "recorded_at"}},
    {"rating_steps",
     "rating_steps t",
     "t.agency_id",
     "'评价 ' || t.rating_id || ' 步骤' || CAST(t.seq AS TEXT)",
     {"seq", "rating_id", "kind", "step_date", "result", "days", "note", "extra", "recorded_by",
      "recorded_at", "decision", "decided_by", "decided_at", "decision_note"}},
};

constexpr char kUnit = '\x1f', kRecord = '\x1e';

}  // namespace

std::span<const CoveredTable> CoveredTables() { return kCovered; }

const CoveredTable& Covered(std::string_view name) {
  for (const CoveredTable& t : kCovered) {
    if (t.name == name) return t;
  }
  std::abort();  // a programmer error: every caller names a table of kCovered
}

std::vector<LedgerRow> ReadLedgerRows(soci::session& sql, const CoveredTable& table,
                                      long long agency_id, const std::string& condition) {
  // Every column is read as text, NULL told apart from '' by a prefix, so one digest means the
  // same on SQLite and PostgreSQL.
  std::string select = fmt::format("SELECT {}, {}", table.key, table.agency);
  for (std::string_view column : table.columns) {
    select += fmt::format(", COALESCE('v' || CAST(t.{} AS TEXT), 'n')", column);
  }
  for (std::string_view column : table.late_columns) {
    select += fmt::format(", COALESCE('v' || CAST(t.{} AS TEXT), 'n')", column);
  }
  select += fmt::format(" FROM {} WHERE {} = :a", table.from, table.agency);
  if (!condition.empty()) select += " AND (" + condition + ")";
  select += " ORDER BY 1";
  std::string key;
  long long agency = agency_id, row_agency = 0;
  std::vector<std::string> values(table.columns.size() + table.late_columns.size());
  soci::statement st(sql);
  st.exchange(soci::into(key));
  st.exchange(soci::into(row_agency));
  for (std::string& v : values) st.exchange(soci::into(v));
  st.exchange(soci::use(agency, "a"));
  st.alloc();
  st.prepare(select);
  st.define_and_bind();
  st.execute();
  std::vector<LedgerRow> rows;
  while (st.fetch()) {
    std::string canonical = fmt::format("{}{}{}{}", table.name, kUnit, key, kRecord);
    for (size_t i = 0; i < table.columns.size(); ++i) {
      canonical += fmt::format("{}{}{}{}", table.columns[i], kUnit, values[i], kRecord);
    }
    std::string base_digest = Blake2bHex(canonical);
    bool late = false;
    for (size_t i = 0; i < table.late_columns.size(); ++i) {
      const std::string& v = values[table.columns.size() + i];
      if (v == "n" || v == "v") continue;  // NULL or ''
      canonical += fmt::format("{}{}{}{}", table.late_columns[i], kUnit, v, kRecord);
      late = true;
    }
    std::string digest = late ? Blake2bHex(canonical) : base_digest;
    rows.push_back(LedgerRow{row_agency, key, std::move(digest), std::move(base_digest)});
  }
  return rows;
}

std::string EntryMac(const AuditKey& key, long long agency_id, long long seq,
                     std::string_view table, std::string_view row_key, std::string_view digest,
                     std::string_view recorded_at, std::string_view prev_mac) {
  return key.Mac(fmt::format("entry{0}{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}{6}{0}{7}", kUnit, agency_id,
                             seq, table, row_key, digest, recorded_at, prev_mac));
}

std::string HeadMac(const AuditKey& key, long long agency_id, long long sealed, int legacy,
                    std::string_view mac) {
  return key.Mac(fmt::format("head{0}{1}{0}{2}{0}{3}{0}{4}", kUnit, agency_id, sealed,
                             legacy == 1 ? 1 : 0, mac));
}

namespace {

// Appends one entry per row (its key and digest) to the agency's ledger, sealed when possible.
void AppendEntries(Database& db, soci::session& sql, std::string_view table_name,
                   long long agency_id, std::vector<LedgerRow> rows) {
  if (rows.empty()) return;
  long long agency = agency_id, entries = 0, sealed = 0;
  int legacy = 0;
  std::string head_mac;
  // FOR UPDATE serializes appenders of one agency on PostgreSQL; SQLite has one writer.
  std::string lock = db.dialect() == Dialect::kPostgres ? " FOR UPDATE" : "";
  sql << "SELECT entries, sealed, mac, legacy FROM audit_heads WHERE agency_id = :a" + lock,
      soci::use(agency), soci::into(entries), soci::into(sealed), soci::into(head_mac),
      soci::into(legacy);
  if (!sql.got_data()) {
    sql << "INSERT INTO audit_heads (agency_id, entries, sealed, mac) VALUES (:a, 0, 0, '')",
        soci::use(agency);
  }
  const AuditKey* key = db.audit_key();
  bool seal = key != nullptr && sealed == entries;
  std::string prev_mac;
  if (seal && entries > 0) {
    sql << "SELECT mac FROM audit_ledger WHERE agency_id = :a AND seq = :s", soci::use(agency),
        soci::use(entries), soci::into(prev_mac);
  }
  std::string now = FormatUtc(db.Now());
  std::vector<long long> agency_col(rows.size(), agency), seq;
  std::vector<std::string> table(rows.size(), std::string(table_name)), row_key, digest,
      recorded(rows.size(), now), mac;
  for (LedgerRow& r : rows) {
    seq.push_back(++entries);
    if (seal)
      prev_mac = EntryMac(*key, agency, entries, table_name, r.key, r.digest, now, prev_mac);
    mac.push_back(seal ? prev_mac : "");
    row_key.push_back(std::move(r.key));
    digest.push_back(std::move(r.digest));
  }
  sql << "INSERT INTO audit_ledger (agency_id, seq, table_name, row_key, digest, recorded_at, mac) "
         "VALUES (:a, :s, :t, :k, :d, :r, :m)",
      soci::use(agency_col), soci::use(seq), soci::use(table), soci::use(row_key),
      soci::use(digest), soci::use(recorded), soci::use(mac);
  if (seal) {
    sealed = entries;
    head_mac = HeadMac(*key, agency, sealed, legacy, prev_mac);
  }
  sql << "UPDATE audit_heads SET entries = :e, sealed = :s, mac = :m WHERE agency_id = :a",
      soci::use(entries), soci::use(sealed), soci::use(head_mac), soci::use(agency);
}

}  // namespace

void RecordInLedger(Database& db, soci::session& sql, std::string_view table_name,
                    long long agency_id, const std::string& condition) {
  AppendEntries(db, sql, table_name, agency_id,
                ReadLedgerRows(sql, Covered(table_name), agency_id, condition));
}

void RecordRemovalInLedger(Database& db, soci::session& sql, std::string_view table_name,
                           long long agency_id, const std::string& condition) {
  std::vector<LedgerRow> rows = ReadLedgerRows(sql, Covered(table_name), agency_id, condition);
  for (LedgerRow& r : rows) r.digest = std::string(kRemovedDigest);
  AppendEntries(db, sql, table_name, agency_id, std::move(rows));
}

}  // namespace gongkai::internal
