// PDF → text through poppler-cpp, page by page in physical layout mode (columns of a table stay
// apart as runs of spaces, which the report lexer reads as cell boundaries), pages separated by
// form feeds as pdftotext does.

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "ingest/extract.h"
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
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    if (i > 0) out.push_back('\f');
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
