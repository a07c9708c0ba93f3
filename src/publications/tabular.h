// The register's items from a table of cells (a CSV file, the first worksheet of an XLSX file)
// and back to CSV. The first row is the header: the field names of the JSON Lines format
// (publications/jsonl.h) or their Chinese names (名称, 文号, 索引号, …), in any order; kind and
// status cells may hold the key or the Chinese label (规章, 废止); unknown
// columns are kept as unknown fields. Channels are separated by 、 or ; in one cell; empty cells
// are absent optional fields. Reading is all or nothing like the JSON Lines reader: every bad
// cell is named by its row and column (`第 12 行 C 列（kind）`) with the allowed values. Pure.

#ifndef GONGKAI_PUBLICATIONS_TABULAR_H_
#define GONGKAI_PUBLICATIONS_TABULAR_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "publications/item.h"
#include "util/status.h"

namespace gongkai {

// One row of cells, with the 1-based row number it had in its file (blank rows are dropped by
// the readers, so numbers may skip).
struct CellRow {
  int number = 0;
  std::vector<std::string> cells;
};

// The column letters of a 0-based column index: 0 → "A", 27 → "AB".
std::string ColumnLetters(std::size_t column);

// Splits RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF; a leading UTF-8 BOM ignored)
// into rows. Rows whose cells are all empty are dropped. kInvalidInput naming the line of an
// unterminated quote.
Result<std::vector<CellRow>> ReadCsvRows(std::string_view text);

// Whether file name `name` ends in `extension` (".csv"), in any case.
bool HasExtension(std::string_view name, std::string_view extension);

// The cells of the file named `name` by its extension: a .csv (ReadCsvRows), or the first
// worksheet of an .xlsx (ingest/xlsx.h, with its limits). Errors name the file; another
// extension is kInvalidInput naming the file and ending with `accepted` (what the caller takes,
// e.g. "请用 .jsonl、.csv 或 .xlsx").
Result<std::vector<CellRow>> ReadTableFile(std::string_view name, std::string_view bytes,
                                           std::string_view accepted);

// The items of a table whose first row is the header. `source` names the file in messages.
Result<std::vector<Publication>> PublicationsFromRows(std::span<const CellRow> rows,
                                                      std::string_view source);

// The items as CSV with the header of PublicationFields' names (unknown fields are dropped: CSV
// has no place for nested values), channels joined by ";", lines ending in CRLF, with a UTF-8
// BOM so spreadsheet programs read the Chinese text.
std::string PublicationsToCsv(std::span<const Publication> items);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_TABULAR_H_
