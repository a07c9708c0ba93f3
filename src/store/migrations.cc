#include "store/migrations.h"

#include <vector>

#include "store/applicant_migration.h"

namespace gongkai {
namespace {

// Version 1: the register as of the first release.
const std::vector<std::string_view> kInitialSchema = {
    R"(CREATE TABLE agencies (
  id {{serial}},
  parent_id BIGINT REFERENCES agencies(id),
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,                    -- government | department | township
  region TEXT NOT NULL DEFAULT '',       -- local calendar region; '' = national only
  settings TEXT NOT NULL DEFAULT '{}',   -- JSON, see store/agencies.h
  next_case_id BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
))",
    R"(CREATE INDEX agencies_parent ON agencies(parent_id))",
    R"(CREATE TABLE users (
  id {{serial}},
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,                    -- clerk | head | admin | supervisor
  password_hash TEXT NOT NULL,           -- crypto_pwhash_str (Argon2id)
  created_at TEXT NOT NULL
))",
    R"(CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,           -- crypto_generichash of the cookie token, hex
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
))",
    R"(CREATE TABLE cases (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  id BIGINT NOT NULL,
  number TEXT NOT NULL,
  applicant_kind TEXT NOT NULL,
  applicant_name TEXT NOT NULL DEFAULT '',
  applicant_id_type TEXT NOT NULL DEFAULT '',
  applicant_id_number TEXT NOT NULL DEFAULT '',
  applicant_phone TEXT NOT NULL DEFAULT '',
  applicant_email TEXT NOT NULL DEFAULT '',
  applicant_address TEXT NOT NULL DEFAULT '',
  applicant_display TEXT NOT NULL DEFAULT '', -- masked name, safe for lists and logs
  channel TEXT NOT NULL,
  arrived_date TEXT NOT NULL,
  received_date TEXT NOT NULL,
  items TEXT NOT NULL DEFAULT '[]',      -- requested items, JSON array of strings
  form TEXT NOT NULL DEFAULT '',         -- requested form of the information
  query_code_hash TEXT NOT NULL DEFAULT '',
  last_event_date TEXT NOT NULL,
  -- cache of ComputeCaseState(); rebuilt by `gongkai cases recompute`
  status TEXT NOT NULL,
  closed_date TEXT,
  outcome TEXT,
  due_date TEXT,
  days_left INTEGER,
  overdue INTEGER NOT NULL DEFAULT 0,
  state_as_of TEXT,
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, number)
))",
    R"(CREATE INDEX cases_received ON cases(agency_id, received_date))",
    R"(CREATE INDEX cases_status ON cases(agency_id, status, due_date))",
    R"(CREATE TABLE case_events (
  agency_id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,                  -- 1, 2, … within the case
  type TEXT NOT NULL,
  event_date TEXT NOT NULL,
  payload TEXT NOT NULL,                 -- the case-events JSON line (spec/case-events.md)
  actor TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,               -- hash of seq - 1; '' for the first event
  hash TEXT NOT NULL,                    -- BLAKE2b-256(prev_hash || payload), hex
  PRIMARY KEY (agency_id, case_id, seq),
  FOREIGN KEY (agency_id, case_id) REFERENCES cases(agency_id, id)
))",
    R"(CREATE TABLE regulatory_documents (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  id BIGINT NOT NULL,
  kind TEXT NOT NULL,                    -- rules (规章) | normative_documents (行政规范性文件)
  number TEXT NOT NULL,                  -- 文号
  title TEXT NOT NULL,
  issued_date TEXT NOT NULL,
  abolished_date TEXT,
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, number)
))",
    R"(CREATE TABLE decision_counts (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  category TEXT NOT NULL,                -- licensing | punishment | enforcement
  decisions BIGINT NOT NULL,
  PRIMARY KEY (agency_id, year, category)
))",
    R"(CREATE TABLE fees_collected (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  amount_fen BIGINT NOT NULL,            -- 行政事业性收费, integer fen
  PRIMARY KEY (agency_id, year)
))",
    R"(CREATE TABLE report_versions (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,                   -- draft | approved | published | reopened
  report_json TEXT NOT NULL,             -- the tables as built (report JSON)
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  approved_by TEXT,
  approved_at TEXT,
  published_by TEXT,
  published_at TEXT,
  reopened_by TEXT,
  reopened_at TEXT,
  reopen_reason TEXT,
  PRIMARY KEY (agency_id, year, version)
))",
    R"(CREATE TABLE report_narratives (
  agency_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  section INTEGER NOT NULL,              -- 1 … 6 (一 … 六)
  text TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, year, version, section),
  FOREIGN KEY (agency_id, year, version) REFERENCES report_versions(agency_id, year, version)
))",
};

