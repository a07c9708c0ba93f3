#include "store/publication_search.h"

#include <fmt/format.h>

#include <limits>
#include <map>
#include <vector>

#include "store/agencies.h"
#include "store/publication_search_sql.h"
#include "store/search_index_sql.h"
#include "store/sql.h"

namespace gongkai {

namespace {

// An item of the register as the index sees it.
struct IndexedItem {
  SearchDocument doc;
  bool published = false;
};

// The agency's items first_id … last_id (by id) with the text of their attachments, read on
// `sql` (inside the caller's transaction or a read).
std::vector<IndexedItem> ReadItems(soci::session& sql, long long agency, long long first_id,
                                   long long last_id) {
  std::map<long long, std::string> attachment_text;
  {
    long long id = 0;
    std::string text;
    soci::statement st =
        (sql.prepare << "SELECT publication_id, extracted_text FROM publication_attachments WHERE "
                        "agency_id = :a AND publication_id BETWEEN :f AND :l AND extracted_text "
                        "<> '' ORDER BY publication_id, n",
         soci::use(agency), soci::use(first_id), soci::use(last_id), soci::into(id),
         soci::into(text));
    st.execute();
    while (st.fetch()) {
      std::string& all = attachment_text[id];
      if (!all.empty()) all += '\n';
      all += text;
    }
  }
  std::vector<IndexedItem> out;
  long long id = 0;
  std::string index_no, title, doc_no, summary, body, published;
  soci::indicator index_ind = soci::i_null, published_ind = soci::i_null;
  soci::statement st =
      (sql.prepare << "SELECT id, index_no, title, doc_no, summary, body, published_date FROM "
                      "publications WHERE agency_id = :a AND id BETWEEN :f AND :l ORDER BY id",
       soci::use(agency), soci::use(first_id), soci::use(last_id), soci::into(id),
       soci::into(index_no, index_ind), soci::into(title), soci::into(doc_no), soci::into(summary),
       soci::into(body), soci::into(published, published_ind));
  st.execute();
  while (st.fetch()) {
    IndexedItem item;
    item.published = published_ind == soci::i_ok;
    SearchDocument& doc = item.doc;
    doc.agency_id = agency;
    doc.kind = SearchKind::kPublication;
    doc.ref = std::to_string(id);
    doc.title = title;
    if (index_ind == soci::i_ok && !index_no.empty()) doc.codes.push_back(index_no);
    if (!doc_no.empty()) doc.codes.push_back(doc_no);
    if (item.published) doc.date = published;
    doc.url = PublicationUrl(agency, id);
    doc.summary = summary;
    doc.body = body;
    if (auto it = attachment_text.find(id); it != attachment_text.end()) {
      doc.attachment_text = std::move(it->second);
    }
    out.push_back(std::move(item));
  }
  return out;
}

constexpr long long kLastId = std::numeric_limits<long long>::max();

}  // namespace

namespace internal {

Status IndexPublications(Database& db, soci::session& sql, const PinyinOverrides& pinyin,
                         int64_t agency_id, int64_t first_id, int64_t last_id) {
  for (const IndexedItem& item : ReadItems(sql, agency_id, first_id, last_id)) {
    Status s = item.published
                   ? UpsertSearchDocument(db, sql, pinyin, item.doc)
                   : RemoveSearchDocument(sql, agency_id, SearchKind::kPublication, item.doc.ref);
    if (!s.ok()) return s.WithContext(fmt::format("检索索引（条目 {}）：", item.doc.ref));
  }
  return Status::Ok();
}

}  // namespace internal

std::string PublicationUrl(int64_t agency_id, int64_t id) {
  return fmt::format("/catalogue/{}/items/{}", agency_id, id);
}

Status SyncPublicationSearch(Database& db, const SearchVocabulary& vocabulary, int64_t agency_id,
                             int64_t id) {
  return RunInTransaction(db, "更新检索索引", [&](soci::session& sql) -> Status {
    long long n = 0, agency = agency_id, row = id;
    sql << "SELECT count(*) FROM publications WHERE agency_id = :a AND id = :id", soci::use(agency),
        soci::use(row), soci::into(n);
    if (n == 0)
      return RemoveSearchDocument(sql, agency_id, SearchKind::kPublication, std::to_string(id));
    return internal::IndexPublications(db, sql, vocabulary.pinyin, agency_id, id, id);
  });
}

Status SyncAgencyPublicationsSearch(Database& db, const SearchVocabulary& vocabulary,
                                    int64_t agency_id) {
  return RunInTransaction(db, "更新检索索引", [&](soci::session& sql) {
    return internal::IndexPublications(db, sql, vocabulary.pinyin, agency_id, 1, kLastId);
  });
}

Status ListPublicationSearchDocuments(Database& db,
                                      const std::function<Status(const SearchDocument&)>& emit) {
  auto agencies = ListAgencies(db);
  if (!agencies.ok()) return agencies.status();
  for (const auto& a : *agencies) {
    auto items =
        Run(db, "读取主动公开登记簿", [&](soci::session& sql) -> Result<std::vector<IndexedItem>> {
          return ReadItems(sql, a.id, 1, kLastId);
        });
    if (!items.ok()) return items.status();
    for (const IndexedItem& item : *items) {
      if (!item.published) continue;
      if (Status s = emit(item.doc); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace gongkai
