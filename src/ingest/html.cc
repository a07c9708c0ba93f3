// HTML → text. A small tag scanner, not a DOM: published report pages are simple (paragraphs,
// headings, one table per section), and the scanner must survive anything (it is fuzzed).
// Scripts, styles, comments and the head are dropped; block elements start new lines; tables
// become tab-separated rows through TableGrid; nested tables are flattened into their cell.

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

#include "ingest/extract.h"
#include "ingest/limits.h"
#include "ingest/table_grid.h"
#include "util/text.h"

namespace gongkai {
namespace {

struct Entity {
  std::string_view name;
  char32_t cp;
};
constexpr Entity kEntities[] = {
    {"nbsp", 0xA0},    {"lt", '<'},       {"gt", '>'},        {"amp", '&'},      {"quot", '"'},
    {"apos", '\''},    {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"middot", 0xB7},  {"times", 0xD7},
    {"ensp", ' '},     {"emsp", 0x3000},  {"thinsp", ' '},
};

bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",       "div",        "br",     "h1",     "h2",    "h3",     "h4",  "h5",  "h6",
      "li",      "ul",         "ol",     "dl",     "dt",    "dd",     "hr",  "pre", "section",
      "article", "blockquote", "header", "footer", "title", "center", "form"};
  for (auto b : kBlocks) {
    if (name == b) return true;
  }
  return false;
}

int SpanAttribute(std::string_view attrs, std::string_view name) {
  const std::size_t at = attrs.find(name);
  if (at == std::string_view::npos) return 1;
  std::size_t i = at + name.size();
  while (i < attrs.size() &&
         (attrs[i] == ' ' || attrs[i] == '=' || attrs[i] == '"' || attrs[i] == '\''))
    ++i;
  int v = 0;
  while (i < attrs.size() && attrs[i] >= '0' && attrs[i] <= '9' && v < 10000)
    v = v * 10 + (attrs[i++] - '0');
  return v > 0 ? v : 1;
}

class HtmlReader {
 public:
  std::string Run(std::string_view html) {
    std::size_t i = 0;
    while (i < html.size() && !too_deep_) {
      if (html[i] != '<') {
        const std::size_t end = std::min(html.find('<', i), html.size());
        Text(html.substr(i, end - i));
        i = end;
        continue;
      }
      if (html.compare(i, 4, "<!--") == 0) {
        const std::size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      Tag(html.substr(i + 1, end - i - 1));
      i = end + 1;
      if (!skip_until_.empty()) {  // script, style, head: skip to the closing tag
        const std::string lower_close = "</" + skip_until_;
        std::size_t k = i;
        while (k < html.size()) {
          k = html.find("</", k);
          if (k == std::string_view::npos) break;
          std::string probe(html.substr(k, lower_close.size()));
          for (auto& ch : probe)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          if (probe == lower_close) break;
          k += 2;
        }
        i = k == std::string_view::npos ? html.size() : k;
        skip_until_.clear();
      }
    }
    while (!tables_.empty()) CloseTable();
    return out_;
  }

  // True when Run stopped at a table nested deeper than kMaxHtmlTableDepth.
  bool too_deep() const { return too_deep_; }

 private:
  struct TableState {
    ingest::TableGrid grid;
    std::string cell;
    bool in_cell = false;
    int rowspan = 1, colspan = 1;
  };

  std::string& Sink() {
    return tables_.empty() || !tables_.back()->in_cell ? out_ : tables_.back()->cell;
  }

  void Text(std::string_view raw) {
    std::string decoded;
    for (std::size_t i = 0; i < raw.size();) {
      if (raw[i] == '&') {
        const std::size_t semi = raw.find(';', i);
        if (semi != std::string_view::npos && semi - i <= 10) {
          const std::string_view name = raw.substr(i + 1, semi - i - 1);
          char32_t cp = 0;
          if (name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string digits(name.substr(hex ? 2 : 1));
            char* end = nullptr;
            const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && end && *end == '\0')
              cp = v > 0x10FFFF ? kReplacementChar : static_cast<char32_t>(v);
          } else {
            for (const auto& e : kEntities) {
              if (e.name == name) cp = e.cp;
            }
          }
          if (cp != 0) {
            AppendUtf8(&decoded, cp);
            i = semi + 1;
            continue;
          }
        }
      }
      decoded.push_back(raw[i++]);
    }
    std::string& sink = Sink();
    if (in_pre_) {
      sink += decoded;
      return;
    }
    // HTML collapses whitespace; a non-breaking space stays a space.
    for (char c : decoded) {
      if (IsAsciiSpace(c)) {
        if (!sink.empty() && sink.back() != ' ' && sink.back() != '\n' && sink.back() != '\t')
          sink.push_back(' ');
      } else {
        sink.push_back(c);
      }
    }
  }

