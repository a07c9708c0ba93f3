#include "store/intermediaries.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "services/intermediary_jsonl.h"
#include "store/agencies.h"
#include "store/ledger_rows.h"
#include "store/permissions.h"
#include "store/service_rows.h"
#include "store/services.h"
#include "store/sql.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

struct Version {
  long long seq = 0;
  DirectoryEntry entry;
};

// Stored versions by seq; `current_only` limits them to the newest of each key.
Result<std::vector<Version>> LoadVersions(soci::session& sql, long long agency, bool current_only,
                                          const std::string& target = "",
                                          const std::string& key = "") {
  long long seq = 0;
  std::string json;
  int any = key.empty() ? 1 : 0;
  std::string join = current_only ? " JOIN intermediary_entries c ON c.agency_id = v.agency_id AND "
                                    "c.version_seq = v.seq"
                                  : "";
  soci::statement st =
      (sql.prepare << "SELECT v.seq, v.entry FROM intermediary_versions v" + join +
                          " WHERE v.agency_id = :a AND ((v.target = :t AND v.entry_key = :k) OR "
                          ":any = 1) ORDER BY v.seq",
       soci::use(agency), soci::use(target), soci::use(key), soci::use(any), soci::into(seq),
       soci::into(json));
  st.execute();
  std::vector<Version> out;
  while (st.fetch()) {
    auto entry = ParseDirectoryLine(json);
    if (!entry.ok()) {
      return Status::Internal(
          fmt::format("中介服务版本 #{} 无法读取：{}", seq, entry.status().message()));
    }
    out.push_back({seq, std::move(*entry)});
  }
  return out;
}

Result<std::optional<DirectoryEntry>> LoadCurrent(soci::session& sql, long long agency,
                                                  DirectoryKind target, const std::string& key) {
  auto versions = LoadVersions(sql, agency, true, std::string(Key(target)), key);
  if (!versions.ok()) return versions.status();
  if (versions->empty()) return std::optional<DirectoryEntry>();
  return std::optional<DirectoryEntry>(std::move(versions->back().entry));
}

// Services first, then institutions, each by key.
void SortForExport(std::vector<DirectoryEntry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const DirectoryEntry& a, const DirectoryEntry& b) {
    return std::make_pair(KindOf(a), std::cref(KeyOf(a))) <
           std::make_pair(KindOf(b), std::cref(KeyOf(b)));
  });
}

// Stores `entries` (each with `effective` set) as new versions and makes each the newest of its
// key, recorded in the ledger. REQUIRES: an open transaction.
void StoreVersions(Database& db, soci::session& sql, long long agency,
                   std::span<const DirectoryEntry> entries, long long change_id,
                   const std::string& actor, const std::string& now) {
  if (entries.empty()) return;
  long long last = 0;
  soci::indicator none = soci::i_ok;
  sql << "SELECT MAX(seq) FROM intermediary_versions WHERE agency_id = :a", soci::use(agency),
      soci::into(last, none);
  if (none != soci::i_ok) last = 0;
  std::vector<long long> agencies, seqs;
  std::vector<std::string> targets, keys, effectives, lines, names, by, at;
  std::vector<int> versions, withdrawn;
  long long seq = last;
  for (const DirectoryEntry& e : entries) {
    agencies.push_back(agency);
    seqs.push_back(++seq);
    targets.emplace_back(Key(KindOf(e)));
    keys.push_back(KeyOf(e));
    versions.push_back(VersionOf(e));
    effectives.push_back(FormatDate(*EffectiveOf(e)));
    lines.push_back(DirectoryEntryToJsonLine(e));
    names.push_back(NameOf(e));
    withdrawn.push_back(Withdrawn(e) ? 1 : 0);
    by.push_back(actor);
    at.push_back(now);
  }
  std::string change = change_id > 0 ? std::to_string(change_id) : "NULL";
  sql << "INSERT INTO intermediary_versions (agency_id, seq, target, entry_key, version, "
         "effective, entry, change_id, recorded_by, recorded_at) VALUES (:a, :s, :t, :k, :v, :e, "
         ":j, " +
             change + ", :by, :at)",
      soci::use(agencies), soci::use(seqs), soci::use(targets), soci::use(keys),
      soci::use(versions), soci::use(effectives), soci::use(lines), soci::use(by), soci::use(at);
  sql << "DELETE FROM intermediary_entries WHERE agency_id = :a AND target = :t AND entry_key = :k",
      soci::use(agencies), soci::use(targets), soci::use(keys);
  sql << "INSERT INTO intermediary_entries (agency_id, target, entry_key, version_seq, name, "
         "withdrawn) VALUES (:a, :t, :k, :s, :n, :w)",
      soci::use(agencies), soci::use(targets), soci::use(keys), soci::use(seqs), soci::use(names),
      soci::use(withdrawn);
  internal::RecordInLedger(db, sql, "intermediary_versions", agency,
                           fmt::format("t.seq BETWEEN {} AND {}", last + 1, seq));
  internal::RecordInLedger(db, sql, "intermediary_entries", agency,
                           fmt::format("t.version_seq BETWEEN {} AND {}", last + 1, seq));
}

}  // namespace

