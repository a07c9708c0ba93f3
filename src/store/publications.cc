#include "store/publications.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "publications/index_no.h"
#include "publications/jsonl.h"
#include "store/agencies.h"
#include "store/audit.h"
#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/publication_rows.h"
#include "store/publication_search_sql.h"
#include "store/sql.h"
#include "util/text.h"

namespace gongkai {
namespace internal {
namespace {

constexpr size_t kBatch = 2000;

constexpr std::string_view kColumns =
    "id, index_no, title, doc_no, publisher, summary, kind, category, created_date, "
    "changed_date, published_date, status, status_date, channels, body, source_agency, extra";

// One row of `kColumns`, bound with into(); Take() turns it into a StoredPublication.
struct RowBuffer {
  long long id = 0;
  std::string index_no, title, doc_no, publisher, summary, kind, category, created, changed,
      published, status, status_date, channels, body, source_agency, extra;
  soci::indicator index_ind = soci::i_null, changed_ind = soci::i_null,
                  published_ind = soci::i_null, status_date_ind = soci::i_null;

  soci::details::prepare_temp_type& Bind(soci::details::prepare_temp_type& p) {
    return p, soci::into(id), soci::into(index_no, index_ind), soci::into(title),
           soci::into(doc_no), soci::into(publisher), soci::into(summary), soci::into(kind),
           soci::into(category), soci::into(created), soci::into(changed, changed_ind),
           soci::into(published, published_ind), soci::into(status),
           soci::into(status_date, status_date_ind), soci::into(channels), soci::into(body),
           soci::into(source_agency), soci::into(extra);
  }

  StoredPublication Take() const {
    StoredPublication s;
    s.id = id;
    Publication& p = s.item;
    auto date = [](const std::string& text, soci::indicator ind) {
      std::optional<Date> d;
      if (ind == soci::i_ok) {
        if (auto parsed = ParseDate(text); parsed.ok()) d = *parsed;
      }
      return d;
    };
    if (index_ind == soci::i_ok) p.index_no = index_no;
    p.title = title;
    p.doc_no = doc_no;
    p.publisher = publisher;
    p.summary = summary;
    p.kind = PublicationKindFromKey(kind).value_or(PublicationKind::kOther);
    p.category = category;
    p.created = date(created, soci::i_ok).value_or(Date{});
    p.changed = date(changed, changed_ind);
    p.published = date(published, published_ind);
    p.status = ValidityFromKey(status).value_or(Validity::kInForce);
    p.status_date = date(status_date, status_date_ind);
    nlohmann::json list = nlohmann::json::parse(channels, nullptr, false);
    if (list.is_array()) {
      for (const auto& c : list) {
        if (!c.is_string()) continue;
        if (auto channel = PublicationChannelFromText(c.get<std::string>())) {
          p.channels.push_back(*channel);
        }
      }
    }
    p.text = body;
    p.agency = source_agency;
    p.extra = extra;
    return s;
  }
};

std::string ChannelsJson(const Publication& p) {
  nlohmann::json list = nlohmann::json::array();
  for (PublicationChannel c : p.channels) list.push_back(Key(c));
  return list.dump();
}

std::optional<std::string> OptionalDate(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(FormatDate(*d)) : std::nullopt;
}

struct NullableColumn {
  std::vector<std::string> values;
  std::vector<soci::indicator> inds;
  void Add(const std::optional<std::string>& v) {
    values.push_back(v.value_or(""));
    inds.push_back(v ? soci::i_ok : soci::i_null);
  }
};

bool CountsInTableTwo(const Publication& p) { return p.kind != PublicationKind::kOther; }

// kConflict when `p` is counted in table 二 and one of its dates falls in a locked year.
Status CheckUnlocked(const std::set<int>& locked, const Publication& p) {
  if (!CountsInTableTwo(p)) return Status::Ok();
  for (const std::optional<Date>& d :
       {std::optional<Date>(p.created), p.published, p.status_date}) {
    if (d && locked.contains(static_cast<int>(d->year()))) {
      return Status::Conflict(fmt::format(
          "{0} 年度报告已公开发布，该年度的规章和规范性文件已锁定（“{1}”）：如确需更正，请先 "
          "`gongkai report reopen --year {0}`",
          static_cast<int>(d->year()), p.title));
    }
  }
  return Status::Ok();
}

PublicationNumbering ReadNumbering(soci::session& sql, long long agency) {
  PublicationNumbering n;
  std::string code, pattern;
  sql << "SELECT credit_code, pattern FROM publication_numbering WHERE agency_id = :a",
      soci::use(agency), soci::into(code), soci::into(pattern);
  if (sql.got_data()) {
    n.credit_code = code;
    n.pattern = pattern;
  }
  return n;
}

// Hands out 索引号 for one transaction: the counter per year, skipping numbers already taken.
class IndexNumbers {
 public:
  IndexNumbers(soci::session& sql, long long agency) : sql_(sql), agency_(agency) {
    numbering_ = ReadNumbering(sql, agency);
    if (numbering_.credit_code.empty()) numbering_.credit_code = fmt::format("G{}", agency);
  }

