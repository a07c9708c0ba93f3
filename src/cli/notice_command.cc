// `gongkai notice`: writes a typed notice (告知书) of a case as DOCX, PDF or HTML, with the
// wording of data/templates/notices/. Fields come from the case in the database (applicant,
// receipt date, request, deadlines, fee, outcome) and from an optional --fields JSON file for
// what the register does not hold (reasons, legal basis, how to get the information, 文号 …);
// without a case number the notice is made from the JSON file alone. `--list` prints the kinds.

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cases/receipt.h"
#include "cli/commands.h"
#include "docs/notice.h"
#include "files/calendar_files.h"
#include "store/agencies.h"
#include "store/calendars.h"
#include "store/case_store.h"
#include "store/database.h"
#include "util/json_depth.h"

namespace gongkai::cli {
namespace {

struct NoticeArgs {
  bool list = false;
  std::string case_number;
  std::string kind;
  std::string format;
  std::string output;
  std::string db = "gongkai.db";
  std::optional<int64_t> agency;
  std::string fields_file;
  std::string templates;  // directory; default <data>/templates/notices
  std::string issued;
};

bool En(const GlobalOptions& g) { return g.lang == "en"; }

int Fail(const std::string& message) {
  std::cerr << message << "\n";
  return 1;
}

// The fields file is flat: one object of strings and numbers.
constexpr int kMaxFieldsJsonDepth = 4;

// Reads {"reasons": "…", "issued": "2024-03-20", "fee_fen": 30000, …} into `f`: keys are those
// of NoticeFieldKeys (plus fee_fen); dates are YYYY-MM-DD.
Status ApplyFieldsJson(std::string_view text, const std::string& file, NoticeFields& f) {
  if (Status depth = CheckJsonDepth(text, kMaxFieldsJsonDepth); !depth.ok()) {
    return depth.WithContext(file + ": ");
  }
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidInput(file + ": 不是 JSON 对象，例如 {\"reasons\": \"…\"}");
  }
  std::map<std::string, std::string*> strings = {
      {"agency_name", &f.agency_name},
      {"document_number", &f.document_number},
      {"case_number", &f.case_number},
      {"applicant_name", &f.applicant_name},
      {"addressee", &f.addressee},
      {"request", &f.request},
      {"legal_basis", &f.legal_basis},
      {"reasons", &f.reasons},
      {"access", &f.access},
      {"competent_agency", &f.competent_agency},
      {"competent_agency_contact", &f.competent_agency_contact},
      {"correction_items", &f.correction_items},
      {"fee_basis", &f.fee_basis},
      {"fee_payment", &f.fee_payment},
      {"earlier_reply", &f.earlier_reply},
      {"contact", &f.contact},
      {"reconsideration_body", &f.reconsideration_body},
      {"court", &f.court},
      {"reply_due_explanation", &f.reply_due_explanation}};
  std::map<std::string, std::optional<Date>*> dates = {{"received", &f.received},
                                                       {"respond_by", &f.respond_by},
                                                       {"reply_due", &f.reply_due},
                                                       {"extended_due", &f.extended_due},
                                                       {"fee_due", &f.fee_due}};
  for (const auto& [key, value] : j.items()) {
    const std::string where = file + ": 字段「" + key + "」";
    if (auto s = strings.find(key); s != strings.end()) {
      if (!value.is_string()) return Status::InvalidInput(where + "应为文字");
      *s->second = value.get<std::string>();
    } else if (auto d = dates.find(key); d != dates.end() || key == "issued") {
      if (!value.is_string()) return Status::InvalidInput(where + "应为日期 YYYY-MM-DD");
      Result<Date> date = ParseDate(value.get<std::string>());
      if (!date.ok()) return date.status().WithContext(where + "：");
      if (key == "issued") {
        f.issued = *date;
      } else {
        *d->second = *date;
      }
    } else if (key == "fee_fen") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0) {
        return Status::InvalidInput(where + "应为非负整数（单位：分）");
      }
      f.fee_fen = value.get<int64_t>();
    } else {
      return Status::InvalidInput(where + "不存在；可用字段见 docs/notice.h NoticeFields");
    }
  }
  return Status::Ok();
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

