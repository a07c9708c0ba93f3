// The search index (Art. 24): one table of searchable documents of every kind, kept by their
// owners (store/search_sources.h) and answered for the portal and `gongkai search`.
//
// The contract, on SQLite and PostgreSQL alike: a query of two or more Chinese characters finds
// EVERY indexed document whose title, codes, summary, body or attachment text contains it after
// normalisation (search/normalize.h: NFKC, Traditional → Simplified, punctuation, spaces and
// line breaks ignored) — or contains one of its synonym forms (search/query.h). Stop-phrases are
// stripped first. Documents come from app-made CJK bigrams (search/tokens.h) in an FTS5
// `unicode61` table on SQLite and a tsvector('simple') GIN index on PostgreSQL; candidates are
// checked against the folded text, so there are neither misses nor false hits. A query that
// reads as a code (search/codes.h) is looked up exactly and its documents come first. An
// all-ASCII query also matches titles by pinyin or initials (yyzz → 营业执照) and words of the
// text by prefix. A single Chinese character is answered by a scan (exact, slower).
//
// Queries that find nothing are counted in search_misses, normalised and with digit runs of six
// or more masked, so the office can add synonyms without the log holding phone or ID numbers.
//
// A SearchIndex is a light handle over a Database and a SearchVocabulary (both borrowed, both
// must outlive it); thread safety is the Database's. Other store code that writes its items in
// its own transaction calls the session-level functions of store/search_index_sql.h instead.

#ifndef GONGKAI_STORE_SEARCH_INDEX_H_
#define GONGKAI_STORE_SEARCH_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/document.h"
#include "search/highlight.h"
#include "search/vocabulary.h"
#include "store/database.h"
#include "util/status.h"

namespace gongkai {

struct SearchOptions {
  std::optional<int64_t> agency_id;  // only this agency's documents (default: all)
  std::vector<SearchKind> kinds;     // only these kinds (default: all)
  int limit = 20;                    // hits per kind; 1 … 200
  int offset = 0;                    // skipped hits per kind, for paging within a kind
  bool log_miss = true;              // count the query in search_misses when nothing is found
  std::string until;  // only documents dated on or before this YYYY-MM-DD (and undated ones)
};

struct SearchHit {
  SearchKind kind = SearchKind::kPublication;
  int64_t agency_id = 0;
  std::string agency_name;
  std::string ref;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  std::string url;
  bool exact_code = false;  // found by its 索引号 / 文号 / 事项编码
  std::vector<HighlightSegment> title_segments;
  std::vector<HighlightSegment> snippet;  // from the summary, body or attachments
};

struct SearchGroup {
  SearchKind kind = SearchKind::kPublication;
  int64_t total = 0;            // every match of this kind, not only the page (exact)
  std::vector<SearchHit> hits;  // this page: exact codes first, then title matches, then newest
};

struct SearchResults {
  std::string query;                // the normalised query searched ("" when nothing to search)
  std::vector<std::string> forms;   // it and its synonym forms
  std::vector<SearchGroup> groups;  // in SearchKinds() order; only kinds with matches
  int64_t total = 0;
};

struct SearchMiss {
  std::string query;  // normalised, long digit runs masked
  int64_t count = 0;
  std::string last_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
};

class SearchIndex {
 public:
  SearchIndex(Database& db, const SearchVocabulary& vocabulary)
      : db_(db), vocabulary_(vocabulary) {}

  // Adds `doc`, or replaces the document with the same (agency_id, kind, ref), in one
  // transaction. kInvalidInput from CheckSearchDocument; kConflict when the agency does not
  // exist.
  Status Upsert(const SearchDocument& doc);

  // Removes the document; OK when there was none.
  Status Remove(int64_t agency_id, SearchKind kind, std::string_view ref);

  // Answers `query` (see the contract above). An empty query (nothing searchable) gives empty
  // results and logs nothing. kInvalidInput when the limit or offset is out of range or `until`
  // is not a date. Paging is per kind: every group holds hits offset … offset+limit-1 of its
  // kind; a kind with matches but none on this page still has its group (with its total).
  Result<SearchResults> Search(std::string_view query, const SearchOptions& options = {});

  // The number of documents in the index.
  Result<int64_t> Count();

  // Rebuilds every stored document's derived entry (SearchEntry) from its stored fields with
  // the current vocabulary, e.g. after the pinyin overrides changed. Returns how many.
  Result<int64_t> Rebuild();

  // The zero-result queries, most frequent first (then most recent), at most `limit`.
  Result<std::vector<SearchMiss>> Misses(int limit = 100);

 private:
  Database& db_;
  const SearchVocabulary& vocabulary_;
};

}  // namespace gongkai

#endif  // GONGKAI_STORE_SEARCH_INDEX_H_
