#include "store/staff_digests.h"

#include <fmt/format.h>

#include <tuple>
#include <vector>

#include "notify/messages.h"
#include "store/agencies.h"
#include "store/case_store.h"
#include "store/outbox_rows.h"
#include "store/sql.h"
#include "util/text.h"

namespace gongkai {

namespace {

// The most cases one digest lists per section; the queue has the rest.
constexpr int kDigestRows = 100;

std::vector<DigestCase> DigestRows(const std::vector<CaseSummary>& cases) {
  std::vector<DigestCase> out;
  for (const CaseSummary& s : cases) {
    if (!s.due) continue;
    out.push_back({s.number, s.applicant_display, *s.due, s.days_left.value_or(0)});
  }
  return out;
}

}  // namespace

Result<int> QueueStaffDigests(Database& db, Calendars& calendars, Date today, int reminder_days) {
  auto agencies = ListAgencies(db);
  if (!agencies.ok()) return agencies.status();
  CaseRegister cases(db, calendars);
  int queued = 0;
  for (const Agency& agency : *agencies) {
    std::vector<std::tuple<long long, std::string, std::string>> clerks;
    Status read = Run(db, "读取工作人员邮箱", [&](soci::session& sql) -> Status {
      long long id = 0, agency_id = agency.id;
      std::string name, email;
      soci::statement st =
          (sql.prepare << "SELECT id, name, email FROM users WHERE agency_id = :a AND role = "
                          "'clerk' AND email <> '' AND disabled_at IS NULL ORDER BY id",
           soci::use(agency_id), soci::into(id), soci::into(name), soci::into(email));
      st.execute();
      while (st.fetch()) clerks.emplace_back(id, name, email);
      return Status::Ok();
    });
    if (!read.ok()) return read;
    if (clerks.empty()) continue;
    CaseFilter overdue_filter;
    overdue_filter.overdue = true;
    overdue_filter.order = CaseOrder::kDueDate;
    overdue_filter.limit = kDigestRows;
    CaseFilter soon_filter;
    soon_filter.due_within_working_days = reminder_days;
    soon_filter.order = CaseOrder::kDueDate;
    soon_filter.limit = kDigestRows;
    auto overdue = cases.List(agency.id, overdue_filter);
    if (!overdue.ok()) return overdue.status();
    auto soon = cases.List(agency.id, soon_filter);
    if (!soon.ok()) return soon.status();
    for (const auto& [id, name, email] : clerks) {
      auto digest = StaffDigest(agency.name, name, email, today, reminder_days,
                                DigestRows(*overdue), DigestRows(*soon));
      if (!digest) break;
      auto added =
          RunInTransaction(db, "每日期限提醒排队", [&](soci::session& sql) -> Result<bool> {
            return internal::EnqueueInTransaction(
                sql, db, agency.id, fmt::format("digest/{}/{}", id, FormatDate(today)), "",
                *digest);
          });
      if (!added.ok()) return added.status();
      queued += *added ? 1 : 0;
    }
  }
  return queued;
}

Status SetStaffEmail(Database& db, std::string_view name_view, std::string_view email_view) {
  std::string name(name_view), email(Trim(email_view));
  if (!email.empty() && (email.find('@') == std::string::npos ||
                         email.find_first_of(" \t\r\n<>,;") != std::string::npos)) {
    return Status::InvalidInput(
        fmt::format("“{}”不是有效的电子邮箱地址：请写成 name@example.gov.cn 的形式", email));
  }
  return Run(db, "设置工作人员邮箱", [&](soci::session& sql) -> Status {
    soci::statement st = (sql.prepare << "UPDATE users SET email = :e WHERE name = :n",
                          soci::use(email), soci::use(name));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return Status::NotFound(
          fmt::format("没有名为“{}”的用户：请用 `gongkai users list` 查看", name));
    }
    return Status::Ok();
  });
}

}  // namespace gongkai
