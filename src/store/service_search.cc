#include "store/service_search.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "store/agencies.h"
#include "store/search_index_sql.h"
#include "store/service_rows.h"
#include "store/service_search_sql.h"
#include "store/sql.h"
#include "util/percent.h"

namespace gongkai {
namespace {

using Json = nlohmann::json;

Json Extra(const std::string& text) {
  Json j = Json::parse(text.empty() ? "{}" : text, nullptr, false);
  return j.is_object() ? j : Json::object();
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

void Line(std::string* out, std::string_view text) {
  if (text.empty()) return;
  if (!out->empty()) *out += '\n';
  out->append(text);
}

// The first version's 生效时间 of each code among `versions` (all versions, by seq).
std::map<std::string, Date> FirstEffective(const std::vector<ServiceItem>& versions) {
  std::map<std::string, Date> out;
  for (const ServiceItem& v : versions) {
    if (!v.effective) continue;
    auto [it, fresh] = out.emplace(v.code, *v.effective);
    if (!fresh && *v.effective < it->second) it->second = *v.effective;
  }
  return out;
}

}  // namespace

std::string ServiceGuidePath(std::string_view code) { return "/g/" + PercentEncode(code); }

std::optional<SearchDocument> ServiceSearchDocument(int64_t agency_id, const ServiceItem& item,
                                                    std::optional<Date> first_effective) {
  if (item.level != ItemLevel::kTask || item.status != ItemStatus::kInUse) return std::nullopt;
  const Json extra = Extra(item.extra);
  SearchDocument doc;
  doc.agency_id = agency_id;
  doc.kind = SearchKind::kService;
  doc.ref = item.code;
  doc.title = item.name;
  doc.codes.push_back(item.code);
  if (std::string c = Str(extra, "implementation_code"); !c.empty() && c != item.code) {
    doc.codes.push_back(c);
  }
  if (first_effective) doc.date = FormatDate(*first_effective);
  doc.url = ServiceGuidePath(item.code);
  if (auto a = extra.find("aliases"); a != extra.end()) {
    if (a->is_string()) Line(&doc.summary, a->get<std::string>());
    if (a->is_array()) {
      for (const Json& alias : *a) {
        if (alias.is_string()) Line(&doc.summary, alias.get<std::string>());
      }
    }
  }
  Line(&doc.summary, fmt::format("{} · {}", item.department, Label(item.type)));
  for (const std::string& c : item.conditions) Line(&doc.body, c);
  for (const ServiceMaterial& m : item.materials) {
    Line(&doc.body, m.name);
    Line(&doc.body, Str(Extra(m.extra), "note"));
  }
  for (const ServiceBasis& b : item.basis) {
    Line(&doc.body,
         fmt::format("{}{}{}", b.title, b.doc_no.empty() ? "" : "（" + b.doc_no + "）", b.article));
  }
  Line(&doc.body, item.place);
  Line(&doc.body, item.handled_at);
  Line(&doc.body, Str(extra, "window"));
  Line(&doc.body, Str(extra, "hours"));
  for (const char* list : {"steps", "faq"}) {
    auto it = extra.find(list);
    if (it == extra.end() || !it->is_array()) continue;
    for (const Json& entry : *it) {
      if (!entry.is_object()) continue;
      for (const char* key : {"name", "time_limit", "q", "a"}) Line(&doc.body, Str(entry, key));
    }
  }
  return doc;
}

namespace internal {

Status IndexServiceItems(Database& db, soci::session& sql, const PinyinOverrides& pinyin,
                         int64_t agency_id, std::span<const std::string> codes) {
  for (const std::string& code : codes) {
    auto versions = LoadServiceVersions(sql, agency_id, code, false);
    if (!versions.ok()) return versions.status();
    auto current = LoadCurrentServiceItem(sql, agency_id, code);
    if (!current.ok()) return current.status();
    std::optional<SearchDocument> doc;
    if (*current) {
      auto first = FirstEffective(*versions);
      std::optional<Date> date;
      if (auto it = first.find(code); it != first.end()) date = it->second;
      doc = ServiceSearchDocument(agency_id, **current, date);
    }
    Status s = doc ? UpsertSearchDocument(db, sql, pinyin, *doc)
                   : RemoveSearchDocument(sql, agency_id, SearchKind::kService, code);
    if (!s.ok()) return s.WithContext(fmt::format("检索索引（事项 {}）：", code));
  }
  return Status::Ok();
}

}  // namespace internal

Status ListServiceSearchDocuments(Database& db,
                                  const std::function<Status(const SearchDocument&)>& emit) {
  auto agencies = ListAgencies(db);
  if (!agencies.ok()) return agencies.status();
  for (const auto& a : *agencies) {
    auto docs = Run(db, "读取政务服务事项目录",
                    [&](soci::session& sql) -> Result<std::vector<SearchDocument>> {
                      auto all = internal::LoadServiceVersions(sql, a.id, std::nullopt, false);
                      if (!all.ok()) return all.status();
                      auto current = internal::LoadServiceVersions(sql, a.id, std::nullopt, true);
                      if (!current.ok()) return current.status();
                      auto first = FirstEffective(*all);
                      std::vector<SearchDocument> out;
                      for (const ServiceItem& item : *current) {
                        std::optional<Date> date;
                        if (auto it = first.find(item.code); it != first.end()) date = it->second;
                        if (auto doc = ServiceSearchDocument(a.id, item, date)) {
                          out.push_back(std::move(*doc));
                        }
                      }
                      return out;
                    });
    if (!docs.ok()) return docs.status();
    for (const SearchDocument& doc : *docs) {
      if (Status s = emit(doc); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace gongkai
