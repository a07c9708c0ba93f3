#include "store/ratings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/agencies.h"
#include "store/ledger_rows.h"
#include "store/permissions.h"
#include "store/sql.h"

namespace gongkai {
namespace {

using Json = nlohmann::json;

Status MayAct(Database& db, const User& user, int64_t agency_id, Action action) {
  if (Status s = Authorize(user, action); !s.ok()) return s;
  auto access = UserCanAccess(db, user, agency_id);
  if (!access.ok()) return access.status();
  if (!*access) {
    return Status::PermissionDenied(fmt::format("用户 {} 不属于机关 {} 或其上级机关，不能{}",
                                                user.name, agency_id, Label(action)));
  }
  return Status::Ok();
}

std::string OptionsJson(const std::vector<std::string>& options) {
  return Json(options).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A stored rating row → Rating. kInternal naming the row when a column does not parse.
Result<Rating> RatingFromRow(const std::string& id, const std::string& item,
                             const std::string& case_number, const std::string& object,
                             const std::string& channel, int level, const std::string& options,
                             const std::string& comment, int named, const std::string& at,
                             const std::string& extra) {
  Rating r;
  r.id = id;
  r.item = item;
  r.case_number = case_number;
  auto o = RatingObjectFromKey(object);
  auto c = RatingChannelFromKey(channel);
  auto t = ParseLocalMinute(at);
  auto opts = Json::parse(options, nullptr, false);
  if (!o || !c || !t.ok() || level < 1 || level > 5 || !opts.is_array()) {
    return Status::Internal(fmt::format("评价 {} 的存储内容无法读取（数据库被改动？）", id));
  }
  r.object = *o;
  r.channel = *c;
  r.level = level;
  for (const Json& s : opts) {
    if (s.is_string()) r.options.push_back(s.get<std::string>());
  }
  r.text = comment;
  r.named = named != 0;
  r.at = *t;
  r.extra = extra;
  return r;
}

// Ratings of the agency, optionally one year's or one id's, by time then id.
Result<std::vector<Rating>> SelectRatings(soci::session& sql, long long agency,
                                          std::optional<int> year,
                                          const std::optional<std::string>& only_id = {}) {
  std::string id, item, case_number, object, channel, options, comment, at, extra;
  int level = 0, named = 0;
  std::string from = year ? fmt::format("{:04}-01-01", *year) : "";
  std::string to = year ? fmt::format("{:04}-01-01", *year + 1) : "";
  std::string one = only_id.value_or("");
  std::string query =
      "SELECT id, item, case_number, object, channel, level, options, comment, named, rated_at, "
      "extra FROM ratings WHERE agency_id = :a";
  if (year) query += " AND rated_at >= :f AND rated_at < :t";
  if (only_id) query += " AND id = :i";
  query += " ORDER BY rated_at, id";
  soci::statement st(sql);
  st.exchange(soci::into(id));
  st.exchange(soci::into(item));
  st.exchange(soci::into(case_number));
  st.exchange(soci::into(object));
  st.exchange(soci::into(channel));
  st.exchange(soci::into(level));
  st.exchange(soci::into(options));
  st.exchange(soci::into(comment));
  st.exchange(soci::into(named));
  st.exchange(soci::into(at));
  st.exchange(soci::into(extra));
  st.exchange(soci::use(agency, "a"));
  if (year) {
    st.exchange(soci::use(from, "f"));
    st.exchange(soci::use(to, "t"));
  }
  if (only_id) st.exchange(soci::use(one, "i"));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  std::vector<Rating> out;
  while (st.fetch()) {
    auto r = RatingFromRow(id, item, case_number, object, channel, level, options, comment, named,
                           at, extra);
    if (!r.ok()) return r.status();
    out.push_back(std::move(*r));
  }
  return out;
}

// Every step of the agency (or of one rating), by seq.
Result<std::vector<TicketStepRow>> SelectSteps(soci::session& sql, long long agency,
                                               const std::optional<std::string>& rating = {}) {
  long long seq = 0;
  std::string rating_id, kind, date, result, note, extra, recorded_by, decision, decided_by,
      decision_note;
  int days = 0;
  soci::indicator days_ind = soci::i_null;
  std::string one = rating.value_or("");
  std::string query =
      "SELECT seq, rating_id, kind, step_date, result, days, note, extra, recorded_by, decision, "
      "decided_by, decision_note FROM rating_steps WHERE agency_id = :a";
  if (rating) query += " AND rating_id = :r";
  query += " ORDER BY seq";
  soci::statement st(sql);
  st.exchange(soci::into(seq));
  st.exchange(soci::into(rating_id));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(date));
  st.exchange(soci::into(result));
  st.exchange(soci::into(days, days_ind));
  st.exchange(soci::into(note));
  st.exchange(soci::into(extra));
  st.exchange(soci::into(recorded_by));
  st.exchange(soci::into(decision));
  st.exchange(soci::into(decided_by));
  st.exchange(soci::into(decision_note));
  st.exchange(soci::use(agency, "a"));
  if (rating) st.exchange(soci::use(one, "r"));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  std::vector<TicketStepRow> out;
  while (st.fetch()) {
    TicketStepRow row;
    row.seq = seq;
    auto k = TicketStepKindFromKey(kind);
    auto d = ParseDate(date);
    std::optional<RevisitResult> r;
    if (!result.empty()) r = RevisitResultFromKey(result);
    if (!k || !d.ok() || (!result.empty() && !r)) {
      return Status::Internal(
          fmt::format("评价 {} 的工单步骤 {} 无法读取（数据库被改动？）", rating_id, seq));
    }
    row.step.rating = rating_id;
    row.step.kind = *k;
    row.step.date = *d;
    row.step.result = r;
    if (days_ind == soci::i_ok) row.step.days = days;
    row.step.note = note;
    row.step.extra = extra;
    row.step.approved = decision == "approved";
    row.decision = decision;
    row.recorded_by = recorded_by;
    row.decided_by = decided_by;
    row.decision_note = decision_note;
    out.push_back(std::move(row));
  }
  return out;
}

// The steps a ticket counts: every step not rejected, in order.
std::vector<TicketStep> Counted(const std::vector<TicketStepRow>& rows) {
  std::vector<TicketStep> out;
  for (const TicketStepRow& r : rows) {
    if (r.decision != "rejected") out.push_back(r.step);
  }
  return out;
}

long long NextSeq(soci::session& sql, const char* table, long long agency) {
  long long last = 0;
  sql << fmt::format("SELECT COALESCE(MAX(seq), 0) FROM {} WHERE agency_id = :a", table),
      soci::use(agency), soci::into(last);
  return last + 1;
}

struct CatalogueNames {
  std::set<std::string, std::less<>> known;  // every code ever in the catalogue
  std::map<std::string, std::pair<std::string, std::string>, std::less<>>
      current;  // code → (name, department)
};

CatalogueNames LoadCatalogueNames(soci::session& sql, long long agency) {
  CatalogueNames out;
  std::string code, name, department;
  {
    soci::statement st = (sql.prepare << "SELECT DISTINCT code FROM service_item_versions WHERE "
                                         "agency_id = :a",
                          soci::use(agency), soci::into(code));
    st.execute();
    while (st.fetch()) out.known.insert(code);
  }
  soci::statement st =
      (sql.prepare << "SELECT code, name, department FROM service_items WHERE "
                      "agency_id = :a",
       soci::use(agency), soci::into(code), soci::into(name), soci::into(department));
  st.execute();
  while (st.fetch()) out.current[code] = {name, department};
  return out;
}

void InsertRatings(soci::session& sql, long long agency, long long first_seq,
                   const std::vector<const Rating*>& ratings, const std::string& actor,
                   const std::string& now) {
  if (ratings.empty()) return;
  std::vector<long long> agency_col(ratings.size(), agency), seq;
  std::vector<std::string> id, item, case_number, object, channel, options, comment, at, extra,
      by(ratings.size(), actor), recorded(ratings.size(), now);
  std::vector<int> level, named;
  for (const Rating* r : ratings) {
    seq.push_back(first_seq + static_cast<long long>(seq.size()));
    id.push_back(r->id);
    item.push_back(r->item);
    case_number.push_back(r->case_number);
    object.emplace_back(Key(r->object));
    channel.emplace_back(Key(r->channel));
    level.push_back(r->level);
    options.push_back(OptionsJson(r->options));
    comment.push_back(r->text);
    named.push_back(r->named ? 1 : 0);
    at.push_back(FormatLocalMinute(r->at));
    extra.push_back(r->extra.empty() ? "{}" : r->extra);
  }
  sql << "INSERT INTO ratings (agency_id, seq, id, item, case_number, object, channel, level, "
         "options, comment, named, rated_at, extra, recorded_by, recorded_at) VALUES (:ag, :s, "
         ":id, :it, :c, :o, :ch, :l, :op, :cm, :n, :at, :ex, :by, :ra)",
      soci::use(agency_col), soci::use(seq), soci::use(id), soci::use(item), soci::use(case_number),
      soci::use(object), soci::use(channel), soci::use(level), soci::use(options),
      soci::use(comment), soci::use(named), soci::use(at), soci::use(extra), soci::use(by),
      soci::use(recorded);
}

// Inserts steps; `decisions[i]` "" (awaiting) or "approved".
void InsertSteps(soci::session& sql, long long agency, long long first_seq,
                 const std::vector<TicketStep>& steps, const std::vector<std::string>& decisions,
                 const std::string& actor, const std::string& now) {
  if (steps.empty()) return;
  std::vector<long long> agency_col(steps.size(), agency), seq;
  std::vector<std::string> rating, kind, date, result, note, extra, by(steps.size(), actor),
      recorded(steps.size(), now), decided_by, decided_at;
  std::vector<int> days;
  std::vector<soci::indicator> days_ind;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const TicketStep& s = steps[i];
    seq.push_back(first_seq + static_cast<long long>(i));
    rating.push_back(s.rating);
    kind.emplace_back(Key(s.kind));
    date.push_back(FormatDate(s.date));
    result.emplace_back(s.result ? Key(*s.result) : "");
    days.push_back(s.days.value_or(0));
    days_ind.push_back(s.days ? soci::i_ok : soci::i_null);
    note.push_back(s.note);
    extra.push_back(s.extra.empty() ? "{}" : s.extra);
    bool approved = decisions[i] == "approved";
    decided_by.push_back(approved ? actor : "");
    decided_at.push_back(approved ? now : "");
  }
  std::vector<std::string> decision = decisions;
  sql << "INSERT INTO rating_steps (agency_id, seq, rating_id, kind, step_date, result, days, "
         "note, extra, recorded_by, recorded_at, decision, decided_by, decided_at) VALUES (:ag, "
         ":s, :r, :k, :d, :re, :dy, :n, :ex, :by, :ra, :de, :db, :da)",
      soci::use(agency_col), soci::use(seq), soci::use(rating), soci::use(kind), soci::use(date),
      soci::use(result), soci::use(days, days_ind), soci::use(note), soci::use(extra),
      soci::use(by), soci::use(recorded), soci::use(decision), soci::use(decided_by),
      soci::use(decided_at);
}

bool SameStep(const TicketStep& a, const TicketStep& b) {
  return a.kind == b.kind && a.date == b.date && a.result == b.result && a.days == b.days &&
         a.note == b.note;
}

}  // namespace

