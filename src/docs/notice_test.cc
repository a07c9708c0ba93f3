#include "docs/notice.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "docs/zip_test_util.h"

namespace gongkai {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

std::string ReadTemplate(std::string_view file) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/data/templates/notices/" +
                   std::string(file));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

NoticeTemplates TemplatesFor(NoticeKind kind) {
  return {ReadTemplate(Info(kind).template_file), ReadTemplate("remedies.mustache")};
}

// Every field filled, as a case that went through every step would have them.
NoticeFields FullFields() {
  NoticeFields f;
  f.agency_name = "平顶山市新华区政务服务和大数据管理局";
  f.document_number = "新华政务公开〔2024〕第12号";
  f.case_number = "GK-2024-0012";
  f.applicant_name = "张三";
  f.received = D(2024, 3, 4);
  f.request = "2023年本区老旧小区改造项目的资金使用明细";
  f.legal_basis = "《中华人民共和国政府信息公开条例》第十五条";
  f.reasons = "该信息包含第三方商业秘密，第三方不同意公开";
  f.access = "请于2024年4月1日前到本机关政务公开办公室（新华区建设路12号）领取纸质复印件";
  f.correction_items = "1.请写明所需信息的文号或者形成时间；\n2.请写明所需信息的具体项目名称。";
  f.respond_by = D(2024, 3, 25);
  f.reply_due = D(2024, 4, 1);
  f.extended_due = D(2024, 4, 29);
  f.extension_working_days = 20;
  f.fee_fen = 30050;
  f.fee_basis = "按件计收，本月第31件起每件200元";
  f.fee_payment = "通过非税收入缴款码缴纳";
  f.fee_due = D(2024, 4, 15);
  f.earlier_reply = "2024年1月10日（新华政务公开〔2024〕第3号）";
  f.contact = "政务公开办公室，0375-1234567";
  f.issued = D(2024, 3, 20);
  return f;
}

std::string BodyText(const Document& doc) {
  std::string text;
  for (const Block& b : doc.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) text += p->text + "\n";
  }
  return text;
}

TEST(NoticeKindsTest, KeysAreUniqueAndEveryTemplateExists) {
  std::set<std::string_view> keys;
  for (const NoticeKindInfo& k : NoticeKinds()) {
    EXPECT_TRUE(keys.insert(k.key).second) << k.key;
    EXPECT_EQ(NoticeKindFromKey(k.key), k.kind) << k.key;
    EXPECT_FALSE(ReadTemplate(k.template_file).empty()) << k.template_file;
  }
  EXPECT_EQ(keys.size(), 17u);
  EXPECT_EQ(NoticeKindFromKey("refuse"), std::nullopt);
}

