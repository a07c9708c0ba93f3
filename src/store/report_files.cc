#include "store/report_files.h"

#include <fmt/format.h>
#include <sodium.h>

#include "store/ledger_rows.h"
#include "store/report_files_sql.h"
#include "store/sql.h"

namespace gongkai {
namespace {

constexpr int kBase64Variant = sodium_base64_VARIANT_ORIGINAL;

std::string ToBase64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kBase64Variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kBase64Variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

Result<std::string> FromBase64(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr, kBase64Variant) != 0) {
    return Status::Internal("报告文件的存储内容不是有效的 base64：请运行 `gongkai audit verify`");
  }
  out.resize(length);
  return out;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

namespace internal {

void InsertReportFiles(Database& db, soci::session& sql, int64_t agency_id, int year, int version,
                       const std::vector<ReportFile>& files, const std::string& now) {
  long long agency = agency_id;
  for (const ReportFile& f : files) {
    std::string encoded = ToBase64(f.bytes);
    std::string sha = Sha256Hex(f.bytes);
    sql << "INSERT INTO report_files (agency_id, year, version, format, bytes, sha256, "
           "created_at) VALUES (:a, :y, :v, :f, :b, :h, :t) ON CONFLICT (agency_id, year, "
           "version, format) DO NOTHING",
        soci::use(agency), soci::use(year), soci::use(version), soci::use(f.format),
        soci::use(encoded), soci::use(sha), soci::use(now);
  }
  if (!files.empty()) {
    RecordInLedger(db, sql, "report_files", agency,
                   fmt::format("t.year = {} AND t.version = {}", year, version));
  }
}

}  // namespace internal

Status PutReportFiles(Database& db, int64_t agency_id, int year, int version,
                      const std::vector<ReportFile>& files) {
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "保存已发布报告的文件", [&](soci::session& sql) -> Status {
    internal::InsertReportFiles(db, sql, agency_id, year, version, files, now);
    return Status::Ok();
  });
}

Result<std::optional<ReportFile>> GetReportFile(Database& db, int64_t agency_id, int year,
                                                int version, std::string_view format) {
  return Run(db, "读取已发布报告的文件",
             [&](soci::session& sql) -> Result<std::optional<ReportFile>> {
               long long agency = agency_id;
               std::string key(format);
               ReportFile f;
               std::string encoded;
               sql << "SELECT bytes, sha256, created_at FROM report_files WHERE agency_id = :a "
                      "AND year = :y AND version = :v AND format = :f",
                   soci::use(agency), soci::use(year), soci::use(version), soci::use(key),
                   soci::into(encoded), soci::into(f.sha256), soci::into(f.created_at);
               if (!sql.got_data()) return std::optional<ReportFile>();
               auto bytes = FromBase64(encoded);
               if (!bytes.ok()) return bytes.status();
               f.format = key;
               f.bytes = std::move(bytes).value();
               return std::optional<ReportFile>(std::move(f));
             });
}

}  // namespace gongkai
