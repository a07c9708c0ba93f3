// Typed notices (告知书) of a disclosure case: the receipt, the 补正 and 说明理由 requests, the
// extension notice, the consultation letters, the fee notice and one reply per kind of answer
// (law.md §6). A notice is its kind, a plain struct of fields the caller fills from the case
// (this file knows nothing of cases), and a mustache template with the official wording, kept
// as editable text under data/templates/notices/<kind>.mustache. Replies include the shared
// remedies paragraph (remedies.mustache, used as the partial `{{> remedies}}`).
//
// Rendering is pure: the caller reads the template files (files/ReadFile) and passes their
// text. Each non-empty line of a rendered template is one body paragraph; the title, the
// document number, the salutation, the agency, the date and the seal placeholder are laid out
// here per GB/T 9704. Template text is not HTML-escaped (writers escape for their format).
// The kind table is constant; share it freely.

#ifndef GONGKAI_DOCS_NOTICE_H_
#define GONGKAI_DOCS_NOTICE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "docs/document.h"
#include "docs/report_export.h"
#include "law/vocab.h"
#include "util/date.h"
#include "util/status.h"

namespace gongkai {

// DO NOT CHANGE the keys of the table below: they name template files and appear in the CLI,
// URLs and stored notices.
enum class NoticeKind {
  kReceipt,            // 申请接收回执
  kCorrection,         // 补正告知书 (Art. 30)
  kExplanation,        // 说明理由告知书 (Art. 35)
  kExtension,          // 延期答复告知书 (Art. 33)
  kConsultThirdParty,  // 征求意见书（第三方）(Art. 32)
  kConsultCoAuthor,    // 征求意见书（共同制作机关）(Art. 34)
  kThirdPartyDisclosure,  // 依申请公开告知书（第三方）: disclosing over an objection (Art. 32)
  kFee,                   // 收费通知书 (国办函〔2020〕109号)
  kAlreadyPublic,  // 已主动公开告知书 (Art. 36(一))
  kGranted,        // 予以公开告知书 (Art. 36(二))
  kPartial,        // 部分公开告知书 (Art. 37)
  kRefused,        // 不予公开告知书 (Art. 36(三))
  kNotExist,       // 政府信息不存在告知书 (Art. 36(四))
  kNotThisAgency,  // 非本机关政府信息告知书 (Art. 36(五))
  kNotProcessed,   // 不予处理告知书 (Art. 35, 39)
  kRepeat,         // 重复申请告知书 (Art. 36(六))
  kUnavailable,    // 无法提供告知书 (Art. 38; still unclear after 补正)
};

struct NoticeKindInfo {
  NoticeKind kind;
  std::string_view key;            // stable, e.g. "refused"
  std::string_view label;          // the name used in practice, e.g. 「不予公开告知书」
  std::string_view title;          // the printed title
  std::string_view template_file;  // under data/templates/notices/
  // Addressed to the applicant (else to a third party or a co-author agency, whose name the
  // caller gives as `addressee`).
  bool to_applicant;
  // A decision the addressee may challenge: the remedies paragraph is required.
  bool challengeable;
  // Withholds information (不予公开, in whole or — our reading — in part): from 2024-01-01 the
  // addressee must seek 行政复议 before suing (行政复议法 2023 第二十三条).
  bool withholds;
  // Fields (keys of NoticeFieldKeys) that must not be empty, beyond those every notice needs.
  std::span<const std::string_view> required;
};

std::span<const NoticeKindInfo> NoticeKinds();
const NoticeKindInfo& Info(NoticeKind kind);
std::optional<NoticeKind> NoticeKindFromKey(std::string_view key);

// The reply that announces a closed case's outcome (report table B row → notice), e.g.
// kRefusedThirdParty → kRefused, kUnavailableNotHeld → kNotExist. nullopt for outcomes that
// close a case without a reply of their own (逾期不补正, 逾期未缴费, 其他 such as a withdrawal).
std::optional<NoticeKind> ReplyFor(Outcome outcome);

// The remedies sentence must require 行政复议 first: a withholding notice issued on or after
// 2024-01-01.
bool RequiresReconsiderationFirst(NoticeKind kind, Date issued);

// Everything a notice may print. Empty strings and nullopt are "not known"; which fields a
// kind needs is in its `required` list. Names and numbers go in as given; the notice is sent
// to the addressee, so nothing is masked here (mask before logging or publishing).
struct NoticeFields {
  std::string agency_name;      // 发文机关, printed above the date
  std::string document_number;  // 文号, e.g. 新华政务公开〔2024〕第12号; no line when empty
  std::string case_number;      // 申请编号
  std::string applicant_name;    // 申请人
  std::string addressee;         // whom the notice addresses; empty = the applicant
  std::optional<Date> received;  // 收到申请之日 (Art. 31)
  std::string request;           // what was asked for (申请公开的内容)
  std::string legal_basis;  // e.g. 《中华人民共和国政府信息公开条例》第十五条
  std::string reasons;      // reasons for the decision, the extension, the objection …
  std::string access;       // how, where and when to get the information
  std::string competent_agency;          // the agency responsible, for Art. 36(五)
  std::string competent_agency_contact;  // its contact details
  std::string correction_items;          // what to supplement, one item per line (Art. 30)
  std::optional<Date> respond_by;  // deadline for the addressee: 补正, 说明理由, 征求意见
  std::optional<Date> reply_due;   // the agency's reply deadline
  // How the reply deadline was counted (the receipt's sentence, cases/receipt.h BuildReceipt).
  std::string reply_due_explanation;
  std::optional<Date> extended_due;           // the reply deadline after the extension
  std::optional<int> extension_working_days;  // the approved extension (Art. 33: at most 20)
  std::optional<int64_t> fee_fen;             // 信息处理费, in fen
  std::string fee_basis;                      // 按件/按量 and the standard applied
  std::string fee_payment;                    // how to pay
  std::optional<Date> fee_due;                // payment deadline
  std::string earlier_reply;         // for a repeat: the earlier reply (its date and number)
  std::string contact;               // the disclosure office's contact (person, telephone)
  std::string reconsideration_body;  // 行政复议机关; "the competent body" when empty
  std::string court;  // 人民法院 for 行政诉讼; "the competent court" when empty
  Date issued{std::chrono::year{2024}, std::chrono::month{1}, std::chrono::day{1}};  // 落款日期
};

struct NoticeFieldKey {
  std::string_view key;    // the mustache name, e.g. "reasons"
  std::string_view label;  // Chinese, for messages, e.g. 「理由」
};
// Every field a template may use (plus the section flag `review_first`).
std::span<const NoticeFieldKey> NoticeFieldKeys();

// The template texts, as read from data/templates/notices/.
struct NoticeTemplates {
  std::string body;      // <kind>.mustache
  std::string remedies;  // remedies.mustache, the partial {{> remedies}}
};

// Lays out the notice. Errors (invalid input): a required field is empty (the message lists
// the missing fields by their Chinese labels); the template does not parse or uses a field
// that does not exist (the message names the template file and line); a challengeable notice
// whose template lacks {{> remedies}}.
Result<Document> NoticeDocument(NoticeKind kind, const NoticeFields& fields,
                                const NoticeTemplates& templates);

// Writes a notice Document as DOCX, PDF or HTML. kInvalidInput for the report-only formats.
Result<std::string> WriteNotice(const Document& notice, ExportFormat format);

}  // namespace gongkai

#endif  // GONGKAI_DOCS_NOTICE_H_
