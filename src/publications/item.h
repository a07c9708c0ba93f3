// An item of information in the register of proactive disclosure (主动公开): one row per item,
// with every field of ../shared/spec/proactive.md §2 and §6. A plain value; the store keeps the
// items, this layer only describes and checks them. Fields the interchange format does not know
// are carried in `extra` so that a round trip through Gongkai keeps them.

#ifndef GONGKAI_PUBLICATIONS_ITEM_H_
#define GONGKAI_PUBLICATIONS_ITEM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "publications/vocab.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// An attachment's metadata (PDF/DOCX/XLSX…); the bytes live in the store.
struct AttachmentMeta {
  std::string name;        // file name as uploaded
  std::string media_type;  // e.g. "application/pdf"
  int64_t size = 0;        // bytes
  std::string sha256;      // lower-case hex of the bytes
};

struct Publication {
  std::string index_no;  // 索引号; empty until assigned at publication (publications/index_no.h)
  std::string title;     // 名称
  std::string doc_no;    // 文号, optional
  std::string publisher;  // 发布机构
  std::string summary;    // 内容概述 (Art. 12: required)
  PublicationKind kind = PublicationKind::kOther;
  std::string category;           // 主题分类 key (publications/vocab.h)
  Date created;                   // 生成日期 (成文/印发); starts the Art. 26 clock
  std::optional<Date> changed;    // 变更日期; restarts the clock for the change
  std::optional<Date> published;  // 公开日期; nullopt = not yet published
  Validity status = Validity::kInForce;
  std::optional<Date> status_date;  // when it expired or was repealed
  std::vector<PublicationChannel> channels;
  std::string text;    // the body, searchable
  std::string agency;  // the interchange format's optional `agency` (a file of several agencies)
  std::vector<AttachmentMeta> attachments;
  std::string extra = "{}";  // unknown fields, a JSON object in input order
};

// Checks the rules between fields that no single field shows: title, publisher and summary not
// empty; a category key that exists; status_date present exactly when the status is expired or
// repealed and not before `created`; `changed` and `published` not before `created`. Returns
// kInvalidInput naming the field (its interchange-format name) and what to do.
Status CheckPublication(const Publication& item);

}  // namespace gongkai

#endif  // GONGKAI_PUBLICATIONS_ITEM_H_