Result<RatingImportResult> ImportRatings(Database& db, int64_t agency_id, const RatingsFile& file,
                                         std::string_view source, std::string_view actor) {
  if (auto agency = GetAgency(db, agency_id); !agency.ok()) return agency.status();
  std::string now = FormatUtc(db.Now()), by(actor);
  return RunInTransaction(
      db, "导入好差评数据", [&](soci::session& sql) -> Result<RatingImportResult> {
        long long agency = agency_id;
        CatalogueNames catalogue = LoadCatalogueNames(sql, agency);
        auto stored_ratings = SelectRatings(sql, agency, std::nullopt);
        if (!stored_ratings.ok()) return stored_ratings.status();
        auto stored_steps = SelectSteps(sql, agency);
        if (!stored_steps.ok()) return stored_steps.status();
        std::map<std::string, StoredTicket> stored;
        std::map<std::string, std::string> rated_cases;  // case → rating id
        for (Rating& r : *stored_ratings) {
          if (!r.case_number.empty()) rated_cases[r.case_number] = r.id;
          std::string id = r.id;
          stored.emplace(id, StoredTicket{std::move(r), {}});
        }
        for (const TicketStepRow& s : *stored_steps) {
          if (s.decision != "rejected") stored[s.step.rating].steps.push_back(s.step);
        }
        RatingImportResult result;
        std::vector<std::string> problems;
        std::vector<const Rating*> fresh;
        RatingsFile rest;  // the lines not already stored
        for (const RatingLine& r : file.ratings) {
          auto it = stored.find(r.rating.id);
          if (it != stored.end()) {
            if (it->second.rating == r.rating) {
              ++result.unchanged;
            } else {
              problems.push_back(
                  fmt::format("{}:{}: 字段 id：评价 {} 已导入且内容不同（评价导入后不能修改）",
                              source, r.line, r.rating.id));
            }
            continue;
          }
          if (!r.rating.case_number.empty()) {
            auto [c, fresh_case] = rated_cases.emplace(r.rating.case_number, r.rating.id);
            if (!fresh_case) {
              problems.push_back(fmt::format("{}:{}: 字段 case：案件 {} 已有评价 {}（一事一评）",
                                             source, r.line, r.rating.case_number, c->second));
              continue;
            }
          }
          rest.ratings.push_back(r);
          fresh.push_back(&r.rating);
        }
        // A step equal to one already stored for its rating is a re-import of it.
        std::map<std::string, std::size_t> seen;  // rating → stored steps matched so far
        for (const StepLine& s : file.steps) {
          auto it = stored.find(s.step.rating);
          if (it != stored.end()) {
            std::size_t& n = seen[s.step.rating];
            if (n < it->second.steps.size() && SameStep(it->second.steps[n], s.step)) {
              ++n;
              ++result.unchanged;
              continue;
            }
          }
          rest.steps.push_back(s);
        }
        auto known = [&](const std::string& code) { return catalogue.known.contains(code); };
        for (std::string& p : CheckRatingsFile(rest, source, known, stored)) {
          problems.push_back(std::move(p));
        }
        if (!problems.empty()) {
          std::stable_sort(problems.begin(), problems.end(),
                           [](const std::string& a, const std::string& b) {
                             auto line = [](const std::string& s) {
                               auto colon = s.find(':');
                               return std::atoi(s.c_str() + colon + 1);
                             };
                             return line(a) < line(b);
                           });
          return RatingsProblems(problems);
        }
        long long first_rating = NextSeq(sql, "ratings", agency);
        InsertRatings(sql, agency, first_rating, fresh, by, now);
        std::vector<TicketStep> steps;
        for (const StepLine& s : rest.steps) steps.push_back(s.step);
        long long first_step = NextSeq(sql, "rating_steps", agency);
        InsertSteps(sql, agency, first_step, steps,
                    std::vector<std::string>(steps.size(), "approved"), by, now);
        if (!fresh.empty()) {
          internal::RecordInLedger(db, sql, "ratings", agency,
                                   fmt::format("t.seq >= {}", first_rating));
        }
        if (!steps.empty()) {
          internal::RecordInLedger(db, sql, "rating_steps", agency,
                                   fmt::format("t.seq >= {}", first_step));
        }
        result.ratings = static_cast<int>(fresh.size());
        result.steps = static_cast<int>(steps.size());
        return result;
      });
}

