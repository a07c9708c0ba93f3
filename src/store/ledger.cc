#include "store/ledger.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "cases/events_jsonl.h"
#include "store/audit.h"
#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/sql.h"

namespace gongkai {
namespace {

using internal::CoveredTable;
using internal::CoveredTables;
using internal::LedgerRow;

// What the ledger last recorded for a row.
struct Recorded {
  std::string digest;
  std::string recorded_at;
};

// The agencies to check: those with a row, a head or a ledger entry.
std::vector<long long> AgenciesInScope(soci::session& sql, std::optional<int64_t> only) {
  std::set<long long> ids;
  long long id = 0;
  for (const char* query : {"SELECT id FROM agencies", "SELECT agency_id FROM audit_heads",
                            "SELECT DISTINCT agency_id FROM audit_ledger"}) {
    soci::statement st = (sql.prepare << query, soci::into(id));
    st.execute();
    while (st.fetch()) ids.insert(id);
  }
  if (only) return ids.contains(*only) ? std::vector<long long>{*only} : std::vector<long long>{};
  return {ids.begin(), ids.end()};
}

struct AgencyLedger {
  long long last_seq = 0;
  std::unordered_map<std::string, Recorded> latest;  // table \x1f row key → last entry
  std::map<long long, std::string> macs;             // seq → stored mac, for checkpoints
  long long head_entries = 0;
  bool has_head = false;
  // audit_heads.legacy: 1 when rows written before the ledger await `gongkai audit seal`, 2 when
  // only those of the tables covered since internal::kCoverageVersion do.
  int legacy = 0;
  long long unsealed = 0;
};

std::string RowId(std::string_view table, std::string_view key) {
  return fmt::format("{}\x1f{}", table, key);
}

// Reads and checks one agency's ledger and head.
AgencyLedger CheckLedger(soci::session& sql, long long agency, const AuditKey* key,
                         LedgerReport& report) {
  AgencyLedger ledger;
  auto problem = [&](std::string row, std::string what) {
    report.problems.push_back({"audit_ledger", agency, std::move(row), std::move(what)});
  };
  long long seq = 0;
  std::string table, row_key, digest, recorded_at, mac, prev_mac;
  soci::statement st =
      (sql.prepare << "SELECT seq, table_name, row_key, digest, recorded_at, mac FROM "
                      "audit_ledger WHERE agency_id = :a ORDER BY seq",
       soci::use(agency), soci::into(seq), soci::into(table), soci::into(row_key),
       soci::into(digest), soci::into(recorded_at), soci::into(mac));
  st.execute();
  bool chain_ok = true;
  while (st.fetch()) {
    ++report.entries;
    if (seq != ledger.last_seq + 1) {
      problem(fmt::format("#{}", ledger.last_seq + 1),
              fmt::format("台账第 {} 至 {} 条缺失：台账被删改", ledger.last_seq + 1, seq - 1));
      chain_ok = false;
    }
    ledger.last_seq = seq;
    ledger.latest[RowId(table, row_key)] = {digest, recorded_at};
    ledger.macs[seq] = mac;
    if (!key || !chain_ok) continue;
    if (mac.empty()) {
      ++ledger.unsealed;
      continue;
    }
    if (ledger.unsealed > 0) {
      problem(fmt::format("#{}", seq), "未签封的登记之后出现已签封的登记：台账被改动");
      chain_ok = false;
    } else if (mac != internal::EntryMac(*key, agency, seq, table, row_key, digest, recorded_at,
                                         prev_mac)) {
      problem(fmt::format("#{}", seq),
              fmt::format("台账第 {} 条（{} {}）的签封不符：此条或其之前的台账被改动", seq, table,
                          row_key));
      chain_ok = false;
    }
    prev_mac = mac;
  }
  long long sealed = 0;
  int legacy = 0;
  std::string head_mac;
  sql << "SELECT entries, sealed, mac, legacy FROM audit_heads WHERE agency_id = :a",
      soci::use(agency), soci::into(ledger.head_entries), soci::into(sealed), soci::into(head_mac),
      soci::into(legacy);
  ledger.has_head = sql.got_data();
  ledger.legacy = legacy;
  if (!ledger.has_head) {
    if (ledger.last_seq > 0) problem("", "台账头缺失：台账头被删除");
    return ledger;
  }
  if (ledger.last_seq < ledger.head_entries) {
    problem("",
            fmt::format("最新 {} 条台账登记缺失（台账头记录 {} 条）：最新写入的行连同台账被删除",
                        ledger.head_entries - ledger.last_seq, ledger.head_entries));
  } else if (ledger.last_seq > ledger.head_entries) {
    problem("", fmt::format("台账有 {} 条，台账头只记录 {} 条：台账被插入登记", ledger.last_seq,
                            ledger.head_entries));
  }
  if (key && chain_ok && sealed > 0) {
    auto it = ledger.macs.find(sealed);
    if (it == ledger.macs.end() ||
        head_mac != internal::HeadMac(*key, agency, sealed, legacy, it->second)) {
      problem("", "台账头的签封不符：台账头被改写，最新的登记可能已被删除");
    }
  }
  return ledger;
}

// Compares every covered row of the agency with the ledger. Rows that may predate their coverage
// (AgencyLedger::legacy) are counted per table in `unregistered` when given, else reported per
// table; every other difference is reported per row.
void CheckRows(soci::session& sql, long long agency, AgencyLedger& ledger, LedgerReport& report,
               std::map<std::string, int64_t>* unregistered) {
  for (const CoveredTable& table : CoveredTables()) {
    std::vector<LedgerRow> rows = internal::ReadLedgerRows(sql, table, agency, "");
    report.rows += static_cast<int64_t>(rows.size());
    // Whether rows of this table may predate its coverage, and rows its late columns'.
    const bool legacy =
        ledger.legacy == 1 || (ledger.legacy == 2 && table.since >= internal::kCoverageVersion);
    const bool late_legacy = ledger.legacy != 0;
    int64_t not_in_ledger = 0, late = 0;
    for (const LedgerRow& row : rows) {
      auto it = ledger.latest.find(RowId(table.name, row.key));
      if (it != ledger.latest.end() && it->second.digest == internal::kRemovedDigest) {
        ledger.latest.erase(it);
        it = ledger.latest.end();
      }
      if (it == ledger.latest.end()) {
        ++not_in_ledger;
        if (!unregistered && !legacy) {
          report.problems.push_back({std::string(table.name), agency, row.key,
                                     "不在审计台账中：此行不是经本系统写入的（被插入）"});
        }
        continue;
      }
      if (it->second.digest != row.digest && late_legacy && it->second.digest == row.base_digest) {
        ++late;  // recorded before its late columns were covered; what was covered holds
      } else if (it->second.digest != row.digest) {
        report.problems.push_back(
            {std::string(table.name), agency, row.key,
             fmt::format("内容与登记的摘要不符（最后一次经系统写入于 {}）：此行在系统之外被改动",
                         it->second.recorded_at)});
      }
      ledger.latest.erase(it);
    }
    if (unregistered) {
      if (legacy) (*unregistered)[std::string(table.name)] += not_in_ledger;
      (*unregistered)[std::string(table.name)] += late;
      continue;
    }
    if (legacy && not_in_ledger > 0) {
      report.problems.push_back(
          {std::string(table.name), agency, "",
           fmt::format("{} 行不在审计台账中：数据早于审计台账（版本 {} 之前写入）或被插入；核验无误"
                       "后请运行 `gongkai audit seal --audit-key 密钥文件`",
                       not_in_ledger, table.since)});
    }
    if (late > 0) {
      report.problems.push_back(
          {std::string(table.name), agency, "",
           fmt::format("{} 行的 {} 列与台账不符：数据早于审计台账覆盖这些列（版本 {} 之前写入）或"
                       "被改动；核验无误后请运行 `gongkai audit seal --audit-key 密钥文件`",
                       late, fmt::join(table.late_columns, "、"), internal::kCoverageVersion)});
    }
  }
  for (const auto& [id, recorded] : ledger.latest) {
    if (recorded.digest == internal::kRemovedDigest) continue;  // removed by the store
    auto sep = id.find('\x1f');
    report.problems.push_back(
        {id.substr(0, sep), agency, id.substr(sep + 1),
         fmt::format("此行已被删除（台账最后登记于 {}）", recorded.recorded_at)});
  }
}

// An unkeyed hash chain of events kept beside a register: one chain per agency, seq 1, 2, …,
// each event's prev_hash the hash of the one before (store/audit.h EventHash).
struct EventChain {
  std::string_view table;    // e.g. publication_events
  std::string_view key_sql;  // the row key verify names, an SQL expression over the table
  std::string_view what;     // the events' name in messages, e.g. 主动公开事件
};

constexpr EventChain kEventChains[] = {
    {"publication_events", "'#' || CAST(publication_id AS TEXT) || ' 事件' || CAST(seq AS TEXT)",
     "主动公开事件"},
    {"standard_catalogue_events", "'事件' || CAST(seq AS TEXT)", "基层政务公开标准目录事件"},
};

// Checks each register's own unkeyed chain (store/publications.h, store/standard_catalogue.h)
// and names its first broken event; the ledger (CheckRows) finds the edits whose hashes were
// recomputed.
void CheckEventChains(soci::session& sql, long long agency, LedgerReport& report) {
  for (const EventChain& chain : kEventChains) {
    int seq = 0, expected = 1;
    std::string key, payload, prev_hash, hash, expected_prev;
    soci::statement st =
        (sql.prepare << fmt::format("SELECT seq, {}, payload, prev_hash, hash FROM {} WHERE "
                                    "agency_id = :a ORDER BY seq",
                                    chain.key_sql, chain.table),
         soci::use(agency), soci::into(seq), soci::into(key), soci::into(payload),
         soci::into(prev_hash), soci::into(hash));
    st.execute();
    while (st.fetch()) {
      std::string reason;
      if (seq != expected) {
        reason = fmt::format("应为第 {} 个事件，实为第 {} 个：{}被删除或插入", expected, seq,
                             chain.what);
      } else if (prev_hash != expected_prev) {
        reason = "prev_hash 与前一事件的哈希不符：前一事件或本事件被改动";
      } else if (hash != EventHash(prev_hash, payload)) {
        reason = "哈希与内容不符：事件内容被改动";
      }
      if (!reason.empty()) {
        report.problems.push_back({std::string(chain.table), agency, key, reason});
        break;
      }
      expected_prev = hash;
      expected = seq + 1;
    }
  }
}

std::string Optional(const std::optional<std::string>& v) { return v.value_or("（空）"); }

// Recomputes every case's cached state from its events, as of the cache's own date, and
// compares.
Status CheckCaches(Database& db, soci::session& sql, Calendars& calendars, long long agency,
                   LedgerReport& report) {
  struct Cached {
    std::string number;
    internal::StateColumns state;
  };
  std::map<long long, Cached> cached;
  {
    long long id = 0;
    int days = 0;
    Cached c;
    std::string closed, outcome, due, as_of;
    soci::indicator closed_ind, outcome_ind, due_ind, days_ind, as_of_ind;
    soci::statement st =
        (sql.prepare << "SELECT id, number, status, closed_date, outcome, due_date, days_left, "
                        "overdue, state_as_of, last_event_date FROM cases WHERE agency_id = :a",
         soci::use(agency), soci::into(id), soci::into(c.number), soci::into(c.state.status),
         soci::into(closed, closed_ind), soci::into(outcome, outcome_ind), soci::into(due, due_ind),
         soci::into(days, days_ind), soci::into(c.state.overdue), soci::into(as_of, as_of_ind),
         soci::into(c.state.last_event_date));
    st.execute();
    auto opt = [](const std::string& v, soci::indicator ind) {
      return ind == soci::i_ok ? std::optional<std::string>(v) : std::nullopt;
    };
    while (st.fetch()) {
      Cached row = c;
      row.state.closed_date = opt(closed, closed_ind);
      row.state.outcome = opt(outcome, outcome_ind);
      row.state.due_date = opt(due, due_ind);
      row.state.days_left = days_ind == soci::i_ok ? std::optional<int>(days) : std::nullopt;
      row.state.state_as_of = as_of_ind == soci::i_ok ? as_of : "";
      cached[id] = std::move(row);
    }
  }
  if (cached.empty()) return Status::Ok();
  auto ctx = internal::LoadAgencyContext(db, calendars, agency);
  if (!ctx.ok()) {
    report.problems.push_back({"cases", agency, "", "无法重算缓存状态：" + ctx.status().message()});
    return Status::Ok();
  }
  auto compare = [&](const Cached& c, const std::vector<Event>& events) {
    ++report.cases;
    auto stored_as_of = ParseDate(c.state.state_as_of);
    Date as_of = stored_as_of.ok() ? *stored_as_of : internal::ShanghaiDate(db.Now());
    internal::StateColumns fresh = internal::ToStateColumns(
        events, ComputeCaseState(events, *ctx->calendar, ctx->settings, as_of), as_of);
    auto differs = [&](std::string_view column, const std::string& stored,
                       const std::string& computed) {
      if (stored == computed) return;
      report.problems.push_back(
          {"cases", agency, c.number,
           fmt::format(
               "缓存{} {}，由事件重算为 {}：缓存被改动（如属日历或设置更新，请运行 `gongkai "
               "cases recompute`）",
               column, stored, computed)});
    };
    differs("状态", c.state.status, fresh.status);
    differs("办结日期", Optional(c.state.closed_date), Optional(fresh.closed_date));
    differs("结果", Optional(c.state.outcome), Optional(fresh.outcome));
    differs("答复期限", Optional(c.state.due_date), Optional(fresh.due_date));
    differs("最后事件日期", c.state.last_event_date, fresh.last_event_date);
    differs("超期标记", std::to_string(c.state.overdue), std::to_string(fresh.overdue));
  };
  long long case_id = 0, current = -1;
  int seq = 0;
  std::string payload;
  std::vector<Event> events;
  bool readable = true;
  soci::statement st =
      (sql.prepare << "SELECT case_id, seq, payload FROM case_events WHERE "
                      "agency_id = :a ORDER BY case_id, seq",
       soci::use(agency), soci::into(case_id), soci::into(seq), soci::into(payload));
  st.execute();
  auto flush = [&] {
    auto it = cached.find(current);
    if (it != cached.end()) {
      if (readable) compare(it->second, events);
      cached.erase(it);
    }
  };
  while (st.fetch()) {
    if (case_id != current) {
      flush();
      current = case_id;
      events.clear();
      readable = true;
    }
    auto e = ParseEventLine(payload, seq);
    if (!e.ok()) {
      if (readable) {
        auto it = cached.find(case_id);
        report.problems.push_back(
            {"case_events", agency,
             fmt::format("{} #{}", it == cached.end() ? "?" : it->second.number, seq),
             "事件无法读取：" + e.status().message()});
      }
      readable = false;
      continue;
    }
    events.push_back(std::move(e).value());
  }
  flush();
  for (const auto& [id, c] : cached) {
    report.problems.push_back({"cases", agency, c.number, "案件没有任何事件：事件被删除"});
  }
  return Status::Ok();
}

// Compares the ledger and row counts with a checkpoint.
void CheckAgainstCheckpoint(soci::session& sql, const nlohmann::json& body,
                            const std::map<long long, AgencyLedger>& ledgers,
                            std::optional<int64_t> only, LedgerReport& report) {
  int64_t id = body.value("id", 0);
  if (!body.contains("agencies") || !body["agencies"].is_array()) return;
  for (const auto& a : body["agencies"]) {
    long long agency = a.value("agency_id", 0LL);
    if (only && *only != agency) continue;
    long long entries = a.value("entries", 0LL);
    std::string mac = a.value("mac", "");
    auto it = ledgers.find(agency);
    long long last = it == ledgers.end() ? 0 : it->second.last_seq;
    if (last < entries) {
      report.problems.push_back(
          {"audit_ledger", agency, "",
           fmt::format("最后 {} 条登记缺失（检查点 #{} 记录 {} "
                       "条）：最新写入的行连同台账被删除，或数据库被回滚到检查点之前",
                       entries - last, id, entries)});
    } else if (entries > 0) {
      auto m = it->second.macs.find(entries);
      if (m == it->second.macs.end() || m->second != mac) {
        report.problems.push_back(
            {"audit_ledger", agency, fmt::format("#{}", entries),
             fmt::format("台账第 {} 条与检查点 #{} 不符：检查点之前的台账被改写", entries, id)});
      }
    }
    if (!a.contains("rows") || !a["rows"].is_object()) continue;
    for (const CoveredTable& table : CoveredTables()) {
      long long recorded = a["rows"].value(std::string(table.name), 0LL);
      long long now = 0;
      sql << fmt::format("SELECT count(*) FROM {} WHERE {} = :a", table.from, table.agency),
          soci::use(agency), soci::into(now);
      // Rows the store removed since the checkpoint (internal::RecordRemovalInLedger) are gone
      // lawfully: they count as present for this bound.
      long long removed = 0;
      const std::string table_name(table.name);
      const std::string removed_digest(internal::kRemovedDigest);
      sql << "SELECT count(*) FROM audit_ledger WHERE agency_id = :a AND table_name = :t AND "
             "digest = :d AND seq > :e",
          soci::use(agency), soci::use(table_name), soci::use(removed_digest), soci::use(entries),
          soci::into(removed);
      if (now + removed < recorded) {
        report.problems.push_back(
            {std::string(table.name), agency, "",
             fmt::format("现有 {} 行，少于检查点 #{} 记录的 {} 行：最后 {} 行被删除", now, id,
                         recorded, recorded - now)});
      }
    }
  }
}

struct StoredCheckpoint {
  CheckpointInfo info;
  std::string body;
  std::string signature;
};

std::vector<StoredCheckpoint> ReadStoredCheckpoints(soci::session& sql) {
  std::vector<StoredCheckpoint> out;
  StoredCheckpoint c;
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT id, created_at, body, signature, hash FROM "
                                       "audit_checkpoints ORDER BY id",
                        soci::into(id), soci::into(c.info.created_at), soci::into(c.body),
                        soci::into(c.signature), soci::into(c.info.hash));
  st.execute();
  while (st.fetch()) {
    c.info.id = id;
    out.push_back(c);
  }
  return out;
}

// Line form of the checkpoint file: "<signature hex>\t<body JSON>".
std::string CheckpointLine(const std::string& signature, const std::string& body) {
  return signature + "\t" + body + "\n";
}

}  // namespace

