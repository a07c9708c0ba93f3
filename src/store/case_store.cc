#include "store/case_store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cases/events_jsonl.h"
#include "store/audit.h"
#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/outbox_rows.h"
#include "store/sql.h"
#include "util/text.h"

namespace gongkai {

using internal::AgencyContext;
using internal::LoadAgencyContext;

namespace {

Status LockedYearConflict(int year) {
  return Status::Conflict(fmt::format(
      "{0} 年度报告已公开发布，该年度的数据已锁定：如确需更正，请由负责人先执行 `gongkai report "
      "reopen --year {0}` 并说明理由",
      year));
}

// The events of one stored case, parsed back from their payloads.
Result<std::vector<Event>> LoadHistory(soci::session& sql, long long agency, long long case_id) {
  std::vector<Event> events;
  int seq = 0;
  std::string payload;
  soci::statement st =
      (sql.prepare << "SELECT seq, payload FROM case_events WHERE agency_id = "
                      ":a AND case_id = :c ORDER BY seq",
       soci::use(agency), soci::use(case_id), soci::into(seq), soci::into(payload));
  st.execute();
  while (st.fetch()) {
    auto e = ParseEventLine(payload, seq);
    if (!e.ok()) {
      return Status::Internal("数据库中的事件无法读取（" + e.status().message() +
                              "）：请运行 `gongkai audit verify` 检查是否被改动");
    }
    events.push_back(std::move(e).value());
  }
  return events;
}

// The search text as matched: NFKC-folded (full-width digits and letters become ASCII), trimmed,
// ASCII letters lower-cased (the columns are compared through lower()).
std::string SearchTerm(std::string_view text) {
  std::string term(Trim(NormalizeNfkc(Trim(text))));
  for (char& c : term) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return term;
}

// `text` with LIKE's wildcards and the escape character escaped by '\'.
std::string EscapeLike(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// A WHERE clause over `cases` for a filter; every parameter is text except the agency.
struct Where {
  std::string sql;
  std::vector<std::string> params;
};

Result<Where> BuildWhere(const CaseFilter& f, const Calendar& calendar, Date today) {
  Where w{"agency_id = :agency", {}};
  auto add = [&](std::string_view condition, std::string value) {
    w.sql += fmt::format(" AND {}", fmt::format(fmt::runtime(condition), w.params.size()));
    w.params.push_back(std::move(value));
  };
  if (f.status) add("status = :p{}", std::string(Key(*f.status)));
  if (f.channel) add("channel = :p{}", std::string(Key(*f.channel)));
  if (f.applicant_kind) add("applicant_kind = :p{}", std::string(Key(*f.applicant_kind)));
  if (f.year) {
    add("received_date >= :p{}", fmt::format("{:04d}-01-01", *f.year));
    add("received_date <= :p{}", fmt::format("{:04d}-12-31", *f.year));
  }
  if (f.due_within_working_days) {
    auto cutoff = calendar.AddWorkingDays(today, std::max(0, *f.due_within_working_days));
    if (!cutoff.ok()) return cutoff.status();
    w.sql += " AND closed_date IS NULL";
    add("due_date >= :p{}", FormatDate(today));
    add("due_date <= :p{}", FormatDate(*cutoff));
  }
  if (f.overdue) {
    w.sql += " AND closed_date IS NULL";
    add("due_date < :p{}", FormatDate(today));
  }
  std::string term = SearchTerm(f.search);
  if (!term.empty()) {
    auto like = [&](std::string_view column, const std::string& text) {
      std::string condition = fmt::format("{} LIKE :p{} ESCAPE '\\'", column, w.params.size());
      w.params.push_back("%" + EscapeLike(text) + "%");
      return condition;
    };
    // The applicant's data lives in its record (store/applicant_records.h), matched there.
    std::vector<std::string> applicant{like("lower(r.name)", term)};
    std::string digits = term;
    std::erase_if(digits, [](char c) { return c == ' ' || c == '-'; });
    if (!digits.empty()) {
      applicant.push_back(like("lower(r.id_number)", digits));
      applicant.push_back(like("r.phone", digits));
    }
    std::vector<std::string> any{
        like("lower(number)", term), like("lower(items)", term),
        fmt::format("EXISTS (SELECT 1 FROM applicant_records r WHERE r.agency_id = cases.agency_id "
                    "AND r.case_id = cases.id AND ({}))",
                    fmt::join(applicant, " OR "))};
    w.sql += fmt::format(" AND ({})", fmt::join(any, " OR "));
  }
  return w;
}

// Binds the filter's parameters to a statement being built.
void BindWhere(soci::statement& st, long long& agency, Where& w) {
  st.exchange(soci::use(agency, "agency"));
  for (size_t i = 0; i < w.params.size(); ++i) {
    st.exchange(soci::use(w.params[i], fmt::format("p{}", i)));
  }
}

// The ORDER BY list of an order, ending in a space. Ties fall to the later receipt, then the
// later registration, so paging is stable.
std::string_view OrderBy(CaseOrder order) {
  switch (order) {
    case CaseOrder::kDueDate:
      return "CASE WHEN closed_date IS NULL AND due_date IS NOT NULL THEN 0 "
             "WHEN closed_date IS NULL THEN 1 ELSE 2 END, "
             "CASE WHEN closed_date IS NULL THEN due_date END, received_date DESC, id DESC ";
    case CaseOrder::kReceivedNewest:
      break;
  }
  return "received_date DESC, id DESC ";
}

constexpr std::string_view kSummaryColumns =
    "number, applicant_kind, applicant_display, channel, arrived_date, received_date, items, "
    "status, closed_date, outcome, due_date, days_left";

struct SummaryRow {
  std::string number, kind, display, channel, arrived, received, items, status, closed, outcome,
      due;
  int days_left = 0;
  soci::indicator closed_ind = soci::i_null, outcome_ind = soci::i_null, due_ind = soci::i_null,
                  days_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(number));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(display));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(arrived));
    st.exchange(soci::into(received));
    st.exchange(soci::into(items));
    st.exchange(soci::into(status));
    st.exchange(soci::into(closed, closed_ind));
    st.exchange(soci::into(outcome, outcome_ind));
    st.exchange(soci::into(due, due_ind));
    st.exchange(soci::into(days_left, days_ind));
  }

  // Days left and overdue are judged against `today` on the agency's calendar; the cached
  // count stands while the clock is stopped (no due date) or the calendar cannot say.
  CaseSummary ToSummary(int64_t agency_id, const Calendar& calendar, Date today) const {
    CaseSummary s;
    s.agency_id = agency_id;
    s.number = number;
    s.applicant_kind = ApplicantKindFromKey(kind).value_or(ApplicantKind::kNaturalPerson);
    s.applicant_display = display;
    s.channel = ChannelFromKey(channel).value_or(Channel::kInPerson);
    s.arrived = ParseDate(arrived).value();
    s.received = ParseDate(received).value();
    auto parsed = nlohmann::json::parse(items, nullptr, false);
    if (parsed.is_array()) {
      for (const auto& item : parsed) {
        if (item.is_string()) s.items.push_back(item.get<std::string>());
      }
    }
    s.status = CaseStatusFromKey(status).value_or(CaseStatus::kInvalid);
    if (closed_ind == soci::i_ok) s.closed = ParseDate(closed).value();
    if (outcome_ind == soci::i_ok) s.outcome = OutcomeFromKey(outcome);
    if (days_ind == soci::i_ok) s.days_left = days_left;
    if (due_ind == soci::i_ok && !s.closed) {
      Date due_date = ParseDate(due).value();
      s.due = due_date;
      bool late = DayNumber(due_date) < DayNumber(today);
      auto count = late ? calendar.CountWorkingDays(due_date, today)
                        : calendar.CountWorkingDays(today, due_date);
      if (count.ok()) s.days_left = late ? -*count : *count;
      s.overdue = late;
    }
    return s;
  }
};

}  // namespace

