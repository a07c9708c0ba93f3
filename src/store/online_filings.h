// Online filings (网上申请): an application submitted through the portal is filed once per form,
// however often the form is sent. The form carries a one-time token (NewFilingToken); filing
// claims it in the same transaction that registers the case, and the token's hash is the
// primary key of filing_tokens, so a reload, a double click or two concurrent POSTs — even on
// two app servers — file one case: the second is answered with the first one's receipt.
//
// The receipt's query code is shown to the holder of the token only, and never stored in clear:
// it is sealed (libsodium secretbox) under a key derived from the token, which the database
// never holds (it keeps a hash of the token only). The web keeps the token in a short-lived
// cookie of the applicant's browser for the receipt page (web/portal.cc). After
// kReceiptLifetime the sealed code is erased: the receipt then shows the number alone, and the
// applicant tracks the case with the code noted down.
//
// An OnlineFilings is a light handle over a Database and a Calendars; thread safety is theirs.

#ifndef GONGKAI_STORE_ONLINE_FILINGS_H_
#define GONGKAI_STORE_ONLINE_FILINGS_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "cases/event.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

// How long after filing the receipt page still shows the query code.
inline constexpr std::chrono::minutes kReceiptLifetime{30};

// The `received` event's extra field naming the stored identity proof (web/upload.h).
inline constexpr std::string_view kIdProofField = "id_proof";

// A random one-time token for an application form: 64 lower-case hex characters.
std::string NewFilingToken();
// True for text NewFilingToken could have produced.
bool IsFilingToken(std::string_view token);

struct FilingReceipt {
  int64_t agency_id = 0;
  std::string number;
  std::optional<std::string> query_code;  // while the receipt lives; nullopt after
  bool repeated = false;                  // the token had already filed this case
};

class OnlineFilings {
 public:
  OnlineFilings(Database& db, Calendars& calendars) : db_(db), calendars_(calendars) {}

  // Files the application (CaseRegister::RegisterCase's checks and outcomes) under `token`, or,
  // when `token` already filed a case, returns that case's receipt with repeated = true and
  // files nothing. kInvalidInput when the token is not one NewFilingToken makes.
  Result<FilingReceipt> File(std::string_view token, int64_t agency_id, const Event& received,
                             const Applicant& applicant, const std::string& form,
                             const std::string& actor);

  // The receipt of the case `token` filed; kNotFound when it filed none.
  Result<FilingReceipt> Receipt(std::string_view token);

  // The stored identity proofs some case records (kIdProofField of its `received` event), so
  // the upload directory can be swept of the others.
  Result<std::set<std::string>> AttachedProofs();

 private:
  Database& db_;
  Calendars& calendars_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_ONLINE_FILINGS_H_
