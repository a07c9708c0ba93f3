// The JSON Lines interchange format of the register (../shared/spec/proactive.md §6): one item a
// line, UTF-8. Reading is all or nothing: every bad line is reported with its line number, the
// field and the allowed values, and no item is returned unless every line is good, so an import
// built on it changes nothing when the file has one bad line. Unknown fields are kept in
// Publication::extra and written back after the known ones. Dates are strict `YYYY-MM-DD`.
// Pure functions; safe to call from any thread.

#ifndef GONGKAI_PUBLICATIONS_JSONL_H_
#define GONGKAI_PUBLICATIONS_JSONL_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "publications/item.h"
#include "util/status.h"

namespace gongkai {

// A line longer than this is refused before it is parsed (a body text of ~300,000 Chinese
// characters fits).
constexpr std::size_t kMaxPublicationLineBytes = 1 << 20;
// Objects and arrays nested deeper than this are refused (the format itself needs depth 2;
// unknown fields may nest a little).
constexpr int kMaxPublicationJsonDepth = 8;
// At most this many problems are listed in one error; the count of the rest follows.
constexpr int kMaxListedPublicationErrors = 20;

// A field of the format: its name, in the order fields are written (the CSV/XLSX columns too),
// and its Chinese name, which spreadsheet headers may use instead.
struct PublicationField {
  std::string_view name;   // e.g. "index_no"
  std::string_view label;  // e.g. "索引号"
};
std::span<const PublicationField> PublicationFields();

// Parses a whole file. `source` names it in messages ("register.jsonl"). Blank lines are
// skipped; a UTF-8 byte order mark is ignored. Returns kInvalidInput listing every bad line as
// `source:LINE: 字段 FIELD：problem（可选值：…）` when any line is bad.
Result<std::vector<Publication>> ParsePublicationsJsonl(std::string_view text,
                                                        std::string_view source);

// One item as one JSON line (no trailing newline): known fields in PublicationFields order,
// optional ones only when set, then the unknown fields. Attachments are not part of the format.
std::string PublicationToJsonLine(const Publication& item);

// Every item, one line each, each line ending in '\n'.
std::string PublicationsToJsonl(std::span<const Publication> items);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_JSONL_H_