  // Marks an explicit number as used by this transaction; false when it is taken already.
  bool Reserve(const std::string& index_no) {
    if (!batch_.insert(index_no).second) return false;
    return !Taken(index_no, /*in_batch=*/false);
  }

  std::string Next(int year) {
    auto [it, fresh] = last_.try_emplace(year, 0);
    if (fresh) {
      long long last = 0;
      sql_ << "SELECT last_seq FROM publication_counters WHERE agency_id = :a AND year = :y",
          soci::use(agency_), soci::use(year), soci::into(last);
      it->second = sql_.got_data() ? last : 0;
    }
    while (true) {
      std::string candidate =
          FormatIndexNo(numbering_.pattern, numbering_.credit_code, year, ++it->second);
      if (!Taken(candidate, true)) {
        batch_.insert(candidate);
        return candidate;
      }
    }
  }

  // Stores the counters moved by Next().
  void Save() {
    for (const auto& [year, last] : last_) {
      long long value = last;
      int y = year;
      sql_ << "INSERT INTO publication_counters (agency_id, year, last_seq) VALUES (:a, :y, :s) "
              "ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = excluded.last_seq",
          soci::use(agency_), soci::use(y), soci::use(value);
    }
  }

 private:
  bool Taken(const std::string& index_no, bool in_batch) {
    if (in_batch && batch_.contains(index_no)) return true;
    long long n = 0;
    sql_ << "SELECT count(*) FROM publications WHERE agency_id = :a AND index_no = :i",
        soci::use(agency_), soci::use(index_no), soci::into(n);
    return n > 0;
  }