Date CaseRegister::Today() const { return internal::ShanghaiDate(db_.Now()); }

Result<NewCase> CaseRegister::RegisterCase(int64_t agency_id, Event received,
                                           const Applicant& applicant, const std::string& form,
                                           const std::string& actor) {
  auto ctx = LoadAgencyContext(db_, calendars_, agency_id);
  if (!ctx.ok()) return ctx.status();
  Date today = Today();
  return RunInTransaction(db_, "登记案件", [&](soci::session& sql) -> Result<NewCase> {
    return internal::RegisterCaseInTransaction(sql, db_, *ctx, std::move(received), applicant, form,
                                               actor, today);
  });
}

Result<NewCase> internal::RegisterCaseInTransaction(soci::session& sql, Database& db,
                                                    const AgencyContext& ctx, Event received,
                                                    const Applicant& applicant,
                                                    const std::string& form,
                                                    const std::string& actor, Date today) {
  if (received.type != EventType::kReceived) {
    return Status::InvalidInput("登记新案件的第一个事件必须是 received（收到申请）");
  }
  if (Status s = CheckNotAfterToday(received, today); !s.ok()) return s;
  Status legal = CheckNextEvent({}, received, *ctx.calendar, ctx.settings);
  if (!legal.ok()) return legal;
  long long agency = ctx.agency.id;
  int year = static_cast<int>(received.date.year());
  if (internal::LockedYears(sql, agency).contains(year)) return LockedYearConflict(year);
  long long taken = 0;
  if (received.case_number.empty()) {
    long long in_year = 0;
    std::string first = fmt::format("{:04d}-01-01", year), last = fmt::format("{:04d}-12-31", year);
    sql << "SELECT count(*) FROM cases WHERE agency_id = :a AND received_date >= :f AND "
           "received_date <= :l",
        soci::use(agency), soci::use(first), soci::use(last), soci::into(in_year);
    do {
      received.case_number = fmt::format("{}-{:06d}", year, ++in_year);
      sql << "SELECT count(*) FROM cases WHERE agency_id = :a AND number = :n", soci::use(agency),
          soci::use(received.case_number), soci::into(taken);
    } while (taken);
  } else {
    sql << "SELECT count(*) FROM cases WHERE agency_id = :a AND number = :n", soci::use(agency),
        soci::use(received.case_number), soci::into(taken);
    if (taken) return Status::Conflict(fmt::format("案件编号 {} 已存在", received.case_number));
  }
  if (!ApplicantRef(received).empty()) {
    return Status::InvalidInput(
        "received 事件不能自带 applicant_ref：申请人信息记录的引用由系统生成");
  }
  Applicant on_event = TakeApplicant(received);
  const Applicant& person = applicant == Applicant{} ? on_event : applicant;
  internal::CaseInsert row;
  row.id = internal::ReserveCaseIds(sql, agency, 1);
  std::string ref = internal::AttachNewApplicantRef(received);
  row.facts = internal::FactsFromReceived(received, person);
  row.facts.form = form;
  NewCase result{received.case_number, internal::NewQueryCode()};
  row.query_code_hash = internal::QueryCodeHash(result.query_code);
  std::vector<Event> events{received};
  const CaseState state = ComputeCaseState(events, *ctx.calendar, ctx.settings, today);
  row.state = internal::ToStateColumns(events, state, today);
  std::vector<internal::CaseInsert> cases{row};
  internal::InsertCases(sql, agency, cases);
  std::string payload = EventToJsonLine(received);
  std::vector<internal::EventInsert> rows{{row.id, 1, std::string(Key(received.type)),
                                           FormatDate(received.date), payload, actor,
                                           FormatUtc(db.Now()), "", EventHash("", payload)}};
  internal::InsertEvents(sql, agency, rows);
  internal::InsertApplicantRecords(sql, agency,
                                   {{row.id, ref, person, actor, rows.front().recorded_at, ""}});
  internal::RecordInLedger(db, sql, "cases", agency, fmt::format("t.id = {}", row.id));
  internal::RecordInLedger(db, sql, "case_events", agency, fmt::format("t.case_id = {}", row.id));
  internal::RecordInLedger(db, sql, "applicant_records", agency,
                           fmt::format("t.case_id = {}", row.id));
  internal::RecordInLedger(db, sql, "applicant_record_acts", agency,
                           fmt::format("t.ref = '{}'", ref));
  // The receipt goes out with the query code, which exists in clear only now.
  internal::QueueCaseMessages(sql, db, ctx, 1, events, state, person, result.query_code);
  return result;
}

