// The workflow of dynamic management (store/services.h): draft → approved → published, or a draft
// rejected by the head or withdrawn by its department. Each step writes the change row with its
// actor and time and is recorded in the audit ledger; publication adds the immutable version.

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "services/change_notice.h"
#include "services/jsonl.h"
#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/permissions.h"
#include "store/publication_rows.h"
#include "store/publications.h"
#include "store/service_rows.h"
#include "store/service_search_sql.h"
#include "store/services.h"
#include "store/sql.h"

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

std::string DiffJson(const std::vector<FieldChange>& diff) {
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

constexpr std::string_view kChangeColumns =
    "id, code, kind, reason, basis, effective, request_item, counterpart, successor, state, "
    "before_item, after_item, diff, drafted_by, drafted_at, approved_by, approved_at, "
    "published_by, published_at, closed_by, closed_at, close_note, version";

// Reads the changes matching `where` (SQL over service_changes from trusted values), by id.
Result<std::vector<StoredServiceChange>> SelectChanges(soci::session& sql, long long agency,
                                                       const std::string& where) {
  long long id = 0;
  int version = 0;
  std::string code, kind, reason, basis, effective, request_item, counterpart, successor, state,
      before, after, diff, drafted_by, drafted_at, approved_by, approved_at, published_by,
      published_at, closed_by, closed_at, close_note;
  soci::indicator request_ind = soci::i_ok, before_ind = soci::i_ok, after_ind = soci::i_ok;
  soci::statement st =
      (sql.prepare << fmt::format("SELECT {} FROM service_changes WHERE agency_id = :a AND ({}) "
                                  "ORDER BY id",
                                  kChangeColumns, where),
       soci::use(agency), soci::into(id), soci::into(code), soci::into(kind), soci::into(reason),
       soci::into(basis), soci::into(effective), soci::into(request_item, request_ind),
       soci::into(counterpart), soci::into(successor), soci::into(state),
       soci::into(before, before_ind), soci::into(after, after_ind), soci::into(diff),
       soci::into(drafted_by), soci::into(drafted_at), soci::into(approved_by),
       soci::into(approved_at), soci::into(published_by), soci::into(published_at),
       soci::into(closed_by), soci::into(closed_at), soci::into(close_note), soci::into(version));
  st.execute();
  std::vector<StoredServiceChange> out;
  auto item = [&](const std::string& json, soci::indicator ind,
                  std::optional<ServiceItem>& into) -> Status {
    if (ind != soci::i_ok) return Status::Ok();
    auto parsed = ParseServiceItemJson(json);
    if (!parsed.ok()) {
      return Status::Internal(
          fmt::format("调整 #{} 的事项无法读取：{}", id, parsed.status().message()));
    }
    into = std::move(*parsed);
    return Status::Ok();
  };
  while (st.fetch()) {
    StoredServiceChange c;
    c.id = id;
    auto k = ChangeKindFromText(kind);
    auto s = ChangeStateFromText(state);
    auto e = ParseDate(effective);
    if (!k || !s || !e.ok()) return Status::Internal(fmt::format("调整 #{} 的记录损坏", id));
    c.request.kind = *k;
    c.request.code = code;
    c.request.reason = reason;
    c.request.basis = basis;
    c.request.effective = *e;
    c.request.counterpart = counterpart;
    c.request.successor = successor;
    c.state = *s;
    if (Status r = item(request_item, request_ind, c.request.item); !r.ok()) return r;
    if (Status r = item(before, before_ind, c.before); !r.ok()) return r;
    if (Status r = item(after, after_ind, c.after); !r.ok()) return r;
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
  // Each published change's register entry.
  std::map<long long, std::pair<long long, std::string>> notices;
  {
    long long change = 0, publication = 0;
    std::string index_no;
    soci::indicator index_ind = soci::i_null;
    soci::statement links =
        (sql.prepare << "SELECT c.id, p.id, p.index_no FROM service_changes c JOIN publications p "
                        "ON p.agency_id = c.agency_id AND p.id = c.publication_id WHERE "
                        "c.agency_id = :a",
         soci::use(agency), soci::into(change), soci::into(publication),
         soci::into(index_no, index_ind));
    links.execute();
    while (links.fetch()) {
      notices[change] = {publication, index_ind == soci::i_ok ? index_no : std::string()};
    }
  }
  for (StoredServiceChange& c : out) {
    if (auto it = notices.find(c.id); it != notices.end()) {
      c.publication_id = it->second.first;
      c.index_no = it->second.second;
    }
  }
  return out;
}

Result<StoredServiceChange> SelectChange(soci::session& sql, long long agency, int64_t id) {
  auto found = SelectChanges(sql, agency, fmt::format("id = {}", id));
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::NotFound(fmt::format("没有编号为 #{} 的事项调整", id));
  return std::move(found->front());
}

// The item a change would make now, with the parent rule checked against the catalogue.
Result<ServiceItem> Next(soci::session& sql, long long agency, const ChangeRequest& request,
                         std::optional<ServiceItem>* current) {
  auto loaded = internal::LoadCurrentServiceItem(sql, agency, request.code);
  if (!loaded.ok()) return loaded.status();
  *current = std::move(*loaded);
  auto next = ApplyChange(*current, request);
  if (!next.ok()) return next.status();
  if (!next->parent.empty() && request.item) {
    auto parent = internal::LoadCurrentServiceItem(sql, agency, next->parent);
    if (!parent.ok()) return parent.status();
    std::optional<ItemLevel> level;
    if (*parent && (*parent)->status != ItemStatus::kCancelled) level = (*parent)->level;
    if (Status s = internal::CheckParent(*next, level); !s.ok()) return s;
  }
  return next;
}

// Adds the 调整情况公示 of `change` (approved, being published now) to the register; returns its
// id.
Result<long long> RegisterNotice(Database& db, soci::session& sql, long long agency,
                                 const StoredServiceChange& change, const ServiceItem& after,
                                 std::vector<FieldChange> diff, const std::string& actor,
                                 const std::string& now) {
  auto approved = ParseUtc(change.approved_at);
  auto published = ParseUtc(now);
  if (!approved.ok()) return approved.status();
  if (!published.ok()) return published.status();
  std::string publisher;
  sql << "SELECT name FROM agencies WHERE id = :a", soci::use(agency), soci::into(publisher);
  ChangeNoticeFacts facts{change.id,
                          change.request,
                          after.name,
                          std::move(diff),
                          internal::ShanghaiDate(*approved),
                          internal::ShanghaiDate(*published),
                          publisher};
  Publication notice = ChangeNotice(facts);
  if (Status s = CheckPublication(notice); !s.ok()) return s;
  auto ids = internal::InsertPublications(db, sql, agency, std::span(&notice, 1), actor, now);
  if (!ids.ok()) return ids.status().WithContext("登记调整情况公示：");
  return static_cast<long long>(ids->front());
}

std::string LineOrNull(const std::optional<ServiceItem>& item) {
  return item ? ServiceItemToJsonLine(*item) : std::string();
}

// Moves change `id` from `from` to the state of `action`, setting the step's actor and time.
Status Step(Database& db, int64_t agency_id, int64_t id, const User& user, Action action,
            ChangeState from, ChangeState to, const std::string& note, std::string_view what) {
  if (Status s = internal::MayActOnServices(db, user, agency_id, action); !s.ok()) return s;
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, what, [&](soci::session& sql) -> Status {
    auto change = SelectChange(sql, agency_id, id);
    if (!change.ok()) return change.status();
    if (change->state != from) {
      return Status::Conflict(fmt::format("调整 #{} 的状态是{}，只有{}的调整可以{}", id,
                                          Label(change->state), Label(from), Label(action)));
    }
    long long agency = agency_id, row = id;
    std::string state(Key(to)), name = user.name;
    std::string columns = to == ChangeState::kApproved
                              ? "approved_by = :by, approved_at = :at"
                              : "closed_by = :by, closed_at = :at, close_note = :note";
    std::string n = note;
    if (to == ChangeState::kApproved) {
      sql << "UPDATE service_changes SET state = :st, " + columns +
                 " WHERE agency_id = :a AND id = :id",
          soci::use(state), soci::use(name), soci::use(now), soci::use(agency), soci::use(row);
    } else {
      sql << "UPDATE service_changes SET state = :st, " + columns +
                 " WHERE agency_id = :a AND id = :id",
          soci::use(state), soci::use(name), soci::use(now), soci::use(n), soci::use(agency),
          soci::use(row);
    }
    internal::RecordInLedger(db, sql, "service_changes", agency, fmt::format("t.id = {}", id));
    return Status::Ok();
  });
}

}  // namespace