TEST(NoticeKindsTest, ReplyForEachOutcome) {
  struct Case {
    Outcome outcome;
    std::optional<NoticeKind> reply;
  };
  const Case cases[] = {
      {Outcome::kGranted, NoticeKind::kGranted},
      {Outcome::kPartial, NoticeKind::kPartial},
      {Outcome::kRefusedStateSecret, NoticeKind::kRefused},
      {Outcome::kRefusedThirdParty, NoticeKind::kRefused},
      {Outcome::kRefusedInquiryMatter, NoticeKind::kRefused},
      {Outcome::kUnavailableNotHeld, NoticeKind::kNotExist},
      {Outcome::kUnavailableNeedsCreation, NoticeKind::kUnavailable},
      {Outcome::kUnavailableUnclear, NoticeKind::kUnavailable},
      {Outcome::kNotProcessedRepeat, NoticeKind::kRepeat},
      {Outcome::kNotProcessedPetition, NoticeKind::kNotProcessed},
      {Outcome::kNotProcessedExcessive, NoticeKind::kNotProcessed},
      {Outcome::kOtherNoCorrection, std::nullopt},
      {Outcome::kOtherFeeUnpaid, std::nullopt},
      {Outcome::kOtherOther, std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ReplyFor(c.outcome), c.reply) << Key(c.outcome);
}

// Every kind renders from the repository's templates with no tag left over, and is laid out
// title, number, salutation, body, agency, date, seal.
TEST(NoticeDocumentTest, EveryKindRendersFromItsTemplate) {
  for (const NoticeKindInfo& k : NoticeKinds()) {
    NoticeFields f = FullFields();
    if (!k.to_applicant) f.addressee = "某某建设有限公司";
    Result<Document> doc = NoticeDocument(k.kind, f, TemplatesFor(k.kind));
    ASSERT_TRUE(doc.ok()) << k.key << ": " << doc.status().message();
    const std::string text = BodyText(*doc);
    EXPECT_EQ(text.find("{{"), std::string::npos) << k.key;
    EXPECT_NE(text.find("2024年3月4日"), std::string::npos) << k.key << " states the receipt date";
    const auto& blocks = doc->blocks;
    ASSERT_GE(blocks.size(), 7u) << k.key;
    EXPECT_EQ(std::get<Paragraph>(blocks[0]).style, ParagraphStyle::kTitle);
    EXPECT_EQ(std::get<Paragraph>(blocks[0]).text, k.title);
    EXPECT_EQ(std::get<Paragraph>(blocks[1]).text, "新华政务公开〔2024〕第12号");
    EXPECT_EQ(std::get<Paragraph>(blocks[2]).text, k.to_applicant ? "张三：" : "某某建设有限公司：")
        << k.key;
    EXPECT_EQ(std::get<Paragraph>(blocks[blocks.size() - 3]).text, f.agency_name);
    EXPECT_EQ(std::get<Paragraph>(blocks[blocks.size() - 2]).text, "2024年3月20日");
    EXPECT_EQ(std::get<Paragraph>(blocks.back()).style, ParagraphStyle::kSeal);
    EXPECT_EQ(text.find("申请行政复议") != std::string::npos, k.challengeable) << k.key;
    if (!k.to_applicant) {
      EXPECT_EQ(text.find("张三"), std::string::npos) << k.key << " names the applicant";
    }
  }
}

// 行政复议法 (2023) 第二十三条, in force 2024-01-01: a refusal issued from that day must say
// 行政复议 comes first; one issued the day before offers 复议 or 诉讼.
TEST(NoticeDocumentTest, ReconsiderationFirstDecidedByTheIssueDate) {
  struct Case {
    NoticeKind kind;
    Date issued;
    bool review_first;
  };
  const Case cases[] = {
      {NoticeKind::kRefused, D(2023, 12, 31), false}, {NoticeKind::kRefused, D(2024, 1, 1), true},
      {NoticeKind::kPartial, D(2023, 12, 31), false}, {NoticeKind::kPartial, D(2024, 1, 2), true},
      {NoticeKind::kGranted, D(2024, 6, 1), false},   {NoticeKind::kNotExist, D(2024, 6, 1), false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RequiresReconsiderationFirst(c.kind, c.issued), c.review_first)
        << FormatDate(c.issued);
    NoticeFields f = FullFields();
    f.issued = c.issued;
    f.received = D(2023, 12, 1);
    f.reconsideration_body = "平顶山市新华区人民政府";
    Result<Document> doc = NoticeDocument(c.kind, f, TemplatesFor(c.kind));
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    const std::string text = BodyText(*doc);
    const std::string label = std::string(Info(c.kind).key) + " " + FormatDate(c.issued);
    EXPECT_EQ(text.find("应当先申请行政复议") != std::string::npos, c.review_first) << label;
    EXPECT_EQ(text.find("6个月内") != std::string::npos, !c.review_first) << label;
    EXPECT_NE(text.find("60日内向平顶山市新华区人民政府申请行政复议"), std::string::npos) << label;
  }
}

TEST(NoticeDocumentTest, FeeAmountInYuan) {
  struct Case {
    int64_t fen;
    const char* printed;
  };
  const Case cases[] = {{30000, "人民币300元"},
                        {30050, "人民币300.50元"},
                        {5, "人民币0.05元"},
                        {110, "人民币1.10元"}};
  for (const Case& c : cases) {
    NoticeFields f = FullFields();
    f.fee_fen = c.fen;
    Result<Document> doc = NoticeDocument(NoticeKind::kFee, f, TemplatesFor(NoticeKind::kFee));
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_NE(BodyText(*doc).find(std::string("收费金额：") + c.printed + "。"), std::string::npos)
        << c.fen;
  }
}

TEST(NoticeDocumentTest, ExtensionStatesTheDaysApproved) {
  // Art. 33 allows at most 20 working days; the notice states what the head approved.
  NoticeFields f = FullFields();
  f.extension_working_days = 15;
  Result<Document> doc =
      NoticeDocument(NoticeKind::kExtension, f, TemplatesFor(NoticeKind::kExtension));
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_NE(BodyText(*doc).find("答复期限延长15个工作日"), std::string::npos) << BodyText(*doc);
  f.extension_working_days.reset();
  Result<Document> missing =
      NoticeDocument(NoticeKind::kExtension, f, TemplatesFor(NoticeKind::kExtension));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("延长的工作日数"), std::string::npos)
      << missing.status().message();
}

