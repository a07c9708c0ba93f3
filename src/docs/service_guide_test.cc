#include "docs/service_guide.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "docs/pdf_writer.h"
#include "docs/print_test_util.h"

namespace gongkai {
namespace {

using testing::PdfPages;
using testing::PdfText;

Date D(const char* s) { return *ParseDate(s); }

ServiceGuide Guide(const std::string& name, const std::string& code, int materials) {
  ServiceGuide g;
  g.name = name;
  g.code = code;
  g.parent_name = "食品经营许可";
  g.type = "行政许可";
  g.department = "某市市场监督管理局";
  g.object = "法人";
  g.conditions = {"申请人具有与经营的食品品种、数量相适应的经营场所", "有食品安全管理人员"};
  for (int i = 0; i < materials; ++i) {
    g.materials.push_back(
        {"申请材料第" + std::to_string(i + 1) + "项", "原件", 1, i % 2 == 0, "加盖公章"});
  }
  g.steps = {{"申请", "即时"}, {"受理", "即时"}, {"审查", "3个工作日"}, {"决定", "2个工作日"}};
  g.legal_days = 20;
  g.promised_days = 5;
  g.basis = {{"中华人民共和国食品安全法", "", "第三十五条"},
             {"食品经营许可和备案管理办法", "国家市场监督管理总局令第78号", "第十条"}};
  g.place = "某市政务服务中心二楼";
  g.window = "B区12号窗口";
  g.hours = "工作日 9:00—12:00，13:30—17:00";
  g.consult = "0816-1234567";
  g.complaint = "12345";
  g.faq = {{"可以网上办理吗？", "可以，登录省政务服务网办理。"}};
  g.version = 2;
  g.effective = D("2024-07-01");
  g.updated = D("2024-06-20");
  return g;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class PrintTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::HaveTool("pdftotext") || !testing::HaveTool("pdfinfo")) {
      GTEST_FAIL() << "pdftotext and pdfinfo are needed (poppler-utils; scripts/install-deps.sh "
                      "test)";
    }
  }
};

TEST_F(PrintTest, AGuideStatesEveryElement) {
  Result<std::string> pdf =
      WritePdf(GuideDocument(Guide("食品经营许可（新办）", "00016421300301", 3)));
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  const std::string text = PdfText(*pdf);
  for (const char* expected :
       {"食品经营许可（新办）办事指南",
        "事项编码：00016421300301",
        "一、基本信息",
        "二、受理条件",
        "（二）有食品安全管理人员",
        "三、申请材料",
        "申请材料第3项",
        "四、办理流程",
        "3个工作日",
        "五、办理时限",
        "法定办结时限：20个工作日；承诺办结时限：5个工作日",
        "六、收费标准",
        "不收费。",
        "七、办理依据",
        "《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第十条",
        "八、办理地点和时间",
        "B区12号窗口",
        "九、咨询和监督投诉",
        "0816-1234567",
        "十、常见问题",
        "可以网上办理吗？",
        "第2版，自2024年7月1日起施行",
        "更新于2024年6月20日"}) {
    EXPECT_TRUE(Has(text, expected)) << expected;
  }
}

TEST_F(PrintTest, ACancelledGuideNamesItsSuccessorAndMissingElementsSaySo) {
  ServiceGuide g = Guide("旧事项", "000164213004", 1);
  g.status = "取消";
  g.successor = "食品经营许可（新办）（00016421300301）";
  g.consult.clear();
  g.basis.clear();
  g.fee_charged = true;
  g.fee_standard = "每件50元";
  Result<std::string> pdf = WritePdf(GuideDocument(g));
  ASSERT_TRUE(pdf.ok());
  const std::string text = PdfText(*pdf);
  EXPECT_TRUE(Has(
      text, "本事项已取消，本指南仅供查阅。请改为办理：食品经营许可（新办）（00016421300301）"));
  EXPECT_TRUE(Has(text, "咨询方式：未公布。"));
  EXPECT_TRUE(Has(text, "七、办理依据未公布。"));
  EXPECT_TRUE(Has(text, "收费标准：每件50元。"));
  EXPECT_TRUE(Has(text, "收费依据：未公布。"));
}