Result<int64_t> DraftServiceChange(Database& db, int64_t agency_id, const ChangeRequest& request,
                                   const User& user) {
  if (Status s = internal::MayActOnServices(db, user, agency_id, Action::kDraftServiceChange);
      !s.ok())
    return s;
  if (Status s = CheckChangeRequest(request); !s.ok()) return s;
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "起草政务服务事项调整", [&](soci::session& sql) -> Result<int64_t> {
    std::optional<ServiceItem> current;
    auto next = Next(sql, agency_id, request, &current);
    if (!next.ok()) return next.status();
    long long agency = agency_id, last = 0;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT MAX(id) FROM service_changes WHERE agency_id = :a", soci::use(agency),
        soci::into(last, ind);
    long long id = (ind == soci::i_ok ? last : 0) + 1;
    std::string kind(Key(request.kind)), state(Key(ChangeState::kDraft)),
        effective = FormatDate(request.effective), request_item = LineOrNull(request.item),
        before = LineOrNull(current), after = ServiceItemToJsonLine(*next),
        diff = DiffJson(DiffItems(current, *next)), name = user.name;
    soci::indicator request_ind = request.item ? soci::i_ok : soci::i_null;
    soci::indicator before_ind = current ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO service_changes (agency_id, id, code, kind, reason, basis, effective, "
           "request_item, counterpart, successor, state, before_item, after_item, diff, "
           "drafted_by, drafted_at) VALUES (:a, :id, :code, :kind, :reason, :basis, :eff, :req, "
           ":cp, :succ, :st, :before, :after, :diff, :by, :at)",
        soci::use(agency), soci::use(id), soci::use(request.code), soci::use(kind),
        soci::use(request.reason), soci::use(request.basis), soci::use(effective),
        soci::use(request_item, request_ind), soci::use(request.counterpart),
        soci::use(request.successor), soci::use(state), soci::use(before, before_ind),
        soci::use(after), soci::use(diff), soci::use(name), soci::use(now);
    internal::RecordInLedger(db, sql, "service_changes", agency, fmt::format("t.id = {}", id));
    return static_cast<int64_t>(id);
  });
}