Result<DirectoryImportResult> ImportDirectory(Database& db, int64_t agency_id,
                                              std::span<const DirectoryEntry> entries, Date today,
                                              std::string_view actor) {
  if (auto agency = GetAgency(db, agency_id); !agency.ok()) return agency.status();
  const std::string now = FormatUtc(db.Now());
  return RunInTransaction(
      db, "导入中介服务事项清单和中介机构名录",
      [&](soci::session& sql) -> Result<DirectoryImportResult> {
        auto current = LoadVersions(sql, agency_id, true);
        if (!current.ok()) return current.status();
        std::map<std::pair<DirectoryKind, std::string>, const DirectoryEntry*> existing;
        for (const Version& v : *current) {
          existing.emplace(std::make_pair(KindOf(v.entry), KeyOf(v.entry)), &v.entry);
        }
        DirectoryImportResult result;
        std::vector<DirectoryEntry> fresh;
        std::set<std::pair<DirectoryKind, std::string>> in_file;
        for (std::size_t n = 0; n < entries.size(); ++n) {
          const DirectoryEntry& entry = entries[n];
          const auto key = std::make_pair(KindOf(entry), KeyOf(entry));
          const std::string where =
              fmt::format("第 {} 条（{} {}）：", n + 1, Label(key.first), key.second);
          if (Status s = CheckDirectoryEntry(entry); !s.ok()) return s.WithContext(where);
          if (!in_file.insert(key).second) return Status::InvalidInput(where + "在文件中重复");
          DirectoryEntry stored = entry;
          if (!EffectiveOf(stored)) SetVersion(stored, VersionOf(stored), today);
          if (auto it = existing.find(key); it != existing.end()) {
            DirectoryEntry same = stored;
            SetVersion(same, VersionOf(*it->second), *EffectiveOf(*it->second));
            if (DirectoryEntryToJsonLine(same) != DirectoryEntryToJsonLine(*it->second)) {
              return Status::Conflict(where +
                                      "已在清单中且内容不同：请用“变更”调整，或从文件中去掉此行");
            }
            ++result.unchanged;
            continue;
          }
          fresh.push_back(std::move(stored));
        }
        StoreVersions(db, sql, agency_id, fresh, 0, std::string(actor), now);
        result.added = static_cast<int>(fresh.size());
        return result;
      });
}

