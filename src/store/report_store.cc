#include "store/report_store.h"

#include <fmt/format.h>

#include <array>

#include "cases/narrative.h"
#include "report/json.h"
#include "report/table_diff.h"
#include "store/agencies.h"
#include "store/case_rows.h"
#include "store/case_store.h"
#include "store/ledger_rows.h"
#include "store/permissions.h"
#include "store/publication_rows.h"
#include "store/records.h"
#include "store/register_stamp.h"
#include "store/report_files_sql.h"
#include "store/sql.h"

namespace gongkai {
namespace {

struct StateEntry {
  ReportState value;
  std::string_view key;
  std::string_view label;
};
constexpr std::array<StateEntry, 4> kStates{{
    {ReportState::kDraft, "draft", "草稿"},
    {ReportState::kApproved, "approved", "已批准"},
    {ReportState::kPublished, "published", "已发布"},
    {ReportState::kReopened, "reopened", "已重新打开"},
}};

ReportState StateFromKey(std::string_view key) {
  for (const auto& e : kStates) {
    if (e.key == key) return e.value;
  }
  return ReportState::kDraft;
}

Status CheckAccess(Database& db, const User& user, int64_t agency_id) {
  auto can = UserCanAccess(db, user, agency_id);
  if (!can.ok()) return can.status();
  if (!*can) {
    return Status::PermissionDenied(
        fmt::format("用户 {} 无权处理机关 {} 的年度报告", user.name, agency_id));
  }
  return Status::Ok();
}

// The latest version of the year, read under the caller's transaction.
std::optional<ReportVersion> Latest(soci::session& sql, long long agency, int year) {
  ReportVersion v;
  std::string state;
  soci::indicator ind = soci::i_null;
  sql << "SELECT version, state FROM report_versions WHERE agency_id = :a AND year = :y "
         "ORDER BY version DESC LIMIT 1",
      soci::use(agency), soci::use(year), soci::into(v.version), soci::into(state, ind);
  if (!sql.got_data()) return std::nullopt;
  v.agency_id = agency;
  v.year = year;
  v.state = StateFromKey(state);
  return v;
}

Status WrongState(int year, const std::optional<ReportVersion>& latest, std::string_view wanted) {
  if (!latest) {
    return Status::Conflict(fmt::format(
        "{} 年度报告还没有草稿：请先运行 `gongkai report build --year {} --save`", year, year));
  }
  return Status::Conflict(fmt::format("{} 年度报告第 {} 版的状态是“{}”，此操作需要“{}”", year,
                                      latest->version, Label(latest->state), wanted));
}

}  // namespace

std::string_view Key(ReportState state) {
  for (const auto& e : kStates) {
    if (e.value == state) return e.key;
  }
  return "draft";
}

std::string_view Label(ReportState state) {
  for (const auto& e : kStates) {
    if (e.value == state) return e.label;
  }
  return "";
}

Result<AnnualReport> BuildRegisterReport(Database& db, Calendars& calendars, int64_t agency_id,
                                         int year) {
  auto ctx = internal::LoadAgencyContext(db, calendars, agency_id);
  if (!ctx.ok()) return ctx.status();
  auto docs =
      Run(db, "读取规章和规范性文件", [&](soci::session& sql) -> Result<std::vector<Publication>> {
        constexpr PublicationKind kKinds[] = {PublicationKind::kRegulation,
                                              PublicationKind::kNormativeDocument};
        std::vector<Publication> out;
        for (StoredPublication& s : internal::SelectPublications(sql, agency_id, kKinds)) {
          out.push_back(std::move(s.item));
        }
        return out;
      });
  if (!docs.ok()) return docs.status();
  auto counts = GetYearCounts(db, agency_id, year);
  if (!counts.ok()) return counts.status();
  AnnualInput input;
  input.agency = ctx->agency.name;
  input.year = year;
  input.publications = std::move(docs).value();
  input.decisions = *counts;
  AnnualFold fold(input, *ctx->calendar, ctx->settings);
  Status read = CaseRegister(db, calendars)
                    .ForEachCaseOfYear(agency_id, year,
                                       [&](const std::vector<Event>& events) { fold.Add(events); });
  if (!read.ok()) return read;
  return fold.Finish();
}

Result<Report> VersionReport(const ReportVersion& version) {
  auto report = ReportFromJson(version.report_json, "register");
  if (!report.ok()) return report.status();
  report->sections.clear();
  for (int n = 1; n <= 6; ++n) {
    auto it = version.narratives.find(n);
    report->sections.push_back(Section{
        n, std::string(SectionTitle(n)), it == version.narratives.end() ? "" : it->second, {}});
  }
  return report;
}

Result<ReportVersion> SaveDraft(Database& db, Calendars& calendars, int64_t agency_id, int year,
                                const User& user) {
  if (Status s = Authorize(user, Action::kBuildDraft); !s.ok()) return s;
  if (Status s = CheckAccess(db, user, agency_id); !s.ok()) return s;
  // Read before building (store/register_stamp.h): a change landing during the build then
  // shows as a stale snapshot at approval instead of passing unseen.
  auto stamp = ReadRegisterStamp(db, agency_id, year);
  if (!stamp.ok()) return stamp.status();
  auto built = BuildRegisterReport(db, calendars, agency_id, year);
  if (!built.ok()) return built.status();
  std::string json = ReportToJson(built->report).dump();
  std::string now = FormatUtc(db.Now());
  auto saved = RunInTransaction(db, "保存年度报告草稿", [&](soci::session& sql) -> Result<int> {
    long long agency = agency_id;
    auto latest = Latest(sql, agency, year);
    int version = 0;
    if (latest && latest->state == ReportState::kDraft) {
      version = latest->version;
      sql << "UPDATE report_versions SET report_json = :j, register_stamp = :r WHERE agency_id = "
             ":a AND year = :y AND version = :v",
          soci::use(json), soci::use(stamp->value), soci::use(agency), soci::use(year),
          soci::use(version);
    } else if (latest && latest->state != ReportState::kReopened) {
      return WrongState(year, latest, "草稿或已重新打开");
    } else {
      version = latest ? latest->version + 1 : 1;
      std::string state(Key(ReportState::kDraft));
      sql << "INSERT INTO report_versions (agency_id, year, version, state, report_json, "
             "register_stamp, created_by, created_at) VALUES (:a, :y, :v, :s, :j, :r, :u, :t)",
          soci::use(agency), soci::use(year), soci::use(version), soci::use(state), soci::use(json),
          soci::use(stamp->value), soci::use(user.name), soci::use(now);
      if (latest) {
        int previous = latest->version;
        sql << "INSERT INTO report_narratives (agency_id, year, version, section, text, "
               "edited_by, edited_at) SELECT agency_id, year, :v, section, text, edited_by, "
               "edited_at FROM report_narratives WHERE agency_id = :a AND year = :y AND version "
               "= :p",
            soci::use(version), soci::use(agency), soci::use(year), soci::use(previous);
      }
    }
    // Sections the office never wrote (edited_by '') take this build's generated text.
    for (int section = 1; section <= 6; ++section) {
      std::string text = GeneratedSectionText(section, built->facts);
      sql << "INSERT INTO report_narratives (agency_id, year, version, section, text, edited_by, "
             "edited_at) VALUES (:a, :y, :v, :s, :t, '', :n) ON CONFLICT (agency_id, year, "
             "version, section) DO UPDATE SET text = excluded.text, edited_at = "
             "excluded.edited_at WHERE report_narratives.edited_by = ''",
          soci::use(agency), soci::use(year), soci::use(version), soci::use(section),
          soci::use(text), soci::use(now);
    }
    for (std::string_view table : {"report_versions", "report_narratives"}) {
      internal::RecordInLedger(db, sql, table, agency,
                               fmt::format("t.year = {} AND t.version = {}", year, version));
    }
    return version;
  });
  if (!saved.ok()) return saved.status();
  auto versions = ListReportVersions(db, agency_id, year);
  if (!versions.ok()) return versions.status();
  for (ReportVersion& v : *versions) {
    if (v.version == *saved) return std::move(v);
  }
  return Status::Internal("保存的报告版本未找到");
}

Status SetNarrative(Database& db, int64_t agency_id, int year, int section, const std::string& text,
                    const User& user) {
  if (section < 1 || section > 6) {
    return Status::InvalidInput(fmt::format("部分编号 {} 无效：应为 1 到 6（一 至 六）", section));
  }
  if (Status s = Authorize(user, Action::kEditNarrative); !s.ok()) return s;
  if (Status s = CheckAccess(db, user, agency_id); !s.ok()) return s;
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "保存报告正文", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    auto latest = Latest(sql, agency, year);
    if (!latest || latest->state != ReportState::kDraft) return WrongState(year, latest, "草稿");
    sql << "INSERT INTO report_narratives (agency_id, year, version, section, text, edited_by, "
           "edited_at) VALUES (:a, :y, :v, :s, :t, :u, :n) ON CONFLICT (agency_id, year, version, "
           "section) DO UPDATE SET text = excluded.text, edited_by = excluded.edited_by, "
           "edited_at = excluded.edited_at",
        soci::use(agency), soci::use(year), soci::use(latest->version), soci::use(section),
        soci::use(text), soci::use(user.name), soci::use(now);
    internal::RecordInLedger(db, sql, "report_narratives", agency,
                             fmt::format("t.year = {} AND t.version = {} AND t.section = {}", year,
                                         latest->version, section));
    return Status::Ok();
  });
}