  soci::session& sql_;
  long long agency_;
  PublicationNumbering numbering_;
  std::map<int, long long> last_;
  std::set<std::string> batch_;
};

struct EventRow {
  long long publication_id = 0;
  std::string type;
  std::string payload;
};

std::string EventPayload(long long id, std::string_view type, const Publication& item,
                         std::string_view reason = "") {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["type"] = type;
  if (!reason.empty()) j["reason"] = reason;
  std::string head = j.dump();
  head.pop_back();
  return head + ",\"item\":" + PublicationToJsonLine(item) + "}";
}

// Appends events to the agency's chain, bumps register_version, and records in the audit ledger
// the events and the items they are about, as the caller has just written them.
void AppendEvents(Database& db, soci::session& sql, long long agency, std::vector<EventRow>& events,
                  std::string_view actor, std::string_view now) {
  int seq = 0;
  std::string prev;
  sql << "SELECT seq, hash FROM publication_events WHERE agency_id = :a ORDER BY seq DESC LIMIT 1",
      soci::use(agency), soci::into(seq), soci::into(prev);
  if (!sql.got_data()) {
    seq = 0;
    prev.clear();
  }
  const int first = seq + 1;
  for (size_t start = 0; start < events.size(); start += kBatch) {
    size_t end = std::min(events.size(), start + kBatch);
    std::vector<long long> agencies(end - start, agency), ids;
    std::vector<int> seqs;
    std::vector<std::string> types, actors(end - start, std::string(actor)),
        times(end - start, std::string(now)), payloads, prevs, hashes;
    for (size_t i = start; i < end; ++i) {
      ids.push_back(events[i].publication_id);
      seqs.push_back(++seq);
      types.push_back(events[i].type);
      std::string hash = EventHash(prev, events[i].payload);
      prevs.push_back(prev);
      hashes.push_back(hash);
      payloads.push_back(std::move(events[i].payload));
      prev = std::move(hash);
    }
    sql << "INSERT INTO publication_events (agency_id, seq, publication_id, type, actor, "
           "recorded_at, payload, prev_hash, hash) VALUES (:a, :s, :p, :t, :actor, :at, :pl, "
           ":prev, :h)",
        soci::use(agencies), soci::use(seqs), soci::use(ids), soci::use(types), soci::use(actors),
        soci::use(times), soci::use(payloads), soci::use(prevs), soci::use(hashes);
  }
  sql << "UPDATE agencies SET register_version = register_version + 1 WHERE id = :a",
      soci::use(agency);
  std::string appended = fmt::format("BETWEEN {} AND {}", first, seq);
  RecordInLedger(db, sql, "publications", agency,
                 fmt::format("t.id IN (SELECT e.publication_id FROM publication_events e WHERE "
                             "e.agency_id = {} AND e.seq {})",
                             agency, appended));
  RecordInLedger(db, sql, "publication_events", agency, "t.seq " + appended);
}

void WriteRows(soci::session& sql, long long agency, std::span<const Publication> items,
               std::span<const long long> ids) {
  for (size_t start = 0; start < items.size(); start += kBatch) {
    size_t end = std::min(items.size(), start + kBatch);
    std::vector<long long> agencies(end - start, agency), id;
    std::vector<std::string> title, doc_no, publisher, summary, kind, category, created, status,
        channels, body, source, extra;
    NullableColumn index_no, changed, published, status_date;
    for (size_t i = start; i < end; ++i) {
      const Publication& p = items[i];
      id.push_back(ids[i]);
      index_no.Add(p.index_no.empty() ? std::nullopt : std::optional<std::string>(p.index_no));
      title.push_back(p.title);
      doc_no.push_back(p.doc_no);
      publisher.push_back(p.publisher);
      summary.push_back(p.summary);
      kind.emplace_back(Key(p.kind));
      category.push_back(p.category);
      created.push_back(FormatDate(p.created));
      changed.Add(OptionalDate(p.changed));
      published.Add(OptionalDate(p.published));
      status.emplace_back(Key(p.status));
      status_date.Add(OptionalDate(p.status_date));
      channels.push_back(ChannelsJson(p));
      body.push_back(p.text);
      source.push_back(p.agency);
      extra.push_back(p.extra.empty() ? "{}" : p.extra);
    }
    sql << "INSERT INTO publications (agency_id, id, index_no, title, doc_no, publisher, summary, "
           "kind, category, created_date, changed_date, published_date, status, status_date, "
           "channels, body, source_agency, extra) VALUES (:a, :id, :ix, :t, :dn, :pub, :sum, :k, "
           ":cat, :cr, :ch, :pd, :st, :sd, :chn, :b, :src, :x)",
        soci::use(agencies), soci::use(id), soci::use(index_no.values, index_no.inds),
        soci::use(title), soci::use(doc_no), soci::use(publisher), soci::use(summary),
        soci::use(kind), soci::use(category), soci::use(created),
        soci::use(changed.values, changed.inds), soci::use(published.values, published.inds),
        soci::use(status), soci::use(status_date.values, status_date.inds), soci::use(channels),
        soci::use(body), soci::use(source), soci::use(extra);
  }
}

std::optional<StoredPublication> SelectOne(soci::session& sql, long long agency,
                                           std::string_view where, const std::string& key) {
  RowBuffer r;
  auto prepared = (sql.prepare << fmt::format("SELECT {} FROM publications WHERE agency_id = :a "
                                              "AND {} = :k",
                                              kColumns, where),
                   soci::use(agency), soci::use(key));
  soci::statement st = r.Bind(prepared);
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r.Take();
}

std::vector<AttachmentMeta> SelectAttachmentMeta(soci::session& sql, long long agency,
                                                 long long id) {
  std::vector<AttachmentMeta> out;
  AttachmentMeta m;
  long long size = 0;
  soci::statement st =
      (sql.prepare << "SELECT name, media_type, size, sha256 FROM publication_attachments WHERE "
                      "agency_id = :a AND publication_id = :p ORDER BY n",
       soci::use(agency), soci::use(id), soci::into(m.name), soci::into(m.media_type),
       soci::into(size), soci::into(m.sha256));
  st.execute();
  while (st.fetch()) {
    m.size = size;
    out.push_back(m);
  }
  return out;
}

Status NotFoundId(int64_t id) {
  return Status::NotFound(fmt::format(
      "主动公开登记簿中没有编号为 {} 的条目：请用 `gongkai publications list` 查看", id));
}

// The event type of a change from `before` to `after`.
std::string_view ChangeType(const Publication& before, const Publication& after) {
  if (before.published && !after.published) return "withdraw";
  if (after.status != before.status && after.status == Validity::kRepealed) return "repeal";
  if (after.status != before.status && after.status == Validity::kExpired) return "expire";
  return "change";
}

// Appends a `change` event for a change of item's attachments: the item's line and the
// attachments it now has (name, size, sha256).
void AppendAttachmentsEvent(Database& db, soci::session& sql, long long agency,
                            StoredPublication item, std::string_view actor, std::string_view now) {
  item.item.attachments = SelectAttachmentMeta(sql, agency, item.id);
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const AttachmentMeta& m : item.item.attachments) {
    files.push_back({{"name", m.name}, {"size", m.size}, {"sha256", m.sha256}});
  }
  std::string payload = EventPayload(item.id, "change", item.item);
  payload.pop_back();
  payload += ",\"attachments\":" + files.dump() + "}";
  std::vector<EventRow> events{{item.id, "change", std::move(payload)}};
  AppendEvents(db, sql, agency, events, actor, now);
}

}  // namespace

Result<std::vector<int64_t>> InsertPublications(Database& db, soci::session& sql,
                                                long long agency_id,
                                                std::span<const Publication> items,
                                                std::string_view actor, std::string_view now) {
  if (Status s = CheckStandardCategories(sql, agency_id, items); !s.ok()) return s;
  std::set<int> locked = LockedYears(sql, agency_id);
  IndexNumbers numbers(sql, agency_id);
  std::vector<Publication> rows(items.begin(), items.end());
  for (const Publication& p : rows) {
    if (Status s = CheckUnlocked(locked, p); !s.ok()) return s;
    if (!p.index_no.empty() && !numbers.Reserve(p.index_no)) {
      return Status::Conflict(fmt::format(
          "索引号 {} 已被使用（“{}”）：索引号在本机关内唯一且不得重复使用", p.index_no, p.title));
    }
  }
  for (Publication& p : rows) {
    if (p.index_no.empty() && p.published)
      p.index_no = numbers.Next(static_cast<int>(p.published->year()));
  }
  numbers.Save();
  long long last = 0;
  sql << "SELECT COALESCE(MAX(id), 0) FROM publications WHERE agency_id = :a", soci::use(agency_id),
      soci::into(last);
  std::vector<long long> ids;
  std::vector<EventRow> events;
  for (const Publication& p : rows) {
    ids.push_back(++last);
    events.push_back(EventRow{last, "create", EventPayload(last, "create", p)});
  }
  WriteRows(sql, agency_id, rows, ids);
  if (!events.empty()) AppendEvents(db, sql, agency_id, events, actor, now);
  if (!ids.empty()) {
    Status indexed =
        IndexPublications(db, sql, db.search_pinyin(), agency_id, ids.front(), ids.back());
    if (!indexed.ok()) return indexed;
  }
  return std::vector<int64_t>(ids.begin(), ids.end());
}

std::vector<StoredPublication> SelectPublications(soci::session& sql, long long agency_id,
                                                  std::span<const PublicationKind> kinds) {
  std::string where;
  for (PublicationKind k : kinds) {
    where += fmt::format("{}'{}'", where.empty() ? " AND kind IN (" : ", ", Key(k));
  }
  if (!where.empty()) where += ")";
  RowBuffer r;
  auto prepared = (sql.prepare << fmt::format("SELECT {} FROM publications WHERE agency_id = :a{} "
                                              "ORDER BY created_date, id",
                                              kColumns, where),
                   soci::use(agency_id));
  soci::statement st = r.Bind(prepared);
  st.execute();
  std::vector<StoredPublication> out;
  while (st.fetch()) out.push_back(r.Take());
  return out;
}

}  // namespace internal