Result<std::vector<DirectoryEntry>> CurrentDirectory(Database& db, int64_t agency_id,
                                                     std::optional<DirectoryKind> kind) {
  auto versions = Run(db, "读取中介服务事项清单",
                      [&](soci::session& sql) { return LoadVersions(sql, agency_id, true); });
  if (!versions.ok()) return versions.status();
  std::vector<DirectoryEntry> out;
  for (Version& v : *versions) {
    if (!kind || KindOf(v.entry) == *kind) out.push_back(std::move(v.entry));
  }
  SortForExport(out);
  return out;
}

Result<std::vector<DirectoryEntry>> DirectoryAt(Database& db, int64_t agency_id, Date date,
                                                std::optional<DirectoryKind> kind) {
  auto versions = Run(db, "读取中介服务事项清单",
                      [&](soci::session& sql) { return LoadVersions(sql, agency_id, false); });
  if (!versions.ok()) return versions.status();
  std::map<std::pair<DirectoryKind, std::string>, std::vector<DirectoryEntry>> by_key;
  for (Version& v : *versions) {
    if (kind && KindOf(v.entry) != *kind) continue;
    by_key[{KindOf(v.entry), KeyOf(v.entry)}].push_back(std::move(v.entry));
  }
  std::vector<DirectoryEntry> out;
  for (const auto& [key, list] : by_key) {
    const DirectoryEntry* v =
        LatestInForce(std::span<const DirectoryEntry>(list), date, EffectiveOf, VersionOf);
    if (v != nullptr) out.push_back(*v);
  }
  SortForExport(out);
  return out;
}

Result<IntermediaryLists> IntermediaryListsAt(Database& db, int64_t agency_id, Date date) {
  auto entries = DirectoryAt(db, agency_id, date, std::nullopt);
  if (!entries.ok()) return entries.status();
  IntermediaryLists lists;
  for (DirectoryEntry& e : *entries) {
    if (auto* s = std::get_if<IntermediaryService>(&e)) {
      if (s->status == IntermediaryStatus::kInUse) lists.services.push_back(std::move(*s));
    } else if (InDirectoryOn(std::get<Institution>(e), date)) {
      lists.institutions.push_back(std::move(std::get<Institution>(e)));
    }
  }
  std::stable_sort(lists.services.begin(), lists.services.end(),
                   [](const IntermediaryService& a, const IntermediaryService& b) {
                     return std::tie(a.department, a.code) < std::tie(b.department, b.code);
                   });
  std::stable_sort(lists.institutions.begin(), lists.institutions.end(),
                   [](const Institution& a, const Institution& b) { return a.name < b.name; });
  return lists;
}