namespace {

// Moves the latest version from `from` to `to`, stamping `who_column`/`when_column`.
Status Transition(Database& db, int64_t agency_id, int year, ReportState from, ReportState to,
                  const std::string& who_column, const std::string& user,
                  const std::string& reason = "") {
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "变更年度报告状态", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    auto latest = Latest(sql, agency, year);
    if (!latest || latest->state != from) return WrongState(year, latest, Label(from));
    std::string state(Key(to));
    std::string when_column = who_column.substr(0, who_column.size() - 2) + "at";
    soci::indicator reason_ind = reason.empty() ? soci::i_null : soci::i_ok;
    sql << fmt::format(
        "UPDATE report_versions SET state = :s, {} = :u, {} = :t, reopen_reason = "
        "COALESCE(:r, reopen_reason) WHERE agency_id = :a AND year = :y AND "
        "version = :v",
        who_column, when_column),
        soci::use(state, "s"), soci::use(user, "u"), soci::use(now, "t"),
        soci::use(reason, reason_ind, "r"), soci::use(agency, "a"), soci::use(year, "y"),
        soci::use(latest->version, "v");
    internal::RecordInLedger(db, sql, "report_versions", agency,
                             fmt::format("t.year = {} AND t.version = {}", year, latest->version));
    return Status::Ok();
  });
}

}  // namespace