using internal::RowBuffer;

Result<PublicationNumbering> GetPublicationNumbering(Database& db, int64_t agency_id) {
  return Run(db, "读取索引号规则", [&](soci::session& sql) -> Result<PublicationNumbering> {
    return internal::ReadNumbering(sql, agency_id);
  });
}

Status SetPublicationNumbering(Database& db, int64_t agency_id, const PublicationNumbering& n) {
  if (Status s = CheckIndexNoPattern(n.pattern); !s.ok()) return s;
  if (!n.credit_code.empty()) {
    bool ok = n.credit_code.size() == 18 &&
              std::all_of(n.credit_code.begin(), n.credit_code.end(),
                          [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
    if (!ok) {
      return Status::InvalidInput(fmt::format(
          "统一社会信用代码“{}”应为 18 位数字或大写字母，例如 11441700007280420Y", n.credit_code));
    }
  }
  return RunInTransaction(db, "设置索引号规则", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    sql << "INSERT INTO publication_numbering (agency_id, credit_code, pattern) VALUES (:a, :c, "
           ":p) ON CONFLICT (agency_id) DO UPDATE SET credit_code = excluded.credit_code, "
           "pattern = excluded.pattern",
        soci::use(agency), soci::use(n.credit_code), soci::use(n.pattern);
    internal::RecordInLedger(db, sql, "publication_numbering", agency, "");
    return Status::Ok();
  });
}

Result<int64_t> CreatePublication(Database& db, int64_t agency_id, const Publication& item,
                                  std::string_view actor) {
  if (Status s = CheckPublication(item); !s.ok()) return s;
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "登记主动公开信息", [&](soci::session& sql) -> Result<int64_t> {
    auto ids = internal::InsertPublications(db, sql, agency_id, std::span(&item, 1), actor, now);
    if (!ids.ok()) return ids.status();
    return ids->front();
  });
}

Status ChangePublication(Database& db, int64_t agency_id, int64_t id, const Publication& item,
                         std::string_view actor) {
  if (Status s = CheckPublication(item); !s.ok()) return s;
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "修改主动公开信息", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    auto before = internal::SelectOne(sql, agency, "id", std::to_string(id));
    if (!before) return internal::NotFoundId(id);
    std::set<int> locked = internal::LockedYears(sql, agency);
    if (Status s = internal::CheckUnlocked(locked, before->item); !s.ok()) return s;
    if (Status s = internal::CheckUnlocked(locked, item); !s.ok()) return s;
    if (item.category != before->item.category) {
      Status s = internal::CheckStandardCategories(sql, agency, std::span(&item, 1));
      if (!s.ok()) return s;
    }
    Publication after = item;
    const std::string& kept = before->item.index_no;
    if (!kept.empty() && !after.index_no.empty() && after.index_no != kept) {
      return Status::Conflict(fmt::format("索引号 {} 已分配，不能改为 {}：索引号一经分配不得变更",
                                          kept, after.index_no));
    }
    if (!kept.empty()) after.index_no = kept;
    internal::IndexNumbers numbers(sql, agency);
    if (after.index_no.empty() && after.published) {
      after.index_no = numbers.Next(static_cast<int>(after.published->year()));
      numbers.Save();
    } else if (!after.index_no.empty() && kept.empty() && !numbers.Reserve(after.index_no)) {
      return Status::Conflict(fmt::format("索引号 {} 已被使用", after.index_no));
    }
    std::optional<std::string> index_no;
    if (!after.index_no.empty()) index_no = after.index_no;
    soci::indicator ix = index_no ? soci::i_ok : soci::i_null;
    auto opt = internal::OptionalDate;
    std::optional<std::string> changed = opt(after.changed), published = opt(after.published),
                               status_date = opt(after.status_date);
    soci::indicator ci = changed ? soci::i_ok : soci::i_null,
                    pi = published ? soci::i_ok : soci::i_null,
                    si = status_date ? soci::i_ok : soci::i_null;
    std::string kind(Key(after.kind)), status(Key(after.status)),
        created = FormatDate(after.created), channels = internal::ChannelsJson(after),
        changed_v = changed.value_or(""), published_v = published.value_or(""),
        status_date_v = status_date.value_or(""), index_v = index_no.value_or(""),
        extra = after.extra.empty() ? "{}" : after.extra;
    long long row = id;
    sql << "UPDATE publications SET index_no = :ix, title = :t, doc_no = :dn, publisher = :pub, "
           "summary = :sum, kind = :k, category = :cat, created_date = :cr, changed_date = :ch, "
           "published_date = :pd, status = :st, status_date = :sd, channels = :chn, body = :b, "
           "source_agency = :src, extra = :x WHERE agency_id = :a AND id = :id",
        soci::use(index_v, ix), soci::use(after.title), soci::use(after.doc_no),
        soci::use(after.publisher), soci::use(after.summary), soci::use(kind),
        soci::use(after.category), soci::use(created), soci::use(changed_v, ci),
        soci::use(published_v, pi), soci::use(status), soci::use(status_date_v, si),
        soci::use(channels), soci::use(after.text), soci::use(after.agency), soci::use(extra),
        soci::use(agency), soci::use(row);
    std::string_view type = internal::ChangeType(before->item, after);
    std::vector<internal::EventRow> events{
        {row, std::string(type), internal::EventPayload(row, type, after)}};
    internal::AppendEvents(db, sql, agency, events, actor, now);
    return internal::IndexPublications(db, sql, db.search_pinyin(), agency, row, row);
  });
}

