#include "search/document.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "search/codes.h"
#include "search/normalize.h"
#include "search/pinyin.h"
#include "search/tokens.h"
#include "util/date.h"

namespace gongkai {
namespace {

constexpr std::array<SearchKindEntry, 4> kKinds{{
    {SearchKind::kService, "service", "办事事项"},
    {SearchKind::kPublication, "publication", "公开信息"},
    {SearchKind::kPolicy, "policy", "政策文件"},
    {SearchKind::kReport, "report", "年度报告"},
}};

// Between the token streams of two fields: a private-use character, which the fold never
// keeps, so no query token equals it and no phrase runs from one field into the next.
constexpr std::string_view kFieldBreak = "\xEE\x80\x80";  // U+E000

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

}  // namespace

std::span<const SearchKindEntry> SearchKinds() { return kKinds; }
std::string_view Key(SearchKind kind) { return kKinds[static_cast<std::size_t>(kind)].key; }
std::string_view Label(SearchKind kind) { return kKinds[static_cast<std::size_t>(kind)].label; }
std::optional<SearchKind> SearchKindFromKey(std::string_view key) {
  for (const auto& k : kKinds) {
    if (k.key == key) return k.value;
  }
  return std::nullopt;
}

SearchEntry BuildSearchEntry(const SearchDocument& doc, const PinyinOverrides& pinyin) {
  SearchEntry e;
  e.title_folded = NormalizeForSearch(doc.title);
  std::vector<std::string> fields{e.title_folded};
  for (const auto& code : doc.codes) fields.push_back(NormalizeForSearch(code));
  fields.push_back(NormalizeForSearch(doc.summary));
  fields.push_back(NormalizeForSearch(doc.body));
  fields.push_back(NormalizeForSearch(doc.attachment_text));
  e.text_folded = Join(fields, "\n");
  std::vector<std::string> streams;
  for (const auto& field : fields) {
    std::vector<std::string> tokens;
    for (auto& t : Tokenize(field)) tokens.push_back(std::move(t.text));
    if (!tokens.empty()) streams.push_back(Join(tokens, " "));
  }
  e.tokens = Join(streams, fmt::format(" {} ", kFieldBreak));
  std::vector<std::string> title_tokens;
  for (auto& t : Tokenize(e.title_folded)) title_tokens.push_back(std::move(t.text));
  e.title_tokens = Join(title_tokens, " ");
  TitlePinyin p = PinyinOf(e.title_folded, pinyin);
  e.title_pinyin = p.full + " " + p.initials;
  e.pinyin_tokens = Join(p.tokens, " ");
  for (const auto& code : doc.codes) {
    auto parsed = ParseCode(code);
    std::string canonical = parsed ? parsed->code : CanonicalCodeText(code);
    if (!canonical.empty() && std::find(e.codes.begin(), e.codes.end(), canonical) == e.codes.end())
      e.codes.push_back(std::move(canonical));
  }
  return e;
}

Status CheckSearchDocument(const SearchDocument& doc) {
  if (doc.agency_id <= 0) {
    return Status::InvalidInput(
        fmt::format("检索文档“{}”缺少所属机关（agency_id 应为正数）", doc.title));
  }
  if (doc.ref.empty()) {
    return Status::InvalidInput(
        fmt::format("检索文档“{}”缺少编号 ref：请传入该条目在其登记簿中的编号", doc.title));
  }
  if (doc.title.empty()) {
    return Status::InvalidInput(
        fmt::format("检索文档 {} 缺少标题：没有标题的条目无法在结果中显示", doc.ref));
  }
  if (!doc.date.empty() && !ParseDate(doc.date).ok()) {
    return Status::InvalidInput(
        fmt::format("检索文档 {} 的日期“{}”不是 YYYY-MM-DD 格式的日期", doc.ref, doc.date));
  }
  return Status::Ok();
}

}  // namespace gongkai