// Fills what the register knows about the case; returns the kind its answer calls for.
// `issued_by_event` receives the date of the last event of each type (the notice's date).
Result<std::optional<NoticeKind>> FieldsFromCase(const NoticeArgs& args, NoticeFields& f,
                                                 std::map<EventType, Date>& issued_by_event) {
  Result<Database> db = Database::Open(args.db);
  if (!db.ok()) return db.status();
  Result<int64_t> agency_id = ResolveAgency(*db, args.agency);
  if (!agency_id.ok()) return agency_id.status();
  Result<Agency> agency = GetAgency(*db, *agency_id);
  if (!agency.ok()) return agency.status();
  Calendars calendars;
  CaseRegister cases(*db, calendars);
  Result<CaseDetail> detail = cases.Get(*agency_id, args.case_number);
  if (!detail.ok()) return detail.status();
  const CaseSummary& s = detail->summary;
  f.agency_name = agency->name;
  f.case_number = s.number;
  f.applicant_name = detail->applicant.name;
  f.received = s.received;
  f.request = Join(s.items, "；");
  f.reply_due = s.due;
  // The receipt's explanation, as on the receipt page and in the receipt message.
  Result<CaseSettings> settings = AgencyCaseSettings(*agency);
  if (!settings.ok()) return settings.status();
  f.reply_due_explanation =
      BuildReceipt(s.number, std::nullopt, s.received, s.due, settings->deadlines).due_explanation;
  std::optional<NoticeKind> reply;
  for (const StoredEvent& stored : detail->events) {
    const Event& e = stored.event;
    switch (e.type) {
      case EventType::kCorrectionRequested:
        if (e.items) f.correction_items = Join(*e.items, "\n");
        f.respond_by = e.deadline;
        break;
      case EventType::kConsultationSent:
        if (e.to) f.addressee = *e.to;
        break;
      case EventType::kExtensionApproved:
        f.extended_due = s.due;
        f.extension_working_days = e.working_days;
        break;
      case EventType::kFeeNoticeSent:
        f.fee_fen = e.amount_fen;
        if (e.method) {
          if (auto m = FeeMethodFromKey(*e.method)) f.fee_basis = std::string(Label(*m));
        }
        break;
      case EventType::kAnswered:
        if (e.outcome) reply = ReplyFor(*e.outcome);
        if (!e.note.empty()) f.reasons = e.note;
        break;
      default:
        break;
    }
    issued_by_event[e.type] = e.date;
  }
  return reply;
}

