#include "docs/notice.h"

#include <kainjow/mustache.hpp>

#include <array>

#include "docs/docx_writer.h"
#include "docs/html_writer.h"
#include "docs/pdf_writer.h"

namespace gongkai {
namespace {

namespace mustache = kainjow::mustache;

using Keys = std::array<std::string_view, 0>;
constexpr Keys kNone{};
constexpr std::array<std::string_view, 2> kCorrectionNeeds{"correction_items", "respond_by"};
constexpr std::array<std::string_view, 1> kExplanationNeeds{"respond_by"};
constexpr std::array<std::string_view, 2> kExtensionNeeds{"extended_due", "extension_days"};
constexpr std::array<std::string_view, 1> kConsultNeeds{"respond_by"};
constexpr std::array<std::string_view, 1> kReasonsNeeds{"reasons"};
constexpr std::array<std::string_view, 3> kFeeNeeds{"fee_amount", "fee_basis", "fee_payment"};
constexpr std::array<std::string_view, 1> kAccessNeeds{"access"};
constexpr std::array<std::string_view, 2> kPartialNeeds{"reasons", "access"};
constexpr std::array<std::string_view, 2> kRefusalNeeds{"reasons", "legal_basis"};

constexpr std::array<NoticeKindInfo, 17> kKinds{{
    {NoticeKind::kReceipt, "receipt", "申请接收回执", "政府信息公开申请接收回执",
     "receipt.mustache", true, false, false, kNone},
    {NoticeKind::kCorrection, "correction", "补正告知书", "政府信息公开申请补正告知书",
     "correction.mustache", true, false, false, kCorrectionNeeds},
    {NoticeKind::kExplanation, "explanation", "说明理由告知书", "政府信息公开申请说明理由告知书",
     "explanation.mustache", true, false, false, kExplanationNeeds},
    {NoticeKind::kExtension, "extension", "延期答复告知书", "政府信息公开申请延期答复告知书",
     "extension.mustache", true, false, false, kExtensionNeeds},
    {NoticeKind::kConsultThirdParty, "consult_third_party", "征求意见书（第三方）",
     "政府信息公开征求第三方意见书", "consult_third_party.mustache", false, false, false,
     kConsultNeeds},
    {NoticeKind::kConsultCoAuthor, "consult_co_author", "征求意见书（共同制作机关）",
     "政府信息公开征求意见书", "consult_co_author.mustache", false, false, false, kConsultNeeds},
    {NoticeKind::kThirdPartyDisclosure, "third_party_disclosure", "依申请公开告知书（第三方）",
     "政府信息依申请公开告知书", "third_party_disclosure.mustache", false, true, false,
     kReasonsNeeds},
    {NoticeKind::kFee, "fee", "收费通知书", "政府信息公开信息处理费收费通知书", "fee.mustache",
     true, false, false, kFeeNeeds},
    {NoticeKind::kAlreadyPublic, "already_public", "已主动公开告知书", "政府信息已主动公开告知书",
     "already_public.mustache", true, true, false, kAccessNeeds},
    {NoticeKind::kGranted, "granted", "予以公开告知书", "政府信息予以公开告知书",
     "granted.mustache", true, true, false, kAccessNeeds},
    {NoticeKind::kPartial, "partial", "部分公开告知书", "政府信息部分公开告知书",
     "partial.mustache", true, true, true, kPartialNeeds},
    {NoticeKind::kRefused, "refused", "不予公开告知书", "政府信息不予公开告知书",
     "refused.mustache", true, true, true, kRefusalNeeds},
    {NoticeKind::kNotExist, "not_exist", "政府信息不存在告知书", "政府信息不存在告知书",
     "not_exist.mustache", true, true, false, kNone},
    {NoticeKind::kNotThisAgency, "not_this_agency", "非本机关政府信息告知书",
     "非本机关政府信息告知书", "not_this_agency.mustache", true, true, false, kNone},
    {NoticeKind::kNotProcessed, "not_processed", "不予处理告知书", "政府信息公开申请不予处理告知书",
     "not_processed.mustache", true, true, false, kRefusalNeeds},
    {NoticeKind::kRepeat, "repeat", "重复申请告知书", "政府信息公开重复申请告知书",
     "repeat.mustache", true, true, false, kNone},
    {NoticeKind::kUnavailable, "unavailable", "无法提供告知书", "政府信息无法提供告知书",
     "unavailable.mustache", true, true, false, kRefusalNeeds},
}};

constexpr std::array<NoticeFieldKey, 31> kFieldKeys{{
    {"agency_name", "发文机关"},
    {"document_number", "文号"},
    {"case_number", "申请编号"},
    {"applicant_name", "申请人"},
    {"addressee", "收件人"},
    {"received", "收到申请日期"},
    {"request", "申请内容"},
    {"legal_basis", "法律依据"},
    {"reasons", "理由"},
    {"access", "获取信息的方式、途径和时间"},
    {"competent_agency", "负责公开的行政机关"},
    {"competent_agency_contact", "负责公开的行政机关的联系方式"},
    {"correction_items", "需要补正的事项"},
    {"respond_by", "答复截止日期"},
    {"reply_due", "答复期限"},
    {"reply_due_explanation", "答复期限说明"},
    {"extended_due", "延长后的答复期限"},
    {"extension_days", "延长的工作日数"},
    {"fee_amount", "收费金额"},
    {"fee_basis", "收费依据和标准"},
    {"fee_payment", "缴费方式"},
    {"fee_due", "缴费截止日期"},
    {"earlier_reply", "此前的答复"},
    {"contact", "联系方式"},
    {"reconsideration_body", "行政复议机关"},
    {"court", "人民法院"},
    {"issued", "落款日期"},
    {"review_first", "复议前置"},
    {"remedies", "救济途径"},
    {"title", "标题"},
    {"kind", "文书种类"},
}};

// Every notice needs these, whatever its kind.
constexpr std::array<std::string_view, 3> kAlwaysNeeded{"agency_name", "received", "request"};

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string FeeText(int64_t fen) {
  std::string yuan = std::to_string(fen / 100);
  if (fen % 100 != 0) {
    const int64_t cents = fen % 100;
    yuan += "." + std::to_string(cents / 10) + std::to_string(cents % 10);
  }
  return yuan + "元";
}

// A free-text field without its closing full stop: templates punctuate after it.
std::string Clause(std::string_view text) {
  text = Trim(text);
  for (std::string_view stop : {"。", ".", "；", ";"}) {
    if (text.ends_with(stop)) text.remove_suffix(stop.size());
  }
  return std::string(text);
}

// The values a template sees, by key; only known (non-empty) values are present, so a
// mustache section {{#x}} … {{/x}} prints exactly when x is known.
std::vector<std::pair<std::string_view, std::string>> Values(const NoticeKindInfo& info,
                                                             const NoticeFields& f) {
  std::vector<std::pair<std::string_view, std::string>> v = {
      {"agency_name", f.agency_name},
      {"document_number", f.document_number},
      {"case_number", f.case_number},
      {"applicant_name", f.applicant_name},
      {"addressee", f.addressee.empty() && info.to_applicant ? f.applicant_name : f.addressee},
      {"received", f.received ? FormatDateZh(*f.received) : ""},
      {"request", f.request},
      {"legal_basis", Clause(f.legal_basis)},
      {"reasons", Clause(f.reasons)},
      {"access", Clause(f.access)},
      {"competent_agency", f.competent_agency},
      {"competent_agency_contact", f.competent_agency_contact},
      {"correction_items", f.correction_items},
      {"respond_by", f.respond_by ? FormatDateZh(*f.respond_by) : ""},
      {"reply_due", f.reply_due ? FormatDateZh(*f.reply_due) : ""},
      {"reply_due_explanation", f.reply_due_explanation},
      {"extended_due", f.extended_due ? FormatDateZh(*f.extended_due) : ""},
      {"extension_days", f.extension_working_days ? std::to_string(*f.extension_working_days) : ""},
      {"fee_amount", f.fee_fen ? FeeText(*f.fee_fen) : ""},
      {"fee_basis", f.fee_basis},
      {"fee_payment", f.fee_payment},
      {"fee_due", f.fee_due ? FormatDateZh(*f.fee_due) : ""},
      {"earlier_reply", f.earlier_reply},
      {"contact", f.contact},
      {"reconsideration_body", f.reconsideration_body},
      {"court", f.court},
      {"issued", FormatDateZh(f.issued)},
      {"title", std::string(info.title)},
      {"kind", std::string(info.label)},
  };
  return v;
}

std::string_view LabelOf(std::string_view key) {
  for (const auto& k : kFieldKeys) {
    if (k.key == key) return k.label;
  }
  return key;
}

bool IsKnownField(std::string_view name) {
  for (const auto& k : kFieldKeys) {
    if (k.key == name) return true;
  }
  return false;
}

// Checks every {{tag}} of `text` names a known field. Returns an error naming `file` and the
// line of the first unknown one.
Status CheckTags(std::string_view text, std::string_view file) {
  int line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
    if (text.compare(i, 2, "{{") != 0) continue;
    const size_t end = text.find("}}", i + 2);
    if (end == std::string_view::npos) {
      return Status::InvalidInput(std::string(file) + ":" + std::to_string(line) +
                                  ": 「{{」没有对应的「}}」，请检查模板");
    }
    std::string_view tag = text.substr(i + 2, end - i - 2);
    if (!tag.empty() && tag[0] == '{') tag.remove_prefix(1);
    if (!tag.empty() && tag[0] == '!') {
      i = end + 1;
      continue;  // a comment
    }
    if (!tag.empty() && std::string_view("#^/&>").find(tag[0]) != std::string_view::npos) {
      tag.remove_prefix(1);
    }
    tag = Trim(tag);
    if (!IsKnownField(tag)) {
      std::string known;
      for (const auto& k : kFieldKeys) known += (known.empty() ? "" : ", ") + std::string(k.key);
      return Status::InvalidInput(std::string(file) + ":" + std::to_string(line) +
                                  ": 模板使用了不存在的字段「" + std::string(tag) +
                                  "」。可用字段：" + known);
    }
    for (size_t k = i; k < end; ++k) line += text[k] == '\n' ? 1 : 0;
    i = end + 1;
  }
  return Status::Ok();
}

Result<std::string> Render(std::string_view text, std::string_view file,
                           const mustache::data& view) {
  Status tags = CheckTags(text, file);
  if (!tags.ok()) return tags;
  mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    return Status::InvalidInput(std::string(file) + ": 模板语法错误：" + tmpl.error_message());
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  return tmpl.render(view);
}

}  // namespace

