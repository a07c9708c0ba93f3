#include "store/report_anchor.h"

#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "store/ledger.h"
#include "store/sql.h"

namespace gongkai {
namespace {

// Hex `text` in groups of 16, separated by spaces.
std::string Grouped(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 16) {
    if (i > 0) out += ' ';
    out += hex.substr(i, 16);
  }
  return out;
}

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The unkeyed digest of the agency's entries 1…seq, and how many of them the ledger holds.
struct LedgerPrefix {
  std::string digest;
  int64_t entries = 0;
  bool contiguous = true;
};

LedgerPrefix ReadLedgerPrefix(soci::session& sql, long long agency, long long upto) {
  LedgerPrefix prefix;
  long long seq = 0;
  std::string table, row_key, digest, recorded_at;
  soci::statement st =
      (sql.prepare << "SELECT seq, table_name, row_key, digest, recorded_at FROM audit_ledger "
                      "WHERE agency_id = :a AND seq <= :n ORDER BY seq",
       soci::use(agency), soci::use(upto), soci::into(seq), soci::into(table), soci::into(row_key),
       soci::into(digest), soci::into(recorded_at));
  st.execute();
  while (st.fetch()) {
    ++prefix.entries;
    if (seq != prefix.entries) prefix.contiguous = false;
    prefix.digest = Blake2bHex(fmt::format("{}\x1e{}\x1f{}\x1f{}\x1f{}\x1f{}", prefix.digest, seq,
                                           table, row_key, digest, recorded_at));
  }
  return prefix;
}

// Reads the digits at the front of `s` into `out`; false when there are none.
bool TakeNumber(std::string_view& s, int64_t& out) {
  size_t n = 0;
  while (n < s.size() && n < 18 && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
  if (n == 0) return false;
  out = std::stoll(std::string(s.substr(0, n)));
  s.remove_prefix(n);
  return true;
}

bool TakeLiteral(std::string_view& s, std::string_view literal) {
  if (!s.starts_with(literal)) return false;
  s.remove_prefix(literal.size());
  return true;
}

bool TakeHex(std::string_view& s, size_t length, std::string& out) {
  if (s.size() < length || !IsHex(s.substr(0, length))) return false;
  out = std::string(s.substr(0, length));
  s.remove_prefix(length);
  return true;
}

}  // namespace

std::string AnchorMessage(const ReportAnchor& a) {
  return fmt::format(
      "gongkai-anchor/1;agency={};report={}v{};checkpoint={};seq={};at={};ledger={};key={}",
      a.agency_id, a.year, a.version, a.checkpoint, a.seq, a.at, a.ledger, a.key);
}

std::string AnchorLine(const ReportAnchor& a) {
  return fmt::format("{} agency={} report={}v{} checkpoint={} seq={} at={} ledger={} key={} sig={}",
                     kAnchorMarker, a.agency_id, a.year, a.version, a.checkpoint, a.seq, a.at,
                     Grouped(a.ledger), a.key, Grouped(a.signature));
}

std::string AnchorCaption(const ReportAnchor& a) {
  return fmt::format(
      "审计检查点：本报告发布时（{}）本机关审计台账共 {} 条登记，已由检查点 #{} 签名锁定。"
      "持本报告和本机关公布的公钥，可用 gongkai audit verify-report 核验。",
      a.at, a.seq, a.checkpoint);
}

Result<ReportAnchor> FindAnchor(std::string_view text) {
  size_t start = text.find(kAnchorMarker);
  if (start == std::string_view::npos) {
    return Status::NotFound(fmt::format("文件中没有审计检查点（找不到 {}）", kAnchorMarker));
  }
  // The line and what may follow it, without whitespace: wrapped lines join up again.
  std::string compact;
  for (char c : text.substr(start + kAnchorMarker.size(), 1200)) {
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  }
  std::string_view s = compact;
  ReportAnchor a;
  int64_t year = 0, version = 0;
  auto bad = [](std::string_view field) {
    return Status::InvalidInput(
        fmt::format("审计检查点的 {} 字段缺失或格式不对：所印的检查点不完整或被改动", field));
  };
  if (!TakeLiteral(s, "agency=") || !TakeNumber(s, a.agency_id)) return bad("agency");
  if (!TakeLiteral(s, "report=") || !TakeNumber(s, year) || !TakeLiteral(s, "v") ||
      !TakeNumber(s, version)) {
    return bad("report");
  }
  a.year = static_cast<int>(year);
  a.version = static_cast<int>(version);
  if (!TakeLiteral(s, "checkpoint=") || !TakeNumber(s, a.checkpoint)) return bad("checkpoint");
  if (!TakeLiteral(s, "seq=") || !TakeNumber(s, a.seq)) return bad("seq");
  // "2026-12-07T22:00:00Z"
  if (!TakeLiteral(s, "at=") || s.size() < 20 || s[19] != 'Z') return bad("at");
  a.at = std::string(s.substr(0, 20));
  s.remove_prefix(20);
  if (!TakeLiteral(s, "ledger=") || !TakeHex(s, 64, a.ledger)) return bad("ledger");
  if (!TakeLiteral(s, "key=") || !TakeHex(s, 16, a.key)) return bad("key");
  if (!TakeLiteral(s, "sig=") || !TakeHex(s, 128, a.signature)) return bad("sig");
  return a;
}

std::string KeyFingerprint(std::string_view public_key_hex) {
  return Blake2bHex(public_key_hex).substr(0, 16);
}

Result<ReportAnchor> AnchorPublication(Database& db, Calendars& calendars, const AuditKey& key,
                                       const std::filesystem::path& checkpoints, int64_t agency_id,
                                       int year, int version) {
  auto info = WriteCheckpoint(db, calendars, key, checkpoints);
  if (!info.ok()) return info.status();
  return Run(db, "生成审计检查点", [&](soci::session& sql) -> Result<ReportAnchor> {
    ReportAnchor a;
    a.agency_id = agency_id;
    a.year = year;
    a.version = version;
    a.checkpoint = info->id;
    a.at = info->created_at;
    std::string body;
    long long id = info->id;
    sql << "SELECT body FROM audit_checkpoints WHERE id = :i", soci::use(id), soci::into(body);
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object() && json.contains("agencies") && json["agencies"].is_array()) {
      for (const auto& agency : json["agencies"]) {
        if (agency.value("agency_id", int64_t{0}) == agency_id) {
          a.seq = agency.value("entries", int64_t{0});
        }
      }
    }
    a.ledger = ReadLedgerPrefix(sql, agency_id, a.seq).digest;
    a.key = KeyFingerprint(key.PublicKeyHex());
    a.signature = key.Sign(AnchorMessage(a));
    return a;
  });
}