TEST(NoticeDocumentTest, CompetentAgencyNamedOnlyWhenKnown) {
  NoticeFields f = FullFields();
  Result<Document> unknown =
      NoticeDocument(NoticeKind::kNotThisAgency, f, TemplatesFor(NoticeKind::kNotThisAgency));
  ASSERT_TRUE(unknown.ok());
  EXPECT_NE(BodyText(*unknown).find("无法确定负责公开该政府信息的行政机关"), std::string::npos);
  f.competent_agency = "平顶山市住房和城乡建设局";
  f.competent_agency_contact = "0375-7654321";
  Result<Document> known =
      NoticeDocument(NoticeKind::kNotThisAgency, f, TemplatesFor(NoticeKind::kNotThisAgency));
  ASSERT_TRUE(known.ok());
  EXPECT_NE(BodyText(*known).find(
                "由平顶山市住房和城乡建设局负责公开，建议您向其提出申请（联系方式：0375-7654321）"),
            std::string::npos);
}

// A reason typed with or without its full stop prints with exactly one.
TEST(NoticeDocumentTest, FreeTextEndsWithOneFullStop) {
  for (const char* reasons : {"涉及商业秘密", "涉及商业秘密。", "涉及商业秘密。 "}) {
    NoticeFields f = FullFields();
    f.reasons = reasons;
    Result<Document> doc =
        NoticeDocument(NoticeKind::kRefused, f, TemplatesFor(NoticeKind::kRefused));
    ASSERT_TRUE(doc.ok());
    const std::string text = BodyText(*doc);
    EXPECT_NE(text.find("不予公开的理由：涉及商业秘密。\n"), std::string::npos) << reasons;
    EXPECT_EQ(text.find("。。"), std::string::npos) << reasons;
  }
}

TEST(NoticeDocumentTest, CorrectionItemsBecomeOneParagraphEach) {
  Result<Document> doc =
      NoticeDocument(NoticeKind::kCorrection, FullFields(), TemplatesFor(NoticeKind::kCorrection));
  ASSERT_TRUE(doc.ok());
  int items = 0;
  for (const Block& b : doc->blocks) {
    const auto& p = std::get<Paragraph>(b);
    if (p.text.starts_with("1.请写明") || p.text.starts_with("2.请写明")) ++items;
  }
  EXPECT_EQ(items, 2);
}

