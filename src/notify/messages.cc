#include "notify/messages.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "cases/receipt.h"
#include "law/vocab_table.h"
#include "util/mask.h"

namespace gongkai {

namespace {

constexpr std::array<VocabEntry<MessageKind>, 8> kKinds{{
    {MessageKind::kReceipt, "receipt", "申请已收到"},
    {MessageKind::kCorrection, "correction", "需要补正"},
    {MessageKind::kExtension, "extension", "延期答复"},
    {MessageKind::kConsultation, "consultation", "征求意见（答复期限中止）"},
    {MessageKind::kFeeNotice, "fee_notice", "收费通知"},
    {MessageKind::kAnswer, "answer", "已作出答复"},
    {MessageKind::kDelivery, "delivery", "已送达"},
    {MessageKind::kStaffDigest, "staff_digest", "每日期限提醒"},
}};

constexpr std::array<VocabEntry<MessageChannel>, 2> kChannels{{
    {MessageChannel::kEmail, "email", "电子邮件"},
    {MessageChannel::kSms, "sms", "短信"},
}};

// Closes every e-mail: where to follow the case, and that replies are not read.
constexpr std::string_view kMailFooter =
    "\n凭案件编号和查询码可在政府信息公开网站“进度查询”中查看办理进度。\n"
    "本邮件由系统自动发送，请勿直接回复。\n";

std::string FeeYuan(int64_t fen) {
  std::string yuan = std::to_string(fen / 100);
  if (fen % 100 != 0) yuan += fmt::format(".{:02d}", fen % 100);
  return yuan + "元";
}

// The text of one step: the e-mail's subject and body (without salutation and footer) and the
// SMS (without the agency's signature).
struct StepText {
  std::string subject;
  std::string body;
  std::string sms;
};

std::string DueOrPending(const std::optional<Date>& d) {
  return d ? FormatDateZh(*d) : std::string("另行告知");
}

StepText ReceiptText(const CaseContacts& c, const CaseState& state,
                     const DeadlineSettings& settings) {
  std::optional<Date> due = state.deadlines ? state.deadlines->reply_due : std::nullopt;
  ReceiptFacts r =
      BuildReceipt(c.case_number, c.query_code, state.receipt.value_or(Date{}), due, settings);
  StepText t;
  t.subject = fmt::format("政府信息公开申请已收到（案件编号 {}）", r.case_number);
  t.body = fmt::format("{}已收到您提出的政府信息公开申请。\n\n案件编号：{}\n", c.agency_name,
                       r.case_number);
  if (r.query_code)
    t.body += fmt::format("查询码：{}（请妥善保存，工作人员无法找回）\n", *r.query_code);
  t.body += fmt::format("收到申请之日：{}\n答复期限：{}\n\n{}\n", FormatDateZh(r.received),
                        DueOrPending(r.reply_due), r.due_explanation);
  t.sms = fmt::format("您的政府信息公开申请已收到，案件编号{}", r.case_number);
  if (r.query_code) t.sms += fmt::format("，查询码{}", *r.query_code);
  t.sms += fmt::format("，收到申请之日{}，答复期限{}。", FormatDateZh(r.received),
                       DueOrPending(r.reply_due));
  return t;
}

StepText CorrectionText(const CaseContacts& c, const Event& e, const CaseState& state) {
  std::optional<Date> by = e.deadline;
  if (!by && state.deadlines) by = state.deadlines->correction_due;
  StepText t;
  t.subject = fmt::format("请补正政府信息公开申请（案件编号 {}）", c.case_number);
  t.body = fmt::format(
      "您的政府信息公开申请（案件编号 {}）内容需要补正（《中华人民共和国政府信息公开条例》"
      "第三十条）。请补正以下内容：\n",
      c.case_number);
  int n = 0;
  for (const auto& item : e.items.value_or(std::vector<std::string>{})) {
    t.body += fmt::format("  {}. {}\n", ++n, item);
  }
  t.body += fmt::format(
      "\n补正期限：{}。答复期限自收到补正后的申请之日起重新计算；无正当理由逾期不补正的，"
      "视为放弃申请。\n",
      DueOrPending(by));
  t.sms = fmt::format("您的政府信息公开申请{}需要补正，请于{}前补正，需补正的内容见补正告知书。",
                      c.case_number, DueOrPending(by));
  return t;
}

StepText ExtensionText(const CaseContacts& c, const Event& e, const CaseState& state) {
  std::optional<Date> due = state.deadlines ? state.deadlines->extended_due : std::nullopt;
  StepText t;
  t.subject = fmt::format("政府信息公开申请延期答复（案件编号 {}）", c.case_number);
  t.body = fmt::format(
      "经政府信息公开工作机构负责人同意，您的政府信息公开申请（案件编号 {}）的答复期限延长{}个"
      "工作日（《中华人民共和国政府信息公开条例》第三十三条），延长后的答复期限为{}。\n",
      c.case_number, e.working_days.value_or(0), DueOrPending(due));
  t.sms = fmt::format("您的政府信息公开申请{}答复期限延长{}个工作日，延长后的答复期限为{}。",
                      c.case_number, e.working_days.value_or(0), DueOrPending(due));
  return t;
}

StepText ConsultationText(const CaseContacts& c, const Event& e, const CaseState& state) {
  std::optional<Date> until = state.deadlines ? state.deadlines->consultation_due : std::nullopt;
  std::string_view whom =
      e.party == ConsultationParty::kCoAuthor ? "共同制作该信息的行政机关" : "第三方";
  std::string_view article = e.party == ConsultationParty::kCoAuthor ? "第三十四条" : "第三十二条";
  StepText t;
  t.subject = fmt::format("政府信息公开申请征求意见期间答复期限中止（案件编号 {}）", c.case_number);
  t.body = fmt::format(
      "本机关已就您的政府信息公开申请（案件编号 {}）征求{}的意见（《中华人民共和国政府信息公开"
      "条例》{}）。征求意见所需时间不计入答复期限；对方应于{}前提出意见，期限届满未提出意见的，"
      "本机关依照条例规定决定。答复期限自征求意见结束后继续计算。\n",
      c.case_number, whom, article, DueOrPending(until));
  t.sms = fmt::format("您的政府信息公开申请{}正在征求{}意见，征求意见期间不计入答复期限。",
                      c.case_number, whom);
  return t;
}

StepText FeeText(const CaseContacts& c, const Event& e, const CaseState& state) {
  std::optional<Date> by = state.deadlines ? state.deadlines->fee_payment_due : std::nullopt;
  std::string amount = FeeYuan(e.amount_fen.value_or(0));
  StepText t;
  t.subject = fmt::format("政府信息公开申请收费通知（案件编号 {}）", c.case_number);
  t.body = fmt::format(
      "您的政府信息公开申请（案件编号 {}）需缴纳信息处理费{}（国办函〔2020〕109号），请于{}前"
      "缴纳，缴费方式见收费通知书。逾期未缴纳的，视为放弃申请；缴费期间不计入答复期限。\n",
      c.case_number, amount, DueOrPending(by));
  t.sms = fmt::format("您的政府信息公开申请{}需缴纳信息处理费{}，请于{}前缴纳，详见收费通知书。",
                      c.case_number, amount, DueOrPending(by));
  return t;
}

StepText AnswerText(const CaseContacts& c, const Event& e) {
  std::string outcome = e.outcome ? std::string(Label(*e.outcome)) : std::string("已答复");
  StepText t;
  t.subject = fmt::format("政府信息公开申请已作出答复（案件编号 {}）", c.case_number);
  t.body = fmt::format(
      "本机关已于{}对您的政府信息公开申请（案件编号 {}）作出答复：{}。答复告知书将按您选择的方式"
      "送达；对答复不服的，可以依法申请行政复议或者提起行政诉讼，途径和期限见答复告知书。\n",
      FormatDateZh(e.date), c.case_number, outcome);
  t.sms =
      fmt::format("您的政府信息公开申请{}已于{}作出答复（{}），答复告知书将按您选择的方式送达。",
                  c.case_number, FormatDateZh(e.date), outcome);
  return t;
}

StepText DeliveryText(const CaseContacts& c, const Event& e) {
  std::string how = e.method && !e.method->empty() ? "（" + *e.method + "）" : "";
  StepText t;
  t.subject = fmt::format("政府信息公开申请答复已送达（案件编号 {}）", c.case_number);
  t.body = fmt::format("您的政府信息公开申请（案件编号 {}）的答复已于{}送达{}。\n", c.case_number,
                       FormatDateZh(e.date), how);
  t.sms = fmt::format("您的政府信息公开申请{}的答复已于{}送达{}。", c.case_number,
                      FormatDateZh(e.date), how);
  return t;
}

}  // namespace

std::span<const VocabEntry<MessageKind>> MessageKinds() { return kKinds; }
std::string_view Key(MessageKind v) { return VocabEntryOf(kKinds, v).key; }
std::string_view Label(MessageKind v) { return VocabEntryOf(kKinds, v).label; }
std::optional<MessageKind> MessageKindFromKey(std::string_view k) {
  return VocabFromKey(kKinds, k);
}
std::span<const VocabEntry<MessageChannel>> MessageChannels() { return kChannels; }
std::string_view Key(MessageChannel v) { return VocabEntryOf(kChannels, v).key; }
std::string_view Label(MessageChannel v) { return VocabEntryOf(kChannels, v).label; }
std::optional<MessageChannel> MessageChannelFromKey(std::string_view k) {
  return VocabFromKey(kChannels, k);
}

std::optional<MessageKind> MessageKindFor(EventType type) {
  switch (type) {
    case EventType::kReceived:
      return MessageKind::kReceipt;
    case EventType::kCorrectionRequested:
      return MessageKind::kCorrection;
    case EventType::kExtensionApproved:
      return MessageKind::kExtension;
    case EventType::kConsultationSent:
      return MessageKind::kConsultation;
    case EventType::kFeeNoticeSent:
      return MessageKind::kFeeNotice;
    case EventType::kAnswered:
      return MessageKind::kAnswer;
    case EventType::kDelivered:
      return MessageKind::kDelivery;
    default:
      return std::nullopt;
  }
}

std::vector<Message> MessagesForStep(const CaseContacts& contacts, const Event& step,
                                     const CaseState& state, const DeadlineSettings& settings) {
  std::optional<MessageKind> kind = MessageKindFor(step.type);
  if (!kind || (contacts.email.empty() && contacts.phone.empty())) return {};
  StepText t;
  switch (*kind) {
    case MessageKind::kReceipt:
      t = ReceiptText(contacts, state, settings);
      break;
    case MessageKind::kCorrection:
      t = CorrectionText(contacts, step, state);
      break;
    case MessageKind::kExtension:
      t = ExtensionText(contacts, step, state);
      break;
    case MessageKind::kConsultation:
      t = ConsultationText(contacts, step, state);
      break;
    case MessageKind::kFeeNotice:
      t = FeeText(contacts, step, state);
      break;
    case MessageKind::kAnswer:
      t = AnswerText(contacts, step);
      break;
    case MessageKind::kDelivery:
      t = DeliveryText(contacts, step);
      break;
    case MessageKind::kStaffDigest:
      return {};
  }
  std::vector<Message> out;
  if (!contacts.email.empty()) {
    out.push_back({*kind, MessageChannel::kEmail, contacts.email,
                   fmt::format("【{}】{}", contacts.agency_name, t.subject),
                   "您好：\n\n" + t.body + std::string(kMailFooter) + contacts.agency_name + "\n"});
  }
  if (!contacts.phone.empty()) {
    out.push_back({*kind, MessageChannel::kSms, contacts.phone, "",
                   fmt::format("【{}】{}", contacts.agency_name, t.sms)});
  }
  return out;
}

std::optional<Message> StaffDigest(std::string_view agency_name, std::string_view staff_name,
                                   std::string_view email, Date today, int reminder_days,
                                   const std::vector<DigestCase>& overdue,
                                   const std::vector<DigestCase>& due_soon) {
  if (overdue.empty() && due_soon.empty()) return std::nullopt;
  Message m;
  m.kind = MessageKind::kStaffDigest;
  m.channel = MessageChannel::kEmail;
  m.to = std::string(email);
  m.subject = fmt::format("【{}】{}期限提醒：已逾期 {} 件，{}个工作日内到期 {} 件", agency_name,
                          FormatDateZh(today), overdue.size(), reminder_days, due_soon.size());
  m.body = fmt::format("{}：\n\n截至{}，本机关依申请公开案件的答复期限情况如下。\n", staff_name,
                       FormatDateZh(today));
  auto section = [&](std::string_view heading, const std::vector<DigestCase>& cases) {
    if (cases.empty()) return;
    m.body += fmt::format("\n{}（{} 件）：\n", heading, cases.size());
    for (const DigestCase& c : cases) {
      std::string left = c.days_left < 0    ? fmt::format("已逾期 {} 个工作日", -c.days_left)
                         : c.days_left == 0 ? std::string("今日到期")
                                            : fmt::format("剩 {} 个工作日", c.days_left);
      m.body += fmt::format("  {}  {}  答复期限 {}，{}\n", c.number, c.applicant_display,
                            FormatDateZh(c.due), left);
    }
  };
  section("已逾期", overdue);
  section(fmt::format("{}个工作日内到期", reminder_days), due_soon);
  m.body += "\n请登录办公工作台处理。本邮件每日发送一次，由系统自动发送。\n";
  return m;
}

std::chrono::seconds RetryDelay(int failed_attempts) {
  constexpr std::chrono::seconds kFirst{60};
  constexpr std::chrono::seconds kLongest{6 * 3600};
  if (failed_attempts < 1) return std::chrono::seconds{0};
  std::chrono::seconds d = kFirst;
  for (int i = 1; i < failed_attempts && d < kLongest; ++i) d *= 2;
  return std::min(d, kLongest);
}

std::string MaskRecipient(MessageChannel channel, std::string_view to) {
  return channel == MessageChannel::kEmail ? MaskEmail(to) : MaskPhone(to);
}

}  // namespace gongkai
