// CaseRegister's bulk paths: import and export of JSON Lines, recompute of the state cache and
// the load of a year's cases for the annual report. Bulk writes go in batches (case_rows.h).

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_set>

#include "cases/events_jsonl.h"
#include "cases/personal_data.h"
#include "store/audit.h"
#include "store/case_rows.h"
#include "store/case_store.h"
#include "store/ledger_rows.h"
#include "store/sql.h"

namespace gongkai {
namespace {

// At most this many problems are listed in one message; the rest are counted.
constexpr size_t kMaxListed = 50;

// Cases whose rows are built and written together by an import.
constexpr size_t kCasesPerChunk = 10000;

std::string JoinProblems(const std::vector<std::string>& problems) {
  std::string out;
  for (size_t i = 0; i < problems.size() && i < kMaxListed; ++i) out += "\n" + problems[i];
  if (problems.size() > kMaxListed) {
    out += fmt::format("\n……另有 {} 处", problems.size() - kMaxListed);
  }
  return out;
}

// The file's lines, 1-based like the parser's messages (index 0 unused), without "\r\n".
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines{{}};
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// The agency an import without --agency goes to: the only one, or nullopt for an empty
// database, where the import creates "本机关" in its own transaction.
Result<std::optional<int64_t>> DefaultImportAgency(Database& db) {
  auto agencies = ListAgencies(db);
  if (!agencies.ok()) return agencies.status();
  if (agencies->size() == 1) return std::optional<int64_t>(agencies->front().id);
  if (agencies->empty()) return std::optional<int64_t>();
  return Status::InvalidInput(fmt::format(
      "数据库中有 {} 个机关：请用 --agency 指定导入到哪个机关（`gongkai agencies list` 查看编号）",
      agencies->size()));
}

}  // namespace

Result<ImportResult> CaseRegister::Import(std::string_view jsonl, const ImportOptions& options) {
  auto parsed = ParseEventsJsonl(jsonl);
  if (!parsed.ok()) return parsed.status();
  ImportResult result;
  std::optional<int64_t> target = options.agency_id;
  if (!target) {
    auto chosen = DefaultImportAgency(db_);
    if (!chosen.ok()) return chosen.status();
    target = *chosen;
  }
  internal::AgencyContext new_agency{Agency{0, {}, "本机关", AgencyKind::kDepartment, "", "{}"},
                                     nullptr, CaseSettings{}};
  auto ctx = target ? internal::LoadAgencyContext(db_, calendars_, *target)
                    : Result<internal::AgencyContext>(new_agency);
  if (ctx.ok() && !target) {
    auto calendar = calendars_.ForRegion("");
    if (!calendar.ok()) return calendar.status();
    ctx->calendar = *calendar;
  }
  if (!ctx.ok()) {
    return ctx.status().code() == Status::Code::kNotFound
               ? Status::InvalidInput(ctx.status().message())
               : ctx.status();
  }
  Date today = Today();
  Status legal = CheckImportedCases(*parsed, *ctx->calendar, ctx->settings, today);
  if (!legal.ok()) return legal;

  // Case numbers are unique per agency: within the file (two `agency` values may repeat one)
  // and against the register.
  std::vector<std::string> duplicates;
  std::unordered_set<std::string> numbers;
  for (const CaseEvents& c : *parsed) {
    if (!numbers.insert(c.case_number).second) {
      duplicates.push_back(fmt::format("第 {} 行：案件编号 {} 在文件中出现于两个机关下",
                                       c.lines.front(), c.case_number));
    }
  }
  if (!duplicates.empty()) {
    return Status::InvalidInput("导入被拒绝，未写入任何数据：" + JoinProblems(duplicates));
  }
  // Personal data goes into the applicant's record, from the `received` line only.
  std::vector<std::string> misplaced;
  for (const CaseEvents& c : *parsed) {
    for (size_t i = 0; i < c.events.size(); ++i) {
      const Event& e = c.events[i];
      if (!ApplicantRef(e).empty()) {
        misplaced.push_back(fmt::format(
            "第 {} 行：applicant_ref 由系统生成，导入文件不能带有；请改写为申请人信息字段",
            c.lines[i]));
      }
      if (e.type == EventType::kReceived || !e.extra.is_object()) continue;
      for (const auto& [key, value] : e.extra.items()) {
        if (IsApplicantJsonlField(key)) {
          misplaced.push_back(fmt::format(
              "第 {} 行：申请人信息 {} 只能写在 received 行（登记时存入申请人信息记录）",
              c.lines[i], key));
        }
      }
    }
  }
  if (!misplaced.empty()) {
    return Status::InvalidInput("导入被拒绝，未写入任何数据：" + JoinProblems(misplaced));
  }

  auto lines = SplitLines(jsonl);
  std::string now = FormatUtc(db_.Now());
  auto written = RunInTransaction(db_, "导入案件", [&](soci::session& sql) -> Result<ImportResult> {
    long long agency = target.value_or(0);
    if (!target) {
      sql << "INSERT INTO agencies (name, kind, region, settings, created_at) VALUES (:n, "
             "'department', '', '{}', :t) RETURNING id",
          soci::use(new_agency.agency.name), soci::use(now), soci::into(agency);
      result.created_agency = true;
    }
    result.agency_id = agency;
    std::vector<std::string> conflicts;
    {
      std::string number;
      soci::statement st = (sql.prepare << "SELECT number FROM cases WHERE agency_id = :a",
                            soci::use(agency), soci::into(number));
      st.execute();
      std::unordered_set<std::string> existing;
      while (st.fetch()) existing.insert(number);
      for (const CaseEvents& c : *parsed) {
        if (existing.contains(c.case_number)) {
          conflicts.push_back(
              fmt::format("第 {} 行：案件 {} 已在登记簿中", c.lines.front(), c.case_number));
        }
      }
    }
    std::set<int> locked = internal::LockedYears(sql, agency);
    if (!locked.empty()) {
      for (const CaseEvents& c : *parsed) {
        for (size_t i = 0; i < c.events.size(); ++i) {
          int year = static_cast<int>(c.events[i].date.year());
          if (locked.contains(year)) {
            conflicts.push_back(
                fmt::format("第 {} 行：{} 年度报告已发布，该年度已锁定", c.lines[i], year));
          }
        }
      }
    }
    if (!conflicts.empty()) {
      return Status::Conflict("导入被拒绝，未写入任何数据：" + JoinProblems(conflicts));
    }

    long long first_id =
        internal::ReserveCaseIds(sql, agency, static_cast<long long>(parsed->size()));
    // Rows are built and written a chunk of cases at a time, so the import holds the parsed
    // file and one chunk of rows, not a second copy of every event.
    std::vector<internal::CaseInsert> cases;
    std::vector<internal::EventInsert> events;
    std::vector<internal::ApplicantInsert> applicants;
    result.cases = result.events = 0;
    for (size_t begin = 0; begin < parsed->size(); begin += kCasesPerChunk) {
      const size_t end = std::min(parsed->size(), begin + kCasesPerChunk);
      cases.clear();
      events.clear();
      applicants.clear();
      for (size_t i = begin; i < end; ++i) {
        const CaseEvents& c = (*parsed)[i];
        internal::CaseInsert row;
        row.id = first_id + static_cast<long long>(i);
        Event received = c.events.front();
        internal::ApplicantInsert& person = applicants.emplace_back();
        person.case_id = row.id;
        person.applicant = TakeApplicant(received);
        person.ref = internal::AttachNewApplicantRef(received);
        person.actor = options.actor;
        person.recorded_at = now;
        row.facts = internal::FactsFromReceived(received, person.applicant);
        row.state = internal::ToStateColumns(
            c.events, ComputeCaseState(c.events, *ctx->calendar, ctx->settings, today), today);
        cases.push_back(std::move(row));
        std::string prev;
        for (size_t j = 0; j < c.events.size(); ++j) {
          int line = c.lines[j];
          // The received line is stored without its personal data; the others as written.
          std::string payload(j > 0 && line > 0 && static_cast<size_t>(line) < lines.size()
                                  ? lines[line]
                                  : std::string_view());
          if (payload.empty()) payload = EventToJsonLine(j == 0 ? received : c.events[j]);
          std::string hash = EventHash(prev, payload);
          events.push_back(internal::EventInsert{
              first_id + static_cast<long long>(i), static_cast<int>(j + 1),
              std::string(Key(c.events[j].type)), FormatDate(c.events[j].date), std::move(payload),
              options.actor, now, prev, hash});
          prev = std::move(hash);
        }
      }
      result.cases += static_cast<int>(cases.size());
      result.events += static_cast<int>(events.size());
      internal::InsertCases(sql, agency, cases);
      internal::InsertEvents(sql, agency, events);
      internal::InsertApplicantRecords(sql, agency, applicants);
    }
    if (result.created_agency) {
      internal::RecordInLedger(db_, sql, "agencies", agency, fmt::format("t.id = {}", agency));
    }
    std::string imported =
        fmt::format("{} AND {}", first_id, first_id + static_cast<long long>(parsed->size()) - 1);
    internal::RecordInLedger(db_, sql, "cases", agency, "t.id BETWEEN " + imported);
    internal::RecordInLedger(db_, sql, "case_events", agency, "t.case_id BETWEEN " + imported);
    internal::RecordInLedger(db_, sql, "applicant_records", agency,
                             "t.case_id BETWEEN " + imported);
    internal::RecordInLedger(
        db_, sql, "applicant_record_acts", agency,
        fmt::format("t.ref IN (SELECT ref FROM applicant_records WHERE agency_id = {} AND case_id "
                    "BETWEEN {})",
                    agency, imported));
    return result;
  });
  return written;
}

Result<std::string> CaseRegister::Export(std::optional<int64_t> agency_id) {
  return Run(db_, "导出案件", [&](soci::session& sql) -> Result<std::string> {
    long long agency = agency_id.value_or(0);
    if (!agency_id) {
      std::vector<long long> with_cases(100);
      sql << "SELECT DISTINCT agency_id FROM cases", soci::into(with_cases);
      if (with_cases.size() > 1) {
        return Status::InvalidInput(fmt::format(
            "有 {} 个机关登记了案件：请用 --agency 指定导出哪个机关", with_cases.size()));
      }
      if (with_cases.empty()) return std::string();
      agency = with_cases.front();
    }
    std::string out, payload, ref;
    int seq = 0;
    Applicant a;
    soci::indicator ref_ind = soci::i_null;
    // The record is joined to each case's first event, the `received` one.
    soci::statement st =
        (sql.prepare
             << "SELECT e.seq, e.payload, r.ref, COALESCE(r.name, ''), COALESCE(r.id_type, ''), "
                "COALESCE(r.id_number, ''), COALESCE(r.phone, ''), COALESCE(r.email, ''), "
                "COALESCE(r.address, '') FROM case_events e LEFT JOIN applicant_records r ON "
                "r.agency_id = e.agency_id AND r.case_id = e.case_id AND e.seq = 1 "
                "WHERE e.agency_id = :a ORDER BY e.case_id, e.seq",
         soci::use(agency), soci::into(seq), soci::into(payload), soci::into(ref, ref_ind),
         soci::into(a.name), soci::into(a.id_type), soci::into(a.id_number), soci::into(a.phone),
         soci::into(a.email), soci::into(a.address));
    st.execute();
    while (st.fetch()) {
      if (seq == 1) {
        auto received = ParseEventLine(payload, seq);
        if (!received.ok() || ref_ind != soci::i_ok || ApplicantRef(*received) != ref) {
          return Status::Internal(fmt::format(
              "案件 {} 的 received 事件与其申请人信息记录对不上：请运行 `gongkai audit verify`",
              received.ok() ? received->case_number : "?"));
        }
        PutApplicant(*received, a);
        payload = EventToJsonLine(*received);
      }
      out += payload;
      out += '\n';
    }
    return out;
  });
}

namespace {

// Streams every case of an agency in id order, calling fn(case_id, events) per case.
template <typename Fn>
Status ForEachCase(soci::session& sql, long long agency, const std::string& extra_where,
                   std::vector<std::pair<std::string, std::string>> params, Fn fn) {
  long long case_id = 0;
  int seq = 0;
  std::string payload;
  soci::statement st(sql);
  st.exchange(soci::into(case_id));
  st.exchange(soci::into(seq));
  st.exchange(soci::into(payload));
  st.exchange(soci::use(agency, "a"));
  for (auto& [name, value] : params) st.exchange(soci::use(value, name));
  st.alloc();
  st.prepare(
      "SELECT e.case_id, e.seq, e.payload FROM case_events e JOIN cases c ON c.agency_id "
      "= e.agency_id AND c.id = e.case_id WHERE e.agency_id = :a" +
      extra_where + " ORDER BY e.case_id, e.seq");
  st.define_and_bind();
  st.execute();
  long long current = -1;
  std::vector<Event> events;
  while (st.fetch()) {
    if (case_id != current) {
      if (current >= 0) fn(current, events);
      events.clear();
      current = case_id;
    }
    auto e = ParseEventLine(payload, seq);
    if (!e.ok()) {
      return Status::Internal(
          fmt::format("案件 {} 第 {} 个事件无法读取（{}）：请运行 `gongkai audit verify`", case_id,
                      seq, e.status().message()));
    }
    events.push_back(std::move(e).value());
  }
  if (current >= 0) fn(current, events);
  return Status::Ok();
}

}  // namespace

Result<int64_t> CaseRegister::Recompute(std::optional<int64_t> agency_id, Date as_of) {
  std::vector<int64_t> agencies;
  if (agency_id) {
    agencies.push_back(*agency_id);
  } else {
    auto all = ListAgencies(db_);
    if (!all.ok()) return all.status();
    for (const Agency& a : *all) agencies.push_back(a.id);
  }
  int64_t total = 0;
  for (int64_t id : agencies) {
    auto ctx = internal::LoadAgencyContext(db_, calendars_, id);
    if (!ctx.ok()) return ctx.status();
    Status s = RunInTransaction(db_, "重算案件状态", [&](soci::session& sql) -> Status {
      std::vector<std::pair<long long, internal::StateColumns>> states;
      Status read =
          ForEachCase(sql, id, "", {}, [&](long long case_id, const std::vector<Event>& events) {
            states.emplace_back(
                case_id,
                internal::ToStateColumns(
                    events, ComputeCaseState(events, *ctx->calendar, ctx->settings, as_of), as_of));
          });
      if (!read.ok()) return read;
      internal::UpdateStates(sql, id, states);
      total += static_cast<int64_t>(states.size());
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  return total;
}

Status CaseRegister::ForEachCaseOfYear(int64_t agency_id, int year,
                                       const std::function<void(const std::vector<Event>&)>& fn) {
  return Run(db_, "读取年度案件", [&](soci::session& sql) -> Status {
    return ForEachCase(
        sql, agency_id,
        " AND c.received_date <= :last AND (c.closed_date IS NULL OR c.last_event_date >= :first)",
        {{"last", fmt::format("{:04d}-12-31", year)}, {"first", fmt::format("{:04d}-01-01", year)}},
        [&](long long, const std::vector<Event>& events) { fn(events); });
  });
}

Result<std::vector<std::vector<Event>>> CaseRegister::CasesForYear(int64_t agency_id, int year) {
  std::vector<std::vector<Event>> cases;
  Status s = ForEachCaseOfYear(agency_id, year,
                               [&](const std::vector<Event>& events) { cases.push_back(events); });
  if (!s.ok()) return s;
  return cases;
}

}  // namespace gongkai
