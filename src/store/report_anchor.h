// A report anchor is what a published report prints of the audit trail (「审计检查点」): at the
// moment of publication, the agency's audit ledger length (`seq`) and an unkeyed digest of its
// entries 1…seq, the signed checkpoint written then (store/ledger.h WriteCheckpoint), the report
// it is printed in, and an Ed25519 signature over all of that under the agency's audit key.
//
// What it proves, and to whom: anyone holding the report and the agency's published public key
// can check that the agency's key signed this anchor for this report (CheckAnchorSignature);
// anyone also holding the database can check that the ledger still begins with the very entries
// it had at publication (CheckAnchorInDatabase), i.e. that the history up to the publication was
// not rewritten, deleted or rolled back since — without the key, because the printed digest pins
// those entries. Copies of the report already handed out stay out of reach of whoever later gets
// the database and the key.
//
// Pure functions except AnchorPublication and CheckAnchorInDatabase, which read (and, for the
// former, write) the Database; thread-safe as the Database is.

#ifndef GONGKAI_STORE_REPORT_ANCHOR_H_
#define GONGKAI_STORE_REPORT_ANCHOR_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_key.h"
#include "store/calendars.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

struct ReportAnchor {
  int64_t agency_id = 0;
  int year = 0;
  int version = 0;
  int64_t checkpoint = 0;  // the checkpoint written at publication (audit_checkpoints.id)
  int64_t seq = 0;         // the agency's ledger entries at that checkpoint
  std::string at;          // the checkpoint's time, UTC (store/sql.h FormatUtc)
  // The unkeyed digest of the agency's ledger entries 1…seq, 64 hex: a BLAKE2b chain over each
  // entry's seq, table, row, digest and time (MACs left out: it is recomputed without the key).
  std::string ledger;
  std::string key;        // KeyFingerprint of the signing public key, 16 hex
  std::string signature;  // Ed25519 over AnchorMessage, 128 hex
};

// The text the signature covers: every field but the signature, in a fixed order.
std::string AnchorMessage(const ReportAnchor& anchor);

// The line a report prints, starting with kAnchorMarker: the fields as key=value, the long hex
// values in groups of 16 so that they wrap and read well. FindAnchor reads it back.
inline constexpr std::string_view kAnchorMarker = "GONGKAI-ANCHOR-1";
std::string AnchorLine(const ReportAnchor& anchor);
// The sentence printed above the line, in Chinese: what it is and how to check it.
std::string AnchorCaption(const ReportAnchor& anchor);

// The anchor printed in `text` (a report's text: HTML, JSON, or what ingest/extract.h extracts
// from a PDF or DOCX). Whitespace inside the line is ignored, so a line the layout wrapped still
// reads. kNotFound when the text holds no kAnchorMarker; kInvalidInput naming the field when the
// line after it is cut or malformed.
Result<ReportAnchor> FindAnchor(std::string_view text);

// The first 16 hex digits of BLAKE2b-256 over the hex public key: short enough to print.
std::string KeyFingerprint(std::string_view public_key_hex);

// Writes a checkpoint to `checkpoints` (store/ledger.h WriteCheckpoint: the register must verify
// first) and returns the anchor of report `year` version `version` of the agency, signed under
// `key`. The errors of WriteCheckpoint.
Result<ReportAnchor> AnchorPublication(Database& db, Calendars& calendars, const AuditKey& key,
                                       const std::filesystem::path& checkpoints, int64_t agency_id,
                                       int year, int version);

// What is wrong with the anchor's signature under `public_key_hex` (Chinese, one line each):
// another key's fingerprint, or a signature that does not hold (a printed field was altered).
// Empty when it holds.
std::vector<std::string> CheckAnchorSignature(const ReportAnchor& anchor,
                                              std::string_view public_key_hex);

// What in the database no longer agrees with the anchor (Chinese, one line each): the agency's
// ledger holds fewer than `seq` entries, its entries 1…seq differ from those digested at
// publication, or the checkpoint it names is missing or records another ledger length. Empty
// when the history up to the publication stands. kInternal when the database cannot be read.
Result<std::vector<std::string>> CheckAnchorInDatabase(Database& db, const ReportAnchor& anchor);

}  // namespace gongkai

#endif  // GONGKAI_STORE_REPORT_ANCHOR_H_
