// PDF → text through poppler-cpp, page by page in physical layout mode (columns of a table stay
// apart as runs of spaces, which the report lexer reads as cell boundaries), pages separated by
// form feeds as pdftotext does. A page where table B's rows have blank cells is rebuilt from its
// words' boxes instead (pdf_table.h), so each number keeps its column.

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <string>
#include <vector>

#include "ingest/extract.h"
#include "ingest/pdf_table.h"
#include "util/text.h"

namespace gongkai {

Result<std::string> PdfToText(std::string_view bytes, std::string_view filename,
                              std::string_view lang) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    return ExtractError(ExtractProblem::kPdfTooLarge, filename, lang);
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return ExtractError(ExtractProblem::kDamagedPdf, filename, lang);
  }
  if (doc->is_locked()) {
    return ExtractError(ExtractProblem::kLockedPdf, filename, lang);
  }
  std::string out;
  std::vector<double> columns;  // table B's, carried over a page break
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    if (i > 0) out.push_back('\f');
    std::vector<ingest::PdfWord> words;
    for (const poppler::text_box& box : page->text_list()) {
      const poppler::byte_array text = box.text().to_utf8();
      const poppler::rectf b = box.bbox();
      words.push_back(ingest::PdfWord{std::string(text.begin(), text.end()), b.x(), b.y(),
                                      b.width(), b.height()});
    }
    if (auto table = ingest::TextWithTableCells(words, &columns)) {
      out += *table;
      continue;
    }
    const poppler::byte_array utf8 =
        page->text(page->page_rect(), poppler::page::physical_layout).to_utf8();
    out.append(utf8.begin(), utf8.end());
  }
  if (Trim(out).empty()) {
    return ExtractError(ExtractProblem::kScannedPdf, filename, lang);
  }
  return ToValidUtf8(out);
}

}  // namespace gongkai