// Version 2: the clerk's proposals awaiting the head's decision (store/proposals.h). Decided
// proposals stay, with who decided, when and why, as the trace of a rejection.
const std::vector<std::string_view> kProposals = {
    R"(CREATE TABLE proposals (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  id BIGINT NOT NULL,                    -- 1, 2, … within the agency
  case_number TEXT NOT NULL,
  event_type TEXT NOT NULL,              -- the proposed event's type key
  payload TEXT NOT NULL,                 -- the proposed event as a case-events JSON line
  proposed_by TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',       -- the clerk's reason, for the head
  created_at TEXT NOT NULL,
  decision TEXT,                         -- NULL while pending | approved | rejected
  decided_by TEXT,
  decided_at TEXT,
  decision_note TEXT,                    -- the head's reason for a rejection
  PRIMARY KEY (agency_id, id),
  FOREIGN KEY (agency_id, case_number) REFERENCES cases(agency_id, number)
))",
    R"(CREATE INDEX proposals_case ON proposals(agency_id, case_number))",
};

// A counter each agency's event appends and imports bump in their own transaction, so the web
// app can tell whether the register changed (store/register_stamp.h) without counting events.
const std::vector<std::string_view> kRegisterVersion = {
    R"(ALTER TABLE agencies ADD COLUMN register_version BIGINT NOT NULL DEFAULT 0)",
};

// Version 4: the register of proactive disclosure (store/publications.h). Its 规章 and
// 行政规范性文件 become the one source of table 二: the rows of regulatory_documents are copied
// in (kind rules → regulation, normative_documents → normative_document; created = issued;
// repealed on the abolition date; the records register kept no 公开日期, so the issue date
// stands for it; publisher = the agency's name, summary = the title; category 第二十条第（一）
// 项; no 索引号 — one is assigned when the item is next changed) and that table is dropped.
const std::vector<std::string_view> kPublications = {
    R"(CREATE TABLE publication_numbering (
  agency_id BIGINT PRIMARY KEY REFERENCES agencies(id),
  credit_code TEXT NOT NULL DEFAULT '',  -- 统一社会信用代码
  pattern TEXT NOT NULL                  -- publications/index_no.h
))",
    R"(CREATE TABLE publication_counters (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  last_seq BIGINT NOT NULL,              -- the last 索引号 running number handed out
  PRIMARY KEY (agency_id, year)
))",
    R"(CREATE TABLE publications (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  id BIGINT NOT NULL,                    -- 1, 2, … within the agency
  index_no TEXT,                         -- 索引号; NULL until assigned; never reused
  title TEXT NOT NULL,
  doc_no TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL,
  summary TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- regulation | normative_document | other
  category TEXT NOT NULL,
  created_date TEXT NOT NULL,
  changed_date TEXT,
  published_date TEXT,                   -- NULL = not (or no longer) published
  status TEXT NOT NULL,                  -- in_force | expired | repealed
  status_date TEXT,
  channels TEXT NOT NULL DEFAULT '[]',   -- JSON array of channel keys
  body TEXT NOT NULL DEFAULT '',
  source_agency TEXT NOT NULL DEFAULT '', -- the interchange format's `agency`
  extra TEXT NOT NULL DEFAULT '{}',      -- unknown interchange fields, JSON object
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, index_no)
))",
    R"(CREATE INDEX publications_created ON publications(agency_id, created_date))",
    R"(CREATE INDEX publications_kind ON publications(agency_id, kind, created_date))",
    R"(CREATE TABLE publication_attachments (
  agency_id BIGINT NOT NULL,
  publication_id BIGINT NOT NULL,
  n INTEGER NOT NULL,                    -- 0, 1, … in upload order
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,                  -- hex of the bytes
  content TEXT NOT NULL,                 -- the bytes, base64 (one column type on both databases)
  extracted_text TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agency_id, publication_id, n),
  FOREIGN KEY (agency_id, publication_id) REFERENCES publications(agency_id, id)
))",
    R"(CREATE TABLE publication_events (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  seq INTEGER NOT NULL,                  -- 1, 2, … within the agency: one chain per agency
  publication_id BIGINT NOT NULL,
  type TEXT NOT NULL,                    -- create | change | withdraw | expire | repeal
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  payload TEXT NOT NULL,                 -- the item after the event, a JSON line
  prev_hash TEXT NOT NULL,               -- hash of seq - 1; '' for the first
  hash TEXT NOT NULL,                    -- store/audit.h EventHash(prev_hash, payload)
  PRIMARY KEY (agency_id, seq),
  FOREIGN KEY (agency_id, publication_id) REFERENCES publications(agency_id, id)
))",
    R"(INSERT INTO publications (agency_id, id, index_no, title, doc_no, publisher, summary, kind,
  category, created_date, changed_date, published_date, status, status_date)
SELECT r.agency_id, r.id, NULL, r.title, r.number, a.name, r.title,
  CASE r.kind WHEN 'rules' THEN 'regulation' ELSE 'normative_document' END, 'art20.1',
  r.issued_date, NULL, r.issued_date,
  CASE WHEN r.abolished_date IS NULL THEN 'in_force' ELSE 'repealed' END, r.abolished_date
