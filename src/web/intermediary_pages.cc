#include "web/intermediary_pages.h"

#include <fmt/format.h>

#include <map>

#include "docs/intermediary_lists.h"
#include "store/intermediaries.h"
#include "store/services.h"
#include "web/errors.h"
#include "web/service_page_parts.h"
#include "web/url.h"

namespace gongkai::web {
namespace {

constexpr const char* kFreeChoice =
    "申请人可自主选择中介服务机构，审批部门不得指定或者变相指定（《优化营商环境条例》第四十三条）"
    "。";

std::string ListHref(int64_t agency_id) {
  return fmt::format("/services/{}/intermediaries", agency_id);
}

std::string DirectoryHref(int64_t agency_id, std::string_view service = "") {
  std::string href = fmt::format("/services/{}/institutions", agency_id);
  if (!service.empty()) href += "?service=" + EncodeQueryValue(service);
  return href;
}

// The agency, today's lists, and the names of the approval items in force today.
struct Lists {
  Agency agency;
  Date today;
  IntermediaryLists lists;
  NameIndex items;     // approval item code → name
  NameIndex services;  // intermediary code → name
};

std::variant<Lists, Response> Load(RequestContext& ctx, const Request& req) {
  auto found = ServicePageAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  Lists l{std::get<Agency>(std::move(found)), ctx.app.Today(), {}, {}, {}};
  auto lists = IntermediaryListsAt(ctx.app.db(), l.agency.id, l.today);
  if (!lists.ok()) return StatusPage(lists.status(), "中介服务事项清单", "intermediaries: lists");
  l.lists = std::move(lists).value();
  auto items = ServiceItemsAt(ctx.app.db(), l.agency.id, l.today);
  if (!items.ok()) return StatusPage(items.status(), "中介服务事项清单", "intermediaries: items");
  for (const ServiceItem& i : *items) l.items.emplace(i.code, i.name);
  for (const IntermediaryService& s : l.lists.services) l.services.emplace(s.code, s.name);
  return l;
}

std::string ItemHref(int64_t agency_id, std::string_view code) {
  return fmt::format("/services/{}/items/{}", agency_id, EncodePathSegment(code));
}

bool SafeWebsite(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

}  // namespace

Response IntermediaryListPage(RequestContext& ctx, const Request& req) {
  auto loaded = Load(ctx, req);
  if (auto* r = std::get_if<Response>(&loaded)) return std::move(*r);
  const Lists& l = std::get<Lists>(loaded);
  std::map<std::string_view, int> providers;
  for (const Institution& i : l.lists.institutions) {
    for (const std::string& code : i.services) ++providers[code];
  }
  View rows = List();
  for (const IntermediaryService& s : l.lists.services) {
    View o;
    o.set("name", Text(s.name));
    o.set("code", Text(s.code));
    View items = List();
    for (const std::string& code : s.items) {
      View item;
      auto it = l.items.find(code);
      item.set("name", Text(it == l.items.end() ? code : it->second));
      if (it != l.items.end()) item.set("href", Text(ItemHref(l.agency.id, code)));
      items.push_back(item);
    }
    o.set("items", items);
    o.set("department", Text(s.department));
    o.set("basis", Text(BasisText(s.basis)));
    o.set("time_limit", Text(TimeLimitText(s)));
    o.set("fee", Text(FeeText(s)));
    o.set("providers", Text(std::to_string(providers[s.code])));
    o.set("directory_href", Text(DirectoryHref(l.agency.id, s.code)));
    rows.push_back(o);
  }
  View v;
  v.set("title", Text(IntermediaryListTitle(l.agency.name)));
  v.set("catalogue_href", Text(fmt::format("/services/{}", l.agency.id)));
  v.set("today", Text(ShowDate(l.today)));
  v.set("count", Text(std::to_string(l.lists.services.size())));
  v.set("rows", rows);
  v.set("free_choice", Text(kFreeChoice));
  v.set("xlsx_href", Text(ListHref(l.agency.id) + ".xlsx"));
  v.set("directory_href", Text(DirectoryHref(l.agency.id)));
  return ctx.app.Page(ctx, "services_intermediaries", IntermediaryListTitle(l.agency.name), v);
}

Response IntermediaryListDownload(RequestContext& ctx, const Request& req) {
  auto loaded = Load(ctx, req);
  if (auto* r = std::get_if<Response>(&loaded)) return std::move(*r);
  const Lists& l = std::get<Lists>(loaded);
  auto xlsx = IntermediaryListXlsx(l.agency.name, l.lists.services, l.items, l.today);
  if (!xlsx.ok()) return StatusPage(xlsx.status(), "中介服务事项清单", "intermediaries: xlsx");
  return FileDownload(std::move(xlsx).value(), kXlsxType,
                      IntermediaryListTitle(l.agency.name) + ".xlsx");
}

Response InstitutionDirectoryPage(RequestContext& ctx, const Request& req) {
  auto loaded = Load(ctx, req);
  if (auto* r = std::get_if<Response>(&loaded)) return std::move(*r);
  const Lists& l = std::get<Lists>(loaded);
  const std::string service(req.Query("service"));
  if (!service.empty() && !l.services.contains(service)) return NotFound();
  View rows = List();
  int count = 0;
  for (const Institution& i : l.lists.institutions) {
    if (!service.empty() &&
        std::find(i.services.begin(), i.services.end(), service) == i.services.end()) {
      continue;
    }
    ++count;
    View o;
    o.set("name", Text(i.name));
    o.set("credit_code", Text(i.credit_code));
    View quals = List();
    for (const Qualification& q : i.qualifications) {
      View qv;
      qv.set("name", Text(q.name));
      if (!q.number.empty()) qv.set("number", Text(q.number));
      if (!q.grade.empty()) qv.set("grade", Text(q.grade));
      qv.set("validity", Text(ValidityText(q, l.today)));
      qv.set("expired", Flag(ExpiredOn(q, l.today)));
      quals.push_back(qv);
    }
    o.set("qualifications", quals);
    o.set("services", Text(NamedCodes(i.services, l.services)));
    o.set("fees", Text(i.fees.empty() ? "未公布" : i.fees));
    o.set("phone", Text(i.contacts.phone.empty() ? "未公布" : i.contacts.phone));
    o.set("address", Text(i.contacts.address.empty() ? "未公布" : i.contacts.address));
    if (SafeWebsite(i.contacts.website)) o.set("website", Text(i.contacts.website));
    rows.push_back(o);
  }
  View v;
  v.set("title", Text(InstitutionDirectoryTitle(l.agency.name)));
  v.set("list_href", Text(ListHref(l.agency.id)));
  v.set("today", Text(ShowDate(l.today)));
  v.set("count", Text(std::to_string(count)));
  v.set("rows", rows);
  v.set("free_choice", Text(kFreeChoice));
  v.set("xlsx_href", Text(DirectoryHref(l.agency.id) + ".xlsx"));
  if (!service.empty()) {
    View s;
    s.set("name", Text(l.services.find(service)->second));
    s.set("all_href", Text(DirectoryHref(l.agency.id)));
    v.set("service", s);
  }
  return ctx.app.Page(ctx, "services_institutions", InstitutionDirectoryTitle(l.agency.name), v);
}

Response InstitutionDirectoryDownload(RequestContext& ctx, const Request& req) {
  auto loaded = Load(ctx, req);
  if (auto* r = std::get_if<Response>(&loaded)) return std::move(*r);
  const Lists& l = std::get<Lists>(loaded);
  auto xlsx = InstitutionDirectoryXlsx(l.agency.name, l.lists.institutions, l.services, l.today);
  if (!xlsx.ok()) return StatusPage(xlsx.status(), "中介服务机构名录", "institutions: xlsx");
  return FileDownload(std::move(xlsx).value(), kXlsxType,
                      InstitutionDirectoryTitle(l.agency.name) + ".xlsx");
}

std::optional<View> IntermediarySectionOfGuide(RequestContext& ctx, int64_t agency_id,
                                               std::string_view item_code) {
  auto services = IntermediariesForItem(ctx.app.db(), agency_id, item_code, ctx.app.Today());
  if (!services.ok() || services->empty()) return std::nullopt;
  View list = List();
  for (const IntermediaryService& s : *services) {
    View o;
    o.set("name", Text(s.name));
    o.set("code", Text(s.code));
    o.set("time_limit", Text(TimeLimitText(s)));
    o.set("fee", Text(FeeText(s)));
    o.set("basis", Text(BasisText(s.basis)));
    o.set("directory_href", Text(DirectoryHref(agency_id, s.code)));
    list.push_back(o);
  }
  View section;
  section.set("services", list);
  section.set("list_href", Text(ListHref(agency_id)));
  section.set("directory_href", Text(DirectoryHref(agency_id)));
  section.set("free_choice", Text(kFreeChoice));
  return section;
}

}  // namespace gongkai::web
