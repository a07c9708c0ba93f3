// Attachments of an item of the register (store/publications.h) uploaded from its office edit
// page, /office/a/{agency}/publications/{id}: a PDF, DOCX or XLSX file of at most kMaxUploadBytes
// (web/upload.h), its kind judged by its bytes (ingest/attachment.h: a renamed file is refused
// with a message saying so), stored with its SHA-256, and its text extracted and put into the
// search index with the item's other text; removing one takes its text out of the index. Clerks
// and heads of the agency (the route table's kClerk).

#ifndef GONGKAI_WEB_ATTACHMENT_PAGES_H_
#define GONGKAI_WEB_ATTACHMENT_PAGES_H_

#include "web/app.h"

namespace gongkai::web {

// POST /office/a/{agency}/publications/{id}/attachments: multipart, the file in field "file".
Response UploadAttachmentSubmit(RequestContext& ctx, const Request& req);
// POST /office/a/{agency}/publications/{id}/attachments/{n}/remove
Response RemoveAttachmentSubmit(RequestContext& ctx, const Request& req);

}  // namespace gongkai::web

#endif  // GONGKAI_WEB_ATTACHMENT_PAGES_H_
