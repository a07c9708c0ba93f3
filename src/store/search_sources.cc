#include "store/search_sources.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/publication_search.h"
#include "store/search_index.h"
#include "store/search_index_sql.h"
#include "store/service_search.h"
#include "store/sql.h"

namespace gongkai {
namespace {

// The registered sources, one row per owner of searchable content.
const std::vector<SearchSource> kSearchSources = {
    {"公开信息", {SearchKind::kPublication}, ListPublicationSearchDocuments},
    {"办事事项", {SearchKind::kService}, ListServiceSearchDocuments},
};

}  // namespace

std::span<const SearchSource> SearchSources() { return kSearchSources; }

Result<ReindexReport> Reindex(Database& db, const SearchVocabulary& vocabulary,
                              std::span<const SearchSource> sources) {
  ReindexReport report;
  for (const SearchSource& source : sources) {
    // Listed before the transaction, so a source may read with the ordinary repositories.
    std::vector<SearchDocument> docs;
    Status listed = source.list(db, [&](const SearchDocument& doc) {
      bool owned =
          std::find(source.kinds.begin(), source.kinds.end(), doc.kind) != source.kinds.end();
      if (!owned) {
        return Status::Internal(fmt::format("检索来源“{}”给出了不属于它的类别 {} 的条目 {}",
                                            source.name, Key(doc.kind), doc.ref));
      }
      docs.push_back(doc);
      return Status::Ok();
    });
    if (!listed.ok()) return listed;
    Status s =
        RunInTransaction(db, fmt::format("重建检索来源“{}”", source.name), [&](soci::session& sql) {
          for (SearchKind kind : source.kinds) {
            std::string key(Key(kind));
            sql << "DELETE FROM search_documents WHERE kind = :k", soci::use(key);
          }
          for (const auto& doc : docs) {
            Status up = UpsertSearchDocument(db, sql, vocabulary.pinyin, doc);
            if (!up.ok()) return up.WithContext(fmt::format("{} {}：", source.name, doc.ref));
          }
          return Status::Ok();
        });
    if (!s.ok()) return s;
    report.per_source.emplace_back(std::string(source.name), static_cast<int64_t>(docs.size()));
  }
  SearchIndex index(db, vocabulary);
  auto rebuilt = index.Rebuild();
  if (!rebuilt.ok()) return rebuilt.status();
  report.rebuilt = *rebuilt;
  return report;
}

}  // namespace gongkai