std::string SnapshotFingerprint(const ReportVersion& version) {
  std::string snapshot = version.report_json;
  for (const auto& [section, text] : version.narratives) {
    snapshot += fmt::format("\x1e{}\x1f{}", section, text);
  }
  snapshot += "\x1e" + version.register_stamp;
  return Sha256Hex(snapshot);
}

const ReportVersion* LastPublished(const std::vector<ReportVersion>& versions) {
  for (const ReportVersion& v : versions) {
    if (!v.published_at.empty()) return &v;
  }
  return nullptr;
}

std::optional<Date> PublishedOn(const ReportVersion& version) {
  if (version.published_at.empty()) return std::nullopt;
  auto at = ParseUtc(version.published_at);
  if (!at.ok()) return std::nullopt;
  return internal::ShanghaiDate(*at);
}

namespace {

// The year's newest version with its narrative; nullopt when there is none.
Result<std::optional<ReportVersion>> Current(Database& db, int64_t agency_id, int year) {
  auto versions = ListReportVersions(db, agency_id, year);
  if (!versions.ok()) return versions.status();
  if (versions->empty()) return std::optional<ReportVersion>();
  return std::optional<ReportVersion>(std::move(versions->front()));
}

// What changed in the register since `draft` was built: one line per table cell, and one per
// generated section whose text a rebuild would change.
Result<std::vector<std::string>> ChangesSinceSnapshot(Database& db, Calendars& calendars,
                                                      const ReportVersion& draft) {
  auto snapshot = ReportFromJson(draft.report_json, "snapshot");
  if (!snapshot.ok()) return snapshot.status();
  auto now = BuildRegisterReport(db, calendars, draft.agency_id, draft.year);
  if (!now.ok()) return now.status();
  std::vector<std::string> changes = DiffReportTables(*snapshot, now->report);
  for (int section : draft.generated) {
    auto it = draft.narratives.find(section);
    const std::string was = it == draft.narratives.end() ? "" : it->second;
    if (GeneratedSectionText(section, now->facts) != was) {
      changes.push_back(fmt::format("「{}」的生成文字已变化", SectionTitle(section)));
    }
  }
  return changes;
}

}  // namespace