Result<CheckpointFileReport> VerifyCheckpointFile(const std::filesystem::path& file,
                                                  const std::string& public_key_hex) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Status::InvalidInput(fmt::format("无法读取检查点文件 {}", file.string()));
  }
  CheckpointFileReport report;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!text.empty() && text.back() != '\n') {
    report.problems.push_back(fmt::format("{}：最后一行不完整：文件被截断或改动", file.string()));
  }
  std::string prev;
  size_t start = 0;
  int line_number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    auto where = [&](std::string what) {
      report.problems.push_back(fmt::format("{}:{}：{}", file.string(), line_number, what));
    };
    size_t tab = line.find('\t');
    auto body = tab == std::string::npos
                    ? nlohmann::json()
                    : nlohmann::json::parse(line.substr(tab + 1), nullptr, false);
    if (tab == std::string::npos || !body.is_object()) {
      where("不是检查点（应为“签名<TAB>JSON”）：文件被截断或改动");
      continue;
    }
    std::string body_text = line.substr(tab + 1), signature = line.substr(0, tab);
    if (!public_key_hex.empty() && !VerifySignature(public_key_hex, body_text, signature)) {
      where("签名不符：检查点被改动，或不是此公钥所签");
    }
    int64_t id = body.value("id", int64_t{0});
    if (id != static_cast<int64_t>(report.checkpoints.size()) + 1) {
      where(fmt::format("检查点编号为 {}，应为 {}：有检查点被删除或插入", id,
                        report.checkpoints.size() + 1));
    }
    if (body.value("prev", "") != prev) {
      where("与前一个检查点不相连：有检查点被删除、插入或改动");
    }
    prev = Blake2bHex(body_text);
    report.checkpoints.push_back({id, body.value("created_at", ""), prev});
  }
  return report;
}

