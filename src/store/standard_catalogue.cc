#include "store/standard_catalogue.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "store/agencies.h"
#include "store/audit.h"
#include "store/ledger_rows.h"
#include "store/publication_rows.h"
#include "store/sql.h"

namespace gongkai {
namespace internal {
namespace {

constexpr std::string_view kLocalPrefix = "local.";
// At most this many items are named in one refusal; the count of the rest follows.
constexpr std::size_t kMaxListedItems = 20;

std::set<std::string> CatalogueNumbers(soci::session& sql, long long agency) {
  std::set<std::string> out;
  std::string number;
  soci::statement st = (sql.prepare << "SELECT number FROM standard_catalogue_rows WHERE "
                                       "agency_id = :a",
                        soci::use(agency), soci::into(number));
  st.execute();
  while (st.fetch()) out.insert(number);
  return out;
}

std::string ListedLines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < kMaxListedItems; ++i) out += "\n" + lines[i];
  if (lines.size() > kMaxListedItems) {
    out += fmt::format("\n……另有 {} 条未列出", lines.size() - kMaxListedItems);
  }
  return out;
}

}  // namespace

Status CheckStandardCategories(soci::session& sql, long long agency_id,
                               std::span<const Publication> items) {
  bool any_local = false;
  for (const Publication& p : items) any_local = any_local || p.category.starts_with(kLocalPrefix);
  if (!any_local) return Status::Ok();
  std::set<std::string> numbers = CatalogueNumbers(sql, agency_id);
  if (numbers.empty()) return Status::Ok();
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Publication& p = items[i];
    if (!p.category.starts_with(kLocalPrefix)) continue;
    if (numbers.contains(p.category.substr(kLocalPrefix.size()))) continue;
    problems.push_back(fmt::format("{}“{}”：主题分类 {} 不是本机关基层政务公开标准目录中的事项",
                                   items.size() > 1 ? fmt::format("第 {} 条", i + 1) : "", p.title,
                                   p.category));
  }
  if (problems.empty()) return Status::Ok();
  return Status::InvalidInput(fmt::format(
      "{} 条信息的主题分类不在基层政务公开标准目录中（目录共 {} 项，编码为 local.<序号>，"
      "见“基层标准目录”页或 `gongkai publications standard list`）：{}",
      problems.size(), numbers.size(), ListedLines(problems)));
}

}  // namespace internal

namespace {

struct RowBuffer {
  StandardCatalogueRow row;
  std::string flags;

  soci::details::prepare_temp_type& Bind(soci::details::prepare_temp_type& p) {
    return p, soci::into(row.number), soci::into(row.topic), soci::into(row.subtopic),
           soci::into(row.content), soci::into(row.basis), soci::into(row.time_limit),
           soci::into(row.subject), soci::into(row.channels), soci::into(flags),
           soci::into(row.note);
  }
  StandardCatalogueRow Take() const {
    StandardCatalogueRow out = row;
    out.flags = StandardFlagsFromKeys(flags);
    return out;
  }
};

std::vector<StandardCatalogueRow> SelectRows(soci::session& sql, long long agency) {
  RowBuffer r;
  auto prepared =
      (sql.prepare << "SELECT number, topic, subtopic, content, basis, time_limit, subject, "
                      "channels, flags, note FROM standard_catalogue_rows WHERE agency_id = :a "
                      "ORDER BY position",
       soci::use(agency));
  soci::statement st = r.Bind(prepared);
  st.execute();
  std::vector<StandardCatalogueRow> out;
  while (st.fetch()) out.push_back(r.Take());
  return out;
}

}  // namespace