Status ApproveReport(Database& db, Calendars& calendars, int64_t agency_id, int year,
                     const User& user, const std::string& fingerprint) {
  if (Status s = Authorize(user, Action::kApproveReport); !s.ok()) return s;
  if (Status s = CheckAccess(db, user, agency_id); !s.ok()) return s;
  auto current = Current(db, agency_id, year);
  if (!current.ok()) return current.status();
  if (*current && (*current)->state == ReportState::kDraft) {
    const ReportVersion& draft = **current;
    if (SnapshotFingerprint(draft) != fingerprint) {
      return Status::Conflict(fmt::format(
          "{} 年度报告第 {} 版草稿在您查看之后已被修改或重新生成（快照指纹 {}，您批准的是 {}）："
          "请重新打开报告页面，核对当前草稿后再批准",
          year, draft.version, SnapshotFingerprint(draft).substr(0, 12),
          fingerprint.empty() ? "（空）" : fingerprint.substr(0, 12)));
    }
    auto stamp = ReadRegisterStamp(db, agency_id, year);
    if (!stamp.ok()) return stamp.status();
    if (stamp->value != draft.register_stamp) {
      auto changes = ChangesSinceSnapshot(db, calendars, draft);
      if (!changes.ok()) return changes.status();
      if (!changes->empty()) {
        std::string list;
        for (const std::string& c : *changes) list += "\n" + c;
        return Status::Conflict(fmt::format(
            "{} 年度报告第 {} 版草稿生成之后，登记簿的案件或表二登记数据有变动，批准被拒绝：{}\n"
            "请重新生成草稿（`gongkai report build --year {} --save`），核对后再批准",
            year, draft.version, list, year));
      }
    }
  }
  // The state and the snapshot are checked again under the transaction: a rebuild landing
  // since the read above changes the fingerprint.
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "批准年度报告", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    auto latest = Latest(sql, agency, year);
    if (!latest || latest->state != ReportState::kDraft) return WrongState(year, latest, "草稿");
    auto fresh = Current(db, agency_id, year);
    if (!fresh.ok()) return fresh.status();
    if (!*fresh || SnapshotFingerprint(**fresh) != fingerprint) {
      return Status::Conflict("草稿刚刚被重新生成或修改：请重新打开报告页面，核对后再批准");
    }
    std::string state(Key(ReportState::kApproved));
    sql << "UPDATE report_versions SET state = :s, approved_by = :u, approved_at = :t WHERE "
           "agency_id = :a AND year = :y AND version = :v",
        soci::use(state), soci::use(user.name), soci::use(now), soci::use(agency), soci::use(year),
        soci::use(latest->version);
    internal::RecordInLedger(db, sql, "report_versions", agency,
                             fmt::format("t.year = {} AND t.version = {}", year, latest->version));
    return Status::Ok();
  });
}

Status PublishReport(Database& db, int64_t agency_id, int year, const User& user,
                     const PublishOptions& options) {
  if (Status s = Authorize(user, Action::kPublishReport); !s.ok()) return s;
  if (Status s = CheckAccess(db, user, agency_id); !s.ok()) return s;
  auto current = Current(db, agency_id, year);
  if (!current.ok()) return current.status();
  if (!*current || (*current)->state != ReportState::kApproved) {
    return WrongState(year, *current ? std::optional<ReportVersion>(**current) : std::nullopt,
                      "已批准");
  }
  const ReportVersion& approved = **current;
  std::string empty;
  for (int section : EmptyRequiredSections(approved.narratives)) {
    if (!empty.empty()) empty += "、";
    empty += fmt::format("「{}」", SectionTitle(section));
  }
  if (!empty.empty() && !options.confirm_empty) {
    return Status::InvalidInput(
        fmt::format("{} 年度报告的{}没有内容。如确实没有需要报告的内容，请勾选「确认以空白发布」"
                    "（命令行加 --confirm-empty）后再发布；否则请重新打开草稿补写",
                    year, empty));
  }
  std::vector<ReportFile> files;
  if (options.render) {
    auto rendered = options.render(approved);
    if (!rendered.ok()) return rendered.status();
    files = std::move(rendered).value();
  }
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(db, "发布年度报告", [&](soci::session& sql) -> Status {
    long long agency = agency_id;
    auto latest = Latest(sql, agency, year);
    if (!latest || latest->state != ReportState::kApproved || latest->version != approved.version) {
      return WrongState(year, latest, "已批准");
    }
    std::string state(Key(ReportState::kPublished));
    sql << "UPDATE report_versions SET state = :s, published_by = :u, published_at = :t WHERE "
           "agency_id = :a AND year = :y AND version = :v",
        soci::use(state), soci::use(user.name), soci::use(now), soci::use(agency), soci::use(year),
        soci::use(approved.version);
    internal::InsertReportFiles(db, sql, agency_id, year, approved.version, files, now);
    internal::RecordInLedger(db, sql, "report_versions", agency,
                             fmt::format("t.year = {} AND t.version = {}", year, approved.version));
    return Status::Ok();
  });
}