FROM regulatory_documents r JOIN agencies a ON a.id = r.agency_id)",
    R"(DROP TABLE regulatory_documents)",
};

// Version 5: the search index (store/search_index.h). Derived data: every row is rebuilt from
// its owner by `gongkai search reindex`. On SQLite an FTS5 table over the app-made tokens, kept
// by triggers; on PostgreSQL a tsvector('simple') of the same tokens with a GIN index.
const std::vector<std::string_view> kSearchIndex = {
    R"(CREATE TABLE search_documents (
  id {{serial}},
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL,                    -- service | publication | policy | report
  ref TEXT NOT NULL,                     -- the owner's id of the item
  doc_date TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD or ''
  title TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  codes TEXT NOT NULL DEFAULT '',        -- 索引号, 文号, 事项编码 as written, one per line
  -- cache of BuildSearchEntry(); rebuilt by `gongkai search reindex`
  title_folded TEXT NOT NULL,
  title_pinyin TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (agency_id, kind, ref)
))",
    R"(CREATE INDEX search_documents_kind ON search_documents(kind, doc_date))",
    // The long texts apart from the narrow rows that queries count, filter and rank by.
    R"(CREATE TABLE search_texts (
  document_id BIGINT PRIMARY KEY REFERENCES search_documents(id) ON DELETE CASCADE,
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  attachment_text TEXT NOT NULL DEFAULT '',
  -- cache of BuildSearchEntry(); rebuilt by `gongkai search reindex`
  text_folded TEXT NOT NULL,
  tokens TEXT NOT NULL,
  pinyin_tokens TEXT NOT NULL
))",
    R"({{sqlite}}CREATE VIRTUAL TABLE search_fts USING fts5(tokens, pinyin_tokens,
  content='search_texts', content_rowid='document_id', tokenize='unicode61'))",
    R"({{sqlite}}CREATE TRIGGER search_texts_ai AFTER INSERT ON search_texts BEGIN
  INSERT INTO search_fts(rowid, tokens, pinyin_tokens)
    VALUES (new.document_id, new.tokens, new.pinyin_tokens);
END)",
    R"({{sqlite}}CREATE TRIGGER search_texts_ad AFTER DELETE ON search_texts BEGIN
  INSERT INTO search_fts(search_fts, rowid, tokens, pinyin_tokens)
    VALUES ('delete', old.document_id, old.tokens, old.pinyin_tokens);
END)",
    R"({{postgres}}ALTER TABLE search_texts
  ADD COLUMN tsv tsvector GENERATED ALWAYS AS (CAST(tokens AS tsvector)) STORED,
  ADD COLUMN pinyin_tsv tsvector GENERATED ALWAYS AS (CAST(pinyin_tokens AS tsvector)) STORED)",
    R"({{postgres}}CREATE INDEX search_texts_tsv ON search_texts USING GIN (tsv))",
    R"({{postgres}}CREATE INDEX search_texts_pinyin ON search_texts USING GIN (pinyin_tsv))",
    R"(CREATE TABLE search_codes (
  code TEXT NOT NULL,                    -- canonical (search/codes.h)
  document_id BIGINT NOT NULL REFERENCES search_documents(id) ON DELETE CASCADE,
  PRIMARY KEY (code, document_id)
))",
    R"(CREATE INDEX search_codes_document ON search_codes(document_id))",
    R"(CREATE TABLE search_misses (
  query TEXT PRIMARY KEY,                -- normalised; digit runs of 6+ masked as '#'
  count BIGINT NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL
))",
};

// Version 6: the disclosure guide's versions per agency (store/guides.h). content is the
// guide's elements as a JSON object keyed by publications/guide.h's GuideElements keys.
const std::vector<std::string_view> kGuides = {
    R"(CREATE TABLE guide_versions (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  version INTEGER NOT NULL,              -- 1, 2, … within the agency
  content TEXT NOT NULL,                 -- JSON object of the guide's elements
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  published_by TEXT,                     -- NULL while not published
  published_at TEXT,
  PRIMARY KEY (agency_id, version)
))",
};

// Version 7: what a published report is, byte for byte (store/report_files.h), and the register
// stamp each version was built at, so an approval can tell a stale snapshot (store/report_store.h).
const std::vector<std::string_view> kReportFiles = {
    R"(CREATE TABLE report_files (
  agency_id BIGINT NOT NULL,
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  format TEXT NOT NULL,                  -- page (the public HTML body) | html | docx | pdf | xlsx | json
  bytes TEXT NOT NULL,                   -- the file, base64 (the same column type on both databases)
  sha256 TEXT NOT NULL,                  -- of the decoded bytes, hex; the HTTP ETag
  created_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, year, version, format),
  FOREIGN KEY (agency_id, year, version) REFERENCES report_versions(agency_id, year, version)
))",
    R"(ALTER TABLE report_versions ADD COLUMN register_stamp TEXT NOT NULL DEFAULT '')",
};