Result<std::vector<IntermediaryService>> IntermediariesForItem(Database& db, int64_t agency_id,
                                                               std::string_view item_code,
                                                               Date date) {
  auto lists = IntermediaryListsAt(db, agency_id, date);
  if (!lists.ok()) return lists.status();
  std::vector<IntermediaryService> out;
  for (IntermediaryService& s : lists->services) {
    if (std::find(s.items.begin(), s.items.end(), item_code) != s.items.end()) {
      out.push_back(std::move(s));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return out;
}

Result<std::vector<IntermediaryFinding>> CheckIntermediaryLists(Database& db, int64_t agency_id,
                                                                Date date) {
  auto entries = DirectoryAt(db, agency_id, date, std::nullopt);
  if (!entries.ok()) return entries.status();
  auto catalogue = ServiceItemsAt(db, agency_id, date);
  if (!catalogue.ok()) return catalogue.status();
  std::vector<IntermediaryService> services;
  std::vector<Institution> institutions;
  for (DirectoryEntry& e : *entries) {
    if (auto* s = std::get_if<IntermediaryService>(&e)) {
      services.push_back(std::move(*s));
    } else {
      institutions.push_back(std::move(std::get<Institution>(e)));
    }
  }
  return CheckIntermediaries(services, institutions, *catalogue, date);
}

// ---- Changes ----------------------------------------------------------------------------

namespace {

std::string DiffText(const std::vector<FieldChange>& diff) {
  Json out = Json::array();
  for (const FieldChange& c : diff) {
    out.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
  }
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<FieldChange> ParseDiff(const std::string& text) {
  std::vector<FieldChange> out;
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const Json& c : j) {
    out.push_back({c.value("field", ""), c.value("before", ""), c.value("after", "")});
  }
  return out;
}

std::string LineOrEmpty(const std::optional<DirectoryEntry>& e) {
  return e ? DirectoryEntryToJsonLine(*e) : std::string();
}

Result<std::vector<StoredDirectoryChange>> SelectChanges(soci::session& sql, long long agency,
                                                         long long only_id) {
  long long id = 0;
  int version = 0;
  std::string target, key, kind, reason, basis, effective, request, state, before, after, diff,
      drafted_by, drafted_at, approved_by, approved_at, published_by, published_at, closed_by,
      closed_at, close_note;
  soci::indicator request_ind = soci::i_ok, before_ind = soci::i_ok;
  int any = only_id == 0 ? 1 : 0;
  soci::statement st =
      (sql.prepare << "SELECT id, target, entry_key, kind, reason, basis, effective, "
                      "request_entry, state, before_entry, after_entry, diff, drafted_by, "
                      "drafted_at, approved_by, approved_at, published_by, published_at, "
                      "closed_by, closed_at, close_note, version FROM intermediary_changes WHERE "
                      "agency_id = :a AND (id = :id OR :any = 1) ORDER BY id",
       soci::use(agency), soci::use(only_id), soci::use(any), soci::into(id), soci::into(target),
       soci::into(key), soci::into(kind), soci::into(reason), soci::into(basis),
       soci::into(effective), soci::into(request, request_ind), soci::into(state),
       soci::into(before, before_ind), soci::into(after), soci::into(diff), soci::into(drafted_by),
       soci::into(drafted_at), soci::into(approved_by), soci::into(approved_at),
       soci::into(published_by), soci::into(published_at), soci::into(closed_by),
       soci::into(closed_at), soci::into(close_note), soci::into(version));
  st.execute();
  std::vector<StoredDirectoryChange> out;
  auto entry = [&](const std::string& json, soci::indicator ind,
                   std::optional<DirectoryEntry>& into) -> Status {
    if (ind != soci::i_ok || json.empty()) return Status::Ok();
    auto parsed = ParseDirectoryLine(json);
    if (!parsed.ok()) {
      return Status::Internal(
          fmt::format("中介服务调整 #{} 的条目无法读取：{}", id, parsed.status().message()));
    }
    into = std::move(*parsed);
    return Status::Ok();
  };
  while (st.fetch()) {
    StoredDirectoryChange c;
    c.id = id;
    auto t = DirectoryKindFromText(target);
    auto k = ChangeKindFromText(kind);
    auto s = ChangeStateFromText(state);
    auto e = ParseDate(effective);
    if (!t || !k || !s || !e.ok()) {
      return Status::Internal(fmt::format("中介服务调整 #{} 的记录损坏", id));
    }
    c.request = {*k, *t, key, reason, basis, *e, std::nullopt};
    c.state = *s;
    if (Status r = entry(request, request_ind, c.request.entry); !r.ok()) return r;
    if (Status r = entry(before, before_ind, c.before); !r.ok()) return r;
    if (Status r = entry(after, soci::i_ok, c.after); !r.ok()) return r;
    c.diff = ParseDiff(diff);
    c.drafted_by = drafted_by;
    c.drafted_at = drafted_at;
    c.approved_by = approved_by;
    c.approved_at = approved_at;
    c.published_by = published_by;
    c.published_at = published_at;
    c.closed_by = closed_by;
    c.closed_at = closed_at;
    c.close_note = close_note;
    c.version = version;
    out.push_back(std::move(c));
  }
  return out;
}

Result<StoredDirectoryChange> SelectChange(soci::session& sql, long long agency, int64_t id) {
  auto found = SelectChanges(sql, agency, id);
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::NotFound(fmt::format("没有编号为 #{} 的中介服务调整", id));
  return std::move(found->front());
}

// What the request makes of the newest version now.
Result<DirectoryEntry> Next(soci::session& sql, long long agency,
                            const DirectoryChangeRequest& request,
                            std::optional<DirectoryEntry>* current) {
  auto loaded = LoadCurrent(sql, agency, request.target, request.key);
  if (!loaded.ok()) return loaded.status();
  *current = std::move(*loaded);
  return ApplyDirectoryChange(*current, request);
}

Status Step(Database& db, int64_t agency_id, int64_t id, const User& user, Action action,
            ChangeState to, const std::string& note, std::string_view what) {
  if (Status s = internal::MayActOnServices(db, user, agency_id, action); !s.ok()) return s;
  const std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, what, [&](soci::session& sql) -> Status {
    auto change = SelectChange(sql, agency_id, id);
    if (!change.ok()) return change.status();
    if (change->state != ChangeState::kDraft) {
      return Status::Conflict(fmt::format("中介服务调整 #{} 的状态是{}，只有草稿可以{}", id,
                                          Label(change->state), Label(action)));
    }
    long long agency = agency_id, row = id;
    std::string state(Key(to)), name = user.name, n = note;
    if (to == ChangeState::kApproved) {
      sql << "UPDATE intermediary_changes SET state = :st, approved_by = :by, approved_at = :at "
             "WHERE agency_id = :a AND id = :id",
          soci::use(state), soci::use(name), soci::use(now), soci::use(agency), soci::use(row);
    } else {
      sql << "UPDATE intermediary_changes SET state = :st, closed_by = :by, closed_at = :at, "
             "close_note = :note WHERE agency_id = :a AND id = :id",
          soci::use(state), soci::use(name), soci::use(now), soci::use(n), soci::use(agency),
          soci::use(row);
    }
    internal::RecordInLedger(db, sql, "intermediary_changes", agency, fmt::format("t.id = {}", id));
    return Status::Ok();
  });
}

}  // namespace

Result<int64_t> DraftDirectoryChange(Database& db, int64_t agency_id,
                                     const DirectoryChangeRequest& request, const User& user) {
  if (Status s = internal::MayActOnServices(db, user, agency_id, Action::kDraftServiceChange);
      !s.ok()) {
    return s;
  }
  if (Status s = CheckDirectoryChangeRequest(request); !s.ok()) return s;
  const std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "起草中介服务调整", [&](soci::session& sql) -> Result<int64_t> {
    std::optional<DirectoryEntry> current;
    auto next = Next(sql, agency_id, request, &current);
    if (!next.ok()) return next.status();
    long long agency = agency_id, last = 0;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT MAX(id) FROM intermediary_changes WHERE agency_id = :a", soci::use(agency),
        soci::into(last, ind);
    long long id = (ind == soci::i_ok ? last : 0) + 1;
    std::string target(Key(request.target)), kind(Key(request.kind)),
        state(Key(ChangeState::kDraft)),
        effective = FormatDate(request.effective), req = LineOrEmpty(request.entry),
        before = LineOrEmpty(current), after = DirectoryEntryToJsonLine(*next),
        diff = DiffText(DiffJsonLines(before, after)), name = user.name;
    soci::indicator req_ind = request.entry ? soci::i_ok : soci::i_null;
    soci::indicator before_ind = current ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO intermediary_changes (agency_id, id, target, entry_key, kind, reason, "
           "basis, effective, request_entry, state, before_entry, after_entry, diff, drafted_by, "
           "drafted_at) VALUES (:a, :id, :t, :k, :kind, :reason, :basis, :eff, :req, :st, "
           ":before, :after, :diff, :by, :at)",
        soci::use(agency), soci::use(id), soci::use(target), soci::use(request.key),
        soci::use(kind), soci::use(request.reason), soci::use(request.basis), soci::use(effective),
        soci::use(req, req_ind), soci::use(state), soci::use(before, before_ind), soci::use(after),
        soci::use(diff), soci::use(name), soci::use(now);
    internal::RecordInLedger(db, sql, "intermediary_changes", agency, fmt::format("t.id = {}", id));
    return static_cast<int64_t>(id);
  });
}

Status ApproveDirectoryChange(Database& db, int64_t agency_id, int64_t id, const User& user) {
  return Step(db, agency_id, id, user, Action::kApproveServiceChange, ChangeState::kApproved, "",
              "批准中介服务调整");
}

Status RejectDirectoryChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                             const User& user) {
  return Step(db, agency_id, id, user, Action::kApproveServiceChange, ChangeState::kRejected, note,
              "驳回中介服务调整");
}