Status ReopenReport(Database& db, int64_t agency_id, int year, const User& user,
                    const std::string& reason) {
  if (Status s = Authorize(user, Action::kReopenReport); !s.ok()) return s;
  if (reason.empty())
    return Status::InvalidInput("重新打开年度报告必须说明理由：请用 --reason 填写");
  if (Status s = CheckAccess(db, user, agency_id); !s.ok()) return s;
  return Transition(db, agency_id, year, ReportState::kPublished, ReportState::kReopened,
                    "reopened_by", user.name, reason);
}

Result<std::vector<ReportVersion>> ListReportVersions(Database& db, int64_t agency_id,
                                                      std::optional<int> year) {
  return Run(db, "列出年度报告版本", [&](soci::session& sql) -> Result<std::vector<ReportVersion>> {
    long long agency = agency_id;
    int filter = year.value_or(0), all = year ? 0 : 1;
    ReportVersion v;
    std::string state;
    std::array<std::string, 7> optional_text;
    std::array<soci::indicator, 7> inds{};
    soci::statement st(sql);
    st.exchange(soci::into(v.year));
    st.exchange(soci::into(v.version));
    st.exchange(soci::into(state));
    st.exchange(soci::into(v.report_json));
    st.exchange(soci::into(v.created_by));
    st.exchange(soci::into(v.created_at));
    st.exchange(soci::into(v.register_stamp));
    for (size_t i = 0; i < optional_text.size(); ++i) {
      st.exchange(soci::into(optional_text[i], inds[i]));
    }
    st.exchange(soci::use(agency, "a"));
    st.exchange(soci::use(all, "all"));
    st.exchange(soci::use(filter, "y"));
    st.alloc();
    st.prepare(
        "SELECT year, version, state, report_json, created_by, created_at, register_stamp, "
        "approved_by, "
        "approved_at, published_by, published_at, reopened_by, reopened_at, "
        "reopen_reason FROM report_versions WHERE agency_id = :a AND (:all = 1 OR year = "
        ":y) ORDER BY year DESC, version DESC");
    st.define_and_bind();
    st.execute();
    std::vector<ReportVersion> out;
    while (st.fetch()) {
      ReportVersion r = v;
      r.agency_id = agency_id;
      r.state = StateFromKey(state);
      std::string* targets[] = {&r.approved_by, &r.approved_at, &r.published_by, &r.published_at,
                                &r.reopened_by, &r.reopened_at, &r.reopen_reason};
      for (size_t i = 0; i < optional_text.size(); ++i) {
        *targets[i] = inds[i] == soci::i_ok ? optional_text[i] : "";
      }
      out.push_back(std::move(r));
    }
    for (ReportVersion& r : out) {
      int section = 0;
      std::string text, edited_by;
      soci::statement ns =
          (sql.prepare << "SELECT section, text, edited_by FROM report_narratives WHERE "
                          "agency_id = :a AND year = :y AND version = :v",
           soci::use(agency), soci::use(r.year), soci::use(r.version), soci::into(section),
           soci::into(text), soci::into(edited_by));
      ns.execute();
      while (ns.fetch()) {
        r.narratives[section] = text;
        if (edited_by.empty()) r.generated.insert(section);
      }
    }
    return out;
  });
}

}  // namespace gongkai