Result<std::vector<RatedService>> LoadRatings(Database& db, int64_t agency_id,
                                              std::optional<int> year) {
  return Run(db, "读取好差评数据", [&](soci::session& sql) -> Result<std::vector<RatedService>> {
    auto ratings = SelectRatings(sql, agency_id, year);
    if (!ratings.ok()) return ratings.status();
    auto steps = SelectSteps(sql, agency_id);
    if (!steps.ok()) return steps.status();
    std::map<std::string, std::vector<TicketStep>> by_rating;
    for (const TicketStepRow& s : *steps) {
      if (s.decision != "rejected") by_rating[s.step.rating].push_back(s.step);
    }
    std::vector<RatedService> out;
    out.reserve(ratings->size());
    for (Rating& r : *ratings) {
      auto it = by_rating.find(r.id);
      std::vector<TicketStep> s = it == by_rating.end() ? std::vector<TicketStep>{} : it->second;
      out.push_back({std::move(r), std::move(s)});
    }
    return out;
  });
}

Result<RatingStats> RatingStatsFor(Database& db, int64_t agency_id, const RatingPeriod& period,
                                   const std::optional<std::string>& department) {
  if (Status s = CheckRatingPeriod(period); !s.ok()) return s;
  auto ratings = LoadRatings(db, agency_id, period.year);
  if (!ratings.ok()) return ratings.status();
  auto names = Run(db, "读取事项目录", [&](soci::session& sql) -> Result<CatalogueNames> {
    return LoadCatalogueNames(sql, agency_id);
  });
  if (!names.ok()) return names.status();
  auto department_of = [&](const std::string& code) {
    auto it = names->current.find(code);
    return it == names->current.end() ? std::string() : it->second.second;
  };
  return ComputeRatingStats(*ratings, period, department_of, department);
}

