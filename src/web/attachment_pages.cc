#include "web/attachment_pages.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <variant>

#include "ingest/attachment.h"
#include "store/publications.h"
#include "web/errors.h"
#include "web/publication_pages.h"
#include "web/upload.h"
#include "web/views.h"

namespace gongkai::web {
namespace {

constexpr std::string_view kTitle = "附件";

std::string EditUrl(int64_t agency_id, int64_t id) {
  return fmt::format("/office/a/{}/publications/{}", agency_id, id);
}

// The file's own name: browsers on Windows may send the whole path.
std::string BaseName(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? name : name.substr(slash + 1));
}

// The agency and the stored item of the URL, or the response to send.
std::variant<std::pair<Agency, StoredPublication>, Response> Target(RequestContext& ctx,
                                                                    const Request& req) {
  auto found = RegisterAgency(ctx, req);
  if (auto* r = std::get_if<Response>(&found)) return std::move(*r);
  Agency agency = std::get<Agency>(std::move(found));
  auto id = ParseId(req.Param("id"));
  if (!id) return NotFound();
  auto item = GetPublication(ctx.app.db(), agency.id, *id);
  if (!item.ok()) return StatusPage(item.status(), kTitle, "attachment item");
  return std::pair{std::move(agency), std::move(item).value()};
}

}  // namespace

Response UploadAttachmentSubmit(RequestContext& ctx, const Request& req) {
  auto target = Target(ctx, req);
  if (auto* r = std::get_if<Response>(&target)) return std::move(*r);
  const auto& [agency, item] = std::get<std::pair<Agency, StoredPublication>>(target);
  auto refuse = [&](const Status& s) {
    if (!ShowsOnPage(s)) return StatusPage(s, kTitle, "attachment upload");
    return EditPublicationPage(ctx, agency, item, ProblemLines(s), HttpStatusFor(s));
  };
  const FormPart* file = nullptr;
  for (const auto& part : ctx.files) {
    if (part.name == "file") file = &part;
  }
  if (file == nullptr || file->data.empty()) {
    return refuse(Status::InvalidInput("请选择要上传的附件（PDF、DOCX 或 XLSX，不能为空）"));
  }
  const std::string name = BaseName(file->filename.value_or(""));
  if (file->data.size() > kMaxUploadBytes) {
    return refuse(Status::InvalidInput(
        fmt::format("附件“{}”超过 {} MB：请压缩或拆分后再上传", name, kMaxUploadBytes >> 20)));
  }
  auto content = ReadAttachment(file->data, name.empty() ? "附件" : name);
  if (!content.ok()) return refuse(content.status());
  Attachment attachment;
  attachment.meta.name = name.empty() ? "附件" : name;
  attachment.meta.media_type = content->media_type;
  attachment.bytes = file->data;
  attachment.text = content->text;
  auto added = AddAttachment(ctx.app.db(), agency.id, item.id, attachment, ctx.session->user.name);
  if (!added.ok()) return refuse(added.status());
  spdlog::info("attachment {} added to publication {} of agency {}", added->sha256, item.id,
               agency.id);
  return Redirect(fmt::format("{}?done=attached{}", EditUrl(agency.id, item.id),
                              content->note.empty() ? "" : "&scanned=1"));
}

Response RemoveAttachmentSubmit(RequestContext& ctx, const Request& req) {
  auto target = Target(ctx, req);
  if (auto* r = std::get_if<Response>(&target)) return std::move(*r);
  const auto& [agency, item] = std::get<std::pair<Agency, StoredPublication>>(target);
  std::string_view text = req.Param("n");
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 0) {
    return NotFound();
  }
  Status s = RemoveAttachment(ctx.app.db(), agency.id, item.id, n, ctx.session->user.name);
  if (!s.ok()) {
    if (!ShowsOnPage(s)) return StatusPage(s, kTitle, "attachment removal");
    return EditPublicationPage(ctx, agency, item, ProblemLines(s), HttpStatusFor(s));
  }
  return Redirect(fmt::format("{}?done=removed", EditUrl(agency.id, item.id)));
}

}  // namespace gongkai::web
