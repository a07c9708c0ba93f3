#include "cli/demo_publications.h"

#include <fmt/format.h>

#include <vector>

#include "store/guides.h"
#include "store/publication_search.h"
#include "store/publications.h"

namespace gongkai::cli {

namespace {

struct DemoItem {
  std::string_view title;
  std::string_view doc_no;  // "" when none; {y} is the year
  PublicationKind kind;
  std::string_view category;
  int created_days_ago;
  int published_after_days;  // calendar days from 生成 to 公开; < 0: not yet published
  std::string_view summary;
};

// Published within the Art. 26 period (20 working days ≈ 28 calendar days) unless noted.
constexpr DemoItem kItems[] = {
    {"平顶山市新华区城市道路管理办法", "新华区人民政府令第{y}号", PublicationKind::kRegulation,
     "art20.1", 300, 7, "规定本区城市道路的规划、建设、养护、占用和挖掘管理。"},
    {"新华区老旧小区改造实施办法", "新华政〔{y}〕5号", PublicationKind::kNormativeDocument,
     "art20.1", 260, 10, "明确老旧小区改造的范围、资金来源、居民意见征询和验收程序。"},
    {"新华区城乡居民最低生活保障实施细则", "新华政〔{y}〕9号", PublicationKind::kNormativeDocument,
     "art20.1", 220, 12, "规定低保对象的认定条件、申请审批程序和动态管理。"},
    {"新华区人民政府机构职能和内设机构", "", PublicationKind::kOther, "art20.2", 340, 5,
     "区政府及其组成部门的职能、内设机构、办公地址、办公时间和联系电话。"},
    {"新华区国民经济和社会发展第十四个五年规划纲要中期评估报告", "", PublicationKind::kOther,
     "art20.3", 200, 14, "评估规划纲要实施情况，提出后半期的主要任务。"},
    {"新华区国土空间分区规划（公示稿）", "", PublicationKind::kOther, "art20.3", 150, 9,
     "向社会公示国土空间分区规划草案，征求公众意见。"},
    {"新华区上半年国民经济运行情况", "", PublicationKind::kOther, "art20.4", 100, 6,
     "地区生产总值、固定资产投资、社会消费品零售总额等主要指标。"},
    {"新华区第七次全国人口普查主要数据公报", "", PublicationKind::kOther, "art20.4", 330, 11,
     "常住人口、户别人口、年龄构成、受教育程度等普查数据。"},
    {"营业执照办理指南", "", PublicationKind::kOther, "art20.5", 280, 4,
     "个体工商户和企业办理营业执照的条件、材料、流程和时限。"},
    {"新华区行政许可事项清单", "", PublicationKind::kOther, "art20.5", 240, 8,
     "本区实施的行政许可事项名称、设定依据和实施机关。"},
    {"住房公积金提取办理指南", "", PublicationKind::kOther, "art20.5", 180, 5,
     "购房、租房、退休等情形提取住房公积金的条件和所需材料。"},
    {"社会保障卡补办流程", "", PublicationKind::kOther, "art20.5", 120, 3,
     "社保卡遗失后挂失、补办的渠道、材料和办理时限。"},
    {"新华区市场监督管理局行政处罚决定书（食品安全）", "新华市监罚〔{y}〕21号",
     PublicationKind::kOther, "art20.6", 90, 6, "对某餐饮店使用超过保质期食品原料的行政处罚。"},
    {"新华区政府预算公开说明", "", PublicationKind::kOther, "art20.7", 310, 15,
     "本年度区级一般公共预算收支和政府性基金预算安排。"},
    {"新华区上年度区级决算", "", PublicationKind::kOther, "art20.7", 160, 13,
     "上年度区级一般公共预算、政府性基金预算决算情况。"},
    {"新华区行政事业性收费项目目录", "", PublicationKind::kOther, "art20.8", 290, 10,
     "本区执行的行政事业性收费项目、标准和依据。"},
    {"新华区政府集中采购目录及采购限额标准", "新华财〔{y}〕3号", PublicationKind::kOther, "art20.9",
     250, 9, "集中采购目录、分散采购限额和公开招标数额标准。"},
    {"新华区政务服务中心窗口人员招聘公告", "", PublicationKind::kOther, "art20.10", 70, 2,
     "招聘岗位、条件、报名时间和考试安排。"},
    {"新华区重大建设项目批准和实施情况", "", PublicationKind::kOther, "art20.11", 140, 12,
     "本年度重大建设项目名称、批准文号、投资额和进度。"},
    {"新华区义务教育学校招生入学工作方案", "新华教体〔{y}〕12号", PublicationKind::kOther,
     "art20.12", 110, 7, "义务教育阶段划片范围、报名时间和入学材料。"},
    {"新华区医疗卫生机构名录", "", PublicationKind::kOther, "art20.12", 210, 8,
     "社区卫生服务中心、乡镇卫生院的地址和服务时间。"},
    {"新华区突发事件总体应急预案", "新华政〔{y}〕17号", PublicationKind::kNormativeDocument,
     "art20.13", 190, 11, "突发事件的分级、应急响应和处置程序。"},
    {"新华区空气质量月报", "", PublicationKind::kOther, "art20.13", 40, 3,
     "本月空气质量优良天数和主要污染物浓度。"},
    {"新华区食品安全监督抽检结果", "", PublicationKind::kOther, "art20.13", 60, 5,
     "对市场销售食品的抽检批次、合格率和不合格产品处置。"},
    {"新华区公务员录用体检结果公示", "", PublicationKind::kOther, "art20.14", 80, 4,
     "公务员考试录用拟进入考察人员名单。"},
    {"新华区政府信息公开工作年度报告", "", PublicationKind::kOther, "art20.15", 280, 6,
     "上年度政府信息主动公开、依申请公开和行政复议诉讼情况。"},
    {"新华区户籍迁移办理须知", "", PublicationKind::kOther, "art20.5", 50, 2,
     "户口迁入迁出的条件、材料和办理地点。"},
    {"新华区城市道路占用挖掘审批结果", "", PublicationKind::kOther, "art21.city.1", 30, 4,
     "本月批准的城市道路占用、挖掘项目和期限。"},
    {"新华区公共租赁住房分配结果公示", "", PublicationKind::kOther, "art21.city.2", 45, 6,
     "本批次公共租赁住房分配对象名单和房源。"},
    {"新华区国有土地上房屋征收补偿方案", "新华政〔{y}〕21号", PublicationKind::kOther,
     "art21.city.5", 130, 10, "征收范围、补偿方式、补偿标准和签约期限。"},
    {"新华区临时救助实施办法", "新华民〔{y}〕4号", PublicationKind::kNormativeDocument,
     "art21.city.7", 170, 45,  // late: 45 calendar days exceed 20 working days
     "规定临时救助的对象、标准、程序和资金管理。"},
    {"新华区人民政府关于修改部分规范性文件的决定（征求意见稿）", "", PublicationKind::kOther,
     "art20.1", 8, -1, "拟修改的规范性文件目录和修改内容，正在审核。"},
};

}  // namespace

Result<int> SeedDemoPublications(Database& db, const SearchVocabulary& vocabulary,
                                 int64_t agency_id, std::string_view agency_name, Date today) {
  std::vector<Publication> items;
  for (const auto& d : kItems) {
    Publication p;
    p.title = std::string(d.title);
    Date created = AddDays(today, -d.created_days_ago);
    std::string year = std::to_string(static_cast<int>(created.year()));
    p.doc_no = fmt::format(fmt::runtime(std::string(d.doc_no)), fmt::arg("y", year));
    p.publisher = std::string(agency_name);
    p.summary = std::string(d.summary);
    p.kind = d.kind;
    p.category = std::string(d.category);
    p.created = created;
    if (d.published_after_days >= 0) p.published = AddDays(created, d.published_after_days);
    p.channels = {PublicationChannel::kWebsite};
    if (d.kind != PublicationKind::kOther) p.channels.push_back(PublicationChannel::kGazette);
    p.text = fmt::format("{}\n{}\n本信息由{}依据《中华人民共和国政府信息公开条例》主动公开。",
                         d.title, d.summary, agency_name);
    items.push_back(std::move(p));
  }
  // The 规章 of the list was repealed a month ago and replaced: 有效性 废止 with its date.
  items[0].status = Validity::kRepealed;
  items[0].status_date = AddDays(today, -30);
  auto imported = ImportPublications(db, agency_id, items, "demo");
  if (!imported.ok()) return imported.status().WithContext("导入演示公开信息：");
  Status indexed = SyncAgencyPublicationsSearch(db, vocabulary, agency_id);
  if (!indexed.ok()) return indexed;

  DisclosureGuide guide;
  guide.classification =
      "本机关主动公开的政府信息按《中华人民共和国政府信息公开条例》第二十条、第二十一条分为"
      "机构职能、规章和规范性文件、规划计划、统计信息、政务服务、财政预决算等类别。";
  guide.arrangement =
      "政府信息公开目录按主题分类、发布机构和生成日期编排，每条信息有唯一的索引号。";
  guide.access_methods =
      "主动公开的信息可在本平台“政府信息公开目录”查阅、检索和下载，也可在区政务服务中心公开查阅点"
      "查阅。\n需要获取其他政府信息的，可通过本平台在线申请，或以信函、当面方式提出申请。";
  guide.office_name = "平顶山市新华区人民政府办公室（政府信息公开办公室）";
  guide.office_address = "河南省平顶山市新华区示例路1号";
  guide.office_hours = "工作日上午 8:30—12:00，下午 15:00—18:00（法定节假日除外）";
  guide.phone = "0375-0000000";
  guide.fax = "0375-0000001";
  guide.web_contact = "本平台“在线申请”栏目；电子邮箱 xxgk@example.gov.cn";
  auto saved = SaveGuide(db, agency_id, guide, "demo");
  if (!saved.ok()) return saved.status();
  auto published = PublishGuide(db, agency_id, saved->version, "demo");
  if (!published.ok()) return published.status();
  return *imported;
}

}  // namespace gongkai::cli