std::span<const NoticeKindInfo> NoticeKinds() { return kKinds; }

const NoticeKindInfo& Info(NoticeKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds[0];
}

std::optional<NoticeKind> NoticeKindFromKey(std::string_view key) {
  for (const auto& k : kKinds) {
    if (k.key == key) return k.kind;
  }
  return std::nullopt;
}

std::span<const NoticeFieldKey> NoticeFieldKeys() { return kFieldKeys; }

std::optional<NoticeKind> ReplyFor(Outcome outcome) {
  switch (outcome) {
    case Outcome::kGranted:
      return NoticeKind::kGranted;
    case Outcome::kPartial:
      return NoticeKind::kPartial;
    case Outcome::kRefusedStateSecret:
    case Outcome::kRefusedLawForbidden:
    case Outcome::kRefusedSecurityStability:
    case Outcome::kRefusedThirdParty:
    case Outcome::kRefusedInternalAffairs:
    case Outcome::kRefusedProcessInfo:
    case Outcome::kRefusedEnforcementFile:
    case Outcome::kRefusedInquiryMatter:
      return NoticeKind::kRefused;
    case Outcome::kUnavailableNotHeld:
      return NoticeKind::kNotExist;
    case Outcome::kUnavailableNeedsCreation:
    case Outcome::kUnavailableUnclear:
      return NoticeKind::kUnavailable;
    case Outcome::kNotProcessedRepeat:
      return NoticeKind::kRepeat;
    case Outcome::kNotProcessedPetition:
    case Outcome::kNotProcessedPublication:
    case Outcome::kNotProcessedExcessive:
    case Outcome::kNotProcessedConfirm:
      return NoticeKind::kNotProcessed;
    case Outcome::kOtherNoCorrection:
    case Outcome::kOtherFeeUnpaid:
    case Outcome::kOtherOther:
      return std::nullopt;
  }
  return std::nullopt;
}