Status CaseRegister::AppendEvent(int64_t agency_id, const Event& event, const std::string& actor) {
  auto ctx = LoadAgencyContext(db_, calendars_, agency_id);
  if (!ctx.ok()) return ctx.status();
  Date today = Today();
  return RunInTransaction(db_, "记录案件事件", [&](soci::session& sql) -> Status {
    return internal::AppendEventInTransaction(sql, db_, *ctx, event, actor, today);
  });
}

Status internal::AppendEventInTransaction(soci::session& sql, Database& db,
                                          const AgencyContext& ctx, const Event& event,
                                          const std::string& actor, Date today) {
  if (Status s = CheckNotAfterToday(event, today); !s.ok()) {
    return s.WithContext(fmt::format("案件 {}：", event.case_number));
  }
  long long agency = ctx.agency.id, case_id = 0;
  sql << "SELECT id FROM cases WHERE agency_id = :a AND number = :n", soci::use(agency),
      soci::use(event.case_number), soci::into(case_id);
  if (!sql.got_data()) {
    return Status::NotFound(
        fmt::format("机关 {} 没有编号为 {} 的案件", ctx.agency.id, event.case_number));
  }
  auto history = LoadHistory(sql, agency, case_id);
  if (!history.ok()) return history.status();
  Status legal = CheckNextEvent(*history, event, *ctx.calendar, ctx.settings);
  if (!legal.ok()) return legal.WithContext(fmt::format("案件 {}：", event.case_number));
  std::set<int> locked = internal::LockedYears(sql, agency);
  int year = static_cast<int>(event.date.year());
  if (locked.contains(year)) return LockedYearConflict(year);
  // A void rewrites the year of the step it voids: refused while that year's report stands.
  if (IsVoid(event.type)) {
    int voided_year = static_cast<int>((*history)[*event.voids - 1].date.year());
    if (locked.contains(voided_year)) return LockedYearConflict(voided_year);
  }
  std::string prev_hash;
  int seq = static_cast<int>(history->size());
  sql << "SELECT hash FROM case_events WHERE agency_id = :a AND case_id = :c AND seq = :s",
      soci::use(agency), soci::use(case_id), soci::use(seq), soci::into(prev_hash);
  std::string payload = EventToJsonLine(event);
  std::vector<internal::EventInsert> rows{
      {case_id, seq + 1, std::string(Key(event.type)), FormatDate(event.date), payload, actor,
       FormatUtc(db.Now()), prev_hash, EventHash(prev_hash, payload)}};
  internal::InsertEvents(sql, agency, rows);
  internal::RecordInLedger(db, sql, "case_events", agency,
                           fmt::format("t.case_id = {} AND t.seq = {}", case_id, seq + 1));
  history->push_back(event);
  const CaseState state = ComputeCaseState(*history, *ctx.calendar, ctx.settings, today);
  std::vector<std::pair<long long, internal::StateColumns>> states{
      {case_id, internal::ToStateColumns(*history, state, today)}};
  internal::UpdateStates(sql, agency, states);
  internal::QueueCaseMessages(sql, db, ctx, seq + 1, *history, state,
                              internal::LoadApplicantContacts(sql, agency, case_id), std::nullopt);
  return Status::Ok();
}

