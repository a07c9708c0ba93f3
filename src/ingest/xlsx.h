// A small reader of the first worksheet of an XLSX workbook (Office Open XML, ECMA-376): the
// cells' values as text, with the shared strings resolved and inline strings read, by the row
// and column their cell reference (e.g. C12) names, so a caller's error can say where. Formulas
// are read by their cached value; styles, dates-as-numbers and other sheets are not
// interpreted (a date typed as text reads as text; one stored as a serial number reads as the
// number). The ZIP is read with libzip; every entry read is bounded by kMaxXlsxEntryBytes
// (uncompressed), so a zip bomb is refused instead of filling memory. Functions of their input
// only; safe from any thread.

#ifndef GONGKAI_INGEST_XLSX_H_
#define GONGKAI_INGEST_XLSX_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace gongkai {

// The largest uncompressed size of one ZIP entry (the sheet, the shared strings) we read.
constexpr std::size_t kMaxXlsxEntryBytes = 64 << 20;
// The largest row and column numbers accepted in a cell reference (Excel's own limits).
constexpr int kMaxXlsxRow = 1048576;
constexpr int kMaxXlsxColumn = 16384;

struct XlsxRow {
  int number = 0;                  // 1-based, from the cell references
  std::vector<std::string> cells;  // index 0 = column A; missing cells are empty strings
};

// The non-empty rows of the first worksheet, in row order. kInvalidInput naming `filename`
// when the bytes are not an XLSX workbook, an entry is over the limit, or the XML is damaged
// (naming the cell reference when one is bad).
Result<std::vector<XlsxRow>> ReadFirstWorksheet(std::string_view bytes, std::string_view filename);

}  // namespace gongkai

#endif  // GONGKAI_INGEST_XLSX_H_