Result<RectificationSettings> AgencyRectificationSettings(Database& db, int64_t agency_id) {
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return agency.status();
  return RectificationSettingsFromJson(agency->settings);
}

Status SetRectificationSettings(Database& db, int64_t agency_id,
                                const RectificationSettings& settings, const User& user) {
  if (Status s = MayAct(db, user, agency_id, Action::kApproveRatingStep); !s.ok()) return s;
  if (settings.days < 1 || settings.days > 60) {
    return Status::InvalidInput("差评整改期限应为 1 至 60 天");
  }
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return agency.status();
  auto json = Json::parse(agency->settings.empty() ? "{}" : agency->settings, nullptr, false);
  if (!json.is_object()) json = Json::object();
  json["rating_period_days"] = settings.days;
  json["rating_period_unit"] = settings.working ? "working" : "calendar";
  std::string text = json.dump();
  return RunInTransaction(db, "设置差评整改期限", [&](soci::session& sql) -> Status {
    long long id = agency_id;
    sql << "UPDATE agencies SET settings = :s WHERE id = :id", soci::use(text), soci::use(id);
    internal::RecordInLedger(db, sql, "agencies", id, fmt::format("t.id = {}", id));
    return Status::Ok();
  });
}

namespace {

Result<std::vector<TicketRow>> Tickets(Database& db, int64_t agency_id, const Calendar& calendar,
                                       Date as_of, const std::optional<std::string>& only) {
  auto settings = AgencyRectificationSettings(db, agency_id);
  if (!settings.ok()) return settings.status();
  return Run(db, "读取差评工单", [&](soci::session& sql) -> Result<std::vector<TicketRow>> {
    long long agency = agency_id;
    std::vector<Rating> poor;
    if (only) {
      auto one = SelectRatings(sql, agency, std::nullopt, only);
      if (!one.ok()) return one.status();
      poor = std::move(*one);
    } else {
      auto all = SelectRatings(sql, agency, std::nullopt);
      if (!all.ok()) return all.status();
      for (Rating& r : *all) {
        if (IsPoor(r.level)) poor.push_back(std::move(r));
      }
    }
    auto steps = SelectSteps(sql, agency, only);
    if (!steps.ok()) return steps.status();
    std::map<std::string, std::vector<TicketStepRow>> by_rating;
    for (TicketStepRow& s : *steps) by_rating[s.step.rating].push_back(std::move(s));
    CatalogueNames names = LoadCatalogueNames(sql, agency);
    std::vector<TicketRow> out;
    for (Rating& r : poor) {
      if (!IsPoor(r.level)) continue;
      TicketRow row;
      row.steps = by_rating[r.id];
      auto status = ComputeTicket(r, Counted(row.steps), *settings, calendar, as_of);
      if (!status.ok()) return status.status().WithContext(fmt::format("评价 {}：", r.id));
      row.status = *status;
      if (auto it = names.current.find(r.item); it != names.current.end()) {
        row.item_name = it->second.first;
        row.department = it->second.second;
      }
      row.rating = std::move(r);
      out.push_back(std::move(row));
    }
    return out;
  });
}

bool Unanswered(const TicketStatus& t) { return !t.answered; }

}  // namespace