Status ApproveServiceChange(Database& db, int64_t agency_id, int64_t id, const User& user) {
  return Step(db, agency_id, id, user, Action::kApproveServiceChange, ChangeState::kDraft,
              ChangeState::kApproved, "", "批准政务服务事项调整");
}

Status RejectServiceChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                           const User& user) {
  return Step(db, agency_id, id, user, Action::kApproveServiceChange, ChangeState::kDraft,
              ChangeState::kRejected, note, "驳回政务服务事项调整");
}

Status WithdrawServiceChange(Database& db, int64_t agency_id, int64_t id, const std::string& note,
                             const User& user) {
  return Step(db, agency_id, id, user, Action::kDraftServiceChange, ChangeState::kDraft,
              ChangeState::kWithdrawn, note, "撤回政务服务事项调整");
}

Result<StoredServiceChange> PublishServiceChange(Database& db, int64_t agency_id, int64_t id,
                                                 const User& user) {
  if (Status s = internal::MayActOnServices(db, user, agency_id, Action::kPublishServiceChange);
      !s.ok())
    return s;
  std::string now = FormatUtc(db.Now());
  auto published = RunInTransaction(db, "发布政务服务事项调整", [&](soci::session& sql) -> Status {
    auto change = SelectChange(sql, agency_id, id);
    if (!change.ok()) return change.status();
    if (change->state != ChangeState::kApproved) {
      return Status::Conflict(
          fmt::format("调整 #{} 的状态是{}，须经负责人批准后才能发布", id, Label(change->state)));
    }
    std::optional<ServiceItem> current;
    auto next = Next(sql, agency_id, change->request, &current);
    if (!next.ok()) return next.status().WithContext(fmt::format("调整 #{} 已不能发布：", id));
    internal::StoreServiceVersions(db, sql, agency_id, {&*next, 1}, id, user.name, now);
    long long agency = agency_id, row = id;
    int version = next->version;
    std::string state(Key(ChangeState::kPublished)),
        before = LineOrNull(current), after = ServiceItemToJsonLine(*next),
        diff = DiffJson(DiffItems(current, *next)), name = user.name;
    soci::indicator before_ind = current ? soci::i_ok : soci::i_null;
    sql << "UPDATE service_changes SET state = :st, before_item = :b, after_item = :af, diff = "
           ":d, published_by = :by, published_at = :at, version = :v WHERE agency_id = :a AND id "
           "= :id",
        soci::use(state), soci::use(before, before_ind), soci::use(after), soci::use(diff),
        soci::use(name), soci::use(now), soci::use(version), soci::use(agency), soci::use(row);
    auto notice =
        RegisterNotice(db, sql, agency, *change, *next, DiffItems(current, *next), user.name, now);
    if (!notice.ok()) return notice.status();
    long long publication = *notice;
    sql << "UPDATE service_changes SET publication_id = :p WHERE agency_id = :a AND id = :id",
        soci::use(publication), soci::use(agency), soci::use(row);
    internal::RecordInLedger(db, sql, "service_changes", agency, fmt::format("t.id = {}", id));
    return internal::IndexServiceItems(db, sql, db.search_pinyin(), agency_id,
                                       std::span<const std::string>(&next->code, 1));
  });
  if (!published.ok()) return published;
  return GetServiceChange(db, agency_id, id);
}

