#include "docs/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "docs/document.h"
#include "docs/report_document.h"
#include "report/layout.h"

namespace gongkai {
namespace {

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* label;
  lxw_format* value;
};

// A sum written as a formula: `cell` = SUM(first..last) on the sheet's grid.
struct SumFormula {
  int row, col;
  int first_row, first_col, last_row, last_col;
};

std::string CellName(int row, int col) {
  std::string letters;
  for (int c = col + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), 'A' + (c - 1) % 26);
  return letters + std::to_string(row + 1);
}

class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* ws, const Formats& formats) : ws_(ws), f_(formats) {}

  // Writes `title` on the first row and `table` below it; remembers the numbers written.
  void Write(const std::string& title, const DocTable& table, double column_unit) {
    const int columns = static_cast<int>(table.column_weights.size());
    for (int c = 0; c < columns; ++c) {
      worksheet_set_column(ws_, c, c, table.column_weights[c] * column_unit, nullptr);
    }
    // Printed on A4, one page wide, as offices print the national tables.
    worksheet_set_paper(ws_, 9);
    if (columns > 10) worksheet_set_landscape(ws_);
    worksheet_fit_to_pages(ws_, 1, 0);
    if (table.header_rows > 0) worksheet_repeat_rows(ws_, kTop, kTop + table.header_rows - 1);
    worksheet_merge_range(ws_, 0, 0, 0, columns - 1, title.c_str(), f_.title);
    worksheet_set_row(ws_, 0, 30, nullptr);
    for (const PlacedCell& p : PlaceCells(table)) {
      const int row = p.row + kTop;
      lxw_format* format = p.cell->header                      ? f_.header
                           : p.cell->align == CellAlign::kLeft ? f_.label
                                                               : f_.value;
      if (p.row_span > 1 || p.col_span > 1) {
        worksheet_merge_range(ws_, row, p.col, row + p.row_span - 1, p.col + p.col_span - 1, "",
                              format);
      }
      if (p.cell->number) {
        worksheet_write_number(ws_, row, p.col, *p.cell->number, format);
        numbers_[{row, p.col}] = *p.cell->number;
      } else if (p.row_span == 1 && p.col_span == 1) {
        worksheet_write_string(ws_, row, p.col, p.cell->text.c_str(), format);
      } else if (!p.cell->text.empty()) {
        worksheet_write_string(ws_, row, p.col, p.cell->text.c_str(), format);
      }
    }
  }

  // Replaces a stated total by its formula when every term is a number and the sum equals it.
  void Sum(SumFormula s) {
    s.row += kTop;
    s.first_row += kTop;
    s.last_row += kTop;
    const auto stated = numbers_.find({s.row, s.col});
    if (stated == numbers_.end()) return;
    double sum = 0;
    for (int r = s.first_row; r <= s.last_row; ++r) {
      for (int c = s.first_col; c <= s.last_col; ++c) {
        const auto term = numbers_.find({r, c});
        if (term == numbers_.end()) return;
        sum += term->second;
      }
    }
    if (sum != stated->second) return;
    const std::string formula =
        "=SUM(" + CellName(s.first_row, s.first_col) + ":" + CellName(s.last_row, s.last_col) + ")";
    worksheet_write_formula_num(ws_, s.row, s.col, formula.c_str(), f_.value, sum);
  }

  static constexpr int kTop = 1;  // the title row

 private:
  lxw_worksheet* ws_;
  Formats f_;
  std::map<std::pair<int, int>, double> numbers_;
};

lxw_format* MakeFormat(lxw_workbook* wb, bool bold, uint8_t align, double size) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, size);
  if (bold) format_set_bold(f);
  format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  if (size < 14) format_set_border(f, LXW_BORDER_THIN);
  return f;
}