// Four departments of different sizes; a guide with many materials runs over two pages.
std::vector<GuideBookDepartment> Departments() {
  std::vector<GuideBookDepartment> d(4);
  d[0].name = "市发展和改革委员会";
  d[0].guides = {Guide("企业投资项目核准", "11510000A001", 2),
                 Guide("企业投资项目备案", "11510000A002", 1)};
  d[1].name = "市市场监督管理局";
  for (int i = 0; i < 5; ++i) {
    d[1].guides.push_back(Guide("食品经营许可第" + std::to_string(i + 1) + "项",
                                "11510000B00" + std::to_string(i), i == 2 ? 30 : 2));
  }
  d[2].name = "市民政局";
  d[2].guides = {Guide("社会团体成立登记", "11510000C001", 4)};
  d[3].name = "市交通运输局";
  d[3].guides = {Guide("道路货物运输经营许可", "11510000D001", 3),
                 Guide("出租汽车经营许可", "11510000D002", 2)};
  return d;
}

TEST_F(PrintTest, TheGuideBookContentsPointToThePagesTheGuidesStartOn) {
  GuideBookOptions options;
  options.title = "某市政务服务事项办事指南";
  options.publisher = "某市政务服务管理局";
  options.date = D("2024-12-01");
  Result<GuideBook> book = WriteGuideBook(Departments(), options);
  ASSERT_TRUE(book.ok()) << book.status().message();
  EXPECT_EQ(book->volume_names, (std::vector<std::string>{"上册", "中册", "下册"}));
  EXPECT_EQ(PdfPages(book->pdf), book->pages);
  ASSERT_EQ(book->contents.size(), 4u + 10u);

  std::map<std::string, int> volume_of;  // department → volume: never split
  int last_page = 0;
  for (const GuideBookEntry& e : book->contents) {
    auto [it, inserted] = volume_of.emplace(e.department, e.volume);
    EXPECT_EQ(it->second, e.volume) << e.department << " split across volumes";
    EXPECT_GE(e.page, last_page) << "contents out of page order at " << e.name;
    last_page = e.page;
    if (e.name.empty()) continue;
    // The page the contents name carries the guide's title and, at its foot, its own number.
    const std::string page = PdfText(book->pdf, e.page);
    EXPECT_TRUE(Has(page, e.name + "办事指南")) << e.name << " not on page " << e.page;
    EXPECT_TRUE(Has(page, "事项编码：" + e.code)) << e.code;
    EXPECT_TRUE(Has(page, "—" + std::to_string(e.page) + "—")) << "page " << e.page;
    // The page before it belongs to something else (the guide starts there).
    EXPECT_FALSE(Has(PdfText(book->pdf, e.page - 1), "事项编码：" + e.code)) << e.code;
  }
  // Volumes run in the departments' order: 上册 holds the first, 下册 the last.
  EXPECT_EQ(volume_of["市发展和改革委员会"], 0);
  EXPECT_EQ(volume_of["市交通运输局"], 2);

  // Each volume's contents page lists its guides with those numbers.
  for (int v = 0; v < 3; ++v) {
    int contents_page = 0;
    for (int p = 1; p <= book->pages && contents_page == 0; ++p) {
      if (Has(PdfText(book->pdf, p), "目录（" + book->volume_names[v] + "）")) contents_page = p;
    }
    ASSERT_GT(contents_page, 0) << book->volume_names[v];
    const std::string toc = PdfText(book->pdf, contents_page, /*layout=*/true);
    for (const GuideBookEntry& e : book->contents) {
      if (e.volume != v) {
        if (!e.name.empty()) {
          EXPECT_FALSE(Has(toc, e.name + std::to_string(e.page)));
        }
        continue;
      }
      EXPECT_TRUE(Has(toc, (e.name.empty() ? e.department : e.name) + std::to_string(e.page)))
          << book->volume_names[v] << ": " << e.department << " " << e.name << " " << e.page;
    }
  }
  // The cover names the bureau and has no page number.
  const std::string cover = PdfText(book->pdf, 1);
  EXPECT_TRUE(Has(cover, "某市政务服务管理局"));
  EXPECT_FALSE(Has(cover, "—1—"));
}