Result<std::vector<StoredServiceChange>> ListServiceChanges(Database& db, int64_t agency_id,
                                                            const ServiceChangeFilter& filter) {
  auto all = Run(db, "读取政务服务事项调整",
                 [&](soci::session& sql) { return SelectChanges(sql, agency_id, "1 = 1"); });
  if (!all.ok()) return all.status();
  std::vector<StoredServiceChange> out;
  for (StoredServiceChange& c : *all) {
    if ((filter.state && c.state != *filter.state) ||
        (filter.code && c.request.code != *filter.code)) {
      continue;
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result<StoredServiceChange> GetServiceChange(Database& db, int64_t agency_id, int64_t id) {
  return Run(db, "读取政务服务事项调整",
             [&](soci::session& sql) { return SelectChange(sql, agency_id, id); });
}

Result<std::vector<StoredServiceChange>> ServiceChangeLog(Database& db, int64_t agency_id,
                                                          Date from, Date to) {
  auto published = ListServiceChanges(db, agency_id, {ChangeState::kPublished, std::nullopt});
  if (!published.ok()) return published.status();
  std::vector<StoredServiceChange> out;
  for (StoredServiceChange& c : *published) {
    if (c.request.effective < from || c.request.effective > to) continue;
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.request.effective < b.request.effective;
  });
  return out;
}

Result<std::optional<PublicationClock>> ServiceChangeClock(Database& db, Calendars& calendars,
                                                           int64_t agency_id,
                                                           const StoredServiceChange& change,
                                                           Date as_of) {
  if (change.publication_id == 0) return std::optional<PublicationClock>();
  auto ctx = internal::LoadAgencyContext(db, calendars, agency_id);
  if (!ctx.ok()) return ctx.status();
  auto notice = GetPublication(db, agency_id, change.publication_id);
  if (!notice.ok()) return notice.status();
  auto clock =
      ComputePublicationClock(notice->item, *ctx->calendar, ctx->settings.deadlines, as_of);
  if (!clock.ok()) return clock.status();
  return std::optional<PublicationClock>(std::move(*clock));
}

}  // namespace gongkai