Result<std::vector<TicketRow>> RatingTickets(Database& db, int64_t agency_id,
                                             const Calendar& calendar, Date as_of, bool open_only) {
  auto rows = Tickets(db, agency_id, calendar, as_of, std::nullopt);
  if (!rows.ok()) return rows.status();
  std::vector<TicketRow> out;
  for (TicketRow& r : *rows) {
    if (open_only && !Unanswered(r.status)) continue;
    out.push_back(std::move(r));
  }
  // Overdue unanswered (oldest due first), then the other unanswered by due, then the
  // answered, newest rating first.
  auto rank = [](const TicketRow& r) {
    if (Unanswered(r.status)) return r.status.overdue ? 0 : 1;
    return 2;
  };
  std::stable_sort(out.begin(), out.end(), [&](const TicketRow& a, const TicketRow& b) {
    int ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (ra < 2) {
      if (a.status.due != b.status.due) return a.status.due < b.status.due;
      return a.rating.id < b.rating.id;
    }
    return std::tie(b.rating.at.date, b.rating.at.minute, b.rating.id) <
           std::tie(a.rating.at.date, a.rating.at.minute, a.rating.id);
  });
  return out;
}

Result<TicketRow> GetRatingTicket(Database& db, int64_t agency_id, const std::string& rating_id,
                                  const Calendar& calendar, Date as_of) {
  auto rows = Tickets(db, agency_id, calendar, as_of, rating_id);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    auto any = Run(db, "读取评价", [&](soci::session& sql) {
      return SelectRatings(sql, agency_id, std::nullopt, rating_id);
    });
    if (any.ok() && !any->empty()) {
      return Status::InvalidInput(
          fmt::format("评价 {} 不是差评（{} 级），没有整改工单", rating_id, any->front().level));
    }
    return Status::NotFound(fmt::format("没有编号为 {} 的评价", rating_id));
  }
  return std::move(rows->front());
}