Status WithdrawDirectoryChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                               const User& user) {
  return Step(db, agency_id, id, user, Action::kDraftServiceChange, ChangeState::kWithdrawn, note,
              "撤回中介服务调整");
}

Result<StoredDirectoryChange> PublishDirectoryChange(Database& db, int64_t agency_id, int64_t id,
                                                     const User& user) {
  if (Status s = internal::MayActOnServices(db, user, agency_id, Action::kPublishServiceChange);
      !s.ok()) {
    return s;
  }
  const std::string now = FormatUtc(db.Now());
  Status published = RunInTransaction(db, "发布中介服务调整", [&](soci::session& sql) -> Status {
    auto change = SelectChange(sql, agency_id, id);
    if (!change.ok()) return change.status();
    if (change->state != ChangeState::kApproved) {
      return Status::Conflict(fmt::format("中介服务调整 #{} 的状态是{}，须经负责人批准后才能发布",
                                          id, Label(change->state)));
    }
    std::optional<DirectoryEntry> current;
    auto next = Next(sql, agency_id, change->request, &current);
    if (!next.ok()) return next.status().WithContext(fmt::format("调整 #{} 已不能发布：", id));
    StoreVersions(db, sql, agency_id, {&*next, 1}, id, user.name, now);
    long long agency = agency_id, row = id;
    int version = VersionOf(*next);
    std::string state(Key(ChangeState::kPublished)),
        before = LineOrEmpty(current), after = DirectoryEntryToJsonLine(*next),
        diff = DiffText(DiffJsonLines(before, after)), name = user.name;
    soci::indicator before_ind = current ? soci::i_ok : soci::i_null;
    sql << "UPDATE intermediary_changes SET state = :st, before_entry = :b, after_entry = :af, "
           "diff = :d, published_by = :by, published_at = :at, version = :v WHERE agency_id = :a "
           "AND id = :id",
        soci::use(state), soci::use(before, before_ind), soci::use(after), soci::use(diff),
        soci::use(name), soci::use(now), soci::use(version), soci::use(agency), soci::use(row);
    internal::RecordInLedger(db, sql, "intermediary_changes", agency, fmt::format("t.id = {}", id));
    return Status::Ok();
  });
  if (!published.ok()) return published;
  return GetDirectoryChange(db, agency_id, id);
}

Result<std::vector<StoredDirectoryChange>> ListDirectoryChanges(Database& db, int64_t agency_id,
                                                                std::optional<ChangeState> state) {
  auto all = Run(db, "读取中介服务调整",
                 [&](soci::session& sql) { return SelectChanges(sql, agency_id, 0); });
  if (!all.ok() || !state) return all;
  std::vector<StoredDirectoryChange> out;
  for (StoredDirectoryChange& c : *all) {
    if (c.state == *state) out.push_back(std::move(c));
  }
  return out;
}

Result<StoredDirectoryChange> GetDirectoryChange(Database& db, int64_t agency_id, int64_t id) {
  return Run(db, "读取中介服务调整",
             [&](soci::session& sql) { return SelectChange(sql, agency_id, id); });
}

}  // namespace gongkai
