#include "store/case_rows.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>

#include "store/audit.h"
#include "util/mask.h"

namespace gongkai::internal {
namespace {

std::string ExtraString(const Event& e, const char* key) {
  if (!e.extra.is_object()) return "";
  auto it = e.extra.find(key);
  if (it == e.extra.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

StateColumns ToStateColumns(const std::vector<Event>& events, const CaseState& state, Date as_of) {
  StateColumns c;
  c.status = std::string(Key(state.status));
  if (state.closed) c.closed_date = FormatDate(*state.closed);
  if (state.outcome) c.outcome = std::string(Key(*state.outcome));
  if (state.deadlines && !state.closed) {
    const Deadlines& d = *state.deadlines;
    auto due = d.extended_due ? d.extended_due : d.reply_due;
    if (due) c.due_date = FormatDate(*due);
    c.days_left = d.working_days_left;
  }
  c.overdue = state.overdue ? 1 : 0;
  c.state_as_of = FormatDate(as_of);
  Date last = events.empty() ? as_of : events.front().date;
  for (const Event& e : events) {
    if (DayNumber(e.date) > DayNumber(last)) last = e.date;
  }
  c.last_event_date = FormatDate(last);
  return c;
}

CaseFacts FactsFromReceived(const Event& received, const Applicant& applicant) {
  CaseFacts f;
  f.number = received.case_number;
  ApplicantKind kind = received.applicant_kind.value_or(ApplicantKind::kNaturalPerson);
  f.applicant_kind = std::string(Key(kind));
  f.applicant_display = MaskApplicantName(kind, applicant.name);
  f.channel = std::string(Key(received.channel.value_or(Channel::kInPerson)));
  f.arrived_date = FormatDate(received.ArrivalDate());
  f.received_date = FormatDate(received.date);
  f.items = nlohmann::json(received.items.value_or(std::vector<std::string>{})).dump();
  f.form = ExtraString(received, "form");
  return f;
}

std::string MaskApplicantName(ApplicantKind kind, std::string_view name) {
  if (kind != ApplicantKind::kNaturalPerson) return std::string(name);
  return MaskName(name);
}

Date ShanghaiDate(std::chrono::system_clock::time_point now) {
  return Date(std::chrono::floor<std::chrono::days>(now + std::chrono::hours(8)));
}

std::set<int> LockedYears(soci::session& sql, long long agency_id) {
  std::set<int> years;
  int year = 0;
  soci::statement st = (sql.prepare << "SELECT DISTINCT year FROM report_versions "
                                       "WHERE agency_id = :a AND state = 'published'",
                        soci::use(agency_id), soci::into(year));
  st.execute();
  while (st.fetch()) years.insert(year);
  return years;
}

Result<AgencyContext> LoadAgencyContext(Database& db, Calendars& calendars, int64_t agency_id) {
  auto agency = GetAgency(db, agency_id);
  if (!agency.ok()) return agency.status();
  auto calendar = calendars.ForRegion(agency->region);
  if (!calendar.ok()) return calendar.status();
  auto settings = AgencyCaseSettings(*agency);
  if (!settings.ok()) return settings.status();
  return AgencyContext{std::move(agency).value(), *calendar, *settings};
}

std::string NewQueryCode() {
  static constexpr std::string_view kAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  if (sodium_init() < 0) return "";
  std::string code;
  for (int i = 0; i < 12; ++i) {
    code += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
  }
  return code;
}

std::string QueryCodeHash(std::string_view code) { return EventHash("query-code", code); }

std::string NewSalt() {
  std::array<unsigned char, 16> bytes{};
  if (sodium_init() < 0) std::abort();  // libsodium cannot start: no safe randomness
  randombytes_buf(bytes.data(), bytes.size());
  std::string hex;
  for (unsigned char b : bytes) hex += fmt::format("{:02x}", b);
  return hex;
}

std::string AttachNewApplicantRef(Event& received) {
  std::string ref = NewSalt();
  if (!received.extra.is_object()) received.extra = nlohmann::ordered_json::object();
  received.extra[std::string(kApplicantRefField)] = ref;
  return ref;
}

namespace {

constexpr size_t kBatch = 5000;

// Column vectors for one batch; nullable ones carry indicators.
struct NullableColumn {
  std::vector<std::string> values;
  std::vector<soci::indicator> inds;
  void Add(const std::optional<std::string>& v) {
    values.push_back(v.value_or(""));
    inds.push_back(v ? soci::i_ok : soci::i_null);
  }
};

}  // namespace

void InsertCases(soci::session& sql, long long agency_id, std::vector<CaseInsert>& rows) {
  for (size_t start = 0; start < rows.size(); start += kBatch) {
    size_t end = std::min(rows.size(), start + kBatch);
    std::vector<long long> agency(end - start, agency_id), id;
    std::vector<std::string> number, kind, display, channel, arrived, received, items, form, code,
        last, status, as_of;
    NullableColumn closed, outcome, due;
    std::vector<int> days_left, overdue;
    std::vector<soci::indicator> days_ind;
    for (size_t i = start; i < end; ++i) {
      const CaseInsert& r = rows[i];
      id.push_back(r.id);
      number.push_back(r.facts.number);
      kind.push_back(r.facts.applicant_kind);
      display.push_back(r.facts.applicant_display);
      channel.push_back(r.facts.channel);
      arrived.push_back(r.facts.arrived_date);
      received.push_back(r.facts.received_date);
      items.push_back(r.facts.items);
      form.push_back(r.facts.form);
      code.push_back(r.query_code_hash);
      last.push_back(r.state.last_event_date);
      status.push_back(r.state.status);
      closed.Add(r.state.closed_date);
      outcome.Add(r.state.outcome);
      due.Add(r.state.due_date);
      days_left.push_back(r.state.days_left.value_or(0));
      days_ind.push_back(r.state.days_left ? soci::i_ok : soci::i_null);
      overdue.push_back(r.state.overdue);
      as_of.push_back(r.state.state_as_of);
    }
    sql << "INSERT INTO cases (agency_id, id, number, applicant_kind, applicant_display, channel, "
           "arrived_date, received_date, items, form, query_code_hash, last_event_date, status, "
           "closed_date, outcome, due_date, days_left, overdue, state_as_of) VALUES (:agency, :id, "
           ":number, :kind, :display, :channel, :arrived, :received, :items, :form, :code, :last, "
           ":status, :closed, :outcome, :due, :days, :overdue, :as_of)",
        soci::use(agency), soci::use(id), soci::use(number), soci::use(kind), soci::use(display),
        soci::use(channel), soci::use(arrived), soci::use(received), soci::use(items),
        soci::use(form), soci::use(code), soci::use(last), soci::use(status),
        soci::use(closed.values, closed.inds), soci::use(outcome.values, outcome.inds),
        soci::use(due.values, due.inds), soci::use(days_left, days_ind), soci::use(overdue),
        soci::use(as_of);
  }
}

void InsertApplicantRecords(soci::session& sql, long long agency_id,
                            const std::vector<ApplicantInsert>& rows) {
  for (size_t start = 0; start < rows.size(); start += kBatch) {
    size_t end = std::min(rows.size(), start + kBatch);
    std::vector<long long> agency(end - start, agency_id), case_id;
    std::vector<int> version(end - start, 1);
    std::vector<std::string> ref, name, id_type, id_number, phone, email, address, salt, actor,
        recorded, reason, act(end - start, "recorded");
    for (size_t i = start; i < end; ++i) {
      const ApplicantInsert& r = rows[i];
      case_id.push_back(r.case_id);
      ref.push_back(r.ref);
      name.push_back(r.applicant.name);
      id_type.push_back(r.applicant.id_type);
      id_number.push_back(r.applicant.id_number);
      phone.push_back(r.applicant.phone);
      email.push_back(r.applicant.email);
      address.push_back(r.applicant.address);
      salt.push_back(NewSalt());
      actor.push_back(r.actor);
      recorded.push_back(r.recorded_at);
      reason.push_back(r.reason);
    }
    sql << "INSERT INTO applicant_records (agency_id, ref, case_id, version, name, id_type, "
           "id_number, phone, email, address, salt) VALUES (:agency, :ref, :case_id, :version, "
           ":name, :id_type, :id_number, :phone, :email, :address, :salt)",
        soci::use(agency), soci::use(ref), soci::use(case_id), soci::use(version), soci::use(name),
        soci::use(id_type), soci::use(id_number), soci::use(phone), soci::use(email),
        soci::use(address), soci::use(salt);
    sql << "INSERT INTO applicant_record_acts (agency_id, ref, version, act, reason, actor, "
           "recorded_at) VALUES (:agency, :ref, :version, :act, :reason, :actor, :recorded)",
        soci::use(agency), soci::use(ref), soci::use(version), soci::use(act), soci::use(reason),
        soci::use(actor), soci::use(recorded);
  }
}

void InsertEvents(soci::session& sql, long long agency_id, std::vector<EventInsert>& rows) {
  for (size_t start = 0; start < rows.size(); start += kBatch) {
    size_t end = std::min(rows.size(), start + kBatch);
    std::vector<long long> agency(end - start, agency_id), case_id;
    std::vector<int> seq;
    std::vector<std::string> type, date, payload, actor, recorded, prev, hash;
    for (size_t i = start; i < end; ++i) {
      EventInsert& r = rows[i];
      case_id.push_back(r.case_id);
      seq.push_back(r.seq);
      type.push_back(r.type);
      date.push_back(r.date);
      payload.push_back(std::move(r.payload));
      actor.push_back(r.actor);
      recorded.push_back(r.recorded_at);
      prev.push_back(r.prev_hash);
      hash.push_back(r.hash);
    }
    sql << "INSERT INTO case_events (agency_id, case_id, seq, type, event_date, payload, actor, "
           "recorded_at, prev_hash, hash) VALUES (:agency, :case_id, :seq, :type, :date, "
           ":payload, :actor, :recorded, :prev, :hash)",
        soci::use(agency), soci::use(case_id), soci::use(seq), soci::use(type), soci::use(date),
        soci::use(payload), soci::use(actor), soci::use(recorded), soci::use(prev), soci::use(hash);
  }
  if (!rows.empty()) {
    sql << "UPDATE agencies SET register_version = register_version + 1 WHERE id = :a",
        soci::use(agency_id);
  }
}

void UpdateStates(soci::session& sql, long long agency_id,
                  std::vector<std::pair<long long, StateColumns>>& rows) {
  for (size_t start = 0; start < rows.size(); start += kBatch) {
    size_t end = std::min(rows.size(), start + kBatch);
    std::vector<long long> agency(end - start, agency_id), id;
    std::vector<std::string> status, last, as_of;
    NullableColumn closed, outcome, due;
    std::vector<int> days_left, overdue;
    std::vector<soci::indicator> days_ind;
    for (size_t i = start; i < end; ++i) {
      const auto& [case_id, s] = rows[i];
      id.push_back(case_id);
      status.push_back(s.status);
      last.push_back(s.last_event_date);
      closed.Add(s.closed_date);
      outcome.Add(s.outcome);
      due.Add(s.due_date);
      days_left.push_back(s.days_left.value_or(0));
      days_ind.push_back(s.days_left ? soci::i_ok : soci::i_null);
      overdue.push_back(s.overdue);
      as_of.push_back(s.state_as_of);
    }
    sql << "UPDATE cases SET status = :status, last_event_date = :last, closed_date = :closed, "
           "outcome = :outcome, due_date = :due, days_left = :days, overdue = :overdue, "
           "state_as_of = :as_of WHERE agency_id = :agency AND id = :id",
        soci::use(status), soci::use(last), soci::use(closed.values, closed.inds),
        soci::use(outcome.values, outcome.inds), soci::use(due.values, due.inds),
        soci::use(days_left, days_ind), soci::use(overdue), soci::use(as_of), soci::use(agency),
        soci::use(id);
  }
}

long long ReserveCaseIds(soci::session& sql, long long agency_id, long long n) {
  long long next = 0;
  sql << "UPDATE agencies SET next_case_id = next_case_id + :n WHERE id = :a "
         "RETURNING next_case_id",
      soci::use(n), soci::use(agency_id), soci::into(next);
  return next - n;
}

}  // namespace gongkai::internal