Status WithdrawPublication(Database& db, int64_t agency_id, int64_t id, std::string_view reason,
                           std::string_view actor) {
  if (Trim(reason).empty()) return Status::InvalidInput("撤回须写明理由");
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "撤回主动公开信息", [&](soci::session& sql) -> Status {
    long long agency = agency_id, row = id;
    auto before = internal::SelectOne(sql, agency, "id", std::to_string(id));
    if (!before) return internal::NotFoundId(id);
    if (!before->item.published) {
      return Status::Conflict(fmt::format("“{}”尚未公开，无需撤回", before->item.title));
    }
    std::set<int> locked = internal::LockedYears(sql, agency);
    if (Status s = internal::CheckUnlocked(locked, before->item); !s.ok()) return s;
    sql << "UPDATE publications SET published_date = NULL WHERE agency_id = :a AND id = :id",
        soci::use(agency), soci::use(row);
    Publication after = before->item;
    after.published.reset();
    std::vector<internal::EventRow> events{
        {row, "withdraw", internal::EventPayload(row, "withdraw", after, reason)}};
    internal::AppendEvents(db, sql, agency, events, actor, now);
    return internal::IndexPublications(db, sql, db.search_pinyin(), agency, row, row);
  });
}

Result<int> ImportPublications(Database& db, int64_t agency_id, std::span<const Publication> items,
                               std::string_view actor) {
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return agency.status();
  std::set<std::string> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const Publication& p = items[i];
    std::string where = fmt::format("第 {} 条（“{}”）：", i + 1, p.title);
    if (Status s = CheckPublication(p); !s.ok()) return s.WithContext(where);
    if (!p.agency.empty() && p.agency != agency->name) {
      return Status::InvalidInput(where +
                                  fmt::format("字段 agency 为“{}”，不是导入的机关“{}”：请按机关"
                                              "拆分文件，或用 --agency 指定",
                                              p.agency, agency->name));
    }
    if (!p.index_no.empty() && !seen.insert(p.index_no).second) {
      return Status::InvalidInput(where + fmt::format("索引号 {} 在文件中重复", p.index_no));
    }
  }
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "导入主动公开信息", [&](soci::session& sql) -> Result<int> {
    auto ids = internal::InsertPublications(db, sql, agency_id, items, actor, now);
    if (!ids.ok()) return ids.status();
    return static_cast<int>(ids->size());
  });
}