// Version 8: the audit ledger (store/ledger.h). Every covered write appends, in its own
// transaction, the digest of each row it wrote; a key outside the database seals the entries
// into a MAC chain whose head is kept per agency, and signed checkpoints of those heads are kept
// here and in a file outside the database.
const std::vector<std::string_view> kAuditLedger = {
    R"(CREATE TABLE audit_ledger (
  agency_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,                   -- 1, 2, … within the agency
  table_name TEXT NOT NULL,              -- the covered table
  row_key TEXT NOT NULL,                 -- the row, e.g. '2026-000123 #4' for a case event
  digest TEXT NOT NULL,                  -- BLAKE2b-256 of the row's covered columns, hex
  recorded_at TEXT NOT NULL,
  mac TEXT NOT NULL DEFAULT '',          -- keyed MAC chaining this entry to seq - 1; '' until sealed
  PRIMARY KEY (agency_id, seq)
))",
    R"(CREATE INDEX audit_ledger_row ON audit_ledger(agency_id, table_name, row_key))",
    R"(CREATE TABLE audit_heads (
  agency_id BIGINT PRIMARY KEY,
  entries BIGINT NOT NULL,               -- seq of the agency's newest ledger entry
  sealed BIGINT NOT NULL DEFAULT 0,      -- seq of the newest sealed entry
  mac TEXT NOT NULL DEFAULT '',          -- keyed MAC over (agency, sealed, legacy, that entry's mac)
  legacy INTEGER NOT NULL DEFAULT 0      -- 1: rows written before version 8 await `audit seal`
))",
    R"(INSERT INTO audit_heads (agency_id, entries, sealed, mac, legacy)
  SELECT id, 0, 0, '', 1 FROM agencies)",
    R"(CREATE TABLE audit_checkpoints (
  id BIGINT PRIMARY KEY,                 -- 1, 2, …
  created_at TEXT NOT NULL,
  body TEXT NOT NULL,                    -- the signed JSON: ledger heads and row counts
  signature TEXT NOT NULL,               -- Ed25519 over body, hex
  hash TEXT NOT NULL                     -- BLAKE2b-256 of body, hex: what reports print
))",
};

// Version 9: the one-time tokens of online application forms (store/online_filings.h). The
// primary key is what files a form once; sealed_code is the receipt's query code sealed under a
// key derived from the token (never stored), erased 30 minutes after filing.
const std::vector<std::string_view> kFilingTokens = {
    R"(CREATE TABLE filing_tokens (
  token_hash TEXT PRIMARY KEY,           -- BLAKE2b-256 of the form's token, hex
  agency_id BIGINT NOT NULL,
  case_number TEXT NOT NULL,
  sealed_code TEXT,                      -- nonce || secretbox(query code), hex; NULL once expired
  created_at TEXT NOT NULL,
  FOREIGN KEY (agency_id, case_number) REFERENCES cases(agency_id, number)
))",
};

// Version 10: access: users can be disabled, and sign-in failures lock a login name for a while
// (store/users.h SignInPolicy). Keyed by name, not user, so unknown names lock alike.
const std::vector<std::string_view> kAccess = {
    R"(ALTER TABLE users ADD COLUMN disabled_at TEXT)",
    R"(CREATE TABLE sign_in_failures (
  name TEXT PRIMARY KEY,                 -- the login name tried, existing or not
  failures INTEGER NOT NULL,             -- wrong passwords in a row
  last_failure_at TEXT NOT NULL,
  locked_until TEXT                      -- NULL while under SignInPolicy::free_failures
))",
};

// Version 11: applicants' personal data leaves the hash-chained events (store/applicant_records.h).
// Each case gets one personal-data record; its `received` event keeps only `applicant_ref`, so
// an Art. 41 correction or an erasure changes the record, never the chain. Every correction and
// erasure is an act (who, when, why) kept beside the record; both tables are covered by the
// audit ledger. The step (store/applicant_migration.h) moves the name, identity document, phone,
// e-mail and address out of each `received` payload and out of the cases row into the record,
// and drops those columns of cases. Changing a payload changes its hash, so every case's chain is
// recomputed — but only after it verified (its unkeyed chain, and each row against the ledger
// where the ledger has it): the migration refuses, naming the cases, rather than launder a
// change. The rewritten rows are entered into the ledger again; without the audit key at
// migration time those entries are unsealed until `gongkai audit seal --audit-key FILE` (or the
// next checkpoint), which the README asks for after upgrading.
const std::vector<std::string_view> kApplicantRecords = {
    R"(CREATE TABLE applicant_records (
  agency_id BIGINT NOT NULL,
  ref TEXT NOT NULL,                     -- the received event's applicant_ref: random, 32 hex
  case_id BIGINT NOT NULL,
  version INTEGER NOT NULL,              -- 1 when recorded, +1 per correction or erasure
  name TEXT NOT NULL DEFAULT '',
  id_type TEXT NOT NULL DEFAULT '',
  id_number TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  salt TEXT NOT NULL DEFAULT '',          -- random, covered: the ledger's digests of this row cannot be guessed; '' once erased
  erased INTEGER NOT NULL DEFAULT 0,     -- 1: the personal data was erased (see the erased act)
  PRIMARY KEY (agency_id, ref),
  UNIQUE (agency_id, case_id),
  FOREIGN KEY (agency_id, case_id) REFERENCES cases(agency_id, id)
))",
    R"(CREATE TABLE applicant_record_acts (
  agency_id BIGINT NOT NULL,
  ref TEXT NOT NULL,
  version INTEGER NOT NULL,              -- the record's version this act made
  act TEXT NOT NULL,                     -- recorded | corrected | erased
  field TEXT NOT NULL DEFAULT '',        -- corrected: a cases/personal_data.h ApplicantField key
  previous TEXT NOT NULL DEFAULT '',     -- corrected: the value before; '' once erased
  reason TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  salt TEXT NOT NULL DEFAULT '',          -- as applicant_records.salt; '' once erased
  PRIMARY KEY (agency_id, ref, version),
  FOREIGN KEY (agency_id, ref) REFERENCES applicant_records(agency_id, ref)
))",
};

