#include "store/audit.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

#include "store/sql.h"

namespace gongkai {

std::string EventHash(std::string_view prev_hash, std::string_view payload) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prev_hash.data()),
                            prev_hash.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(payload.data()),
                            payload.size());
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash_final(&state, hash.data(), hash.size());
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

Result<AuditResult> VerifyAuditChain(Database& db, std::optional<int64_t> agency_id) {
  return Run(db, "核验事件链", [&](soci::session& sql) -> Result<AuditResult> {
    AuditResult result;
    long long agency = 0, case_id = 0;
    int seq = 0;
    std::string number, payload, prev_hash, hash;
    long long filter = agency_id.value_or(0);
    int all = agency_id ? 0 : 1;
    soci::statement st =
        (sql.prepare << "SELECT e.agency_id, e.case_id, c.number, e.seq, e.payload, e.prev_hash, "
                        "e.hash FROM case_events e JOIN cases c ON c.agency_id = e.agency_id AND "
                        "c.id = e.case_id WHERE :all = 1 OR e.agency_id = :a "
                        "ORDER BY e.agency_id, e.case_id, e.seq",
         soci::use(all), soci::use(filter), soci::into(agency), soci::into(case_id),
         soci::into(number), soci::into(seq), soci::into(payload), soci::into(prev_hash),
         soci::into(hash));
    st.execute();
    long long current_agency = -1, current_case = -1;
    std::string expected_prev;
    int expected_seq = 1;
    bool case_broken = false;
    while (st.fetch()) {
      ++result.events;
      if (agency != current_agency || case_id != current_case) {
        current_agency = agency;
        current_case = case_id;
        expected_prev.clear();
        expected_seq = 1;
        case_broken = false;
        ++result.cases;
      }
      if (!case_broken) {
        std::string reason;
        if (seq != expected_seq) {
          reason =
              fmt::format("应为第 {} 个事件，实为第 {} 个：有事件被删除或插入", expected_seq, seq);
        } else if (prev_hash != expected_prev) {
          reason = "prev_hash 与前一事件的哈希不符：前一事件或本事件被改动";
        } else if (hash != EventHash(prev_hash, payload)) {
          reason = "哈希与内容不符：事件内容被改动";
        }
        if (!reason.empty()) {
          result.broken.push_back(BrokenLink{agency, number, seq, reason});
          case_broken = true;
        }
      }
      expected_prev = hash;
      expected_seq = seq + 1;
    }
    return result;
  });
}

}  // namespace gongkai