int RunNotice(const NoticeArgs& args, GlobalOptions& g) {
  if (args.list) {
    for (const NoticeKindInfo& k : NoticeKinds()) {
      std::cout << k.key << std::string(k.key.size() < 24 ? 24 - k.key.size() : 1, ' ') << k.label
                << "\n";
    }
    return 0;
  }
  if (args.output.empty())
    return Fail(En(g) ? "give the output file with -o" : "请用 -o 指定输出文件");
  if (args.case_number.empty() && args.fields_file.empty()) {
    return Fail(En(g) ? "give a case number, or the fields with --fields FILE.json"
                      : "请给出案件编号，或用 --fields FILE.json 提供文书字段");
  }
  NoticeFields fields;
  std::optional<NoticeKind> kind;
  std::map<EventType, Date> issued_by_event;
  if (!args.case_number.empty()) {
    Result<std::optional<NoticeKind>> reply = FieldsFromCase(args, fields, issued_by_event);
    if (!reply.ok()) return Fail(reply.status().message());
    kind = *reply;
  }
  if (!args.kind.empty()) {
    kind = NoticeKindFromKey(args.kind);
    if (!kind) return Fail("未知的文书种类「" + args.kind + "」：用 gongkai notice --list 查看");
  }
  if (!kind) return Fail("请用 --kind 指定文书种类（gongkai notice --list 列出全部）");
  // Dated the day of the step the notice announces, unless --issued says otherwise.
  const std::map<NoticeKind, EventType> step = {
      {NoticeKind::kReceipt, EventType::kReceived},
      {NoticeKind::kCorrection, EventType::kCorrectionRequested},
      {NoticeKind::kExplanation, EventType::kReasonsRequested},
      {NoticeKind::kExtension, EventType::kExtensionApproved},
      {NoticeKind::kConsultThirdParty, EventType::kConsultationSent},
      {NoticeKind::kConsultCoAuthor, EventType::kConsultationSent},
      {NoticeKind::kFee, EventType::kFeeNoticeSent}};
  const auto it = step.find(*kind);
  const auto dated = issued_by_event.find(it == step.end() ? EventType::kAnswered : it->second);
  if (dated != issued_by_event.end()) {
    fields.issued = dated->second;
  } else {  // today in China (UTC+8)
    fields.issued = Date(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() +
                                                               std::chrono::hours(8)));
  }
  // The JSON file supplements or overrides what the register holds.
  if (!args.fields_file.empty()) {
    Result<std::string> text = ReadFile(args.fields_file);
    if (!text.ok()) return Fail(text.status().message());
    Status s = ApplyFieldsJson(*text, args.fields_file, fields);
    if (!s.ok()) return Fail(s.message());
  }
  if (!args.issued.empty()) {
    Result<Date> issued = ParseDate(args.issued);
    if (!issued.ok()) return Fail("--issued: " + issued.status().message());
    fields.issued = *issued;
  }

  const std::filesystem::path dir = args.templates.empty()
                                        ? DefaultDataDir() / "templates" / "notices"
                                        : std::filesystem::path(args.templates);
  Result<std::string> body = ReadFile(dir / std::string(Info(*kind).template_file));
  if (!body.ok()) return Fail(body.status().message());
  Result<std::string> remedies = ReadFile(dir / "remedies.mustache");
  if (!remedies.ok()) return Fail(remedies.status().message());
  Result<Document> doc = NoticeDocument(*kind, fields, {*body, *remedies});
  if (!doc.ok()) return Fail(doc.status().message());

  std::string key = args.format;
  if (key.empty()) key = std::filesystem::path(args.output).extension().string();
  if (!key.empty() && key[0] == '.') key.erase(0, 1);
  const std::optional<ExportFormat> format = ExportFormatFromKey(key);
  if (!format) return Fail("未知的格式「" + key + "」：请用 --format docx|pdf|html");
  Result<std::string> bytes = WriteNotice(*doc, *format);
  if (!bytes.ok()) return Fail(bytes.status().message());
  std::ofstream out(args.output, std::ios::binary);
  out << *bytes;
  out.close();
  if (!out) return Fail("无法写入「" + args.output + "」：请检查目录是否存在、是否有写权限");
  std::cout << (En(g) ? "wrote " : "已生成 ") << Info(*kind).label << " → " << args.output << "\n";
  return 0;
}

}  // namespace

void AddNoticeCommand(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<NoticeArgs>();
  CLI::App* cmd =
      app.add_subcommand("notice", "生成案件告知书（docx / pdf / html）/ write a case notice");
  cmd->add_flag("--list", args->list, "列出全部文书种类 / list the notice kinds");
  cmd->add_option("case_number", args->case_number, "案件编号");
  cmd->add_option("--kind", args->kind, "文书种类，例如 refused（默认按案件的答复结果）");
  cmd->add_option("--format", args->format, "docx | pdf | html（默认按文件扩展名）")
      ->check(CLI::IsMember({"docx", "pdf", "html"}));
  cmd->add_option("-o,--output", args->output, "输出文件");
  cmd->add_option("--db", args->db, "数据库：SQLite 文件或 postgresql:// 地址");
  cmd->add_option("--agency", args->agency, "机关编号（数据库只有一个机关时可省略）");
  cmd->add_option("--fields", args->fields_file,
                  "补充字段的 JSON 文件，例如 {\"reasons\": \"…\", \"legal_basis\": \"…\"}");
  cmd->add_option("--templates", args->templates, "模板目录（默认 data/templates/notices）");
  cmd->add_option("--issued", args->issued,
                  "落款日期 YYYY-MM-DD（默认为相应事件的日期，否则为今天）");
  cmd->callback([args, &global] { global.exit_code = RunNotice(*args, global); });
}

}  // namespace gongkai::cli