Result<int64_t> RecordTicketStep(Database& db, int64_t agency_id, TicketStep step,
                                 const User& user) {
  if (Status s = MayAct(db, user, agency_id, Action::kRecordRatingStep); !s.ok()) return s;
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "记录差评工单步骤", [&](soci::session& sql) -> Result<int64_t> {
    long long agency = agency_id;
    auto rating = SelectRatings(sql, agency, std::nullopt, step.rating);
    if (!rating.ok()) return rating.status();
    if (rating->empty()) return Status::NotFound(fmt::format("没有编号为 {} 的评价", step.rating));
    auto rows = SelectSteps(sql, agency, step.rating);
    if (!rows.ok()) return rows.status();
    std::vector<TicketStep> steps = Counted(*rows);
    step.approved = !NeedsApproval(step.kind);
    if (Status s = CheckNextStep(rating->front(), steps, step); !s.ok()) return s;
    long long seq = NextSeq(sql, "rating_steps", agency);
    InsertSteps(sql, agency, seq, {step}, {step.approved ? "approved" : ""}, user.name, now);
    internal::RecordInLedger(db, sql, "rating_steps", agency, fmt::format("t.seq = {}", seq));
    return static_cast<int64_t>(seq);
  });
}

Status DecideTicketStep(Database& db, int64_t agency_id, int64_t seq, bool approve,
                        const std::string& note, const User& user) {
  if (Status s = MayAct(db, user, agency_id, Action::kApproveRatingStep); !s.ok()) return s;
  if (!approve && note.empty()) return Status::InvalidInput("驳回须写明理由");
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "批准差评工单步骤", [&](soci::session& sql) -> Status {
    long long agency = agency_id, row = seq;
    std::string decision, kind, rating;
    sql << "SELECT decision, kind, rating_id FROM rating_steps WHERE agency_id = :a AND seq = :s",
        soci::use(agency), soci::use(row), soci::into(decision), soci::into(kind),
        soci::into(rating);
    if (!sql.got_data()) return Status::NotFound(fmt::format("没有编号为 {} 的工单步骤", seq));
    if (!decision.empty()) {
      return Status::Conflict(fmt::format("工单步骤 {}（评价 {}）已{}", seq, rating,
                                          decision == "approved" ? "批准" : "驳回"));
    }
    std::string to = approve ? "approved" : "rejected", name = user.name, text = note;
    sql << "UPDATE rating_steps SET decision = :d, decided_by = :b, decided_at = :t, "
           "decision_note = :n WHERE agency_id = :a AND seq = :s",
        soci::use(to), soci::use(name), soci::use(now), soci::use(text), soci::use(agency),
        soci::use(row);
    internal::RecordInLedger(db, sql, "rating_steps", agency, fmt::format("t.seq = {}", seq));
    return Status::Ok();
  });
}

