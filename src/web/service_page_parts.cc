#include "web/service_page_parts.h"

#include "web/errors.h"
#include "web/url.h"
#include "web/views.h"

namespace gongkai::web {

std::variant<Agency, Response> ServicePageAgency(RequestContext& ctx, const Request& req) {
  auto id = ParseId(req.Param("agency"));
  if (!id) return NotFound();
  auto agency = GetAgency(ctx.app.db(), *id);
  if (!agency.ok()) return StatusPage(agency.status(), "服务事项", "services: agency");
  return std::move(agency).value();
}

Response FileDownload(std::string bytes, std::string content_type, const std::string& filename) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(bytes);
  r.AddHeader("Content-Disposition", AttachmentDisposition(filename));
  return r;
}

}  // namespace gongkai::web
