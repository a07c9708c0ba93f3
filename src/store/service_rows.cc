#include "store/service_rows.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "services/jsonl.h"
#include "store/agencies.h"
#include "store/ledger_rows.h"

namespace gongkai::internal {
namespace {

std::string JoinCurrent(bool current_only, std::string_view versions) {
  if (!current_only) return "";
  return fmt::format(
      " JOIN service_items c ON c.agency_id = {0}.agency_id AND c.version_seq = {0}.seq", versions);
}

}  // namespace

Result<std::vector<ServiceItem>> LoadServiceVersions(soci::session& sql, long long agency,
                                                     const std::optional<std::string>& code,
                                                     bool current_only) {
  std::string code_text = code.value_or("");
  int any = code ? 0 : 1;
  std::vector<ServiceItem> items;
  std::map<long long, std::size_t> by_seq;
  {
    long long seq = 0;
    std::string json;
    soci::statement st =
        (sql.prepare << "SELECT v.seq, v.item FROM service_item_versions v" +
                            JoinCurrent(current_only, "v") +
                            " WHERE v.agency_id = :a AND (v.code = :c OR :any = 1) ORDER BY v.seq",
         soci::use(agency), soci::use(code_text), soci::use(any), soci::into(seq),
         soci::into(json));
    st.execute();
    while (st.fetch()) {
      auto item = ParseServiceItemJson(json);
      if (!item.ok()) {
        return Status::Internal(
            fmt::format("事项版本 #{} 无法读取：{}", seq, item.status().message()));
      }
      by_seq[seq] = items.size();
      items.push_back(std::move(*item));
    }
  }
  {
    long long seq = 0;
    int copies = 0, required = 0;
    std::string name, form, extra;
    soci::statement st =
        (sql.prepare << "SELECT t.version_seq, t.name, t.form, t.copies, t.required, t.extra FROM "
                        "service_materials t JOIN service_item_versions v ON v.agency_id = "
                        "t.agency_id AND v.seq = t.version_seq" +
                            JoinCurrent(current_only, "v") +
                            " WHERE t.agency_id = :a AND (v.code = :c OR :any = 1) ORDER BY "
                            "t.version_seq, t.n",
         soci::use(agency), soci::use(code_text), soci::use(any), soci::into(seq), soci::into(name),
         soci::into(form), soci::into(copies), soci::into(required), soci::into(extra));
    st.execute();
    while (st.fetch()) {
      auto it = by_seq.find(seq);
      if (it == by_seq.end()) continue;
      auto f = MaterialFormFromText(form);
      items[it->second].materials.push_back(
          ServiceMaterial{name, f.value_or(MaterialForm::kOriginal), copies, required != 0, extra});
    }
  }
  {
    long long seq = 0;
    std::string title, doc_no, article;
    soci::statement st =
        (sql.prepare << "SELECT t.version_seq, t.title, t.doc_no, t.article FROM service_basis t "
                        "JOIN service_item_versions v ON v.agency_id = t.agency_id AND v.seq = "
                        "t.version_seq" +
                            JoinCurrent(current_only, "v") +
                            " WHERE t.agency_id = :a AND (v.code = :c OR :any = 1) ORDER BY "
                            "t.version_seq, t.n",
         soci::use(agency), soci::use(code_text), soci::use(any), soci::into(seq),
         soci::into(title), soci::into(doc_no), soci::into(article));
    st.execute();
    while (st.fetch()) {
      auto it = by_seq.find(seq);
      if (it == by_seq.end()) continue;
      items[it->second].basis.push_back(ServiceBasis{title, doc_no, article});
    }
  }
  return items;
}

Result<std::optional<ServiceItem>> LoadCurrentServiceItem(soci::session& sql, long long agency,
                                                          const std::string& code) {
  auto items = LoadServiceVersions(sql, agency, code, true);
  if (!items.ok()) return items.status();
  if (items->empty()) return std::optional<ServiceItem>();
  return std::optional<ServiceItem>(std::move(items->back()));
}

long long StoreServiceVersions(Database& db, soci::session& sql, long long agency,
                               std::span<const ServiceItem> items, long long change_id,
                               const std::string& actor, const std::string& now) {
  long long last = 0;
  soci::indicator none = soci::i_ok;
  sql << "SELECT MAX(seq) FROM service_item_versions WHERE agency_id = :a", soci::use(agency),
      soci::into(last, none);
  if (none != soci::i_ok) last = 0;
  const long long first = last + 1;
  if (items.empty()) return first;
  std::vector<long long> v_agency, v_seq;
  std::vector<std::string> v_code, v_effective, v_item;
  std::vector<int> v_version;
  std::vector<long long> m_agency, m_seq;
  std::vector<int> m_n, m_copies, m_required;
  std::vector<std::string> m_name, m_form, m_extra;
  std::vector<long long> b_agency, b_seq;
  std::vector<int> b_n;
  std::vector<std::string> b_title, b_doc, b_article;
  std::vector<std::string> c_code, c_name, c_level, c_parent, c_type, c_department, c_status;
  long long seq = last;
  for (const ServiceItem& item : items) {
    ++seq;
    ServiceItem core = item;
    core.materials.clear();
    core.basis.clear();
    v_agency.push_back(agency);
    v_seq.push_back(seq);
    v_code.push_back(item.code);
    v_version.push_back(item.version);
    v_effective.push_back(FormatDate(*item.effective));
    v_item.push_back(ServiceItemToJsonLine(core));
    for (std::size_t n = 0; n < item.materials.size(); ++n) {
      const ServiceMaterial& m = item.materials[n];
      m_agency.push_back(agency);
      m_seq.push_back(seq);
      m_n.push_back(static_cast<int>(n));
      m_name.push_back(m.name);
      m_form.push_back(std::string(Key(m.form)));
      m_copies.push_back(m.copies);
      m_required.push_back(m.required ? 1 : 0);
      m_extra.push_back(m.extra.empty() ? "{}" : m.extra);
    }
    for (std::size_t n = 0; n < item.basis.size(); ++n) {
      b_agency.push_back(agency);
      b_seq.push_back(seq);
      b_n.push_back(static_cast<int>(n));
      b_title.push_back(item.basis[n].title);
      b_doc.push_back(item.basis[n].doc_no);
      b_article.push_back(item.basis[n].article);
    }
    c_code.push_back(item.code);
    c_name.push_back(item.name);
    c_level.push_back(std::string(Key(item.level)));
    c_parent.push_back(item.parent);
    c_type.push_back(std::string(Key(item.type)));
    c_department.push_back(item.department);
    c_status.push_back(std::string(Key(item.status)));
  }
  std::vector<std::string> by(items.size(), actor), at(items.size(), now);
  std::string change = change_id > 0 ? std::to_string(change_id) : "NULL";
  sql << "INSERT INTO service_item_versions (agency_id, seq, code, version, effective, item, "
         "change_id, recorded_by, recorded_at) VALUES (:a, :s, :c, :v, :e, :i, " +
             change + ", :by, :at)",
      soci::use(v_agency), soci::use(v_seq), soci::use(v_code), soci::use(v_version),
      soci::use(v_effective), soci::use(v_item), soci::use(by), soci::use(at);
  if (!m_seq.empty()) {
    sql << "INSERT INTO service_materials (agency_id, version_seq, n, name, form, copies, "
           "required, extra) VALUES (:a, :s, :n, :name, :form, :copies, :req, :extra)",
        soci::use(m_agency), soci::use(m_seq), soci::use(m_n), soci::use(m_name), soci::use(m_form),
        soci::use(m_copies), soci::use(m_required), soci::use(m_extra);
  }
  if (!b_seq.empty()) {
    sql << "INSERT INTO service_basis (agency_id, version_seq, n, title, doc_no, article) VALUES "
           "(:a, :s, :n, :t, :d, :r)",
        soci::use(b_agency), soci::use(b_seq), soci::use(b_n), soci::use(b_title), soci::use(b_doc),
        soci::use(b_article);
  }
  // The current rows: replaced for codes already there, inserted for new ones.
  sql << "DELETE FROM service_items WHERE agency_id = :a AND code = :c", soci::use(v_agency),
      soci::use(c_code);
  sql << "INSERT INTO service_items (agency_id, code, version_seq, name, level, parent_code, type, "
         "department, status) VALUES (:a, :c, :s, :n, :l, :p, :t, :d, :st)",
      soci::use(v_agency), soci::use(c_code), soci::use(v_seq), soci::use(c_name),
      soci::use(c_level), soci::use(c_parent), soci::use(c_type), soci::use(c_department),
      soci::use(c_status);
  std::string versions = fmt::format("t.seq BETWEEN {} AND {}", first, seq);
  std::string rows = fmt::format("t.version_seq BETWEEN {} AND {}", first, seq);
  RecordInLedger(db, sql, "service_item_versions", agency, versions);
  RecordInLedger(db, sql, "service_materials", agency, rows);
  RecordInLedger(db, sql, "service_basis", agency, rows);
  RecordInLedger(db, sql, "service_items", agency, rows);
  return first;
}

Status CheckParent(const ServiceItem& item, std::optional<ItemLevel> parent_level) {
  if (item.parent.empty()) return Status::Ok();
  if (!parent_level) {
    return Status::InvalidInput(fmt::format(
        "字段 parent：上级 {} 既不在文件中也不在目录中：请先导入或新增上级事项", item.parent));
  }
  bool fits = *parent_level == ItemLevel::kMain ||
              (*parent_level == ItemLevel::kSub && item.level == ItemLevel::kTask);
  if (!fits) {
    return Status::InvalidInput(fmt::format("字段 parent：上级 {} 是{}，不能作为{}的上级",
                                            item.parent, Label(*parent_level), Label(item.level)));
  }
  return Status::Ok();
}

Status MayActOnServices(Database& db, const User& user, int64_t agency_id, Action action) {
  if (Status s = Authorize(user, action); !s.ok()) return s;
  auto access = UserCanAccess(db, user, agency_id);
  if (!access.ok()) return access.status();
  if (!*access) {
    return Status::PermissionDenied(fmt::format("用户 {} 不属于机关 {} 或其上级机关，不能{}",
                                                user.name, agency_id, Label(action)));
  }
  return Status::Ok();
}

Result<std::string> AgencyDivision(Database& db, long long agency) {
  auto a = GetAgency(db, agency);
  if (!a.ok()) return a.status();
  auto settings = nlohmann::json::parse(a->settings.empty() ? "{}" : a->settings, nullptr, false);
  if (settings.is_object() && settings.contains("division_code") &&
      settings["division_code"].is_string()) {
    return settings["division_code"].get<std::string>();
  }
  return std::string();
}

}  // namespace gongkai::internal
