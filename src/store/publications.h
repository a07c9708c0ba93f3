// The register of proactive disclosure (主动公开), per agency: its items of information with
// their attachments, the 索引号 counter, and a hash-chained event log of every create, change,
// withdrawal, expiry and repeal (store/audit.h EventHash, with actor and time). Every write
// bumps the agency's register_version in the same transaction (store/register_stamp.h), so
// cached reports rebuild: table 二's 规章 and 行政规范性文件 rows are counted from this register
// (publications/table_two.h), which is their one source; store/records.h reads and writes those
// two kinds here. Writes that touch a year whose report is published are refused (kConflict)
// until the report is reopened, as for the other registers. Thread-safe as the Database is.

#ifndef GONGKAI_STORE_PUBLICATIONS_H_
#define GONGKAI_STORE_PUBLICATIONS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "publications/clock.h"
#include "publications/index_no.h"
#include "publications/item.h"
#include "publications/table_two.h"
#include "store/calendars.h"
#include "store/database.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

struct StoredPublication {
  int64_t id = 0;  // 1, 2, … within the agency
  Publication item;
};

// How an agency numbers its items (publications/index_no.h). Defaults when never set.
struct PublicationNumbering {
  std::string
      credit_code;  // 统一社会信用代码; "" = not set: `{credit_code}` is then "G<agency id>"
  std::string pattern{kDefaultIndexNoPattern};
};
Result<PublicationNumbering> GetPublicationNumbering(Database& db, int64_t agency_id);
// kInvalidInput for a bad pattern (CheckIndexNoPattern) or a credit code that is not 18
// characters of digits and capital letters.
Status SetPublicationNumbering(Database& db, int64_t agency_id, const PublicationNumbering& n);

// Adds an item and returns its id. A published item without 索引号 gets the next one of its
// publication year. kInvalidInput from CheckPublication; kConflict for a 索引号 already used
// (numbers are never reused, also after a withdrawal) or a locked report year.
Result<int64_t> CreatePublication(Database& db, int64_t agency_id, const Publication& item,
                                  std::string_view actor);
// Replaces item `id` (event `change`; `expire`/`repeal` when the status moves there, `withdraw`
// when it is published no longer). The
// 索引号 of a published item cannot change; one is assigned when the item becomes published.
Status ChangePublication(Database& db, int64_t agency_id, int64_t id, const Publication& item,
                         std::string_view actor);
// Takes a published item off the public register (event `withdraw`): `published` becomes
// empty, the 索引号 stays reserved. `reason` is recorded in the event.
Status WithdrawPublication(Database& db, int64_t agency_id, int64_t id, std::string_view reason,
                           std::string_view actor);

// Imports items in one transaction with multi-row writes: all or nothing. Items with an
// `agency` field naming another agency are refused. Returns the number imported. kConflict
// naming the first 索引号 already used.
Result<int> ImportPublications(Database& db, int64_t agency_id, std::span<const Publication> items,
                               std::string_view actor);

struct PublicationFilter {
  std::optional<std::string> category;
  std::optional<PublicationKind> kind;
  std::optional<int> year;  // `created` in this year
  std::optional<Validity> status;
  std::optional<bool> published;  // true: published; false: not yet
  // Published on or before this day: what the public may see (an item dated tomorrow is not
  // yet public). Implies published.
  std::optional<Date> published_until;
  bool newest_published_first = false;  // order by 公开日期 descending, then id descending
  int offset = 0;
  int limit = 50;  // ≤ 0: no limit
};
struct PublicationPage {
  std::vector<StoredPublication> items;  // by created date, then id (or newest_published_first)
  int64_t total = 0;                     // matching the filter, ignoring offset and limit
};
Result<PublicationPage> ListPublications(Database& db, int64_t agency_id,
                                         const PublicationFilter& filter);
