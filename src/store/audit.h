// The audit trail: each stored case event carries the hash of the event before it in its case
// and its own hash, BLAKE2b-256 (libsodium crypto_generichash) over prev_hash followed by the
// payload, both as stored. Editing, deleting or reordering an event breaks the chain from that
// event on; VerifyAuditChain finds the first broken event of every case.

#ifndef GONGKAI_STORE_AUDIT_H_
#define GONGKAI_STORE_AUDIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// Hex BLAKE2b-256 of prev_hash || payload. prev_hash is "" for a case's first event.
std::string EventHash(std::string_view prev_hash, std::string_view payload);

struct BrokenLink {
  int64_t agency_id = 0;
  std::string case_number;
  int seq = 0;         // the first event of the case whose stored hashes do not hold
  std::string reason;  // Chinese: which hash disagrees
};

struct AuditResult {
  int64_t cases = 0;
  int64_t events = 0;
  std::vector<BrokenLink> broken;  // one per broken case, by agency and case
};

// Recomputes every chain (of one agency, or all).
Result<AuditResult> VerifyAuditChain(Database& db, std::optional<int64_t> agency_id);

}  // namespace gongkai

#endif  // GONGKAI_STORE_AUDIT_H_