Result<std::vector<CaseSummary>> CaseRegister::List(int64_t agency_id, const CaseFilter& filter) {
  auto ctx = LoadAgencyContext(db_, calendars_, agency_id);
  if (!ctx.ok()) return ctx.status();
  Date today = Today();
  auto where = BuildWhere(filter, *ctx->calendar, today);
  if (!where.ok()) return where.status();
  return Run(db_, "列出案件", [&](soci::session& sql) -> Result<std::vector<CaseSummary>> {
    long long agency = agency_id;
    SummaryRow row;
    soci::statement st(sql);
    row.Bind(st);
    BindWhere(st, agency, *where);
    st.alloc();
    st.prepare(fmt::format("SELECT {} FROM cases WHERE {} ORDER BY {}LIMIT {} OFFSET {}",
                           kSummaryColumns, where->sql, OrderBy(filter.order),
                           std::max(0, filter.limit), std::max(0, filter.offset)));
    st.define_and_bind();
    st.execute();
    std::vector<CaseSummary> out;
    while (st.fetch()) out.push_back(row.ToSummary(agency_id, *ctx->calendar, today));
    return out;
  });
}

Result<CaseCounts> CaseRegister::Count(int64_t agency_id, const CaseFilter& filter) {
  auto ctx = LoadAgencyContext(db_, calendars_, agency_id);
  if (!ctx.ok()) return ctx.status();
  Date today = Today();
  auto where = BuildWhere(filter, *ctx->calendar, today);
  if (!where.ok()) return where.status();
  return Run(db_, "统计案件", [&](soci::session& sql) -> Result<CaseCounts> {
    CaseCounts counts;
    long long agency = agency_id;
    std::string status;
    long long n = 0;
    {
      soci::statement st(sql);
      st.exchange(soci::into(status));
      st.exchange(soci::into(n));
      BindWhere(st, agency, *where);
      st.alloc();
      st.prepare(
          fmt::format("SELECT status, count(*) FROM cases WHERE {} GROUP BY status "
                      "ORDER BY status",
                      where->sql));
      st.define_and_bind();
      st.execute();
      while (st.fetch()) {
        counts.total += n;
        if (auto s = CaseStatusFromKey(status)) counts.by_status.emplace_back(*s, n);
      }
    }
    std::string today_text = FormatDate(today);
    for (auto [query, target] :
         {std::pair{"closed_date IS NULL", &counts.open},
          std::pair{"closed_date IS NULL AND due_date < :today", &counts.overdue}}) {
      soci::statement st(sql);
      st.exchange(soci::into(*target));
      BindWhere(st, agency, *where);
      if (std::string_view(query).find(":today") != std::string_view::npos) {
        st.exchange(soci::use(today_text, "today"));
      }
      st.alloc();
      st.prepare(fmt::format("SELECT count(*) FROM cases WHERE {} AND {}", where->sql, query));
      st.define_and_bind();
      st.execute(true);
    }
    return counts;
  });
}