std::vector<std::string> CheckAnchorSignature(const ReportAnchor& anchor,
                                              std::string_view public_key_hex) {
  std::vector<std::string> problems;
  std::string fingerprint = KeyFingerprint(public_key_hex);
  if (fingerprint != anchor.key) {
    problems.push_back(fmt::format(
        "报告所印的公钥指纹 {} 与所给公钥的指纹 {} 不符：检查点不是这把密钥签的，或公钥有误",
        anchor.key, fingerprint));
  }
  if (!VerifySignature(public_key_hex, AnchorMessage(anchor), anchor.signature)) {
    problems.push_back(
        "签名不符：报告所印的检查点（机关、年度、版本、检查点编号、登记条数、时间、台账摘要之一）"
        "被改动，或不是此公钥所签");
  }
  return problems;
}

Result<std::vector<std::string>> CheckAnchorInDatabase(Database& db, const ReportAnchor& anchor) {
  return Run(db, "核验审计检查点", [&](soci::session& sql) -> Result<std::vector<std::string>> {
    std::vector<std::string> problems;
    long long agency = anchor.agency_id;
    LedgerPrefix prefix = ReadLedgerPrefix(sql, agency, anchor.seq);
    if (prefix.entries < anchor.seq || !prefix.contiguous) {
      problems.push_back(fmt::format(
          "机关 {} 的审计台账第 1 至 {} 条现只余 {} 条：报告发布前的登记被删除，或数据库被换成"
          "更早的副本",
          anchor.agency_id, anchor.seq, prefix.entries));
    } else if (prefix.digest != anchor.ledger) {
      problems.push_back(fmt::format(
          "机关 {} 的审计台账第 1 至 {} 条与报告发布时不同：发布前的历史被改写。请用 `gongkai "
          "audit verify --audit-key 密钥文件` 查明哪些行",
          anchor.agency_id, anchor.seq));
    }
    std::string body;
    long long id = anchor.checkpoint;
    sql << "SELECT body FROM audit_checkpoints WHERE id = :i", soci::use(id), soci::into(body);
    if (!sql.got_data()) {
      problems.push_back(fmt::format(
          "数据库中没有检查点 #{}：检查点被删除，或数据库被换成更早的副本", anchor.checkpoint));
      return problems;
    }
    auto json = nlohmann::json::parse(body, nullptr, false);
    std::optional<int64_t> entries;
    std::string created_at = json.is_object() ? json.value("created_at", "") : "";
    if (json.is_object() && json.contains("agencies") && json["agencies"].is_array()) {
      for (const auto& a : json["agencies"]) {
        if (a.value("agency_id", int64_t{0}) == anchor.agency_id) {
          entries = a.value("entries", int64_t{0});
        }
      }
    }
    if (entries != anchor.seq || created_at != anchor.at) {
      problems.push_back(fmt::format(
          "数据库中的检查点 #{}（{}，机关 {} 的登记 {} 条）与报告所印（{}，{} 条）不符：检查点被"
          "改写",
          anchor.checkpoint, created_at, anchor.agency_id,
          entries ? std::to_string(*entries) : "无", anchor.at, anchor.seq));
    }
    return problems;
  });
}

}  // namespace gongkai