Result<int> ImportStandardCatalogue(Database& db, int64_t agency_id,
                                    std::span<const StandardCatalogueRow> rows,
                                    std::string_view source, std::string_view actor) {
  if (rows.empty()) return Status::InvalidInput("基层政务公开标准目录没有任何事项，未导入");
  std::set<std::string> numbers;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const StandardCatalogueRow& r = rows[i];
    if (r.number.empty() || r.topic.empty()) {
      return Status::InvalidInput(fmt::format("第 {} 项：序号和一级事项必填", i + 1));
    }
    if (!numbers.insert(r.number).second) {
      return Status::InvalidInput(fmt::format("第 {} 项：序号“{}”重复", i + 1, r.number));
    }
  }
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return agency.status();
  nlohmann::ordered_json payload;
  payload["type"] = "import";
  payload["source"] = source;
  payload["rows"] = nlohmann::ordered_json::array();
  for (const StandardCatalogueRow& r : rows) payload["rows"].push_back(StandardRowJson(r));
  const std::string body = payload.dump();
  const std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "导入基层政务公开标准目录", [&](soci::session& sql) -> Result<int> {
    long long a = agency_id;
    // Items whose `local.` category the new catalogue lacks.
    std::vector<std::string> orphans;
    {
      long long id = 0;
      std::string title, category;
      soci::statement st =
          (sql.prepare << "SELECT id, title, category FROM publications WHERE agency_id = :a AND "
                          "category LIKE 'local.%' ORDER BY id",
           soci::use(a), soci::into(id), soci::into(title), soci::into(category));
      st.execute();
      while (st.fetch()) {
        if (!numbers.contains(category.substr(6))) {
          orphans.push_back(fmt::format("编号 {}“{}”：{}", id, title, category));
        }
      }
    }
    if (!orphans.empty()) {
      return Status::Conflict(fmt::format(
          "{} 条已登记信息的主题分类不在新目录中，目录未导入：请在新目录中保留这些序号，或先修改"
          "这些信息的主题分类：{}",
          orphans.size(), internal::ListedLines(orphans)));
    }
    internal::RecordRemovalInLedger(db, sql, "standard_catalogue_rows", a, "");
    sql << "DELETE FROM standard_catalogue_rows WHERE agency_id = :a", soci::use(a);
    std::vector<long long> agencies(rows.size(), a);
    std::vector<int> positions;
    std::vector<std::string> number, topic, subtopic, content, basis, time_limit, subject, channels,
        flags, note;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const StandardCatalogueRow& r = rows[i];
      positions.push_back(static_cast<int>(i));
      number.push_back(r.number);
      topic.push_back(r.topic);
      subtopic.push_back(r.subtopic);
      content.push_back(r.content);
      basis.push_back(r.basis);
      time_limit.push_back(r.time_limit);
      subject.push_back(r.subject);
      channels.push_back(r.channels);
      flags.push_back(StandardFlagKeys(r.flags));
      note.push_back(r.note);
    }
    sql << "INSERT INTO standard_catalogue_rows (agency_id, number, position, topic, subtopic, "
           "content, basis, time_limit, subject, channels, flags, note) VALUES (:a, :n, :p, :t, "
           ":st, :c, :b, :tl, :s, :ch, :f, :no)",
        soci::use(agencies), soci::use(number), soci::use(positions), soci::use(topic),
        soci::use(subtopic), soci::use(content), soci::use(basis), soci::use(time_limit),
        soci::use(subject), soci::use(channels), soci::use(flags), soci::use(note);
    int seq = 0;
    std::string prev;
    sql << "SELECT seq, hash FROM standard_catalogue_events WHERE agency_id = :a ORDER BY seq "
           "DESC LIMIT 1",
        soci::use(a), soci::into(seq), soci::into(prev);
    if (!sql.got_data()) {
      seq = 0;
      prev.clear();
    }
    ++seq;
    std::string hash = EventHash(prev, body), type = "import", who(actor);
    sql << "INSERT INTO standard_catalogue_events (agency_id, seq, type, actor, recorded_at, "
           "payload, prev_hash, hash) VALUES (:a, :s, :t, :actor, :at, :pl, :prev, :h)",
        soci::use(a), soci::use(seq), soci::use(type), soci::use(who), soci::use(now),
        soci::use(body), soci::use(prev), soci::use(hash);
    internal::RecordInLedger(db, sql, "standard_catalogue_rows", a, "");
    internal::RecordInLedger(db, sql, "standard_catalogue_events", a,
                             fmt::format("t.seq = {}", seq));
    sql << "UPDATE agencies SET register_version = register_version + 1 WHERE id = :a",
        soci::use(a);
    return static_cast<int>(rows.size());
  });
}

Result<std::vector<StandardCatalogueRow>> GetStandardCatalogue(Database& db, int64_t agency_id) {
  return Run(db, "读取基层政务公开标准目录",
             [&](soci::session& sql) -> Result<std::vector<StandardCatalogueRow>> {
               return SelectRows(sql, agency_id);
             });
}

Result<std::vector<StandardRowUse>> StandardCatalogueUse(Database& db, int64_t agency_id,
                                                         Date today) {
  return Run(db, "统计基层政务公开标准目录的信息",
             [&](soci::session& sql) -> Result<std::vector<StandardRowUse>> {
               long long agency = agency_id;
               std::vector<StandardRowUse> out;
               for (StandardCatalogueRow& r : SelectRows(sql, agency)) {
                 out.push_back(StandardRowUse{std::move(r), 0, 0});
               }
               std::map<std::string, std::pair<long long, long long>> counts;
               std::string category, day = FormatDate(today);
               long long items = 0, published = 0;
               soci::statement st =
                   (sql.prepare << "SELECT category, count(*), COALESCE(SUM(CASE WHEN "
                                   "published_date IS NOT NULL AND published_date <= :d THEN 1 "
                                   "ELSE 0 END), 0) FROM publications WHERE agency_id = :a AND "
                                   "category LIKE 'local.%' GROUP BY category",
                    soci::use(day), soci::use(agency), soci::into(category), soci::into(items),
                    soci::into(published));
               st.execute();
               while (st.fetch()) counts[category] = {items, published};
               for (StandardRowUse& u : out) {
                 if (auto it = counts.find(StandardRowKey(u.row)); it != counts.end()) {
                   u.items = it->second.first;
                   u.published = it->second.second;
                 }
               }
               return out;
             });
}

Result<std::vector<StandardCatalogueEvent>> StandardCatalogueEvents(Database& db,
                                                                    int64_t agency_id) {
  return Run(db, "读取基层政务公开标准目录的导入记录",
             [&](soci::session& sql) -> Result<std::vector<StandardCatalogueEvent>> {
               long long agency = agency_id;
               StandardCatalogueEvent e;
               soci::statement st =
                   (sql.prepare << "SELECT seq, type, actor, recorded_at, payload, prev_hash, "
                                   "hash FROM standard_catalogue_events WHERE agency_id = :a "
                                   "ORDER BY seq",
                    soci::use(agency), soci::into(e.seq), soci::into(e.type), soci::into(e.actor),
                    soci::into(e.recorded_at), soci::into(e.payload), soci::into(e.prev_hash),
                    soci::into(e.hash));
               st.execute();
               std::vector<StandardCatalogueEvent> out;
               while (st.fetch()) out.push_back(e);
               return out;
             });
}

Result<std::optional<int>> VerifyStandardCatalogueChain(Database& db, int64_t agency_id) {
  auto events = StandardCatalogueEvents(db, agency_id);
  if (!events.ok()) return events.status();
  std::string prev;
  int expected = 0;
  for (const StandardCatalogueEvent& e : *events) {
    if (e.seq != ++expected || e.prev_hash != prev || e.hash != EventHash(prev, e.payload)) {
      return std::optional<int>(e.seq);
    }
    prev = e.hash;
  }
  return std::optional<int>();
}

}  // namespace gongkai
