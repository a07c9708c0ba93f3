#include "report/csv.h"

namespace gongkai {

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string FindingsToCsv(const std::vector<CheckedReport>& reports, std::string_view lang,
                          bool excel_bom) {
  std::string out = excel_bom ? "\xEF\xBB\xBF" : "";
  out += "file,agency,year,rule,severity,table,row,column,expected,found,line,message\r\n";
  for (const CheckedReport& r : reports) {
    for (const Finding& f : r.findings) {
      const std::string fields[] = {
          r.file,
          r.agency,
          r.year ? std::to_string(r.year) : "",
          f.rule,
          std::string(SeverityKey(f.severity)),
          f.table,
          f.row,
          f.column,
          f.expected,
          f.found,
          f.pos.line > 0 ? std::to_string(f.pos.line) : "",
          f.message(lang),
      };
      bool first = true;
      for (const std::string& field : fields) {
        if (!first) out += ',';
        out += CsvField(field);
        first = false;
      }
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace gongkai