// Version 14: the audit ledger covers the publications register, the disclosure guide, the
// stored report files and users.disabled_at too (store/ledger_rows.h). An agency already holding
// such rows awaits `gongkai audit seal` (legacy 2), which registers them once they verify.
const std::vector<std::string_view> kWiderLedger = {
    R"(UPDATE audit_heads SET legacy = 2 WHERE legacy = 0 AND (
  EXISTS (SELECT 1 FROM publications t WHERE t.agency_id = audit_heads.agency_id)
  OR EXISTS (SELECT 1 FROM publication_numbering t WHERE t.agency_id = audit_heads.agency_id)
  OR EXISTS (SELECT 1 FROM guide_versions t WHERE t.agency_id = audit_heads.agency_id)
  OR EXISTS (SELECT 1 FROM report_files t WHERE t.agency_id = audit_heads.agency_id)
  OR EXISTS (SELECT 1 FROM users t WHERE t.agency_id = audit_heads.agency_id
             AND t.disabled_at IS NOT NULL)))",
};

// Version 15: search answers common words from the FTS index alone (store/search_index.cc,
// FtsKey). Each text row carries its title's tokens (ranked first), its agency as a tag, and a
// key that packs kind, date and id, so the FTS5 rowid orders newest first and a kind or a date
// bound is a rowid range: counts and pages never read the matching rows; a prefix index of one
// character answers a query's trailing lone character (the 号 of a 文号) from one doclist
// instead of merging every token that starts with it. The existing rows get
// their values here (title tokens: the first field's stream); `gongkai search reindex` rebuilds
// them from their owners all the same. And the public catalogue pages an agency's published
// items newest first in the database (store/publications.h published_until).
// A published change of the service catalogue is an entry of the proactive-disclosure register
// (services/change_notice.h): the change names its entry.
const std::vector<std::string_view> kServiceChangeNotices = {
    R"(ALTER TABLE service_changes ADD COLUMN publication_id BIGINT)",
};

const std::vector<std::string_view> kSearchRanking = {
    R"(CREATE INDEX publications_published ON publications(agency_id, published_date, id))",
    R"(ALTER TABLE search_texts ADD COLUMN title_tokens TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE search_texts ADD COLUMN tags TEXT NOT NULL DEFAULT '')",
    R"(ALTER TABLE search_texts ADD COLUMN fts_key BIGINT NOT NULL DEFAULT 0)",
    R"({{sqlite}}DROP TRIGGER search_texts_ai)",
    R"({{sqlite}}DROP TRIGGER search_texts_ad)",
    R"({{sqlite}}DROP TABLE search_fts)",
    R"({{sqlite}}UPDATE search_texts SET
  title_tokens = CASE WHEN instr(tokens, ' ' || char(57344) || ' ') > 0
    THEN substr(tokens, 1, instr(tokens, ' ' || char(57344) || ' ') - 1) ELSE tokens END,
  tags = (SELECT 'a' || d.agency_id FROM search_documents d WHERE d.id = document_id),
  fts_key = (SELECT (CASE d.kind WHEN 'service' THEN 0 WHEN 'publication' THEN 1
      WHEN 'policy' THEN 2 ELSE 3 END) * 100000000000000000
    + CAST(COALESCE(NULLIF(replace(d.doc_date, '-', ''), ''), '0') AS INTEGER) * 1000000000
    + d.id FROM search_documents d WHERE d.id = document_id))",
    R"({{sqlite}}CREATE UNIQUE INDEX search_texts_fts_key ON search_texts(fts_key))",
    R"({{sqlite}}CREATE VIRTUAL TABLE search_fts USING fts5(title_tokens, tokens, pinyin_tokens,
  tags, content='search_texts', content_rowid='fts_key', tokenize='unicode61', prefix='1'))",
    R"({{sqlite}}CREATE TRIGGER search_texts_ai AFTER INSERT ON search_texts BEGIN
  INSERT INTO search_fts(rowid, title_tokens, tokens, pinyin_tokens, tags)
    VALUES (new.fts_key, new.title_tokens, new.tokens, new.pinyin_tokens, new.tags);