TEST_F(PrintTest, OneVolumeAndRefusals) {
  GuideBookOptions options;
  options.volumes = 1;
  options.date = D("2024-12-01");
  Result<GuideBook> book = WriteGuideBook({Departments()[2]}, options);
  ASSERT_TRUE(book.ok()) << book.status().message();
  EXPECT_EQ(book->volume_names, std::vector<std::string>{""});
  // Cover, contents, one guide of at least one page.
  ASSERT_EQ(book->contents.size(), 2u);
  EXPECT_EQ(book->contents[1].page, 3);
  EXPECT_TRUE(Has(PdfText(book->pdf, 2), "目录"));

  options.volumes = 4;
  EXPECT_EQ(WriteGuideBook(Departments(), options).status().code(), Status::Code::kInvalidInput);
  options.volumes = 3;
  EXPECT_EQ(WriteGuideBook({GuideBookDepartment{"空部门", {}}}, options).status().code(),
            Status::Code::kInvalidInput);
  // Fewer departments than volumes: one volume each.
  Result<GuideBook> two = WriteGuideBook({Departments()[0], Departments()[2]}, options);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->volume_names, (std::vector<std::string>{"上册", "下册"}));
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(GuideFromItem, ReadsTheItemAndTheGuideFieldsKeptAsUnknownFields) {
  ServiceItem item;
  item.code = "00016421300301";
  item.name = "食品经营许可（新办）";
  item.type = ItemType::kLicence;
  item.status = ItemStatus::kSuspended;
  item.successor = "00016421300302";
  item.department = "某市市场监督管理局";
  item.object = ServiceObject::kLegalPerson;
  item.conditions = {"有经营场所"};
  item.materials = {{"申请书", MaterialForm::kOriginal, 1, true, R"({"note":"签字盖章"})"},
                    {"营业执照", MaterialForm::kCopy, 2, false, "{}"}};
  item.basis = {{"中华人民共和国食品安全法", "", "第三十五条"}};
  item.legal_days = 20;
  item.promised_days = 5;
  item.fee = ServiceFee{false, "", ""};
  item.contacts = ServiceContacts{"0816-1234567", "12345"};
  item.place = "市政务服务中心";
  item.version = 3;
  item.effective = *ParseDate("2024-07-01");
  item.extra =
      R"({"window":"B区12号窗口","hours":"工作日9:00—17:00","faq":[{"q":"网上能办吗？","a":"能。"}],"steps":[{"name":"受理","time_limit":"即时"}]})";

  ServiceGuide g =
      GuideFromItem(item, "食品经营许可", "食品经营许可（新办，新版）", *ParseDate("2024-12-01"));
  EXPECT_EQ(g.type, "行政许可");
  EXPECT_EQ(g.object, "法人");
  EXPECT_EQ(g.status, "暂停");
  EXPECT_EQ(g.successor, "食品经营许可（新办，新版）（00016421300302）");
  ASSERT_EQ(g.materials.size(), 2u);
  EXPECT_EQ(g.materials[0].form, "原件");
  EXPECT_EQ(g.materials[0].note, "签字盖章");
  EXPECT_EQ(g.materials[1].form, "复印件");
  EXPECT_EQ(g.materials[1].copies, 2);
  EXPECT_FALSE(g.materials[1].required);
  EXPECT_EQ(g.window, "B区12号窗口");
  EXPECT_EQ(g.hours, "工作日9:00—17:00");
  ASSERT_EQ(g.faq.size(), 1u);
  EXPECT_EQ(g.faq[0].answer, "能。");
  ASSERT_EQ(g.steps.size(), 1u);
  EXPECT_EQ(g.steps[0].time_limit, "即时");
  EXPECT_EQ(g.consult, "0816-1234567");
  EXPECT_EQ(FormatDate(g.updated), "2024-07-01");

  // An item on the negative list is handled elsewhere: the guide sends the applicant there.
  item.in_hall = false;
  item.not_in_hall_reason = NotInHallReason::kSecret;
  item.handled_at = "市国家保密局";
  item.effective.reset();
  item.extra = "not json";
  g = GuideFromItem(item, "", "", *ParseDate("2024-12-01"));
  EXPECT_EQ(g.place, "市国家保密局");
  EXPECT_EQ(g.successor, "00016421300302");
  EXPECT_EQ(FormatDate(g.updated), "2024-12-01");
  EXPECT_TRUE(g.faq.empty());
}

}  // namespace
}  // namespace gongkai