Result<LedgerReport> VerifyLedger(Database& db, Calendars& calendars,
                                  const LedgerVerifyOptions& options) {
  LedgerReport report;
  report.keyed = options.key != nullptr;
  auto chain = VerifyAuditChain(db, options.agency_id);
  if (!chain.ok()) return chain.status();
  for (const BrokenLink& b : chain->broken) {
    report.problems.push_back(
        {"case_events", b.agency_id, fmt::format("{} #{}", b.case_number, b.seq), b.reason});
  }
  std::optional<CheckpointFileReport> file;
  if (options.checkpoints) {
    auto read =
        VerifyCheckpointFile(*options.checkpoints, options.key ? options.key->PublicKeyHex() : "");
    if (!read.ok()) return read.status();
    file = std::move(read).value();
    for (const std::string& p : file->problems) {
      report.problems.push_back({"audit_checkpoints", 0, "", p});
    }
  }
  Status s = Run(db, "核验审计台账", [&](soci::session& sql) -> Status {
    std::map<long long, AgencyLedger> ledgers;
    for (long long agency : AgenciesInScope(sql, options.agency_id)) {
      ++report.agencies;
      AgencyLedger& ledger = ledgers[agency] = CheckLedger(sql, agency, options.key, report);
      if (ledger.unsealed > 0) {
        report.not_checked.push_back(fmt::format(
            "机关 {} 最新 {} 条登记尚未签封（写入时未配置审计密钥）：只核验了其摘要。请运行 "
            "`gongkai audit checkpoint` 签封",
            agency, ledger.unsealed));
      }
      CheckRows(sql, agency, ledger, report, nullptr);
      CheckEventChains(sql, agency, report);
      if (Status c = CheckCaches(db, sql, calendars, agency, report); !c.ok()) return c;
    }
    std::vector<StoredCheckpoint> stored = ReadStoredCheckpoints(sql);
    std::optional<nlohmann::json> reference;
    if (options.key) {
      for (const StoredCheckpoint& c : stored) {
        if (!VerifySignature(options.key->PublicKeyHex(), c.body, c.signature)) {
          report.problems.push_back({"audit_checkpoints", 0, fmt::format("#{}", c.info.id),
                                     "数据库中的检查点签名不符：检查点被改动"});
        }
      }
    }
    if (file) {
      for (const StoredCheckpoint& c : stored) {
        size_t i = static_cast<size_t>(c.info.id) - 1;
        if (c.info.id < 1 || i >= file->checkpoints.size()) {
          report.problems.push_back(
              {"audit_checkpoints", 0, fmt::format("#{}", c.info.id),
               fmt::format("数据库记录了检查点 #{}，检查点文件只有 {} 个：文件被截断", c.info.id,
                           file->checkpoints.size())});
        } else if (file->checkpoints[i].hash != c.info.hash) {
          report.problems.push_back({"audit_checkpoints", 0, fmt::format("#{}", c.info.id),
                                     "数据库中的检查点与检查点文件不符：其中之一被改动"});
        }
      }
      if (file->checkpoints.size() > stored.size()) {
        report.problems.push_back({"audit_checkpoints", 0, "",
                                   fmt::format("检查点文件有 {} 个检查点，数据库只有 {} "
                                               "个：数据库被回滚到检查点之前，或检查点被删除",
                                               file->checkpoints.size(), stored.size())});
      }
      // The file's newest line is the reference: it is kept outside the database.
      std::ifstream in(*options.checkpoints, std::ios::binary);
      std::string line, last;
      while (std::getline(in, line)) {
        if (!line.empty()) last = line;
      }
      if (size_t tab = last.find('\t'); tab != std::string::npos) {
        auto body = nlohmann::json::parse(last.substr(tab + 1), nullptr, false);
        if (body.is_object()) reference = body;
      }
    } else {
      if (!stored.empty()) {
        auto body = nlohmann::json::parse(stored.back().body, nullptr, false);
        if (body.is_object()) reference = body;
      }
      report.not_checked.push_back(
          "未给出检查点文件（--checkpoints）：只与数据库内的检查点比较；同时删除最新的行、台账和"
          "检查点，或把整个数据库回滚到旧副本，无法发现");
    }
    if (reference) {
      report.checkpoint = reference->value("id", int64_t{0});
      CheckAgainstCheckpoint(sql, *reference, ledgers, options.agency_id, report);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (!options.key) {
    report.not_checked.insert(
        report.not_checked.begin(),
        "未配置审计密钥（--audit-key 或 "
        "GONGKAI_AUDIT_KEY）：只核验了无密钥的事件哈希链、台账摘要和缓存。"
        "能重算哈希的人所做的改动、连同台账删除最新的行、检查点的签名，都无法核验");
  }
  return report;
}

namespace {

// MACs every unsealed entry of the agency and moves its head. REQUIRES: the sealed part verified.
int64_t SealPending(soci::session& sql, const AuditKey& key, long long agency) {
  long long entries = 0, sealed = 0;
  std::string head_mac;
  sql << "SELECT entries, sealed, mac FROM audit_heads WHERE agency_id = :a", soci::use(agency),
      soci::into(entries), soci::into(sealed), soci::into(head_mac);
  if (!sql.got_data()) return 0;
  std::string prev_mac;
  if (sealed > 0) {
    sql << "SELECT mac FROM audit_ledger WHERE agency_id = :a AND seq = :s", soci::use(agency),
        soci::use(sealed), soci::into(prev_mac);
  }
  struct Entry {
    long long seq;
    std::string table, row_key, digest, recorded_at;
  };
  std::vector<Entry> pending;
  {
    Entry e;
    soci::statement st =
        (sql.prepare << "SELECT seq, table_name, row_key, digest, recorded_at FROM audit_ledger "
                        "WHERE agency_id = :a AND seq > :s ORDER BY seq",
         soci::use(agency), soci::use(sealed), soci::into(e.seq), soci::into(e.table),
         soci::into(e.row_key), soci::into(e.digest), soci::into(e.recorded_at));
    st.execute();
    while (st.fetch()) pending.push_back(e);
  }
  std::vector<long long> seqs, agency_col(pending.size(), agency);
  std::vector<std::string> macs;
  for (const Entry& e : pending) {
    prev_mac = internal::EntryMac(key, agency, e.seq, e.table, e.row_key, e.digest, e.recorded_at,
                                  prev_mac);
    seqs.push_back(e.seq);
    macs.push_back(prev_mac);
  }
  if (!pending.empty()) {
    sql << "UPDATE audit_ledger SET mac = :m WHERE agency_id = :a AND seq = :s", soci::use(macs),
        soci::use(agency_col), soci::use(seqs);
    sealed = pending.back().seq;
  }
  head_mac = sealed > 0 ? internal::HeadMac(key, agency, sealed, 0, prev_mac) : "";
  sql << "UPDATE audit_heads SET sealed = :s, mac = :m, legacy = 0 WHERE agency_id = :a",
      soci::use(sealed), soci::use(head_mac), soci::use(agency);
  return static_cast<int64_t>(pending.size());
}

std::string ProblemList(const std::vector<AuditProblem>& problems) {
  std::string out;
  for (const AuditProblem& p : problems) {
    out += fmt::format("\n{} {}{}：{}", p.table, p.row.empty() ? "" : p.row + " ",
                       p.agency_id ? fmt::format("（机关 {}）", p.agency_id) : "", p.what);
  }
  return out;
}

}  // namespace

Result<SealResult> SealLedger(Database& db, Calendars& calendars, const AuditKey& key) {
  LedgerVerifyOptions options;
  options.key = &key;
  auto report = VerifyLedger(db, calendars, options);
  if (!report.ok()) return report.status();
  // Rows that predate the ledger are what sealing registers; everything else must hold.
  std::vector<AuditProblem> blocking;
  std::map<long long, std::map<std::string, int64_t>> unregistered;
  auto listed = Run(db, "核验审计台账", [&](soci::session& sql) -> Status {
    for (long long agency : AgenciesInScope(sql, std::nullopt)) {
      LedgerReport scratch;
      AgencyLedger ledger = CheckLedger(sql, agency, nullptr, scratch);
      CheckRows(sql, agency, ledger, scratch, &unregistered[agency]);
    }
    return Status::Ok();
  });
  if (!listed.ok()) return listed;
  for (const AuditProblem& p : report->problems) {
    bool predates = p.what.find("数据早于审计台账") != std::string::npos;
    if (!predates) blocking.push_back(p);
  }
  if (!blocking.empty()) {
    return Status::Conflict("数据未通过核验，拒绝签封（签封不会掩盖改动）：" +
                            ProblemList(blocking));
  }
  SealResult result;
  Status s = RunInTransaction(db, "签封审计台账", [&](soci::session& sql) -> Status {
    for (const auto& [agency, tables] : unregistered) {
      for (const auto& [table, count] : tables) {
        if (count == 0) continue;
        internal::RecordInLedger(db, sql, table, agency, "");
        result.registered += count;
      }
      result.sealed += SealPending(sql, key, agency);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return result;
}

Result<CheckpointInfo> WriteCheckpoint(Database& db, Calendars& calendars, const AuditKey& key,
                                       const std::filesystem::path& file) {
  auto sealed = SealLedger(db, calendars, key);
  if (!sealed.ok()) return sealed.status();
  std::vector<CheckpointInfo> in_file;
  if (std::filesystem::exists(file)) {
    auto read = VerifyCheckpointFile(file, key.PublicKeyHex());
    if (!read.ok()) return read.status();
    if (!read->problems.empty()) {
      std::string list;
      for (const std::string& p : read->problems) list += "\n" + p;
      return Status::Conflict("检查点文件未通过核验，拒绝追加：" + list);
    }
    in_file = read->checkpoints;
  }
  return RunInTransaction(db, "写入检查点", [&](soci::session& sql) -> Result<CheckpointInfo> {
    std::vector<StoredCheckpoint> stored = ReadStoredCheckpoints(sql);
    bool agree = stored.size() == in_file.size() &&
                 (stored.empty() || stored.back().info.hash == in_file.back().hash);
    if (!agree) {
      return Status::Conflict(fmt::format(
          "检查点文件 {} 有 {} 个检查点，数据库有 {} 个，两者不一致：请先运行 `gongkai audit "
          "verify --checkpoints {}` 查明哪一方被改动",
          file.string(), in_file.size(), stored.size(), file.string()));
    }
    CheckpointInfo info;
    info.id = static_cast<int64_t>(stored.size()) + 1;
    info.created_at = FormatUtc(db.Now());
    nlohmann::ordered_json body;
    body["id"] = info.id;
    body["prev"] = stored.empty() ? "" : stored.back().info.hash;
    body["created_at"] = info.created_at;
    body["public_key"] = key.PublicKeyHex();
    body["agencies"] = nlohmann::ordered_json::array();
    for (long long agency : AgenciesInScope(sql, std::nullopt)) {
      long long entries = 0;
      std::string mac;
      sql << "SELECT entries FROM audit_heads WHERE agency_id = :a", soci::use(agency),
          soci::into(entries);
      if (entries > 0) {
        sql << "SELECT mac FROM audit_ledger WHERE agency_id = :a AND seq = :s", soci::use(agency),
            soci::use(entries), soci::into(mac);
      }
      nlohmann::ordered_json a;
      a["agency_id"] = agency;
      a["entries"] = entries;
      a["mac"] = mac;
      nlohmann::ordered_json rows = nlohmann::ordered_json::object();
      for (const CoveredTable& table : CoveredTables()) {
        long long n = 0;
        sql << fmt::format("SELECT count(*) FROM {} WHERE {} = :a", table.from, table.agency),
            soci::use(agency), soci::into(n);
        rows[std::string(table.name)] = n;
      }
      a["rows"] = rows;
      body["agencies"].push_back(a);
    }
    std::string text = body.dump();
    std::string signature = key.Sign(text);
    info.hash = Blake2bHex(text);
    sql << "INSERT INTO audit_checkpoints (id, created_at, body, signature, hash) VALUES (:i, :c, "
           ":b, :s, :h)",
        soci::use(info.id), soci::use(info.created_at), soci::use(text), soci::use(signature),
        soci::use(info.hash);
    // Appended before the commit: if the file cannot be written, nothing is stored.
    int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
    std::string line = CheckpointLine(signature, text);
    bool ok = fd >= 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ok = fd >= 0 && ::fsync(fd) == 0 && ok;
    if (fd >= 0) ok = ::close(fd) == 0 && ok;
    if (!ok) {
      return Status::InvalidInput(
          fmt::format("无法写入检查点文件 {}：检查点未保存", file.string()));
    }
    return info;
  });
}

}  // namespace gongkai