  void NewLine() {
    std::string& sink = Sink();
    if (!tables_.empty() && tables_.back()->in_cell) {
      if (!sink.empty() && sink.back() != ' ') sink.push_back(' ');
      return;
    }
    while (!sink.empty() && sink.back() == ' ') sink.pop_back();
    if (!sink.empty() && sink.back() != '\n') sink.push_back('\n');
  }

  void CloseCell() {
    if (tables_.empty() || !tables_.back()->in_cell) return;
    TableState& t = *tables_.back();
    t.grid.AddCell(ingest::CellText(t.cell), t.rowspan, t.colspan);
    t.cell.clear();
    t.in_cell = false;
  }

  void CloseTable() {
    CloseCell();
    std::unique_ptr<TableState> t = std::move(tables_.back());
    tables_.pop_back();
    t->grid.EndRow();
    std::string rendered;
    t->grid.Render(&rendered);
    if (tables_.empty()) {
      NewLine();
      out_ += rendered;
    } else {  // a nested table: its text joins the enclosing cell
      for (char& c : rendered) {
        if (c == '\n' || c == '\t') c = ' ';
      }
      Sink() += rendered;
    }
  }

  void Tag(std::string_view body) {
    const bool closing = !body.empty() && body[0] == '/';
    if (closing) body.remove_prefix(1);
    std::size_t n = 0;
    while (n < body.size() && (std::isalnum(static_cast<unsigned char>(body[n])))) ++n;
    std::string name(body.substr(0, n));
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::string attrs(body.substr(n));
    for (auto& ch : attrs) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!closing && (name == "script" || name == "style" || name == "head" || name == "noscript")) {
      skip_until_ = name;
      return;
    }
    if (name == "pre") in_pre_ = !closing;
    if (name == "table") {
      if (closing) {
        if (!tables_.empty()) CloseTable();
      } else if (tables_.size() >= static_cast<std::size_t>(ingest::kMaxHtmlTableDepth)) {
        too_deep_ = true;
      } else {
        tables_.push_back(std::make_unique<TableState>());
      }
      return;
    }
    if (!tables_.empty()) {
      TableState& t = *tables_.back();
      if (name == "tr") {
        CloseCell();
        if (closing) {
          t.grid.EndRow();
        } else {
          t.grid.StartRow();
        }
        return;
      }
      if (name == "td" || name == "th") {
        CloseCell();
        if (!closing) {
          t.in_cell = true;
          t.rowspan = SpanAttribute(attrs, "rowspan");
          t.colspan = SpanAttribute(attrs, "colspan");
        }
        return;
      }
    }
    if (IsBlockTag(name)) NewLine();
  }

  std::string out_;
  std::vector<std::unique_ptr<TableState>> tables_;
  std::string skip_until_;
  bool in_pre_ = false;
  bool too_deep_ = false;
};

}  // namespace

std::string HtmlToText(std::string_view html) { return HtmlReader().Run(html); }

Result<std::string> HtmlDocumentToText(std::string_view html, std::string_view filename,
                                       std::string_view lang) {
  const bool zh = lang == "zh";
  if (html.size() > ingest::kMaxHtmlBytes) {
    return ExtractError(
        ExtractProblem::kHtmlOverLimit, filename, lang,
        zh ? fmt::format("大于 {} MiB 的上限", ingest::kMaxHtmlBytes >> 20)
           : fmt::format("larger than the limit of {} MiB", ingest::kMaxHtmlBytes >> 20));
  }
  HtmlReader reader;
  std::string text = reader.Run(html);
  if (reader.too_deep()) {
    return ExtractError(
        ExtractProblem::kHtmlOverLimit, filename, lang,
        zh ? fmt::format("表格嵌套超过 {} 层的上限", ingest::kMaxHtmlTableDepth)
           : fmt::format("tables nest deeper than the limit of {}", ingest::kMaxHtmlTableDepth));
  }
  return text;
}

}  // namespace gongkai
