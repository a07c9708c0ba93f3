// `gongkai audit keygen|verify|seal|checkpoint|verify-checkpoint|verify-report`: the tamper
// evidence of the register (store/ledger.h, store/report_anchor.h) from the command line. The audit
// key comes from --audit-key or the environment variable GONGKAI_AUDIT_KEY; `verify` works without
// it and says what it could not check. `verify`, `verify-checkpoint` and `verify-report` exit 1
// when they find a problem.

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/output.h"
#include "ingest/extract.h"
#include "store/audit_key.h"
#include "store/calendars.h"
#include "store/database.h"
#include "store/ledger.h"
#include "store/report_anchor.h"

namespace gongkai::cli {
namespace {

struct AuditArgs {
  std::string url = "./gongkai.db";
  std::optional<int64_t> agency;
  std::string key_file, checkpoints, out, public_key, hash;
  std::optional<int64_t> id;
};

constexpr const char* kKeyHelp =
    "审计密钥文件（默认取环境变量 GONGKAI_AUDIT_KEY）/ audit key file (default "
    "$GONGKAI_AUDIT_KEY)";
constexpr const char* kCheckpointsHelp =
    "数据库之外的检查点文件 / checkpoint file outside the database";

// The key named by --audit-key, else by GONGKAI_AUDIT_KEY; nullptr when neither is given.
// Reports and returns false when a named file cannot be loaded.
bool LoadKey(GlobalOptions& g, const AuditArgs& a, std::shared_ptr<const AuditKey>* key) {
  if (a.key_file.empty()) {
    auto from_environment = AuditKeyFromEnvironment();
    if (!Check(g, from_environment)) return false;
    *key = *from_environment;
    return true;
  }
  auto loaded = AuditKey::Load(a.key_file);
  if (!Check(g, loaded)) return false;
  *key = std::make_shared<const AuditKey>(std::move(loaded).value());
  return true;
}

// Opens the database with the key set, so that writes it makes are sealed.
std::optional<Database> OpenWithKey(GlobalOptions& g, const AuditArgs& a,
                                    const std::shared_ptr<const AuditKey>& key) {
  auto database = Database::OpenForUse(a.url);
  if (!Check(g, database)) return std::nullopt;
  if (key) database->SetAuditKey(key);
  return std::move(database).value();
}

// The public key given on the command line: the hex itself, or a file holding it.
std::string PublicKeyArgument(const std::string& given) {
  std::error_code ec;
  if (given.size() == 64 || !std::filesystem::is_regular_file(given, ec)) return given;
  std::ifstream in(given);
  std::string hex;
  in >> hex;
  return hex;
}

bool RequireKey(GlobalOptions& g, const std::shared_ptr<const AuditKey>& key) {
  if (key) return true;
  return Check(g, Status::InvalidInput(Say(
                      g, "需要审计密钥：请用 --audit-key 文件 或环境变量 GONGKAI_AUDIT_KEY 指定",
                      "an audit key is needed: give --audit-key FILE or set GONGKAI_AUDIT_KEY")));
}

}  // namespace

void AddAuditCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<AuditArgs>();
  auto* audit = app.add_subcommand("audit", "审计 / audit");
  audit->require_subcommand(1);

  auto* keygen = audit->add_subcommand(
      "keygen", "生成审计密钥文件（权限 0600）并打印公钥 / create an audit key file (mode 0600)");
  keygen->add_option("--out", a->out, "密钥文件 / key file")->required();
  keygen->callback([&g, a] {
    AuditKey key = AuditKey::Generate();
    if (!Check(g, key.Save(a->out))) return;
    std::cout << Tr(g,
                    "审计密钥已写入 {}（仅属主可读）。请把它保存在数据库服务器之外，并备份。\n"
                    "公钥（公布给核验检查点的人）：{}\n",
                    "audit key written to {} (owner only). Keep it off the database server and "
                    "back it up.\npublic key (publish it for checkpoint verifiers): {}\n",
                    a->out, key.PublicKeyHex());
  });

