// The registers behind report table A (Art. 20(一)(五)(六)(八)), which no case event records:
// the agency's 规章 and 行政规范性文件 with their issue and abolition dates — a view of the
// publications register (store/publications.h), their one source, kept for the records page and
// `gongkai records` — and each year's counts of licensing, punishment and enforcement decisions
// and the administrative fees collected. A change that falls in a year whose report is
// published is refused (kConflict) until the report is reopened.

#ifndef GONGKAI_STORE_RECORDS_H_
#define GONGKAI_STORE_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/annual.h"
#include "publications/vocab.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// A publication item of kind regulation or normative_document, as the records register shows
// it: created = issued, repealed on `abolished` (an expired item shows its expiry there).
struct StoredDocument {
  PublicationKind kind = PublicationKind::kNormativeDocument;  // never kOther
  std::string number;  // 文号, unique among the agency's 规章 and 规范性文件
  std::string title;
  Date issued;
  std::optional<Date> abolished;
};

// "rules" | "normative_documents" (the table A row keys); nullopt when unknown.
std::optional<PublicationKind> DocumentKindFromKey(std::string_view key);
// REQUIRES: kind is kRegulation or kNormativeDocument.
std::string_view DocumentKindKey(PublicationKind kind);

// Registers the document as a publication item (published on its issue date, publisher the
// agency, summary the title, category 第二十条第（一）项), recorded as done by `actor`.
// kInvalidInput for an empty number or title or an abolition before the issue; kConflict for a
// number already registered or a locked year.
Status AddDocument(Database& db, int64_t agency_id, const StoredDocument& doc,
                   std::string_view actor = "records");
// The agency's 规章 and 行政规范性文件, by issue date.
Result<std::vector<StoredDocument>> ListDocuments(Database& db, int64_t agency_id);

// Sets (replaces) a year's decision counts and fees. kInvalidInput for a negative count.
Status SetYearCounts(Database& db, int64_t agency_id, int year, const YearDecisionCounts& counts);
// Zeros when nothing was recorded for the year.
Result<YearDecisionCounts> GetYearCounts(Database& db, int64_t agency_id, int year);

// Imports a CSV file (UTF-8, header row, comma-separated, no quoted commas) in one transaction.
// The header says which register:
//   kind,number,title,issued,abolished                       → documents (abolished may be empty)
//   year,licensing,punishment,enforcement,fees_fen           → year counts
// Returns the rows imported. kInvalidInput listing every bad row by line and column.
Result<int> ImportRecordsCsv(Database& db, int64_t agency_id, std::string_view csv);

}  // namespace gongkai

#endif  // GONGKAI_STORE_RECORDS_H_
