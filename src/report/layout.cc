#include "report/layout.h"

#include <array>

namespace gongkai {
namespace {

constexpr std::array<ColumnSpec, 3> kDocumentCols{
    {{"issued", "本年制发件数"}, {"abolished", "本年废止件数"}, {"in_force", "现行有效件数"}}};
constexpr std::array<ColumnSpec, 1> kDecisionCols{{{"decisions", "本年处理决定数量"}}};
constexpr std::array<ColumnSpec, 1> kFeeCols{{{"amount_wan_yuan", "本年收费金额（单位：万元）"}}};

constexpr std::array<RowSpec, 6> kTableA2021{{
    {"rules", "规章", kDocumentCols},
    {"normative_documents", "行政规范性文件", kDocumentCols},
    {"licensing", "行政许可", kDecisionCols},
    {"punishment", "行政处罚", kDecisionCols},
    {"enforcement", "行政强制", kDecisionCols},
    {"fees", "行政事业性收费", kFeeCols, true},
}};

constexpr std::array<ColumnSpec, 3> kTrialDocumentCols{{{"made", "本年新制作数量"},
                                                        {"published", "本年新公开数量"},
                                                        {"total_published", "对外公开总数量"}}};
constexpr std::array<ColumnSpec, 3> kTrialServiceCols{{{"items_last_year", "上一年项目数量"},
                                                       {"change", "本年增/减"},
                                                       {"decisions", "处理决定数量"}}};
constexpr std::array<ColumnSpec, 2> kTrialFeeCols{
    {{"items_last_year", "上一年项目数量"}, {"change", "本年增/减"}}};
constexpr std::array<ColumnSpec, 2> kTrialProcurementCols{
    {{"projects", "采购项目数量"}, {"amount", "采购总金额"}}};

constexpr std::array<RowSpec, 8> kTableATrial{{
    {"rules", "规章", kTrialDocumentCols},
    {"normative_documents", "规范性文件", kTrialDocumentCols},
    {"licensing", "行政许可", kTrialServiceCols},
    {"other_services", "其他对外管理服务事项", kTrialServiceCols},
    {"punishment", "行政处罚", kTrialServiceCols},
    {"enforcement", "行政强制", kTrialServiceCols},
    {"fees", "行政事业性收费", kTrialFeeCols},
    {"procurement", "政府集中采购", kTrialProcurementCols, true},
}};

constexpr std::array<ColumnSpec, 7> kTableBCols{{
    {"natural_person", "自然人"},
    {"commercial", "商业企业"},
    {"research", "科研机构"},
    {"public_interest", "社会公益组织"},
    {"legal_service", "法律服务机构"},
    {"other_org", "其他"},
    {"total", "总计"},
}};

#define GONGKAI_B_ROWS_HEAD                                                                 \
  {"new", "一、本年新收政府信息公开申请数量", kTableBCols},                                 \
      {"carried_over", "二、上年结转政府信息公开申请数量", kTableBCols},                    \
      {"granted", "（一）予以公开", kTableBCols},                                           \
      {"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", kTableBCols}, \
      {"refused.state_secret", "1.属于国家秘密", kTableBCols},                              \
      {"refused.law_forbidden", "2.其他法律行政法规禁止公开", kTableBCols},                 \
      {"refused.security_stability", "3.危及“三安全一稳定”", kTableBCols},                  \
      {"refused.third_party", "4.保护第三方合法权益", kTableBCols},                         \
      {"refused.internal_affairs", "5.属于三类内部事务信息", kTableBCols},                  \
      {"refused.process_info", "6.属于四类过程性信息", kTableBCols},                        \
      {"refused.enforcement_file", "7.属于行政执法案卷", kTableBCols},                      \
      {"refused.inquiry_matter", "8.属于行政查询事项", kTableBCols},                        \
      {"unavailable.not_held", "1.本机关不掌握相关政府信息", kTableBCols},                  \
      {"unavailable.needs_creation", "2.没有现成信息需要另行制作", kTableBCols},            \
      {"unavailable.unclear", "3.补正后申请内容仍不明确", kTableBCols},                     \
      {"not_processed.petition", "1.信访举报投诉类申请", kTableBCols},                      \
      {"not_processed.repeat", "2.重复申请", kTableBCols},                                  \
      {"not_processed.publication", "3.要求提供公开出版物", kTableBCols},                   \
      {"not_processed.excessive", "4.无正当理由大量反复申请", kTableBCols}, {               \
    "not_processed.confirm", "5.要求行政机关确认或重新出具已获取信息", kTableBCols          \
  }

#define GONGKAI_B_ROWS_TAIL                                  \
  {"closed_total", "（七）总计", kTableBCols}, {             \
    "carried_forward", "四、结转下年度继续办理", kTableBCols \
  }

constexpr std::array<RowSpec, 25> kTableB2021{{
    GONGKAI_B_ROWS_HEAD,
    {"other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     kTableBCols},
    {"other.fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     kTableBCols},
    {"other.other", "3.其他", kTableBCols},
    GONGKAI_B_ROWS_TAIL,
}};

constexpr std::array<RowSpec, 23> kTableBTrial{{
    GONGKAI_B_ROWS_HEAD,
    {"other", "（六）其他处理", kTableBCols},
    GONGKAI_B_ROWS_TAIL,
}};

#undef GONGKAI_B_ROWS_HEAD
#undef GONGKAI_B_ROWS_TAIL

constexpr std::array<ColumnSpec, 5> kTableCCols{{
    {"upheld", "结果维持"},
    {"corrected", "结果纠正"},
    {"other", "其他结果"},
    {"pending", "尚未审结"},
    {"total", "总计"},
}};

constexpr std::array<RowSpec, 3> kTableC{{
    {"reconsideration", "行政复议", kTableCCols},
    {"litigation_direct", "行政诉讼（未经复议直接起诉）", kTableCCols},
    {"litigation_after_reconsideration", "行政诉讼（复议后起诉）", kTableCCols},
}};

std::string_view LabelIn(std::span<const RowSpec> rows, std::string_view key) {
  for (const auto& r : rows) {
    if (r.key == key) return r.label;
  }
  return key;
}

}  // namespace

std::span<const RowSpec> TableARows(ReportFormat f) {
  if (f == ReportFormat::k2021) return kTableA2021;
  return kTableATrial;
}

std::span<const RowSpec> TableBRows(ReportFormat f) {
  if (f == ReportFormat::k2021) return kTableB2021;
  return kTableBTrial;
}

std::span<const ColumnSpec> TableBColumns() { return kTableBCols; }
std::span<const RowSpec> TableCBlocks() { return kTableC; }

bool IsTableBResultRow(std::string_view key) {
  return key != "new" && key != "carried_over" && key != "closed_total" && key != "carried_forward";
}

std::string_view TableARowLabel(ReportFormat f, std::string_view key) {
  return LabelIn(TableARows(f), key);
}

std::string_view TableBRowLabel(ReportFormat f, std::string_view key) {
  if (key == "other") return "（六）其他处理";
  return LabelIn(TableBRows(f), key);
}

std::string_view ColumnLabel(std::string_view key) {
  for (const auto& c : kTableBCols) {
    if (c.key == key) return c.label;
  }
  for (const auto& c : kTableCCols) {
    if (c.key == key) return c.label;
  }
  for (const auto& rows : {TableARows(ReportFormat::k2021), TableARows(ReportFormat::k2019Trial)}) {
    for (const auto& r : rows) {
      for (const auto& c : r.columns) {
        if (c.key == key) return c.label;
      }
    }
  }
  return key;
}

}  // namespace gongkai