Result<std::string> SubmitRating(Database& db, int64_t agency_id, Rating rating) {
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "提交评价", [&](soci::session& sql) -> Result<std::string> {
    long long agency = agency_id;
    CatalogueNames names = LoadCatalogueNames(sql, agency);
    if (!names.known.contains(rating.item)) {
      return Status::InvalidInput(fmt::format("事项目录中没有编码 {}", rating.item));
    }
    if (!rating.case_number.empty()) {
      int cases = 0, rated = 0;
      std::string number = rating.case_number;
      sql << "SELECT COUNT(*) FROM cases WHERE agency_id = :a AND number = :n", soci::use(agency),
          soci::use(number), soci::into(cases);
      if (cases == 0) return Status::InvalidInput(fmt::format("没有编号为 {} 的办件", number));
      sql << "SELECT COUNT(*) FROM ratings WHERE agency_id = :a AND case_number = :n",
          soci::use(agency), soci::use(number), soci::into(rated);
      if (rated > 0) {
        return Status::Conflict(fmt::format("办件 {} 已经评价过（一事一评）", number));
      }
    }
    long long seq = NextSeq(sql, "ratings", agency);
    rating.id = fmt::format("W{}", seq);
    if (Status s = CheckRating(rating); !s.ok()) return s;
    InsertRatings(sql, agency, seq, {&rating}, "public", now);
    internal::RecordInLedger(db, sql, "ratings", agency, fmt::format("t.seq = {}", seq));
    return rating.id;
  });
}

std::string CaseRatingItem(const Agency& agency) {
  auto json = Json::parse(agency.settings.empty() ? "{}" : agency.settings, nullptr, false);
  if (!json.is_object() || !json.contains("rating_case_item")) return "";
  const Json& v = json["rating_case_item"];
  return v.is_string() ? v.get<std::string>() : "";
}

}  // namespace gongkai
