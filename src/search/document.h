// A searchable document: what an owner of content (the publications register now; service
// guides and annual reports later) hands the search index for one of its items, and the index
// entry derived from it. The index is generic: it knows kinds, not the owners' tables; `ref` is
// the owner's own id for the item, unique within (agency, kind).

#ifndef GONGKAI_SEARCH_DOCUMENT_H_
#define GONGKAI_SEARCH_DOCUMENT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "search/vocabulary.h"
#include "util/status.h"

namespace gongkai {

// DO NOT CHANGE the keys: stored in search_documents.kind and printed by `gongkai search
// --json`. Results are grouped in this order.
enum class SearchKind { kService, kPublication, kPolicy, kReport };

struct SearchKindEntry {
  SearchKind value;
  std::string_view key;
  std::string_view label;  // the group heading on the portal
};
std::span<const SearchKindEntry> SearchKinds();
std::string_view Key(SearchKind kind);
std::string_view Label(SearchKind kind);
std::optional<SearchKind> SearchKindFromKey(std::string_view key);

struct SearchDocument {
  int64_t agency_id = 0;
  SearchKind kind = SearchKind::kPublication;
  std::string ref;  // the owner's id of the item, e.g. its 索引号 or row id
  std::string title;
  std::vector<std::string> codes;  // 索引号, 文号, 事项编码 as written; matched exactly
  std::string date;                // YYYY-MM-DD (公开日期), or empty
  std::string url;                 // where the portal shows the item, e.g. /p/12/items/34
  std::string summary;
  std::string body;
  std::string attachment_text;  // text extracted from attachments (ingest/)
};

// What the index stores besides the document itself: derived, rebuilt by `gongkai search
// reindex` (e.g. after the pinyin overrides change).
struct SearchEntry {
  std::string title_folded;        // NormalizeForSearch(title)
  std::string text_folded;         // title, codes, summary, body, attachments folded, '\n'-joined
  std::string tokens;              // Tokenize(text_folded), space-joined, a break between fields
  std::string title_tokens;        // Tokenize(title_folded), space-joined: the title alone
  std::string title_pinyin;        // PinyinOf(title).full + ' ' + initials
  std::string pinyin_tokens;       // PinyinOf(title).tokens, space-joined
  std::vector<std::string> codes;  // canonical codes (search/codes.h), distinct
};

// The entry of `doc`. Pure. Codes that do not read as a code are kept as CanonicalCodeText.
SearchEntry BuildSearchEntry(const SearchDocument& doc, const PinyinOverrides& pinyin);

// Every field of `doc` is checked before it is indexed: kInvalidInput naming the field when
// ref or title is empty, the date is not YYYY-MM-DD, or agency_id is not positive.
Status CheckSearchDocument(const SearchDocument& doc);

}  // namespace gongkai

#endif  // GONGKAI_SEARCH_DOCUMENT_H_
