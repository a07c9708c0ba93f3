// What the public is served of a published report, and how it is made once: the public page's
// body and every download of a version, rendered from the stored version (its tables and
// narrative, never a fold of the register) when it is published, stored by the store
// (store/report_files.h) and served from there with its SHA-256 as ETag. The office's exports of
// a version come from the same VersionReport, so both carry the same narrative. A version
// published before files were stored is rendered on its first request and stored then.
// Stateless functions; safe from any thread.

#ifndef GONGKAI_WEB_REPORT_PUBLICATION_H_
#define GONGKAI_WEB_REPORT_PUBLICATION_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "docs/report_export.h"
#include "report/model.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/report_anchor.h"
#include "store/report_files.h"
#include "store/report_store.h"
#include "web/http.h"
#include "web/templates.h"

namespace gongkai::web {

// The body of a report page (template report_body): the report's sections in the national
// format's order, each with its table, the consistency findings and the download links under
// `base_url`. The public page stores this for a published version; the office page shows it for
// the version being worked on.
View ReportBodyView(const Agency& agency, const Report& report, const std::string& base_url);

// The public page body and the five downloads of `version`, rendered from VersionReport. With an
// anchor, the page, HTML, DOCX, PDF and JSON print it at the end (「审计检查点」, a caption and the
// line store/report_anchor.h FindAnchor reads back; JSON: the key "audit_checkpoint").
Result<std::vector<ReportFile>> RenderPublicReportFiles(const Templates& templates,
                                                        const Agency& agency,
                                                        const ReportVersion& version,
                                                        const ReportAnchor* anchor = nullptr);

// The renderer PublishReport calls (store/report_store.h). When the Database has an audit key and
// `checkpoints` names the checkpoint file, it first anchors the publication there
// (store/report_anchor.h AnchorPublication: its error, e.g. a register that does not verify,
// stops the publication) and prints the anchor; otherwise it renders without one.
ReportRenderer PublishingRenderer(Database& db, Calendars& calendars, const Templates& templates,
                                  const Agency& agency, const std::filesystem::path& checkpoints);

// The stored file of a published `version` in `format`, rendering and storing the version's
// files first when none are stored.
Result<ReportFile> PublishedReportFile(Database& db, const Templates& templates,
                                       const Agency& agency, const ReportVersion& version,
                                       std::string_view format);

// The download's file name, e.g. 「甲区人民政府2023年政府信息公开工作年度报告.pdf」.
std::string ReportFileName(const Agency& agency, int year, ExportFormat format);

// `bytes` as a download: its MIME type, Content-Disposition with the Chinese file name (RFC 6266
// filename* and an ASCII fallback), and ETag `sha256`; 304 without a body when the request's
// If-None-Match names that ETag.
Response ReportFileResponse(const Request& request, std::string bytes, const std::string& sha256,
                            ExportFormat format, const std::string& file_name,
                            const std::string& ascii_name);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_REPORT_PUBLICATION_H_