// The agency's items published on or before `published_until`, counted by 主题分类, by kind and
// by the year of 生成日期 (each ascending by key), in the database: the public catalogue's
// facets without loading the items.
struct PublicationFacetCounts {
  std::vector<std::pair<std::string, int64_t>> categories;
  std::vector<std::pair<PublicationKind, int64_t>> kinds;
  std::vector<std::pair<int, int64_t>> years;
  int64_t total = 0;
};
Result<PublicationFacetCounts> CountPublishedFacets(Database& db, int64_t agency_id,
                                                    Date published_until);
// Every item of the agency, by id (export, counts). Attachment metadata included.
Result<std::vector<StoredPublication>> AllPublications(Database& db, int64_t agency_id);
// kNotFound naming the id or the 索引号.
Result<StoredPublication> GetPublication(Database& db, int64_t agency_id, int64_t id);
Result<StoredPublication> GetPublicationByIndexNo(Database& db, int64_t agency_id,
                                                  std::string_view index_no);

// An attachment of an item: the bytes are stored, their SHA-256 computed here.
struct Attachment {
  AttachmentMeta meta;  // `size` and `sha256` are filled in by AddAttachment
  std::string bytes;
  std::string text;  // extracted text (ingest/extract.h), searchable; may be empty
};
// kInvalidInput for an empty name or more than kMaxAttachmentBytes.
constexpr int64_t kMaxAttachmentBytes = 50 << 20;
Result<AttachmentMeta> AddAttachment(Database& db, int64_t agency_id, int64_t id,
                                     const Attachment& attachment, std::string_view actor);
// The attachment number `n` (0-based, in upload order) with its bytes and text.
Result<Attachment> GetAttachment(Database& db, int64_t agency_id, int64_t id, int n);
// Removes attachment `n` of item `id` (event `change` listing the attachments left); the ones
// after it move down one place, so numbers stay 0, 1, … . kNotFound naming the item or the
// attachment.
Status RemoveAttachment(Database& db, int64_t agency_id, int64_t id, int n, std::string_view actor);

// One entry of an item's event log.
struct PublicationEvent {
  int seq = 0;  // 1, 2, … within the agency
  int64_t item_id = 0;
  std::string type;  // create | change | withdraw | expire | repeal
  std::string actor;
  std::string recorded_at;  // UTC, store/sql.h FormatUtc
  // {"id": item id, "type": type, "reason": … (withdraw only), "item": the item after the event
  // as its JSON line (publications/jsonl.h)}
  std::string payload;
  std::string prev_hash, hash;
};
Result<std::vector<PublicationEvent>> PublicationEvents(Database& db, int64_t agency_id);
// The seq of the first event whose stored hashes do not hold, or nullopt when the chain holds.
Result<std::optional<int>> VerifyPublicationChain(Database& db, int64_t agency_id);

// The year's figures: items created and published in the year, published late (Art. 26), and
// table 二's counts. The calendar and settings are the agency's (store/calendars.h).
struct PublicationYearStats {
  int year = 0;
  int created = 0;
  int published = 0;
  int late = 0;
  TableTwoCounts table_two;
};
Result<PublicationYearStats> PublicationStats(Database& db, Calendars& calendars, int64_t agency_id,
                                              int year);
// What must be published as of `as_of` (publications/clock.h ListDue) on the agency's calendar;
// `items` receives the agency's items the DueItem indexes point into.
Result<DueList> PublicationsDue(Database& db, Calendars& calendars, int64_t agency_id, Date as_of,
                                std::vector<StoredPublication>* items);

// Art. 44 (政府信息公开条例第四十四条): information asked for by several applications may be
// moved into proactive disclosure. One requested item text asked for by at least `min_cases`
// of the agency's cases, compared after NFKC, width folding and removal of whitespace.
struct RepeatedRequest {
  std::string text;                       // as first asked (earliest case)
  std::vector<std::string> case_numbers;  // by receipt date
};
// Most-asked first, then by text. REQUIRES: min_cases >= 2.
Result<std::vector<RepeatedRequest>> RepeatedRequests(Database& db, int64_t agency_id,
                                                      int min_cases);

}  // namespace gongkai

#endif  // GONGKAI_STORE_PUBLICATIONS_H_