  auto* verify = audit->add_subcommand(
      "verify", "核验登记簿：事件链、审计台账、缓存和检查点 / verify the register");
  verify->add_option("--db", a->url, kDbHelp);
  verify->add_option("--agency", a->agency, "机关编号（默认全部）/ agency id (default all)");
  verify->add_option("--audit-key", a->key_file, kKeyHelp);
  verify->add_option("--checkpoints", a->checkpoints, kCheckpointsHelp);
  verify->callback([&g, a] {
    std::shared_ptr<const AuditKey> key;
    if (!LoadKey(g, *a, &key)) return;
    auto database = OpenWithKey(g, *a, key);
    if (!database) return;
    Calendars calendars;
    LedgerVerifyOptions options;
    options.agency_id = a->agency;
    options.key = key.get();
    if (!a->checkpoints.empty()) options.checkpoints = a->checkpoints;
    auto report = VerifyLedger(*database, calendars, options);
    if (!Check(g, report)) return;
    for (const AuditProblem& p : report->problems) {
      std::string where = p.agency_id ? Tr(g, "（机关 {}）", " (agency {})", p.agency_id) : "";
      std::cout << fmt::format("{}{}{}：{}\n", p.table, p.row.empty() ? "" : " " + p.row, where,
                               p.what);
    }
    for (const std::string& note : report->not_checked) {
      std::cout << Say(g, "未核验：", "not checked: ") << note << "\n";
    }
    std::string against = report->checkpoint ? Tr(g, "，对照检查点 #{}", ", against checkpoint #{}",
                                                  *report->checkpoint)
                                             : "";
    std::cout << Tr(g, "核验 {} 个机关、{} 行、{} 条台账登记、{} 件案件的缓存{}{}：{}\n",
                    "checked {} agencies, {} rows, {} ledger entries, {} cases' caches{}{}: {}\n",
                    report->agencies, report->rows, report->entries, report->cases,
                    report->keyed ? Say(g, "（含密钥签封）", " (with the key)")
                                  : Say(g, "（无密钥）", " (unkeyed)"),
                    against,
                    report->problems.empty()
                        ? Say(g, "未发现问题", "no problem found")
                        : Tr(g, "发现 {} 处问题", "{} problems found", report->problems.size()));
    if (!report->problems.empty()) g.exit_code = 1;
  });

  auto* seal = audit->add_subcommand(
      "seal", "用密钥签封尚未签封的登记（先核验）/ seal unsealed ledger entries under the key");
  seal->add_option("--db", a->url, kDbHelp);
  seal->add_option("--audit-key", a->key_file, kKeyHelp);
  seal->callback([&g, a] {
    std::shared_ptr<const AuditKey> key;
    if (!LoadKey(g, *a, &key) || !RequireKey(g, key)) return;
    auto database = OpenWithKey(g, *a, key);
    if (!database) return;
    Calendars calendars;
    auto sealed = SealLedger(*database, calendars, *key);
    if (!Check(g, sealed)) return;
    std::cout << Tr(g, "登记 {} 行，签封 {} 条台账登记\n",
                    "registered {} rows, sealed {} entries\n", sealed->registered, sealed->sealed);
  });

  auto* checkpoint = audit->add_subcommand(
      "checkpoint", "签封并写入一个签名检查点 / seal and write a signed checkpoint");
  checkpoint->add_option("--db", a->url, kDbHelp);
  checkpoint->add_option("--audit-key", a->key_file, kKeyHelp);
  checkpoint->add_option("--checkpoints", a->checkpoints, kCheckpointsHelp)->required();
  checkpoint->callback([&g, a] {
    std::shared_ptr<const AuditKey> key;
    if (!LoadKey(g, *a, &key) || !RequireKey(g, key)) return;
    auto database = OpenWithKey(g, *a, key);
    if (!database) return;
    Calendars calendars;
    auto info = WriteCheckpoint(*database, calendars, *key, a->checkpoints);
    if (!Check(g, info)) return;
    std::cout << Tr(g, "检查点 #{}（{}）哈希 {}\n", "checkpoint #{} ({}) hash {}\n", info->id,
                    info->created_at, info->hash);
  });

