#include "store/publication_search.h"

#include <fmt/format.h>

#include "store/agencies.h"
#include "store/publications.h"
#include "store/search_index.h"

namespace gongkai {

namespace {

// The document of `p`, with the text of its attachments read from the store.
Result<SearchDocument> DocumentOf(Database& db, int64_t agency_id, const StoredPublication& p) {
  const Publication& item = p.item;
  SearchDocument doc;
  doc.agency_id = agency_id;
  doc.kind = SearchKind::kPublication;
  doc.ref = std::to_string(p.id);
  doc.title = item.title;
  if (!item.index_no.empty()) doc.codes.push_back(item.index_no);
  if (!item.doc_no.empty()) doc.codes.push_back(item.doc_no);
  doc.date = item.published ? FormatDate(*item.published) : "";
  doc.url = PublicationUrl(agency_id, p.id);
  doc.summary = item.summary;
  doc.body = item.text;
  for (std::size_t n = 0; n < item.attachments.size(); ++n) {
    auto file = GetAttachment(db, agency_id, p.id, static_cast<int>(n));
    if (!file.ok()) return file.status();
    if (file->text.empty()) continue;
    if (!doc.attachment_text.empty()) doc.attachment_text += '\n';
    doc.attachment_text += file->text;
  }
  return doc;
}

Status Sync(Database& db, SearchIndex& index, int64_t agency_id, const StoredPublication& p) {
  if (!p.item.published)
    return index.Remove(agency_id, SearchKind::kPublication, std::to_string(p.id));
  auto doc = DocumentOf(db, agency_id, p);
  if (!doc.ok()) return doc.status();
  return index.Upsert(*doc);
}

}  // namespace

std::string PublicationUrl(int64_t agency_id, int64_t id) {
  return fmt::format("/catalogue/{}/items/{}", agency_id, id);
}

Status SyncPublicationSearch(Database& db, const SearchVocabulary& vocabulary, int64_t agency_id,
                             int64_t id) {
  SearchIndex index(db, vocabulary);
  auto p = GetPublication(db, agency_id, id);
  if (!p.ok()) {
    if (p.status().code() != Status::Code::kNotFound) return p.status();
    return index.Remove(agency_id, SearchKind::kPublication, std::to_string(id));
  }
  return Sync(db, index, agency_id, *p);
}

Status SyncAgencyPublicationsSearch(Database& db, const SearchVocabulary& vocabulary,
                                    int64_t agency_id) {
  SearchIndex index(db, vocabulary);
  auto all = AllPublications(db, agency_id);
  if (!all.ok()) return all.status();
  for (const auto& p : *all) {
    Status s = Sync(db, index, agency_id, p);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status ListPublicationSearchDocuments(Database& db,
                                      const std::function<Status(const SearchDocument&)>& emit) {
  auto agencies = ListAgencies(db);
  if (!agencies.ok()) return agencies.status();
  for (const auto& a : *agencies) {
    auto all = AllPublications(db, a.id);
    if (!all.ok()) return all.status();
    for (const auto& p : *all) {
      if (!p.item.published) continue;
      auto doc = DocumentOf(db, a.id, p);
      if (!doc.ok()) return doc.status();
      Status s = emit(*doc);
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace gongkai
