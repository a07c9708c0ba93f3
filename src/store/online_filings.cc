#include "store/online_filings.h"

#include <sodium.h>

#include <fmt/format.h>
#include <array>

#include "cases/events_jsonl.h"
#include "store/case_rows.h"
#include "store/sql.h"

namespace gongkai {
namespace {

constexpr std::size_t kTokenBytes = 32;

// BLAKE2b-256 of `domain` and the token: the stored hash and the sealing key come from the same
// token under different domains, so the one stored says nothing about the other.
std::array<unsigned char, 32> Derive(std::string_view domain, std::string_view token) {
  std::array<unsigned char, 32> out{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, out.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domain.data()),
                            domain.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(token.data()),
                            token.size());
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

std::string Hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

std::string TokenHash(std::string_view token) {
  auto h = Derive("gongkai filing token", token);
  return Hex(h.data(), h.size());
}

// nonce || secretbox(code), hex.
std::string Seal(std::string_view code, std::string_view token) {
  auto key = Derive("gongkai receipt key", token);
  std::array<unsigned char, crypto_secretbox_NONCEBYTES> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  std::string box(crypto_secretbox_MACBYTES + code.size(), '\0');
  crypto_secretbox_easy(reinterpret_cast<unsigned char*>(box.data()),
                        reinterpret_cast<const unsigned char*>(code.data()), code.size(),
                        nonce.data(), key.data());
  return Hex(nonce.data(), nonce.size()) +
         Hex(reinterpret_cast<const unsigned char*>(box.data()), box.size());
}

std::optional<std::string> Open(std::string_view sealed, std::string_view token) {
  std::string bin(sealed.size() / 2, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), sealed.data(),
                     sealed.size(), nullptr, &len, nullptr) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  auto key = Derive("gongkai receipt key", token);
  const auto* nonce = reinterpret_cast<const unsigned char*>(bin.data());
  const auto* box = nonce + crypto_secretbox_NONCEBYTES;
  std::size_t box_len = len - crypto_secretbox_NONCEBYTES;
  std::string code(box_len - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(code.data()), box, box_len, nonce,
                                 key.data()) != 0) {
    return std::nullopt;
  }
  return code;
}

// Erases the sealed codes of receipts older than kReceiptLifetime.
void ExpireReceipts(soci::session& sql, Database& db) {
  std::string cutoff = FormatUtc(db.Now() - kReceiptLifetime);
  sql << "UPDATE filing_tokens SET sealed_code = NULL WHERE sealed_code IS NOT NULL AND "
         "created_at < :c",
      soci::use(cutoff);
}

// The receipt of `token` when it filed a case.
std::optional<FilingReceipt> Lookup(soci::session& sql, std::string_view token) {
  std::string hash = TokenHash(token), number, sealed;
  long long agency = 0;
  soci::indicator sealed_ind = soci::i_null;
  sql << "SELECT agency_id, case_number, sealed_code FROM filing_tokens WHERE token_hash = :h",
      soci::use(hash), soci::into(agency), soci::into(number), soci::into(sealed, sealed_ind);
  if (!sql.got_data()) return std::nullopt;
  FilingReceipt r;
  r.agency_id = agency;
  r.number = number;
  if (sealed_ind == soci::i_ok) r.query_code = Open(sealed, token);
  return r;
}

Status BadToken() {
  return Status::InvalidInput("申请表缺少有效的提交标识：请重新打开申请页面填写后提交");
}

}  // namespace

std::string NewFilingToken() {
  if (sodium_init() < 0) return "";
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

bool IsFilingToken(std::string_view token) {
  if (token.size() != kTokenBytes * 2) return false;
  for (char c : token) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<FilingReceipt> OnlineFilings::File(std::string_view token, int64_t agency_id,
                                          const Event& received, const Applicant& applicant,
                                          const std::string& form, const std::string& actor) {
  if (!IsFilingToken(token) || sodium_init() < 0) return BadToken();
  auto ctx = internal::LoadAgencyContext(db_, calendars_, agency_id);
  if (!ctx.ok()) return ctx.status();
  Date today = CaseRegister(db_, calendars_).Today();
  std::string hash = TokenHash(token);
  auto filed =
      RunInTransaction(db_, "网上申请登记", [&](soci::session& sql) -> Result<FilingReceipt> {
        ExpireReceipts(sql, db_);
        if (auto earlier = Lookup(sql, token)) {
          earlier->repeated = true;
          return *earlier;
        }
        auto created = internal::RegisterCaseInTransaction(sql, db_, *ctx, received, applicant,
                                                           form, actor, today);
        if (!created.ok()) return created.status();
        // The primary key on token_hash: a concurrent filing of the same token fails here (or
        // waits for this one and then fails) and rolls its case back.
        long long agency = agency_id;
        std::string sealed = Seal(created->query_code, token);
        std::string now = FormatUtc(db_.Now());
        sql << "INSERT INTO filing_tokens (token_hash, agency_id, case_number, sealed_code, "
               "created_at) VALUES (:h, :a, :n, :s, :t)",
            soci::use(hash), soci::use(agency), soci::use(created->number), soci::use(sealed),
            soci::use(now);
        return FilingReceipt{agency_id, created->number, created->query_code, false};
      });
  if (filed.ok()) return filed;
  // Lost a race for the same token (a unique violation, or SQLite's stale snapshot): the
  // winner's receipt is the answer.
  if (filed.status().code() != Status::Code::kInvalidInput) {
    auto winner = Receipt(token);
    if (winner.ok()) {
      winner->repeated = true;
      return winner;
    }
  }
  return filed;
}

Result<FilingReceipt> OnlineFilings::Receipt(std::string_view token) {
  if (!IsFilingToken(token)) return Status::NotFound("没有这份申请的回执");
  return Run(db_, "读取申请回执", [&](soci::session& sql) -> Result<FilingReceipt> {
    ExpireReceipts(sql, db_);
    auto r = Lookup(sql, token);
    if (!r) return Status::NotFound("没有这份申请的回执");
    return *r;
  });
}

Result<std::set<std::string>> OnlineFilings::AttachedProofs() {
  return Run(db_, "读取身份证明附件", [&](soci::session& sql) -> Result<std::set<std::string>> {
    std::set<std::string> out;
    std::string payload;
    std::string pattern = fmt::format("%\"{}\"%", kIdProofField);
    soci::statement st = (sql.prepare << "SELECT payload FROM case_events WHERE seq = 1 AND "
                                         "payload LIKE :p",
                          soci::use(pattern), soci::into(payload));
    st.execute();
    while (st.fetch()) {
      auto e = ParseEventLine(payload, 1);
      if (!e.ok() || !e->extra.is_object()) continue;
      auto it = e->extra.find(std::string(kIdProofField));
      if (it != e->extra.end() && it->is_string()) out.insert(it->get<std::string>());
    }
    return out;
  });
}

}  // namespace gongkai