  auto* outsider = audit->add_subcommand(
      "verify-checkpoint",
      "不连数据库，用公钥核验检查点文件 / verify a checkpoint file with the public key alone");
  outsider->add_option("--checkpoints", a->checkpoints, kCheckpointsHelp)->required();
  outsider->add_option("--public-key", a->public_key, "机关公布的公钥 / the published public key")
      ->required();
  outsider->add_option("--id", a->id, "报告所印的检查点编号 / checkpoint id printed in a report");
  outsider->add_option("--hash", a->hash,
                       "报告所印的检查点哈希 / checkpoint hash printed in a report");
  outsider->callback([&g, a] {
    auto report = VerifyCheckpointFile(a->checkpoints, a->public_key);
    if (!Check(g, report)) return;
    for (const std::string& p : report->problems) std::cout << p << "\n";
    bool found = !a->id;
    if (a->id) {
      for (const CheckpointInfo& c : report->checkpoints) {
        if (c.id != *a->id) continue;
        found = a->hash.empty() || c.hash == a->hash;
        std::cout << (found ? Tr(g, "检查点 #{}（{}）哈希 {}：与报告一致\n",
                                 "checkpoint #{} ({}) hash {}: matches the report\n", c.id,
                                 c.created_at, c.hash)
                            : Tr(g, "检查点 #{} 的哈希为 {}，与报告所印 {} 不符\n",
                                 "checkpoint #{} has hash {}, not the printed {}\n", c.id, c.hash,
                                 a->hash));
      }
      if (!found && a->hash.empty()) {
        std::cout << Tr(g, "文件中没有检查点 #{}\n", "no checkpoint #{} in the file\n", *a->id);
      }
    }
    std::cout << Tr(g, "{} 个检查点：{}\n", "{} checkpoints: {}\n", report->checkpoints.size(),
                    report->problems.empty() && found
                        ? Say(g, "签名与链接均成立", "all signed and linked")
                        : Say(g, "发现问题", "problems found"));
    if (!report->problems.empty() || !found) g.exit_code = 1;
  });

  auto* published = audit->add_subcommand(
      "verify-report",
      "用公钥核验已发布报告（PDF、DOCX、HTML、JSON）所印的审计检查点；给出 --db 时再核对台账 / "
      "verify the audit checkpoint printed in a published report");
  published->add_option("file", a->out, "报告文件 / the report file")->required();
  published
      ->add_option("--public-key", a->public_key,
                   "机关公布的公钥（十六进制，或存放它的文件）/ the published public key")
      ->required();
  published->add_option("--db", a->url,
                        "同时核对此数据库的审计台账 / also check this database's ledger");
  published->callback([&g, a, published] {
    std::ifstream in(a->out, std::ios::binary);
    if (!in) {
      Check(g, Status::InvalidInput(
                   Tr(g, "无法读取报告文件 {}", "cannot read report file {}", a->out)));
      return;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // HTML and JSON carry the line as written; PDF and DOCX need their text extracted.
    auto anchor = FindAnchor(bytes);
    if (!anchor.ok() && anchor.status().code() == Status::Code::kNotFound) {
      auto text = ExtractText(bytes, a->out, g.lang);
      if (!Check(g, text)) return;
      anchor = FindAnchor(*text);
    }
    if (!anchor.ok()) {
      std::cout << a->out << "：" << anchor.status().message() << "\n";
      g.exit_code = 1;
      return;
    }
    std::cout << Tr(g,
                    "审计检查点：机关 {} {} 年度第 {} 版报告，检查点 #{}（{}），台账 {} 条，"
                    "公钥指纹 {}\n",
                    "audit checkpoint: agency {} report {} v{}, checkpoint #{} ({}), {} ledger "
                    "entries, key fingerprint {}\n",
                    anchor->agency_id, anchor->year, anchor->version, anchor->checkpoint,
                    anchor->at, anchor->seq, anchor->key);
    std::vector<std::string> problems =
        CheckAnchorSignature(*anchor, PublicKeyArgument(a->public_key));
    std::cout << (problems.empty() ? Say(g, "签名：成立\n", "signature: valid\n")
                                   : Say(g, "签名：不成立\n", "signature: INVALID\n"));
    bool with_db = published->count("--db") > 0;
    if (with_db) {
      auto database = Database::OpenForUse(a->url);
      if (!Check(g, database)) return;
      auto in_db = CheckAnchorInDatabase(*database, *anchor);
      if (!Check(g, in_db)) return;
      std::cout << (in_db->empty()
                        ? Say(g, "台账：发布前的历史未被改写\n",
                              "ledger: the history up to publication stands\n")
                        : Say(g, "台账：与发布时不符\n", "ledger: differs from publication\n"));
      problems.insert(problems.end(), in_db->begin(), in_db->end());
    } else {
      std::cout << Say(g, "未核验：未给出 --db，没有核对数据库中的台账\n",
                       "not checked: no --db, the database's ledger was not compared\n");
    }
    for (const std::string& p : problems) std::cout << p << "\n";
    if (!problems.empty()) g.exit_code = 1;
  });
}

}  // namespace gongkai::cli