Result<PublicationPage> ListPublications(Database& db, int64_t agency_id,
                                         const PublicationFilter& f) {
  return Run(db, "列出主动公开信息", [&](soci::session& sql) -> Result<PublicationPage> {
    long long agency = agency_id;
    std::string category = f.category.value_or(""), kind(f.kind ? Key(*f.kind) : ""),
                status(f.status ? Key(*f.status) : "");
    int any_category = !f.category, any_kind = !f.kind, any_status = !f.status;
    std::string from = f.year ? fmt::format("{:04}-01-01", *f.year) : "0000-01-01";
    std::string to = f.year ? fmt::format("{:04}-12-31", *f.year) : "9999-12-31";
    int any_published = !f.published, published = f.published.value_or(false),
        unpublished = !f.published.value_or(true);
    // The public bound as a literal (a formatted date): the planner then uses the index on
    // (agency_id, published_date) to page newest first.
    std::string until = f.published_until ? fmt::format(" AND published_date <= '{}'",
                                                        FormatDate(*f.published_until))
                                          : "";
    const std::string kWhere =
        "agency_id = :a AND (category = :cat OR :any_cat = 1) AND (kind = :kind OR :any_kind = 1) "
        "AND (status = :st OR :any_st = 1) AND created_date >= :from AND created_date <= :to AND "
        "(:any_pub = 1 OR (:pub = 1 AND published_date IS NOT NULL) OR (:unpub = 1 AND "
        "published_date IS NULL))" +
        until;
    const std::string_view order =
        f.newest_published_first ? "published_date DESC, id DESC" : "created_date, id";
    PublicationPage page;
    long long total = 0;
    sql << fmt::format("SELECT count(*) FROM publications WHERE {}", kWhere), soci::use(agency),
        soci::use(category), soci::use(any_category), soci::use(kind), soci::use(any_kind),
        soci::use(status), soci::use(any_status), soci::use(from), soci::use(to),
        soci::use(any_published), soci::use(published), soci::use(unpublished), soci::into(total);
    page.total = total;
    long long limit = f.limit > 0 ? f.limit : std::numeric_limits<int32_t>::max();
    long long offset = std::max(0, f.offset);
    RowBuffer r;
    auto prepared =
        (sql.prepare << fmt::format("SELECT {} FROM publications WHERE {} ORDER BY {} LIMIT :lim "
                                    "OFFSET :off",
                                    internal::kColumns, kWhere, order),
         soci::use(agency), soci::use(category), soci::use(any_category), soci::use(kind),
         soci::use(any_kind), soci::use(status), soci::use(any_status), soci::use(from),
         soci::use(to), soci::use(any_published), soci::use(published), soci::use(unpublished),
         soci::use(limit), soci::use(offset));
    soci::statement st = r.Bind(prepared);
    st.execute();
    while (st.fetch()) page.items.push_back(r.Take());
    return page;
  });
}

Result<PublicationFacetCounts> CountPublishedFacets(Database& db, int64_t agency_id,
                                                    Date published_until) {
  return Run(db, "统计已公开信息", [&](soci::session& sql) -> Result<PublicationFacetCounts> {
    long long agency = agency_id;
    std::string until = FormatDate(published_until);
    PublicationFacetCounts out;
    auto count_by = [&](std::string_view column, auto&& add) {
      std::string key;
      long long n = 0;
      soci::statement st = (sql.prepare << fmt::format(
                                "SELECT {0}, count(*) FROM publications WHERE agency_id = :a AND "
                                "published_date <= :u GROUP BY {0} ORDER BY {0}",
                                column),
                            soci::use(agency), soci::use(until), soci::into(key), soci::into(n));
      st.execute();
      while (st.fetch()) add(key, static_cast<int64_t>(n));
    };
    count_by("category", [&](const std::string& key, int64_t n) {
      out.categories.emplace_back(key, n);
      out.total += n;
    });
    count_by("kind", [&](const std::string& key, int64_t n) {
      out.kinds.emplace_back(PublicationKindFromKey(key).value_or(PublicationKind::kOther), n);
    });
    count_by("substr(created_date, 1, 4)",
             [&](const std::string& key, int64_t n) { out.years.emplace_back(std::stoi(key), n); });
    return out;
  });
}

Result<std::vector<StoredPublication>> AllPublications(Database& db, int64_t agency_id) {
  return Run(
      db, "读取主动公开登记簿", [&](soci::session& sql) -> Result<std::vector<StoredPublication>> {
        std::vector<StoredPublication> out = internal::SelectPublications(sql, agency_id, {});
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        std::map<long long, std::vector<AttachmentMeta>> attachments;
        {
          long long agency = agency_id, id = 0, size = 0;
          AttachmentMeta m;
          soci::statement st =
              (sql.prepare << "SELECT publication_id, name, media_type, size, sha256 FROM "
                              "publication_attachments WHERE agency_id = :a ORDER BY "
                              "publication_id, n",
               soci::use(agency), soci::into(id), soci::into(m.name), soci::into(m.media_type),
               soci::into(size), soci::into(m.sha256));
          st.execute();
          while (st.fetch()) {
            m.size = size;
            attachments[id].push_back(m);
          }
        }
        for (StoredPublication& s : out) {
          if (auto it = attachments.find(s.id); it != attachments.end()) {
            s.item.attachments = it->second;
          }
        }
        return out;
      });
}

Result<StoredPublication> GetPublication(Database& db, int64_t agency_id, int64_t id) {
  return Run(db, "读取主动公开信息", [&](soci::session& sql) -> Result<StoredPublication> {
    auto found = internal::SelectOne(sql, agency_id, "id", std::to_string(id));
    if (!found) return internal::NotFoundId(id);
    found->item.attachments = internal::SelectAttachmentMeta(sql, agency_id, id);
    return *found;
  });
}

Result<StoredPublication> GetPublicationByIndexNo(Database& db, int64_t agency_id,
                                                  std::string_view index_no) {
  return Run(db, "按索引号读取主动公开信息", [&](soci::session& sql) -> Result<StoredPublication> {
    auto found = internal::SelectOne(sql, agency_id, "index_no", std::string(index_no));
    if (!found) {
      return Status::NotFound(fmt::format("没有索引号为 {} 的主动公开信息", index_no));
    }
    found->item.attachments = internal::SelectAttachmentMeta(sql, agency_id, found->id);
    return *found;
  });
}