// Table B: the 总计 column of each row and the （七）总计 row of each column.
void TableBFormulas(const Report& report, const DocTable& table, SheetWriter& sheet) {
  const int first_value_col = static_cast<int>(table.column_weights.size()) - 7;
  const auto rows = TableBRows(report.format);
  int first_result = -1, last_result = -1, closed_total = -1;
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    const int row = table.header_rows + i;
    sheet.Sum({row, first_value_col + 6, row, first_value_col, row, first_value_col + 5});
    if (IsTableBResultRow(rows[i].key)) {
      if (first_result < 0) first_result = row;
      last_result = row;
    }
    if (rows[i].key == "closed_total") closed_total = row;
  }
  if (closed_total < 0 || first_result < 0) return;
  for (int c = first_value_col; c < first_value_col + 7; ++c) {
    sheet.Sum({closed_total, c, first_result, c, last_result, c});
  }
}

// Table C: each block's 总计 = 维持 + 纠正 + 其他 + 尚未审结.
void TableCFormulas(const DocTable& table, SheetWriter& sheet) {
  const int row = table.header_rows;
  for (int block = 0; block < 3; ++block) {
    sheet.Sum({row, block * 5 + 4, row, block * 5, row, block * 5 + 3});
  }
}

Result<std::string> ReadAndRemove(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const bool ok = in.good() || in.eof();
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!ok) return Status::Internal("读取临时 XLSX 文件失败：" + path.string());
  return bytes;
}

// A workbook written to a private temporary file (libxlsxwriter 1.1 writes files only); `fill`
// adds the sheets. Returns the file's bytes.
template <typename Fill>
Result<std::string> WriteWorkbook(const std::string& title, Date created, Fill fill) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return Status::Internal("找不到临时目录：" + ec.message());
  std::string path = (dir / "gongkai-xlsx-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) return Status::Internal("无法创建临时文件：" + path);
  close(fd);

  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) {
    std::filesystem::remove(path, ec);
    return Status::Internal("libxlsxwriter 无法创建工作簿：" + path);
  }
  lxw_doc_properties props{};
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("Gongkai");
  props.created = static_cast<time_t>(DayNumber(created)) * 86400;
  workbook_set_properties(wb, &props);

  const Formats formats{
      MakeFormat(wb, true, LXW_ALIGN_CENTER, 14), MakeFormat(wb, true, LXW_ALIGN_CENTER, 10),
      MakeFormat(wb, false, LXW_ALIGN_LEFT, 10), MakeFormat(wb, false, LXW_ALIGN_CENTER, 10)};
  fill(wb, formats);

  const lxw_error error = workbook_close(wb);
  if (error != LXW_NO_ERROR) {
    std::filesystem::remove(path, ec);
    return Status::Internal(std::string("libxlsxwriter 写出失败：") + lxw_strerror(error));
  }
  return ReadAndRemove(path);
}

}  // namespace

Result<std::string> WriteReportXlsx(const Report& report) {
  return WriteWorkbook(ReportTitle(report), ReportStamp(report),
                       [&](lxw_workbook* wb, const Formats& formats) {
                         const DocTable a = ReportTableA(report);
                         SheetWriter sheet_a(workbook_add_worksheet(wb, "主动公开"), formats);
                         sheet_a.Write(std::string(StandardSectionTitle(2)), a, 12);

                         const DocTable b = ReportTableB(report);
                         SheetWriter sheet_b(workbook_add_worksheet(wb, "依申请公开"), formats);
                         sheet_b.Write(std::string(StandardSectionTitle(3)), b, 9);
                         TableBFormulas(report, b, sheet_b);

                         const DocTable c = ReportTableC(report);
                         SheetWriter sheet_c(workbook_add_worksheet(wb, "复议诉讼"), formats);
                         sheet_c.Write(std::string(StandardSectionTitle(4)), c, 9);
                         TableCFormulas(c, sheet_c);
                       });
}

Result<std::string> WriteTablesXlsx(const std::vector<XlsxSheet>& sheets, const std::string& title,
                                    Date created) {
  return WriteWorkbook(title, created, [&](lxw_workbook* wb, const Formats& formats) {
    for (const XlsxSheet& sheet : sheets) {
      SheetWriter writer(workbook_add_worksheet(wb, sheet.name.c_str()), formats);
      writer.Write(sheet.title, sheet.table, sheet.column_unit);
    }
  });
}

}  // namespace gongkai
