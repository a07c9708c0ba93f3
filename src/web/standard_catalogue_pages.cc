#include "web/standard_catalogue_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <variant>

#include "publications/standard_catalogue.h"
#include "publications/tabular.h"
#include "store/standard_catalogue.h"
#include "web/errors.h"
#include "web/publication_pages.h"
#include "web/url.h"
#include "web/views.h"

namespace gongkai::web {
namespace {

std::string Base(int64_t agency_id) {
  return fmt::format("/office/a/{}/standard-catalogue", agency_id);
}

// The catalogue of an uploaded .csv or .xlsx file.
Result<std::vector<StandardCatalogueRow>> ReadUpload(const FormPart& file) {
  const std::string name = file.filename.value_or("");
  auto rows = ReadTableFile(name, file.data, "基层标准目录请上传 .csv 或 .xlsx 文件");
  if (!rows.ok()) return rows.status();
  return StandardCatalogueFromRows(*rows, name);
}

Response Render(RequestContext& ctx, const Request& req, const Agency& agency,
                const std::vector<std::string>& errors, int status) {
  auto use = StandardCatalogueUse(ctx.app.db(), agency.id, ctx.app.Today());
  if (!use.ok()) return StatusPage(use.status(), "基层政务公开标准目录", "standard catalogue");
  // Rows with no public item first (what the office still has to publish), then the rest; each
  // group in the catalogue's order.
  std::vector<const StandardRowUse*> ordered;
  for (const StandardRowUse& u : *use) ordered.push_back(&u);
  std::stable_partition(ordered.begin(), ordered.end(),
                        [](const StandardRowUse* u) { return u->published == 0; });
  int empty = 0;
  View rows = List();
  for (const StandardRowUse* u : ordered) {
    if (u->published == 0) ++empty;
    View o;
    o.set("number", Text(u->row.number));
    o.set("key", Text(StandardRowKey(u->row)));
    o.set("title", Text(StandardRowTitle(u->row)));
    o.set("content", Text(u->row.content));
    o.set("time_limit", Text(u->row.time_limit.empty() ? "—" : u->row.time_limit));
    o.set("subject", Text(u->row.subject.empty() ? "—" : u->row.subject));
    o.set("mode", Text(StandardFlagsText(u->row.flags, "mode")));
    o.set("level", Text(StandardFlagsText(u->row.flags, "level")));
    o.set("items", Text(std::to_string(u->items)));
    o.set("published", Text(std::to_string(u->published)));
    o.set("empty", Flag(u->published == 0));
    o.set("public_href", Text(fmt::format("/catalogue/{}?category={}", agency.id,
                                          EncodeQueryValue(StandardRowKey(u->row)))));
    rows.push_back(o);
  }
  View v;
  v.set("agency", Text(agency.name));
  v.set("base", Text(Base(agency.id)));
  v.set("register_href", Text(fmt::format("/office/a/{}/publications", agency.id)));
  v.set("rows", rows);
  v.set("has_rows", Flag(!use->empty()));
  v.set("row_count", Text(std::to_string(use->size())));
  v.set("empty_count", Text(std::to_string(empty)));
  v.set("errors", Lines(errors));
  v.set("has_errors", Flag(!errors.empty()));
  std::string notice;
  if (req.Query("done") == "import") {
    notice = fmt::format("已导入 {} 项。", use->size());
  }
  v.set("done", Text(notice));
  v.set("has_done", Flag(!notice.empty() && errors.empty()));
  v.set("can_edit", Flag(ctx.session->user.role != Role::kSupervisor));
  return ctx.app.Page(ctx, "standard_catalogue",
                      fmt::format("{} 基层政务公开标准目录", agency.name), v, status);
}

}  // namespace

Response StandardCataloguePage(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  return Render(ctx, req, std::get<Agency>(found), {}, 200);
}

Response ImportStandardCatalogueSubmit(RequestContext& ctx, const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  const Agency& agency = std::get<Agency>(found);
  const FormPart* file = nullptr;
  for (const auto& part : ctx.files) {
    if (part.name == "file") file = &part;
  }
  if (file == nullptr || file->data.empty()) {
    return Render(ctx, req, agency, {"请选择要导入的目录文件（.csv 或 .xlsx，不能为空）"}, 422);
  }
  auto rows = ReadUpload(*file);
  Status s = rows.ok() ? Status::Ok() : rows.status();
  if (s.ok()) {
    auto imported = ImportStandardCatalogue(ctx.app.db(), agency.id, *rows,
                                            file->filename.value_or(""), ctx.session->user.name);
    if (imported.ok()) {
      spdlog::info("standard catalogue of agency {}: {} rows", agency.id, *imported);
      return Redirect(fmt::format("{}?done=import", Base(agency.id)));
    }
    s = imported.status();
  }
  if (!ShowsOnPage(s)) return StatusPage(s, "基层政务公开标准目录", "standard catalogue import");
  return Render(ctx, req, agency, ProblemLines(s), HttpStatusFor(s));
}

}  // namespace gongkai::web