Result<AttachmentMeta> AddAttachment(Database& db, int64_t agency_id, int64_t id,
                                     const Attachment& a, std::string_view actor) {
  if (Trim(a.meta.name).empty()) return Status::InvalidInput("附件须有文件名");
  if (static_cast<int64_t>(a.bytes.size()) > kMaxAttachmentBytes) {
    return Status::InvalidInput(fmt::format("附件“{}”超过 {} MB：请压缩或拆分后再上传", a.meta.name,
                                            kMaxAttachmentBytes >> 20));
  }
  if (sodium_init() < 0) return Status::Internal("libsodium 初始化失败");
  AttachmentMeta meta = a.meta;
  meta.size = static_cast<int64_t>(a.bytes.size());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(a.bytes.data()),
                     a.bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  meta.sha256 = hex;
  std::string content(sodium_base64_ENCODED_LEN(a.bytes.size(), sodium_base64_VARIANT_ORIGINAL),
                      '\0');
  sodium_bin2base64(content.data(), content.size(),
                    reinterpret_cast<const unsigned char*>(a.bytes.data()), a.bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  content.pop_back();  // the terminating NUL
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "上传附件", [&](soci::session& sql) -> Result<AttachmentMeta> {
    long long agency = agency_id, row = id;
    auto item = internal::SelectOne(sql, agency, "id", std::to_string(id));
    if (!item) return internal::NotFoundId(id);
    int n = 0;
    sql << "SELECT COALESCE(MAX(n) + 1, 0) FROM publication_attachments WHERE agency_id = :a AND "
           "publication_id = :p",
        soci::use(agency), soci::use(row), soci::into(n);
    long long size = meta.size;
    sql << "INSERT INTO publication_attachments (agency_id, publication_id, n, name, media_type, "
           "size, sha256, content, extracted_text) VALUES (:a, :p, :n, :name, :type, :size, :sha, "
           ":c, :text)",
        soci::use(agency), soci::use(row), soci::use(n), soci::use(meta.name),
        soci::use(meta.media_type), soci::use(size), soci::use(meta.sha256), soci::use(content),
        soci::use(a.text);
    internal::RecordInLedger(db, sql, "publication_attachments", agency,
                             fmt::format("t.publication_id = {} AND t.n = {}", row, n));
    internal::AppendAttachmentsEvent(db, sql, agency, *item, actor, now);
    Status indexed = internal::IndexPublications(db, sql, db.search_pinyin(), agency, row, row);
    if (!indexed.ok()) return indexed;
    return meta;
  });
}

Status RemoveAttachment(Database& db, int64_t agency_id, int64_t id, int n,
                        std::string_view actor) {
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "删除附件", [&](soci::session& sql) -> Status {
    long long agency = agency_id, row = id;
    auto item = internal::SelectOne(sql, agency, "id", std::to_string(id));
    if (!item) return internal::NotFoundId(id);
    long long found = 0;
    sql << "SELECT count(*) FROM publication_attachments WHERE agency_id = :a AND "
           "publication_id = :p AND n = :n",
        soci::use(agency), soci::use(row), soci::use(n), soci::into(found);
    if (found == 0) return Status::NotFound(fmt::format("条目 {} 没有第 {} 个附件", id, n + 1));
    // The removed attachment and those after it leave their keys (附件 n+1, …); those after it
    // are recorded again under their new numbers.
    const std::string from_n = fmt::format("t.publication_id = {} AND t.n >= {}", row, n);
    internal::RecordRemovalInLedger(db, sql, "publication_attachments", agency, from_n);
    sql << "DELETE FROM publication_attachments WHERE agency_id = :a AND publication_id = :p AND "
           "n = :n",
        soci::use(agency), soci::use(row), soci::use(n);
    // Renumber in two steps: the key (agency, item, n) is checked row by row on both databases.
    sql << "UPDATE publication_attachments SET n = -n WHERE agency_id = :a AND publication_id = "
           ":p AND n > :n",
        soci::use(agency), soci::use(row), soci::use(n);
    sql << "UPDATE publication_attachments SET n = -n - 1 WHERE agency_id = :a AND "
           "publication_id = :p AND n < 0",
        soci::use(agency), soci::use(row);
    internal::RecordInLedger(db, sql, "publication_attachments", agency, from_n);
    internal::AppendAttachmentsEvent(db, sql, agency, *item, actor, now);
    return internal::IndexPublications(db, sql, db.search_pinyin(), agency, row, row);
  });
}

Result<Attachment> GetAttachment(Database& db, int64_t agency_id, int64_t id, int n) {
  return Run(db, "读取附件", [&](soci::session& sql) -> Result<Attachment> {
    long long agency = agency_id, row = id, size = 0;
    Attachment a;
    std::string content;
    sql << "SELECT name, media_type, size, sha256, content, extracted_text FROM "
           "publication_attachments WHERE agency_id = :a AND publication_id = :p AND n = :n",
        soci::use(agency), soci::use(row), soci::use(n), soci::into(a.meta.name),
        soci::into(a.meta.media_type), soci::into(size), soci::into(a.meta.sha256),
        soci::into(content), soci::into(a.text);
    if (!sql.got_data()) {
      return Status::NotFound(fmt::format("条目 {} 没有第 {} 个附件", id, n + 1));
    }
    a.meta.size = size;
    a.bytes.resize(content.size());
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(a.bytes.data()), a.bytes.size(),
                          content.data(), content.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
      return Status::Internal(fmt::format("附件“{}”的存储内容已损坏", a.meta.name));
    }
    a.bytes.resize(len);
    return a;
  });
}

