#include "store/guides.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/case_rows.h"
#include "store/ledger_rows.h"
#include "store/sql.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr std::string_view kColumns =
    "agency_id, version, content, saved_by, saved_at, published_by, published_at";

std::string ContentJson(const DisclosureGuide& guide) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& e : GuideElements()) j[std::string(e.key)] = guide.*e.field;
  return j.dump();
}

Result<DisclosureGuide> ParseContent(const std::string& text, long long agency, int version) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) {
    return Status::Internal(fmt::format("机关 {} 的第 {} 版指南无法读取", agency, version));
  }
  DisclosureGuide g;
  for (const auto& e : GuideElements()) {
    auto it = j.find(std::string(e.key));
    if (it != j.end() && it->is_string()) g.*e.field = it->get<std::string>();
  }
  return g;
}

struct Row {
  long long agency_id = 0;
  int version = 0;
  std::string content, saved_by, saved_at, published_by, published_at;
  soci::indicator by_ind = soci::i_null, at_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(version));
    st.exchange(soci::into(content));
    st.exchange(soci::into(saved_by));
    st.exchange(soci::into(saved_at));
    st.exchange(soci::into(published_by, by_ind));
    st.exchange(soci::into(published_at, at_ind));
  }

  Result<GuideVersion> ToVersion() const {
    auto guide = ParseContent(content, agency_id, version);
    if (!guide.ok()) return guide.status();
    GuideVersion v;
    v.agency_id = agency_id;
    v.version = version;
    v.guide = std::move(guide).value();
    v.saved_by = saved_by;
    v.saved_at = saved_at;
    if (by_ind == soci::i_ok) v.published_by = published_by;
    if (at_ind == soci::i_ok && !published_at.empty()) {
      auto t = ParseUtc(published_at);
      if (!t.ok()) return t.status();
      v.published_at = published_at;
      v.published_on = internal::ShanghaiDate(*t);
    }
    return v;
  }
};

// The newest version matching `where` (extra SQL over the columns, :a the agency; :v the
// version when `version` is given).
Result<std::optional<GuideVersion>> SelectOne(soci::session& sql, long long agency,
                                              std::optional<int> version, std::string_view where) {
  Row row;
  int v = version.value_or(0);
  soci::statement st(sql);
  row.Bind(st);
  st.exchange(soci::use(agency, "a"));
  if (version) st.exchange(soci::use(v, "v"));
  st.alloc();
  st.prepare(fmt::format(
      "SELECT {} FROM guide_versions WHERE agency_id = :a{}{} ORDER BY version DESC LIMIT 1",
      kColumns, version ? " AND version = :v" : "", where));
  st.define_and_bind();
  st.execute();
  if (!st.fetch()) return std::optional<GuideVersion>();
  auto out = row.ToVersion();
  if (!out.ok()) return out.status();
  return std::optional<GuideVersion>(std::move(out).value());
}

}  // namespace

Result<GuideVersion> SaveGuide(Database& db, int64_t agency_id, const DisclosureGuide& guide,
                               const std::string& user) {
  for (const auto& e : GuideElements()) {
    std::size_t chars = CodePointCount(guide.*e.field);
    if (chars > static_cast<std::size_t>(kMaxGuideElementChars)) {
      return Status::InvalidInput(
          fmt::format("指南的“{}”最多 {} 个字，现有 {} 个字；请精简后再保存", e.label,
                      kMaxGuideElementChars, chars));
    }
  }
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(
      db, "保存政府信息公开指南", [&](soci::session& sql) -> Result<GuideVersion> {
        long long agency = agency_id;
        long long exists = 0;
        sql << "SELECT count(*) FROM agencies WHERE id = :a", soci::use(agency), soci::into(exists);
        if (!exists) return Status::NotFound(fmt::format("没有编号为 {} 的机关", agency_id));
        int version = 0;
        sql << "SELECT COALESCE(MAX(version), 0) + 1 FROM guide_versions WHERE agency_id = :a",
            soci::use(agency), soci::into(version);
        std::string content = ContentJson(guide);
        sql << "INSERT INTO guide_versions (agency_id, version, content, saved_by, saved_at) "
               "VALUES (:a, :v, :c, :u, :t)",
            soci::use(agency), soci::use(version), soci::use(content), soci::use(user),
            soci::use(now);
        internal::RecordInLedger(db, sql, "guide_versions", agency,
                                 fmt::format("t.version = {}", version));
        GuideVersion v;
        v.agency_id = agency_id;
        v.version = version;
        v.guide = guide;
        v.saved_by = user;
        v.saved_at = now;
        return v;
      });
}

Result<GuideVersion> PublishGuide(Database& db, int64_t agency_id, int version,
                                  const std::string& user) {
  std::string now = FormatUtc(db.Now());
  return RunInTransaction(
      db, "发布政府信息公开指南", [&](soci::session& sql) -> Result<GuideVersion> {
        long long agency = agency_id;
        auto found = SelectOne(sql, agency, version, "");
        if (!found.ok()) return found.status();
        if (!*found) {
          return Status::NotFound(fmt::format("机关 {} 没有第 {} 版指南", agency_id, version));
        }
        GuideVersion v = std::move(**found);
        if (v.published()) {
          return Status::Conflict(fmt::format("第 {} 版指南已由 {} 于 {} 发布", version,
                                              v.published_by, v.published_at));
        }
        auto newer =
            SelectOne(sql, agency, std::nullopt,
                      fmt::format(" AND published_at IS NOT NULL AND version > {}", version));
        if (!newer.ok()) return newer.status();
        if (*newer) {
          return Status::Conflict(fmt::format("已发布更新的第 {} 版指南，不能再发布旧的第 {} 版",
                                              (*newer)->version, version));
        }
        Status check = CheckGuidePublishable(v.guide);
        if (!check.ok()) return check;
        sql << "UPDATE guide_versions SET published_by = :u, published_at = :t "
               "WHERE agency_id = :a AND version = :v",
            soci::use(user), soci::use(now), soci::use(agency), soci::use(version);
        internal::RecordInLedger(db, sql, "guide_versions", agency,
                                 fmt::format("t.version = {}", version));
        v.published_by = user;
        v.published_at = now;
        v.published_on = internal::ShanghaiDate(db.Now());
        return v;
      });
}

Result<std::optional<GuideVersion>> PublishedGuide(Database& db, int64_t agency_id) {
  return Run(db, "读取政府信息公开指南", [&](soci::session& sql) {
    return SelectOne(sql, agency_id, std::nullopt, " AND published_at IS NOT NULL");
  });
}

Result<std::optional<GuideVersion>> LatestGuide(Database& db, int64_t agency_id) {
  return Run(db, "读取政府信息公开指南",
             [&](soci::session& sql) { return SelectOne(sql, agency_id, std::nullopt, ""); });
}

Result<std::vector<std::string>> StoredGuideReminders(Database& db, int64_t agency_id, Date today) {
  auto published = PublishedGuide(db, agency_id);
  if (!published.ok()) return published.status();
  auto latest = LatestGuide(db, agency_id);
  if (!latest.ok()) return latest.status();
  std::optional<DisclosureGuide> shown, pending;
  std::optional<Date> on;
  if (*published) {
    shown = (*published)->guide;
    on = (*published)->published_on;
  }
  if (*latest && !(*latest)->published()) pending = (*latest)->guide;
  return GuideReminders(shown, on, pending, today);
}

}  // namespace gongkai