END)",
    R"({{sqlite}}CREATE TRIGGER search_texts_ad AFTER DELETE ON search_texts BEGIN
  INSERT INTO search_fts(search_fts, rowid, title_tokens, tokens, pinyin_tokens, tags)
    VALUES ('delete', old.fts_key, old.title_tokens, old.tokens, old.pinyin_tokens, old.tags);
END)",
    R"({{sqlite}}INSERT INTO search_fts(search_fts) VALUES ('rebuild'))",
};

// Version 12: an agency's 基层政务公开标准目录 (store/standard_catalogue.h). The rows as last
// imported (an import replaces them all); items link to a row by their category 'local.' ||
// number. Every import is an event of a hash-chained log of its own (the publications chain's
// rows must name an item), holding the whole catalogue as imported.
const std::vector<std::string_view> kStandardCatalogue = {
    R"(CREATE TABLE standard_catalogue_rows (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  number TEXT NOT NULL,                  -- 序号; the items' category key is 'local.' || number
  position INTEGER NOT NULL,             -- 0, 1, … in the imported file's order
  topic TEXT NOT NULL,                   -- 公开事项（一级事项）
  subtopic TEXT NOT NULL DEFAULT '',     -- 公开事项（二级事项）
  content TEXT NOT NULL DEFAULT '',      -- 公开内容（要素）
  basis TEXT NOT NULL DEFAULT '',        -- 公开依据
  time_limit TEXT NOT NULL DEFAULT '',   -- 公开时限, as written
  subject TEXT NOT NULL DEFAULT '',      -- 公开主体
  channels TEXT NOT NULL DEFAULT '',     -- 公开渠道和载体, as written
  flags TEXT NOT NULL DEFAULT '',        -- publications/standard_catalogue.h StandardFlagKeys
  note TEXT NOT NULL DEFAULT '',         -- 备注
  PRIMARY KEY (agency_id, number)
))",
    R"(CREATE TABLE standard_catalogue_events (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  seq INTEGER NOT NULL,                  -- 1, 2, … within the agency
  type TEXT NOT NULL,                    -- import
  actor TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  payload TEXT NOT NULL,                 -- {"type", "source", "rows": [the catalogue as imported]}
  prev_hash TEXT NOT NULL,               -- hash of seq - 1; '' for the first
  hash TEXT NOT NULL,                    -- store/audit.h EventHash(prev_hash, payload)
  PRIMARY KEY (agency_id, seq)
))",
};

// Version 13: the government service item catalogue (store/services.h). Every published version of
// an item is immutable: one row of service_item_versions with its materials and basis clauses as
// their own rows, tied to it by the version's running number `seq`; service_items holds each
// code's current version (a cache of the newest version, kept for lists by department, level
// and status); service_changes the changes of dynamic management with each step's actor and time.
const std::vector<std::string_view> kServices = {
    R"(CREATE TABLE service_item_versions (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  seq BIGINT NOT NULL,                   -- 1, 2, … within the agency, in the order stored
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  effective TEXT NOT NULL,               -- 生效日期 YYYY-MM-DD
  item TEXT NOT NULL,                    -- the item's JSON line without materials and basis
  change_id BIGINT,                      -- the published change; NULL for an import
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, seq),
  UNIQUE (agency_id, code, version)
))",
    R"(CREATE TABLE service_materials (
  agency_id BIGINT NOT NULL,
  version_seq BIGINT NOT NULL,
  n INTEGER NOT NULL,                    -- 0, 1, … in the item's order
  name TEXT NOT NULL,
  form TEXT NOT NULL,                    -- original | copy | electronic
  copies INTEGER NOT NULL,
  required INTEGER NOT NULL,             -- 1 = 必要
  extra TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (agency_id, version_seq, n),
  FOREIGN KEY (agency_id, version_seq) REFERENCES service_item_versions(agency_id, seq)
))",
    R"(CREATE TABLE service_basis (
  agency_id BIGINT NOT NULL,
  version_seq BIGINT NOT NULL,
  n INTEGER NOT NULL,
  title TEXT NOT NULL,
  doc_no TEXT NOT NULL DEFAULT '',
  article TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agency_id, version_seq, n),
  FOREIGN KEY (agency_id, version_seq) REFERENCES service_item_versions(agency_id, seq)
))",
    R"(CREATE TABLE service_items (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  code TEXT NOT NULL,
  version_seq BIGINT NOT NULL,           -- the current version (cache of the newest)
  name TEXT NOT NULL,
  level TEXT NOT NULL,                   -- main | sub | task
  parent_code TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL,
  department TEXT NOT NULL,
  status TEXT NOT NULL,                  -- in_use | suspended | cancelled
  PRIMARY KEY (agency_id, code),
  FOREIGN KEY (agency_id, version_seq) REFERENCES service_item_versions(agency_id, seq)
))",
    R"(CREATE INDEX service_items_department ON service_items(agency_id, department, level))",
    R"(CREATE INDEX service_items_version ON service_items(agency_id, version_seq))",
    R"(CREATE TABLE service_changes (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  id BIGINT NOT NULL,                    -- 1, 2, … within the agency
  code TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- services/vocab.h ChangeKind keys
  reason TEXT NOT NULL,
  basis TEXT NOT NULL,
  effective TEXT NOT NULL,
  request_item TEXT,                     -- the item after the change as asked, JSON line
  counterpart TEXT NOT NULL DEFAULT '',
  successor TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,                   -- draft | approved | published | rejected | withdrawn
  before_item TEXT,                      -- JSON line; NULL for a new code
  after_item TEXT,
  diff TEXT NOT NULL DEFAULT '[]',       -- [{field, before, after}]
  drafted_by TEXT NOT NULL,
  drafted_at TEXT NOT NULL,
  approved_by TEXT NOT NULL DEFAULT '',
  approved_at TEXT NOT NULL DEFAULT '',
  published_by TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL DEFAULT '',
  closed_by TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT '',
  close_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0,    -- the version published
  PRIMARY KEY (agency_id, id)
))",
};