TEST(NoticeDocumentTest, InputsThatMustFail) {
  struct Case {
    const char* name;
    NoticeKind kind;
    void (*mutate)(NoticeFields&, NoticeTemplates&);
    const char* message_part;
  };
  const Case cases[] = {
      {"refusal without reasons", NoticeKind::kRefused,
       [](NoticeFields& f, NoticeTemplates&) { f.reasons.clear(); }, "理由（reasons）"},
      {"refusal without basis or reasons", NoticeKind::kRefused,
       [](NoticeFields& f, NoticeTemplates&) {
         f.reasons.clear();
         f.legal_basis.clear();
       },
       "理由（reasons）、法律依据（legal_basis）"},
      {"no receipt date", NoticeKind::kGranted,
       [](NoticeFields& f, NoticeTemplates&) { f.received.reset(); }, "收到申请日期（received）"},
      {"fee without amount", NoticeKind::kFee,
       [](NoticeFields& f, NoticeTemplates&) { f.fee_fen.reset(); }, "收费金额（fee_amount）"},
      {"consultation without addressee", NoticeKind::kConsultThirdParty,
       [](NoticeFields&, NoticeTemplates&) {}, "收件人（addressee）"},
      {"no applicant", NoticeKind::kReceipt,
       [](NoticeFields& f, NoticeTemplates&) { f.applicant_name.clear(); },
       "申请人（applicant_name）"},
      {"misspelt field", NoticeKind::kGranted,
       [](NoticeFields&, NoticeTemplates& t) {
         t.body = "第一行\n{{aplicant_name}}\n{{> remedies}}";
       },
       "notices/granted.mustache:2: 模板使用了不存在的字段「aplicant_name」"},
      {"unclosed section", NoticeKind::kGranted,
       [](NoticeFields&, NoticeTemplates& t) { t.body = "{{#reasons}}理由\n{{> remedies}}"; },
       "notices/granted.mustache: 模板语法错误"},
      {"reply without remedies", NoticeKind::kRefused,
       [](NoticeFields&, NoticeTemplates& t) { t.body = "不予公开。"; }, "{{> remedies}}"},
      {"bad remedies partial", NoticeKind::kRefused,
       [](NoticeFields&, NoticeTemplates& t) { t.remedies = "{{court_name}}"; },
       "notices/remedies.mustache:1"},
  };
  for (const Case& c : cases) {
    NoticeFields f = FullFields();
    NoticeTemplates t = TemplatesFor(c.kind);
    c.mutate(f, t);
    Result<Document> doc = NoticeDocument(c.kind, f, t);
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), Status::Code::kInvalidInput) << c.name;
    EXPECT_NE(doc.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << doc.status().message();
  }
}

TEST(WriteNoticeTest, DocxPdfAndHtmlButNotSpreadsheets) {
  Result<Document> doc =
      NoticeDocument(NoticeKind::kRefused, FullFields(), TemplatesFor(NoticeKind::kRefused));
  ASSERT_TRUE(doc.ok());
  Result<std::string> docx = WriteNotice(*doc, ExportFormat::kDocx);
  ASSERT_TRUE(docx.ok());
  auto members = testing::ReadZip(*docx);
  ASSERT_TRUE(members.has_value());
  const std::string xml = testing::ZipMemberData(*members, "word/document.xml");
  EXPECT_NE(xml.find("政府信息不予公开告知书"), std::string::npos);
  EXPECT_NE(xml.find("GkSeal"), std::string::npos);
  Result<std::string> pdf = WriteNotice(*doc, ExportFormat::kPdf);
  ASSERT_TRUE(pdf.ok());
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  Result<std::string> html = WriteNotice(*doc, ExportFormat::kHtml);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("<h1>政府信息不予公开告知书</h1>"), std::string::npos);
  for (ExportFormat f : {ExportFormat::kXlsx, ExportFormat::kJson}) {
    Result<std::string> bad = WriteNotice(*doc, f);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), Status::Code::kInvalidInput);
  }
}

}  // namespace
}  // namespace gongkai