Result<CaseDetail> CaseRegister::Get(int64_t agency_id, std::string_view number) {
  auto ctx = LoadAgencyContext(db_, calendars_, agency_id);
  if (!ctx.ok()) return ctx.status();
  Date today = Today();
  return Run(db_, "读取案件", [&](soci::session& sql) -> Result<CaseDetail> {
    long long agency = agency_id, case_id = 0;
    std::string key(number);
    CaseDetail detail;
    SummaryRow row;
    soci::statement st(sql);
    row.Bind(st);
    st.exchange(soci::into(detail.form));
    st.exchange(soci::into(case_id));
    st.exchange(soci::use(agency));
    st.exchange(soci::use(key));
    st.alloc();
    st.prepare(fmt::format("SELECT {}, form, id FROM cases WHERE agency_id = :a AND number = :n",
                           kSummaryColumns));
    st.define_and_bind();
    if (!st.execute(true)) {
      return Status::NotFound(fmt::format("没有编号为 {} 的案件", number));
    }
    detail.summary = row.ToSummary(agency_id, *ctx->calendar, today);
    Applicant& a = detail.applicant;
    int erased = 0;
    sql << "SELECT name, id_type, id_number, phone, email, address, erased FROM applicant_records "
           "WHERE agency_id = :a AND case_id = :c",
        soci::use(agency), soci::use(case_id), soci::into(a.name), soci::into(a.id_type),
        soci::into(a.id_number), soci::into(a.phone), soci::into(a.email), soci::into(a.address),
        soci::into(erased);
    detail.applicant_erased = erased != 0;
    StoredEvent e;
    soci::statement events =
        (sql.prepare << "SELECT seq, payload, actor, recorded_at, hash FROM case_events WHERE "
                        "agency_id = :a AND case_id = :c ORDER BY seq",
         soci::use(agency), soci::use(case_id), soci::into(e.seq), soci::into(e.payload),
         soci::into(e.actor), soci::into(e.recorded_at), soci::into(e.hash));
    events.execute();
    while (events.fetch()) {
      auto parsed = ParseEventLine(e.payload, e.seq);
      if (!parsed.ok()) return parsed.status().WithContext("数据库中的事件无法读取：");
      e.event = std::move(parsed).value();
      detail.events.push_back(e);
    }
    return detail;
  });
}

// What a citizen types from a receipt, as the register keeps it: full-width forms folded
// (２０２６－ becomes 2026-) and spaces dropped; with `upper`, ASCII letters upper-cased.
std::string CaseRegister::TrackingKey(std::string_view typed, bool upper) {
  std::string key;
  for (char c : FoldWidth(typed)) {
    if (IsAsciiSpace(c)) continue;
    key.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return key;
}

Result<PublicCaseView> CaseRegister::Track(int64_t agency_id, std::string_view number,
                                           std::string_view query_code) {
  auto not_found = Status::NotFound("案件编号或查询码不正确：请核对受理回执上的编号和查询码");
  // A query code is upper-case letters and digits; the receipt may show it in hyphenated groups.
  std::string code = TrackingKey(query_code, true);
  std::erase(code, '-');
  if (code.empty()) return not_found;
  std::string hash = internal::QueryCodeHash(code);
  std::string key = TrackingKey(number, false);
  auto detail = Get(agency_id, key);
  if (!detail.ok() && detail.status().code() == Status::Code::kNotFound &&
      key != TrackingKey(key, true)) {
    key = TrackingKey(key, true);
    detail = Get(agency_id, key);
  }
  if (!detail.ok())
    return detail.status().code() == Status::Code::kNotFound ? not_found : detail.status();
  auto stored = Run(db_, "查询案件", [&](soci::session& sql) -> Result<std::string> {
    long long agency = agency_id;
    std::string code_hash;
    sql << "SELECT query_code_hash FROM cases WHERE agency_id = :a AND number = :n",
        soci::use(agency), soci::use(key), soci::into(code_hash);
    return code_hash;
  });
  if (!stored.ok()) return stored.status();
  if (*stored != hash) return not_found;
  PublicCaseView view{detail->summary, {}};
  for (const StoredEvent& e : detail->events) view.steps.emplace_back(e.event.type, e.event.date);
  return view;
}

}  // namespace gongkai