// Version 16: the 中介服务事项清单 and the institution directory (store/intermediaries.h), under
// the same workflow as the catalogue: every published version of an entry is immutable (one row
// of intermediary_versions holding its JSON line), intermediary_entries holds each key's newest
// version (a cache for lists), intermediary_changes the changes with each step's actor and time.
const std::vector<std::string_view> kIntermediaries = {
    R"(CREATE TABLE intermediary_versions (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  seq BIGINT NOT NULL,                   -- 1, 2, … within the agency, in the order stored
  target TEXT NOT NULL,                  -- intermediary | institution
  entry_key TEXT NOT NULL,               -- the service's code or the institution's credit code
  version INTEGER NOT NULL,
  effective TEXT NOT NULL,               -- 生效日期 YYYY-MM-DD
  entry TEXT NOT NULL,                   -- the entry's JSON line (services/intermediary_jsonl.h)
  change_id BIGINT,                      -- the published change; NULL for an import
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, seq),
  UNIQUE (agency_id, target, entry_key, version)
))",
    R"(CREATE TABLE intermediary_entries (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  target TEXT NOT NULL,
  entry_key TEXT NOT NULL,
  version_seq BIGINT NOT NULL,           -- the newest version (cache)
  name TEXT NOT NULL,
  withdrawn INTEGER NOT NULL,            -- 1: a cancelled service, an institution that left
  PRIMARY KEY (agency_id, target, entry_key),
  FOREIGN KEY (agency_id, version_seq) REFERENCES intermediary_versions(agency_id, seq)
))",
    R"(CREATE TABLE intermediary_changes (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  id BIGINT NOT NULL,                    -- 1, 2, … within the agency
  target TEXT NOT NULL,
  entry_key TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- add | modify | cancel
  reason TEXT NOT NULL,
  basis TEXT NOT NULL,
  effective TEXT NOT NULL,
  request_entry TEXT,                    -- the entry as asked, JSON line; NULL for cancel
  state TEXT NOT NULL,                   -- draft | approved | published | rejected | withdrawn
  before_entry TEXT,                     -- JSON line; NULL for a new key
  after_entry TEXT NOT NULL,
  diff TEXT NOT NULL DEFAULT '[]',       -- [{field, before, after}]
  drafted_by TEXT NOT NULL,
  drafted_at TEXT NOT NULL,
  approved_by TEXT NOT NULL DEFAULT '',
  approved_at TEXT NOT NULL DEFAULT '',
  published_by TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL DEFAULT '',
  closed_by TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT '',
  close_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0,    -- the version published
  PRIMARY KEY (agency_id, id)
))",
};

// Version 18: the outbox of messages to applicants and staff (store/outbox.h). A message is
// queued in the transaction of the step that causes it; senders claim one by a lease
// (claimed_by, claimed_until) so two app servers never send it twice, and a crashed sender's
// lease runs out so nothing is lost. users.email receives the staff's daily deadline digest.
const std::vector<std::string_view> kOutbox = {
    R"(CREATE TABLE outbox (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  id TEXT NOT NULL,                      -- random, 32 hex
  cause TEXT NOT NULL,                   -- one message per cause and channel: case/<number>/<seq>, digest/<user>/<day>
  case_number TEXT NOT NULL DEFAULT '',  -- '' for a staff digest
  kind TEXT NOT NULL,                    -- notify/messages.h MessageKind keys
  channel TEXT NOT NULL,                 -- email | sms
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,                    -- '' once sent: a receipt carries the query code
  state TEXT NOT NULL,                   -- queued | sent | failed (gave up; `gongkai notify retry`)
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  claimed_by TEXT NOT NULL DEFAULT '',
  claimed_until TEXT NOT NULL DEFAULT '',  -- '' or UTC; a claim past it is void
  sent_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, cause, channel)
))",
    R"(CREATE INDEX outbox_due ON outbox(state, next_attempt_at))",
    R"(CREATE INDEX outbox_case ON outbox(agency_id, case_number, created_at))",
    R"(ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '')",
};

