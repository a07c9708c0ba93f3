// Test helpers that read printed output back with the tools a person would use: pdftotext and
// pdfinfo (poppler-utils), pdftoppm to turn a PDF page into an image, rsvg-convert (librsvg2-bin)
// to rasterize an SVG, and zbarimg (zbar-tools) to decode the QR codes in an image. Each writes its
// input to a temporary file of its own.

#ifndef GONGKAI_DOCS_PRINT_TEST_UTIL_H_
#define GONGKAI_DOCS_PRINT_TEST_UTIL_H_

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace gongkai::testing {

// A file under the temporary directory, removed when this goes out of scope.
class TempFile {
 public:
  TempFile(const std::string& bytes, const std::string& extension) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() / ("gongkai-print-" + std::to_string(getpid()) +
                                                      "-" + std::to_string(counter++) + extension);
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Standard output of `command`.
inline std::string Capture(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
  }
  return out;
}

inline bool HaveTool(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// The text of page `page` (1-based; 0 = all pages), all whitespace removed so a phrase wrapped
// over lines still matches. In layout mode a table row reads as one line: 「企业投资项目核准 5」
// → 「企业投资项目核准5」.
inline std::string PdfText(const std::string& pdf, int page = 0, bool layout = false) {
  TempFile file(pdf, ".pdf");
  std::string range = page > 0 ? "-f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  if (layout) range += " -layout";
  std::string text =
      Capture("pdftotext -enc UTF-8 " + range + " '" + file.path().string() + "' - 2>/dev/null");
  std::erase_if(
      text, [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; });
  return text;
}

// The page count pdfinfo reports; -1 when it cannot read the file.
inline int PdfPages(const std::string& pdf) {
  TempFile file(pdf, ".pdf");
  std::istringstream info(Capture("pdfinfo '" + file.path().string() + "' 2>/dev/null"));
  std::string line;
  while (std::getline(info, line)) {
    if (line.rfind("Pages:", 0) == 0) return std::atoi(line.c_str() + 6);
  }
  return -1;
}

// The QR codes zbarimg finds in an image file's bytes (PNG, SVG…), one string per symbol.
inline std::multiset<std::string> DecodeQr(const std::string& image, const std::string& extension) {
  TempFile file(image, extension);
  std::istringstream out(Capture("zbarimg --quiet --raw -Sdisable -Sqrcode.enable '" +
                                 file.path().string() + "' 2>/dev/null"));
  std::multiset<std::string> codes;
  std::string line;
  while (std::getline(out, line)) {
    if (!line.empty()) codes.insert(line);
  }
  return codes;
}

// An SVG rendered as PNG bytes by rsvg-convert (librsvg2-bin), `zoom` times its size.
inline std::string SvgPng(const std::string& svg, double zoom) {
  TempFile file(svg, ".svg");
  return Capture("rsvg-convert --format=png --background-color=white --zoom=" +
                 std::to_string(zoom) + " '" + file.path().string() + "' 2>/dev/null");
}

// Page `page` of a PDF rendered as PNG bytes at `dpi`.
inline std::string PdfPagePng(const std::string& pdf, int page, int dpi) {
  TempFile file(pdf, ".pdf");
  const std::string base = file.path().string() + "-page";
  std::system(("pdftoppm -png -singlefile -r " + std::to_string(dpi) + " -f " +
               std::to_string(page) + " -l " + std::to_string(page) + " '" + file.path().string() +
               "' '" + base + "'")
                  .c_str());
  std::ifstream in(base + ".png", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(base + ".png");
  return ss.str();
}

}  // namespace gongkai::testing

#endif  // GONGKAI_DOCS_PRINT_TEST_UTIL_H_
