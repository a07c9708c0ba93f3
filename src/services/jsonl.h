// The catalogue's JSON Lines interchange format (../shared/spec/services.md §9): one item a line,
// parents first, UTF-8. Reading is all or nothing: every bad line is reported with its line
// number, the field and the allowed values, and no item is returned unless every line is good,
// so an import built on it changes nothing when the file has one bad line. Unknown fields are
// kept in ServiceItem::extra (and a material's in ServiceMaterial::extra) and written back after
// the known ones. Dates are strict `YYYY-MM-DD`. Pure functions; safe to call from any thread.
//
// Beyond §9's table the format knows `successor`, `not_in_hall_note` and `handled_at` (the
// negative list entry's 说明 and where the item is handled instead) — **(design)**.

#ifndef GONGKAI_SERVICES_JSONL_H_
#define GONGKAI_SERVICES_JSONL_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "services/item.h"
#include "util/status.h"

namespace gongkai {

constexpr std::size_t kMaxServiceLineBytes = 1 << 20;
constexpr int kMaxServiceJsonDepth = 8;
// At most this many problems are listed in one error; the count of the rest follows.
constexpr int kMaxListedServiceErrors = 20;

// A field of the format, in the order fields are written (also the CSV/XLSX columns), with its
// Chinese name, which spreadsheet headers may use instead.
struct ServiceField {
  std::string_view name;   // e.g. "legal_days"
  std::string_view label;  // e.g. "法定办结时限"
};
std::span<const ServiceField> ServiceFields();

// Parses one JSON object (one line without its newline) into an item and checks it
// (CheckServiceItem). kInvalidInput `字段 FIELD：problem（可选值：…）` without a location.
Result<ServiceItem> ParseServiceItemJson(std::string_view line);

// Parses a whole file. `source` names it in messages ("catalogue.jsonl"). Blank lines are
// skipped; a UTF-8 byte order mark is ignored. Besides each line's own checks, the file as a
// whole must have unique codes and every parent named on an earlier line (parents first) one
// level up. Returns kInvalidInput listing every bad line as `source:LINE: 字段 FIELD：…`.
Result<std::vector<ServiceItem>> ParseServicesJsonl(std::string_view text, std::string_view source);

// One item as one JSON line (no trailing newline): known fields in ServiceFields order (optional
// ones as null when unset, so the line says what is missing), then the unknown fields.
std::string ServiceItemToJsonLine(const ServiceItem& item);

// Every item, one line each, each line ending in '\n'.
std::string ServicesToJsonl(std::span<const ServiceItem> items);

}  // namespace gongkai

#endif  // GONGKAI_SERVICES_JSONL_H_
