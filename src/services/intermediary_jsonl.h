// The JSON Lines interchange of the 中介服务事项清单 and the institution directory
// (services/intermediary.h). The spec gives none; this one follows its §9 **(design)**: one JSON
// object a line, UTF-8, a `kind` on every line, unknown fields kept (in `extra`, written back
// after the known ones), dates strict `YYYY-MM-DD`, and a bad line refused with its line number,
// the field and the allowed values — and then the whole file yields nothing.
//
//   {"kind": "intermediary", "code", "name", "items": [approval item codes], "department",
//    "basis": [{"title", "doc_no", "article"}], "time_limit": working days | null,
//    "fee": null | {"nature": "government_set"|"government_guided"|"market"|"free",
//                   "standard", "basis"},
//    "commissioned": bool, "status": "in_use"|"cancelled", "version", "effective"}
//   {"kind": "institution", "credit_code", "name",
//    "qualifications": [{"name", "number", "grade", "valid_from", "valid_until"}],
//    "services": [intermediary codes], "fees", "contacts": {"phone", "address", "website"},
//    "joined", "left", "version", "effective"}
//
// Required: kind, code/credit_code, name; department for a service. Within a file keys are
// unique per kind. Unknown fields are kept at the top level of a line; the nested records
// (basis, fee, qualifications, contacts) are fixed and their unknown fields are dropped. Pure
// functions; safe to call from any thread.

#ifndef GONGKAI_SERVICES_INTERMEDIARY_JSONL_H_
#define GONGKAI_SERVICES_INTERMEDIARY_JSONL_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/intermediary.h"
#include "util/status.h"

namespace gongkai {

// One line (without its newline) into an entry, checked (CheckDirectoryEntry). kInvalidInput
// `字段 FIELD：problem（可选值：…）` without a location.
Result<DirectoryEntry> ParseDirectoryLine(std::string_view line);

// A whole file; `source` names it in messages. Blank lines are skipped, a UTF-8 byte order mark
// ignored. kInvalidInput listing every bad line as `source:LINE: 字段 FIELD：…`.
Result<std::vector<DirectoryEntry>> ParseDirectoryJsonl(std::string_view text,
                                                        std::string_view source);

// One entry as one line (no newline): `kind`, the known fields in the order above (unset ones
// as null), then the unknown fields.
std::string DirectoryEntryToJsonLine(const DirectoryEntry& entry);
// Every entry, one line each, each ending in '\n'.
std::string DirectoryToJsonl(std::span<const DirectoryEntry> entries);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_INTERMEDIARY_JSONL_H_
