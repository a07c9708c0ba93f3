// Opens the exported DOCX and XLSX files in LibreOffice (headless, a private profile) and
// converts them to PDF, proving real office software reads them; then checks the text of
// every PDF, ours and LibreOffice's, and keeps page images in tests/artifacts/ for a person
// to look at. LibreOffice and poppler-utils are test-only dependencies: the test is skipped,
// saying so, when soffice is not installed.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "docs/notice.h"
#include "docs/report_export.h"
#include "docs/sample_report_test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// pdftotext with all whitespace removed, so a phrase wrapped over lines still matches. In
// layout mode a table row reads as one line: 「（七）总计 20 2 1 0 0 0 23」 →
// 「（七）总计202100023」.
std::string PdfText(const fs::path& pdf, bool layout) {
  const fs::path txt = pdf.string() + (layout ? ".layout.txt" : ".txt");
  const std::string cmd = std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout '" : "'") +
                          pdf.string() + "' '" + txt.string() + "'";
  if (std::system(cmd.c_str()) != 0) return "";
  std::string out;
  for (char ch : ReadAll(txt)) {
    if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f') out += ch;
  }
  return out;
}

void KeepPageImages(const fs::path& pdf, const std::string& name) {
  const fs::path dir = fs::path(GONGKAI_SOURCE_DIR) / "tests" / "artifacts";
  fs::create_directories(dir);
  const std::string cmd =
      "pdftoppm -png -r 60 '" + pdf.string() + "' '" + (dir / name).string() + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

std::string ReadTemplate(std::string_view file) {
  return ReadAll(fs::path(GONGKAI_SOURCE_DIR) / "data/templates/notices" / std::string(file));
}

TEST(OfficeTest, LibreOfficeOpensEveryDocxAndXlsxAndTheTextIsThere) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0 ||
      std::system("command -v pdftotext >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "soffice or pdftotext not installed (test-only: apt-get install "
                    "libreoffice-writer libreoffice-calc poppler-utils)";
  }
  std::string tmpl = (fs::temp_directory_path() / "gongkai-office-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const fs::path dir = tmpl;

  const Report report = testing::SampleReport();
  for (ExportFormat f : {ExportFormat::kDocx, ExportFormat::kXlsx, ExportFormat::kPdf}) {
    Result<std::string> bytes = ExportReport(report, f);
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    // The XLSX gets its own name: LibreOffice names each PDF after its input.
    WriteAll(dir / ((f == ExportFormat::kXlsx ? "tables" : "report") +
                    std::string(ExportFormatExtension(f))),
             *bytes);
  }
  NoticeFields fields;
  fields.agency_name = "平顶山市新华区政务服务和大数据管理局";
  fields.document_number = "新华政务公开〔2024〕第12号";
  fields.case_number = "GK-2024-0012";
  fields.applicant_name = "张三";
  fields.received = Date{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{4}};
  fields.request = "2023年本区老旧小区改造项目的资金使用明细";
  fields.reasons = "该信息包含第三方商业秘密，第三方不同意公开";
  fields.legal_basis = "《中华人民共和国政府信息公开条例》第十五条";
  fields.reconsideration_body = "平顶山市新华区人民政府";
  fields.issued = Date{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{20}};
  Result<Document> notice =
      NoticeDocument(NoticeKind::kRefused, fields,
                     {ReadTemplate("refused.mustache"), ReadTemplate("remedies.mustache")});
  ASSERT_TRUE(notice.ok()) << notice.status().message();
  for (ExportFormat f : {ExportFormat::kDocx, ExportFormat::kPdf}) {
    Result<std::string> bytes = WriteNotice(*notice, f);
    ASSERT_TRUE(bytes.ok()) << bytes.status().message();
    WriteAll(dir / ("notice" + std::string(ExportFormatExtension(f))), *bytes);
  }

  // One soffice run converts all three files (each start costs seconds).
  const fs::path out = dir / "office";
  const std::string cmd = "cd '" + dir.string() +
                          "' && timeout 180 soffice --headless --norestore "
                          "-env:UserInstallation=file://" +
                          (dir / "profile").string() + " --convert-to pdf --outdir '" +
                          out.string() + "' report.docx tables.xlsx notice.docx >soffice.log 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd << "\n" << ReadAll(dir / "soffice.log");

  struct Expect {
    fs::path pdf;
    bool layout;
    std::vector<std::string> phrases;
  };
  const std::vector<Expect> expected = {
      {out / "report.pdf",
       true,
       {"新华区<政务>服务&大数据管理局2023年政府信息公开工作年度报告", "申请人情况",
        "（一）予以公开102100013", "四、结转下年度继续办理3100004", "行政事业性收费0.5",
        "未经复议直接起诉", "六、其他需要报告的事项"}},
      // LibreOffice recalculates the formulas: （七）总计 reads 20 2 1 0 0 0 23.
      {out / "tables.pdf",
       true,
       {"一、本年新收政府信息公开申请数量213100025", "（七）总计202100023", "行政许可120",
        "行政事业性收费0.5", "申请人情况", "结果维持"}},
      {out / "notice.pdf",
       false,
       {"政府信息不予公开告知书", "新华政务公开〔2024〕第12号", "张三：", "第三方商业秘密",
        "应当先申请行政复议", "2024年3月20日", "（印章）"}},
      {dir / "report.pdf",
       true,
       {"新华区<政务>服务&大数据管理局2023年政府信息公开", "申请人情况", "（一）予以公开102100013",
        "（七）总计202100023", "行政许可120", "未经复议直接起诉"}},
      {dir / "notice.pdf",
       false,
       {"政府信息不予公开告知书", "新华政务公开〔2024〕第12号", "张三：", "应当先申请行政复议",
        "平顶山市新华区人民政府", "2024年3月20日", "（印章）"}},
  };
  for (const Expect& e : expected) {
    const std::string text = PdfText(e.pdf, e.layout);
    ASSERT_FALSE(text.empty()) << e.pdf;
    for (const std::string& phrase : e.phrases) {
      EXPECT_NE(text.find(phrase), std::string::npos) << e.pdf << " lacks 「" << phrase << "」";
    }
  }
  KeepPageImages(dir / "report.pdf", "report-pdf");
  KeepPageImages(dir / "notice.pdf", "notice-pdf");
  KeepPageImages(out / "report.pdf", "report-docx-libreoffice");
  KeepPageImages(out / "notice.pdf", "notice-docx-libreoffice");
  KeepPageImages(out / "tables.pdf", "report-xlsx-libreoffice");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