Result<std::vector<PublicationEvent>> PublicationEvents(Database& db, int64_t agency_id) {
  return Run(
      db, "读取主动公开事件", [&](soci::session& sql) -> Result<std::vector<PublicationEvent>> {
        long long agency = agency_id, item = 0;
        PublicationEvent e;
        soci::statement st =
            (sql.prepare
                 << "SELECT seq, publication_id, type, actor, recorded_at, payload, prev_hash, "
                    "hash FROM publication_events WHERE agency_id = :a ORDER BY seq",
             soci::use(agency), soci::into(e.seq), soci::into(item), soci::into(e.type),
             soci::into(e.actor), soci::into(e.recorded_at), soci::into(e.payload),
             soci::into(e.prev_hash), soci::into(e.hash));
        st.execute();
        std::vector<PublicationEvent> out;
        while (st.fetch()) {
          e.item_id = item;
          out.push_back(e);
        }
        return out;
      });
}

Result<std::optional<int>> VerifyPublicationChain(Database& db, int64_t agency_id) {
  auto events = PublicationEvents(db, agency_id);
  if (!events.ok()) return events.status();
  std::string prev;
  int expected = 0;
  for (const PublicationEvent& e : *events) {
    if (e.seq != ++expected || e.prev_hash != prev || e.hash != EventHash(prev, e.payload)) {
      return std::optional<int>(e.seq);
    }
    prev = e.hash;
  }
  return std::optional<int>();
}

Result<PublicationYearStats> PublicationStats(Database& db, Calendars& calendars, int64_t agency_id,
                                              int year) {
  auto ctx = internal::LoadAgencyContext(db, calendars, agency_id);
  if (!ctx.ok()) return ctx.status();
  auto stored = AllPublications(db, agency_id);
  if (!stored.ok()) return stored.status();
  std::vector<Publication> items;
  for (StoredPublication& s : *stored) items.push_back(std::move(s.item));
  PublicationYearStats out;
  out.year = year;
  for (const Publication& p : items) {
    if (static_cast<int>(p.created.year()) == year) ++out.created;
    if (p.published && static_cast<int>(p.published->year()) == year) ++out.published;
  }
  auto late = CountLatePublications(items, year, *ctx->calendar, ctx->settings.deadlines);
  if (!late.ok()) return late.status();
  out.late = *late;
  out.table_two = CountTableTwo(items, year);
  return out;
}

Result<DueList> PublicationsDue(Database& db, Calendars& calendars, int64_t agency_id, Date as_of,
                                std::vector<StoredPublication>* items) {
  auto ctx = internal::LoadAgencyContext(db, calendars, agency_id);
  if (!ctx.ok()) return ctx.status();
  PublicationFilter unpublished;
  unpublished.published = false;
  unpublished.limit = 0;
  auto page = ListPublications(db, agency_id, unpublished);
  if (!page.ok()) return page.status();
  *items = std::move(page->items);
  std::vector<Publication> plain;
  for (const StoredPublication& s : *items) plain.push_back(s.item);
  return ListDue(plain, *ctx->calendar, ctx->settings.deadlines, as_of);
}

Result<std::vector<RepeatedRequest>> RepeatedRequests(Database& db, int64_t agency_id,
                                                      int min_cases) {
  return Run(
      db, "统计重复申请的信息", [&](soci::session& sql) -> Result<std::vector<RepeatedRequest>> {
        long long agency = agency_id;
        std::string number, items;
        soci::statement st = (sql.prepare << "SELECT number, items FROM cases WHERE agency_id = :a "
                                             "ORDER BY received_date, id",
                              soci::use(agency), soci::into(number), soci::into(items));
        st.execute();
        std::map<std::string, RepeatedRequest> groups;
        while (st.fetch()) {
          nlohmann::json list = nlohmann::json::parse(items, nullptr, false);
          if (!list.is_array()) continue;
          for (const auto& entry : list) {
            if (!entry.is_string()) continue;
            const std::string text = entry.get<std::string>();
            std::string key = RemoveWhitespace(NormalizeNfkc(FoldWidth(text)));
            if (key.empty()) continue;
            RepeatedRequest& g = groups[key];
            if (g.text.empty()) g.text = text;
            if (g.case_numbers.empty() || g.case_numbers.back() != number) {
              g.case_numbers.push_back(number);
            }
          }
        }
        std::vector<RepeatedRequest> out;
        for (auto& [key, g] : groups) {
          if (static_cast<int>(g.case_numbers.size()) >= min_cases) out.push_back(std::move(g));
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
          if (a.case_numbers.size() != b.case_numbers.size()) {
            return a.case_numbers.size() > b.case_numbers.size();
          }
          return a.text < b.text;
        });
        return out;
      });
}

}  // namespace gongkai