bool RequiresReconsiderationFirst(NoticeKind kind, Date issued) {
  constexpr Date kReconsiderationLaw2023{std::chrono::year{2024}, std::chrono::month{1},
                                         std::chrono::day{1}};
  return Info(kind).withholds && DayNumber(issued) >= DayNumber(kReconsiderationLaw2023);
}

Result<Document> NoticeDocument(NoticeKind kind, const NoticeFields& fields,
                                const NoticeTemplates& templates) {
  const NoticeKindInfo& info = Info(kind);
  const auto values = Values(info, fields);
  auto value_of = [&](std::string_view key) -> const std::string& {
    for (const auto& [k, v] : values) {
      if (k == key) return v;
    }
    static const std::string kEmpty;
    return kEmpty;
  };

  std::vector<std::string_view> missing;
  for (std::string_view key : kAlwaysNeeded) {
    if (value_of(key).empty()) missing.push_back(key);
  }
  if (value_of("addressee").empty())
    missing.push_back(info.to_applicant ? "applicant_name" : "addressee");
  for (std::string_view key : info.required) {
    if (value_of(key).empty()) missing.push_back(key);
  }
  if (!missing.empty()) {
    std::string list;
    for (std::string_view key : missing) {
      list +=
          (list.empty() ? "" : "、") + std::string(LabelOf(key)) + "（" + std::string(key) + "）";
    }
    return Status::InvalidInput("生成「" + std::string(info.label) + "」缺少：" + list +
                                "。请在案件中补充后重试。");
  }
  const std::string body_file = "notices/" + std::string(info.template_file);
  if (info.challengeable && templates.body.find("{{> remedies}}") == std::string::npos) {
    return Status::InvalidInput(
        body_file +
        ": 该文书可以申请行政复议或提起行政诉讼，模板必须包含救济途径段落「{{> remedies}}」");
  }

  mustache::data view;
  for (const auto& [key, value] : values) {
    if (!value.empty()) view.set(std::string(key), value);
  }
  view.set("review_first", RequiresReconsiderationFirst(kind, fields.issued));
  Result<std::string> remedies = Render(templates.remedies, "notices/remedies.mustache", view);
  if (!remedies.ok()) return remedies.status();
  const std::string remedies_text = *remedies;
  view.set("remedies", mustache::partial([remedies_text] { return remedies_text; }));
  Result<std::string> body = Render(templates.body, body_file, view);
  if (!body.ok()) return body.status();

  Document doc;
  doc.title = std::string(info.title);
  doc.date = fields.issued;
  doc.page_numbers = false;
  doc.Add(ParagraphStyle::kTitle, std::string(info.title));
  if (!fields.document_number.empty()) doc.Add(ParagraphStyle::kDocNumber, fields.document_number);
  doc.Add(ParagraphStyle::kSalutation, value_of("addressee") + "：");
  size_t start = 0;
  const std::string& text = *body;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) doc.Add(ParagraphStyle::kBody, std::string(line));
    start = end + 1;
  }
  doc.Add(ParagraphStyle::kSignature, fields.agency_name);
  doc.Add(ParagraphStyle::kSignature, FormatDateZh(fields.issued));
  doc.Add(ParagraphStyle::kSeal, "（印章）");
  return doc;
}

Result<std::string> WriteNotice(const Document& notice, ExportFormat format) {
  switch (format) {
    case ExportFormat::kDocx:
      return WriteDocx(notice);
    case ExportFormat::kPdf:
      return WritePdf(notice);
    case ExportFormat::kHtml:
      return WriteHtml(notice);
    case ExportFormat::kXlsx:
    case ExportFormat::kJson:
      break;
  }
  return Status::InvalidInput("告知书只能导出为 docx、pdf 或 html");
}

}  // namespace gongkai