// 好差评 (services/rating.h): the ratings of the catalogue's items and the steps of each 差评's
// ticket. A step that needs approval has decision '' until the head approves or rejects it; a
// rejected step stays, ignored by the ticket. seq numbers rows within the agency so the ledger
// can select an import's rows by number.
const std::vector<std::string_view> kRatings = {
    R"(CREATE TABLE ratings (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  seq BIGINT NOT NULL,                   -- 1, 2, … within the agency
  id TEXT NOT NULL,                      -- the rating's id on the platform
  item TEXT NOT NULL,                    -- the catalogue code
  case_number TEXT NOT NULL DEFAULT '',  -- 一事一评: at most one rating per case
  object TEXT NOT NULL,                  -- item | window | platform | staff
  channel TEXT NOT NULL,                 -- pc | mobile | qr | tablet | other
  level INTEGER NOT NULL,                -- 1 … 5; ≤ 2 is 差评
  options TEXT NOT NULL DEFAULT '[]',
  comment TEXT NOT NULL DEFAULT '',
  named INTEGER NOT NULL DEFAULT 0,
  rated_at TEXT NOT NULL,                -- local time Asia/Shanghai, YYYY-MM-DDTHH:MM
  extra TEXT NOT NULL DEFAULT '{}',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, seq)
))",
    R"(CREATE INDEX ratings_time ON ratings(agency_id, rated_at))",
    R"(CREATE UNIQUE INDEX ratings_case ON ratings(agency_id, case_number) WHERE case_number <> '')",
    R"(CREATE TABLE rating_steps (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  seq BIGINT NOT NULL,                   -- 1, 2, … within the agency
  rating_id TEXT NOT NULL,
  kind TEXT NOT NULL,                    -- services/rating.h TicketStepKind keys
  step_date TEXT NOT NULL,
  result TEXT NOT NULL DEFAULT '',       -- revisited: satisfied | basically | unsatisfied
  days INTEGER,                          -- extended: its length
  note TEXT NOT NULL DEFAULT '',
  extra TEXT NOT NULL DEFAULT '{}',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT '',     -- '' awaiting approval | approved | rejected
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL DEFAULT '',
  decision_note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agency_id, seq),
  FOREIGN KEY (agency_id, rating_id) REFERENCES ratings(agency_id, id)
))",
    R"(CREATE INDEX rating_steps_rating ON rating_steps(agency_id, rating_id, seq))",
};

const std::vector<Migration> kMigrations = {
    {1, "initial register", kInitialSchema},
    {2, "proposals", kProposals},
    {3, "register version", kRegisterVersion},
    {4, "publications register", kPublications},
    {5, "search index", kSearchIndex},
    {6, "disclosure guides", kGuides},
    {7, "report files", kReportFiles},
    {8, "audit ledger", kAuditLedger},
    {9, "filing tokens", kFilingTokens},
    {10, "access", kAccess},
    {11, "applicant records", kApplicantRecords, &internal::MoveApplicantsOutOfEvents},
    {12, "standard catalogue", kStandardCatalogue},
    {13, "service items", kServices},
    {14, "wider audit ledger", kWiderLedger},
    {15, "search ranking, catalogue order", kSearchRanking},
    {16, "intermediary services", kIntermediaries},
    {17, "service changes in the register", kServiceChangeNotices},
    {18, "outbox", kOutbox},
    {19, "service ratings", kRatings},
};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

std::string ForDialect(std::string_view statement, Dialect dialect) {
  static constexpr std::string_view kSqliteOnly = "{{sqlite}}";
  static constexpr std::string_view kPostgresOnly = "{{postgres}}";
  if (statement.starts_with(kSqliteOnly)) {
    if (dialect != Dialect::kSqlite) return "";
    statement.remove_prefix(kSqliteOnly.size());
  } else if (statement.starts_with(kPostgresOnly)) {
    if (dialect != Dialect::kPostgres) return "";
    statement.remove_prefix(kPostgresOnly.size());
  }
  static constexpr std::string_view kSerial = "{{serial}}";
  std::string_view replacement = dialect == Dialect::kSqlite
                                     ? "INTEGER PRIMARY KEY"
                                     : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  std::string out(statement);
  for (auto pos = out.find(kSerial); pos != std::string::npos; pos = out.find(kSerial, pos)) {
    out.replace(pos, kSerial.size(), replacement);
    pos += replacement.size();
  }
  return out;
}

}  // namespace gongkai
