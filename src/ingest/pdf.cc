// PDF → text through poppler-cpp, page by page in physical layout mode (columns of a table stay
// apart as runs of spaces, which the report lexer reads as cell boundaries), pages separated by
// form feeds as pdftotext does. A page where table B's rows have blank cells is rebuilt from its
// words' boxes instead (pdf_table.h), so each number keeps its column.
//
// poppler inflates streams on its own, without a cap, so before it sees the file every stream
// that zlib can inflate (FlateDecode, the filter of nearly every content and object stream) is
// inflated here into a scratch buffer, counting the bytes against kMaxPdfInflatedBytes; a file
// over the cap is refused unread. Streams under other filters (LZW, ASCII85 then Flate) are not
// counted; `gongkai check` also runs each file under a time limit (cli/check_command.cc).

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <fmt/format.h>
#include <zlib.h>

#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/extract.h"
#include "ingest/limits.h"
#include "ingest/pdf_table.h"
#include "util/text.h"

namespace gongkai {
namespace {

// The bytes the PDF's zlib streams inflate to in total, counting no further than just past
// `cap`. Each "stream" keyword's data is inflated until zlib's own end of stream (the /Length
// may be indirect or wrong), so data that is not zlib costs a header check.
std::uint64_t InflatedStreamBytes(std::string_view pdf, std::uint64_t cap) {
  static constexpr std::string_view kKeyword = "stream";
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) return 0;
  std::vector<unsigned char> scratch(64u << 10);
  std::uint64_t total = 0;
  for (std::size_t at = pdf.find(kKeyword); at != std::string_view::npos && total <= cap;
       at = pdf.find(kKeyword, at + kKeyword.size())) {
    if (at >= 3 && pdf.substr(at - 3, 3) == "end") continue;
    std::size_t data = at + kKeyword.size();
    if (data < pdf.size() && pdf[data] == '\r') ++data;
    if (data < pdf.size() && pdf[data] == '\n') ++data;
    if (data == at + kKeyword.size() || data >= pdf.size()) continue;
    inflateReset(&zs);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(pdf.data() + data));
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(pdf.size() - data, UINT_MAX));
    for (;;) {
      zs.next_out = scratch.data();
      zs.avail_out = static_cast<uInt>(scratch.size());
      const int ret = inflate(&zs, Z_NO_FLUSH);
      total += scratch.size() - zs.avail_out;
      if (ret != Z_OK || total > cap) break;  // the end, an error, or over the cap
    }
  }
  inflateEnd(&zs);
  return total;
}

Status OverLimit(std::string_view filename, std::string_view lang, const std::string& zh,
                 const std::string& en) {
  return ExtractError(ExtractProblem::kPdfOverLimit, filename, lang, lang == "zh" ? zh : en);
}

}  // namespace

Result<std::string> PdfToText(std::string_view bytes, std::string_view filename,
                              std::string_view lang) {
  if (bytes.size() > ingest::kMaxPdfBytes) {
    return ExtractError(
        ExtractProblem::kPdfTooLarge, filename, lang,
        lang == "zh" ? fmt::format("大于 {} MiB 的上限", ingest::kMaxPdfBytes >> 20)
                     : fmt::format("larger than the limit of {} MiB", ingest::kMaxPdfBytes >> 20));
  }
  if (InflatedStreamBytes(bytes, ingest::kMaxPdfInflatedBytes) > ingest::kMaxPdfInflatedBytes) {
    return OverLimit(
        filename, lang,
        fmt::format("压缩内容解压后超过 {} MiB 的上限", ingest::kMaxPdfInflatedBytes >> 20),
        fmt::format("its streams inflate to more than the limit of {} MiB",
                    ingest::kMaxPdfInflatedBytes >> 20));
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return ExtractError(ExtractProblem::kDamagedPdf, filename, lang);
  }
  if (doc->is_locked()) {
    return ExtractError(ExtractProblem::kLockedPdf, filename, lang);
  }
  if (doc->pages() > ingest::kMaxPdfPages) {
    return OverLimit(
        filename, lang,
        fmt::format("共 {} 页，超过 {} 页的上限", doc->pages(), ingest::kMaxPdfPages),
        fmt::format("{} pages, over the limit of {}", doc->pages(), ingest::kMaxPdfPages));
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
